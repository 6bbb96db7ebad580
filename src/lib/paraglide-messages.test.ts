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
			JSON.parse(readFileSync(`messages/${f}`, 'utf8')) as Record<string, Message>
		])
);

/** A plain text, or (inlang's message format) a message with variants, e.g. plural forms. */
type Message = string | { match: Record<string, string> }[];

/** Each variant's text by its selector key ('' for a plain message). */
function variants(message: Message): [string, string][] {
	if (typeof message === 'string') return [['', message]];
	return message.flatMap((m) => Object.entries(m.match)).sort(([a], [b]) => a.localeCompare(b));
}

/** Counts that are never 1, or read right with any number ("Avvist av serveren: 1"). */
const COUNTS_WITHOUT_PLURAL = new Set([
	'plans_show_more',
	'sync_syncing_progress',
	'sync_syncing_of',
	'sync_rejections',
	// "Personvern (svake punkter: 1)": a label and its count, like the refusals'.
	'devplan_focus_area_gaps',
	// Shown for grouped refusals only, which are always more than one.
	'audit_times',
	// Labels and their counts ("planer: 1"), and counts of pieces that read the same in every
	// number ("Barnehagen har 1", "1 til reparasjon", "1 mangler", "1 missing").
	'admin_register_usage_row',
	'register_equipment_has',
	'register_equipment_needs_repair',
	'register_equipment_missing'
]);
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
				const theirs = variants(messages[locale]![key]!);
				const ours = variants(messages['nb']![key]!);
				expect(
					theirs.map(([k]) => k),
					`${locale}.${key}`
				).toEqual(ours.map(([k]) => k));
				theirs.forEach(([variant, text], i) => {
					expect(placeholders(text), `${locale}.${key} ${variant}`).toEqual(
						placeholders(ours[i]![1])
					);
					expect(text.trim(), `${locale}.${key} ${variant}`).not.toBe('');
				});
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

	it('a count of one reads in the singular, in every locale', () => {
		expect(m.sync_pending({ count: 1 }, { locale: 'nb' })).toBe('1 endring venter');
		expect(m.sync_pending({ count: 2 }, { locale: 'nb' })).toBe('2 endringer venter');
		expect(m.sync_conflicts({ count: 1 }, { locale: 'nn' })).toBe('1 konflikt å løysa');
		expect(m.sync_conflicts({ count: 0 }, { locale: 'nn' })).toBe('0 konfliktar å løysa');
		expect(m.signout_remove_unsaved({ count: 1 }, { locale: 'en' })).toBe(
			'Remove 1 unsent change and sign out'
		);
		expect(m.series_create({ count: 6 }, { locale: 'en' })).toBe('Create 6 plans');
	});

	it('every message that counts something has plural forms', () => {
		for (const [key, message] of Object.entries(messages['nb']!)) {
			if (typeof message !== 'string' || COUNTS_WITHOUT_PLURAL.has(key)) continue;
			expect(message, key).not.toMatch(/\{count\}/);
		}
	});
});
