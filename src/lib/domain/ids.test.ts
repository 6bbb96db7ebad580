import { describe, expect, it } from 'vitest';
import { isUuid, UUID_PATTERN, uuidv7 } from './ids';

const NOW = Date.UTC(2026, 10, 28, 9, 30, 0, 123);

describe('uuidv7', () => {
	it('has the canonical 8-4-4-4-12 lower-case hex form', () => {
		const id = uuidv7(NOW);
		expect(id).toMatch(UUID_PATTERN);
		expect(id).toHaveLength(36);
		expect(isUuid(id)).toBe(true);
	});

	it('carries version 7 and the RFC 9562 variant', () => {
		for (let i = 0; i < 50; i++) {
			const id = uuidv7(NOW);
			expect(id[14]).toBe('7');
			expect(['8', '9', 'a', 'b']).toContain(id[19]);
		}
	});

	it('starts with the 48-bit millisecond timestamp', () => {
		const id = uuidv7(NOW);
		const hex = id.replace(/-/g, '');
		expect(parseInt(hex.slice(0, 12), 16)).toBe(NOW);
	});

	it('gives different ids in the same millisecond', () => {
		const ids = new Set(Array.from({ length: 100 }, () => uuidv7(NOW)));
		expect(ids.size).toBe(100);
	});

	it('sorts in creation order when made with increasing timestamps', () => {
		const made = Array.from({ length: 40 }, (_, i) => uuidv7(NOW + i * 997));
		// Ids made one day and one year apart too.
		made.push(uuidv7(NOW + 86_400_000), uuidv7(NOW + 365 * 86_400_000));
		const sorted = [...made].sort();
		expect(sorted).toEqual(made);
	});

	it('clamps a negative clock to the epoch instead of producing garbage', () => {
		const id = uuidv7(-5);
		expect(id.startsWith('00000000-0000-7')).toBe(true);
		expect(isUuid(id)).toBe(true);
	});
});

describe('isUuid', () => {
	it('refuses what is not a uuid', () => {
		expect(isUuid('')).toBe(false);
		expect(isUuid('not-a-uuid')).toBe(false);
		expect(isUuid(uuidv7(NOW).toUpperCase())).toBe(false);
		expect(isUuid(uuidv7(NOW).slice(1))).toBe(false);
	});
});
