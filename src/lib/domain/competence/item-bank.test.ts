import { describe, expect, it } from 'vitest';
import {
	checkItemBank,
	COMPETENCE_AREAS,
	inForce,
	itemBankSchema,
	itemsInLocale,
	itemTextsSchema,
	MAX_MINUTES,
	minutesToAnswer,
	partialItemTextsSchema
} from './item-bank';

const FILES: Readonly<Record<string, string>> = Object.fromEntries(
	Object.entries(
		import.meta.glob<string>('./content/*', { query: '?raw', import: 'default', eager: true })
	).map(([path, content]) => [path.replace('./content/', ''), content])
);
const json = (name: string) => JSON.parse(FILES[name]!) as Record<string, unknown>;
const withFile = (name: string, value: unknown) => ({ ...FILES, [name]: JSON.stringify(value) });

describe('the shipped item bank', () => {
	it('passes its check', () => {
		expect(checkItemBank(FILES)).toEqual([]);
	});

	it('has the items the product promises, each mapped, in every area', () => {
		const bank = itemBankSchema.parse(json('bank.json'));
		expect(inForce(bank, 'staff').length).toBeGreaterThanOrEqual(24);
		expect(inForce(bank, 'manager').length).toBeGreaterThanOrEqual(4);
		expect(new Set(bank.items.map((i) => i.area))).toEqual(new Set(COMPETENCE_AREAS));
		expect(minutesToAnswer(bank, 'staff')).toBeLessThanOrEqual(MAX_MINUTES);
	});

	it('phrases every item as something the person does, in each language', () => {
		for (const [locale, subject] of [
			['nb', /^(Jeg|Når jeg|For de yngste|Før vi)\b/],
			['nn', /^(Eg|Når eg|For dei yngste|Før vi)\b/],
			['en', /^(I|When I|For the youngest|Before we)\b/]
		] as const) {
			const texts = itemTextsSchema.parse(json(`${locale}.json`));
			for (const [id, statement] of Object.entries(texts.items)) {
				expect(statement, `${locale} ${id}`).toMatch(subject);
			}
		}
	});
});

describe('checkItemBank', () => {
	it('fails when a shipped locale lacks an item', () => {
		const nn = json('nn.json') as { items: Record<string, string> };
		const items = { ...nn.items };
		delete items['coding-play'];
		expect(checkItemBank(withFile('nn.json', { ...nn, items }))).toEqual([
			'nn.json: items: coding-play: required'
		]);
	});

	it('fails on a duplicate id and on too few items', () => {
		const bank = json('bank.json') as { items: Array<Record<string, unknown>> };
		const items = bank.items.filter((i) => i['audience'] === 'staff').slice(0, 22);
		const problems = checkItemBank(withFile('bank.json', { ...bank, items: [...items, items[0]] }));
		expect(problems).toContain(`bank.json: items: ${String(items[0]!['id'])}: duplicate id`);
		expect(problems).toContain('bank.json: staff: 23 items in force, at least 24');
		expect(problems).toContain('bank.json: manager: 0 items in force, at least 4');
		expect(problems).toContain('bank.json: leadership: no item in force in this area');
	});

	it('fails on an unknown area, naming the item', () => {
		const bank = json('bank.json') as { items: Array<Record<string, unknown>> };
		const items = bank.items.map((i, n) => (n === 3 ? { ...i, area: 'astrology' } : i));
		expect(checkItemBank(withFile('bank.json', { ...bank, items }))).toEqual([
			expect.stringMatching(/^bank\.json: items\.3\.area: /)
		]);
	});

	it('lets a further locale be partial, but not name unknown items', () => {
		expect(
			checkItemBank(withFile('se.json', { items: { 'coding-play': 'Mun jođihan…' } }))
		).toEqual([]);
		expect(checkItemBank(withFile('se.json', { items: { nonsense: 'x' } }))).toEqual([
			'se.json: items: nonsense: not in bank.json'
		]);
	});
});

describe('retiring and translating', () => {
	const bank = itemBankSchema.parse(json('bank.json'));
	const nb = itemTextsSchema.parse(json('nb.json'));

	it('keeps a retired item for the periods before it was retired', () => {
		const retired = {
			...bank,
			items: bank.items.map((i) => (i.id === 'generative-ai' ? { ...i, retiredIn: '2027-2' } : i))
		};
		const ids = (period?: string) => inForce(retired, 'staff', period).map((i) => i.id);
		expect(ids('2027-1')).toContain('generative-ai');
		expect(ids('2027-2')).not.toContain('generative-ai');
		expect(ids()).not.toContain('generative-ai');
	});

	it('shows bokmål, marked untranslated, where a further locale lacks a text', () => {
		const se = partialItemTextsSchema.parse({ items: { 'coding-play': 'Mun jođihan…' } });
		const items = itemsInLocale(bank, se, nb);
		expect(items.find((i) => i.id === 'coding-play')).toMatchObject({
			text: 'Mun jođihan…',
			untranslated: false
		});
		expect(items.find((i) => i.id === 'photo-consent')).toMatchObject({
			text: nb.items['photo-consent'],
			untranslated: true
		});
	});
});
