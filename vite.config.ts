import { sveltekit } from '@sveltejs/kit/vite';
import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { SvelteKitPWA } from '@vite-pwa/sveltekit';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vitest/config';
import { checkBuiltInLibrary } from './src/lib/domain/library/check';
import { checkItemBank } from './src/lib/domain/competence/item-bank';
import { checkResources } from './src/lib/domain/competence/resources';

const ROUTES = fileURLToPath(new URL('./src/routes', import.meta.url));

/** What a route parameter may be, by its matcher (src/params): the rest is one path segment. */
const PARAM_PATTERNS: Record<string, string> = {
	uuid: '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}',
	activity: '[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*'
};

/**
 * The app's pages as path patterns, from src/routes: the service worker answers these with the
 * offline shell; any other path goes to the server, which answers 404 (issue 12). Route groups
 * `(x)` leave no segment; `[name=matcher]` takes its matcher's pattern. A query may follow.
 */
function pagePatterns(dir = ROUTES, segments: string[] = []): RegExp[] {
	const entries = readdirSync(dir, { withFileTypes: true });
	const patterns: RegExp[] = [];
	if (entries.some((e) => e.isFile() && e.name === '+page.svelte')) {
		patterns.push(new RegExp(`^/${segments.join('/')}${segments.length ? '/?' : ''}(?:\\?.*)?$`));
	}
	for (const entry of entries) {
		// The parents' pages (issue 17, ADR 39) always come from the server: never the shell.
		if (!entry.isDirectory() || entry.name === 'api' || entry.name === '(parents)') continue;
		const param = /^\[(\w+)(?:=(\w+))?\]$/.exec(entry.name);
		const segment = /^\(.+\)$/.test(entry.name)
			? null
			: param
				? `(?:${PARAM_PATTERNS[param[2] ?? ''] ?? '[^/?]+'})`
				: entry.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
		patterns.push(
			...pagePatterns(`${dir}/${entry.name}`, segment === null ? segments : [...segments, segment])
		);
	}
	return patterns;
}

const LIBRARY_CONTENT = fileURLToPath(new URL('./src/lib/domain/library/content', import.meta.url));
const ITEM_BANK = fileURLToPath(new URL('./src/lib/domain/competence/content', import.meta.url));

/** The competence item bank's files as text, by name (what checkItemBank reads). */
function itemBankFiles(): Record<string, string> {
	return Object.fromEntries(
		readdirSync(ITEM_BANK).map((name) => [name, readFileSync(`${ITEM_BANK}/${name}`, 'utf8')])
	);
}

/** The built-in library's files as text, by `<id>/<name>` (what checkBuiltInLibrary reads). */
function libraryFiles(): Record<string, string> {
	const files: Record<string, string> = {};
	for (const folder of readdirSync(LIBRARY_CONTENT, { withFileTypes: true })) {
		if (!folder.isDirectory()) continue;
		for (const name of readdirSync(`${LIBRARY_CONTENT}/${folder.name}`)) {
			files[`${folder.name}/${name}`] = readFileSync(
				`${LIBRARY_CONTENT}/${folder.name}/${name}`,
				'utf8'
			);
		}
	}
	return files;
}

/**
 * Fails the build (and stops the dev server from starting) when a built-in activity's files
 * lack a field or a shipped locale, or hold something invalid (ADR 19, docs/CONTRIBUTING.md),
 * and likewise the competence item bank's (ADR 25).
 */
function libraryCheck(): Plugin {
	return {
		name: 'lekeplan-library-check',
		buildStart() {
			const problems = checkBuiltInLibrary(libraryFiles());
			if (problems.length > 0) {
				this.error(`The activity library is incomplete:\n  ${problems.join('\n  ')}`);
			}
			const files = itemBankFiles();
			const bankProblems = [...checkItemBank(files), ...checkResources(files['resources.json'])];
			if (bankProblems.length > 0) {
				this.error(`The competence item bank is incomplete:\n  ${bankProblems.join('\n  ')}`);
			}
		}
	};
}

export default defineConfig({
	// The app's pages (from src/routes), for the service worker: it answers those navigations
	// with the offline shell and lets any other path reach the server, which answers 404 (issue 12).
	define: { __LEKEPLAN_PAGES__: JSON.stringify(pagePatterns().map((p) => p.source)) },
	resolve: {
		alias: [
			{
				// workbox-window's package.json points bundlers at its ES5 build. The app is built for
				// browsers that run ES2022 (Vite's default target; its own code uses private fields),
				// so take the package's ES2017 build (its "primaryBuild"): the same code, 1 KB less
				// on the first page (ADR 12).
				find: /^workbox-window$/,
				replacement: fileURLToPath(
					new URL('./node_modules/workbox-window/build/workbox-window.prod.mjs', import.meta.url)
				)
			}
		]
	},
	environments: {
		// The browser's code only (the server's stays readable): terser with two passes makes the
		// first page 0.7 KB smaller than Vite's default minifier, for a few seconds of build (ADR 12).
		client: {
			build: {
				minify: 'terser',
				terserOptions: { compress: { passes: 2 } },
				// Vite lists every lazily loaded module's own imports on the first page, to preload
				// them with it (`__vite__mapDeps`): 2.5 KB gzip by now, growing with every page. The
				// imports load all the same when the module does; the first page stays small (ADR 12).
				modulePreload: { resolveDependencies: () => [] }
			}
		}
	},
	plugins: [
		libraryCheck(),
		paraglideVitePlugin({
			project: './project.inlang',
			outdir: './src/lib/paraglide',
			// The app renders on the client only (offline-first), so the choice lives in the browser.
			strategy: ['localStorage', 'preferredLanguage', 'baseLocale']
		}),
		paraglideVitePlugin({
			// The parents' pages (issue 17, ADR 39): their own eight languages, rendered on the server.
			// Every message is called with the page's locale (`m.key(inputs, { locale })`), so the
			// runtime's own choice is never asked.
			project: './parents.inlang',
			outdir: './src/lib/paraglide-parents',
			strategy: ['baseLocale']
		}),
		sveltekit(),
		SvelteKitPWA({
			// Our own worker (src/service-worker.ts, ADR 24), built by SvelteKit; the plugin writes the
			// precache list into it and names it sw.js, the URL every installed app checks.
			strategies: 'injectManifest',
			srcDir: 'src',
			filename: 'sw.ts',
			injectManifest: {},
			// We register the worker ourselves with workbox-window (AppUpdate, in
			// src/lib/client/state/app-update.svelte.ts, from the root layout) so the
			// update prompt can also reload a page that no worker controlled yet.
			injectRegister: false,
			registerType: 'prompt',
			manifestFilename: 'manifest.webmanifest',
			manifest: {
				name: 'Lekeplan',
				short_name: 'Lekeplan',
				description: 'Planlegg og vurder digital praksis i barnehagen',
				lang: 'nb',
				start_url: '/',
				scope: '/',
				display: 'standalone',
				background_color: '#fdfaf3',
				theme_color: '#1f5f4a',
				icons: [
					{ src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' },
					{ src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png' },
					{
						src: '/icons/icon-maskable-512.png',
						sizes: '512x512',
						type: 'image/png',
						purpose: 'maskable'
					}
				]
			}
		})
	],
	test: {
		include: ['src/**/*.{test,spec}.ts', 'tests/server/**/*.test.ts'],
		// The database suites start databases and hash passwords: give them room on 2 cores.
		testTimeout: 30_000,
		hookTimeout: 60_000,
		environment: 'node',
		expect: { requireAssertions: true }
	}
});
