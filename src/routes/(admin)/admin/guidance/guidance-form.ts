import { guidanceSetSchema, type GuidanceSet } from '$lib/domain/guidance';
import { AGE_BANDS, type AgeBand } from '$lib/domain/organisation';
import { SCREEN_MODES, type ScreenMode } from '$lib/domain/vocabulary';
import type { FieldProblems } from '$lib/domain/plan';

/**
 * The owner's guidance editor as a form: whole numbers and percentages, as people think of
 * them, turned into a guidance set and back. The set's other fields (each source's scope,
 * notes and per-band figures) are carried over from the version being edited.
 */

export interface GuidanceForm {
	limits: Record<AgeBand, { minutes: number | null; basis: string }>;
	/** How much a minute of each mode counts, in percent (100: a full minute). */
	weights: Record<ScreenMode, number | null>;
	/** Extra counted without an adult, in percent (50: a minute counts 1.5). */
	adultExtra: number | null;
	/** "Close to the limit" from this percentage of it. */
	closeShare: number | null;
	daysPerWeek: number | null;
	sources: Array<{ id: string; name: string; year: number | null; url: string; verify: boolean }>;
}

/** The fields of a set the server takes in a save (it sets id, version and date itself). */
export type GuidanceEdit = Omit<GuidanceSet, 'id' | 'version' | 'date'>;

const percent = (share: number) => Math.round(share * 100);

export function toForm(set: GuidanceSet): GuidanceForm {
	const limits = Object.fromEntries(
		AGE_BANDS.map((band) => {
			const limit = set.limits.find((l) => l.band === band);
			return [band, { minutes: limit?.dailyMinutes ?? null, basis: limit?.basis ?? '' }];
		})
	) as GuidanceForm['limits'];
	const weights = Object.fromEntries(
		SCREEN_MODES.map((mode) => [mode, percent(set.modeWeights[mode])])
	) as GuidanceForm['weights'];
	return {
		limits,
		weights,
		adultExtra: percent(set.withoutAdultFactor - 1),
		closeShare: percent(set.closeShare),
		daysPerWeek: set.daysPerWeek,
		sources: set.sources.map((s) => ({
			id: s.id,
			name: s.name,
			year: s.year,
			url: s.url,
			verify: s.verify
		}))
	};
}

function wholeNumber(value: number | null, min: number, max: number) {
	if (value === null || value === undefined || Number.isNaN(value)) return { code: 'required' };
	if (!Number.isInteger(value)) return { code: 'not_integer' };
	if (value < min) return { code: 'too_small', limit: min };
	if (value > max) return { code: 'too_big', limit: max };
	return null;
}

function webAddress(text: string) {
	try {
		const url = new URL(text.trim());
		return url.protocol === 'https:' || url.protocol === 'http:' ? null : { code: 'invalid_url' };
	} catch {
		return { code: 'invalid_url' };
	}
}

/** Problems per input id (`limit-3-4`, `weight-passive`, `year-<source>`, …); empty when fine. */
export function validateForm(form: GuidanceForm): FieldProblems {
	const problems: FieldProblems = {};
	const check = (key: string, problem: { code: string; limit?: number } | null) => {
		if (problem) problems[key] = problem;
	};
	for (const band of AGE_BANDS) {
		check(`limit-${band}`, wholeNumber(form.limits[band].minutes, 0, 1440));
		if (!form.sources.some((s) => s.id === form.limits[band].basis)) {
			problems[`basis-${band}`] = { code: 'required' };
		}
	}
	for (const mode of SCREEN_MODES)
		check(`weight-${mode}`, wholeNumber(form.weights[mode], 0, 1000));
	check('adult-extra', wholeNumber(form.adultExtra, 0, 900));
	check('close-share', wholeNumber(form.closeShare, 0, 100));
	check('days-per-week', wholeNumber(form.daysPerWeek, 1, 7));
	for (const source of form.sources) {
		check(`year-${source.id}`, wholeNumber(source.year, 1900, 2100));
		check(`url-${source.id}`, webAddress(source.url));
	}
	return problems;
}

/**
 * The edit to send, or the problems that stop it. The result is also checked against the
 * domain schema, so the form can never send what the server would refuse.
 */
export function fromForm(
	form: GuidanceForm,
	base: GuidanceSet
): { ok: true; edit: GuidanceEdit } | { ok: false; problems: FieldProblems } {
	const problems = validateForm(form);
	if (Object.keys(problems).length > 0) return { ok: false, problems };
	const n = (value: number | null) => value ?? 0;
	const edit: GuidanceEdit = {
		modeWeights: Object.fromEntries(
			SCREEN_MODES.map((mode) => [mode, n(form.weights[mode]) / 100])
		) as GuidanceSet['modeWeights'],
		withoutAdultFactor: 1 + n(form.adultExtra) / 100,
		closeShare: n(form.closeShare) / 100,
		daysPerWeek: n(form.daysPerWeek),
		limits: AGE_BANDS.map((band) => ({
			band,
			dailyMinutes: n(form.limits[band].minutes),
			basis: form.limits[band].basis
		})),
		sources: base.sources.map((source) => {
			const edited = form.sources.find((s) => s.id === source.id);
			return edited
				? { ...source, year: n(edited.year), url: edited.url.trim(), verify: edited.verify }
				: source;
		})
	};
	const checked = guidanceSetSchema.safeParse({
		...edit,
		id: base.id,
		version: base.version,
		date: base.date
	});
	if (!checked.success) return { ok: false, problems: { _: { code: 'unknown' } } };
	return { ok: true, edit };
}
