import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LekeplanDatabase } from './database';
import { GuidanceRepository } from './guidance-repository';
import { DEFAULT_GUIDANCE } from '$lib/domain/guidance-default';
import type { GuidanceSet } from '$lib/domain/guidance';

/** The default set, edited by the owner: a new version with other figures. */
function edited(version: number, overrides: Partial<GuidanceSet> = {}): GuidanceSet {
	return {
		...structuredClone(DEFAULT_GUIDANCE),
		version,
		date: '2027-01-15',
		daysPerWeek: 4,
		...overrides
	};
}

let db: LekeplanDatabase;
let guidance: GuidanceRepository;

beforeEach(() => {
	db = new LekeplanDatabase(`test-${crypto.randomUUID()}`);
	guidance = new GuidanceRepository(db, DEFAULT_GUIDANCE);
});

afterEach(async () => {
	await db.delete();
});

describe('GuidanceRepository', () => {
	it('with nothing stored, gives the shipped default', async () => {
		expect(await guidance.current()).toEqual(DEFAULT_GUIDANCE);
		expect(await db.guidanceSets.count()).toBe(0);
	});

	it('stores a valid newer version, which then wins over the default', async () => {
		const newer = edited(DEFAULT_GUIDANCE.version + 1);
		expect(await guidance.store(newer)).toBe(true);
		const current = await guidance.current();
		expect(current.version).toBe(DEFAULT_GUIDANCE.version + 1);
		expect(current.daysPerWeek).toBe(4);
		expect(current).toEqual(newer);
	});

	it('picks the highest of several stored versions, whatever order they came in', async () => {
		const v = DEFAULT_GUIDANCE.version;
		expect(await guidance.store(edited(v + 3, { daysPerWeek: 3 }))).toBe(true);
		expect(await guidance.store(edited(v + 1, { daysPerWeek: 5 }))).toBe(true);
		expect(await guidance.store(edited(v + 2, { daysPerWeek: 4 }))).toBe(true);
		const current = await guidance.current();
		expect(current.version).toBe(v + 3);
		expect(current.daysPerWeek).toBe(3);
		expect(await db.guidanceSets.count()).toBe(3);
	});

	it('refuses an invalid set and stores nothing', async () => {
		const missingBand = edited(DEFAULT_GUIDANCE.version + 1, {
			limits: DEFAULT_GUIDANCE.limits.slice(1)
		});
		expect(await guidance.store(missingBand)).toBe(false);
		expect(await guidance.store(edited(0))).toBe(false);
		expect(await guidance.store({ id: DEFAULT_GUIDANCE.id, version: 9 })).toBe(false);
		expect(await guidance.store(null)).toBe(false);
		expect(await db.guidanceSets.count()).toBe(0);
		expect(await guidance.current()).toEqual(DEFAULT_GUIDANCE);
	});

	it('ignores a stored version lower than the default it ships with', async () => {
		const shipped = edited(3, { date: '2027-06-01', daysPerWeek: 5 });
		const repository = new GuidanceRepository(db, shipped);
		expect(await repository.store(edited(2))).toBe(true);
		expect(await db.guidanceSets.count()).toBe(1);
		expect(await repository.current()).toEqual(shipped);
	});

	it('takes a stored set of the same version as the default, and says it is the owner’s', async () => {
		expect(await guidance.inForce()).toEqual({ set: DEFAULT_GUIDANCE, edited: false });
		const same = edited(DEFAULT_GUIDANCE.version, { daysPerWeek: 4 });
		expect(await guidance.store(same)).toBe(true);
		expect((await guidance.current()).daysPerWeek).toBe(4);
		expect((await guidance.inForce()).edited).toBe(true);
	});

	it('ignores a stored set with another id', async () => {
		expect(await guidance.store(edited(99, { id: 'another-kindergarten-set' }))).toBe(true);
		expect(await guidance.current()).toEqual(DEFAULT_GUIDANCE);
	});

	it('skips a broken row in the database instead of failing', async () => {
		await db.guidanceSets.put({
			id: DEFAULT_GUIDANCE.id,
			version: 50,
			limits: 'none'
		} as unknown as GuidanceSet);
		expect(await guidance.current()).toEqual(DEFAULT_GUIDANCE);
		const newer = edited(DEFAULT_GUIDANCE.version + 1);
		await guidance.store(newer);
		expect(await guidance.current()).toEqual(newer);
	});

	it('storing the same version again replaces it', async () => {
		const v = DEFAULT_GUIDANCE.version + 1;
		await guidance.store(edited(v, { daysPerWeek: 3 }));
		await guidance.store(edited(v, { daysPerWeek: 6 }));
		expect(await db.guidanceSets.count()).toBe(1);
		expect((await guidance.current()).daysPerWeek).toBe(6);
	});
});
