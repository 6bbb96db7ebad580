import { describe, expect, it } from 'vitest';
import type { Group } from '../organisation';
import { groupForActivity } from './group-fit';

const group = (id: string, ageMin: number, ageMax: number): Group => ({
	id,
	kindergartenId: 'k',
	name: id,
	ageMin,
	ageMax
});

const knottene = group('knottene', 1, 3);
const humla = group('humla', 3, 5);
const orneredet = group('orneredet', 5, 6);
const groups = [knottene, humla, orneredet];

describe('groupForActivity', () => {
	it('keeps the chosen group when the activity suits its ages', () => {
		expect(groupForActivity(groups, 'humla', { ageMin: 4, ageMax: 6 })).toBe(humla);
	});

	it('moves from the toddlers to the first group the activity suits (Blue-Bot, 4–6)', () => {
		expect(groupForActivity(groups, 'knottene', { ageMin: 4, ageMax: 6 })).toBe(orneredet);
		expect(groupForActivity(groups, 'knottene', { ageMin: 3, ageMax: 6 })).toBe(humla);
	});

	it('takes the group the activity suits best when the chosen one is mostly too young', () => {
		expect(groupForActivity([knottene, humla], 'knottene', { ageMin: 4, ageMax: 6 })).toBe(humla);
		expect(groupForActivity(groups, 'orneredet', { ageMin: 1, ageMax: 2 })).toBe(knottene);
	});

	it('stays with the chosen group when the activity suits none', () => {
		expect(groupForActivity([knottene, humla], 'humla', { ageMin: 7, ageMax: 9 })).toBe(humla);
		expect(groupForActivity([knottene, humla], undefined, { ageMin: 7, ageMax: 9 })).toBe(knottene);
		expect(groupForActivity([], undefined, { ageMin: 1, ageMax: 6 })).toBeUndefined();
	});
});
