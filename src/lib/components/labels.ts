import { m } from '$lib/paraglide/messages';
import type { PlanStatus, ScreenMode } from '$lib/domain/vocabulary';
import type { FieldProblem } from '$lib/domain/plan';

/** Translated names of the domain's vocabularies, for the locale being shown. */
export const screenModeLabel: Record<ScreenMode, () => string> = {
	passive: m.mode_passive,
	interactive: m.mode_interactive,
	creative: m.mode_creative,
	communication: m.mode_communication,
	screenFree: m.mode_screenFree
};

export const statusLabel: Record<PlanStatus, () => string> = {
	draft: m.status_draft,
	planned: m.status_planned,
	done: m.status_done,
	evaluated: m.status_evaluated
};

const problemText: Record<string, (limit: number) => string> = {
	required: () => m.error_required(),
	too_long: (limit) => m.error_too_long({ limit }),
	too_many: (limit) => m.error_too_many({ limit }),
	too_big: (limit) => m.error_too_big({ limit }),
	too_small: (limit) => m.error_too_small({ limit }),
	negative: () => m.error_negative(),
	not_integer: () => m.error_not_integer(),
	invalid_date: () => m.error_invalid_date(),
	invalid_time: () => m.error_invalid_time(),
	end_before_start: () => m.error_end_before_start(),
	exceeds_duration: () => m.error_exceeds_duration(),
	choose_learning_area: () => m.error_choose_learning_area(),
	consent_required: () => m.error_consent_required(),
	storage_required: () => m.error_storage_required(),
	evaluation_required: () => m.error_evaluation_required(),
	personal_number: () => m.error_personal_number(),
	age_max_before_min: () => m.error_age_max_before_min(),
	below_min: () => m.error_age_max_before_min(),
	group_has_plans: (limit) => m.error_group_has_plans({ limit }),
	invalid_id: () => m.error_invalid_id(),
	group_size_max_before_min: () => m.error_group_size_max_before_min(),
	not_found: () => m.error_not_found(),
	invalid_url: () => m.error_invalid_url()
};

/** The sentence shown beside a field for a domain reason code. */
export function problemMessage(problem: FieldProblem | undefined): string | undefined {
	if (!problem) return undefined;
	const text = problemText[problem.code];
	return text ? text(problem.limit ?? 0) : m.error_unknown();
}

const weekdays = [
	m.weekday_1,
	m.weekday_2,
	m.weekday_3,
	m.weekday_4,
	m.weekday_5,
	m.weekday_6,
	m.weekday_7
];

/** Monday = 0. */
export function weekdayName(index: number): string {
	return weekdays[index]!();
}

/**
 * One formatter per locale: building an `Intl.DateTimeFormat` costs far more than formatting
 * with it, and the week view formats a dozen dates while it first renders.
 */
const shortDateFormats = new Map<string, Intl.DateTimeFormat>();

/** A date as the locale writes it, e.g. "28. nov." or "28 Nov". */
export function shortDate(date: string, locale: string): string {
	const [y = 0, mo = 1, d = 1] = date.split('-').map(Number);
	const tag = locale === 'en' ? 'en-GB' : 'nb-NO';
	let format = shortDateFormats.get(tag);
	if (!format) {
		format = new Intl.DateTimeFormat(tag, { day: 'numeric', month: 'short', timeZone: 'UTC' });
		shortDateFormats.set(tag, format);
	}
	return format.format(new Date(Date.UTC(y, mo - 1, d)));
}
