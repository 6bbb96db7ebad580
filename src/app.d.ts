// See https://svelte.dev/docs/kit/types#app.d.ts
declare global {
	namespace App {
		// interface Error {}
		interface Locals {
			/** Set by the parents' pages' layout (issue 17): `<html lang dir>` follow it. */
			parentLocale?: import('$lib/i18n/parent-locales').ParentLocale;
		}
		// interface PageData {}
		// interface PageState {}
		// interface Platform {}
	}
}

export {};
