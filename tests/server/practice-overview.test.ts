import { afterAll, beforeAll, expect, it } from 'vitest';
import { seededRandom, type Random } from '$lib/test-support/random';
import { guidanceBand } from '$lib/domain/age-bands';
import { addDays } from '$lib/domain/calendar';
import { DEFAULT_GUIDANCE } from '$lib/domain/guidance-default';
import { uuidv7 } from '$lib/domain/ids';
import type { ActivityPlan } from '$lib/domain/plan';
import { practiceOverview, type OverviewGroup } from '$lib/domain/practice-overview';
import {
	DIGITAL_CLAUSES,
	LEARNING_AREAS,
	PLAN_STATUSES,
	SCREEN_MODES,
	type ScreenMode
} from '$lib/domain/vocabulary';
import {
	figuresQuery,
	indexRows,
	MIN_AUTHORS,
	type OwnerPracticeOverview,
	type UnitFigures
} from '$lib/server/use-cases/practice-overview';
import { refreshPlanFacts } from '$lib/server/use-cases/plan-facts';
import {
	describeEachDatabase,
	seedOwner,
	signIn,
	startTestServer,
	type SeededOwner,
	type TestServer
} from './harness';

/**
 * The owner's overview of digital practice (issue 15, ADR 33) on both databases: the SQL figures
 * against plain counts over generated plans (random kindergartens, groups, authors, dates, modes,
 * deletions), through the domain's `practiceOverview` (ADR 30) per kindergarten; and through the
 * API, every shown figure the plain count, every figure of fewer than two authors hidden.
 */

const STAMP = '2026-11-20T08:00:00.000Z';
const SEED = Number(process.env['PRACTICE_SEED'] ?? Date.now() % 1_000_000);
const CASES = 4;

interface World {
	kindergartens: { id: string; groups: OverviewGroup[]; authors: string[] }[];
	plans: (ActivityPlan & { author: string })[];
}

const some = <T>(r: Random, items: readonly T[]) => items.filter(() => r.next() < 0.35);

/** Random kindergartens of a fresh owner, their groups and authors, and plans stored as a push would. */
async function generate(server: TestServer, r: Random, ownerId: string): Promise<World> {
	const { db } = server.deps;
	const now = server.clock.now().toISOString();
	const world: World = { kindergartens: [], plans: [] };
	for (let k = 0, n = 2 + r.int(4); k < n; k++) {
		const id = uuidv7();
		await db
			.insertInto('kindergartens')
			.values({ id, ownerId, name: `Barnehage ${k}`, createdAt: now, updatedAt: now })
			.execute();
		const groups: OverviewGroup[] = [];
		for (let g = 0, gn = 1 + r.int(3); g < gn; g++) {
			const group = { id: uuidv7(), name: `Avdeling ${k}${g}`, ageMin: r.int(6) };
			await db
				.insertInto('groups')
				.values({
					...group,
					ownerId,
					kindergartenId: id,
					ageMax: group.ageMin + 1,
					createdAt: now,
					updatedAt: now
				})
				.execute();
			groups.push(group);
		}
		// One to three authors: often a single one, whose figures must not be shown.
		const authors = Array.from({ length: 1 + r.int(3) }, () => uuidv7());
		for (const author of authors) {
			await db
				.insertInto('users')
				.values({
					id: author,
					ownerId,
					email: `${author}@test.lekeplan.no`,
					displayName: 'Forfatter',
					role: 'staff',
					kindergartenId: id,
					groupId: null,
					passwordHash: null,
					disabledAt: null,
					createdAt: now,
					updatedAt: now
				})
				.execute();
		}
		world.kindergartens.push({ id, groups, authors });
	}
	for (let n = 0, count = 30 + r.int(150); n < count; n++) {
		const kg = r.pick(world.kindergartens);
		world.plans.push(randomPlan(r, kg, `Plan ${n}`));
	}
	await store(server, ownerId, world.plans);
	return world;
}

type WorldPlan = ActivityPlan & { author: string };

/** A random plan of the kindergarten `kg`. */
function randomPlan(r: Random, kg: World['kindergartens'][number], title: string): WorldPlan {
	const mode: ScreenMode = r.pick(SCREEN_MODES);
	const status = r.pick(PLAN_STATUSES);
	const areas = some(r, LEARNING_AREAS);
	return {
		id: uuidv7(),
		kindergartenId: kg.id,
		groupId: r.pick(kg.groups).id,
		title,
		date: addDays('2026-09-01', r.int(100)),
		startTime: '09:00',
		endTime: '10:00',
		goals: '',
		description: '',
		learningAreas: areas.length > 0 ? areas : [r.pick(LEARNING_AREAS)],
		clauses: some(r, DIGITAL_CLAUSES),
		tools: [],
		screenMode: mode,
		screenMinutes: mode === 'screenFree' && r.next() < 0.7 ? 0 : r.int(90),
		adultParticipates: true,
		privacy: { photographed: false, storage: '', consent: false, notes: '' },
		status,
		evaluation:
			status === 'evaluated'
				? { whatWorked: 'Bra.', participation: '', followUp: r.pick(['', 'Prøve igjen.']) }
				: null,
		createdAt: STAMP,
		updatedAt: STAMP,
		deletedAt: r.next() < 0.1 ? STAMP : null,
		author: r.pick(kg.authors)
	};
}

/**
 * Stores the plans as a push would: each written (inserted, or its row replaced) under a new
 * revision from the sequence, which moves past them.
 */
async function store(server: TestServer, ownerId: string, plans: readonly WorldPlan[]) {
	const { db } = server.deps;
	const sequence = await db
		.selectFrom('syncSequence')
		.select('value')
		.where('id', '=', 1)
		.executeTakeFirstOrThrow();
	let rev = sequence.value;
	for (const plan of plans) {
		const { id, kindergartenId, deletedAt, author, ...data } = plan;
		const row = {
			recordId: id,
			type: 'plan' as const,
			ownerId,
			kindergartenId,
			groupId: plan.groupId,
			data: JSON.stringify(data),
			fieldRevs: '{}',
			fieldClients: '{}',
			rev: ++rev,
			deletedAt,
			createdAt: STAMP,
			updatedBy: author,
			updatedAt: STAMP
		};
		await db
			.insertInto('syncRecords')
			.values(row)
			.onConflict((oc) => oc.column('recordId').doUpdateSet(row))
			.execute();
	}
	await db.updateTable('syncSequence').set({ value: rev }).where('id', '=', 1).execute();
}

/**
 * Writes changed plans as later pushes would (ADR 35's refresh must follow them): some plans
 * edited (moved in time, to another group or mode, done, written by another), some deleted or
 * restored, new ones added. Sometimes a tombstone is removed after the horizon too.
 */
async function change(server: TestServer, r: Random, world: World, ownerId: string) {
	const changed: WorldPlan[] = [];
	for (const plan of world.plans) {
		if (r.next() >= 0.3) continue;
		const kg = world.kindergartens.find((k) => k.id === plan.kindergartenId)!;
		const fresh = randomPlan(r, kg, plan.title);
		const next = { ...fresh, id: plan.id, deletedAt: r.next() < 0.15 ? STAMP : null };
		Object.assign(plan, next);
		changed.push(plan);
	}
	for (let n = 0, count = r.int(30); n < count; n++) {
		const plan = randomPlan(r, r.pick(world.kindergartens), `Ny plan ${n}`);
		world.plans.push(plan);
		changed.push(plan);
	}
	await store(server, ownerId, changed);
	if (r.next() < 0.3) {
		// The horizon removes the owner's tombstones (they stay out of every figure).
		const gone = world.plans.filter((p) => p.deletedAt);
		if (gone.length === 0) return;
		const { db } = server.deps;
		await db
			.deleteFrom('syncRecords')
			.where(
				'recordId',
				'in',
				gone.map((p) => p.id)
			)
			.execute();
		const { value } = await db
			.selectFrom('syncSequence')
			.select('value')
			.where('id', '=', 1)
			.executeTakeFirstOrThrow();
		await db
			.updateTable('syncSequence')
			.set({ purgedThrough: value })
			.where('id', '=', 1)
			.execute();
		world.plans = world.plans.filter((p) => !p.deletedAt);
	}
}

/** The plain counts of one kindergarten (or the whole chosen set), by the same keys as the SQL. */
function plainCounts(
	world: World,
	kgs: World['kindergartens'],
	from: string,
	to: string,
	owner = false
) {
	const counts = new Map<string, { n: number; done: number; minutes: number; authors: number }>();
	const add = (key: string, plans: (ActivityPlan & { author: string })[], minutes = 0) =>
		counts.set(key, {
			n: plans.length,
			done: plans.filter((p) => p.status === 'done' || p.status === 'evaluated').length,
			minutes,
			authors: new Set(plans.map((p) => p.author)).size
		});
	const ids = new Set(kgs.map((k) => k.id));
	const inPeriod = world.plans.filter(
		(p) => ids.has(p.kindergartenId) && !p.deletedAt && p.date >= from && p.date <= to
	);
	const minutesOf = (ps: ActivityPlan[]) =>
		ps.reduce((s, p) => s + (p.screenMode !== 'screenFree' ? p.screenMinutes : 0), 0);
	add('total', inPeriod, minutesOf(inPeriod));
	for (const area of LEARNING_AREAS) {
		add(
			`area.${area}`,
			inPeriod.filter((p) => p.learningAreas.includes(area))
		);
	}
	for (const clause of DIGITAL_CLAUSES) {
		add(
			`clause.${clause}`,
			inPeriod.filter((p) => p.clauses.includes(clause))
		);
	}
	for (const mode of SCREEN_MODES) {
		const ps = inPeriod.filter((p) => p.screenMode === mode);
		add(`mode.${mode}`, ps, minutesOf(ps));
	}
	// Week by week per age band, from the domain's overview of each kindergarten (ADR 30).
	const weeks = new Map<string, { minutes: number; over: number; plans: ActivityPlan[] }>();
	const modes = new Map<string, { minutes: number; plans: ActivityPlan[] }>();
	for (const kg of kgs) {
		const o = practiceOverview(inPeriod, kg.groups, DEFAULT_GUIDANCE, from, to);
		for (const g of o.groups) {
			for (const w of g.weeks) {
				const key = `week.${guidanceBand(kg.groups.find((x) => x.id === g.groupId)!)}.${w.monday}`;
				const cell = weeks.get(key) ?? { minutes: 0, over: 0, plans: [] };
				cell.minutes += w.minutes;
				cell.over += w.daysOverLimit;
				cell.plans.push(
					...inPeriod.filter((p) => p.groupId === g.groupId && p.date >= w.from && p.date <= w.to)
				);
				weeks.set(key, cell);
				for (const x of w.modes) {
					const modeKey = `weekMode.${key.slice('week.'.length)}.${x.mode}`;
					const before = modes.get(modeKey) ?? { minutes: 0, plans: [] };
					before.minutes += x.minutes;
					before.plans.push(
						...inPeriod.filter(
							(p) =>
								p.groupId === g.groupId &&
								p.screenMode === x.mode &&
								p.date >= w.from &&
								p.date <= w.to
						)
					);
					modes.set(modeKey, before);
				}
			}
		}
	}
	// The modes week by week: counted for the owner only.
	if (owner) {
		for (const [key, cell] of modes) {
			add(key, cell.plans as (ActivityPlan & { author: string })[], cell.minutes);
		}
	}
	for (const [key, cell] of weeks) {
		add(key, cell.plans as (ActivityPlan & { author: string })[], cell.minutes);
		counts.set(`${key}.over`, { n: cell.over, done: 0, minutes: 0, authors: 0 });
	}
	return counts;
}

describeEachDatabase("the owner's overview of digital practice", (dialect) => {
	let server: TestServer;
	let a: SeededOwner;
	let b: SeededOwner;
	const cookies: Record<string, string> = {};

	beforeAll(async () => {
		server = await startTestServer(dialect);
		a = await seedOwner(server, 'a');
		b = await seedOwner(server, 'b');
		for (const role of ['ownerAdmin', 'manager', 'staff'] as const) {
			cookies[`${role}.a`] = await signIn(server, a.users[role].email);
		}
		cookies['ownerAdmin.b'] = await signIn(server, b.users.ownerAdmin.email);
	});
	afterAll(() => server?.close());

	it(`the SQL figures are plain counts over generated plans (seed ${SEED}, PRACTICE_SEED)`, async () => {
		for (let c = 0; c < CASES; c++) {
			const r = seededRandom(SEED + c);
			const ownerId = uuidv7();
			await server.deps.db
				.insertInto('owners')
				.values({ id: ownerId, name: `Eier ${c}`, createdAt: STAMP })
				.execute();
			const world = await generate(server, r, ownerId);
			const from = addDays('2026-09-01', r.int(60));
			const to = addDays(from, r.int(60));
			const chosen = world.kindergartens.filter((_, i) => i === 0 || r.next() < 0.7);
			const where = `seed ${SEED + c}, ${from}–${to}`;
			await compareWithPlainCounts(ownerId, world, chosen, from, to, where);
			// Later pushes: the facts follow them (ADR 35).
			await change(server, r, world, ownerId);
			await compareWithPlainCounts(ownerId, world, chosen, from, to, `${where}, after changes`);

			// Through the API: every shown figure is the plain count; fewer than two authors, hidden.
			await server.deps.db
				.updateTable('users')
				.set({ ownerId })
				.where('id', '=', a.users.ownerAdmin.id)
				.execute();
			try {
				await throughApi(world, chosen, from, to, where);
			} finally {
				await server.deps.db
					.updateTable('users')
					.set({ ownerId: a.id })
					.where('id', '=', a.users.ownerAdmin.id)
					.execute();
			}
		}
	});

	/** The statement's figures, on facts brought up to date, against the plain counts. */
	async function compareWithPlainCounts(
		ownerId: string,
		world: World,
		chosen: World['kindergartens'],
		from: string,
		to: string,
		where: string
	) {
		await refreshPlanFacts(server.deps, ownerId);
		const { rows } = await figuresQuery(
			dialect,
			ownerId,
			chosen.length === world.kindergartens.length ? null : chosen.map((k) => k.id),
			from,
			to,
			DEFAULT_GUIDANCE
		).execute(server.deps.db);
		const index = indexRows(rows);
		for (const unit of [
			...chosen.map((k) => ({ key: k.id, kgs: [k] })),
			{ key: '*', kgs: chosen }
		]) {
			const plain = plainCounts(world, unit.kgs, from, to, unit.key === '*');
			const sqlOf = (key: string) => {
				const [kind, k1 = '', k2 = '', k3 = ''] = key.split('.');
				const row = index.get(`${kind}|${unit.key}|${k1}|${k2}|${k3}`);
				return row ?? { n: 0, done: 0, minutes: 0, authors: 0 };
			};
			for (const [key, want] of plain) {
				if (key.endsWith('.over')) {
					const [, band, monday] = key.split('.');
					expect(
						index.get(`over|${unit.key}|${band}|${monday}|`)?.n ?? 0,
						`${where} ${unit.key} ${key}`
					).toBe(want.n);
					continue;
				}
				const got = sqlOf(key);
				expect(
					{
						n: got.n,
						done: key.startsWith('week') ? want.done : got.done,
						minutes: key.startsWith('area') || key.startsWith('clause') ? 0 : got.minutes,
						authors: got.authors
					},
					`${where} ${unit.key} ${key}`
				).toEqual({
					...want,
					minutes: key.startsWith('area') || key.startsWith('clause') ? 0 : want.minutes
				});
			}
		}
	}

	async function throughApi(
		world: World,
		chosen: World['kindergartens'],
		from: string,
		to: string,
		where: string
	) {
		{
			const query = chosen.map((k) => `&kindergarten=${k.id}`).join('');
			const response = await server.request(
				'GET',
				`/api/v1/practice/overview?from=${from}&to=${to}${query}`,
				{ cookie: cookies['ownerAdmin.a'] }
			);
			expect(response.status, where).toBe(200);
			const overview = (await response.json()) as OwnerPracticeOverview;
			expect(overview.kindergartens.map((k) => k.id)).toEqual(
				expect.arrayContaining(chosen.map((k) => k.id))
			);
			for (const kg of chosen) {
				const got = overview.kindergartens.find((k) => k.id === kg.id)!;
				const plain = plainCounts(world, [kg], from, to);
				const pairs = shownPairs(got, plain);
				for (const [name, shown, want] of pairs) {
					if (shown !== null) expect(shown, `${where} ${kg.id} ${name}`).toBe(want.value);
					else expect(want.plans, `${where} ${kg.id} ${name} hidden`).toBeGreaterThan(0);
					if (want.value > 0 && want.authors < MIN_AUTHORS) {
						expect(shown, `${where} ${kg.id} ${name}: ${want.authors} author(s)`).toBeNull();
					}
				}
			}
		}
	}

	it('answers only owner administrators, for their own kindergartens', async () => {
		const path = '/api/v1/practice/overview?from=2026-11-01&to=2026-11-30';
		expect((await server.request('GET', path)).status).toBe(401);
		for (const role of ['manager', 'staff'] as const) {
			const response = await server.request('GET', path, { cookie: cookies[`${role}.a`] });
			expect(response.status).toBe(403);
		}
		const own = await server.request('GET', path, { cookie: cookies['ownerAdmin.a'] });
		expect(own.status).toBe(200);
		const body = (await own.json()) as OwnerPracticeOverview;
		expect(body.kindergartens.map((k) => k.id).sort()).toEqual(
			a.kindergartens.map((k) => k.id).sort()
		);
		const foreign = await server.request('GET', `${path}&kindergarten=${b.kindergartens[0]!.id}`, {
			cookie: cookies['ownerAdmin.a']
		});
		expect(foreign.status).toBe(404);
	});

	it('refuses a bad period or id with a reason, and exports every table as CSV', async () => {
		const cookie = cookies['ownerAdmin.a'];
		const cases: [string, number, string][] = [
			['from=2026-11-01', 400, 'invalid_period'],
			['from=2026-13-01&to=2026-12-01', 400, 'invalid_period'],
			['from=2026-11-10&to=2026-11-01', 400, 'invalid_period'],
			['from=2025-01-01&to=2026-12-31', 400, 'invalid_period'],
			['from=2026-11-01&to=2026-11-30&kindergarten=nope', 400, 'invalid_query']
		];
		for (const [query, status, reason] of cases) {
			const response = await server.request('GET', `/api/v1/practice/overview?${query}`, {
				cookie
			});
			expect(response.status, query).toBe(status);
			expect(((await response.json()) as { error: { reason: string } }).error.reason, query).toBe(
				reason
			);
		}
		const csv = await server.request(
			'GET',
			'/api/v1/practice/overview/export?from=2026-11-01&to=2026-11-30&lang=en',
			{ cookie }
		);
		expect(csv.status).toBe(200);
		const text = await csv.text();
		expect(text.replace(/^\ufeff/, '').split('\r\n')[0]).toBe(
			'Table,Figure,Key,Kindergarten,Value,Note'
		);
		for (const table of ['totals', 'learningAreas', 'clauses', 'screenModes']) {
			expect(text).toContain(`${table},`);
		}
		const bad = await server.request('GET', '/api/v1/practice/overview/export?from=x&to=y', {
			cookie
		});
		expect(bad.status).toBe(400);
	});
});

/** A figure's plain count, the plans behind it and their distinct authors. */
interface Want {
	value: number;
	plans: number;
	authors: number;
}

/** Each figure of a kindergarten as shown, beside its plain count and authors. */
function shownPairs(
	got: UnitFigures,
	plain: Map<string, { n: number; done: number; minutes: number; authors: number }>
): [string, number | null, Want][] {
	const of = (key: string) => plain.get(key) ?? { n: 0, done: 0, minutes: 0, authors: 0 };
	const out: [string, number | null, Want][] = [];
	const total = of('total');
	out.push(['planned', got.planned, { value: total.n, plans: total.n, authors: total.authors }]);
	out.push(['done', got.done, { value: total.done, plans: total.n, authors: total.authors }]);
	for (const a of got.areas) {
		const p = of(`area.${a.area}`);
		out.push([`area ${a.area}`, a.planned, { value: p.n, plans: p.n, authors: p.authors }]);
		out.push([`area ${a.area} done`, a.done, { value: p.done, plans: p.n, authors: p.authors }]);
	}
	for (const c of got.clauses) {
		const p = of(`clause.${c.clause}`);
		out.push([`clause ${c.clause}`, c.planned, { value: p.n, plans: p.n, authors: p.authors }]);
	}
	for (const m of got.modes) {
		const p = of(`mode.${m.mode}`);
		out.push([`mode ${m.mode}`, m.plans, { value: p.n, plans: p.n, authors: p.authors }]);
		out.push([
			`mode ${m.mode} minutes`,
			m.minutes,
			{ value: p.minutes, plans: p.n, authors: p.authors }
		]);
	}
	for (const b of got.bands) {
		for (const w of b.weeks) {
			const p = of(`week.${b.band}.${w.monday}`);
			out.push([
				`week ${b.band} ${w.monday}`,
				w.minutes,
				{ value: p.minutes, plans: p.n, authors: p.authors }
			]);
			out.push([
				`week ${b.band} ${w.monday} plans`,
				w.plans,
				{ value: p.n, plans: p.n, authors: p.authors }
			]);
		}
	}
	return out;
}
