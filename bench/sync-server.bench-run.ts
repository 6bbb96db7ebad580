// The server half of `npm run bench` (scripts/bench.js runs it once per database, BENCH_DIALECT, with
// `vitest run --config bench/vitest.config.ts`; it is not a test, and the normal `vitest run`
// never picks it up). On SQLite and on PostgreSQL, through the real API handler:
//   1. push of 1,000 create mutations (batches of MAX_BATCH, now one) against a raw Kysely insert of
//      the same rows into sync_records, in one transaction;
//   2. pull of 10,000 changes, every page from cursor 0, against a raw select of the same rows;
//   3. pull under 50 concurrent clients (autocannon on loopback, in a child process, against
//      an HTTP server in this process), with GET /api/v1/health measured the same way as the
//      baseline.
// Results go to the JSON file named by BENCH_SERVER_OUT; progress lines start with `@@bench `
// on stderr, for scripts/bench.js to show. Every database, directory, server and child process
// made here is removed again, also when a measurement fails; what is still open is listed in
// BENCH_SERVER_STATE, so that bench.js can clean up after a run that was killed.
import { spawn, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { afterAll, it } from 'vitest';
import { sql } from 'kysely';
import { uuidv7 } from '$lib/domain/ids';
import { app } from '$lib/server/api/app';
import { SESSION_COOKIE, startSession } from '$lib/server/auth/sessions';
import type { ServerDeps } from '$lib/server/deps';
import type { SyncRecordTable } from '$lib/server/db/schema';
import { validateRecord } from '$lib/server/use-cases/sync-records';
import {
	MAX_BATCH,
	PROTOCOL_VERSION,
	PULL_PAGE,
	SCHEMA_VERSION,
	type Mutation,
	type PushResponse
} from '$lib/sync';
import {
	DIALECTS,
	POSTGRES_URL,
	seedOwner,
	startTestServer,
	type Dialect,
	type TestServer
} from '../tests/server/harness';
import { AT, planFields } from '../tests/server/sync-fixtures';

const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 5);
const PUSH_MUTATIONS = 1_000;
const PULL_RECORDS = 10_000;
const CONNECTIONS = 50;
const LOAD_SECONDS = Number(process.env['BENCH_LOAD_SECONDS'] ?? 10);
const WARM_UP_SECONDS = 2;
/** Changes each pull under load returns: a client that is nearly up to date. */
const LOAD_PAGE_CHANGES = 10;
const OUT = process.env['BENCH_SERVER_OUT'];
const STATE = process.env['BENCH_SERVER_STATE'];

type Row = SyncRecordTable;

function progress(message: string): void {
	process.stderr.write(`@@bench ${message}\n`);
}

function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	const mid = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const round1 = (n: number) => Math.round(n * 10) / 10;
const round2 = (n: number) => Math.round(n * 100) / 100;

// ------------------------------------------------------------------ what is open, for clean-up

interface OpenResources {
	postgresDatabases: string[];
	sqliteFiles: string[];
	pids: number[];
}
const open: OpenResources = { postgresDatabases: [], sqliteFiles: [], pids: [] };

function saveState(): void {
	if (STATE) writeFileSync(STATE, JSON.stringify({ postgresUrl: POSTGRES_URL, ...open }));
}

const without = <T>(list: T[], item: T) => list.filter((x) => x !== item);

/** The harness's server, with its database recorded as open until it is closed. */
async function startServer(dialect: Dialect): Promise<TestServer & { name: string }> {
	const server = await startTestServer(dialect);
	let name: string;
	if (dialect === 'postgres') {
		const { rows } = await sql<{ name: string }>`select current_database() as name`.execute(
			server.deps.db
		);
		name = rows[0]!.name;
		open.postgresDatabases.push(name);
	} else {
		const { rows } = await sql<{ file: string }>`select file from pragma_database_list`.execute(
			server.deps.db
		);
		name = rows[0]!.file;
		open.sqliteFiles.push(name);
	}
	saveState();
	return {
		...server,
		name,
		close: async () => {
			await server.close();
			open.postgresDatabases = without(open.postgresDatabases, name);
			open.sqliteFiles = without(open.sqliteFiles, name);
			saveState();
		}
	};
}

// ------------------------------------------------------------------ fixtures

interface Caller {
	cookie: string;
	userId: string;
	ownerId: string;
	kindergartenId: string;
	/** The owner's second kindergarten (empty): where the raw baseline writes. */
	otherKindergartenId: string;
	groupId: string;
	otherGroupId: string;
}

let labels = 0;

/** A fresh owner (two kindergartens) and a signed-in staff member of the first. */
async function freshCaller(server: TestServer): Promise<Caller> {
	const owner = await seedOwner(server, `bench${++labels}`);
	const [own, other] = [owner.kindergartens[0]!, owner.kindergartens[1]!];
	const token = await startSession(server.deps, owner.users.staff.id, null);
	return {
		cookie: `${SESSION_COOKIE}=${token}`,
		userId: owner.users.staff.id,
		ownerId: owner.id,
		kindergartenId: own.id,
		otherKindergartenId: other.id,
		groupId: own.groups[0]!,
		otherGroupId: other.groups[0]!
	};
}

/** `n` valid create mutations for a group, numbered from `firstId`. */
function createMutations(groupId: string, n: number, firstId = 1): Mutation[] {
	return Array.from({ length: n }, (_, i) => {
		const day = String(1 + (i % 28)).padStart(2, '0');
		return {
			id: firstId + i,
			recordId: uuidv7(),
			type: 'plan',
			op: 'put',
			baseRev: null,
			fields: planFields(groupId, {
				title: `Bee-Bot-løype ${firstId + i}`,
				date: `2026-11-${day}`
			}),
			at: AT
		};
	});
}

/**
 * The push bodies for `mutations`, cut at MAX_BATCH, as the UTF-8 bytes of their JSON: what the
 * server reads off the socket (writing and encoding the JSON is the tablet's work, not timed).
 */
function pushBodies(clientId: string, mutations: Mutation[]): Uint8Array[] {
	const bodies: Uint8Array[] = [];
	for (let i = 0; i < mutations.length; i += MAX_BATCH) {
		const text = JSON.stringify({
			protocol: PROTOCOL_VERSION,
			schema: SCHEMA_VERSION,
			clientId,
			mutations: mutations.slice(i, i + MAX_BATCH)
		});
		bodies.push(new TextEncoder().encode(text));
	}
	return bodies;
}

/** Sends the push bodies in order; returns the answers' text. */
async function sendPushes(
	server: TestServer,
	cookie: string,
	bodies: Uint8Array[]
): Promise<string[]> {
	const texts: string[] = [];
	for (const raw of bodies) {
		const response = await server.request('POST', '/api/v1/sync/push', {
			cookie,
			raw,
			headers: { 'content-type': 'application/json' }
		});
		const text = await response.text();
		if (response.status !== 200) throw new Error(`push answered ${response.status}: ${text}`);
		texts.push(text);
	}
	return texts;
}

function expectAllApplied(texts: string[], n: number): void {
	const results = texts.flatMap((t) => (JSON.parse(t) as PushResponse).results);
	const applied = results.filter((r) => r.status === 'applied' && r.rev !== undefined).length;
	if (applied !== n) {
		const other = results.find((r) => r.status !== 'applied');
		throw new Error(`push applied ${applied} of ${n} mutations: ${JSON.stringify(other)}`);
	}
}

/**
 * The rows a push of `mutations` would store (data normalized by the record's schema, a
 * revision per field), for the kindergarten and group given, at revisions from `firstRev`.
 */
function rowsOf(
	mutations: Mutation[],
	scope: { ownerId: string; kindergartenId: string; groupId: string },
	clientId: string,
	userId: string | null,
	firstRev: number,
	now: string
): Row[] {
	return mutations.map((m, i) => {
		const recordId = uuidv7();
		const checked = validateRecord(
			'plan',
			{ ...m.fields, groupId: scope.groupId },
			{
				id: recordId,
				kindergartenId: scope.kindergartenId,
				createdAt: now,
				updatedAt: now,
				deletedAt: null
			}
		);
		if (!checked.ok) throw new Error(`fixture plan invalid: ${JSON.stringify(checked.fields)}`);
		const rev = firstRev + i;
		const keys = Object.keys(checked.data);
		return {
			recordId,
			type: 'plan',
			ownerId: scope.ownerId,
			kindergartenId: scope.kindergartenId,
			groupId: scope.groupId,
			data: JSON.stringify(checked.data),
			fieldRevs: JSON.stringify(Object.fromEntries(keys.map((k) => [k, rev]))),
			fieldClients: JSON.stringify(Object.fromEntries(keys.map((k) => [k, clientId]))),
			rev,
			deletedAt: null,
			createdAt: now,
			updatedBy: userId,
			updatedAt: now
		};
	});
}

async function sequenceOf(server: TestServer): Promise<number> {
	const row = await server.deps.db
		.selectFrom('syncSequence')
		.select('value')
		.where('id', '=', 1)
		.executeTakeFirstOrThrow();
	return row.value;
}

// ------------------------------------------------------------------ 1. push

interface PushRound {
	pushMs: number;
	rawMs: number;
	rawRowByRowMs: number;
}

/** Rows at revisions above the sequence, inserted and timed, then removed again (untimed). */
async function timeRawInsert(server: TestServer, rows: Row[], rowByRow: boolean): Promise<number> {
	const { db } = server.deps;
	await settle(server);
	const start = performance.now();
	await db.transaction().execute(async (trx) => {
		if (rowByRow) for (const row of rows) await trx.insertInto('syncRecords').values(row).execute();
		else await trx.insertInto('syncRecords').values(rows).execute();
	});
	const ms = performance.now() - start;
	const ids = rows.map((r) => r.recordId);
	const { count } = await db
		.selectFrom('syncRecords')
		.select((eb) => eb.fn.countAll<number>().as('count'))
		.where('kindergartenId', '=', rows[0]!.kindergartenId)
		.executeTakeFirstOrThrow();
	if (Number(count) !== rows.length) throw new Error(`raw insert stored ${count} rows`);
	for (let i = 0; i < ids.length; i += 500) {
		await db
			.deleteFrom('syncRecords')
			.where('recordId', 'in', ids.slice(i, i + 500))
			.execute();
	}
	return ms;
}

/**
 * Before each timed write on SQLite, untimed: copies the write-ahead log into the database
 * file, so that the work left by untimed steps (the fixtures, the clean-up of the raw rows)
 * does not land in the next timed commit, which would otherwise run SQLite's automatic
 * checkpoint for it (PostgreSQL checkpoints in the background anyway).
 */
async function settle(server: TestServer): Promise<void> {
	if (server.deps.dialect === 'sqlite') {
		await sql`pragma wal_checkpoint(RESTART)`.execute(server.deps.db);
	}
}

async function pushRound(server: TestServer, pushFirst: boolean): Promise<PushRound> {
	const caller = await freshCaller(server);
	const clientId = uuidv7();
	const mutations = createMutations(caller.groupId, PUSH_MUTATIONS);
	const bodies = pushBodies(clientId, mutations);
	const now = server.clock.now().toISOString();
	const rawRows = async () =>
		rowsOf(
			mutations,
			{
				ownerId: caller.ownerId,
				kindergartenId: caller.otherKindergartenId,
				groupId: caller.otherGroupId
			},
			clientId,
			caller.userId,
			(await sequenceOf(server)) + 1,
			now
		);

	const timePush = async () => {
		await settle(server);
		const start = performance.now();
		const texts = await sendPushes(server, caller.cookie, bodies);
		const ms = performance.now() - start;
		expectAllApplied(texts, PUSH_MUTATIONS);
		return ms;
	};
	const timeRaw = async () => {
		const bulk = await timeRawInsert(server, await rawRows(), false);
		const rowByRow = await timeRawInsert(server, await rawRows(), true);
		return { bulk, rowByRow };
	};
	let pushMs: number;
	let raw: { bulk: number; rowByRow: number };
	if (pushFirst) {
		pushMs = await timePush();
		raw = await timeRaw();
	} else {
		raw = await timeRaw();
		pushMs = await timePush();
	}
	return { pushMs, rawMs: raw.bulk, rawRowByRowMs: raw.rowByRow };
}

async function measurePush(server: TestServer, dialect: Dialect) {
	const warm = await pushRound(server, true);
	progress(
		`${dialect} push: warm-up push ${warm.pushMs.toFixed(0)} ms, raw insert ${warm.rawMs.toFixed(0)} ms (not counted)`
	);
	const rounds: PushRound[] = [];
	for (let r = 0; r < ROUNDS; r++) {
		const round = await pushRound(server, r % 2 === 0);
		rounds.push(round);
		progress(
			`${dialect} push: round ${r + 1}/${ROUNDS}: push ${round.pushMs.toFixed(0)} ms, raw insert ${round.rawMs.toFixed(0)} ms (row by row ${round.rawRowByRowMs.toFixed(0)} ms)`
		);
	}
	const push = median(rounds.map((r) => r.pushMs));
	const raw = median(rounds.map((r) => r.rawMs));
	const rowByRow = median(rounds.map((r) => r.rawRowByRowMs));
	return {
		mutations: PUSH_MUTATIONS,
		batches: Math.ceil(PUSH_MUTATIONS / MAX_BATCH),
		rounds: ROUNDS,
		pushMs: rounds.map((r) => round1(r.pushMs)),
		rawMs: rounds.map((r) => round1(r.rawMs)),
		rawRowByRowMs: rounds.map((r) => round1(r.rawRowByRowMs)),
		pushMedianMs: round1(push),
		rawMedianMs: round1(raw),
		rawRowByRowMedianMs: round1(rowByRow),
		ratio: round2(push / raw),
		ratioRowByRow: round2(push / rowByRow)
	};
}

// ------------------------------------------------------------------ 2. pull

/** The cursor and `hasMore` among the last fields of a pull's answer (pullJson writes them last). */
const PULL_TAIL = /"cursor":(\d+),"hasMore":(true|false)[,}]/;

/** The last `n` bytes of a body read as `chunks`. */
function tailOf(chunks: Uint8Array[], n: number): Buffer {
	const parts: Uint8Array[] = [];
	let length = 0;
	for (let i = chunks.length - 1; i >= 0 && length < n; i--) {
		const chunk = chunks[i]!;
		const part = chunk.subarray(Math.max(0, chunk.byteLength - (n - length)));
		parts.unshift(part);
		length += part.byteLength;
	}
	return Buffer.concat(parts);
}

/**
 * Every page from cursor 0 through the handler. Each answer's body is read as adapter-node reads
 * it to write it to the socket: chunk by chunk off its stream (the bytes, and their UTF-8
 * encoding, are the server's work, and are timed). Reading them as text is the client's, so only
 * each answer's last bytes are decoded, for the cursor; whole answers are decoded after the clock
 * stops.
 */
async function pullAll(
	server: TestServer,
	cookie: string
): Promise<{ ms: number; texts: string[] }> {
	const clientId = uuidv7();
	const bodies: Uint8Array[][] = [];
	let cursor = 0;
	const start = performance.now();
	for (;;) {
		const response = await server.request(
			'GET',
			`/api/v1/sync/pull?cursor=${cursor}&protocol=${PROTOCOL_VERSION}&schema=${SCHEMA_VERSION}&clientId=${clientId}`,
			{ cookie }
		);
		const chunks: Uint8Array[] = [];
		const reader = response.body!.getReader();
		for (;;) {
			const { done, value } = await reader.read();
			if (done) break;
			chunks.push(value);
		}
		if (response.status !== 200) {
			throw new Error(`pull answered ${response.status}: ${Buffer.concat(chunks).toString()}`);
		}
		bodies.push(chunks);
		const end = tailOf(chunks, 160).toString('latin1');
		const tail = PULL_TAIL.exec(end);
		if (!tail) throw new Error(`pull answer ends unexpectedly: …${end}`);
		cursor = Number(tail[1]);
		if (tail[2] === 'false') break;
	}
	const ms = performance.now() - start;
	return { ms, texts: bodies.map((chunks) => Buffer.concat(chunks).toString('utf8')) };
}

async function timeRawSelect(server: TestServer, caller: Caller) {
	const start = performance.now();
	const rows = await server.deps.db
		.selectFrom('syncRecords')
		.selectAll()
		.where('ownerId', '=', caller.ownerId)
		.where('kindergartenId', '=', caller.kindergartenId)
		.orderBy('rev')
		.execute();
	return { ms: performance.now() - start, rows: rows.length };
}

async function measurePull(server: TestServer, dialect: Dialect, caller: Caller) {
	const seedStart = performance.now();
	const mutations = createMutations(caller.groupId, PULL_RECORDS);
	expectAllApplied(
		await sendPushes(server, caller.cookie, pushBodies(uuidv7(), mutations)),
		PULL_RECORDS
	);
	progress(
		`${dialect} pull: ${PULL_RECORDS} plans pushed into a fresh kindergarten in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`
	);

	const round = async (pullFirst: boolean) => {
		let pull: Awaited<ReturnType<typeof pullAll>>;
		let raw: Awaited<ReturnType<typeof timeRawSelect>>;
		if (pullFirst) {
			pull = await pullAll(server, caller.cookie);
			raw = await timeRawSelect(server, caller);
		} else {
			raw = await timeRawSelect(server, caller);
			pull = await pullAll(server, caller.cookie);
		}
		const changes = pull.texts.reduce(
			(n, t) => n + (JSON.parse(t) as { changes: unknown[] }).changes.length,
			0
		);
		if (changes !== PULL_RECORDS || raw.rows !== PULL_RECORDS) {
			throw new Error(`pulled ${changes} changes and selected ${raw.rows} rows`);
		}
		return { pullMs: pull.ms, rawMs: raw.ms, pages: pull.texts.length };
	};
	const warm = await round(true);
	progress(
		`${dialect} pull: warm-up pull ${warm.pullMs.toFixed(0)} ms (${warm.pages} pages), raw select ${warm.rawMs.toFixed(0)} ms (not counted)`
	);
	const rounds: Array<{ pullMs: number; rawMs: number; pages: number }> = [];
	for (let r = 0; r < ROUNDS; r++) {
		rounds.push(await round(r % 2 === 0));
		progress(
			`${dialect} pull: round ${r + 1}/${ROUNDS}: pull ${rounds.at(-1)!.pullMs.toFixed(0)} ms, raw select ${rounds.at(-1)!.rawMs.toFixed(0)} ms`
		);
	}
	const pull = median(rounds.map((r) => r.pullMs));
	const raw = median(rounds.map((r) => r.rawMs));
	return {
		changes: PULL_RECORDS,
		pageSize: PULL_PAGE,
		pages: warm.pages,
		rounds: ROUNDS,
		pullMs: rounds.map((r) => round1(r.pullMs)),
		rawMs: rounds.map((r) => round1(r.rawMs)),
		pullMedianMs: round1(pull),
		rawMedianMs: round1(raw),
		ratio: round2(pull / raw)
	};
}

// ------------------------------------------------------------------ 3. concurrency

/** The API on a real HTTP server on loopback: each request handed to the API's app. */
async function serveApi(deps: ServerDeps): Promise<{ origin: string; close: () => Promise<void> }> {
	const handle = async (req: IncomingMessage, res: ServerResponse) => {
		try {
			const origin = `http://${req.headers.host ?? '127.0.0.1'}`;
			const headers = new Headers();
			for (const [key, value] of Object.entries(req.headers)) {
				if (Array.isArray(value)) for (const v of value) headers.append(key, v);
				else if (value !== undefined) headers.set(key, value);
			}
			let body: Uint8Array | undefined;
			if (req.method !== 'GET' && req.method !== 'HEAD') {
				const chunks: Buffer[] = [];
				for await (const chunk of req) chunks.push(chunk as Buffer);
				body = new Uint8Array(Buffer.concat(chunks));
			}
			const request = new Request(new URL(req.url ?? '/', origin), {
				method: req.method ?? 'GET',
				headers,
				body: body as BodyInit | undefined
			});
			const response = await app.fetch(request, {
				deps,
				clientAddress: req.socket.remoteAddress ?? '127.0.0.1'
			});
			const out = Buffer.from(await response.arrayBuffer());
			const outHeaders: Record<string, string | string[]> = {};
			response.headers.forEach((value, key) => {
				if (key !== 'set-cookie') outHeaders[key] = value;
			});
			const cookies = response.headers.getSetCookie();
			if (cookies.length > 0) outHeaders['set-cookie'] = cookies;
			outHeaders['content-length'] = String(out.length);
			res.writeHead(response.status, outHeaders);
			res.end(out);
		} catch (error) {
			console.error(error);
			if (!res.headersSent) res.writeHead(500);
			res.end();
		}
	};
	const server = createServer((req, res) => void handle(req, res));
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(0, '127.0.0.1', resolve);
	});
	const { port } = server.address() as AddressInfo;
	return {
		origin: `http://127.0.0.1:${port}`,
		close: () =>
			new Promise<void>((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			})
	};
}

interface AutocannonResult {
	requests: { average: number; total: number };
	latency: { p50: number; p99: number; average: number; max: number };
	errors: number;
	timeouts: number;
	non2xx: number;
	duration: number;
}

const autocannonBin = createRequire(import.meta.url).resolve('autocannon');
const children = new Set<ChildProcess>();

/** autocannon in a child process (so it does not share this process's event loop). */
function autocannon(
	url: string,
	seconds: number,
	cookie: string | null
): Promise<AutocannonResult> {
	const args = [autocannonBin, '--json', '-c', String(CONNECTIONS), '-d', String(seconds)];
	if (cookie) args.push('-H', `cookie:${cookie}`);
	args.push(url);
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
		children.add(child);
		open.pids.push(child.pid!);
		saveState();
		let out = '';
		let err = '';
		child.stdout.on('data', (d: Buffer) => (out += d.toString()));
		child.stderr.on('data', (d: Buffer) => (err = (err + d.toString()).slice(-2000)));
		child.on('error', reject);
		child.on('exit', (code) => {
			children.delete(child);
			open.pids = without(open.pids, child.pid!);
			saveState();
			if (code !== 0) return reject(new Error(`autocannon exited with ${code}: ${err}`));
			try {
				resolve(JSON.parse(out.slice(out.indexOf('{'))) as AutocannonResult);
			} catch {
				reject(new Error(`autocannon printed no result: ${out.slice(0, 400)} ${err}`));
			}
		});
	});
}

async function load(name: string, dialect: Dialect, url: string, cookie: string | null) {
	await autocannon(url, WARM_UP_SECONDS, cookie);
	const result = await autocannon(url, LOAD_SECONDS, cookie);
	if (result.non2xx > 0 || result.errors > 0 || result.timeouts > 0) {
		throw new Error(
			`${name}: ${result.non2xx} non-2xx answers, ${result.errors} errors, ${result.timeouts} timeouts`
		);
	}
	const figures = {
		requestsPerSecond: Math.round(result.requests.average),
		requests: result.requests.total,
		p50Ms: result.latency.p50,
		p99Ms: result.latency.p99,
		maxMs: result.latency.max,
		seconds: result.duration
	};
	progress(
		`${dialect} load: ${name}: ${figures.requestsPerSecond} requests/s, p50 ${figures.p50Ms} ms, p99 ${figures.p99Ms} ms (${CONNECTIONS} connections, ${LOAD_SECONDS} s)`
	);
	return figures;
}

async function measureLoad(server: TestServer, dialect: Dialect, caller: Caller) {
	const http = await serveApi(server.deps);
	try {
		// A client that has pulled from 0 (so its cursor belongs to this kindergarten) and is
		// LOAD_PAGE_CHANGES revisions behind.
		const clientId = uuidv7();
		const query = (cursor: number) =>
			`/api/v1/sync/pull?cursor=${cursor}&protocol=${PROTOCOL_VERSION}&schema=${SCHEMA_VERSION}&clientId=${clientId}`;
		const first = await fetch(`${http.origin}${query(0)}`, { headers: { cookie: caller.cookie } });
		if (first.status !== 200) throw new Error(`pull from 0 answered ${first.status}`);
		await first.arrayBuffer();
		const cursor = (await sequenceOf(server)) - LOAD_PAGE_CHANGES;
		const probe = await fetch(`${http.origin}${query(cursor)}`, {
			headers: { cookie: caller.cookie }
		});
		const page = (await probe.json()) as { changes: unknown[] };
		if (probe.status !== 200 || page.changes.length !== LOAD_PAGE_CHANGES) {
			throw new Error(`the pull under load answers ${probe.status} with ${page.changes.length}`);
		}
		const health = await load('GET /api/v1/health', dialect, `${http.origin}/api/v1/health`, null);
		const pull = await load(
			`GET /api/v1/sync/pull (${LOAD_PAGE_CHANGES} changes)`,
			dialect,
			`${http.origin}${query(cursor)}`,
			caller.cookie
		);
		return {
			connections: CONNECTIONS,
			seconds: LOAD_SECONDS,
			changesPerPull: LOAD_PAGE_CHANGES,
			health,
			pull,
			ratio: round2(health.requestsPerSecond / pull.requestsPerSecond)
		};
	} finally {
		await http.close();
	}
}

// ------------------------------------------------------------------ the run

const results: Record<string, unknown> = {};

afterAll(() => {
	for (const child of children) child.kill('SIGKILL');
	if (OUT) writeFileSync(OUT, JSON.stringify({ rounds: ROUNDS, databases: results }, null, '\t'));
});

/** BENCH_DIALECT: one database per run (scripts/bench.js runs one process for each). */
const ONLY = process.env['BENCH_DIALECT'];

for (const dialect of DIALECTS.filter((d) => ONLY === undefined || d === ONLY)) {
	it(`measures sync on ${dialect}`, { timeout: 30 * 60_000 }, async () => {
		let server: Awaited<ReturnType<typeof startServer>>;
		try {
			server = await startServer(dialect);
		} catch (error) {
			const reason = error instanceof Error ? error.message : String(error);
			results[dialect] = { skipped: `could not start: ${reason}` };
			progress(`${dialect}: NOT MEASURED: ${reason}`);
			return;
		}
		try {
			progress(`${dialect}: database ${server.name}`);
			const push = await measurePush(server, dialect);
			const caller = await freshCaller(server);
			const pull = await measurePull(server, dialect, caller);
			const concurrency = await measureLoad(server, dialect, caller);
			results[dialect] = { push, pull, concurrency };
		} finally {
			await server.close();
		}
	});
}
