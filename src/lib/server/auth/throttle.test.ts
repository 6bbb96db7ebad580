import { describe, expect, it } from 'vitest';
import { delayAfter, POLICY } from './throttle';

describe('the sign-in delays', () => {
	it('let the free failures through, then double from a second up to the cap', () => {
		const waits = Array.from({ length: 20 }, (_, i) => delayAfter(i, POLICY.pair));
		expect(waits.slice(0, 5)).toEqual([0, 0, 0, 0, 0]);
		expect(waits.slice(5, 10)).toEqual([1000, 2000, 4000, 8000, 16000]);
		expect(Math.max(...waits)).toBe(15 * 60_000);
		expect(delayAfter(10_000, POLICY.pair)).toBe(15 * 60_000);
	});

	it('slow an address much more gently: never more than a minute', () => {
		expect(delayAfter(29, POLICY.address)).toBe(0);
		expect(delayAfter(30, POLICY.address)).toBe(1000);
		expect(delayAfter(1000, POLICY.address)).toBe(60_000);
	});
});
