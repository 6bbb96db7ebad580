/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
// The service worker (ADR 24): precaches the built app and answers every navigation with the
// prerendered shell at `/` (ADR 1), as Workbox's generated worker did, in a tenth of its bytes
// (the first visit downloads it). Built by SvelteKit; vite-plugin-pwa writes the precache list
// into `self.__WB_MANIFEST` and names the result /sw.js. The page registers it with
// workbox-window (src/lib/client/state/app-update.svelte.ts), which asks a waiting worker to
// take over with the message `{ type: 'SKIP_WAITING' }`.

const sw = self as unknown as ServiceWorkerGlobalScope;
/** The precache list; the build looks for this expression, written as it is here. */
const manifest = (
	self as unknown as { __WB_MANIFEST: Array<{ url: string; revision: string | null }> }
).__WB_MANIFEST;

/** One cache for every version: an entry's key holds its revision, so updates fetch only what changed. */
const CACHE = `lekeplan-precache-${sw.registration.scope}`;
const REVISION = '__rev';

/** Each precached URL (absolute, without a query) and the cache key of its current revision. */
const keys = new Map<string, string>();
for (const { url, revision } of manifest) {
	const absolute = new URL(url, sw.location.href);
	const key = new URL(absolute);
	if (revision) key.searchParams.set(REVISION, revision);
	keys.set(absolute.href, key.href);
}
const SHELL = keys.get(new URL('/', sw.location.href).href);

/** The app's pages, from src/routes at build time (vite.config.ts): only they get the shell. */
declare const __LEKEPLAN_PAGES__: string[];
const PAGES = __LEKEPLAN_PAGES__.map((source) => new RegExp(source));
const isPage = (pathname: string) => PAGES.some((page) => page.test(pathname));

sw.addEventListener('install', (event) => {
	event.waitUntil(
		(async () => {
			const cache = await caches.open(CACHE);
			const missing = [];
			for (const [url, key] of keys) if (!(await cache.match(key))) missing.push([url, key]);
			// Any failure fails the install: a worker never takes over with part of the app.
			await Promise.all(
				missing.map(async ([url, key]) => {
					const response = await fetch(url!, { cache: 'reload', credentials: 'same-origin' });
					if (!response.ok) throw new Error(`precache: ${url} answered ${response.status}`);
					await cache.put(key!, response);
				})
			);
		})()
	);
});

sw.addEventListener('activate', (event) => {
	event.waitUntil(
		(async () => {
			// Entries of earlier versions, and the caches of the Workbox worker this one replaced.
			const wanted = new Set(keys.values());
			const cache = await caches.open(CACHE);
			for (const request of await cache.keys()) {
				if (!wanted.has(request.url)) await cache.delete(request);
			}
			for (const name of await caches.keys()) {
				if (name !== CACHE && name.startsWith('workbox-precache')) await caches.delete(name);
			}
			await sw.clients.claim();
		})()
	);
});

sw.addEventListener('message', (event) => {
	if ((event.data as { type?: string } | null)?.type === 'SKIP_WAITING') void sw.skipWaiting();
});

sw.addEventListener('fetch', (event) => {
	const { request } = event;
	if (request.method !== 'GET') return;
	const url = new URL(request.url);
	if (url.origin !== sw.location.origin) return;
	url.hash = '';
	url.search = '';
	let key = keys.get(url.href);
	// Every page renders on the client: a navigation to one of the app's pages gets the shell;
	// any other path goes to the server, which answers 404 (the API is never a page).
	if (!key && request.mode === 'navigate' && isPage(url.pathname)) key = SHELL;
	if (!key) return;
	event.respondWith(
		caches
			.open(CACHE)
			.then((cache) => cache.match(key))
			.then((cached) => cached ?? fetch(request))
	);
});
