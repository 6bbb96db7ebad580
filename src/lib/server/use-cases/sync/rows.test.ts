import { describe, expect, it } from 'vitest';
import { sameValue } from '$lib/sync';
import { seededRandom, type Random } from '$lib/test-support/random';
import { sameJson } from './rows';

/** A small JSON value: nested arrays and objects of a few keys, so that equal ones occur. */
function jsonValue(random: Random, depth = 0): unknown {
	const kind = random.int(depth > 2 ? 4 : 6);
	if (kind === 0) return null;
	if (kind === 1) return random.int(3);
	if (kind === 2) return random.pick(['a', 'b', '']);
	if (kind === 3) return random.int(2) === 0;
	if (kind === 4) return Array.from({ length: random.int(3) }, () => jsonValue(random, depth + 1));
	const object: Record<string, unknown> = {};
	for (const key of ['x', 'y', 'z'])
		if (random.int(2) === 0) object[key] = jsonValue(random, depth + 1);
	return object;
}

describe('sameJson', () => {
	it('says "the same" exactly where sameValue does, for JSON values (seeded)', () => {
		for (let seed = 1; seed <= 300; seed++) {
			const random = seededRandom(seed);
			for (let i = 0; i < 50; i++) {
				const a = jsonValue(random);
				const b = random.int(3) === 0 ? structuredClone(a) : jsonValue(random);
				expect(sameJson(a, b), `seed ${seed}: ${JSON.stringify(a)} ~ ${JSON.stringify(b)}`).toBe(
					sameValue(a, b)
				);
			}
		}
	});

	it('ignores key order, and tells arrays from objects', () => {
		expect(sameJson({ a: 1, b: [1, { c: 2, d: 3 }] }, { b: [1, { d: 3, c: 2 }], a: 1 })).toBe(true);
		expect(sameJson([1, 2], [2, 1])).toBe(false);
		expect(sameJson([], {})).toBe(false);
		expect(sameJson({ a: undefined }, {})).toBe(false);
		expect(sameJson(' a', 'a')).toBe(false);
	});
});
