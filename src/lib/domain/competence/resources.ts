import { z } from 'zod/mini';
import { CONTENT_LOCALES } from '../library/vocabulary';
import { issueLines } from '../library/content';
import { COMPETENCE_AREAS, type CompetenceArea } from './item-bank';

/**
 * Public resources for competence development (issue 14, ADR 29): Udir's competence packages
 * and other public resources, each with the areas it helps in and a line on what it is, in
 * every shipped locale. One versioned file, `content/resources.json`, checked at build like the
 * item bank (vite.config.ts); where the facts come from is in docs/design/domain.md.
 */

const text = (max: number) =>
	z.string().check(z.trim(), z.minLength(1, 'required'), z.maxLength(max, 'too_long'));

const resourceTexts = z.strictObject({ title: text(120), what: text(400) });

export const RESOURCE_KINDS = ['udirPackage', 'other'] as const;
export type ResourceKind = (typeof RESOURCE_KINDS)[number];

const resourceSchema = z.strictObject({
	id: z.string().check(z.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'invalid_id')),
	kind: z.enum(RESOURCE_KINDS),
	url: z.url({ protocol: /^https$/, error: 'invalid_url' }),
	areas: z.array(z.enum(COMPETENCE_AREAS)).check(z.minLength(1, 'required')),
	/** Every shipped locale's texts; a further locale may be missing (bokmål stands in). */
	texts: z.record(z.string().check(z.regex(/^[a-z]{2,3}$/, 'invalid_locale')), resourceTexts)
});
export type CompetenceResource = z.infer<typeof resourceSchema>;

export const resourcesFileSchema = z.strictObject({
	version: z.number().check(z.int(), z.minimum(1)),
	date: z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, 'invalid_date')),
	resources: z.array(resourceSchema)
});
export type ResourcesFile = z.infer<typeof resourcesFileSchema>;

/**
 * The build-time check of `resources.json` (as text): valid, unique ids, every shipped locale's
 * texts, and a resource for every area, so no weak area is left without a suggestion.
 */
export function checkResources(raw: string | undefined): string[] {
	if (raw === undefined) return ['resources.json: missing'];
	let json: unknown;
	try {
		json = JSON.parse(raw);
	} catch {
		return ['resources.json: not valid JSON'];
	}
	const parsed = resourcesFileSchema.safeParse(json);
	if (!parsed.success) return issueLines('resources.json', parsed.error);
	const problems: string[] = [];
	const ids = new Set<string>();
	for (const r of parsed.data.resources) {
		if (ids.has(r.id)) problems.push(`resources.json: ${r.id}: duplicate id`);
		ids.add(r.id);
		for (const locale of CONTENT_LOCALES) {
			if (!r.texts[locale]) problems.push(`resources.json: ${r.id}: texts.${locale}: required`);
		}
	}
	for (const area of COMPETENCE_AREAS) {
		if (!parsed.data.resources.some((r) => r.areas.includes(area))) {
			problems.push(`resources.json: ${area}: no resource for this area`);
		}
	}
	return problems;
}

export interface ResourceInLocale {
	id: string;
	kind: ResourceKind;
	url: string;
	title: string;
	what: string;
	/** Shown in bokmål because this locale has no text for it. */
	untranslated: boolean;
}

/** The resources for an area in one locale (Udir's packages first, then the file's order). */
export function resourcesFor(
	file: ResourcesFile,
	area: CompetenceArea,
	locale: string
): ResourceInLocale[] {
	return file.resources
		.filter((r) => r.areas.includes(area))
		.sort((a, b) => RESOURCE_KINDS.indexOf(a.kind) - RESOURCE_KINDS.indexOf(b.kind))
		.map((r) => {
			const own = r.texts[locale];
			const texts = own ?? r.texts.nb!;
			return { id: r.id, kind: r.kind, url: r.url, ...texts, untranslated: !own };
		});
}
