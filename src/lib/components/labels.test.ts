import { describe, expect, it } from 'vitest';
import { shortDate } from './labels';

describe('shortDate', () => {
	it('writes a date as each locale does, with one formatter kept per locale', () => {
		expect(shortDate('2026-11-28', 'nb')).toBe('28. nov.');
		expect(shortDate('2026-11-28', 'en')).toBe('28 Nov');
		expect(shortDate('2026-01-05', 'nn')).toBe('5. jan.');
		expect(shortDate('2026-01-05', 'en')).toBe('5 Jan');
	});
});
