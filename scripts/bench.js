// Benchmark of the built app in Chromium (`npm run bench`; not a test, nothing here fails a build).
//
//   node scripts/bench.js [--no-build] [--plans N] [--rounds N] [--load-seconds N]
//   node scripts/bench.js --only first-page [--no-build]   (step 4 alone, file by file)
//   node scripts/bench.js --only first-sync [--no-build]   (step 5b alone)
//
// Builds the app (unless --no-build), serves it with `node build` on a free port, and measures:
//   1. importing N plans through PlanRepository.importMany (zod + bulkPut) against raw Dexie
//      bulkPut of the same objects into a table of the same schema, as a ratio;
//   2. navigation to a rendered week view with N plans in the database (and with none);
//   3. filtering N plans by text on /plans, from the input event to the new result count, with
//      the pure domain filterPlans as the baseline;
//   4. the gzip size of the JavaScript and CSS the first page loads;
//   5. a first sync of 10,000 plans into a fresh client against raw Dexie bulkPut of the same
//      plans, as a ratio: (b) the target, for a server on SQLite and one on PostgreSQL: the
//      app's SyncEngine and HTTP transport pulling from the running server (the built app on a
//      database of its own, the plans pushed first by the demo staff member); (a) for
//      reference, the client alone: the engine with a transport serving the same pages from
//      memory;
//   6. sync on the server, on SQLite and on PostgreSQL (bench/sync-server.bench-run.ts, run by
//      Vitest because the server is TypeScript): push of 1,000 mutations against a raw insert
//      of the same rows, pull of 10,000 changes against a raw select, and pull under 50
//      concurrent clients (autocannon on loopback) with a no-op endpoint as the baseline.
// The app's own modules run in the page: scripts/bench-entry.js is bundled with Vite and
// injected into a page of the running app, so IndexedDB is the app's origin's.
// Results are printed as a table and written to bench-results/latest.json.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import pg from 'pg';
import { build as viteBuild } from 'vite';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const TARGETS = {
	importRatio: 1.5,
	firstPageJsKb: 100,
	pushRatio: 3,
	pullRatio: 2,
	firstSyncRatio: 2
};
/** Changes pulled by the first sync of a fresh client (step 5). */
const SYNC_CHANGES = 10_000;
/** The demo organisation's staff member (src/lib/server/demo.ts), who pulls in step 5b. */
const DEMO_STAFF = { email: 'ansatt@demo.lekeplan.no', password: 'lekeplan-demo' };
const DATABASES = ['sqlite', 'postgres'];
/** Words typed into the /plans search box; each finds some of the demo texts, none finds all. */
const WORDS = ['bee-bot', 'plastilina', 'skogen', 'gymsalen', 'lydbok'];
/** Navigations not counted before each series, so the measured ones all start warm. */
const WARM_UP_NAVIGATIONS = 3;
/** Every measuring browser context (plus its baseURL). */
const CONTEXT_OPTIONS = {
	locale: 'nb-NO',
	timezoneId: 'Europe/Oslo',
	viewport: { width: 1024, height: 768 },
	serviceWorkers: 'allow'
};
/** Steps that `--only` runs alone (printed, not written to bench-results/latest.json). */
const ONLY = ['first-page', 'first-sync'];
const CHROMIUM_ARGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync'
];

function parseArgs(argv) {
	const options = { build: true, plans: 5000, rounds: 5, loadSeconds: 10, only: null };
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i];
		const [flag, inline] = arg.split('=', 2);
		const value = () => {
			const raw = inline ?? argv[++i];
			const n = Number(raw);
			if (!Number.isInteger(n) || n < 1) throw new Error(`${flag} needs a positive integer`);
			return n;
		};
		if (flag === '--no-build') options.build = false;
		else if (flag === '--plans') options.plans = value();
		else if (flag === '--rounds') options.rounds = value();
		else if (flag === '--load-seconds') options.loadSeconds = value();
		else if (flag === '--only') {
			options.only = inline ?? argv[++i];
			if (!ONLY.includes(options.only)) throw new Error(`--only takes one of ${ONLY.join(', ')}`);
		} else if (flag === '--help' || flag === '-h') {
			console.log(
				'usage: node scripts/bench.js [--no-build] [--plans N] [--rounds N] [--load-seconds N]\n' +
					`       node scripts/bench.js --only ${ONLY.join('|')} [--no-build]`
			);
			process.exit(0);
		} else throw new Error(`unknown argument ${arg}`);
	}
	return options;
}

const started = performance.now();
let interrupted = false;
function progress(message) {
	const seconds = ((performance.now() - started) / 1000).toFixed(1).padStart(6);
	console.log(`[${seconds}s] ${message}`);
}

function median(values) {
	const sorted = [...values].sort((a, b) => a - b);
	const mid = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

const plural = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`;
const round1 = (n) => Math.round(n * 10) / 10;
const round2 = (n) => Math.round(n * 100) / 100;

/** Runs a command, keeping its output to show only if it fails. */
function run(command, args) {
	return new Promise((resolve, reject) => {
		const child = spawn(command, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
		let output = '';
		child.stdout.on('data', (d) => (output += d));
		child.stderr.on('data', (d) => (output += d));
		child.on('error', reject);
		child.on('exit', (code) => {
			if (code === 0) resolve(output);
			else reject(new Error(`${command} ${args.join(' ')} exited with ${code}\n${output}`));
		});
	});
}

/** Bundles scripts/bench-entry.js (and the app modules it imports) into one browser script. */
async function bundleEntry() {
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
				entry: path.join(ROOT, 'scripts/bench-entry.js'),
				formats: ['iife'],
				name: 'LekeplanBench',
				fileName: () => 'bench-entry.js'
			}
		}
	});
	const outputs = (Array.isArray(result) ? result : [result]).flatMap((r) => r.output);
	const chunk = outputs.find((o) => o.type === 'chunk' && o.isEntry);
	if (!chunk) throw new Error('the bench entry bundle has no entry chunk');
	return chunk.code;
}

function freePort() {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.unref();
		server.on('error', reject);
		server.listen(0, () => {
			const { port } = server.address();
			server.close(() => resolve(port));
		});
	});
}

/** `node build` on a free port, with `env` added; resolves once it answers. */
async function startServer(env = {}) {
	const port = await freePort();
	const origin = `http://localhost:${port}`;
	// As `npm run serve` starts it (ADR 13: the young generation's size).
	const child = spawn(process.execPath, ['--max-semi-space-size=32', 'build'], {
		cwd: ROOT,
		env: { ...process.env, PORT: String(port), ORIGIN: origin, BODY_SIZE_LIMIT: '1M', ...env },
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let output = '';
	child.stdout.on('data', (d) => (output = (output + d).slice(-4000)));
	child.stderr.on('data', (d) => (output = (output + d).slice(-4000)));
	const server = { child, origin, port, output: () => output };
	const deadline = Date.now() + 30_000;
	while (Date.now() < deadline) {
		if (child.exitCode !== null) throw new Error(`node build exited early:\n${output}`);
		try {
			const response = await fetch(`http://127.0.0.1:${port}/`);
			if (response.ok) return server;
		} catch {
			// not listening yet
		}
		await new Promise((r) => setTimeout(r, 200));
	}
	await stopServer(server);
	throw new Error(`node build did not answer on ${origin} within 30 s:\n${output}`);
}

async function stopServer(server) {
	const { child } = server;
	if (child.exitCode !== null || child.signalCode !== null) return;
	const exited = new Promise((resolve) => child.once('exit', resolve));
	child.kill('SIGTERM');
	const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
	await exited;
	clearTimeout(timer);
}

/**
 * Runs in every document of a measuring context, before the app: records (in ms since the
 * navigation started) when the week grid is loaded, when a plan card is visible in it, and when
 * /plans first shows a count.
 */
function readinessProbe() {
	const marks = {};
	Object.defineProperty(window, '__benchMarks', { value: marks });
	const check = () => {
		const grid = document.querySelector('ol.week-grid');
		if (grid && !grid.hasAttribute('aria-busy')) {
			marks.weekGrid ??= performance.now();
			if (marks.weekCards === undefined) {
				const cards = grid.querySelectorAll('.plan-card');
				for (const card of cards) {
					if (card.checkVisibility()) {
						marks.weekCards = performance.now();
						break;
					}
				}
			}
		}
		const count = document.querySelector('.result-count');
		if (count && /\d/.test(count.textContent ?? '')) marks.plansCount ??= performance.now();
	};
	new MutationObserver(check).observe(document, {
		subtree: true,
		childList: true,
		characterData: true,
		attributes: true,
		attributeFilter: ['aria-busy']
	});
}

/** Navigates and returns the probe's mark `name` (ms since navigation start). */
async function timedNavigation(page, url, name) {
	await page.goto(url, { waitUntil: 'commit' });
	const handle = await page.waitForFunction((n) => window.__benchMarks?.[n], name, {
		timeout: 60_000
	});
	return handle.jsonValue();
}

async function waitForServiceWorker(page) {
	await page.waitForFunction(
		async () =>
			(await navigator.serviceWorker.getRegistration())?.active?.state === 'activated' &&
			navigator.serviceWorker.controller !== null,
		null,
		{ timeout: 60_000, polling: 250 }
	);
}

async function injectBench(page, bundle) {
	await page.addScriptTag({ content: bundle });
	await page.waitForFunction(() => window.bench !== undefined);
}

/** 1. PlanRepository.importMany against raw bulkPut. */
async function measureImport(browser, contextOptions, bundle, options) {
	const context = await browser.newContext({ ...contextOptions, bypassCSP: true });
	try {
		const page = await context.newPage();
		await page.goto('/');
		await injectBench(page, bundle);
		const prepared = await page.evaluate((n) => window.bench.prepare(n), options.plans);
		progress(`import: ${prepared.plans} plans from ${prepared.firstDate} to ${prepared.lastDate}`);
		const warm = await page.evaluate(() => window.bench.importRound(true));
		progress(
			`import: warm-up round repository ${warm.repositoryMs.toFixed(0)} ms, raw ${warm.rawMs.toFixed(0)} ms (not counted)`
		);
		const repository = [];
		const raw = [];
		for (let r = 0; r < options.rounds; r++) {
			const repositoryFirst = r % 2 === 0;
			const round = await page.evaluate(
				(first) => window.bench.importRound(first),
				repositoryFirst
			);
			if (round.stored.some((s) => s !== options.plans))
				throw new Error(`import stored ${round.stored.join('/')} plans, expected ${options.plans}`);
			repository.push(round.repositoryMs);
			raw.push(round.rawMs);
			progress(
				`import: round ${r + 1}/${options.rounds} (${repositoryFirst ? 'repository first' : 'raw first'}): repository ${round.repositoryMs.toFixed(0)} ms, raw ${round.rawMs.toFixed(0)} ms`
			);
		}
		await page.evaluate(() => window.bench.cleanUp());
		const repositoryMedian = median(repository);
		const rawMedian = median(raw);
		return {
			plans: options.plans,
			rounds: options.rounds,
			repositoryMs: repository.map(round1),
			rawMs: raw.map(round1),
			repositoryMedianMs: round1(repositoryMedian),
			rawMedianMs: round1(rawMedian),
			ratio: round2(repositoryMedian / rawMedian),
			ratioPerRound: repository.map((ms, i) => round2(ms / raw[i]))
		};
	} finally {
		await context.close();
	}
}

/**
 * A warm-up round (not counted) and `options.rounds` rounds of `window.bench[method](syncFirst)`,
 * the engine and the raw baseline taking turns at going first; each round is checked.
 */
async function syncRounds(page, method, label, check, options) {
	const warm = await page.evaluate(([m, first]) => window.bench[m](first), [method, true]);
	check(warm);
	progress(
		`${label}: warm-up round engine ${warm.syncMs.toFixed(0)} ms, raw ${warm.rawMs.toFixed(0)} ms (not counted)`
	);
	const engine = [];
	const raw = [];
	for (let r = 0; r < options.rounds; r++) {
		const syncFirst = r % 2 === 0;
		const round = await page.evaluate(([m, first]) => window.bench[m](first), [method, syncFirst]);
		check(round);
		engine.push(round.syncMs);
		raw.push(round.rawMs);
		progress(
			`${label}: round ${r + 1}/${options.rounds} (${syncFirst ? 'engine first' : 'raw first'}): engine ${round.syncMs.toFixed(0)} ms, raw ${round.rawMs.toFixed(0)} ms`
		);
	}
	return { engine, raw };
}

/** The rounds' times, their medians and the ratio of the medians. */
function roundFigures(engine, raw) {
	const engineMedian = median(engine);
	const rawMedian = median(raw);
	return {
		rounds: engine.length,
		syncMs: engine.map(round1),
		rawMs: raw.map(round1),
		syncMedianMs: round1(engineMedian),
		rawMedianMs: round1(rawMedian),
		ratio: round2(engineMedian / rawMedian),
		ratioPerRound: engine.map((ms, i) => round2(ms / raw[i]))
	};
}

/** 5. A first sync of SYNC_CHANGES changes into a fresh client against raw bulkPut. */
async function measureFirstSync(browser, contextOptions, bundle, options) {
	const context = await browser.newContext({ ...contextOptions, bypassCSP: true });
	try {
		const page = await context.newPage();
		await page.goto('/');
		await injectBench(page, bundle);
		const prepared = await page.evaluate((n) => window.bench.prepareSync(n), SYNC_CHANGES);
		progress(
			`first sync: ${prepared.changes} changes in ${prepared.pages} pages of ${prepared.pageSize} (${(prepared.bytes / 1024 / 1024).toFixed(1)} MB as JSON)`
		);
		const check = (round) => {
			if (round.pulled !== SYNC_CHANGES || round.stored.some((s) => s !== SYNC_CHANGES))
				throw new Error(
					`first sync pulled ${round.pulled} and stored ${round.stored.join('/')} plans, expected ${SYNC_CHANGES}`
				);
		};
		const { engine, raw } = await syncRounds(page, 'syncRound', 'first sync', check, options);
		await page.evaluate(() => window.bench.cleanUp());
		return { changes: SYNC_CHANGES, pages: prepared.pages, ...roundFigures(engine, raw) };
	} finally {
		await context.close();
	}
}

/** Where the first sync from the server (5b) finds PostgreSQL. */
const POSTGRES_URL = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/**
 * A database of its own for a server of the first sync from the server (5b), and how to remove
 * it: a SQLite file in a temporary directory, or a PostgreSQL database.
 */
async function scratchDatabase(dialect) {
	if (dialect === 'sqlite') {
		const dir = await mkdtemp(path.join(tmpdir(), 'lekeplan-bench-sync-'));
		return {
			env: { SQLITE_FILE: path.join(dir, 'lekeplan.sqlite') },
			remove: () => rm(dir, { recursive: true, force: true })
		};
	}
	const name = `lekeplan_bench_${Math.random().toString(16).slice(2, 10)}`;
	const admin = new pg.Client({ connectionString: POSTGRES_URL });
	await admin.connect();
	try {
		await admin.query(`create database ${name}`);
	} finally {
		await admin.end();
	}
	const url = new URL(POSTGRES_URL);
	url.pathname = `/${name}`;
	return {
		env: { DATABASE_URL: url.toString() },
		remove: async () => {
			const client = new pg.Client({ connectionString: POSTGRES_URL });
			await client.connect();
			try {
				await client.query(`drop database if exists ${name} with (force)`);
			} finally {
				await client.end();
			}
		}
	};
}

/**
 * 5b. A first sync of SYNC_CHANGES plans into a fresh client from a running server on
 * `dialect`, over HTTP (the app's engine and transport), against raw bulkPut of the same plans
 * as the engine stored them. The server is the built app with the demo organisation in a
 * database of its own; the demo staff member pushes the plans first (untimed).
 */
async function measureServerSync(browser, contextOptions, bundle, options, dialect) {
	const database = await scratchDatabase(dialect);
	let server;
	let context;
	try {
		server = await startServer({ ...database.env, DEMO_DATA: 'true' });
		context = await browser.newContext({
			...contextOptions,
			baseURL: server.origin,
			bypassCSP: true
		});
		const page = await context.newPage();
		await page.goto('/');
		await injectBench(page, bundle);
		const seeded = await page.evaluate(
			([account, n]) => window.bench.seedServer(account, n),
			[DEMO_STAFF, SYNC_CHANGES]
		);
		progress(
			`first sync from the server (${dialect}): ${seeded.applied} plans pushed into ${seeded.groups} groups`
		);
		const prepared = await page.evaluate(() => window.bench.prepareServerSync());
		progress(
			`first sync from the server (${dialect}): ${prepared.pulled} changes pulled, ${prepared.stored} plans stored (${(prepared.bytes / 1024 / 1024).toFixed(1)} MB as JSON)`
		);
		const check = (round) => {
			if (round.stored.some((s) => s !== SYNC_CHANGES))
				throw new Error(
					`first sync from the server stored ${round.stored.join('/')} plans, expected ${SYNC_CHANGES}`
				);
		};
		const { engine, raw } = await syncRounds(
			page,
			'serverSyncRound',
			`first sync from the server (${dialect})`,
			check,
			options
		);
		await page.evaluate(() => window.bench.cleanUp());
		return { changes: SYNC_CHANGES, pulled: prepared.pulled, ...roundFigures(engine, raw) };
	} finally {
		await context?.close().catch(() => {});
		if (server) await stopServer(server);
		await database.remove();
	}
}

/**
 * 6. The server half: bench/sync-server.bench-run.ts under Vitest, in its own process group
 * (so that stopping it stops its workers and their autocannon children too). Its progress
 * lines are shown as they come; the rest of its output only if it fails.
 */
function startServerBench(options, dir, dialect) {
	const out = path.join(dir, `server-${dialect}.json`);
	const state = path.join(dir, `state-${dialect}.json`);
	const child = spawn(
		process.execPath,
		[
			path.join(ROOT, 'node_modules/vitest/vitest.mjs'),
			'run',
			'--config',
			'bench/vitest.config.ts'
		],
		{
			cwd: ROOT,
			detached: true,
			env: {
				...process.env,
				BENCH_DIALECT: dialect,
				BENCH_ROUNDS: String(options.rounds),
				BENCH_LOAD_SECONDS: String(options.loadSeconds),
				BENCH_SERVER_OUT: out,
				BENCH_SERVER_STATE: state,
				FORCE_COLOR: '0'
			},
			stdio: ['ignore', 'pipe', 'pipe']
		}
	);
	let output = '';
	let pending = '';
	const onData = (data) => {
		pending += data;
		const lines = pending.split('\n');
		pending = lines.pop() ?? '';
		for (const line of lines) {
			const at = line.indexOf('@@bench ');
			if (at >= 0) progress(`server: ${line.slice(at + 8)}`);
			else output = (output + line + '\n').slice(-8000);
		}
	};
	child.stdout.on('data', onData);
	child.stderr.on('data', onData);
	const done = new Promise((resolve, reject) => {
		child.on('error', reject);
		child.on('exit', (code, signal) => {
			if (code === 0) resolve();
			else
				reject(new Error(`the server benchmark (vitest) ended with ${signal ?? code}:\n${output}`));
		});
	});
	return { child, out, state, done };
}

function stopServerBench(run) {
	const { child } = run;
	if (child.exitCode !== null || child.signalCode !== null) return;
	try {
		process.kill(-child.pid, 'SIGKILL');
	} catch {
		// already gone
	}
}

/**
 * Removes what the server benchmark left open when it was stopped before its own clean-up:
 * its PostgreSQL databases, SQLite directories and autocannon processes, as it listed them.
 */
async function cleanUpServerBench(run) {
	let state;
	try {
		state = JSON.parse(await readFile(run.state, 'utf8'));
	} catch {
		return;
	}
	for (const pid of state.pids) {
		try {
			process.kill(pid, 'SIGKILL');
		} catch {
			// already gone
		}
	}
	for (const file of state.sqliteFiles) {
		const dir = path.dirname(file);
		if (path.dirname(dir) === tmpdir() && path.basename(dir).startsWith('lekeplan-test-')) {
			await rm(dir, { recursive: true, force: true });
			progress(`server: removed ${dir}, left by the stopped benchmark`);
		}
	}
	if (state.postgresDatabases.length > 0) {
		const client = new pg.Client({ connectionString: state.postgresUrl });
		await client.connect();
		try {
			for (const name of state.postgresDatabases) {
				if (!/^lekeplan_t_[0-9a-f]+$/.test(name)) continue;
				await client.query(`drop database if exists ${name} with (force)`);
				progress(`server: dropped database ${name}, left by the stopped benchmark`);
			}
		} finally {
			await client.end();
		}
	}
}

/**
 * The server half, one process per database (one after the other): a database's figures never
 * depend on what the heap kept from the other's run and its load test.
 */
async function measureServer(options) {
	const dir = await mkdtemp(path.join(tmpdir(), 'lekeplan-bench-'));
	const runs = [];
	let ended = null;
	endServerBench = () =>
		(ended ??= (async () => {
			for (const run of runs) {
				stopServerBench(run);
				await cleanUpServerBench(run);
			}
			await rm(dir, { recursive: true, force: true });
		})());
	try {
		const result = { rounds: options.rounds, databases: {} };
		for (const dialect of DATABASES) {
			if (interrupted) break;
			const run = startServerBench(options, dir, dialect);
			runs.push(run);
			await run.done;
			const { rounds, databases } = JSON.parse(await readFile(run.out, 'utf8'));
			result.rounds = rounds;
			Object.assign(result.databases, databases);
		}
		return result;
	} finally {
		await endServerBench();
	}
}

/** Stops the server benchmark and removes what it left (once, however often it is called). */
let endServerBench = () => Promise.resolve();

/** 2 and 3: the week view and the /plans filter, in one context holding the app's database. */
async function measurePages(browser, contextOptions, bundle, options) {
	const context = await browser.newContext({ ...contextOptions, bypassCSP: true });
	await context.addInitScript(readinessProbe);
	try {
		const page = await context.newPage();
		await page.goto('/');
		await page.getByRole('button', { name: 'Last inn eksempeldata' }).waitFor();
		progress('week view: waiting for the service worker to take control');
		await waitForServiceWorker(page);

		// Reference: the demo organisation with no plans.
		await injectBench(page, bundle);
		await page.evaluate((n) => window.bench.prepare(n), options.plans);
		const emptyStored = await page.evaluate(() => window.bench.seedApp(false));
		if (emptyStored !== 0) throw new Error(`expected no plans, found ${emptyStored}`);
		for (let w = 0; w < WARM_UP_NAVIGATIONS; w++) await timedNavigation(page, '/', 'weekGrid');
		const empty = [];
		for (let r = 0; r < options.rounds; r++) {
			empty.push(await timedNavigation(page, '/', 'weekGrid'));
			progress(
				`week view, no plans: navigation ${r + 1}/${options.rounds}: ${empty.at(-1).toFixed(0)} ms`
			);
		}

		// The database with N plans.
		await injectBench(page, bundle);
		const prepared = await page.evaluate((n) => window.bench.prepare(n), options.plans);
		progress(
			`week view: seeding the app's database with ${prepared.plans} plans, ${prepared.thisWeekFirstGroup} of them this week in the selected group`
		);
		// With very few plans this week may have none to show: then wait for the loaded grid only.
		const mark = prepared.thisWeekFirstGroup > 0 ? 'weekCards' : 'weekGrid';
		const stored = await page.evaluate(() => window.bench.seedApp(true));
		if (stored !== options.plans)
			throw new Error(`seeded ${stored} plans, expected ${options.plans}`);
		const expected = await page.evaluate((words) => window.bench.counts(words), WORDS);
		const baseline = await page.evaluate((words) => window.bench.filterBaseline(words, 5), WORDS);
		progress(
			`filter baseline (filterPlans in the page): ${WORDS.map((w, i) => `${w} ${baseline[i].toFixed(1)} ms`).join(', ')}`
		);
		for (let w = 0; w < WARM_UP_NAVIGATIONS; w++) await timedNavigation(page, '/', mark);
		const full = [];
		for (let r = 0; r < options.rounds; r++) {
			full.push(await timedNavigation(page, '/', mark));
			progress(
				`week view, ${options.plans} plans: navigation ${r + 1}/${options.rounds}: ${full.at(-1).toFixed(0)} ms`
			);
		}
		const shownInWeek = await page.locator('ol.week-grid .plan-card').count();

		// 3. The /plans filter.
		const listReady = await timedNavigation(page, '/plans', 'plansCount');
		await page.waitForFunction(
			(n) => document.querySelector('.result-count')?.textContent?.replace(/\D/g, '') === String(n),
			options.plans,
			{ timeout: 60_000 }
		);
		progress(`/plans: first count shown after ${listReady.toFixed(0)} ms`);
		const typed = [];
		for (const [i, word] of WORDS.entries()) {
			const ms = await page.evaluate(typeAndWait, {
				word,
				expected: expected[i],
				all: options.plans
			});
			typed.push(ms);
			progress(`/plans: "${word}" → ${expected[i]} plans shown after ${ms.toFixed(1)} ms`);
		}
		return {
			weekView: {
				plans: options.plans,
				plansInShownWeek: shownInWeek,
				navigations: options.rounds,
				withPlansMs: full.map(round1),
				withPlansMedianMs: round1(median(full)),
				withPlansMinMs: round1(Math.min(...full)),
				noPlansMs: empty.map(round1),
				noPlansMedianMs: round1(median(empty)),
				noPlansMinMs: round1(Math.min(...empty))
			},
			filter: {
				plans: options.plans,
				words: WORDS.map((word, i) => ({
					word,
					matches: expected[i],
					uiMs: round1(typed[i]),
					filterPlansMs: round2(baseline[i])
				})),
				uiMedianMs: round1(median(typed)),
				filterPlansMedianMs: round2(median(baseline)),
				plansPageFirstCountMs: round1(listReady)
			}
		};
	} finally {
		await context.close();
	}
}

/**
 * In the /plans page: clears the search (waiting for the full count), then types `word` as one
 * input event and returns the ms until the result count shows `expected`.
 */
async function typeAndWait({ word, expected, all }) {
	const input = document.querySelector('#filter-text');
	const status = document.querySelector('.result-count');
	const digits = () => (status.textContent ?? '').replace(/\D/g, '');
	const shown = (count) =>
		new Promise((resolve, reject) => {
			if (digits() === String(count)) return resolve(performance.now());
			const observer = new MutationObserver(() => {
				if (digits() !== String(count)) return;
				observer.disconnect();
				clearTimeout(timer);
				resolve(performance.now());
			});
			const timer = setTimeout(() => {
				observer.disconnect();
				reject(new Error(`result count stuck at "${status.textContent}", expected ${count}`));
			}, 30_000);
			observer.observe(status, { subtree: true, childList: true, characterData: true });
		});
	const type = (text) => {
		input.value = text;
		input.dispatchEvent(new Event('input', { bubbles: true }));
	};
	type('');
	await shown(all);
	await new Promise((r) => setTimeout(r, 100));
	const start = performance.now();
	const done = shown(expected);
	type(word);
	return (await done) - start;
}

/** 4. What the first page in a fresh browser loads (the welcome screen), gzipped. */
async function measureFirstPage(browser, contextOptions, origin) {
	const context = await browser.newContext(contextOptions);
	try {
		const pending = [];
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
		const seen = new Map();
		for (const entry of await Promise.all(pending)) if (entry) seen.set(entry.path, entry);

		// The worker's own scripts, fetched directly if the browser's fetch was not reported.
		if (![...seen.values()].some((e) => e.path === '/sw.js')) {
			const body = Buffer.from(await (await fetch(`${origin}/sw.js`)).arrayBuffer());
			seen.set('/sw.js', { path: '/sw.js', kind: 'worker', body });
		}
		const sw = seen.get('/sw.js').body.toString('utf8');
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
		const total = (kind) => {
			const of = files.filter((f) => f.kind === kind);
			return {
				files: of.length,
				kb: round1(of.reduce((s, f) => s + f.bytes, 0) / 1024),
				gzipKb: round1(of.reduce((s, f) => s + f.gzipBytes, 0) / 1024)
			};
		};
		return { js: total('js'), css: total('css'), worker: total('worker'), files };
	} finally {
		await context.close();
	}
}

/** Whether each target is met (null: not measured). */
function metTargets(results) {
	const { importing, firstPage, firstSyncFromServer, server } = results;
	const met = {
		importRatio: importing.ratio <= TARGETS.importRatio,
		firstPageJsKb: firstPage.js.gzipKb <= TARGETS.firstPageJsKb
	};
	for (const db of DATABASES) {
		const f = firstSyncFromServer[db];
		met[`firstSyncRatio.${db}`] = f?.ratio !== undefined ? f.ratio <= TARGETS.firstSyncRatio : null;
		const r = server.databases[db];
		met[`pushRatio.${db}`] = r?.push ? r.push.ratio <= TARGETS.pushRatio : null;
		met[`pullRatio.${db}`] = r?.pull ? r.pull.ratio <= TARGETS.pullRatio : null;
	}
	return met;
}

function syncRows(results, fmt) {
	const { firstSync, firstSyncFromServer, server } = results;
	const yes = (ok) => (ok ? 'yes' : 'NO');
	const rows = [
		[
			`First sync of ${firstSync.changes.toLocaleString('en-US')} changes, client only (pages in memory) / raw bulkPut (reference)`,
			`${firstSync.ratio.toFixed(2)}× (${fmt(firstSync.syncMedianMs)} / ${fmt(firstSync.rawMedianMs)})`,
			'—',
			'—'
		]
	];
	for (const db of DATABASES) {
		const f = firstSyncFromServer[db];
		rows.push(
			f?.ratio === undefined
				? [
						`[${db}] first sync from the server`,
						`not measured: ${f?.skipped ?? 'no result'}`,
						'—',
						'NO'
					]
				: [
						`[${db}] first sync of ${f.changes.toLocaleString('en-US')} plans from the server (HTTP) / raw bulkPut`,
						`${f.ratio.toFixed(2)}× (${fmt(f.syncMedianMs)} / ${fmt(f.rawMedianMs)})`,
						`≤ ${TARGETS.firstSyncRatio}×`,
						yes(f.ratio <= TARGETS.firstSyncRatio)
					]
		);
	}
	for (const db of DATABASES) {
		const r = server.databases[db];
		if (!r || r.skipped) {
			rows.push([`Server sync [${db}]`, `not measured: ${r?.skipped ?? 'no result'}`, '—', 'NO']);
			continue;
		}
		const { push, pull, concurrency: load } = r;
		rows.push(
			[
				`[${db}] push ${push.mutations.toLocaleString('en-US')} mutations (${push.batches === 1 ? 'one batch' : `${push.batches} batches`}) / raw insert`,
				`${push.ratio.toFixed(2)}× (${fmt(push.pushMedianMs)} / ${fmt(push.rawMedianMs)})`,
				`≤ ${TARGETS.pushRatio}×`,
				yes(push.ratio <= TARGETS.pushRatio)
			],
			[
				`[${db}]   same push / raw insert one row at a time (reference)`,
				`${push.ratioRowByRow.toFixed(2)}× (${fmt(push.pushMedianMs)} / ${fmt(push.rawRowByRowMedianMs)})`,
				'—',
				'—'
			],
			[
				`[${db}] pull ${pull.changes.toLocaleString('en-US')} changes (${pull.pages} pages) / raw select`,
				`${pull.ratio.toFixed(2)}× (${fmt(pull.pullMedianMs)} / ${fmt(pull.rawMedianMs)})`,
				`≤ ${TARGETS.pullRatio}×`,
				yes(pull.ratio <= TARGETS.pullRatio)
			],
			[
				`[${db}] pull (${load.changesPerPull} changes), ${load.connections} clients, ${load.seconds} s`,
				`${load.pull.requestsPerSecond.toLocaleString('en-US')} req/s, p99 ${fmt(load.pull.p99Ms)}`,
				'—',
				'—'
			],
			[
				`[${db}] GET /api/v1/health (no-op baseline), same load`,
				`${load.health.requestsPerSecond.toLocaleString('en-US')} req/s, p99 ${fmt(load.health.p99Ms)} (${load.ratio.toFixed(1)}× the pull's rate)`,
				'—',
				'—'
			]
		);
	}
	return rows;
}

function printTable(results, options) {
	const { importing, weekView, filter, firstPage } = results;
	const fmt = (n) => `${n.toLocaleString('en-US', { maximumFractionDigits: 1 })} ms`;
	const rows = [
		['Measure', 'Result', 'Target', 'Met'],
		[
			`Import ${options.plans} plans: importMany / raw bulkPut`,
			`${importing.ratio.toFixed(2)}× (${fmt(importing.repositoryMedianMs)} / ${fmt(importing.rawMedianMs)})`,
			`≤ ${TARGETS.importRatio}×`,
			importing.ratio <= TARGETS.importRatio ? 'yes' : 'NO'
		],
		[
			`Navigation → week view, ${options.plans} plans`,
			`${fmt(weekView.withPlansMedianMs)} (min ${fmt(weekView.withPlansMinMs)}; ${weekView.plansInShownWeek} cards in week)`,
			'—',
			'—'
		],
		[
			'Navigation → week view, no plans (reference)',
			`${fmt(weekView.noPlansMedianMs)} (min ${fmt(weekView.noPlansMinMs)})`,
			'—',
			'—'
		],
		[
			`Filter ${options.plans} plans by text on /plans (input → count)`,
			fmt(filter.uiMedianMs),
			'—',
			'—'
		],
		[
			`filterPlans() on ${options.plans} plans (baseline)`,
			`${fmt(filter.filterPlansMedianMs)} (UI ${(filter.uiMedianMs / filter.filterPlansMedianMs).toFixed(1)}×)`,
			'—',
			'—'
		],
		[
			'First page JS, gzip -9',
			`${firstPage.js.gzipKb} KB (${plural(firstPage.js.files, 'file')}, ${firstPage.js.kb} KB raw)`,
			`≤ ${TARGETS.firstPageJsKb} KB`,
			firstPage.js.gzipKb <= TARGETS.firstPageJsKb ? 'yes' : 'NO'
		],
		[
			'First page CSS, gzip -9',
			`${firstPage.css.gzipKb} KB (${plural(firstPage.css.files, 'file')}, ${firstPage.css.kb} KB raw)`,
			'—',
			'—'
		],
		[
			'Service worker (sw.js + workbox), gzip -9, not counted above',
			`${firstPage.worker.gzipKb} KB (${plural(firstPage.worker.files, 'file')})`,
			'—',
			'—'
		],
		...syncRows(results, fmt)
	];
	const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
	const line = (r) => r.map((cell, c) => cell.padEnd(widths[c])).join(' │ ');
	console.log('');
	console.log(line(rows[0]));
	console.log(widths.map((w) => '─'.repeat(w)).join('─┼─'));
	for (const r of rows.slice(1)) console.log(line(r));
	console.log('');
	console.log(
		`Medians of ${options.rounds} runs (import: after one warm-up round; navigations: after ` +
			`${WARM_UP_NAVIGATIONS} warm-up loads, page served by the service worker). Times run from ` +
			'the navigation start or the input event, in Chromium; "—": no target given. Navigation ' +
			'times are noisy on a loaded machine: compare several runs.'
	);
	console.log(
		`Sync: medians of ${options.rounds} rounds after one warm-up round, fresh databases or ` +
			'kindergartens per round. Server figures run through the API handler in-process (push: ' +
			'1,000 mutations in batches of MAX_BATCH; pull: every page from cursor 0); the raw ' +
			'baselines are one Kysely statement in one transaction; on SQLite the write-ahead log ' +
			'is checkpointed, untimed, before each timed write. Under load: autocannon, 50 ' +
			'connections on loopback, ' +
			`${options.loadSeconds} s after a 2 s warm-up, against node:http + the API's app.`
	);
}

/** `--only first-page`: step 4 alone, with every file it counts. */
/** 5b on each database; a database that cannot be measured is reported, not fatal. */
async function measureServerSyncs(browser, bundle, options) {
	const results = {};
	for (const db of DATABASES) {
		progress(
			`5b/6 first sync of ${SYNC_CHANGES} plans from a server on ${db}, over HTTP, ${options.rounds} rounds`
		);
		try {
			results[db] = await measureServerSync(browser, CONTEXT_OPTIONS, bundle, options, db);
		} catch (error) {
			const reason = error instanceof Error ? error.message : String(error);
			progress(`first sync from the server (${db}): NOT MEASURED: ${reason}`);
			results[db] = { skipped: reason.split('\n')[0] };
		}
	}
	return results;
}

async function onlyFirstSync(bundle, options) {
	const browser = await chromium.launch({
		executablePath: '/usr/bin/chromium',
		args: CHROMIUM_ARGS
	});
	try {
		const results = await measureServerSyncs(browser, bundle, options);
		for (const db of DATABASES) {
			const f = results[db];
			console.log(
				f.ratio === undefined
					? `[${db}] not measured: ${f.skipped}`
					: `[${db}] first sync from the server: ${f.ratio.toFixed(2)}× (${f.syncMedianMs} ms / ${f.rawMedianMs} ms); target ≤ ${TARGETS.firstSyncRatio}×`
			);
		}
	} finally {
		await browser.close().catch(() => {});
	}
}

async function onlyFirstPage() {
	const server = await startServer();
	let browser;
	try {
		progress(`serving build on ${server.origin} (pid ${server.child.pid})`);
		browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
		const firstPage = await measureFirstPage(
			browser,
			{ ...CONTEXT_OPTIONS, baseURL: server.origin },
			server.origin
		);
		console.log('');
		for (const f of firstPage.files) {
			const kb = (n) => `${(n / 1024).toFixed(1)} KB`.padStart(9);
			console.log(`${f.kind.padEnd(6)} ${kb(f.gzipBytes)} gzip ${kb(f.bytes)} raw  ${f.path}`);
		}
		console.log('');
		const met = firstPage.js.gzipKb <= TARGETS.firstPageJsKb ? 'met' : 'NOT met';
		console.log(
			`First page JS, gzip -9: ${firstPage.js.gzipKb} KB (${plural(firstPage.js.files, 'file')}, ` +
				`${firstPage.js.kb} KB raw); target ≤ ${TARGETS.firstPageJsKb} KB: ${met}`
		);
		console.log(`First page CSS, gzip -9: ${firstPage.css.gzipKb} KB`);
		console.log(`Service worker, gzip -9, not counted: ${firstPage.worker.gzipKb} KB`);
	} finally {
		await browser?.close().catch(() => {});
		await stopServer(server);
	}
}

async function main() {
	const options = parseArgs(process.argv.slice(2));
	if (options.build) {
		progress('building the app (npm run build) …');
		await run('npm', ['run', 'build']);
		progress('build done');
	} else if (!existsSync(path.join(ROOT, 'build/index.js'))) {
		throw new Error('--no-build given but build/index.js is missing; run npm run build first');
	}
	if (options.only === 'first-page') return onlyFirstPage();
	progress('bundling scripts/bench-entry.js with the app modules …');
	const bundle = await bundleEntry();
	progress(`bench bundle: ${(bundle.length / 1024).toFixed(0)} KB`);
	if (options.only === 'first-sync') return onlyFirstSync(bundle, options);

	let server;
	let browser;
	const stop = async () => {
		await browser?.close().catch(() => {});
		if (server) await stopServer(server);
		await endServerBench().catch(() => {});
	};
	const onSignal = (signal) => {
		interrupted = true;
		progress(`${signal}: stopping`);
		void stop().finally(() => process.exit(130));
	};
	process.once('SIGINT', onSignal);
	process.once('SIGTERM', onSignal);
	try {
		progress(
			`6/6 (run first, before the browser) sync on the server, SQLite and PostgreSQL, ${options.rounds} rounds (vitest) …`
		);
		const serverSync = await measureServer(options);
		server = await startServer();
		progress(`serving build on ${server.origin} (pid ${server.child.pid})`);
		browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
		progress(`Chromium ${browser.version()}`);
		const contextOptions = { ...CONTEXT_OPTIONS, baseURL: server.origin };
		progress(`1/6 import of ${options.plans} plans, ${options.rounds} rounds`);
		const importing = await measureImport(browser, contextOptions, bundle, options);
		progress(`2/6 and 3/6 week view and /plans filter with ${options.plans} plans`);
		const { weekView, filter } = await measurePages(browser, contextOptions, bundle, options);
		progress('4/6 first page size');
		const firstPage = await measureFirstPage(browser, contextOptions, server.origin);
		progress(
			`5a/6 first sync of ${SYNC_CHANGES} changes into a fresh client, pages from memory, ${options.rounds} rounds`
		);
		const firstSync = await measureFirstSync(browser, contextOptions, bundle, options);
		const firstSyncFromServer = await measureServerSyncs(browser, bundle, options);
		const results = {
			importing,
			weekView,
			filter,
			firstPage,
			firstSync,
			firstSyncFromServer,
			server: serverSync
		};

		printTable(results, options);
		const report = {
			date: new Date().toISOString(),
			options,
			chromium: browser.version(),
			node: process.version,
			targets: TARGETS,
			met: metTargets(results),
			results
		};
		await mkdir(path.join(ROOT, 'bench-results'), { recursive: true });
		await writeFile(
			path.join(ROOT, 'bench-results/latest.json'),
			`${JSON.stringify(report, null, '\t')}\n`
		);
		progress('wrote bench-results/latest.json');
	} finally {
		await stop();
	}
}

main().catch((error) => {
	if (interrupted) return;
	console.error(error instanceof Error ? (error.stack ?? error.message) : error);
	process.exitCode = 1;
});
