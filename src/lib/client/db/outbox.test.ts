import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LekeplanDatabase } from './database';
import { META } from './outbox';
import { PlanRepository, type SaveResult } from './plan-repository';
import { ActivityRepository } from './activity-repository';
import { builtInActivity } from '$lib/domain/library/content-fixture';
import type { ActivityContent } from '$lib/domain/library/library-activity';
import { uuidv7 } from '$lib/domain/ids';
import type { ActivityPlan, PlanContent } from '$lib/domain/plan';

const KINDERGARTEN = uuidv7();
const GROUP = uuidv7();

const content = (overrides: Partial<PlanContent> = {}): PlanContent => ({
	groupId: GROUP,
	title: 'Bee-Bot på matta',
	date: '2026-11-30',
	startTime: '09:30',
	endTime: '10:15',
	goals: 'Telle steg',
	description: '',
	learningAreas: ['quantities'],
	clauses: ['explore'],
	tools: ['Bee-Bot'],
	screenMode: 'screenFree',
	screenMinutes: 0,
	adultParticipates: true,
	privacy: { photographed: false, storage: '', consent: false, notes: '' },
	status: 'planned',
	evaluation: null,
	...overrides
});

/** A built-in activity's content, as the own-activity form would produce it. */
function activityContent(overrides: Partial<ActivityContent> = {}): ActivityContent {
	const copy: Record<string, unknown> = { ...builtInActivity('bee-bot-story-mat', 'nb') };
	delete copy['id'];
	delete copy['origin'];
	return { ...(copy as unknown as ActivityContent), ...overrides };
}

function saved(result: SaveResult): ActivityPlan {
	if (!result.ok) throw new Error(JSON.stringify(result.problems));
	return result.plan;
}

let db: LekeplanDatabase;
let plans: PlanRepository;

beforeEach(async () => {
	db = new LekeplanDatabase(`outbox-${crypto.randomUUID()}`);
	plans = new PlanRepository(db);
	await db.syncMeta.put({ key: META.enabled, value: true });
});

afterEach(async () => {
	db.close();
	await db.delete();
});

describe('the outbox of a synced database', () => {
	it('records a create with every field, and an edit with only what changed', async () => {
		const plan = saved(await plans.create(content(), KINDERGARTEN));
		await plans.update(plan.id, content({ title: 'Ny tittel', screenMinutes: 0 }));
		const outbox = await db.outbox.orderBy('id').toArray();
		expect(outbox.map((m) => m.id)).toEqual([1, 2]);
		expect(outbox[0]).toMatchObject({ recordId: plan.id, type: 'plan', op: 'put', baseRev: null });
		expect(Object.keys(outbox[0]!.fields)).toContain('learningAreas');
		expect(outbox[0]!.fields).not.toHaveProperty('id');
		expect(outbox[0]!.fields).not.toHaveProperty('kindergartenId');
		expect(outbox[1]!.fields).toEqual({ title: 'Ny tittel' });
	});

	it('records a delete and a restore, and nothing for an edit that changes nothing', async () => {
		const plan = saved(await plans.create(content(), KINDERGARTEN));
		await plans.update(plan.id, content());
		await plans.softDelete(plan.id);
		await plans.restore(plan.id);
		const ops = (await db.outbox.orderBy('id').toArray()).map((m) => m.op);
		expect(ops).toEqual(['put', 'delete', 'restore']);
	});

	it('bases an edit on the server revision the device holds', async () => {
		const plan = saved(await plans.create(content(), KINDERGARTEN));
		await db.plans.update(plan.id, { syncRev: 41 });
		await plans.update(plan.id, content({ goals: 'Nye mål' }));
		const last = (await db.outbox.orderBy('id').last())!;
		expect(last.baseRev).toBe(41);
		expect(last.fields).toEqual({ goals: 'Nye mål' });
	});

	it('leaves a synced plan as the server sent it when an edit changes nothing', async () => {
		const plan = saved(await plans.create(content(), KINDERGARTEN));
		const fromServer = { syncRev: 41, updatedAt: '2026-11-01T07:00:00.000Z' };
		await db.plans.update(plan.id, fromServer);
		await plans.update(plan.id, content());
		expect(await db.plans.get(plan.id)).toMatchObject(fromServer);
		expect(await db.outbox.count()).toBe(1);
	});

	it('keeps an own activity’s server revision through edits, so each edit has its base', async () => {
		const activities = new ActivityRepository(db);
		const made = await activities.save(activityContent(), KINDERGARTEN);
		if (!made.ok) throw new Error(JSON.stringify(made.problems));
		const fromServer = { syncRev: 41, updatedAt: '2026-11-01T07:00:00.000Z' };
		await db.ownActivities.update(made.activity.id, fromServer);
		// An edit that changes nothing leaves the server's copy as it was.
		await activities.save(activityContent(), KINDERGARTEN, { id: made.activity.id });
		expect(await db.ownActivities.get(made.activity.id)).toMatchObject(fromServer);
		for (const title of ['Første endring', 'Andre endring']) {
			await activities.save(activityContent({ title }), KINDERGARTEN, { id: made.activity.id });
		}
		const edits = (await db.outbox.orderBy('id').toArray()).slice(1);
		expect(edits.map((m) => [m.baseRev, m.fields])).toEqual([
			[41, { title: 'Første endring' }],
			[41, { title: 'Andre endring' }]
		]);
		expect((await db.ownActivities.get(made.activity.id))?.syncRev).toBe(41);
	});

	it('commits a change and its outbox entry together or not at all', async () => {
		const plan = saved(await plans.create(content(), KINDERGARTEN));
		await db.outbox.clear();
		// A failing outbox write (a duplicate mutation id) must undo the plan change too.
		await db.syncMeta.put({ key: META.nextMutationId, value: 7 });
		await db.outbox.add({ ...firstMutation(), id: 7 });
		await expect(plans.update(plan.id, content({ title: 'Skal ikke lagres' }))).rejects.toThrow();
		expect((await plans.get(plan.id))?.title).toBe('Bee-Bot på matta');
	});

	it('writes no outbox on the device’s own, unsynced database', async () => {
		await db.syncMeta.delete(META.enabled);
		await plans.create(content(), KINDERGARTEN);
		expect(await db.outbox.count()).toBe(0);
	});
});

function firstMutation() {
	return {
		id: 1,
		recordId: uuidv7(),
		type: 'plan' as const,
		op: 'put' as const,
		baseRev: null,
		fields: {},
		at: new Date().toISOString()
	};
}
