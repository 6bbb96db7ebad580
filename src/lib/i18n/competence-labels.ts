import { m } from '$lib/paraglide/messages';

/**
 * Why a competence figure is hidden, in words (issue 14, ADR 25): the review page and the
 * server's CSV of the owner's overview say the same. A reason without a label (one added
 * later) is shown as its code.
 */

export type CompetenceLocale = 'nb' | 'nn' | 'en';
type Message = (inputs?: Record<string, never>, options?: { locale?: CompetenceLocale }) => string;

const HIDDEN: Record<string, Message> = {
	too_few: m.competence_hidden_too_few,
	complement: m.competence_hidden_complement,
	few_changed: m.competence_hidden_few_changed,
	same_people: m.competence_hidden_same_people,
	no_answers: m.competence_hidden_no_answers
};

/** Why a figure is hidden, in the locale asked for or the page's. */
export function competenceHiddenLabel(reason: string, locale?: CompetenceLocale): string {
	const label = HIDDEN[reason];
	return label ? label({}, locale ? { locale } : {}) : reason;
}
