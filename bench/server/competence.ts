import { CompiledQuery } from 'kysely';
import { uuidv7 } from '$lib/domain/ids';
import { SESSION_COOKIE, startSession } from '$lib/server/auth/sessions';
import { itemsFor } from '$lib/server/use-cases/competence';
import { seedOwner, type Dialect, type TestServer } from '../../tests/server/harness';
import { median, round1, round2 } from '../stats';
import { apiRequest } from './api';
import { progress } from './report';
import type { CompetenceResult } from './results';

/**
 * 7. The owner's competence overview (issue 14): 500 kindergartens × 20 people × 4 periods, two
 * managers per kindergarten answering every item in force (30 today), the staff the staff items
 * (25; about 28 on average, so about 1.1 million answers), through
 * `GET /api/v1/competence/overview` (member lists and counts in SQL, the suppression over every
 * group, the figures as JSON), against a raw GROUP BY of the same counts (per kindergarten,
 * period, item and level, over the owner's periods, as SQL text without the plugin).
 */

const KINDERGARTENS = 500;
const PEOPLE = 20;
const MANAGERS = 2;
const PERIODS = ['2025-1', '2025-2', '2026-1', '2026-2'];
const SHOWN = '2026-2';

const rawText = (dialect: Dialect) =>
	'select s.kindergarten_id, s.period, a.item_id, a.level, count(*) as n' +
	' from competence_answers a join competence_submissions s on s.id = a.submission_id' +
	` where s.owner_id = ${dialect === 'postgres' ? '$1' : '?'}` +
	' group by s.kindergarten_id, s.period, a.item_id, a.level';

async function insertChunked<T>(rows: T[], size: number, insert: (chunk: T[]) => Promise<unknown>) {
	for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
}

/** The owner, its kindergartens, people and answers (untimed); an owner admin's cookie. */
async function seed(
	server: TestServer
): Promise<{ ownerId: string; cookie: string; answers: number }> {
	const { db } = server.deps;
	const owner = await seedOwner(server, 'competence');
	const now = server.clock.now().toISOString();
	const kindergartens = [
		...owner.kindergartens.map((k) => k.id),
		...Array.from({ length: KINDERGARTENS - owner.kindergartens.length }, () => uuidv7())
	];
	await insertChunked(kindergartens.slice(owner.kindergartens.length), 1000, (chunk) =>
		db
			.insertInto('kindergartens')
			.values(
				chunk.map((id, i) => ({
					id,
					ownerId: owner.id,
					name: `Barnehage ${String(i).padStart(3, '0')}`,
					createdAt: now,
					updatedAt: now
				}))
			)
			.execute()
	);
	const people = kindergartens.flatMap((kindergartenId) =>
		Array.from({ length: PEOPLE }, (_, p) => ({
			id: uuidv7(),
			kindergartenId,
			role: p < MANAGERS ? ('manager' as const) : ('staff' as const)
		}))
	);
	await insertChunked(people, 1000, (chunk) =>
		db
			.insertInto('users')
			.values(
				chunk.map((u) => ({
					id: u.id,
					ownerId: owner.id,
					email: `${u.id}@bench.lekeplan.no`,
					displayName: `Person ${u.id.slice(-6)}`,
					role: u.role,
					kindergartenId: u.kindergartenId,
					groupId: null,
					passwordHash: 'x',
					disabledAt: null,
					createdAt: now,
					updatedAt: now
				}))
			)
			.execute()
	);
	const submissions: Array<{
		id: string;
		ownerId: string;
		kindergartenId: string;
		userId: string;
		audience: 'staff' | 'manager';
		period: string;
		bankVersion: number;
		submittedAt: string;
	}> = [];
	const answers: Array<{ submissionId: string; itemId: string; level: number }> = [];
	let seedValue = 1;
	const level = () => {
		seedValue = (seedValue * 48271) % 2147483647;
		return 1 + (seedValue % 6);
	};
	for (const period of PERIODS) {
		for (const person of people) {
			const id = uuidv7();
			submissions.push({
				id,
				ownerId: owner.id,
				kindergartenId: person.kindergartenId,
				userId: person.id,
				audience: person.role,
				period,
				bankVersion: 1,
				submittedAt: now
			});
			for (const item of itemsFor(person.role, period)) {
				answers.push({ submissionId: id, itemId: item.id, level: level() });
			}
		}
	}
	await insertChunked(submissions, 2000, (chunk) =>
		db.insertInto('competenceSubmissions').values(chunk).execute()
	);
	await insertChunked(answers, 5000, (chunk) =>
		db.insertInto('competenceAnswers').values(chunk).execute()
	);
	const token = await startSession(server.deps, owner.users.ownerAdmin.id, null);
	return { ownerId: owner.id, cookie: `${SESSION_COOKIE}=${token}`, answers: answers.length };
}

export async function measureCompetence(
	server: TestServer,
	dialect: Dialect,
	rounds: number
): Promise<CompetenceResult> {
	progress(`${dialect}: competence overview, seeding`);
	const { ownerId, cookie, answers } = await seed(server);
	const raw = CompiledQuery.raw(rawText(dialect), [ownerId]);
	const overview = async () => {
		const start = performance.now();
		const response = await apiRequest(
			server,
			'GET',
			`/api/v1/competence/overview?period=${SHOWN}`,
			{ cookie }
		);
		const text = await response.text();
		const ms = performance.now() - start;
		if (response.status !== 200) throw new Error(`overview: ${response.status} ${text}`);
		return ms;
	};
	const rawGroupBy = async () => {
		const start = performance.now();
		const { rows } = await server.deps.db.withoutPlugins().executeQuery(raw);
		const ms = performance.now() - start;
		if (rows.length === 0) throw new Error('raw GROUP BY: no rows');
		return ms;
	};
	// A warm-up of each, not counted; then they take turns at going first.
	await overview();
	await rawGroupBy();
	const overviewMs: number[] = [];
	const rawMs: number[] = [];
	for (let r = 0; r < rounds; r++) {
		if (r % 2 === 0) {
			overviewMs.push(await overview());
			rawMs.push(await rawGroupBy());
		} else {
			rawMs.push(await rawGroupBy());
			overviewMs.push(await overview());
		}
		progress(
			`${dialect}: competence round ${r + 1}: ${round1(overviewMs.at(-1)!)} / ${round1(rawMs.at(-1)!)} ms`
		);
	}
	const overviewMedianMs = round1(median(overviewMs));
	const rawMedianMs = round1(median(rawMs));
	return {
		kindergartens: KINDERGARTENS,
		people: PEOPLE,
		periods: PERIODS.length,
		answers,
		rounds,
		overviewMs: overviewMs.map(round1),
		rawMs: rawMs.map(round1),
		overviewMedianMs,
		rawMedianMs,
		ratio: round2(median(overviewMs) / median(rawMs))
	};
}
