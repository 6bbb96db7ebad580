import { callApi, type ApiResult } from '$lib/client/api';
import { apiPath } from '$lib/client/api/path';
import { DraftedForm } from './drafted-form.svelte';
import { ITEM_BANK, periodOf } from '$lib/domain/competence/bank';
import {
	BASE_LOCALE,
	COMPETENCE_AREAS,
	inForce,
	itemsInLocale,
	itemTextsSchema,
	partialItemTextsSchema,
	type CompetenceArea,
	type CompetenceItem,
	type ItemTexts
} from '$lib/domain/competence/item-bank';

/**
 * A person's own competence self-assessment on this device (issue 14): the answers are kept as
 * a draft on the tablet while they are given (leave and resume), and sent to the server when
 * the person submits, or at the next chance when the tablet was offline then. Only the
 * competence page imports this module.
 */

const texts = import.meta.glob<unknown>('$lib/domain/competence/content/*.json', {
	import: 'default'
});

async function loadTexts(locale: string): Promise<unknown> {
	const entry = Object.entries(texts).find(([path]) => path.endsWith(`/${locale}.json`));
	return entry ? entry[1]() : null;
}

export interface BankInLocale {
	items: CompetenceItem[];
	areas: Record<CompetenceArea, string>;
	levels: Record<string, string>;
}

/** The bank's texts in a locale; bokmål stands in for what a further locale lacks. */
export async function bankIn(locale: string): Promise<BankInLocale> {
	const base: ItemTexts = itemTextsSchema.parse(await loadTexts(BASE_LOCALE));
	const own = partialItemTextsSchema.parse((await loadTexts(locale)) ?? {});
	return {
		items: itemsInLocale(ITEM_BANK, own, base),
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
export function itemIdsFor(role: 'staff' | 'manager', period: string): string[] {
	const staff = inForce(ITEM_BANK, 'staff', period);
	const all = role === 'manager' ? [...staff, ...inForce(ITEM_BANK, 'manager', period)] : staff;
	return all.map((i) => i.id);
}

/** The form: each item's level, 0 while unanswered; `pending` once submitted but not sent. */
export type AnswerForm = Record<string, number> & { pending: number };

export class CompetenceForm {
	readonly drafted: DraftedForm<AnswerForm>;
	readonly itemIds: string[];

	constructor(
		readonly userId: string,
		readonly role: 'staff' | 'manager',
		readonly period: string
	) {
		this.itemIds = itemIdsFor(role, period);
		const initial = Object.fromEntries<number>([
			...this.itemIds.map((id): [string, number] => [id, 0]),
			['pending', 0]
		]) as AnswerForm;
		this.drafted = new DraftedForm(`competence:${userId}:${period}`, initial);
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
	 * Sends the answers. Offline, they stay on the tablet marked to be sent (`pending`), and
	 * `sendPending` sends them when the tablet is back online.
	 */
	async submit(): Promise<ApiResult<unknown>> {
		const answers = Object.fromEntries(this.itemIds.map((id) => [id, this.drafted.form[id]!]));
		const result = await callApi(
			'PUT',
			apiPath('/competence/mine/:period', { period: this.period }),
			{ bankVersion: ITEM_BANK.version, answers }
		);
		if (result.ok) {
			await this.drafted.discardDraft();
		} else if (result.reason === 'offline') {
			this.drafted.form.pending = 1;
			this.drafted.changed();
			await this.drafted.flush();
		}
		return result;
	}

	/** Sends answers left waiting for the network, if any (on opening the page, and online). */
	async sendPending(): Promise<ApiResult<unknown> | null> {
		if (this.drafted.form.pending !== 1 || this.missing.length > 0) return null;
		return this.submit();
	}
}

export { COMPETENCE_AREAS };
