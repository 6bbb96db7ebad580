import {
	CompetenceAnswerRepository,
	type KeptAnswerSet
} from '$lib/client/db/competence-answer-repository';
import { DraftedForm } from './drafted-form.svelte';
import { LiveQuery } from './live-query.svelte';
import { repositories } from './repositories';
import { ITEM_BANK, periodOf } from '$lib/domain/competence/bank';
import { callApi } from '$lib/client/api';
import {
	ownerItemSetSchema,
	ownTexts,
	withOwnerItems,
	type OwnerItemSet
} from '$lib/domain/competence/owner-items';
import {
	BASE_LOCALE,
	COMPETENCE_AREAS,
	inForce,
	itemsInLocale,
	itemTextsSchema,
	partialItemTextsSchema,
	type CompetenceArea,
	type CompetenceItem,
	type ItemBank,
	type ItemTexts
} from '$lib/domain/competence/item-bank';

/**
 * A person's own competence self-assessment on this device (issue 14): the answers are kept as
 * a draft on the tablet while they are given (leave and resume); submitting writes them to the
 * tablet's database with an outbox entry, and the sync engine sends them whenever it is online,
 * like every other change (ADR 32). Only the competence page imports this module.
 */

const texts = import.meta.glob<unknown>('$lib/domain/competence/content/*.json', {
	import: 'default'
});

async function loadTexts(locale: string): Promise<unknown> {
	const entry = Object.entries(texts).find(([path]) => path.endsWith(`/${locale}.json`));
	return entry ? entry[1]() : null;
}

export interface BankInLocale {
	/** The shipped bank with the owner's items and retirements (ADR 37). */
	bank: ItemBank;
	items: CompetenceItem[];
	areas: Record<CompetenceArea, string>;
	levels: Record<string, string>;
}

/**
 * The owner's own items and retirements as this device knows them: pulled by a tablet of the
 * owner and kept in its database (ADR 37), so the form works offline; an owner admin, whose
 * device does not sync, reads them from the server when online. Null: none known.
 */
export async function ownerItemsHere(): Promise<OwnerItemSet | null> {
	const kept = await repositories()
		.db.competenceItemSets.orderBy('version')
		.last()
		.catch(() => undefined);
	const parsed = kept ? ownerItemSetSchema.safeParse(kept) : null;
	if (parsed?.success) return parsed.data;
	const fetched = await callApi('GET', '/competence/items');
	return fetched.ok ? fetched.data.set : null;
}

/**
 * The bank's texts in a locale, with the owner's items (their own texts) and retirements;
 * bokmål stands in for what a further locale lacks.
 */
export async function bankIn(
	locale: string,
	owner: OwnerItemSet | null | undefined = undefined
): Promise<BankInLocale> {
	const ownerSet = owner === undefined ? await ownerItemsHere() : owner;
	const base: ItemTexts = itemTextsSchema.parse(await loadTexts(BASE_LOCALE));
	const own = partialItemTextsSchema.parse((await loadTexts(locale)) ?? {});
	const bank = withOwnerItems(ITEM_BANK, ownerSet);
	const ownerTexts = ownTexts(ownerSet, locale);
	const baseTexts = { ...base, items: { ...base.items, ...ownTexts(ownerSet, BASE_LOCALE) } };
	return {
		bank,
		items: itemsInLocale(bank, { ...own, items: { ...own.items, ...ownerTexts } }, baseTexts),
		areas: { ...base.areas, ...own.areas },
		levels: { ...base.levels, ...own.levels }
	};
}

/** The period it is now on this tablet. */
export function currentPeriod(now: number = Date.now()): string {
	const local = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Oslo' }).format(now);
	return periodOf(local);
}

/** The item ids a role answers in a period, in the bank's order. */
export function itemIdsFor(
	role: 'staff' | 'manager',
	period: string,
	bank: ItemBank = ITEM_BANK
): string[] {
	const staff = inForce(bank, 'staff', period);
	const all = role === 'manager' ? [...staff, ...inForce(bank, 'manager', period)] : staff;
	return all.map((i) => i.id);
}

/** The form: each item's level, 0 while unanswered. */
export type AnswerForm = Record<string, number>;

export type SubmitOutcome = { ok: true } | { ok: false; reason: string };

export class CompetenceForm {
	readonly drafted: DraftedForm<AnswerForm>;
	readonly itemIds: string[];
	readonly #repository = new CompetenceAnswerRepository(repositories().db);
	/** The set of this period submitted on this device: waiting to be sent, or refused. */
	readonly kept: LiveQuery<KeptAnswerSet | null>;

	constructor(
		readonly userId: string,
		readonly role: 'staff' | 'manager',
		readonly period: string,
		/** The item set the form is made from (its version is sent as `bankVersion`). */
		readonly bank: ItemBank = ITEM_BANK
	) {
		this.itemIds = itemIdsFor(role, period, bank);
		const initial: AnswerForm = Object.fromEntries<number>(
			this.itemIds.map((id): [string, number] => [id, 0])
		);
		this.drafted = new DraftedForm(`competence:${userId}:${period}`, initial);
		this.kept = new LiveQuery(() => this.#repository.forPeriod(period));
	}

	get answered(): number {
		return this.itemIds.filter((id) => this.valid(this.drafted.form[id])).length;
	}

	get missing(): string[] {
		return this.itemIds.filter((id) => !this.valid(this.drafted.form[id]));
	}

	private valid(level: number | undefined): boolean {
		return level !== undefined && Number.isInteger(level) && level >= 1 && level <= 6;
	}

	/** One answer, kept on the tablet at once (a choice is a whole answer, not half-typed text). */
	set(itemId: string, level: number): void {
		this.drafted.form[itemId] = level;
		this.drafted.changed();
		void this.drafted.flush();
	}

	/**
	 * Submits the answers for the period: written to the tablet's database with their outbox entry
	 * (and the draft dropped) in one transaction; the sync engine sends them when it is online.
	 */
	async submit(): Promise<SubmitOutcome> {
		this.drafted.settle();
		const answers = Object.fromEntries(this.itemIds.map((id) => [id, this.drafted.form[id]!]));
		const result = await this.#repository.submit(
			{ period: this.period, bankVersion: this.bank.version, answers },
			this.drafted.draftKey
		);
		if (!result.ok) return result;
		await this.drafted.discardDraft();
		return { ok: true };
	}

	/**
	 * A set the server refused comes back into the form, so the person can put it right and
	 * submit again (the refusal stays on the refused page, in words).
	 */
	async reopenRefused(): Promise<boolean> {
		const kept = this.kept.current;
		if (!kept || kept.waiting) return false;
		const form = Object.fromEntries(this.itemIds.map((id) => [id, kept.set.answers[id] ?? 0]));
		if (!(await this.#repository.reopen(kept.set.id, this.drafted.draftKey, form))) return false;
		await this.drafted.restore();
		return true;
	}
}

export { COMPETENCE_AREAS };
