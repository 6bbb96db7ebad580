import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LekeplanDatabase } from './database';
import { META } from './outbox';
import { DigitalPlanRepository } from './digital-plan-repository';
import { uuidv7 } from '$lib/domain/ids';
import { digitalPlanContent } from '$lib/domain/digital-plan-fixture';
import type { DigitalPlan } from '$lib/domain/digital-plan';

const KINDERGARTEN = uuidv7();

let db: LekeplanDatabase;
let repo: DigitalPlanRepository;

beforeEach(() => {
	db = new LekeplanDatabase(`test-${crypto.randomUUID()}`);
	repo = new DigitalPlanRepository(db, () => new Date(Date.UTC(2026, 11, 2, 8)));
});

afterEach(async () => {
	await db.delete();
});

async function saved(content = digitalPlanContent(), id?: string): Promise<DigitalPlan> {
	const result = await repo.save(content, KINDERGARTEN, id ? { id } : {});
	if (!result.ok) throw new Error(JSON.stringify(result.problems));
	return result.plan;
}

describe('a digital plan on the tablet', () => {
	it('is stored and listed newest year first; an invalid one is refused and not stored', async () => {
		const older = await saved(digitalPlanContent({ year: 2025 }));
		const newer = await saved(digitalPlanContent({ year: 2026 }));
		expect(await repo.listActive()).toEqual([newer, older]);
		const refused = await repo.save(digitalPlanContent({ year: 2027, goals: [] }), KINDERGARTEN);
		expect(refused).toMatchObject({ ok: false, problems: { goals: { code: 'choose_goal' } } });
		expect(await db.digitalPlans.count()).toBe(2);
	});

	it('keeps one plan a year: a second is refused, and the year can be edited', async () => {
		const plan = await saved();
		const second = await repo.save(digitalPlanContent({ tools: 'Annet' }), KINDERGARTEN);
		expect(second).toEqual({ ok: false, problems: { year: { code: 'year_taken' } } });
		expect(await db.digitalPlans.count()).toBe(1);
		const edited = await saved(digitalPlanContent({ tools: 'To projektorer' }), plan.id);
		expect(edited.tools).toBe('To projektorer');
		expect((await repo.ofYear(2026))?.tools).toBe('To projektorer');
		// Deleted, its year is free again.
		await repo.softDelete(plan.id);
		expect(await repo.ofYear(2026)).toBeNull();
		expect((await saved(digitalPlanContent({ tools: 'Ny' }))).tools).toBe('Ny');
	});

	it('writes each change to the outbox on a synced device', async () => {
		await db.syncMeta.put({ key: META.enabled, value: true });
		const plan = await saved();
		await saved(digitalPlanContent({ evaluation: 'På planleggingsdagen' }), plan.id);
		const entries = await db.outbox.toArray();
		expect(entries.map((e) => [e.type, e.op, e.recordId])).toEqual([
			['digitalPlan', 'put', plan.id],
			['digitalPlan', 'put', plan.id]
		]);
		expect(entries[1]!.fields).toEqual({ evaluation: 'På planleggingsdagen' });
	});
});
