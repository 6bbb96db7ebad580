import { CompiledQuery } from 'kysely';
import { uuidv7 } from '$lib/domain/ids';
import { MAX_BATCH } from '$lib/sync';
import type { Dialect, TestServer } from '../../tests/server/harness';
import { median, round1, round2 } from '../stats';
import { sequenceOf, settle } from './database';
import {
	createMutations,
	expectAllApplied,
	freshCaller,
	pushBodies,
	rowsOf,
	sendPushes,
	type Row
} from './fixtures';
import { progress } from './report';
import type { PushResult } from './results';

/**
 * 1. Push of 1,000 create mutations (batches of MAX_BATCH, now one) against a raw insert of the
 * same rows into sync_records in one transaction: the baseline (issue 20) is the fastest plain
 * code for that, one multi-row statement of SQL text made once and kept (as the app keeps its
 * own), its values bound in column order, without Kysely's builder or the camel-case plugin.
 * For reference: the earlier baseline, the same insert through Kysely's builder with the plugin,
 * and one row at a time through the builder.
 */

const PUSH_MUTATIONS = 1_000;

interface PushRound {
	pushMs: number;
	rawMs: number;
	rawBuilderMs: number;
	rawRowByRowMs: number;
}

/** The columns of sync_records, and each one's key in a row, in the order they are bound. */
const COLUMNS = [
	['record_id', 'recordId'],
	['type', 'type'],
	['owner_id', 'ownerId'],
	['kindergarten_id', 'kindergartenId'],
	['group_id', 'groupId'],
	['data', 'data'],
	['field_revs', 'fieldRevs'],
	['field_clients', 'fieldClients'],
	['rev', 'rev'],
	['deleted_at', 'deletedAt'],
	['created_at', 'createdAt'],
	['updated_by', 'updatedBy'],
	['updated_at', 'updatedAt'],
	['shared', 'shared']
] as const satisfies ReadonlyArray<readonly [string, keyof Row]>;

const INSERT_TEXTS = new Map<string, string>();

/** `insert into sync_records (…) values (…), …` for `rows` rows, made once per dialect and size. */
function insertText(dialect: Dialect, rows: number): string {
	const key = `${dialect} ${rows}`;
	let text = INSERT_TEXTS.get(key);
	if (text === undefined) {
		const width = COLUMNS.length;
		const tuples: string[] = [];
		for (let r = 0; r < rows; r++) {
			const marks: string[] = [];
			for (let c = 1; c <= width; c++)
				marks.push(dialect === 'postgres' ? `$${r * width + c}` : '?');
			tuples.push(`(${marks.join(', ')})`);
		}
		text = `insert into sync_records (${COLUMNS.map(([c]) => c).join(', ')}) values ${tuples.join(', ')}`;
		INSERT_TEXTS.set(key, text);
	}
	return text;
}

type RawInsert = 'text' | 'builder' | 'builder-row-by-row';

/** Rows at revisions above the sequence, inserted and timed, then removed again (untimed). */
async function timeRawInsert(
	server: TestServer,
	dialect: Dialect,
	rows: Row[],
	how: RawInsert
): Promise<number> {
	const { db } = server.deps;
	// Made before the clock starts: a careful engineer keeps it, as the app does.
	const text = insertText(dialect, rows.length);
	await settle(server);
	const start = performance.now();
	await db.transaction().execute(async (trx) => {
		if (how === 'text') {
			const values: unknown[] = [];
			for (const row of rows) for (const [, key] of COLUMNS) values.push(row[key]);
			await trx.executeQuery(CompiledQuery.raw(text, values));
		} else if (how === 'builder-row-by-row') {
			for (const row of rows) await trx.insertInto('syncRecords').values(row).execute();
		} else await trx.insertInto('syncRecords').values(rows).execute();
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

async function pushRound(
	server: TestServer,
	dialect: Dialect,
	pushFirst: boolean
): Promise<PushRound> {
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
		const text = await timeRawInsert(server, dialect, await rawRows(), 'text');
		const builder = await timeRawInsert(server, dialect, await rawRows(), 'builder');
		const rowByRow = await timeRawInsert(server, dialect, await rawRows(), 'builder-row-by-row');
		return { text, builder, rowByRow };
	};
	let pushMs: number;
	let raw: { text: number; builder: number; rowByRow: number };
	if (pushFirst) {
		pushMs = await timePush();
		raw = await timeRaw();
	} else {
		raw = await timeRaw();
		pushMs = await timePush();
	}
	return { pushMs, rawMs: raw.text, rawBuilderMs: raw.builder, rawRowByRowMs: raw.rowByRow };
}

export async function measurePush(
	server: TestServer,
	dialect: Dialect,
	rounds: number
): Promise<PushResult> {
	const warm = await pushRound(server, dialect, true);
	progress(
		`${dialect} push: warm-up push ${warm.pushMs.toFixed(0)} ms, raw insert ${warm.rawMs.toFixed(0)} ms (not counted)`
	);
	const done: PushRound[] = [];
	for (let r = 0; r < rounds; r++) {
		const round = await pushRound(server, dialect, r % 2 === 0);
		done.push(round);
		progress(
			`${dialect} push: round ${r + 1}/${rounds}: push ${round.pushMs.toFixed(0)} ms, raw insert ${round.rawMs.toFixed(0)} ms (builder ${round.rawBuilderMs.toFixed(0)} ms, row by row ${round.rawRowByRowMs.toFixed(0)} ms)`
		);
	}
	const push = median(done.map((r) => r.pushMs));
	const raw = median(done.map((r) => r.rawMs));
	const builder = median(done.map((r) => r.rawBuilderMs));
	const rowByRow = median(done.map((r) => r.rawRowByRowMs));
	return {
		mutations: PUSH_MUTATIONS,
		batches: Math.ceil(PUSH_MUTATIONS / MAX_BATCH),
		rounds,
		pushMs: done.map((r) => round1(r.pushMs)),
		rawMs: done.map((r) => round1(r.rawMs)),
		rawBuilderMs: done.map((r) => round1(r.rawBuilderMs)),
		rawRowByRowMs: done.map((r) => round1(r.rawRowByRowMs)),
		pushMedianMs: round1(push),
		rawMedianMs: round1(raw),
		rawBuilderMedianMs: round1(builder),
		rawRowByRowMedianMs: round1(rowByRow),
		ratio: round2(push / raw),
		ratioBuilder: round2(push / builder),
		ratioRowByRow: round2(push / rowByRow)
	};
}
