import { CompiledQuery } from 'kysely';
import { addDays } from '$lib/domain/calendar';
import { DEFAULT_GUIDANCE } from '$lib/domain/guidance-default';
import { uuidv7 } from '$lib/domain/ids';
import { DIGITAL_CLAUSES, LEARNING_AREAS, SCREEN_MODES } from '$lib/domain/vocabulary';
import { SESSION_COOKIE, startSession } from '$lib/server/auth/sessions';
import { figuresQuery } from '$lib/server/use-cases/practice-overview';
import { seedOwner, type Dialect, type TestServer } from '../../tests/server/harness';
import { median, round1, round2 } from '../stats';
import { apiRequest } from './api';
import { measureExport } from './export';
import { progress } from './report';
import type { PracticeResult } from './results';

/**
 * 8. The owner's overview of digital practice (issue 15, ADR 33): 500 kindergartens × 5 groups ×
 * 150 plans a year (375,000 plans, 3 % of them deleted, four authors per kindergarten), through
 * `GET /api/v1/practice/overview` for every kindergarten and a term (the refresh of the plan
 * facts, ADR 35, the figures in one SQL statement, the suppression, the JSON), against the same
 * GROUP BY statement as raw SQL text run without the builder or the camel-case plugin, in the
 * same run. The plans are seeded with raw multi-row inserts (untimed). The first look, which
 * takes every plan's facts, is timed apart; before each round 500 plans are written again
 * (untimed), as a day's pushes would, and the round's look takes them in.
 */

const KINDERGARTENS = 500;
const GROUPS = 5;
const PLANS_PER_GROUP = 150;
const AUTHORS = 4;
const YEAR = '2026-01-01';
export const PRACTICE_PERIOD = { from: '2026-09-01', to: '2026-11-30' };
const COLUMNS =
	'record_id, type, owner_id, kindergarten_id, group_id, data, field_revs, field_clients, rev, deleted_at, created_at, updated_by, updated_at';
const ROWS_PER_INSERT = 1000;

/** The owner, its kindergartens, groups and plans (untimed); an owner admin's cookie. */
export async function seedPractice(
	server: TestServer,
	dialect: Dialect,
	KINDERGARTENS = 500
): Promise<{ ownerId: string; cookie: string; plans: number; ids: string[] }> {
	const { db } = server.deps;
	const owner = await seedOwner(server, 'practice');
	const now = server.clock.now().toISOString();
	const kindergartens = [
		...owner.kindergartens.map((k) => ({ id: k.id, groups: [...k.groups] })),
		...Array.from({ length: KINDERGARTENS - owner.kindergartens.length }, () => ({
			id: uuidv7(),
			groups: [] as string[]
		}))
	];
	for (let i = 0; i < kindergartens.length; i += 1000) {
		const chunk = kindergartens.slice(i, i + 1000).filter((k) => k.groups.length === 0);
		if (chunk.length === 0) continue;
		await db
			.insertInto('kindergartens')
			.values(
				chunk.map((k, n) => ({
					id: k.id,
					ownerId: owner.id,
					name: `Barnehage ${String(i + n).padStart(3, '0')}`,
					createdAt: now,
					updatedAt: now
				}))
			)
			.execute();
	}
	const groups: { id: string; kindergartenId: string; ageMin: number }[] = [];
	for (const k of kindergartens) {
		while (k.groups.length < GROUPS) k.groups.push(uuidv7());
		k.groups.forEach((id, g) => groups.push({ id, kindergartenId: k.id, ageMin: g }));
	}
	const seeded = new Set(owner.kindergartens.flatMap((k) => k.groups));
	const fresh = groups.filter((g) => !seeded.has(g.id));
	for (let i = 0; i < fresh.length; i += 1000) {
		await db
			.insertInto('groups')
			.values(
				fresh.slice(i, i + 1000).map((g) => ({
					id: g.id,
					ownerId: owner.id,
					kindergartenId: g.kindergartenId,
					name: `Avdeling ${g.id.slice(-4)}`,
					ageMin: g.ageMin,
					ageMax: g.ageMin + 1,
					createdAt: now,
					updatedAt: now
				}))
			)
			.execute();
	}
	const authors = new Map(
		kindergartens.map((k) => [k.id, Array.from({ length: AUTHORS }, () => uuidv7())])
	);

	let state = 7;
	const random = (n: number) => {
		state = (state * 48271) % 2147483647;
		return state % n;
	};
	const raw = db.withoutPlugins();
	let rev = 1_000_000;
	let count = 0;
	const ids: string[] = [];
	let params: unknown[] = [];
	let tuples: string[] = [];
	const placeholder = (n: number) => (dialect === 'postgres' ? `$${n}` : '?');
	const flush = async () => {
		if (tuples.length === 0) return;
		await raw.executeQuery(
			CompiledQuery.raw(`insert into sync_records (${COLUMNS}) values ${tuples.join(',')}`, params)
		);
		params = [];
		tuples = [];
	};
	const insertAll = async () => {
		for (const group of groups) {
			for (let p = 0; p < PLANS_PER_GROUP; p++) {
				const mode = SCREEN_MODES[random(SCREEN_MODES.length)]!;
				const status = (['draft', 'planned', 'done', 'evaluated'] as const)[random(4)]!;
				const data = {
					groupId: group.id,
					title: `Aktivitet ${p}`,
					date: addDays(YEAR, Math.floor((p * 365) / PLANS_PER_GROUP) + random(2)),
					startTime: '09:00',
					endTime: '10:00',
					goals: '',
					description: '',
					learningAreas: [LEARNING_AREAS[random(7)]!, LEARNING_AREAS[random(7)]!].filter(
						(a, i, all) => all.indexOf(a) === i
					),
					clauses: random(3) === 0 ? [] : [DIGITAL_CLAUSES[random(4)]!],
					tools: [],
					screenMode: mode,
					screenMinutes: mode === 'screenFree' ? 0 : 5 + random(40),
					adultParticipates: true,
					privacy: { photographed: false, storage: '', consent: false, notes: '' },
					status,
					evaluation:
						status === 'evaluated'
							? { whatWorked: 'Bra.', participation: '', followUp: random(2) ? 'Igjen.' : '' }
							: null,
					createdAt: now,
					updatedAt: now
				};
				const base = params.length;
				const id = uuidv7();
				ids.push(id);
				params.push(
					id,
					'plan',
					owner.id,
					group.kindergartenId,
					group.id,
					JSON.stringify(data),
					'{}',
					'{}',
					++rev,
					random(100) < 3 ? now : null,
					now,
					authors.get(group.kindergartenId)![random(AUTHORS)]!,
					now
				);
				tuples.push(
					`(${Array.from({ length: 13 }, (_, i) => placeholder(base + i + 1)).join(',')})`
				);
				count++;
				if (tuples.length === ROWS_PER_INSERT) await flush();
			}
			if (count % 50_000 < PLANS_PER_GROUP) progress(`${dialect}: practice, ${count} plans seeded`);
		}
		await flush();
	};
	await insertAll();
	// As a push leaves it: the sequence at the last revision written.
	await raw.executeQuery(
		CompiledQuery.raw(`update sync_sequence set value = ${placeholder(1)} where id = 1`, [rev])
	);
	if (dialect === 'postgres') await raw.executeQuery(CompiledQuery.raw('analyze sync_records'));
	const token = await startSession(server.deps, owner.users.ownerAdmin.id, null);
	return { ownerId: owner.id, cookie: `${SESSION_COOKIE}=${token}`, plans: count, ids };
}

/** Plans written since the last round, as a day's pushes across the owner would write them. */
const WRITTEN_A_ROUND = 500;

/**
 * Writes `n` of the plans again (untimed), each under a new revision from the sequence, as the
 * pushes between two looks at the overview do: what the overview's refresh then takes in.
 */
async function writeAgain(server: TestServer, dialect: Dialect, ids: readonly string[], n: number) {
	const mark = (i: number) => (dialect === 'postgres' ? `$${i}` : '?');
	await server.deps.db.transaction().execute(async (trx) => {
		const { value } = await trx
			.selectFrom('syncSequence')
			.select('value')
			.where('id', '=', 1)
			.executeTakeFirstOrThrow();
		let rev = value;
		for (let i = 0; i < n; i++) {
			const id = ids[Math.floor(Math.random() * ids.length)]!;
			await trx
				.withoutPlugins()
				.executeQuery(
					CompiledQuery.raw(
						`update sync_records set rev = ${mark(1)} where record_id = ${mark(2)}`,
						[++rev, id]
					)
				);
		}
		await trx.updateTable('syncSequence').set({ value: rev }).where('id', '=', 1).execute();
	});
}

export async function measurePractice(
	server: TestServer,
	dialect: Dialect,
	rounds: number
): Promise<PracticeResult> {
	progress(`${dialect}: owner's practice overview, seeding`);
	const { ownerId, cookie, plans, ids } = await seedPractice(server, dialect);
	const { db } = server.deps;
	// The same statement the use case runs, compiled once to SQL text: the raw GROUP BY.
	const compiled = figuresQuery(
		dialect,
		ownerId,
		null,
		PRACTICE_PERIOD.from,
		PRACTICE_PERIOD.to,
		DEFAULT_GUIDANCE
	).compile(db);
	const raw = CompiledQuery.raw(compiled.sql, [...compiled.parameters]);
	const path = `/api/v1/practice/overview?from=${PRACTICE_PERIOD.from}&to=${PRACTICE_PERIOD.to}`;
	let bytes = 0;
	const overview = async () => {
		const start = performance.now();
		const response = await apiRequest(server, 'GET', path, { cookie });
		const text = await response.text();
		const ms = performance.now() - start;
		if (response.status !== 200) throw new Error(`practice overview: ${response.status} ${text}`);
		bytes = text.length;
		return ms;
	};
	let rows = 0;
	const rawGroupBy = async () => {
		const start = performance.now();
		// As the use case runs it: on PostgreSQL without JIT compilation (ADR 33).
		const result = await db
			.withoutPlugins()
			.transaction()
			.execute(async (trx) => {
				if (dialect === 'postgres') {
					await trx.executeQuery(CompiledQuery.raw('set local jit = off'));
					await trx.executeQuery(CompiledQuery.raw("set local work_mem = '64MB'"));
				}
				return trx.executeQuery(raw);
			});
		const ms = performance.now() - start;
		if (result.rows.length === 0) throw new Error('raw GROUP BY: no rows');
		rows = result.rows.length;
		return ms;
	};
	// The first look takes every plan's facts out of its JSON (ADR 35): timed on its own.
	const coldMs = await overview();
	progress(`${dialect}: practice, first look (every plan's facts taken) ${round1(coldMs)} ms`);
	await rawGroupBy();
	const overviewMs: number[] = [];
	const rawMs: number[] = [];
	for (let r = 0; r < rounds; r++) {
		// Each look after pushes: the refresh takes in the plans written since, timed with the page.
		await writeAgain(server, dialect, ids, WRITTEN_A_ROUND);
		if (r % 2 === 0) {
			overviewMs.push(await overview());
			rawMs.push(await rawGroupBy());
		} else {
			rawMs.push(await rawGroupBy());
			overviewMs.push(await overview());
		}
		progress(
			`${dialect}: practice round ${r + 1}: ${round1(overviewMs.at(-1)!)} / ${round1(rawMs.at(-1)!)} ms`
		);
	}
	progress(`${dialect}: the owner's export of the same owner`);
	let exported: PracticeResult['export'];
	try {
		exported = await measureExport(server, dialect, ownerId, cookie);
	} catch (error) {
		exported = { skipped: error instanceof Error ? error.message : String(error) };
	}
	return {
		export: exported,
		kindergartens: KINDERGARTENS,
		groups: GROUPS,
		plans,
		period: `${PRACTICE_PERIOD.from}–${PRACTICE_PERIOD.to}`,
		rows,
		bytes,
		rounds,
		writtenPerRound: WRITTEN_A_ROUND,
		coldMs: round1(coldMs),
		overviewMs: overviewMs.map(round1),
		rawMs: rawMs.map(round1),
		overviewMedianMs: round1(median(overviewMs)),
		rawMedianMs: round1(median(rawMs)),
		ratio: round2(median(overviewMs) / median(rawMs))
	};
}
