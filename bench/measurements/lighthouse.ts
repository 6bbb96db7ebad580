import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';
import lighthouse from 'lighthouse';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../tests/chromium';
import { TARGETS, type Measurement, type Row } from '../measurement';
import { median, round1 } from '../stats';
import { progress } from '../util';

/**
 * 7. Lighthouse (npm `lighthouse`, its default mobile settings: a mid-range phone, simulated
 * slow 4G and a 4× slower CPU) on `/`, `/library` and `/guidance` (issue 12, point 17), in the
 * same Chromium as the rest of the bench. Each page is measured `runs` times after a warm-up
 * run that is not counted, and the median kept. `/` is measured twice: as a first visit (Lighthouse clears the origin's storage first:
 * the welcome screen, no service worker) and, like the other two pages, as a planner's page on
 * a device with the demo kindergarten loaded and the service worker installed (storage kept).
 */

export const LIGHTHOUSE_PAGES = [
	{ name: '/ (first visit)', path: '/', firstVisit: true },
	{ name: '/', path: '/', firstVisit: false },
	{ name: '/library', path: '/library', firstVisit: false },
	{ name: '/guidance', path: '/guidance', firstVisit: false }
] as const;

export interface LighthousePage {
	name: string;
	path: string;
	firstVisit: boolean;
	runs: number;
	/** 0–100, the median of the runs. */
	performance: number;
	accessibility: number;
	totalBlockingTimeMs: number;
	largestContentfulPaintMs: number;
	cumulativeLayoutShift: number;
	/** Each run's figures. */
	performanceRuns: number[];
	accessibilityRuns: number[];
	totalBlockingTimeRuns: number[];
	/** Accessibility audits that failed in any run (their ids). */
	failedAccessibilityAudits: string[];
}

export interface LighthouseResult {
	lighthouseVersion: string;
	/** Lighthouse's measure of the machine's speed, the median of every run (a fast desktop: ~1,500+). */
	benchmarkIndex: number;
	pages: LighthousePage[];
}

function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.on('error', reject);
		server.listen(0, () => {
			const { port } = server.address() as AddressInfo;
			server.close(() => resolve(port));
		});
	});
}

interface Run {
	version: string;
	benchmarkIndex: number;
	performance: number;
	accessibility: number;
	tbt: number;
	lcp: number;
	cls: number;
	failed: string[];
}

async function runLighthouse(url: string, port: number, firstVisit: boolean): Promise<Run> {
	const result = await lighthouse(url, {
		port,
		output: 'json',
		logLevel: 'error',
		onlyCategories: ['performance', 'accessibility'],
		disableStorageReset: !firstVisit
	});
	if (!result) throw new Error(`Lighthouse gave no result for ${url}`);
	const { lhr } = result;
	if (lhr.runtimeError) throw new Error(`Lighthouse on ${url}: ${lhr.runtimeError.message}`);
	const dumpDir = process.env['LIGHTHOUSE_JSON_DIR'];
	if (dumpDir) {
		// For finding where the time goes: the whole report (long tasks, bootup time, …) per run.
		await mkdir(dumpDir, { recursive: true });
		const name = `${new URL(url).pathname.replace(/\W+/g, '_')}${firstVisit ? 'first' : ''}`;
		await writeFile(path.join(dumpDir, `${name}-${Date.now()}.json`), JSON.stringify(lhr));
	}
	const score = (id: string) => Math.round((lhr.categories[id]?.score ?? 0) * 100);
	const value = (id: string) => lhr.audits[id]?.numericValue ?? Number.NaN;
	const failed = (lhr.categories['accessibility']?.auditRefs ?? [])
		.map((ref) => lhr.audits[ref.id])
		.filter((audit) => audit && audit.score !== null && audit.score < 1)
		.map((audit) => audit!.id);
	return {
		version: lhr.lighthouseVersion,
		benchmarkIndex: lhr.environment.benchmarkIndex,
		performance: score('performance'),
		accessibility: score('accessibility'),
		tbt: value('total-blocking-time'),
		lcp: value('largest-contentful-paint'),
		cls: value('cumulative-layout-shift'),
		failed
	};
}

export async function measureLighthouse(origin: string, runs: number): Promise<LighthouseResult> {
	const port = await freePort();
	const userDataDir = await mkdtemp(path.join(tmpdir(), 'lekeplan-lighthouse-'));
	// A persistent context is the browser's default one, which Lighthouse's tabs share: the demo
	// kindergarten loaded here is there when Lighthouse opens the planner's pages.
	const context = await chromium.launchPersistentContext(userDataDir, {
		executablePath: CHROMIUM_PATH,
		args: [...CHROMIUM_ARGS, `--remote-debugging-port=${port}`, '--lang=nb-NO'],
		locale: 'nb-NO',
		timezoneId: 'Europe/Oslo',
		serviceWorkers: 'allow'
	});
	let version = '';
	const benchmarkIndexes: number[] = [];
	try {
		const pages: LighthousePage[] = [];
		const measure = async (page: (typeof LIGHTHOUSE_PAGES)[number]) => {
			// One run first that is not counted, as every step of the bench warms up: the first
			// after the server starts also pays for its own first answers (the code's first runs).
			const warmUp = await runLighthouse(`${origin}${page.path}`, port, page.firstVisit);
			progress(
				`Lighthouse ${page.name}: warm-up (not counted): performance ${warmUp.performance}, ` +
					`TBT ${warmUp.tbt.toFixed(0)} ms`
			);
			const done: Run[] = [];
			for (let r = 0; r < runs; r++) {
				const run = await runLighthouse(`${origin}${page.path}`, port, page.firstVisit);
				version = run.version;
				benchmarkIndexes.push(run.benchmarkIndex);
				done.push(run);
				progress(
					`Lighthouse ${page.name}: run ${r + 1}/${runs}: performance ${run.performance}, ` +
						`accessibility ${run.accessibility}, TBT ${run.tbt.toFixed(0)} ms`
				);
			}
			pages.push({
				name: page.name,
				path: page.path,
				firstVisit: page.firstVisit,
				runs,
				performance: median(done.map((d) => d.performance)),
				accessibility: median(done.map((d) => d.accessibility)),
				totalBlockingTimeMs: round1(median(done.map((d) => d.tbt))),
				largestContentfulPaintMs: round1(median(done.map((d) => d.lcp))),
				cumulativeLayoutShift: Math.round(median(done.map((d) => d.cls)) * 1000) / 1000,
				performanceRuns: done.map((d) => d.performance),
				accessibilityRuns: done.map((d) => d.accessibility),
				totalBlockingTimeRuns: done.map((d) => round1(d.tbt)),
				failedAccessibilityAudits: [...new Set(done.flatMap((d) => d.failed))]
			});
		};
		// First visits first: Lighthouse clears the origin's storage before each of them.
		// LIGHTHOUSE_PAGES=/library,/guidance measures only those (names as in LIGHTHOUSE_PAGES).
		const chosen = process.env['LIGHTHOUSE_PAGES']?.split(',');
		const pagesToMeasure = LIGHTHOUSE_PAGES.filter((p) => !chosen || chosen.includes(p.name));
		for (const page of pagesToMeasure) if (page.firstVisit) await measure(page);

		const setup = await context.newPage();
		await setup.goto(`${origin}/`);
		await setup.getByRole('button', { name: 'Last inn eksempeldata' }).click();
		await setup.getByRole('heading', { level: 1, name: /^Uke \d+/ }).waitFor();
		await setup.evaluate(async () => {
			await navigator.serviceWorker.ready;
		});
		await setup.close();
		for (const page of pagesToMeasure) if (!page.firstVisit) await measure(page);
		return {
			lighthouseVersion: version,
			benchmarkIndex: Math.round(median(benchmarkIndexes)),
			pages
		};
	} finally {
		await context.close().catch(() => {});
		await rm(userDataDir, { recursive: true, force: true }).catch(() => {});
	}
}

const met = (p: LighthousePage) =>
	p.performance >= TARGETS.lighthousePerformance &&
	p.accessibility >= TARGETS.lighthouseAccessibility &&
	p.totalBlockingTimeMs <= TARGETS.lighthouseTbtMs;

export const lighthouseMeasurement: Measurement = {
	// Its own Chrome, with the bench's closed (what the bench's pages left running counted here).
	phase: 'alone',
	async run({ origin, options }) {
		progress('7/7 Lighthouse (mobile) on /, /library, /guidance');
		return { lighthouse: await measureLighthouse(origin, options.rounds) };
	},
	rows({ lighthouse: lh }) {
		return lh.pages.map((p): Row => [
			`Lighthouse ${lh.lighthouseVersion} mobile ${p.name}: performance, accessibility, TBT`,
			`${p.performance}, ${p.accessibility}, ${Math.round(p.totalBlockingTimeMs)} ms` +
				(p.failedAccessibilityAudits.length > 0
					? ` (failed: ${p.failedAccessibilityAudits.join(', ')})`
					: ''),
			`≥ ${TARGETS.lighthousePerformance}, ${TARGETS.lighthouseAccessibility}, ≤ ${TARGETS.lighthouseTbtMs} ms`,
			met(p) ? 'yes' : 'NO'
		]);
	},
	met: ({ lighthouse: lh }) =>
		Object.fromEntries(lh.pages.map((p) => [`lighthouse.${p.name}`, met(p)]))
};
