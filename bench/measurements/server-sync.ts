import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import {
	DATABASES,
	fmt,
	TARGETS,
	yes,
	type Database,
	type Measurement,
	type Row
} from '../measurement';
import type { Options } from '../options';
import type {
	LoadResult,
	PracticeResult,
	ServerDatabaseResult,
	ServerState
} from '../server/results';
import { progress, ROOT, run as runState } from '../util';
import { FLAT_MB } from '../server/export';

/** The pull's rate under load as a share of the no-op's in the same run (issue 18). */
const share = (load: LoadResult) => load.pull.requestsPerSecond / load.health.requestsPerSecond;
const shareTarget = (db: Database) =>
	db === 'sqlite' ? TARGETS.pullUnderLoadShareSqlite : TARGETS.pullUnderLoadSharePostgres;

/**
 * 6. Sync on the server, on SQLite and on PostgreSQL: bench/server/ under Vitest (the server is
 * TypeScript with `$lib` imports, and tests/server/harness.ts starts it on both databases), one
 * process per database, one after the other, so a database's figures never depend on what the
 * heap kept from the other's run and its load test: push of 1,000 mutations against a raw insert
 * of the same rows, pull of 10,000 changes against a raw select, and pull under 50 concurrent
 * clients (autocannon on loopback) with a no-op endpoint as the baseline; then the owner's
 * competence overview against a raw GROUP BY of its counts (bench/server/competence.ts), and the
 * owner's overview of digital practice against its GROUP BY as raw SQL (bench/server/practice.ts).
 */

export interface ServerSyncResult {
	rounds: number;
	databases: Partial<Record<Database, ServerDatabaseResult>>;
}

interface ServerBenchRun {
	child: ChildProcess;
	out: string;
	state: string;
	done: Promise<void>;
}

/**
 * The server half for one database under Vitest, in its own process group (so that stopping it
 * stops its workers and their autocannon children too). Its progress lines are shown as they
 * come; the rest of its output only if it fails.
 */
function startServerBench(
	options: Options,
	dir: string,
	dialect: Database,
	extraEnv: Record<string, string> = {}
): ServerBenchRun {
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
				FORCE_COLOR: '0',
				...extraEnv
			},
			stdio: ['ignore', 'pipe', 'pipe']
		}
	);
	let output = '';
	let pending = '';
	const onData = (data: Buffer) => {
		pending += data.toString();
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
	const done = new Promise<void>((resolve, reject) => {
		child.on('error', reject);
		child.on('exit', (code, signal) => {
			if (code === 0) resolve();
			else
				reject(new Error(`the server benchmark (vitest) ended with ${signal ?? code}:\n${output}`));
		});
	});
	return { child, out, state, done };
}

function stopServerBench(run: ServerBenchRun): void {
	const { child } = run;
	if (child.exitCode !== null || child.signalCode !== null) return;
	try {
		process.kill(-child.pid!, 'SIGKILL');
	} catch {
		// already gone
	}
}

/**
 * Removes what the server benchmark left open when it was stopped before its own clean-up:
 * its PostgreSQL databases, SQLite directories and autocannon processes, as it listed them.
 */
async function cleanUpServerBench(run: ServerBenchRun): Promise<void> {
	let state: ServerState;
	try {
		state = JSON.parse(await readFile(run.state, 'utf8')) as ServerState;
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

/** Stops the server benchmark and removes what it left (once, however often it is called). */
let endServerBench: () => Promise<void> = () => Promise.resolve();

/** Stops the server half if it runs, and removes what it left (when the run is stopped). */
export function stopServerSync(): Promise<void> {
	return endServerBench();
}

async function measureServer(options: Options): Promise<ServerSyncResult> {
	const dir = await mkdtemp(path.join(tmpdir(), 'lekeplan-bench-'));
	const runs: ServerBenchRun[] = [];
	let ended: Promise<void> | null = null;
	endServerBench = () =>
		(ended ??= (async () => {
			for (const run of runs) {
				stopServerBench(run);
				await cleanUpServerBench(run);
			}
			await rm(dir, { recursive: true, force: true });
		})());
	try {
		const result: ServerSyncResult = { rounds: options.rounds, databases: {} };
		for (const dialect of DATABASES) {
			if (runState.interrupted) break;
			const run = startServerBench(options, dir, dialect);
			runs.push(run);
			await run.done;
			const { rounds, databases } = JSON.parse(await readFile(run.out, 'utf8')) as ServerSyncResult;
			result.rounds = rounds;
			Object.assign(result.databases, databases);
		}
		return result;
	} finally {
		await endServerBench();
	}
}

/** A row of the printed table for the owner's practice overview on one database (issue 15). */
function practiceRow(db: Database, p: PracticeResult | { skipped: string } | undefined): Row {
	if (!p || 'skipped' in p) {
		return [
			`[${db}] owner's practice overview`,
			`not measured${p ? `: ${p.skipped}` : ''}`,
			'—',
			'NO'
		];
	}
	return [
		`[${db}] owner's practice overview (${p.kindergartens} kindergartens × ${p.groups} groups, ${p.plans.toLocaleString('en-US')} plans; ${p.period}, ${p.rows.toLocaleString('en-US')} rows) / raw GROUP BY`,
		`${p.ratio.toFixed(2)}× (${fmt(p.overviewMedianMs)} / ${fmt(p.rawMedianMs)})`,
		`≤ ${TARGETS.practiceOverviewRatio}×`,
		yes(p.ratio <= TARGETS.practiceOverviewRatio)
	];
}

/** The owner's export of the practice overview's owner (issue 16, ADR 42). */
function exportRow(db: Database, p: PracticeResult | { skipped: string } | undefined): Row {
	const e = p && !('skipped' in p) ? p.export : undefined;
	if (!e || 'skipped' in e) {
		return [`[${db}] owner's export`, `not measured${e ? `: ${e.skipped}` : ''}`, '—', 'NO'];
	}
	return [
		`[${db}] owner's export (${e.rows.toLocaleString('en-US')} rows, ${Math.round(e.bytes / 2 ** 20)} MB of JSON) / raw select of the same rows; heap growth`,
		`${e.ratio.toFixed(2)}× (${e.rowsPerSecond.toLocaleString('en-US')} / ${e.rawRowsPerSecond.toLocaleString('en-US')} rows/s); heap +${e.peakMb} MB in all, +${e.firstTenthPeakMb} MB in the first tenth`,
		`heap flat (≤ first tenth + ${FLAT_MB} MB)`,
		yes(e.flat)
	];
}

/**
 * `npm run bench -- --only owner-practice`: the owner's practice overview alone, on SQLite and
 * on PostgreSQL (the server half with BENCH_PRACTICE_ONLY=1), printed, not recorded.
 */
export async function measureOwnerPracticeOnly(options: Options): Promise<Row[]> {
	const dir = await mkdtemp(path.join(tmpdir(), 'lekeplan-bench-'));
	const runs: ServerBenchRun[] = [];
	let ended: Promise<void> | null = null;
	endServerBench = () =>
		(ended ??= (async () => {
			for (const run of runs) {
				stopServerBench(run);
				await cleanUpServerBench(run);
			}
			await rm(dir, { recursive: true, force: true });
		})());
	try {
		const rows: Row[] = [];
		for (const dialect of DATABASES) {
			if (runState.interrupted) break;
			const run = startServerBench(options, dir, dialect, { BENCH_PRACTICE_ONLY: '1' });
			runs.push(run);
			await run.done;
			const { practice } = JSON.parse(await readFile(run.out, 'utf8')) as {
				practice: Partial<Record<Database, PracticeResult | { skipped: string }>>;
			};
			const result = practice[dialect];
			if (result && !('skipped' in result))
				progress(`server: ${dialect} ${JSON.stringify(result)}`);
			rows.push(practiceRow(dialect, result), exportRow(dialect, result));
		}
		return rows;
	} finally {
		await endServerBench();
	}
}

export const serverSync: Measurement = {
	phase: 'server',
	async run({ options }) {
		progress(
			`6/7 (run first, before the browser) sync on the server, SQLite and PostgreSQL, ${options.rounds} rounds (vitest) …`
		);
		return { server: await measureServer(options) };
	},
	rows({ server }) {
		const rows: Row[] = [];
		for (const db of DATABASES) {
			const r = server.databases[db];
			if (!r || 'skipped' in r) {
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
					`[${db}]   same push / the insert through Kysely's builder (earlier baseline)`,
					`${push.ratioBuilder.toFixed(2)}× (${fmt(push.pushMedianMs)} / ${fmt(push.rawBuilderMedianMs)})`,
					'—',
					'—'
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
					`[${db}]   same pull / \`selectAll\` through Kysely's builder (earlier baseline)`,
					`${pull.ratioSelectAll.toFixed(2)}× (${fmt(pull.pullMedianMs)} / ${fmt(pull.rawSelectAllMedianMs)})`,
					'—',
					'—'
				],
				[
					`[${db}] pull (${load.changesPerPull} changes), ${load.connections} clients, ${load.seconds} s: rate / the no-op's`,
					`${share(load).toFixed(2)}× (${load.pull.requestsPerSecond.toLocaleString('en-US')} req/s, p99 ${fmt(load.pull.p99Ms)})`,
					`≥ ${shareTarget(db)}×`,
					yes(share(load) >= shareTarget(db))
				],
				[
					`[${db}] GET /api/v1/health (no-op baseline), same load`,
					`${load.health.requestsPerSecond.toLocaleString('en-US')} req/s, p99 ${fmt(load.health.p99Ms)} (${load.ratio.toFixed(1)}× the pull's rate)`,
					'—',
					'—'
				]
			);
			const c = r.competence;
			rows.push(
				c
					? [
							`[${db}] owner's competence overview (${c.kindergartens} kindergartens × ${c.people} people × ${c.periods} periods, ${c.answers.toLocaleString('en-US')} answers) / raw GROUP BY`,
							`${c.ratio.toFixed(2)}× (${fmt(c.overviewMedianMs)} / ${fmt(c.rawMedianMs)})`,
							`≤ ${TARGETS.competenceOverviewRatio}×`,
							yes(c.ratio <= TARGETS.competenceOverviewRatio)
						]
					: [`[${db}] owner's competence overview`, 'not measured', '—', 'NO'],
				practiceRow(db, r.practice),
				exportRow(db, r.practice)
			);
		}
		return rows;
	},
	met({ server }) {
		const met: Record<string, boolean | null> = {};
		for (const db of DATABASES) {
			const r = server.databases[db];
			const measured = r && !('skipped' in r) ? r : null;
			met[`pushRatio.${db}`] = measured ? measured.push.ratio <= TARGETS.pushRatio : null;
			met[`pullRatio.${db}`] = measured ? measured.pull.ratio <= TARGETS.pullRatio : null;
			met[`pullUnderLoad.${db}`] = measured ? share(measured.concurrency) >= shareTarget(db) : null;
			met[`competenceOverviewRatio.${db}`] = measured?.competence
				? measured.competence.ratio <= TARGETS.competenceOverviewRatio
				: null;
			met[`practiceOverviewRatio.${db}`] = measured?.practice
				? measured.practice.ratio <= TARGETS.practiceOverviewRatio
				: null;
			const exported = measured?.practice?.export;
			met[`ownerExportFlat.${db}`] = exported && !('skipped' in exported) ? exported.flat : null;
		}
		return met;
	}
};
