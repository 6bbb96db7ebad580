/**
 * The owner's privacy notice (issues 16 and 17): what is stored, why, for how long, and who to
 * ask, written by the owner admin from a template, one text per app language. Shown to every
 * signed-in person and to parents. Plain text: paragraphs apart by a blank line, nothing else
 * (no markup, so nothing a notice says can run as code on a page).
 */

export const PRIVACY_NOTICE_LOCALES = ['nb', 'nn', 'en'] as const;
export type PrivacyNoticeLocale = (typeof PRIVACY_NOTICE_LOCALES)[number];

export const PRIVACY_NOTICE_MAX = 20_000;

export function isPrivacyNoticeLocale(value: string): value is PrivacyNoticeLocale {
	return (PRIVACY_NOTICE_LOCALES as readonly string[]).includes(value);
}

/** The notice's paragraphs: blocks apart by one or more blank lines, each trimmed. */
export function paragraphs(body: string): string[] {
	return body
		.replace(/\r\n?/g, '\n')
		.split(/\n\s*\n/)
		.map((p) => p.trim())
		.filter((p) => p.length > 0);
}

/**
 * Which written text a reader gets: theirs if the owner wrote it, else bokmål, nynorsk, English,
 * in that order (a parent reading Somali gets the bokmål text, marked with its language).
 */
export function noticeFor<T extends { locale: string }>(
	texts: readonly T[],
	locale: string
): T | null {
	const order = [locale, ...PRIVACY_NOTICE_LOCALES.filter((l) => l !== locale)];
	for (const wanted of order) {
		const text = texts.find((t) => t.locale === wanted);
		if (text) return text;
	}
	return null;
}
