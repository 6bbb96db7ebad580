import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

/**
 * Import directions (docs/ARCHITECTURE.md): routes and components → state →
 * client db/sync → sync protocol → domain. Each layer lists what it may not reach.
 */
const layer = (files, forbidden, message) => ({
	files,
	rules: {
		'no-restricted-imports': [
			'error',
			{ patterns: forbidden.map((group) => ({ group: [group], message })) }
		]
	}
});

const anyUi = ['svelte', 'svelte/*', '$app/*', '**/*.svelte', '$lib/components/**'];
const anyClient = ['dexie', '$lib/client/**', '**/client/**', 'workbox-window'];
const anyServer = ['$lib/server/**', '**/server/**', '$env/**'];

export default ts.config(
	{
		ignores: [
			'build/',
			'.svelte-kit/',
			'src/lib/paraglide/',
			'src/lib/paraglide-parents/',
			'test-results/',
			'playwright-report/',
			'bench-results/',
			'static/'
		]
	},
	js.configs.recommended,
	...ts.configs.recommendedTypeChecked,
	...svelte.configs.recommended,
	prettier,
	...svelte.configs.prettier,
	{
		languageOptions: {
			globals: { ...globals.browser, ...globals.node },
			parserOptions: {
				projectService: {
					allowDefaultProject: [
						'playwright.config.ts',
						'vitest.kill.config.ts',
						'src/service-worker.ts'
					]
				},
				tsconfigRootDir: import.meta.dirname,
				extraFileExtensions: ['.svelte']
			}
		},
		rules: {
			'@typescript-eslint/no-floating-promises': 'error',
			'@typescript-eslint/no-misused-promises': 'error',
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
			'no-undef': 'off',
			// Lekeplan is served at the origin's root (no `paths.base`), and the service worker's
			// navigation fallback depends on it; resolve() would add noise, not safety.
			'svelte/no-navigation-without-resolve': 'off'
		}
	},
	{
		files: ['**/*.svelte', '**/*.svelte.ts', '**/*.svelte.js'],
		languageOptions: {
			parserOptions: { parser: ts.parser, svelteConfig }
		}
	},
	{
		files: ['**/*.js', '**/*.cjs'],
		...ts.configs.disableTypeChecked
	},
	layer(
		['src/lib/domain/**'],
		[...anyUi, ...anyClient, ...anyServer, '$lib/sync/**', '**/sync/**', '$lib/paraglide/**'],
		'domain is pure: no UI, storage, server, sync or translations (docs/ARCHITECTURE.md).'
	),
	layer(
		['src/lib/sync/**'],
		[...anyUi, ...anyClient, ...anyServer, '$lib/paraglide/**'],
		'the sync protocol is shared by client and server: it imports only the domain.'
	),
	layer(
		['src/lib/client/db/**'],
		[...anyUi, ...anyServer, '$lib/client/state/**', '$lib/client/sync/**', '**/state/**'],
		'client/db knows Dexie and the domain, never the UI, the state layer or the server.'
	),
	{
		// client/api takes the paths, inputs and answers from the server's route definitions, as
		// types only (ADR 17): an `import type` is erased, so no server code reaches the browser.
		files: ['src/lib/client/api/**'],
		rules: {
			'@typescript-eslint/no-restricted-imports': [
				'error',
				{
					patterns: [
						{
							group: [...anyUi, '$lib/client/state/**', '$lib/client/db/**', '**/state/**'],
							message: 'client/api is the HTTP client of the server API: no UI, no storage.'
						},
						{
							group: anyServer,
							allowTypeImports: true,
							message: 'client/api takes server types only: `import type`, never server code.'
						}
					]
				}
			]
		}
	},
	layer(
		['src/lib/client/sync/**'],
		[...anyUi, ...anyServer, '$lib/client/state/**', '**/state/**'],
		'client/sync is below the state layer and knows no UI.'
	),
	layer(
		['src/lib/client/state/**'],
		['$lib/components/**', '**/routes/**', '$app/*', ...anyServer],
		'state is the data API of the UI; it does not import components or pages.'
	),
	layer(
		['src/lib/components/**'],
		[
			'dexie',
			'$lib/client/db/**',
			'$lib/client/sync/**',
			'$lib/client/api/**',
			'$app/*',
			...anyServer
		],
		'components are presentational: props in, events out; data comes through state.'
	),
	layer(
		['src/routes/**'],
		['dexie', '$lib/client/db/**', '$lib/client/sync/**', '$lib/client/api/**', ...anyServer],
		'pages use $lib/client/state, the only data API of the UI; server code only in *.server.ts.'
	),
	{
		// The server's side of a route (ADR 39): the parents' pages' loads, actions and endpoints, and
		// the API's handler, call the server's use cases: files SvelteKit never sends to a browser.
		...layer(
			['src/routes/**'],
			['dexie', '$lib/client/db/**', '$lib/client/sync/**', '$lib/client/api/**'],
			'server files of routes call use cases, never browser storage.'
		),
		files: ['src/routes/**/*.server.ts', 'src/routes/**/+server.ts']
	},
	layer(['src/lib/server/**'], [...anyUi, ...anyClient], 'server code never imports browser code.')
);
