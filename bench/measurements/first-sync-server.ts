import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Request } from '@playwright/test';
import pg from 'pg';
import { startServer, stopServer, type AppServer } from '../app-server';
import { CONTEXT_OPTIONS, injectBench, openAppSettled } from '../browser';
import {
	DATABASES,
	fmt,
	TARGETS,
	yes,
	type Database,
	type Measurement,
	type Row
} from '../measurement';
import type { PageBundles } from '../browser';
import type { Options } from '../options';
import { progress } from '../util';
import { roundFigures, SYNC_CHANGES, syncRounds, type RoundFigures } from './sync-rounds';

/**
 * 5b. A first sync of SYNC_CHANGES plans into a fresh client from a running server on SQLite and
 * on PostgreSQL, over HTTP (the app's SyncEngine and HTTP transport), against raw bulkPut of the
 * same plans as the engine stored them. Each server is the built app with the demo organisation
 * in a database of its own; the demo staff member pushes the plans first (untimed).
 */

export interface FirstSyncFromServerResult extends RoundFigures {
	changes: number;
	pulled: number;
	/** The pull answers' JSON, as the tablet parsed it (issue 18). */
	jsonBytes?: number;
	/** The pull answers as they came over the wire: bodies as encoded, and headers. */
	wireBytes?: number;
	/** The encodings the answers came in (`br`, `gzip`, or `identity`). */
	encodings?: string[];
}

/** Per database: the figures, or why it was not measured. */
export type FirstSyncFromServerResults = Partial<
	Record<Database, FirstSyncFromServerResult | { skipped: string }>
>;

/** The demo organisation's staff member (src/lib/server/demo.ts), who pulls. */
export const DEMO_STAFF = { email: 'ansatt@demo.lekeplan.no', password: 'lekeplan-demo' };

/** Where the first sync from the server finds PostgreSQL. */
const POSTGRES_URL = process.env['TEST_POSTGRES_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';

/**
 * A database of its own for a server of the first sync, and how to remove it: a SQLite file in a
 * temporary directory, or a PostgreSQL database.
 */
export async function scratchDatabase(
	dialect: Database
): Promise<{ env: Record<string, string>; remove: () => Promise<void> }> {
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

async function measureServerSync(
	browser: Browser,
	bench: string,
	options: Options,
	dialect: Database
): Promise<FirstSyncFromServerResult> {
	const database = await scratchDatabase(dialect);
	let server: AppServer | undefined;
	let context: BrowserContext | undefined;
	try {
		server = await startServer({ ...database.env, DEMO_DATA: 'true' });
		context = await browser.newContext({
			...CONTEXT_OPTIONS,
			baseURL: server.origin,
			bypassCSP: true
		});
		const page = await context.newPage();
		await openAppSettled(page);
		await injectBench(page, bench);
		const seeded = await page.evaluate(([account, n]) => window.bench!.seedServer(account, n), [
			DEMO_STAFF,
			SYNC_CHANGES
		] as const);
		progress(
			`first sync from the server (${dialect}): ${seeded.applied} plans pushed into ${seeded.groups} groups`
		);
		// What the first sync's pulls put on the wire (issue 18): bodies as encoded, and headers.
		const sizes: Promise<void>[] = [];
		let wireBytes = 0;
		const encodings = new Set<string>();
		const onFinished = (request: Request) => {
			if (!request.url().includes('/api/v1/sync/pull')) return;
			sizes.push(
				(async () => {
					const size = await request.sizes();
					wireBytes += size.responseBodySize + size.responseHeadersSize;
					const response = await request.response();
					encodings.add((await response?.headerValue('content-encoding')) ?? 'identity');
				})()
			);
		};
		page.on('requestfinished', onFinished);
		const prepared = await page.evaluate(() => window.bench!.prepareServerSync());
		page.off('requestfinished', onFinished);
		await Promise.all(sizes);
		progress(
			`first sync from the server (${dialect}): ${prepared.pulled} changes pulled, ${prepared.stored} plans stored (${(prepared.bytes / 1024 / 1024).toFixed(1)} MB as JSON)`
		);
		const { engine, raw } = await syncRounds(
			page,
			'serverSyncRound',
			`first sync from the server (${dialect})`,
			(round) => {
				if (round.stored.some((s) => s !== SYNC_CHANGES))
					throw new Error(
						`first sync from the server stored ${round.stored.join('/')} plans, expected ${SYNC_CHANGES}`
					);
			},
			options.rounds
		);
		await page.evaluate(() => window.bench!.cleanUp());
		return {
			changes: SYNC_CHANGES,
			pulled: prepared.pulled,
			jsonBytes: prepared.bytes,
			wireBytes,
			encodings: [...encodings],
			...roundFigures(engine, raw)
		};
	} finally {
		await context?.close().catch(() => {});
		if (server) await stopServer(server);
		await database.remove();
	}
}

/** On each database; a database that cannot be measured is reported, not fatal. */
export async function measureServerSyncs(
	browser: Browser,
	bundles: PageBundles,
	options: Options
): Promise<FirstSyncFromServerResults> {
	const results: FirstSyncFromServerResults = {};
	for (const db of DATABASES) {
		progress(
			`5b/7 first sync of ${SYNC_CHANGES} plans from a server on ${db}, over HTTP, ${options.rounds} rounds`
		);
		try {
			results[db] = await measureServerSync(browser, bundles.bench, options, db);
		} catch (error) {
			const reason = error instanceof Error ? error.message : String(error);
			progress(`first sync from the server (${db}): NOT MEASURED: ${reason}`);
			results[db] = { skipped: reason.split('\n')[0]! };
		}
	}
	return results;
}

const measured = (
	f: FirstSyncFromServerResult | { skipped: string } | undefined
): f is FirstSyncFromServerResult => f !== undefined && 'ratio' in f;

export const firstSyncFromServer: Measurement = {
	phase: 'browser',
	async run({ browser, bundles, options }) {
		return { firstSyncFromServer: await measureServerSyncs(browser, bundles, options) };
	},
	rows({ firstSyncFromServer }) {
		return DATABASES.flatMap((db): Row[] => {
			const f = firstSyncFromServer[db];
			const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(2)} MB`;
			return measured(f)
				? [
						[
							`[${db}] first sync of ${f.changes.toLocaleString('en-US')} plans from the server (HTTP) / raw bulkPut`,
							`${f.ratio.toFixed(2)}× (${fmt(f.syncMedianMs)} / ${fmt(f.rawMedianMs)})`,
							`≤ ${TARGETS.firstSyncRatio}×`,
							yes(f.ratio <= TARGETS.firstSyncRatio)
						],
						...(f.wireBytes !== undefined && f.jsonBytes !== undefined
							? [
									<Row>[
										`[${db}] same first sync: bytes on the wire (${f.encodings?.join(', ') ?? '?'}) / the JSON`,
										`${mb(f.wireBytes)} / ${mb(f.jsonBytes)} (${((100 * f.wireBytes) / f.jsonBytes).toFixed(1)} %)`,
										'—',
										'—'
									]
								]
							: [])
					]
				: [
						[
							`[${db}] first sync from the server`,
							`not measured: ${f?.skipped ?? 'no result'}`,
							'—',
							'NO'
						]
					];
		});
	},
	met({ firstSyncFromServer }) {
		return Object.fromEntries(
			DATABASES.map((db) => {
				const f = firstSyncFromServer[db];
				return [`firstSyncRatio.${db}`, measured(f) ? f.ratio <= TARGETS.firstSyncRatio : null];
			})
		);
	}
};

/** `--only first-sync`: one line per database. */
export function printFirstSyncFromServer(results: FirstSyncFromServerResults): void {
	for (const db of DATABASES) {
		const f = results[db];
		console.log(
			measured(f)
				? `[${db}] first sync from the server: ${f.ratio.toFixed(2)}× (${f.syncMedianMs} ms / ${f.rawMedianMs} ms); target ≤ ${TARGETS.firstSyncRatio}×; ` +
						`${f.wireBytes ?? '?'} bytes on the wire (${f.encodings?.join(', ') ?? '?'}) for ${f.jsonBytes ?? '?'} bytes of JSON`
				: `[${db}] not measured: ${f?.skipped}`
		);
	}
}
