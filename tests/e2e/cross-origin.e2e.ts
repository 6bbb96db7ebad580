import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test, type Page, type Request, type Response } from '@playwright/test';
import { waitForServiceWorker } from './fixtures';

/**
 * Another origin's page against the app (issue 13): it can frame no page of the app, neither
 * before nor after the service worker is installed, and it cannot sign a person out.
 *
 * The attacking pages come from a small server of this test's own on a free loopback port,
 * reached as 127.0.0.1 (another site than the app's localhost) and as localhost (the same site
 * on another port: another origin, but the browser sends the `SameSite=Lax` session cookie
 * along with its requests, as it would from another subdomain of the owner's domain). A real
 * server, not `page.route`: Chromium refuses a loopback frame in a page that has no address.
 */

const PORT = Number(process.env.E2E_PORT ?? 4173);
const APP = `http://localhost:${PORT}`;

let attacker: Server;
let OTHER_SITE = '';
let SAME_SITE = '';
const pages = new Map<string, string>();

test.beforeAll(async () => {
	attacker = createServer((req, res) => {
		const html = pages.get(req.url ?? '');
		res.writeHead(html ? 200 : 404, { 'content-type': 'text/html' });
		res.end(html ? `<!doctype html>${html}` : '');
	});
	await new Promise<void>((done) => attacker.listen(0, '127.0.0.1', done));
	const { port } = attacker.address() as AddressInfo;
	OTHER_SITE = `http://127.0.0.1:${port}`;
	SAME_SITE = `http://localhost:${port}`;
});
test.afterAll(() => new Promise<void>((done) => attacker.close(() => done())));

/** Pages of every kind: prerendered shell, rendered by SvelteKit, API, static file, unknown. */
const FRAMED = [
	'/',
	'/plans',
	'/sign-in',
	'/admin/audit',
	'/api/v1/health',
	'/manifest.webmanifest'
];

/** Serves `html` from the attacking server; returns its address at `origin`. */
function serveAttack(origin: string, html: string): string {
	const path = `/attack-${pages.size}.html`;
	pages.set(path, html);
	return `${origin}${path}`;
}

/**
 * Frames each path from another origin; returns the paths the browser did not refuse. A refused
 * frame fails with ERR_BLOCKED_BY_RESPONSE (frame-ancestors, X-Frame-Options) and holds the
 * browser's error page, never the app's document.
 */
async function unrefusedFrames(page: Page): Promise<string[]> {
	const refused = new Set<string>();
	const onFailed = (request: Request) => {
		if (request.failure()?.errorText === 'net::ERR_BLOCKED_BY_RESPONSE') {
			refused.add(new URL(request.url()).pathname);
		}
	};
	page.on('requestfailed', onFailed);
	const frames = FRAMED.map((path) => `<iframe src="${APP}${path}"></iframe>`);
	// `load` waits for every frame, refused or not.
	await page.goto(serveAttack(OTHER_SITE, frames.join('')), { waitUntil: 'load' });
	page.off('requestfailed', onFailed);
	for (const frame of page.frames()) {
		if (frame !== page.mainFrame()) expect(frame.url()).not.toContain(APP);
	}
	return FRAMED.filter((path) => !refused.has(path));
}

test('a page on another origin can frame no page, before and after the service worker is installed', async ({
	page,
	context
}) => {
	expect(await unrefusedFrames(page)).toEqual([]);

	// Install the service worker: the shell it serves offline is a cached response.
	await page.goto('/');
	await waitForServiceWorker(page);
	expect(await unrefusedFrames(page)).toEqual([]);

	// The responses the worker answers with carry the headers that forbid framing.
	await page.goto('/');
	await context.setOffline(true);
	const response = await page.goto('/plans');
	expect(response?.fromServiceWorker()).toBe(true);
	const headers = response!.headers();
	expect(headers['x-frame-options']).toBe('DENY');
	expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
	expect(headers['x-content-type-options']).toBe('nosniff');
	await context.setOffline(false);
});

test('a page on another origin cannot sign a person out', async ({ page }) => {
	const signIn = await page.request.post('/api/v1/auth/sign-in', {
		data: { email: 'ansatt@demo.lekeplan.no', password: 'lekeplan-demo' },
		headers: { origin: APP }
	});
	expect(signIn.status()).toBe(200);
	const signedIn = async () =>
		((await (await page.request.get('/api/v1/me')).json()) as { user: unknown }).user !== null;
	expect(await signedIn()).toBe(true);

	for (const origin of [SAME_SITE, OTHER_SITE]) {
		// A script's request with no body, and a form posted into a hidden frame.
		const attack = serveAttack(
			origin,
			`<iframe name="sink"></iframe>
			<form id="out" method="post" target="sink" action="${APP}/api/v1/auth/sign-out"></form>
			<script>
				window.done = fetch('${APP}/api/v1/auth/sign-out', {
					method: 'POST', mode: 'no-cors', credentials: 'include'
				}).then(() => 'sent', () => 'failed');
				document.getElementById('out').submit();
			</script>`
		);
		const refusals: number[] = [];
		const listen = (response: Response) => {
			if (response.url().endsWith('/api/v1/auth/sign-out')) refusals.push(response.status());
		};
		page.on('response', listen);
		await page.goto(attack);
		await page.evaluate(() => (window as unknown as { done: Promise<string> }).done);
		await expect.poll(() => refusals.length).toBe(2);
		page.off('response', listen);
		expect(refusals, origin).toEqual([403, 403]);
		expect(await signedIn(), `still signed in after ${origin}`).toBe(true);
	}
});
