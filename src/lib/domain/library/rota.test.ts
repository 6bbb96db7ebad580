import { describe, expect, it } from 'vitest';
import { STOP_MOTION_ROLES } from './activity';
import { roleRota, rolesByChild } from './rota';

describe('the stop-motion role rota', () => {
	it.each([1, 3, 4, 5, 8, 11, 24])('gives every one of %i children every role once', (n) => {
		const rota = roleRota(n);
		expect(rota).toHaveLength(STOP_MOTION_ROLES.length);
		const byChild = rolesByChild(rota);
		expect(byChild.size).toBe(n);
		for (const roles of byChild.values()) {
			expect([...roles].sort()).toEqual([...STOP_MOTION_ROLES].sort());
		}
	});

	it('never gives two children of a sub-group the same role in a turn', () => {
		for (const turn of roleRota(10)) {
			const seen = new Set(turn.assignments.map((a) => `${a.subGroup}:${a.role}`));
			expect(seen.size).toBe(turn.assignments.length);
		}
	});

	it('counts children instead of naming them', () => {
		const rota = roleRota(6);
		expect(rota[0]!.assignments.map((a) => a.child)).toEqual([1, 2, 3, 4, 5, 6]);
		expect(rota[0]!.assignments.map((a) => a.subGroup)).toEqual([1, 1, 1, 1, 2, 2]);
	});

	it('refuses a count that is not a group of children', () => {
		expect(() => roleRota(0)).toThrow(RangeError);
		expect(() => roleRota(2.5)).toThrow(RangeError);
		expect(() => roleRota(41)).toThrow(RangeError);
	});
});
