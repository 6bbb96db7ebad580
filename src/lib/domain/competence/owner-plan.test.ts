import { describe, expect, it } from 'vitest';
import { problemsOf } from '../plan-basics';
import { concerning, ownerPlanEntrySchema, planOrder, type OwnerPlanEntry } from './owner-plan';

const KG = '0192f0a0-0000-7000-8000-000000000001';
const OTHER = '0192f0a0-0000-7000-8000-000000000002';

const entry = (over: Partial<OwnerPlanEntry> = {}): OwnerPlanEntry => ({
	id: crypto.randomUUID(),
	updatedAt: '2026-12-02T10:00:00.000Z',
	kind: 'course',
	kindergartenId: KG,
	area: null,
	title: 'Kurs',
	partner: null,
	places: null,
	startsOn: null,
	endsOn: null,
	status: 'planned',
	note: null,
	...over
});
/** What the admin form sends: an entry without the server's id and time. */
const input = (over: Partial<OwnerPlanEntry> = {}): Record<string, unknown> => {
	const sent: Record<string, unknown> = { ...entry(over) };
	delete sent['id'];
	delete sent['updatedAt'];
	return sent;
};
const codes = (value: unknown) => {
	const parsed = ownerPlanEntrySchema.safeParse(value);
	return parsed.success
		? {}
		: Object.fromEntries(Object.entries(problemsOf(parsed.error)).map(([k, p]) => [k, p.code]));
};

describe("an entry of the owner's competence plan", () => {
	it('needs what its kind is about', () => {
		expect(codes(input({ kind: 'focusArea', kindergartenId: null }))).toEqual({ area: 'required' });
		expect(codes(input({ kind: 'furtherEducation', kindergartenId: null }))).toEqual({
			kindergartenId: 'required',
			places: 'required'
		});
		expect(codes(input({ kind: 'partnership', kindergartenId: null }))).toEqual({
			partner: 'required'
		});
		expect(codes(input({ kind: 'course', kindergartenId: null }))).toEqual({
			kindergartenId: 'required'
		});
		expect(codes(input({ kind: 'partnership', partner: 'Universitetet i Stavanger' }))).toEqual({});
	});

	it('ends on or after it starts, on real dates', () => {
		expect(codes(input({ startsOn: '2027-03-01', endsOn: '2027-02-28' }))).toEqual({
			endsOn: 'end_before_start'
		});
		expect(codes(input({ startsOn: '2027-03-01', endsOn: '2027-03-01' }))).toEqual({});
		expect(codes(input({ startsOn: '2027-02-29' }))).toEqual({ startsOn: 'invalid_date' });
	});

	it('keeps no personal identity number in its texts', () => {
		expect(codes(input({ note: 'Gjelder 01019010046' }))).toEqual({ note: 'personal_number' });
	});
});

describe('what concerns a kindergarten, in order', () => {
	it('is its own entries and those for all, by kind and date', () => {
		const all = entry({ kind: 'focusArea', kindergartenId: null, area: 'privacy', title: 'B' });
		const late = entry({ startsOn: '2027-09-01', title: 'Sent' });
		const early = entry({ startsOn: '2027-01-10', title: 'Tidlig' });
		const other = entry({ kindergartenId: OTHER });
		const mine = concerning([late, other, early, all], KG).sort(planOrder);
		expect(mine.map((e) => e.title)).toEqual(['B', 'Tidlig', 'Sent']);
	});
});
