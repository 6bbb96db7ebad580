import path from 'node:path';
import { chromium, type Browser, type BrowserContextOptions, type Page } from '@playwright/test';
import { build as viteBuild } from 'vite';
import { chromiumLaunchOptions } from '../tests/chromium';
import type {} from './page/entry';
import type {} from './page/probes';
import { ROOT } from './util';

/** Every measuring browser context (plus its baseURL). */
export const CONTEXT_OPTIONS: BrowserContextOptions = {
	locale: 'nb-NO',
	timezoneId: 'Europe/Oslo',
	viewport: { width: 1024, height: 768 },
	serviceWorkers: 'allow'
};

/** The Chromium of the end-to-end tests (tests/chromium.ts: `CHROMIUM_PATH`, flags). */
export function launchChromium(): Promise<Browser> {
	return chromium.launch(chromiumLaunchOptions);
}

/**
 * What runs in the app's pages, bundled by Vite with the app's modules (so `$lib` resolves as in
 * the app, and nothing sent to a page is code the runner's TypeScript loader rewrote):
 * `bench`, bench/page/entry.ts (`window.bench`, injected into a page when needed); `probes`,
 * bench/page/probes.ts (an init script of the week view's context).
 */
export interface PageBundles {
	bench: string;
	probes: string;
}

export async function bundlePage(): Promise<PageBundles> {
	return {
		bench: await bundle('bench/page/entry.ts', 'LekeplanBench'),
		probes: await bundle('bench/page/probes.ts', 'LekeplanBenchProbes')
	};
}

/** Bundles `entry` (and the app modules it imports) into one browser script. */
async function bundle(entry: string, name: string): Promise<string> {
	const result = await viteBuild({
		configFile: false,
		root: ROOT,
		logLevel: 'warn',
		publicDir: false,
		resolve: { alias: { $lib: path.join(ROOT, 'src/lib') } },
		define: { 'process.env.NODE_ENV': JSON.stringify('production') },
		build: {
			write: false,
			minify: true,
			copyPublicDir: false,
			reportCompressedSize: false,
			lib: {
				entry: path.join(ROOT, entry),
				formats: ['iife'],
				name,
				fileName: () => path.basename(entry).replace(/\.ts$/, '.js')
			}
		}
	});
	const outputs = (Array.isArray(result) ? result : [result]).flatMap((r) =>
		'output' in r ? r.output : []
	);
	const chunk = outputs.find((o) => o.type === 'chunk' && o.isEntry);
	if (!chunk || chunk.type !== 'chunk')
		throw new Error(`the bundle of ${entry} has no entry chunk`);
	return chunk.code;
}

/**
 * Opens the app's first page and waits until the app knows who is signed in (nobody): the
 * header's sign-in link loses `unknown` when the server has answered. A step that then signs in
 * through the page's bench half (`seedServer`) must not race the app's own question, which the
 * app asks in a task after its first paint (ADR 46): answered after the bench's sign-in, it
 * would find a signed-in planner and reload into their database, in the middle of the step.
 */
export async function openAppSettled(page: Page): Promise<void> {
	await page.goto('/');
	await page.locator('a.account-link:not(.unknown)').waitFor();
}

/** Puts the bundle into the page: `window.bench` is then the page's half. */
export async function injectBench(page: Page, bundle: string): Promise<void> {
	await page.addScriptTag({ content: bundle });
	await page.waitForFunction(() => window.bench !== undefined);
}
