import bankJson from './content/bank.json';
import { itemBankSchema, type ItemBank } from './item-bank';

/**
 * The shipped item bank's facts (no texts: those are per locale, loaded where they are shown).
 * Validated as loaded; the build has already checked it (checkItemBank in vite.config.ts).
 */
export const ITEM_BANK: ItemBank = itemBankSchema.parse(bankJson);

/**
 * The period a date falls in: `YYYY-1` for January–June, `YYYY-2` for July–December (a
 * kindergarten year's autumn starts in August).
 */
export function periodOf(date: string): string {
	const [year, month] = date.split('-');
	return `${year}-${Number(month) <= 6 ? 1 : 2}`;
}

/** The period before one (`2027-1` → `2026-2`). */
export function previousPeriod(period: string): string {
	const [year, term] = period.split('-').map(Number) as [number, number];
	return term === 2 ? `${year}-1` : `${year - 1}-2`;
}
