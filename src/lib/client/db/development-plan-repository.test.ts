import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LekeplanDatabase } from './database';
import { META } from './outbox';
import { DevelopmentPlanRepository } from './development-plan-repository';
import { uuidv7 } from '$lib/domain/ids';
import { developmentPlanContent } from '$lib/domain/competence/development-plan-fixture';
import type { DevelopmentPlan } from '$lib/domain/competence/development-plan';

const KINDERGARTEN = uuidv7();

let db: LekeplanDatabase;
let repo: DevelopmentPlanRepository;
let now: number;

beforeEach(() => {
	now = Date.UTC(2026, 11, 2, 8, 0, 0);
	db = new LekeplanDatabase(`test-${crypto.randomUUID()}`);
	repo = new DevelopmentPlanRepository(db, () => new Date(now));
});

afterEach(async () => {
	await db.delete();
});

async function saved(content = developmentPlanContent(), id?: string): Promise<DevelopmentPlan> {
	const result = await repo.save(content, KINDERGARTEN, id ? { id } : {});
	if (!result.ok) throw new Error(JSON.stringify(result.problems));
	return result.plan;
}

describe('a development plan on the tablet', () => {
	it('is stored and listed, and an invalid one is refused with its problems and not stored', async () => {
		const plan = await saved();
		expect(await repo.listActive()).toEqual([plan]);
		const refused = await repo.save(developmentPlanContent({ focusAreas: [] }), KINDERGARTEN);
		expect(refused.ok).toBe(false);
		if (!refused.ok) expect(Object.keys(refused.problems)).toContain('focusAreas');
		expect(await db.developmentPlans.count()).toBe(1);
	});

	it('lists live plans first: active, then drafts, then completed ones', async () => {
		const done = await saved(developmentPlanContent({ title: 'Gammel', status: 'completed' }));
		const draft = await saved(developmentPlanContent({ title: 'Utkast', status: 'draft' }));
		const active = await saved(developmentPlanContent({ title: 'Nå', status: 'active' }));
		expect((await repo.listActive()).map((p) => p.id)).toEqual([active.id, draft.id, done.id]);
	});

	it('leaves a deleted plan out of the list, and brings it back on restore', async () => {
		const plan = await saved();
		await repo.softDelete(plan.id);
		expect(await repo.listActive()).toEqual([]);
		await repo.restore(plan.id);
		expect((await repo.listActive()).map((p) => p.id)).toEqual([plan.id]);
	});

	it('writes nothing to the outbox on a device that does not sync', async () => {
		await saved();
		expect(await db.outbox.count()).toBe(0);
	});
});

describe("a development plan on a signed-in manager's tablet", () => {
	beforeEach(async () => {
		await db.syncMeta.put({ key: META.enabled, value: true });
	});

	it('puts each change in the outbox with the plan: the whole plan first, then what changed', async () => {
		const plan = await saved();
		now += 60_000;
		const actions = plan.actions.map((a, i) => (i === 0 ? { ...a, status: 'done' as const } : a));
		await saved({ ...developmentPlanContent(), actions }, plan.id);
		await repo.softDelete(plan.id);
		const outbox = await db.outbox.orderBy('id').toArray();
		expect(outbox.map((m) => [m.id, m.type, m.op, m.recordId])).toEqual([
			[1, 'developmentPlan', 'put', plan.id],
			[2, 'developmentPlan', 'put', plan.id],
			[3, 'developmentPlan', 'delete', plan.id]
		]);
		expect(Object.keys(outbox[0]!.fields).sort()).toEqual(
			['actions', 'endDate', 'focusAreas', 'notes', 'period', 'startDate', 'status', 'title'].sort()
		);
		expect(outbox[1]!.fields).toEqual({ actions });
		expect(outbox[0]!.baseRev).toBeNull();
	});

	it('sends nothing for a save that changes nothing', async () => {
		const plan = await saved();
		await saved(developmentPlanContent(), plan.id);
		expect(await db.outbox.count()).toBe(1);
	});
});
