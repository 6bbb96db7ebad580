import { describe, expect, it } from 'vitest';
import { chooseParentLocale, isDraftLocale, parentDirection } from './parent-locales';

describe('parent locales', () => {
	it('keeps the remembered choice, then the browser, then bokmål', () => {
		expect(chooseParentLocale('ar', 'nn-NO')).toBe('ar');
		expect(chooseParentLocale(undefined, 'pl-PL,pl;q=0.9,en;q=0.5')).toBe('pl');
		expect(chooseParentLocale('xx', 'no,en')).toBe('nb');
		expect(chooseParentLocale(undefined, 'de-DE, ti')).toBe('nb');
	});
	it('marks unreviewed translations as drafts, and Arabic right to left', () => {
		expect(isDraftLocale('nn')).toBe(false);
		expect(isDraftLocale('se')).toBe(true);
		expect(parentDirection('ar')).toBe('rtl');
		expect(parentDirection('uk')).toBe('ltr');
	});
});
