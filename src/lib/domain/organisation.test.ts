import { describe, expect, it } from 'vitest';
import { uuidv7 } from './ids';
import { groupSchema, guidanceBand, kindergartenSchema } from './organisation';

const kindergartenId = uuidv7();

function group(overrides: Record<string, unknown> = {}) {
	return { id: uuidv7(), kindergartenId, name: 'Humla', ageMin: 3, ageMax: 5, ...overrides };
}

/** The issue messages (reason codes) zod reports, per field path. */
function issuesOf(input: unknown): Array<{ path: string; message: string }> {
	const parsed = groupSchema.safeParse(input);
	if (parsed.success) return [];
	return parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
}

describe('groupSchema', () => {
	it('accepts a group with a proper age band and trims its name', () => {
		const parsed = groupSchema.safeParse(group({ name: '  Humla  ' }));
		expect(parsed.success).toBe(true);
		expect(parsed.data?.name).toBe('Humla');
	});

	it('reports age_max_before_min on ageMax when ageMax is below ageMin', () => {
		expect(issuesOf(group({ ageMin: 4, ageMax: 2 }))).toEqual([
			{ path: 'ageMax', message: 'age_max_before_min' }
		]);
	});

	it('reports age_max_before_min on ageMax when ageMax equals ageMin', () => {
		expect(issuesOf(group({ ageMin: 3, ageMax: 3 }))).toEqual([
			{ path: 'ageMax', message: 'age_max_before_min' }
		]);
	});

	it('reports the field and reason for bad ages and names', () => {
		expect(issuesOf(group({ ageMin: 1.5 }))).toContainEqual({
			path: 'ageMin',
			message: 'not_integer'
		});
		expect(issuesOf(group({ ageMin: -1 }))).toContainEqual({
			path: 'ageMin',
			message: 'too_small'
		});
		expect(issuesOf(group({ ageMax: 7 }))).toContainEqual({ path: 'ageMax', message: 'too_big' });
		expect(issuesOf(group({ name: '   ' }))).toContainEqual({ path: 'name', message: 'required' });
		expect(issuesOf(group({ name: 'x'.repeat(81) }))).toContainEqual({
			path: 'name',
			message: 'too_long'
		});
	});

	it('refuses a group id that is not a uuid', () => {
		expect(issuesOf(group({ id: '42' }))).toContainEqual({ path: 'id', message: 'invalid_id' });
	});
});

describe('kindergartenSchema', () => {
	it('requires a name', () => {
		const parsed = kindergartenSchema.safeParse({ id: uuidv7(), name: ' ' });
		expect(parsed.success).toBe(false);
		expect(parsed.error?.issues[0]?.message).toBe('required');
	});
});

describe('guidanceBand', () => {
	it('uses the youngest age of the group', () => {
		expect(guidanceBand({ ageMin: 1 })).toBe('1-2');
		expect(guidanceBand(group({ ageMin: 3, ageMax: 5 }))).toBe('3-4');
		expect(guidanceBand({ ageMin: 0 })).toBe('0-1');
		expect(guidanceBand({ ageMin: 5 })).toBe('5-6');
	});

	it('holds a wide group to the band of its youngest child, not its oldest', () => {
		expect(guidanceBand(group({ ageMin: 1, ageMax: 6 }))).toBe('1-2');
	});
});
