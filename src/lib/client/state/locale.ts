import { getLocale, locales, setLocale, type Locale } from '$lib/paraglide/runtime';

export { locales, type Locale };

export function currentLocale(): Locale {
	return getLocale();
}

/** Stores the choice in localStorage (paraglide's strategy) and reloads the page in it. */
export function chooseLocale(locale: Locale): void {
	void setLocale(locale);
}

/** Keeps `<html lang>` true to the language shown, for screen readers and hyphenation. */
export function applyDocumentLanguage(): void {
	document.documentElement.lang = getLocale();
}
