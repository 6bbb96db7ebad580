import { CompiledQuery } from 'kysely';
import { uuidv7 } from '$lib/domain/ids';
import { PROTOCOL_VERSION, PULL_PAGE, SCHEMA_VERSION } from '$lib/sync';
import type { Dialect, TestServer } from '../../tests/server/harness';
import { median, round1, round2 } from '../stats';
import { apiRequest } from './api';
import { createMutations, expectAllApplied, pushBodies, sendPushes, type Caller } from './fixtures';
import { progress } from './report';
import type { PullResult } from './results';

/**
 * 2. Pull of 10,000 changes, every page from cursor 0, against a raw select of the same rows.
 * The baseline (issue 20) selects exactly the columns the app's pull reads, in one statement of
 * SQL text run without the camel-case plugin (as the app runs its own). For reference, the
 * earlier baseline: `selectAll` (also the widest column, `field_clients`) through the builder
 * with the plugin.
 */

/**
 * The columns a pull of compact changes (protocol 2, as the bench's client asks) reads
 * (src/lib/server/use-cases/sync/pull.ts, COMPACT_COLUMNS): not the field revisions nor the
 * kindergarten, which its answer leaves out or says once.
 */
const PULLED_SELECT = [
	'record_id as "recordId"',
	'type',
	'data',
	'rev',
	'deleted_at as "deletedAt"',
	'created_at as "createdAt"',
	'updated_by as "updatedBy"',
	'updated_at as "updatedAt"'
].join(', ');

const selectText = (dialect: Dialect) =>
	`select ${PULLED_SELECT} from sync_records where owner_id = ${dialect === 'postgres' ? '$1' : '?'}` +
	` and kindergarten_id = ${dialect === 'postgres' ? '$2' : '?'} order by rev`;

const PULL_RECORDS = 10_000;

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
		const response = await apiRequest(
			server,
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

async function timeRawSelect(server: TestServer, dialect: Dialect, caller: Caller) {
	const text = selectText(dialect);
	const start = performance.now();
	const { rows } = await server.deps.db
		.withoutPlugins()
		.executeQuery(CompiledQuery.raw(text, [caller.ownerId, caller.kindergartenId]));
	return { ms: performance.now() - start, rows: rows.length };
}

async function timeSelectAll(server: TestServer, caller: Caller) {
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

export async function measurePull(
	server: TestServer,
	dialect: Dialect,
	caller: Caller,
	rounds: number
): Promise<PullResult> {
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
		let all: Awaited<ReturnType<typeof timeSelectAll>>;
		if (pullFirst) {
			pull = await pullAll(server, caller.cookie);
			raw = await timeRawSelect(server, dialect, caller);
			all = await timeSelectAll(server, caller);
		} else {
			all = await timeSelectAll(server, caller);
			raw = await timeRawSelect(server, dialect, caller);
			pull = await pullAll(server, caller.cookie);
		}
		const changes = pull.texts.reduce(
			(n, t) => n + (JSON.parse(t) as { changes: unknown[] }).changes.length,
			0
		);
		if (changes !== PULL_RECORDS || raw.rows !== PULL_RECORDS || all.rows !== PULL_RECORDS) {
			throw new Error(`pulled ${changes} changes and selected ${raw.rows} and ${all.rows} rows`);
		}
		return { pullMs: pull.ms, rawMs: raw.ms, selectAllMs: all.ms, pages: pull.texts.length };
	};
	const warm = await round(true);
	progress(
		`${dialect} pull: warm-up pull ${warm.pullMs.toFixed(0)} ms (${warm.pages} pages), raw select ${warm.rawMs.toFixed(0)} ms, selectAll ${warm.selectAllMs.toFixed(0)} ms (not counted)`
	);
	const done: Array<{ pullMs: number; rawMs: number; selectAllMs: number; pages: number }> = [];
	for (let r = 0; r < rounds; r++) {
		done.push(await round(r % 2 === 0));
		progress(
			`${dialect} pull: round ${r + 1}/${rounds}: pull ${done.at(-1)!.pullMs.toFixed(0)} ms, raw select ${done.at(-1)!.rawMs.toFixed(0)} ms, selectAll ${done.at(-1)!.selectAllMs.toFixed(0)} ms`
		);
	}
	const pull = median(done.map((r) => r.pullMs));
	const raw = median(done.map((r) => r.rawMs));
	const all = median(done.map((r) => r.selectAllMs));
	return {
		changes: PULL_RECORDS,
		pageSize: PULL_PAGE,
		pages: warm.pages,
		rounds,
		pullMs: done.map((r) => round1(r.pullMs)),
		rawMs: done.map((r) => round1(r.rawMs)),
		rawSelectAllMs: done.map((r) => round1(r.selectAllMs)),
		pullMedianMs: round1(pull),
		rawMedianMs: round1(raw),
		rawSelectAllMedianMs: round1(all),
		ratio: round2(pull / raw),
		ratioSelectAll: round2(pull / all)
	};
}
