import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LekeplanDatabase } from './database';
import { DraftRepository } from './draft-repository';
import { OrganisationRepository } from './organisation-repository';
import { PlanRepository } from './plan-repository';
import { makeDemoData } from '$lib/domain/demo-data';
import { uuidv7 } from '$lib/domain/ids';
import type { Group } from '$lib/domain/organisation';
import type { PlanContent } from '$lib/domain/plan';

let db: LekeplanDatabase;
let organisation: OrganisationRepository;
let plans: PlanRepository;
let drafts: DraftRepository;

beforeEach(() => {
	db = new LekeplanDatabase(`test-${crypto.randomUUID()}`);
	organisation = new OrganisationRepository(db);
	plans = new PlanRepository(db);
	drafts = new DraftRepository(db);
});

afterEach(async () => {
	await db.delete();
});

function content(groupId: string, overrides: Partial<PlanContent> = {}): PlanContent {
	return {
		groupId,
		title: 'Menneskerobot i gymsalen',
		date: '2026-11-24',
		startTime: '10:00',
		endTime: '10:40',
		goals: '',
		description: '',
		learningAreas: ['body'],
		clauses: [],
		tools: [],
		screenMode: 'screenFree',
		screenMinutes: 0,
		adultParticipates: true,
		privacy: { photographed: false, storage: '', consent: false, notes: '' },
		status: 'planned',
		evaluation: null,
		...overrides
	};
}

/** Starts empty with one group and returns it; fails the test if that is refused. */
async function started(): Promise<Group> {
	const result = await organisation.startEmpty('Solsikken barnehage', {
		name: 'Humla',
		ageMin: 3,
		ageMax: 5
	});
	if (!result.ok) throw new Error(JSON.stringify(result.problems));
	return result.value;
}

async function isEmpty(): Promise<boolean> {
	const counts = await Promise.all([
		db.kindergartens.count(),
		db.groups.count(),
		db.settings.count()
	]);
	return counts.every((c) => c === 0);
}

describe('startEmpty', () => {
	it('writes the kindergarten, its first group and selects that group', async () => {
		const result = await organisation.startEmpty('  Solsikken barnehage ', {
			name: ' Humla ',
			ageMin: 3,
			ageMax: 5
		});
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		const kindergarten = await organisation.kindergarten();
		expect(kindergarten?.name).toBe('Solsikken barnehage');
		expect(await organisation.groups()).toEqual([result.value]);
		expect(result.value).toMatchObject({
			name: 'Humla',
			ageMin: 3,
			ageMax: 5,
			kindergartenId: kindergarten?.id
		});
		expect(await organisation.selectedGroupId()).toBe(result.value.id);
	});

	it('writes nothing when the kindergarten name is missing', async () => {
		const result = await organisation.startEmpty('  ', { name: 'Humla', ageMin: 3, ageMax: 5 });
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(Object.keys(result.problems)).toEqual(['kindergarten.name']);
		expect(result.problems['kindergarten.name']?.code).toBe('required');
		expect(await isEmpty()).toBe(true);
	});

	it('writes nothing when the group is invalid', async () => {
		const result = await organisation.startEmpty('Solsikken', { name: '', ageMin: 3, ageMax: 5 });
		expect(!result.ok && result.problems['group.name']?.code).toBe('required');
		expect(await isEmpty()).toBe(true);

		const ages = await organisation.startEmpty('Solsikken', {
			name: 'Humla',
			ageMin: 4,
			ageMax: 2
		});
		expect(!ages.ok && ages.problems['group.ageMax']?.code).toBe('age_max_before_min');
		expect(await isEmpty()).toBe(true);
	});

	it('reports the problems of both forms at once', async () => {
		const result = await organisation.startEmpty('', { name: '', ageMin: 1, ageMax: 3 });
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(Object.keys(result.problems).sort()).toEqual(['group.name', 'kindergarten.name']);
		expect(result.problems['kindergarten.name']?.code).toBe('required');
		expect(result.problems['group.name']?.code).toBe('required');
		expect(await isEmpty()).toBe(true);
	});

	it('replaces an earlier kindergarten rather than keeping two', async () => {
		await started();
		const again = await organisation.startEmpty('Blåbærtua', {
			name: 'Lyngen',
			ageMin: 1,
			ageMax: 3
		});
		expect(again.ok).toBe(true);
		expect(await db.kindergartens.count()).toBe(1);
		expect((await organisation.kindergarten())?.name).toBe('Blåbærtua');
	});
});

describe('deleteGroup', () => {
	it('refuses a group with active plans, and keeps it', async () => {
		const group = await started();
		const kindergarten = await organisation.kindergarten();
		await plans.create(content(group.id), kindergarten?.id ?? '');
		await plans.create(content(group.id, { date: '2026-12-02' }), kindergarten?.id ?? '');

		const result = await organisation.deleteGroup(group.id);
		expect(result.ok).toBe(false);
		expect(!result.ok && result.problems._?.code).toBe('group_has_plans');
		expect(!result.ok && result.problems._?.limit).toBe(2);
		expect(await organisation.groups()).toEqual([group]);
		expect(await organisation.selectedGroupId()).toBe(group.id);
	});

	it('deletes an empty group and forgets it was selected', async () => {
		const group = await started();
		const result = await organisation.deleteGroup(group.id);
		expect(result).toEqual({ ok: true, value: null });
		expect(await organisation.groups()).toEqual([]);
		expect(await organisation.selectedGroupId()).toBeNull();
	});

	it('deletes a group whose plans are all deleted', async () => {
		const group = await started();
		const created = await plans.create(content(group.id), uuidv7());
		if (!created.ok) throw new Error('expected a saved plan');
		await plans.softDelete(created.plan.id);
		expect((await organisation.deleteGroup(group.id)).ok).toBe(true);
		expect(await organisation.groups()).toEqual([]);
	});

	it("is not stopped by another group's plans and keeps another selection", async () => {
		const humla = await started();
		const saved = await organisation.saveGroup({
			id: uuidv7(),
			kindergartenId: humla.kindergartenId,
			name: 'Ørneredet',
			ageMin: 5,
			ageMax: 6
		});
		if (!saved.ok) throw new Error('expected a saved group');
		await plans.create(content(humla.id), humla.kindergartenId);

		expect((await organisation.deleteGroup(saved.value.id)).ok).toBe(true);
		expect((await organisation.groups()).map((g) => g.name)).toEqual(['Humla']);
		expect(await organisation.selectedGroupId()).toBe(humla.id);
	});
});

describe('loadDemo', () => {
	it('replaces everything on the device with the demo kindergarten', async () => {
		const group = await started();
		const own = await plans.create(content(group.id), group.kindergartenId);
		await drafts.save('plan:new', { title: 'Halvskrevet' });

		const demo = makeDemoData('2026-11-28', new Date('2026-11-28T09:00:00.000Z'));
		await organisation.loadDemo(demo);

		expect(await organisation.kindergarten()).toEqual(demo.kindergarten);
		expect((await organisation.groups()).map((g) => g.id).sort()).toEqual(
			demo.groups.map((g) => g.id).sort()
		);
		const active = await plans.listActive();
		expect(active).toHaveLength(demo.plans.length);
		expect(active.map((p) => p.id).sort()).toEqual(demo.plans.map((p) => p.id).sort());
		expect(own.ok && (await plans.get(own.plan.id))).toBeNull();
		expect(await drafts.get('plan:new')).toBeUndefined();
		expect(await db.kindergartens.count()).toBe(1);
		expect(await organisation.selectedGroupId()).toBe(demo.groups[0]?.id);
	});

	it('writes nothing when the demo data is invalid', async () => {
		const group = await started();
		const demo = makeDemoData('2026-11-28');
		const broken = {
			...demo,
			groups: [{ ...demo.groups[0]!, ageMax: 0 }, ...demo.groups.slice(1)]
		};
		await expect(organisation.loadDemo(broken)).rejects.toThrow();
		expect(await organisation.groups()).toEqual([group]);
		expect(await db.plans.count()).toBe(0);
	});
});
