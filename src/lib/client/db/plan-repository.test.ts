import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LekeplanDatabase } from './database';
import { DraftRepository } from './draft-repository';
import { PlanNotFoundError, PlanRepository, type SaveResult } from './plan-repository';
import { uuidv7 } from '$lib/domain/ids';
import type { ActivityPlan, PlanContent } from '$lib/domain/plan';
import { seriesFromStopMotion, STOP_MOTION_ROLES, type SeriesPlan } from '$lib/domain/library';
import { builtInActivity } from '$lib/domain/library/content-fixture';

const KINDERGARTEN = uuidv7();
const HUMLA = uuidv7();
const KNOTTENE = uuidv7();

function content(overrides: Partial<PlanContent> = {}): PlanContent {
	return {
		groupId: HUMLA,
		title: 'Bee-Bot på eventyrmatta',
		date: '2026-11-24',
		startTime: '09:30',
		endTime: '10:15',
		goals: 'Barna programmerer en rute i flere steg.',
		description: 'Vi legger ut matta og teller steg sammen.',
		learningAreas: ['quantities', 'nature'],
		clauses: ['explore'],
		tools: ['Bee-Bot', 'Eventyrmatte'],
		screenMode: 'screenFree',
		screenMinutes: 0,
		adultParticipates: true,
		privacy: { photographed: false, storage: '', consent: false, notes: '' },
		status: 'planned',
		evaluation: null,
		...overrides
	};
}

/** The plan a successful save returns; fails the test on a refused one. */
function saved(result: SaveResult): ActivityPlan {
	if (!result.ok) throw new Error(`expected a saved plan, got ${JSON.stringify(result.problems)}`);
	return result.plan;
}

let db: LekeplanDatabase;
let plans: PlanRepository;
let drafts: DraftRepository;
/** A clock the test moves by hand, so "later" never depends on real time passing. */
let now: number;
const tick = (minutes = 1) => {
	now += minutes * 60_000;
};

beforeEach(() => {
	now = Date.UTC(2026, 10, 20, 8, 0, 0);
	db = new LekeplanDatabase(`test-${crypto.randomUUID()}`);
	const clock = () => new Date(now);
	plans = new PlanRepository(db, clock);
	drafts = new DraftRepository(db, clock);
});

afterEach(async () => {
	vi.restoreAllMocks();
	await db.delete();
});

describe('create', () => {
	it('stores a validated plan with a new id and time stamps', async () => {
		const plan = saved(await plans.create(content({ title: '  Bee-Bot  ' }), KINDERGARTEN));
		expect(plan.title).toBe('Bee-Bot');
		expect(plan.kindergartenId).toBe(KINDERGARTEN);
		expect(plan.createdAt).toBe('2026-11-20T08:00:00.000Z');
		expect(plan.updatedAt).toBe(plan.createdAt);
		expect(plan.deletedAt).toBeNull();
		expect(await plans.get(plan.id)).toEqual(plan);
		expect(await plans.listActive()).toEqual([plan]);
	});

	it('stores nothing and returns the problems when the content is invalid', async () => {
		const result = await plans.create(
			content({ title: '   ', startTime: '11:00', endTime: '10:00' }),
			KINDERGARTEN
		);
		expect(result.ok).toBe(false);
		expect(!result.ok && result.problems.title?.code).toBe('required');
		expect(await db.plans.count()).toBe(0);
	});

	it('stores nothing when a rule between fields is broken', async () => {
		const result = await plans.create(
			content({ privacy: { photographed: true, storage: '', consent: true, notes: '' } }),
			KINDERGARTEN
		);
		expect(!result.ok && result.problems['privacy.storage']?.code).toBe('storage_required');
		expect(await db.plans.count()).toBe(0);
	});

	it('removes the draft it was typed in, in the same call', async () => {
		await drafts.save('plan:new', { title: 'Bee-Bot' });
		await drafts.save('plan:other', { title: 'Annet' });
		saved(await plans.create(content(), KINDERGARTEN, 'plan:new'));
		expect(await drafts.get('plan:new')).toBeUndefined();
		expect(await drafts.get('plan:other')).toBeDefined();
	});

	it('keeps the draft when the plan is refused', async () => {
		await drafts.save('plan:new', { title: '' });
		const result = await plans.create(content({ title: '' }), KINDERGARTEN, 'plan:new');
		expect(result.ok).toBe(false);
		expect(await drafts.get('plan:new')).toBeDefined();
	});
});

describe('update', () => {
	it('keeps id and createdAt, changes the content and updatedAt', async () => {
		const created = saved(await plans.create(content(), KINDERGARTEN));
		tick(5);
		const updated = saved(
			await plans.update(created.id, content({ title: 'Bee-Bot i gymsalen', status: 'done' }))
		);
		expect(updated.id).toBe(created.id);
		expect(updated.createdAt).toBe(created.createdAt);
		expect(updated.kindergartenId).toBe(KINDERGARTEN);
		expect(updated.updatedAt).toBe('2026-11-20T08:05:00.000Z');
		expect(updated.updatedAt).not.toBe(created.updatedAt);
		const stored = await plans.get(created.id);
		expect(stored?.title).toBe('Bee-Bot i gymsalen');
		expect(stored?.status).toBe('done');
		expect(await db.plans.count()).toBe(1);
	});

	it('removes the edit draft with the save', async () => {
		const created = saved(await plans.create(content(), KINDERGARTEN));
		await drafts.save(`plan:${created.id}`, { title: 'x' });
		saved(await plans.update(created.id, content({ title: 'Ny' }), `plan:${created.id}`));
		expect(await drafts.get(`plan:${created.id}`)).toBeUndefined();
	});

	it('leaves the stored plan as it was when the change is invalid', async () => {
		const created = saved(await plans.create(content(), KINDERGARTEN));
		tick();
		const result = await plans.update(created.id, content({ learningAreas: [] }));
		expect(!result.ok && result.problems.learningAreas?.code).toBe('choose_learning_area');
		expect(await plans.get(created.id)).toEqual(created);
	});

	it('throws PlanNotFoundError for an unknown id', async () => {
		const missing = uuidv7();
		await expect(plans.update(missing, content())).rejects.toBeInstanceOf(PlanNotFoundError);
		await expect(plans.update(missing, content())).rejects.toMatchObject({ id: missing });
		expect(await db.plans.count()).toBe(0);
	});
});

describe('evaluate', () => {
	it("sets status 'evaluated' and stores the evaluation", async () => {
		const created = saved(
			await plans.create(content({ status: 'done', date: '2026-11-19' }), KINDERGARTEN)
		);
		tick();
		const evaluation = {
			whatWorked: 'Barna hjalp hverandre.',
			participation: 'Alle fem.',
			followUp: 'Lage egen matte.'
		};
		const evaluated = saved(await plans.evaluate(created.id, evaluation));
		expect(evaluated.status).toBe('evaluated');
		expect(evaluated.evaluation).toEqual(evaluation);
		const stored = await plans.get(created.id);
		expect(stored?.status).toBe('evaluated');
		expect(stored?.evaluation).toEqual(evaluation);
		expect(stored?.updatedAt).not.toBe(created.updatedAt);
	});

	it('opens on the day of the plan, not before: a plan for tomorrow stays as it was', async () => {
		const tomorrow = saved(
			await plans.create(content({ status: 'planned', date: '2026-11-21' }), KINDERGARTEN)
		);
		const evaluation = { whatWorked: 'Bra', participation: '', followUp: '' };
		expect(await plans.evaluate(tomorrow.id, evaluation)).toEqual({
			ok: false,
			problems: { date: { code: 'evaluation_too_early' } }
		});
		expect(await plans.get(tomorrow.id)).toEqual(tomorrow);
		const today = saved(
			await plans.create(content({ status: 'planned', date: '2026-11-20' }), KINDERGARTEN)
		);
		expect(saved(await plans.evaluate(today.id, evaluation)).status).toBe('evaluated');
	});

	it('refuses an evaluation without what worked, leaving the plan as it was', async () => {
		const created = saved(
			await plans.create(content({ status: 'done', date: '2026-11-19' }), KINDERGARTEN)
		);
		const result = await plans.evaluate(created.id, {
			whatWorked: ' ',
			participation: '',
			followUp: ''
		});
		expect(result.ok).toBe(false);
		expect(await plans.get(created.id)).toEqual(created);
	});

	it('throws PlanNotFoundError for an unknown id', async () => {
		await expect(
			plans.evaluate(uuidv7(), { whatWorked: 'x', participation: '', followUp: '' })
		).rejects.toBeInstanceOf(PlanNotFoundError);
	});
});

describe('duplicate', () => {
	it('makes a new draft copy with the copy title and no evaluation', async () => {
		const source = saved(
			await plans.create(
				content({
					status: 'evaluated',
					evaluation: { whatWorked: 'Bra', participation: '', followUp: '' }
				}),
				KINDERGARTEN
			)
		);
		tick(10);
		const copy = saved(await plans.duplicate(source.id, (t) => `${t} (kopi)`));
		expect(copy.id).not.toBe(source.id);
		expect(copy.title).toBe('Bee-Bot på eventyrmatta (kopi)');
		expect(copy.status).toBe('draft');
		expect(copy.evaluation).toBeNull();
		expect(copy.date).toBe(source.date);
		expect(copy.tools).toEqual(source.tools);
		expect(copy.createdAt).toBe('2026-11-20T08:10:00.000Z');
		expect(copy.deletedAt).toBeNull();

		const active = await plans.listActive();
		expect(active).toHaveLength(2);
		expect(await plans.get(source.id)).toEqual(source);
		expect(await plans.get(copy.id)).toEqual(copy);
	});

	it('throws PlanNotFoundError for an unknown id', async () => {
		await expect(plans.duplicate(uuidv7(), (t) => t)).rejects.toBeInstanceOf(PlanNotFoundError);
	});
});

describe('softDelete and restore', () => {
	it('hides a deleted plan from the lists but keeps it readable by id', async () => {
		const plan = saved(await plans.create(content(), KINDERGARTEN));
		const other = saved(await plans.create(content({ title: 'Annen' }), KINDERGARTEN));
		tick();
		await plans.softDelete(plan.id);

		expect((await plans.listActive()).map((p) => p.id)).toEqual([other.id]);
		expect((await plans.listForGroup(HUMLA, '2026-11-01', '2026-11-30')).map((p) => p.id)).toEqual([
			other.id
		]);
		const tombstone = await plans.get(plan.id);
		expect(tombstone?.deletedAt).toBe('2026-11-20T08:01:00.000Z');
		expect(tombstone?.title).toBe(plan.title);
	});

	it('restore brings the plan back', async () => {
		const plan = saved(await plans.create(content(), KINDERGARTEN));
		await plans.softDelete(plan.id);
		tick();
		await plans.restore(plan.id);
		const restored = await plans.get(plan.id);
		expect(restored?.deletedAt).toBeNull();
		expect((await plans.listActive()).map((p) => p.id)).toEqual([plan.id]);
		expect((await plans.listForGroup(HUMLA, '2026-11-24', '2026-11-24')).map((p) => p.id)).toEqual([
			plan.id
		]);
	});

	it('throws PlanNotFoundError for an unknown id', async () => {
		await expect(plans.softDelete(uuidv7())).rejects.toBeInstanceOf(PlanNotFoundError);
		await expect(plans.restore(uuidv7())).rejects.toBeInstanceOf(PlanNotFoundError);
	});
});

describe('listForGroup', () => {
	it("returns only that group's plans in the date range, by date then time", async () => {
		const make = async (overrides: Partial<PlanContent>) =>
			saved(await plans.create(content(overrides), KINDERGARTEN)).title;
		// Created out of order on purpose.
		await make({ title: 'onsdag 12:30', date: '2026-11-25', startTime: '12:30', endTime: '13:00' });
		await make({ title: 'mandag 10:00', date: '2026-11-23', startTime: '10:00', endTime: '10:30' });
		await make({ title: 'onsdag 09:00', date: '2026-11-25', startTime: '09:00', endTime: '09:30' });
		await make({ title: 'søndag 09:00', date: '2026-11-29', startTime: '09:00', endTime: '09:30' });
		await make({ title: 'mandag 08:15', date: '2026-11-23', startTime: '08:15', endTime: '08:45' });
		await make({ title: 'uka før', date: '2026-11-22' });
		await make({ title: 'uka etter', date: '2026-11-30' });
		await make({ title: 'Knøttene', groupId: KNOTTENE, date: '2026-11-24' });

		const week = await plans.listForGroup(HUMLA, '2026-11-23', '2026-11-29');
		expect(week.map((p) => p.title)).toEqual([
			'mandag 08:15',
			'mandag 10:00',
			'onsdag 09:00',
			'onsdag 12:30',
			'søndag 09:00'
		]);
		expect(
			(await plans.listForGroup(KNOTTENE, '2026-11-23', '2026-11-29')).map((p) => p.title)
		).toEqual(['Knøttene']);
		expect(await plans.listForGroup(uuidv7(), '2026-11-01', '2026-12-31')).toEqual([]);
	});
});

describe('importMany', () => {
	function records(count: number): ActivityPlan[] {
		const stamp = '2026-11-20T08:00:00.000Z';
		return Array.from({ length: count }, (_, i) => ({
			...content({ title: `Plan ${i}`, date: `2026-11-${String(10 + i).padStart(2, '0')}` }),
			id: uuidv7(),
			kindergartenId: KINDERGARTEN,
			createdAt: stamp,
			updatedAt: stamp,
			deletedAt: null
		}));
	}

	it('writes every record when all are valid', async () => {
		const batch = records(10);
		expect(await plans.importMany(batch)).toEqual({ ok: true, count: 10 });
		expect(await db.plans.count()).toBe(10);
		expect((await plans.listActive()).map((p) => p.id).sort()).toEqual(
			batch.map((p) => p.id).sort()
		);
	});

	it('writes none of ten when one is bad, and says which', async () => {
		const batch: unknown[] = records(10);
		batch[6] = { ...records(1)[0], endTime: '08:00' };
		const result = await plans.importMany(batch);
		expect(result.ok).toBe(false);
		expect(!result.ok && result.index).toBe(6);
		expect(!result.ok && result.problems.endTime?.code).toBe('end_before_start');
		expect(await db.plans.count()).toBe(0);
	});

	it('leaves existing plans untouched when a batch is refused', async () => {
		const existing = saved(await plans.create(content(), KINDERGARTEN));
		const result = await plans.importMany([...records(3), { title: 'no id' }]);
		expect(!result.ok && result.index).toBe(3);
		expect(await plans.listActive()).toEqual([existing]);
	});
});

describe('a broken record in the database', () => {
	it('is skipped by the lists, not thrown, and left in place', async () => {
		const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
		const good = saved(await plans.create(content(), KINDERGARTEN));
		const brokenId = uuidv7();
		const broken = {
			id: brokenId,
			groupId: HUMLA,
			date: '2026-11-24',
			title: 42,
			deletedAt: null
		} as unknown as ActivityPlan;
		await db.plans.put(broken);

		expect(await plans.listActive()).toEqual([good]);
		expect(await plans.listForGroup(HUMLA, '2026-11-24', '2026-11-24')).toEqual([good]);
		expect(await plans.get(brokenId)).toBeNull();
		expect(warn).toHaveBeenCalled();
		expect(await db.plans.get(brokenId)).toEqual(broken);
	});
});

describe('createSeries', () => {
	/** A stop-motion project as the "plan as a series" dialog makes it: one plan per phase. */
	function series(): SeriesPlan[] {
		return seriesFromStopMotion(
			builtInActivity('stop-motion-plasticine-animals', 'nb'),
			{
				groupId: HUMLA,
				firstDate: '2026-11-23',
				daysBetween: 7,
				startTime: '09:30',
				children: 9,
				labels: {
					materials: 'Materiell',
					toolName: 'Nettbrett',
					sessionTitle: (phase, n, of) => `${phase} (${n}/${of})`
				}
			},
			now
		);
	}

	it('creates every plan of the series, with series and rota readable back', async () => {
		const items = series();
		expect(items).toHaveLength(6);
		const result = await plans.createSeries(items, KINDERGARTEN);
		if (!result.ok) throw new Error(JSON.stringify(result.problems));
		expect(result.plans).toHaveLength(items.length);
		expect(new Set(result.plans.map((p) => p.id)).size).toBe(items.length);
		expect(await db.plans.count()).toBe(items.length);

		for (const [i, plan] of result.plans.entries()) {
			const stored = await plans.get(plan.id);
			expect(stored).toEqual(plan);
			expect(stored?.kindergartenId).toBe(KINDERGARTEN);
			expect(stored?.createdAt).toBe('2026-11-20T08:00:00.000Z');
			expect(stored?.deletedAt).toBeNull();
			expect(stored?.title).toBe(items[i]!.content.title);
			expect(stored?.date).toBe(items[i]!.content.date);
			expect(stored?.series).toEqual(items[i]!.series);
			expect(stored?.series?.index).toBe(i + 1);
			expect(stored?.series?.count).toBe(6);
			expect(stored?.rota).toEqual(items[i]!.rota);
		}
		const animate = result.plans.find((p) => p.series?.phase === 'animate');
		expect((await plans.get(animate!.id))?.rota).toEqual({
			children: 9,
			roles: [...STOP_MOTION_ROLES]
		});
		const story = result.plans.find((p) => p.series?.phase === 'story');
		expect((await plans.get(story!.id))?.rota).toBeNull();

		// The sessions land in the group's weeks like any other plan.
		const december = await plans.listForGroup(HUMLA, '2026-12-01', '2026-12-31');
		expect(december.map((p) => p.series?.index)).toEqual([3, 4, 5, 6]);
	});

	it('writes nothing when one plan of the series is invalid', async () => {
		const items = series();
		items[3] = { ...items[3]!, content: { ...items[3]!.content, title: '  ' } };
		const result = await plans.createSeries(items, KINDERGARTEN);
		expect(result.ok).toBe(false);
		expect(!result.ok && result.problems.title?.code).toBe('required');
		expect(await db.plans.count()).toBe(0);
	});

	it('writes nothing when the last rota is invalid', async () => {
		const items = series();
		const last = items.findLastIndex((s) => s.rota !== null);
		items[last] = { ...items[last]!, rota: { children: 41, roles: [...STOP_MOTION_ROLES] } };
		const result = await plans.createSeries(items, KINDERGARTEN);
		expect(result.ok).toBe(false);
		expect(await db.plans.count()).toBe(0);
	});

	it('leaves existing plans untouched when a series is refused', async () => {
		const existing = saved(await plans.create(content(), KINDERGARTEN));
		const items = series();
		items[0] = { ...items[0]!, content: { ...items[0]!.content, endTime: '09:00' } };
		const result = await plans.createSeries(items, KINDERGARTEN);
		expect(!result.ok && result.problems.endTime?.code).toBe('end_before_start');
		expect(await plans.listActive()).toEqual([existing]);
	});

	it('refuses an empty series', async () => {
		const result = await plans.createSeries([], KINDERGARTEN);
		expect(result.ok).toBe(false);
		expect(!result.ok && result.problems._?.code).toBe('required');
		expect(await db.plans.count()).toBe(0);
	});
});
