import { describe, expect, it } from 'vitest';
import { osloDayStart, osloWallClock } from './oslo-time';

describe('Oslo days and times', () => {
	it('begins a winter day at 23:00 UTC and a summer day at 22:00 UTC', () => {
		expect(osloDayStart('2026-12-01')).toBe('2026-11-30T23:00:00.000Z');
		expect(osloDayStart('2026-07-01')).toBe('2026-06-30T22:00:00.000Z');
		expect(osloDayStart('2026-12-31', 1)).toBe('2026-12-31T23:00:00.000Z');
	});

	it('gets the days summer time begins and ends right', () => {
		// 29 March 2026: clocks go from 02:00 to 03:00; 25 October: from 03:00 back to 02:00.
		expect(osloDayStart('2026-03-29')).toBe('2026-03-28T23:00:00.000Z');
		expect(osloDayStart('2026-03-30')).toBe('2026-03-29T22:00:00.000Z');
		expect(osloDayStart('2026-10-25')).toBe('2026-10-24T22:00:00.000Z');
		expect(osloDayStart('2026-10-26')).toBe('2026-10-25T23:00:00.000Z');
	});

	it('shows a UTC time as Oslo’s wall clock', () => {
		expect(osloWallClock('2026-12-01T09:00:00.000Z')).toBe('2026-12-01 10:00:00');
		expect(osloWallClock('2026-07-01T22:30:15.000Z')).toBe('2026-07-02 00:30:15');
	});
});
