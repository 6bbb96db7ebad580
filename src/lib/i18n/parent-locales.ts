/**
 * The parents' pages' languages (issue 17, ADR 39), their own paraglide project
 * (parents.inlang, messages/parents/). Which translations a native speaker has reviewed is
 * kept here: the others are drafts, marked so in the language menu and on the page. A
 * reviewer moves a locale into REVIEWED_PARENT_LOCALES (docs/CONTRIBUTING.md).
 */

export const PARENT_LOCALES = ['nb', 'nn', 'en', 'se', 'pl', 'uk', 'ar', 'so'] as const;
export type ParentLocale = (typeof PARENT_LOCALES)[number];

/** Translations a native speaker has read and accepted. */
export const REVIEWED_PARENT_LOCALES: readonly ParentLocale[] = ['nb', 'nn', 'en'];

/** Written right to left: the page is mirrored (`dir="rtl"`). */
const RTL_LOCALES: readonly ParentLocale[] = ['ar'];

/**
 * Each language by its own name (an endonym, the same in every language), as a language menu
 * shows them: a reader finds their own language whatever the page is in.
 */
export const PARENT_LANGUAGE_NAMES: Record<ParentLocale, string> = {
	nb: 'Norsk bokmål',
	nn: 'Norsk nynorsk',
	en: 'English',
	se: 'Davvisámegiella',
	pl: 'Polski',
	uk: 'Українська',
	ar: 'العربية',
	so: 'Soomaali'
};

/** The cookie that remembers a parent's language (a year). */
export const PARENT_LOCALE_COOKIE = 'lekeplan_parent_locale';

export function isParentLocale(value: unknown): value is ParentLocale {
	return typeof value === 'string' && (PARENT_LOCALES as readonly string[]).includes(value);
}

export function isDraftLocale(locale: ParentLocale): boolean {
	return !REVIEWED_PARENT_LOCALES.includes(locale);
}

export function parentDirection(locale: ParentLocale): 'ltr' | 'rtl' {
	return RTL_LOCALES.includes(locale) ? 'rtl' : 'ltr';
}

/**
 * The page's language: the remembered choice, else the first of the browser's languages the
 * pages have (`no` and `nb-NO` are bokmål), else bokmål.
 */
export function chooseParentLocale(
	remembered: string | undefined,
	acceptLanguage: string | null
): ParentLocale {
	if (isParentLocale(remembered)) return remembered;
	for (const part of (acceptLanguage ?? '').split(',')) {
		const tag = part.split(';')[0]?.trim().toLowerCase() ?? '';
		const primary = tag.split('-')[0] ?? '';
		const base = primary === 'no' || primary === 'nob' ? 'nb' : primary === 'nno' ? 'nn' : primary;
		if (isParentLocale(base)) return base;
	}
	return 'nb';
}
