import { gzipSync } from 'node:zlib';
import type { Browser, BrowserContextOptions } from '@playwright/test';
import { TARGETS, yes, type Measurement } from '../measurement';
import { round1 } from '../stats';
import { plural, progress } from '../util';

/**
 * 4. What the first page in a fresh browser loads (the welcome screen), gzipped. Two figures:
 * the page's JavaScript (ADR 12's definition, as issue 11 compares it), and the first visit's
 * (issue 20): every script it downloads, the page's and the service worker's. The worker's
 * precache, which it fetches in the background once installed, is not counted.
 */

interface Total {
	files: number;
	kb: number;
	gzipKb: number;
}

export interface FirstPageResult {
	js: Total;
	css: Total;
	worker: Total;
	/** The page's JavaScript and the service worker's scripts. */
	firstVisit: Total;
	files: Array<{ path: string; kind: string; bytes: number; gzipBytes: number }>;
}

interface Seen {
	path: string;
	kind: string;
	body: Buffer;
}

export async function measureFirstPage(
	browser: Browser,
	contextOptions: BrowserContextOptions,
	origin: string
): Promise<FirstPageResult> {
	const context = await browser.newContext(contextOptions);
	try {
		const pending: Array<Promise<Seen | null>> = [];
		context.on('response', (response) => {
			pending.push(
				(async () => {
					const url = new URL(response.url());
					if (url.origin !== origin) return null;
					const request = response.request();
					const file = url.pathname.split('/').pop() ?? '';
					const worker = file === 'sw.js' || /^workbox-.*\.js$/.test(file);
					// The worker precaches every asset; those fetches are not the page's.
					if (!worker && request.serviceWorker()) return null;
					const type = request.resourceType();
					const contentType = (await response.headerValue('content-type')) ?? '';
					const kind =
						type === 'stylesheet' || contentType.includes('text/css')
							? 'css'
							: type === 'script' || contentType.includes('javascript')
								? 'js'
								: null;
					if (!kind) return null;
					const body = await response.body().catch(() => null);
					if (!body) return null;
					return { path: url.pathname, kind: worker ? 'worker' : kind, body };
				})()
			);
		});
		const page = await context.newPage();
		await page.goto('/', { waitUntil: 'networkidle' });
		await page.getByRole('button', { name: 'Last inn eksempeldata' }).waitFor();
		await page.waitForLoadState('networkidle');
		const seen = new Map<string, Seen>();
		for (const entry of await Promise.all(pending)) if (entry) seen.set(entry.path, entry);

		// The worker's own scripts, fetched directly if the browser's fetch was not reported.
		if (![...seen.values()].some((e) => e.path === '/sw.js')) {
			const body = Buffer.from(await (await fetch(`${origin}/sw.js`)).arrayBuffer());
			seen.set('/sw.js', { path: '/sw.js', kind: 'worker', body });
		}
		const sw = seen.get('/sw.js')!.body.toString('utf8');
		for (const name of new Set(sw.match(/workbox-[\w-]+\.js/g) ?? [])) {
			if (seen.has(`/${name}`)) continue;
			const body = Buffer.from(await (await fetch(`${origin}/${name}`)).arrayBuffer());
			seen.set(`/${name}`, { path: `/${name}`, kind: 'worker', body });
		}

		const files = [...seen.values()]
			.map((e) => ({
				path: e.path,
				kind: e.kind,
				bytes: e.body.length,
				gzipBytes: gzipSync(e.body, { level: 9 }).length
			}))
			.sort((a, b) => a.kind.localeCompare(b.kind) || b.gzipBytes - a.gzipBytes);
		const total = (kind: string): Total => {
			const of = files.filter((f) => f.kind === kind);
			return {
				files: of.length,
				kb: round1(of.reduce((s, f) => s + f.bytes, 0) / 1024),
				gzipKb: round1(of.reduce((s, f) => s + f.gzipBytes, 0) / 1024)
			};
		};
		const js = total('js');
		const worker = total('worker');
		const firstVisit = {
			files: js.files + worker.files,
			kb: round1(js.kb + worker.kb),
			gzipKb: round1(
				files
					.filter((f) => f.kind === 'js' || f.kind === 'worker')
					.reduce((s, f) => s + f.gzipBytes, 0) / 1024
			)
		};
		return { js, css: total('css'), worker, firstVisit, files };
	} finally {
		await context.close();
	}
}

export const firstPage: Measurement = {
	phase: 'browser',
	async run({ browser, contextOptions, origin }) {
		progress('4/7 first page size');
		return { firstPage: await measureFirstPage(browser, contextOptions, origin) };
	},
	rows({ firstPage }) {
		return [
			[
				'First page JS, gzip -9 (service worker not counted, as ADR 12)',
				`${firstPage.js.gzipKb} KB (${plural(firstPage.js.files, 'file')}, ${firstPage.js.kb} KB raw)`,
				`≤ ${TARGETS.firstPageJsKb} KB`,
				yes(firstPage.js.gzipKb <= TARGETS.firstPageJsKb)
			],
			[
				'First visit: page JS + service worker, gzip -9',
				`${firstPage.firstVisit.gzipKb} KB (worker ${firstPage.worker.gzipKb} KB, ${plural(firstPage.worker.files, 'file')})`,
				`≤ ${TARGETS.firstVisitKb} KB`,
				yes(firstPage.firstVisit.gzipKb <= TARGETS.firstVisitKb)
			],
			[
				'First page CSS, gzip -9',
				`${firstPage.css.gzipKb} KB (${plural(firstPage.css.files, 'file')}, ${firstPage.css.kb} KB raw)`,
				'—',
				'—'
			]
		];
	},
	met: ({ firstPage }) => ({
		firstPageJsKb: firstPage.js.gzipKb <= TARGETS.firstPageJsKb,
		firstVisitKb: firstPage.firstVisit.gzipKb <= TARGETS.firstVisitKb
	})
};

/** `--only first-page`: every file the first page loads, and the totals. */
export function printFirstPage(firstPage: FirstPageResult): void {
	console.log('');
	for (const f of firstPage.files) {
		const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`.padStart(9);
		console.log(`${f.kind.padEnd(6)} ${kb(f.gzipBytes)} gzip ${kb(f.bytes)} raw  ${f.path}`);
	}
	console.log('');
	const met = firstPage.js.gzipKb <= TARGETS.firstPageJsKb ? 'met' : 'NOT met';
	console.log(
		`First page JS, gzip -9: ${firstPage.js.gzipKb} KB (${plural(firstPage.js.files, 'file')}, ` +
			`${firstPage.js.kb} KB raw); target ≤ ${TARGETS.firstPageJsKb} KB: ${met}`
	);
	const visit = firstPage.firstVisit.gzipKb <= TARGETS.firstVisitKb ? 'met' : 'NOT met';
	console.log(
		`First visit (page JS + service worker ${firstPage.worker.gzipKb} KB), gzip -9: ` +
			`${firstPage.firstVisit.gzipKb} KB; target ≤ ${TARGETS.firstVisitKb} KB: ${visit}`
	);
	console.log(`First page CSS, gzip -9: ${firstPage.css.gzipKb} KB`);
}
