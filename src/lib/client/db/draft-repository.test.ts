import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LekeplanDatabase } from './database';
import { DraftRepository } from './draft-repository';
import { emptyPlanForm } from '$lib/domain/plan-form';

let db: LekeplanDatabase;
let drafts: DraftRepository;
let now: number;

beforeEach(() => {
	now = Date.UTC(2026, 10, 20, 8, 0, 0);
	db = new LekeplanDatabase(`test-${crypto.randomUUID()}`);
	drafts = new DraftRepository(db, () => new Date(now));
});

afterEach(async () => {
	await db.delete();
});

describe('DraftRepository', () => {
	it('gives back nothing for a form that was never saved', async () => {
		expect(await drafts.get('plan:new')).toBeUndefined();
	});

	it('saves a half-typed form and gives it back with the time it was saved', async () => {
		const form = { ...emptyPlanForm('not-yet-a-group', '2026-11-24'), title: 'Bee-B' };
		await drafts.save('plan:new', form);
		const draft = await drafts.get('plan:new');
		expect(draft).toEqual({ key: 'plan:new', form, savedAt: '2026-11-20T08:00:00.000Z' });
	});

	it('keeps only the latest save of a form', async () => {
		await drafts.save('plan:new', { title: 'Bee' });
		now += 60_000;
		await drafts.save('plan:new', { title: 'Bee-Bot' });
		const draft = await drafts.get('plan:new');
		expect(draft?.form).toEqual({ title: 'Bee-Bot' });
		expect(draft?.savedAt).toBe('2026-11-20T08:01:00.000Z');
		expect(await db.drafts.count()).toBe(1);
	});

	it('keeps drafts of different forms apart', async () => {
		await drafts.save('plan:new', { title: 'Ny' });
		await drafts.save('evaluation:abc', { whatWorked: 'Bra' });
		expect((await drafts.get('plan:new'))?.form).toEqual({ title: 'Ny' });
		expect((await drafts.get('evaluation:abc'))?.form).toEqual({ whatWorked: 'Bra' });
	});

	it('discard removes the draft, and only that one', async () => {
		await drafts.save('plan:new', { title: 'Ny' });
		await drafts.save('plan:other', { title: 'Annen' });
		await drafts.discard('plan:new');
		expect(await drafts.get('plan:new')).toBeUndefined();
		expect(await drafts.get('plan:other')).toBeDefined();
		// Discarding what is not there is harmless.
		await expect(drafts.discard('plan:new')).resolves.toBeUndefined();
	});

	it('saves a Svelte-state-like proxy, which IndexedDB could not clone itself', async () => {
		const target = {
			...emptyPlanForm('g', '2026-11-24'),
			title: 'Stopmotion',
			learningAreas: ['art']
		};
		const proxy = new Proxy(target, {});
		// The proxy really is what IndexedDB refuses, so the copy is what makes the save work.
		expect(() => structuredClone(proxy)).toThrow();

		await drafts.save('plan:new', proxy);
		const draft = await drafts.get('plan:new');
		expect(draft?.form).toEqual(target);

		// It is a copy: typing on afterwards does not change what was saved.
		target.title = 'Endret';
		target.learningAreas.push('nature');
		const again = await drafts.get('plan:new');
		expect(again?.form.title).toBe('Stopmotion');
		expect(again?.form.learningAreas).toEqual(['art']);
	});
});
