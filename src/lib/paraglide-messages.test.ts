import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { m } from '$lib/paraglide/messages';
import { locales } from '$lib/paraglide/runtime';

/**
 * Guards the paraglide trap on this machine (docs/design/toolchain.md): a project whose plugin
 * fails to load compiles no messages and says nothing. Also keeps the three locales complete.
 */
const messages = Object.fromEntries(
	readdirSync('messages')
		.filter((f) => f.endsWith('.json'))
		.map((f) => [
			f.replace('.json', ''),
			JSON.parse(readFileSync(`messages/${f}`, 'utf8')) as Record<string, string>
		])
);
const keys = (locale: string) =>
	Object.keys(messages[locale] ?? {})
		.filter((k) => !k.startsWith('$'))
		.sort();
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((x) => x[1]).sort();

describe('messages', () => {
	it('ships nb (default), nn and en', () => {
		expect([...locales].sort()).toEqual(['en', 'nb', 'nn']);
		expect(Object.keys(messages).sort()).toEqual(['en', 'nb', 'nn']);
	});

	it('every locale has every key, with the same placeholders', () => {
		for (const locale of ['nn', 'en']) {
			expect(keys(locale)).toEqual(keys('nb'));
			for (const key of keys('nb')) {
				expect(placeholders(messages[locale]![key]!), `${locale}.${key}`).toEqual(
					placeholders(messages['nb']![key]!)
				);
				expect(messages[locale]![key]!.trim(), `${locale}.${key}`).not.toBe('');
			}
		}
	});

	it('compiled messages render in each locale', () => {
		expect(m.nav_week({}, { locale: 'nb' })).toBe('Uke');
		expect(m.nav_week({}, { locale: 'nn' })).toBe('Veke');
		expect(m.nav_week({}, { locale: 'en' })).toBe('Week');
		expect(m.plan_duration({ minutes: 45 }, { locale: 'en' })).toContain('45');
		expect(m.area_body({}, { locale: 'nn' })).toBe('Kropp, rørsle, mat og helse');
	});
});
