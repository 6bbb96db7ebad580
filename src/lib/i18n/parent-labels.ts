import { m } from '$lib/paraglide-parents/messages';
import type { AgeBand } from '$lib/domain/age-bands';
import type { AdviceKind } from '$lib/domain/guidance';
import type { DigitalClause, LearningArea, ScreenMode } from '$lib/domain/vocabulary';
import type { ParentLocale } from './parent-locales';

/**
 * A summary's structured parts in a parent's language (issue 17, ADR 39): learning areas,
 * clauses, screen modes, advice, age bands, weeks, dates and numbers, every one from the
 * parents' messages or Intl in the page's locale.
 */

type Options = { locale: ParentLocale };

/** Intl's tag for a locale (all eight are BCP 47 already; `nb` and `nn` read best as Norway's). */
function intlTag(locale: ParentLocale): string {
	return locale === 'nb' ? 'nb-NO' : locale === 'nn' ? 'nn-NO' : locale === 'se' ? 'se-NO' : locale;
}

export function formatNumber(value: number, locale: ParentLocale): string {
	return new Intl.NumberFormat(intlTag(locale)).format(value);
}

/** A YYYY-MM-DD date in words ("3. mars 2026"), read as that day (no time zone). */
export function formatDay(day: string, locale: ParentLocale): string {
	const [year, month, date] = day.split('-').map(Number);
	return new Intl.DateTimeFormat(intlTag(locale), {
		day: 'numeric',
		month: 'long',
		year: 'numeric',
		timeZone: 'UTC'
	}).format(new Date(Date.UTC(year ?? 1970, (month ?? 1) - 1, date ?? 1)));
}

/** An instant (ISO time) as its day in Norway. */
export function formatInstant(iso: string, locale: ParentLocale): string {
	return new Intl.DateTimeFormat(intlTag(locale), {
		day: 'numeric',
		month: 'long',
		year: 'numeric',
		timeZone: 'Europe/Oslo'
	}).format(new Date(iso));
}

/** The ISO week number and its year of a YYYY-MM-DD day. */
function isoWeek(day: string): { week: number; year: number } {
	const [y, mo, d] = day.split('-').map(Number);
	const date = new Date(Date.UTC(y ?? 1970, (mo ?? 1) - 1, d ?? 1));
	const weekday = (date.getUTCDay() + 6) % 7;
	date.setUTCDate(date.getUTCDate() - weekday + 3);
	const year = date.getUTCFullYear();
	const firstThursday = new Date(Date.UTC(year, 0, 4));
	const week =
		1 +
		Math.round(
			((date.getTime() - firstThursday.getTime()) / 86_400_000 -
				3 +
				((firstThursday.getUTCDay() + 6) % 7)) /
				7
		);
	return { week, year };
}

/** "Week 12, 2026" or "March 2026", in the page's language. */
export function periodLabel(
	period: { kind: 'week' | 'month'; start: string },
	locale: ParentLocale
): string {
	const o: Options = { locale };
	if (period.kind === 'week') {
		const { week, year } = isoWeek(period.start);
		return m.period_week({ week: formatNumber(week, locale), year: String(year) }, o);
	}
	const [y, mo] = period.start.split('-').map(Number);
	const month = new Intl.DateTimeFormat(intlTag(locale), {
		month: 'long',
		year: 'numeric',
		timeZone: 'UTC'
	}).format(new Date(Date.UTC(y ?? 1970, (mo ?? 1) - 1, 1)));
	return m.period_month({ month }, o);
}

export function periodDates(period: { start: string; end: string }, locale: ParentLocale): string {
	return m.period_dates(
		{ start: formatDay(period.start, locale), end: formatDay(period.end, locale) },
		{ locale }
	);
}

export function areaLabel(id: LearningArea, locale: ParentLocale): { name: string; plain: string } {
	const o = { locale };
	const labels: Record<LearningArea, () => [string, string]> = {
		communication: () => [m.area_communication({}, o), m.area_communication_plain({}, o)],
		body: () => [m.area_body({}, o), m.area_body_plain({}, o)],
		art: () => [m.area_art({}, o), m.area_art_plain({}, o)],
		nature: () => [m.area_nature({}, o), m.area_nature_plain({}, o)],
		quantities: () => [m.area_quantities({}, o), m.area_quantities_plain({}, o)],
		ethics: () => [m.area_ethics({}, o), m.area_ethics_plain({}, o)],
		community: () => [m.area_community({}, o), m.area_community_plain({}, o)]
	};
	const [name, plain] = labels[id]();
	return { name, plain };
}

export function clauseLabel(
	id: DigitalClause,
	locale: ParentLocale
): { name: string; plain: string } {
	const o = { locale };
	const labels: Record<DigitalClause, () => [string, string]> = {
		judgement: () => [m.clause_judgement({}, o), m.clause_judgement_plain({}, o)],
		explore: () => [m.clause_explore({}, o), m.clause_explore_plain({}, o)],
		assess: () => [m.clause_assess({}, o), m.clause_assess_plain({}, o)],
		create: () => [m.clause_create({}, o), m.clause_create_plain({}, o)]
	};
	const [name, plain] = labels[id]();
	return { name, plain };
}

export function modeLabel(id: ScreenMode, locale: ParentLocale): { name: string; plain: string } {
	const o = { locale };
	const labels: Record<ScreenMode, () => [string, string]> = {
		passive: () => [m.mode_passive({}, o), m.mode_passive_plain({}, o)],
		interactive: () => [m.mode_interactive({}, o), m.mode_interactive_plain({}, o)],
		creative: () => [m.mode_creative({}, o), m.mode_creative_plain({}, o)],
		communication: () => [m.mode_communication({}, o), m.mode_communication_plain({}, o)],
		screenFree: () => [m.mode_screenFree({}, o), m.mode_screenFree_plain({}, o)]
	};
	const [name, plain] = labels[id]();
	return { name, plain };
}

export function adviceLabel(kind: AdviceKind, locale: ParentLocale): string {
	const o = { locale };
	const labels: Record<AdviceKind, () => string> = {
		none: () => m.advice_none({}, o),
		avoid: () => m.advice_avoid({}, o),
		stronglyLimit: () => m.advice_stronglyLimit({}, o),
		limit: () => m.advice_limit({}, o),
		qualityCoViewed: () => m.advice_qualityCoViewed({}, o)
	};
	return labels[kind]();
}

export function bandLabel(band: AgeBand, locale: ParentLocale): string {
	const o = { locale };
	const labels: Record<AgeBand, () => string> = {
		'0-1': () => m.band_0_1({}, o),
		'1-2': () => m.band_1_2({}, o),
		'2-3': () => m.band_2_3({}, o),
		'3-4': () => m.band_3_4({}, o),
		'4-5': () => m.band_4_5({}, o),
		'5-6': () => m.band_5_6({}, o)
	};
	return labels[band]();
}

/** The language staff wrote their text in, named in the reader's language. */
export function staffLanguage(code: string, locale: ParentLocale): string {
	const o = { locale };
	if (code === 'nn') return m.staff_language_nn({}, o);
	if (code === 'en') return m.staff_language_en({}, o);
	return m.staff_language_nb({}, o);
}
