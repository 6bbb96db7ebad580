import { describe, expect, it } from 'vitest';
import { fullRecord, fullRecordJson, jsonString, type RecordMeta } from './sync-records';

/**
 * `fullRecordJson` splices a pulled record's JSON from the stored text instead of parsing and
 * serializing it again: the same text for what the server stores, the same value for anything.
 */
describe('fullRecordJson', () => {
	const meta: RecordMeta = {
		id: '01934f6e-0000-7000-8000-000000000001',
		kindergartenId: '01934f6e-0000-7000-8000-000000000002',
		createdAt: '2026-12-01T09:00:00.000Z',
		updatedAt: '2026-12-02T10:00:00.000Z',
		deletedAt: null
	};
	const tombstone: RecordMeta = { ...meta, deletedAt: '2026-12-03T11:00:00.000Z' };
	const longWay = (type: 'plan' | 'activity', data: string, m: RecordMeta) =>
		JSON.stringify(fullRecord(type, JSON.parse(data) as Record<string, unknown>, m));

	const stored = [
		{},
		{ title: 'Bee-Bot', screenMinutes: 0, adultParticipates: true, evaluation: null },
		{
			goals: 'Sitat "her", \\ skråstrek, linje\nskift, \u2028, </script>, emoji 🤖, \udc00',
			privacy: { photographed: false, storage: '', consent: false, notes: '' },
			tools: ['Bee-Bot', 'Cubetto'],
			nested: [[1, 2.5, -3e-7, 1e21], { '2': 'b', a: { b: [null] }, '1': 'a' }]
		}
	];

	for (const type of ['plan', 'activity'] as const) {
		for (const m of [meta, tombstone]) {
			it(`writes the text a parse and a stringify would (${type}, ${m.deletedAt ? 'deleted' : 'live'})`, () => {
				for (const data of stored) {
					const text = JSON.stringify(data);
					expect(fullRecordJson(type, text, m)).toBe(longWay(type, text, m));
				}
			});
		}
	}

	it('reads back as the same value for keys no record has: server fields, array indexes', () => {
		for (const type of ['plan', 'activity'] as const) {
			for (const data of [
				{ origin: 'library', title: 'T', id: 'not the id', deletedAt: 'x' },
				{ title: 'T', '1': 'an index, which an object puts first' }
			]) {
				const text = JSON.stringify(data);
				const spliced = JSON.parse(fullRecordJson(type, text, meta)) as Record<string, unknown>;
				const expected = fullRecord(type, JSON.parse(text) as Record<string, unknown>, meta);
				expect(spliced).toEqual(expected);
				expect(Object.keys(spliced)).toEqual(Object.keys(expected));
			}
		}
	});

	it('takes text that is not an object’s the long way, as before', () => {
		for (const text of ['{ }', ' {"a":1}', '[]', 'null', '"x"']) {
			expect(fullRecordJson('activity', text, meta)).toBe(longWay('activity', text, meta));
		}
		expect(() => fullRecordJson('plan', 'not json', meta)).toThrow(SyntaxError);
	});
});

describe('jsonString', () => {
	it('writes what JSON.stringify writes, for ids and times and for text that needs escaping', () => {
		for (const text of [
			'',
			'0195a1f2-7b3c-7d4e-8f90-123456789abc',
			'2026-11-28T08:00:00.000Z',
			'plan',
			'a "quoted" word',
			'back\\slash',
			'line\nbreak\ttab\u0000nul\u001f',
			'æøå \u2028 😀',
			'lone \ud800 surrogate',
			'\udc00'
		]) {
			expect(jsonString(text), text).toBe(JSON.stringify(text));
		}
		expect(jsonString(null)).toBe('null');
	});
});
