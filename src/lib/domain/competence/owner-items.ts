import { z } from 'zod/mini';
import {
	COMPETENCE_AREAS,
	DIGCOMPEDU,
	PERIOD,
	PFDK_AREAS,
	type CompetenceItemFacts,
	type DigCompEduCompetence,
	type ItemBank,
	type PfdkArea
} from './item-bank';

/**
 * The owner's own competence items and retirements (issue 14, ADR 37): what an owner admin adds
 * to the shipped bank (ADR 25) and which items (shipped or own) are no longer asked from a
 * period on. Nothing is ever removed, so old answers keep their meaning. One set per owner,
 * saved whole on the server and pulled by its tablets (`competenceItems`), like the guidance.
 *
 * Versions: `version` counts the owner's saves (0: none). The item set a form is made from has
 * the version `ITEM_BANK.version + version` (both only grow), which travels as the answer set's
 * `bankVersion`; each own item and retirement notes the version it came with, so the server
 * judges a set by the items its form asked (`asOf`).
 */

export const OWN_TEXT_LOCALES = ['nb', 'nn', 'en'] as const;
export type OwnTextLocale = (typeof OWN_TEXT_LOCALES)[number];

/** An own item's id: `own-` and a UUID (so it can never clash with a shipped one). */
export const OWN_ITEM_ID = /^own-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const text = z
	.string({ error: 'required' })
	.check(z.trim(), z.minLength(1, 'required'), z.maxLength(300, 'too_long'));
const version = z.number().check(z.refine(Number.isSafeInteger, 'not_integer'), z.minimum(0));

/** What an owner admin writes of an item: the facts and the statement in every shipped locale. */
export const ownItemFieldsSchema = z.strictObject({
	audience: z.enum(['staff', 'manager'], { error: 'required' }),
	area: z.enum(COMPETENCE_AREAS, { error: 'required' }),
	digCompEdu: z.enum(Object.keys(DIGCOMPEDU) as [DigCompEduCompetence, ...DigCompEduCompetence[]], {
		error: 'required'
	}),
	pfdk: z.enum(Object.keys(PFDK_AREAS) as [PfdkArea, ...PfdkArea[]], { error: 'required' }),
	texts: z.strictObject({ nb: text, nn: text, en: text })
});
export type OwnItemFields = z.infer<typeof ownItemFieldsSchema>;

export const ownItemSchema = z.strictObject({
	...ownItemFieldsSchema.shape,
	id: z.string().check(z.regex(OWN_ITEM_ID, 'invalid_id')),
	/** The item set version it came with. */
	addedAt: version
});
export type OwnItem = z.infer<typeof ownItemSchema>;

export const retirementSchema = z.strictObject({
	/** The first period the item is not asked in. */
	retiredIn: z.string().check(z.regex(PERIOD, 'invalid_period')),
	/** The item set version it came with. */
	atVersion: version
});
export type Retirement = z.infer<typeof retirementSchema>;

export const ownerItemSetSchema = z.strictObject({
	version,
	items: z.array(ownItemSchema),
	/** Item id (shipped or own) → its retirement. */
	retired: z.record(z.string(), retirementSchema)
});
export type OwnerItemSet = z.infer<typeof ownerItemSetSchema>;

export const EMPTY_ITEM_SET: OwnerItemSet = { version: 0, items: [], retired: {} };

/** The version of the item set a form is made from (sent as `bankVersion`). */
export function itemSetVersion(bank: ItemBank, own: OwnerItemSet | null): number {
	return bank.version + (own?.version ?? 0);
}

/**
 * The owner's set as it was at an item set version: own items and retirements that came later
 * left out (a form made then did not know them).
 */
export function asOf(bank: ItemBank, own: OwnerItemSet, at: number): OwnerItemSet {
	return {
		version: Math.max(0, Math.min(own.version, at - bank.version)),
		items: own.items.filter((i) => i.addedAt <= at),
		retired: Object.fromEntries(Object.entries(own.retired).filter(([, r]) => r.atVersion <= at))
	};
}

/**
 * The shipped bank with the owner's items and retirements: a bank like the shipped one, so
 * `inForce` and everything reading facts works on it. A shipped retirement earlier than the
 * owner's stays.
 */
export function withOwnerItems(bank: ItemBank, own: OwnerItemSet | null): ItemBank {
	if (!own) return bank;
	const retiredIn = (id: string, shipped: string | null): string | null => {
		const mine = own.retired[id]?.retiredIn ?? null;
		if (shipped === null) return mine;
		return mine === null || shipped < mine ? shipped : mine;
	};
	const items: CompetenceItemFacts[] = [
		...bank.items.map((i) => ({ ...i, retiredIn: retiredIn(i.id, i.retiredIn) })),
		...own.items.map((i) => ({
			id: i.id,
			audience: i.audience,
			area: i.area,
			digCompEdu: i.digCompEdu,
			pfdk: i.pfdk,
			activityKinds: [],
			retiredIn: retiredIn(i.id, null)
		}))
	];
	return { ...bank, version: itemSetVersion(bank, own), items };
}

/** The own items' statements in a locale (bokmål for a locale the owner does not write). */
export function ownTexts(own: OwnerItemSet | null, locale: string): Record<string, string> {
	const l: OwnTextLocale = (OWN_TEXT_LOCALES as readonly string[]).includes(locale)
		? (locale as OwnTextLocale)
		: 'nb';
	return Object.fromEntries((own?.items ?? []).map((i) => [i.id, i.texts[l]]));
}
