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
 * 1. Push of 1,000 create mutations (batches of MAX_BATCH, now one) against a raw Kysely insert
 * of the same rows into sync_records, in one transaction (and, for reference, one row at a time).
 */

const PUSH_MUTATIONS = 1_000;

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

export async function measurePush(
	server: TestServer,
	dialect: Dialect,
	rounds: number
): Promise<PushResult> {
	const warm = await pushRound(server, true);
	progress(
		`${dialect} push: warm-up push ${warm.pushMs.toFixed(0)} ms, raw insert ${warm.rawMs.toFixed(0)} ms (not counted)`
	);
	const done: PushRound[] = [];
	for (let r = 0; r < rounds; r++) {
		const round = await pushRound(server, r % 2 === 0);
		done.push(round);
		progress(
			`${dialect} push: round ${r + 1}/${rounds}: push ${round.pushMs.toFixed(0)} ms, raw insert ${round.rawMs.toFixed(0)} ms (row by row ${round.rawRowByRowMs.toFixed(0)} ms)`
		);
	}
	const push = median(done.map((r) => r.pushMs));
	const raw = median(done.map((r) => r.rawMs));
	const rowByRow = median(done.map((r) => r.rawRowByRowMs));
	return {
		mutations: PUSH_MUTATIONS,
		batches: Math.ceil(PUSH_MUTATIONS / MAX_BATCH),
		rounds,
		pushMs: done.map((r) => round1(r.pushMs)),
		rawMs: done.map((r) => round1(r.rawMs)),
		rawRowByRowMs: done.map((r) => round1(r.rawRowByRowMs)),
		pushMedianMs: round1(push),
		rawMedianMs: round1(raw),
		rawRowByRowMedianMs: round1(rowByRow),
		ratio: round2(push / raw),
		ratioRowByRow: round2(push / rowByRow)
	};
}
