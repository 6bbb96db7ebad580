import { describe, expect, it } from 'vitest';
import { render } from 'svelte/server';
import RecordValue from './RecordValue.svelte';

/** The value's text as a person reads it: tags and Svelte's markers removed, spaces joined. */
function text(value: unknown): string {
	const { body } = render(RecordValue, { props: { value } });
	return body
		.replace(/<!--[^>]*-->/g, '')
		.replace(/<\/(dt|dd|li|p)>/g, ' | ')
		.replace(/<[^>]+>/g, '')
		.replace(/\s+/g, ' ')
		.trim();
}

describe('a field value in words', () => {
	it("shows a plan's evaluation as its questions and answers, not as JSON", () => {
		const shown = text({ whatWorked: 'Roboten', participation: '', followUp: 'Mer koding' });
		expect(shown).toBe(
			'Hva fungerte? | Roboten | | Hvordan deltok barna? | Ikke fylt ut | | Hva følger vi opp? | Mer koding | |'
		);
		expect(shown).not.toContain('{');
	});

	it('shows yes and no for the privacy checkboxes', () => {
		expect(
			text({ photographed: true, storage: 'Kommunens system', consent: false, notes: '' })
		).toBe(
			'Barn blir fotografert eller filmet | Ja | | Hvor lagres bilder og film? | Kommunens system | | Samtykke til denne situasjonen er på plass | Nei | | Merknader om personvern | Ikke fylt ut | |'
		);
	});

	it('shows a list as a list, text as it is, and nothing as not filled in', () => {
		const { body } = render(RecordValue, { props: { value: ['Bee-Bot', 'Rutenett'] } });
		expect(body.replace(/<!--[^>]*-->/g, '')).toMatch(
			/<ul>\s*<li>\s*Bee-Bot\s*<\/li>\s*<li>\s*Rutenett\s*<\/li>\s*<\/ul>/
		);
		expect(text('Mål fra Siri')).toBe('Mål fra Siri |');
		expect(text(null)).toBe('Ikke fylt ut |');
		expect(text([])).toBe('Ikke fylt ut |');
	});
});
