// Benchmark of the built app in Chromium and of sync on the server (`npm run bench`; not a test,
// nothing here fails a build). Run with tsx: see docs/adr/0018-the-bench-in-typescript.md.
//
//   npm run bench -- [--no-build] [--plans N] [--rounds N] [--load-seconds N]
//   npm run bench -- --only first-page [--no-build]   (step 4 alone, file by file)
//   npm run bench -- --only first-sync [--no-build]   (step 5b alone)
//   npm run bench -- --only slow-line [--no-build]    (step 5c alone)
//   npm run bench -- --only lighthouse [--no-build]   (step 7 alone)
//   npm run bench -- --only owner-practice [--rounds N] (the owner's practice overview alone)
//   npm run bench -- --only manager-overview [--no-build]  (step 9 alone)
//
// Builds the app (unless --no-build), serves it with `node build` on a free port, and runs each
// measurement of measurements/index.ts: one module per measurement (the week view and the
// filter share one, as they share a context), each giving its figures, its rows of the printed
// table and the targets it meets. The page's code (page/) is bundled with Vite and injected into
// a page of the running app, so IndexedDB is the app's origin's; the server half (server/) runs
// under Vitest. Results are printed as a table and written to bench-results/latest.json, and
// to the committed record docs/benchmarks.json, whose table the runner puts into README.md and
// docs/benchmarks.md (bench/record.ts).
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser } from '@playwright/test';
import { startServer, stopServer, type AppServer } from './app-server';
import { bundlePage, CONTEXT_OPTIONS, launchChromium } from './browser';
import { TARGETS, type Measurement, type Results } from './measurement';
import { MEASUREMENTS } from './measurements';
import { measureFirstPage, printFirstPage } from './measurements/first-page';
import { measureParentPage, parentPage } from './measurements/parent-page';
import { measureServerSyncs, printFirstSyncFromServer } from './measurements/first-sync-server';
import { lighthouseMeasurement, measureLighthouse } from './measurements/lighthouse';
import { measureOwnerPracticeOnly, stopServerSync } from './measurements/server-sync';
import { throttledSync } from './measurements/throttled-sync';
import { managerOverview } from './measurements/manager-overview';
import { parseArgs, USAGE, type Options } from './options';
import { machine, writeRecord } from './record';
import { metTargets, printTable } from './table';
import { progress, ROOT, run, runCommand } from './util';

/** `--only first-page`: step 4 alone, with every file it counts. */
async function onlyFirstPage(): Promise<void> {
	const server = await startServer();
	let browser: Browser | undefined;
	try {
		progress(`serving build on ${server.origin} (pid ${server.child.pid})`);
		browser = await launchChromium();
		const firstPage = await measureFirstPage(
			browser,
			{ ...CONTEXT_OPTIONS, baseURL: server.origin },
			server.origin
		);
		printFirstPage(firstPage);
	} finally {
		await browser?.close().catch(() => {});
		await stopServer(server);
	}
}

/** `--only parent-page`: step 4b alone (a server of its own). */
async function onlyParentPage(options: Options): Promise<void> {
	const browser = await launchChromium();
	try {
		const result = await measureParentPage(browser, CONTEXT_OPTIONS);
		console.log('');
		for (const row of parentPage.rows({ parentPage: result } as Results, options)) {
			console.log(row.join(' │ '));
		}
	} finally {
		await browser.close().catch(() => {});
	}
}

/** `--only first-sync`: step 5b alone. */
async function onlyFirstSync(options: Options): Promise<void> {
	progress('bundling bench/page/ with the app modules …');
	const bundles = await bundlePage();
	const browser = await launchChromium();
	try {
		printFirstSyncFromServer(await measureServerSyncs(browser, bundles, options));
	} finally {
		await browser.close().catch(() => {});
	}
}

/** `--only manager-overview`: step 9 alone. */
async function onlyManagerOverview(options: Options): Promise<void> {
	progress('bundling bench/page/ with the app modules …');
	const bundles = await bundlePage();
	const browser = await launchChromium();
	try {
		const result = await managerOverview.run({
			browser,
			bundles,
			options,
			origin: '',
			contextOptions: CONTEXT_OPTIONS
		});
		for (const row of managerOverview.rows(result as Results, options))
			console.log(row.join(' │ '));
	} finally {
		await browser.close().catch(() => {});
	}
}

/** `--only slow-line`: step 5c alone. */
async function onlySlowLine(options: Options): Promise<void> {
	progress('bundling bench/page/ with the app modules …');
	const bundles = await bundlePage();
	const browser = await launchChromium();
	try {
		if (throttledSync.phase !== 'browser') throw new Error('step 5c runs in the browser');
		const results = await throttledSync.run({
			browser,
			bundles,
			options,
			origin: '',
			contextOptions: CONTEXT_OPTIONS
		});
		console.log('');
		for (const row of throttledSync.rows(results as Results, options)) {
			console.log(row.join(' │ '));
		}
	} finally {
		await browser.close().catch(() => {});
	}
}

/** `--only lighthouse`: step 7 alone. */
async function onlyLighthouse(options: Options): Promise<void> {
	const server = await startServer();
	try {
		progress(`serving build on ${server.origin} (pid ${server.child.pid})`);
		const lighthouse = await measureLighthouse(server.origin, options.rounds);
		console.log('');
		for (const row of lighthouseMeasurement.rows({ lighthouse } as Results, options)) {
			console.log(row.join(' │ '));
		}
	} finally {
		await stopServer(server);
	}
}

/** `--only owner-practice`: the owner's practice overview on both databases, alone (no build needed). */
async function onlyOwnerPractice(options: Options): Promise<void> {
	const rows = await measureOwnerPracticeOnly(options);
	console.log('');
	for (const row of rows) console.log(row.join(' │ '));
}

/** Every measurement: the server phase first, then the browser phase against the served build. */
async function runAll(options: Options): Promise<void> {
	progress('bundling bench/page/ with the app modules …');
	const bundles = await bundlePage();
	progress(`bench bundle: ${(bundles.bench.length / 1024).toFixed(0)} KB`);

	let server: AppServer | undefined;
	let browser: Browser | undefined;
	const stop = async () => {
		await browser?.close().catch(() => {});
		if (server) await stopServer(server);
		await stopServerSync().catch(() => {});
	};
	// Kept for the whole run, and a repeated signal ignored: tsx passes a signal on to this
	// process as well, and a process with no listener left would exit before cleaning up.
	const onSignal = (signal: NodeJS.Signals) => {
		if (run.interrupted) return;
		run.interrupted = true;
		progress(`${signal}: stopping`);
		void stop().finally(() => process.exit(130));
	};
	process.on('SIGINT', onSignal);
	process.on('SIGTERM', onSignal);
	try {
		// Each measurement's figures; put together in the table's order at the end.
		const figures = new Map<Measurement, Partial<Results>>();
		for (const m of MEASUREMENTS) {
			if (m.phase === 'server') figures.set(m, await m.run({ options }));
		}
		server = await startServer();
		progress(`serving build on ${server.origin} (pid ${server.child.pid})`);
		browser = await launchChromium();
		progress(`Chromium ${browser.version()}`);
		const ctx = {
			options,
			browser,
			bundles,
			origin: server.origin,
			contextOptions: { ...CONTEXT_OPTIONS, baseURL: server.origin }
		};
		for (const m of MEASUREMENTS) {
			if (m.phase === 'browser') figures.set(m, await m.run(ctx));
		}
		const chromium = browser.version();
		await browser.close();
		browser = undefined;
		for (const m of MEASUREMENTS) {
			if (m.phase === 'alone') figures.set(m, await m.run({ options, origin: server.origin }));
		}
		const complete = Object.assign({}, ...MEASUREMENTS.map((m) => figures.get(m))) as Results;
		printTable(complete, options);
		const report = {
			date: new Date().toISOString(),
			options,
			chromium,
			node: process.version,
			targets: TARGETS,
			met: metTargets(complete),
			results: complete
		};
		await mkdir(path.join(ROOT, 'bench-results'), { recursive: true });
		await writeFile(
			path.join(ROOT, 'bench-results/latest.json'),
			`${JSON.stringify(report, null, '\t')}\n`
		);
		progress('wrote bench-results/latest.json');
		// The committed record, and the README's and docs/benchmarks.md's tables made from it.
		await writeRecord({ ...report, machine: machine() });
		progress('wrote docs/benchmarks.json and its table into README.md and docs/benchmarks.md');
	} finally {
		await stop();
	}
}

async function main(): Promise<void> {
	const options = parseArgs(process.argv.slice(2));
	if (!options) {
		console.log(USAGE);
		return;
	}
	// The owner's practice overview runs on the server half only: no build needed.
	if (options.only === 'owner-practice') return onlyOwnerPractice(options);
	if (options.build) {
		progress('building the app (npm run build) …');
		await runCommand('npm', ['run', 'build']);
		progress('build done');
	} else if (!existsSync(path.join(ROOT, 'build/index.js'))) {
		throw new Error('--no-build given but build/index.js is missing; run npm run build first');
	}
	if (options.only === 'first-page') return onlyFirstPage();
	if (options.only === 'parent-page') return onlyParentPage(options);
	if (options.only === 'first-sync') return onlyFirstSync(options);
	if (options.only === 'slow-line') return onlySlowLine(options);
	if (options.only === 'lighthouse') return onlyLighthouse(options);
	if (options.only === 'manager-overview') return onlyManagerOverview(options);
	return runAll(options);
}

main().catch((error: unknown) => {
	if (run.interrupted) return;
	console.error(error instanceof Error ? (error.stack ?? error.message) : error);
	process.exitCode = 1;
});
