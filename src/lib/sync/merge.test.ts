import { describe, expect, it } from 'vitest';
import { mergeMutation, sameValue, type StoredRecord } from './merge';
import { FREE_TEXT_FIELDS, type Mutation } from './protocol';

/** A plan-ish record whose fields were last changed at the revisions given. */
function record(
	data: Record<string, unknown>,
	fieldRevs: Record<string, number>,
	options: { deletedAt?: string | null; fieldClients?: Record<string, string> } = {}
): StoredRecord {
	return {
		data,
		fieldRevs,
		rev: Math.max(0, ...Object.values(fieldRevs)),
		deletedAt: options.deletedAt ?? null,
		...(options.fieldClients ? { fieldClients: options.fieldClients } : {})
	};
}

const put = (baseRev: number | null, fields: Record<string, unknown>) =>
	({ op: 'put', baseRev, fields }) as Pick<Mutation, 'op' | 'baseRev' | 'fields'>;
const del = (baseRev: number | null = 1) =>
	({ op: 'delete', baseRev, fields: {} }) as Pick<Mutation, 'op' | 'baseRev' | 'fields'>;
const restore = (baseRev: number | null = 1) =>
	({ op: 'restore', baseRev, fields: {} }) as Pick<Mutation, 'op' | 'baseRev' | 'fields'>;

const base = () =>
	record(
		{ title: 'Bee-Bot', goals: 'Telle', screenMinutes: 0, date: '2026-12-01', tools: ['Bee-Bot'] },
		{ title: 1, goals: 1, screenMinutes: 1, date: 1, tools: 1 }
	);

describe('mergeMutation: creating', () => {
	it('takes every field of a new record, and every field is changed', () => {
		const outcome = mergeMutation(null, put(null, { title: 'Ny', screenMinutes: 10 }), 'plan');
		expect(outcome).toEqual({
			data: { title: 'Ny', screenMinutes: 10 },
			changedFields: ['title', 'screenMinutes'],
			deleted: false,
			conflicts: [],
			overwritten: []
		});
	});

	it('does not share the mutation’s object', () => {
		const fields = { title: 'Ny' };
		const outcome = mergeMutation(null, put(null, fields), 'plan');
		expect(outcome.data).not.toBe(fields);
	});
});

describe('mergeMutation: editing', () => {
	it('gives an untouched field (no change since the base) the new value', () => {
		const outcome = mergeMutation(
			base(),
			put(1, { title: 'Blue-Bot', date: '2026-12-02' }),
			'plan'
		);
		expect(outcome.data).toMatchObject({ title: 'Blue-Bot', date: '2026-12-02', goals: 'Telle' });
		expect(outcome.changedFields).toEqual(['title', 'date']);
		expect(outcome.conflicts).toEqual([]);
		expect(outcome.overwritten).toEqual([]);
		expect(outcome.deleted).toBe(false);
	});

	it('keeps both sides when two edits touch different fields', () => {
		// Someone else changed the date at revision 5; this edit (base 1) changes the title.
		const current = record(
			{ ...base().data, date: '2026-12-05' },
			{ ...base().fieldRevs, date: 5 }
		);
		const outcome = mergeMutation(current, put(1, { title: 'Blue-Bot' }), 'plan');
		expect(outcome.data).toMatchObject({ title: 'Blue-Bot', date: '2026-12-05' });
		expect(outcome.conflicts).toEqual([]);
	});

	it('lets the later edit win a concurrent change to a scalar field, and logs it', () => {
		const current = record(
			{ ...base().data, screenMinutes: 15 },
			{ ...base().fieldRevs, screenMinutes: 4 }
		);
		const outcome = mergeMutation(current, put(1, { screenMinutes: 20 }), 'plan');
		expect(outcome.data?.['screenMinutes']).toBe(20);
		expect(outcome.changedFields).toEqual(['screenMinutes']);
		expect(outcome.overwritten).toEqual(['screenMinutes']);
		expect(outcome.conflicts).toEqual([]);
	});

	it('treats a list as a scalar: the later whole list wins', () => {
		const current = record({ ...base().data, tools: ['iPad'] }, { ...base().fieldRevs, tools: 3 });
		const outcome = mergeMutation(current, put(1, { tools: ['Bee-Bot', 'Kamera'] }), 'plan');
		expect(outcome.data?.['tools']).toEqual(['Bee-Bot', 'Kamera']);
		expect(outcome.overwritten).toEqual(['tools']);
	});

	it('keeps the server’s value of a concurrently edited free-text field, with a conflict holding both', () => {
		const current = record(
			{ ...base().data, goals: 'Telle til ti' },
			{ ...base().fieldRevs, goals: 7 }
		);
		const outcome = mergeMutation(
			current,
			put(1, { goals: 'Telle til fem', date: '2026-12-03' }),
			'plan'
		);
		expect(outcome.data?.['goals']).toBe('Telle til ti');
		expect(outcome.data?.['date']).toBe('2026-12-03');
		expect(outcome.changedFields).toEqual(['date']);
		expect(outcome.conflicts).toEqual([
			{ field: 'goals', kind: 'text', serverValue: 'Telle til ti', clientValue: 'Telle til fem' }
		]);
		expect(outcome.overwritten).toEqual([]);
	});

	it('raises a conflict for every free-text field of each type', () => {
		for (const type of ['plan', 'activity'] as const) {
			for (const field of FREE_TEXT_FIELDS[type]) {
				const current = record({ [field]: 'server' }, { [field]: 9 });
				const outcome = mergeMutation(current, put(2, { [field]: 'client' }), type);
				expect(outcome.conflicts, `${type}.${field}`).toHaveLength(1);
				expect(outcome.data?.[field]).toBe('server');
			}
		}
	});

	it('does not treat a field as concurrent when it changed at or before the base', () => {
		const current = record(
			{ ...base().data, goals: 'Telle til ti' },
			{ ...base().fieldRevs, goals: 7 }
		);
		const atBase = mergeMutation(current, put(7, { goals: 'Telle til fem' }), 'plan');
		expect(atBase.conflicts).toEqual([]);
		expect(atBase.data?.['goals']).toBe('Telle til fem');
		const after = mergeMutation(current, put(9, { goals: 'Telle til fem' }), 'plan');
		expect(after.conflicts).toEqual([]);
	});

	it('sees no change, and no conflict, when the edit sets the value the server already has', () => {
		const current = record(
			{ ...base().data, goals: 'Telle til ti' },
			{ ...base().fieldRevs, goals: 7 }
		);
		const outcome = mergeMutation(
			current,
			put(1, { goals: 'Telle til ti', screenMinutes: 0 }),
			'plan'
		);
		expect(outcome.changedFields).toEqual([]);
		expect(outcome.conflicts).toEqual([]);
		expect(outcome.overwritten).toEqual([]);
	});

	it('compares objects by value, whatever the order of their keys', () => {
		const privacy = { photographed: false, storage: '', consent: false, notes: '' };
		const current = record({ privacy }, { privacy: 8 });
		const reordered = { notes: '', consent: false, storage: '', photographed: false };
		const outcome = mergeMutation(current, put(1, { privacy: reordered }), 'plan');
		expect(outcome.changedFields).toEqual([]);
		expect(outcome.conflicts).toEqual([]);
		expect(sameValue({ a: 1, b: [1, { c: 2, d: 3 }] }, { b: [1, { d: 3, c: 2 }], a: 1 })).toBe(
			true
		);
		expect(sameValue([1, 2], [2, 1])).toBe(false);
		expect(sameValue(null, undefined)).toBe(false);
	});

	it('treats a missing base revision on an existing record as base 0: every change is concurrent', () => {
		const outcome = mergeMutation(base(), put(null, { title: 'Annet', screenMinutes: 5 }), 'plan');
		expect(outcome.conflicts.map((c) => c.field)).toEqual(['title']);
		expect(outcome.overwritten).toEqual(['screenMinutes']);
	});

	it('takes a new field the record did not have', () => {
		const outcome = mergeMutation(base(), put(1, { description: 'Ny tekst' }), 'plan');
		expect(outcome.data?.['description']).toBe('Ny tekst');
		expect(outcome.changedFields).toEqual(['description']);
	});
});

describe('mergeMutation: a client is not concurrent with itself', () => {
	// The tablet edited the goals twice before it synced: both edits carry base revision 1.
	const afterFirst = () =>
		record(
			{ ...base().data, goals: 'Første utkast', screenMinutes: 10 },
			{ ...base().fieldRevs, goals: 6, screenMinutes: 6 },
			{ fieldClients: { goals: 'tablet-a', screenMinutes: 'tablet-a' } }
		);

	it('takes its second free-text edit without a conflict', () => {
		const outcome = mergeMutation(
			afterFirst(),
			put(1, { goals: 'Andre utkast' }),
			'plan',
			'tablet-a'
		);
		expect(outcome.conflicts).toEqual([]);
		expect(outcome.data?.['goals']).toBe('Andre utkast');
	});

	it('does not log its second scalar edit as an overwrite', () => {
		const outcome = mergeMutation(afterFirst(), put(1, { screenMinutes: 20 }), 'plan', 'tablet-a');
		expect(outcome.overwritten).toEqual([]);
		expect(outcome.data?.['screenMinutes']).toBe(20);
	});

	it('still conflicts with another client’s change', () => {
		const outcome = mergeMutation(afterFirst(), put(1, { goals: 'Fra B' }), 'plan', 'tablet-b');
		expect(outcome.conflicts.map((c) => c.field)).toEqual(['goals']);
	});

	it('counts every change after the base as concurrent when who wrote it is not known', () => {
		const withoutWriters = { ...afterFirst() };
		delete withoutWriters.fieldClients;
		expect(
			mergeMutation(withoutWriters, put(1, { goals: 'X' }), 'plan', 'tablet-a').conflicts
		).toHaveLength(1);
		expect(mergeMutation(afterFirst(), put(1, { goals: 'X' }), 'plan').conflicts).toHaveLength(1);
	});
});

describe('mergeMutation: deleting and restoring', () => {
	it('deletes a record, keeping its fields (a tombstone can be restored)', () => {
		const outcome = mergeMutation(base(), del(), 'plan');
		expect(outcome).toEqual({
			data: base().data,
			changedFields: [],
			deleted: true,
			conflicts: [],
			overwritten: []
		});
	});

	it('lets a delete win over edits made since its base', () => {
		const current = record({ ...base().data, goals: 'Endret' }, { ...base().fieldRevs, goals: 9 });
		expect(mergeMutation(current, del(1), 'plan').deleted).toBe(true);
	});

	it('does nothing for a delete of a deleted or missing record', () => {
		const deleted = record(base().data, base().fieldRevs, {
			deletedAt: '2026-12-01T10:00:00.000Z'
		});
		for (const current of [deleted, null]) {
			expect(mergeMutation(current, del(), 'plan')).toEqual({
				data: null,
				changedFields: [],
				deleted: null,
				conflicts: [],
				overwritten: []
			});
		}
	});

	it('turns an edit of a deleted record into a "deleted" conflict holding the edit', () => {
		const deleted = record(base().data, base().fieldRevs, {
			deletedAt: '2026-12-01T10:00:00.000Z'
		});
		const outcome = mergeMutation(deleted, put(1, { title: 'Likevel', screenMinutes: 5 }), 'plan');
		expect(outcome.data).toBeNull();
		expect(outcome.deleted).toBeNull();
		expect(outcome.changedFields).toEqual([]);
		expect(outcome.conflicts).toEqual([
			{
				field: null,
				kind: 'deleted',
				serverValue: null,
				clientValue: { title: 'Likevel', screenMinutes: 5 }
			}
		]);
	});

	it('restores a deleted record with its fields', () => {
		const deleted = record(base().data, base().fieldRevs, {
			deletedAt: '2026-12-01T10:00:00.000Z'
		});
		const outcome = mergeMutation(deleted, restore(), 'plan');
		expect(outcome.deleted).toBe(false);
		expect(outcome.data).toEqual(base().data);
	});

	it('does nothing for a restore of a live or missing record', () => {
		expect(mergeMutation(base(), restore(), 'plan').data).toBeNull();
		expect(mergeMutation(null, restore(), 'plan').data).toBeNull();
	});
});
