import { describe, expect, it } from 'vitest';
import { z } from 'zod/mini';
import { activityPlanSchema } from '$lib/domain/plan';
import { seededRandom, type Random } from '$lib/test-support/random';
import { makeDemoData } from '$lib/domain/demo-data';
import { ownActivitySchema } from '$lib/domain/library/library-activity';
import {
	activityFactsSchema,
	activityTextsSchema,
	CONTENT_LOCALES
} from '$lib/domain/library/activity';
import { builtInActivity, CONTENT_FILES, contentJson } from '$lib/domain/library/content-fixture';
import { guidanceSetSchema } from '$lib/domain/guidance';
import { DEFAULT_GUIDANCE } from '$lib/domain/guidance-default';
import { uuidv7 } from '$lib/domain/ids';
import { pushRequestSchema } from '$lib/sync';
import { FAIL, fastParser } from './fast-parse';

const NOW = '2026-11-29T08:00:00.000Z';

/** A valid identity number (a synthetic one: month + 80), which free text must not hold. */
const PERSONAL_NUMBER = validPersonalNumber();

function validPersonalNumber(): string {
	const w1 = [3, 7, 6, 1, 8, 9, 4, 5, 2];
	const w2 = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];
	const digit = (d: number[], w: number[]) => {
		const rest = 11 - (w.reduce((a, x, i) => a + x * d[i]!, 0) % 11);
		return rest === 11 ? 0 : rest;
	};
	for (let n = 100; n < 1000; n++) {
		const d = [...`018190${n}`].map(Number);
		const k1 = digit(d, w1);
		if (k1 === 10) continue;
		const k2 = digit([...d, k1], w2);
		if (k2 === 10) continue;
		return `018190${n}${k1}${k2}`;
	}
	throw new Error('no valid number');
}

type Json = unknown;

const plans = (): Json[] => makeDemoData('2026-11-30', new Date(NOW)).plans;
/** The built-in library's activity ids (its folders). */
const builtInIds = (): string[] =>
	Object.keys(CONTENT_FILES)
		.filter((path) => path.endsWith('/facts.json'))
		.map((path) => path.split('/')[0]!);
const ownActivities = (): Json[] =>
	builtInIds().map((builtInId) => ({
		...builtInActivity(builtInId, 'nb'),
		origin: 'own',
		id: uuidv7(),
		kindergartenId: uuidv7(),
		copiedFrom: builtInId,
		createdAt: NOW,
		updatedAt: NOW,
		deletedAt: null
	}));
const pushes = (): Json[] =>
	plans().map((plan, i) => ({
		protocol: 1,
		schema: 2,
		clientId: uuidv7(),
		mutations: [
			{
				id: i + 1,
				recordId: uuidv7(),
				type: 'plan',
				op: 'put',
				baseRev: i % 2 ? null : i,
				fields: plan,
				at: NOW
			}
		]
	}));

const CASES: Array<[string, z.ZodMiniType, () => Json[]]> = [
	['plans', activityPlanSchema, plans],
	['own activities', ownActivitySchema, ownActivities],
	[
		'built-in activity facts',
		activityFactsSchema,
		() => builtInIds().map((builtInId) => contentJson(`${builtInId}/facts.json`))
	],
	[
		'built-in activity texts',
		activityTextsSchema,
		() =>
			builtInIds().flatMap((builtInId) =>
				CONTENT_LOCALES.map((locale) => contentJson(`${builtInId}/${locale}.json`))
			)
	],
	['guidance', guidanceSetSchema, () => [DEFAULT_GUIDANCE]],
	['push bodies', pushRequestSchema, pushes]
];

const ODD_VALUES: Json[] = [
	null,
	undefined,
	'',
	'   ',
	'  padded text  ',
	'x'.repeat(5000),
	`Ring ${PERSONAL_NUMBER}`,
	'2026-02-30',
	'2026-12-01',
	'25:00',
	'09:30',
	'not-an-id',
	'0196f6a2-6c4e-7b1a-9c3d-2f1e0d9c8b7a',
	'2026-11-29T08:00:00.000Z',
	0,
	-1,
	1.5,
	3,
	1e9,
	true,
	false,
	[],
	[''],
	['quantities'],
	{},
	{ photographed: false, storage: '', consent: false, notes: '' }
];

/** Every path to a value inside `value` (objects and arrays), the root excluded. */
function paths(value: Json, prefix: Array<string | number> = []): Array<Array<string | number>> {
	if (value === null || typeof value !== 'object') return [];
	const keys: Array<string | number> = Array.isArray(value)
		? value.map((_, i) => i)
		: Object.keys(value);
	return keys.flatMap((k) => [
		[...prefix, k],
		...paths((value as Record<string | number, Json>)[k], [...prefix, k])
	]);
}

/** A copy of `record` with one to three things changed at random places. */
function spoil(record: Json, others: Json[], rng: Random): Json {
	const copy = structuredClone(record) as Record<string, Json>;
	const changes = 1 + Math.floor(rng.next() * 3);
	for (let c = 0; c < changes; c++) {
		const all = paths(copy);
		if (all.length === 0) break;
		const path = rng.pick(all);
		const parent = path
			.slice(0, -1)
			.reduce<Json>((v, k) => (v as Record<string | number, Json>)[k], copy) as Record<
			string | number,
			Json
		>;
		const last = path[path.length - 1]!;
		const what = rng.next();
		if (what < 0.2) delete parent[last];
		else if (what < 0.3) parent[`extra${c}`] = 1;
		else if (what < 0.5) {
			// The same place in another record: often valid, sometimes not here.
			const other = path.reduce<Json>(
				(v, k) =>
					v === null || typeof v !== 'object' ? undefined : (v as Record<string, Json>)[k],
				rng.pick(others)
			);
			parent[last] = structuredClone(other);
		} else parent[last] = structuredClone(rng.pick(ODD_VALUES));
	}
	return copy;
}

describe('fastParser', () => {
	for (const [name, schema, fixtures] of CASES) {
		const fast = fastParser(schema);

		it(`takes every valid one of the ${name} the quick way, with zod's exact result`, () => {
			const records = fixtures();
			expect(records.length).toBeGreaterThan(0);
			for (const record of records) {
				const zod = schema.safeParse(record);
				expect(zod.success, JSON.stringify(zod.error?.issues)).toBe(true);
				const quick = fast(record);
				expect(quick).not.toBe(FAIL);
				expect(JSON.stringify(quick)).toBe(JSON.stringify(zod.data));
				expect(quick).toStrictEqual(zod.data);
			}
		});

		it(`agrees with zod on 3,000 spoiled ${name} (seeded; the seed is printed on failure)`, () => {
			const seed = Number(process.env['FAST_PARSE_SEED'] ?? Date.now() % 1_000_000);
			// The same seed, the same spoiled records.
			const rng = seededRandom(seed);
			const records = fixtures();
			let accepted = 0;
			let refused = 0;
			for (let i = 0; i < 3000; i++) {
				const record = spoil(rng.pick(records), records, rng);
				const zod = schema.safeParse(record);
				const quick = fast(record);
				const where = `seed ${seed}, case ${i}: ${JSON.stringify(record).slice(0, 400)}`;
				if (zod.success) {
					accepted++;
					expect(quick, where).not.toBe(FAIL);
					expect(quick, where).toStrictEqual(zod.data);
					expect(JSON.stringify(quick), where).toBe(JSON.stringify(zod.data));
				} else {
					refused++;
					expect(quick, where).toBe(FAIL);
				}
			}
			// Both kinds were met, or the comparison proves little.
			expect(accepted, `seed ${seed}`).toBeGreaterThan(50);
			expect(refused, `seed ${seed}`).toBeGreaterThan(50);
		});
	}

	it('hands kinds of schema it does not know to zod, and still answers as zod does', () => {
		const schema = z.object({
			either: z.union([z.string(), z.number()]),
			loose: z.looseObject({ a: z.string() }),
			literal: z.literal('own'),
			list: z.optional(z.array(z.nullable(z.string().check(z.trim(), z.maxLength(3)))))
		});
		const fast = fastParser(schema);
		const good = { either: 2, loose: { a: 'x', b: 1 }, literal: 'own', list: [' ab ', null] };
		expect(fast(good)).toStrictEqual(schema.safeParse(good).data);
		expect(fast({ ...good, either: true })).toBe(FAIL);
		expect(fast({ ...good, list: ['abcd'] })).toBe(FAIL);
		expect(fast({ either: 'x', loose: { a: 'y' }, literal: 'own', unknown: 1 })).toStrictEqual({
			either: 'x',
			loose: { a: 'y' },
			literal: 'own'
		});
	});
});
