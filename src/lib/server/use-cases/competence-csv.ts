import type { ServerDeps } from '../deps';
import type { Actor } from '../auth/sessions';
import { ApiError } from '../api/http';
import { ownerOverview, type Hidden } from './competence';
import { csvField } from './csv';
import { ITEM_BANK } from '$lib/domain/competence/bank';
import { COMPETENCE_AREAS, inForce, type CompetenceArea } from '$lib/domain/competence/item-bank';
import nbTexts from '$lib/domain/competence/content/nb.json';
import nnTexts from '$lib/domain/competence/content/nn.json';
import enTexts from '$lib/domain/competence/content/en.json';
import { m } from '$lib/paraglide/messages';
import { competenceHiddenLabel, type CompetenceLocale } from '$lib/i18n/competence-labels';

const LOCALES: readonly CompetenceLocale[] = ['nb', 'nn', 'en'];
const AREA_NAMES: Record<CompetenceLocale, Partial<Record<string, string>>> = {
	nb: nbTexts.areas,
	nn: nnTexts.areas,
	en: enTexts.areas
};

/** The areas a family's figures have in a period: those of its items in force, in order. */
function areasOf(family: 'staff' | 'manager', period: string): CompetenceArea[] {
	const areas = new Set(inForce(ITEM_BANK, family, period).map((i) => i.area));
	return COMPETENCE_AREAS.filter((a) => areas.has(a));
}

/**
 * The owner's overview (`ownerOverview`: the same permission, the same suppression) as CSV in
 * the locale asked for (`lang`, default bokmål): one row per kindergarten (the owner's total
 * first), part (everyone who answered; the management items) and area, with the respondents,
 * the mean level and the change since the last shown period. A hidden group keeps its rows,
 * with those cells empty and the reason in the last column; a unanimous area has no mean, only
 * the range it is shown as. Counts come from SQL, never answers. UTF-8 with a byte-order mark.
 */
export async function competenceOverviewCsv(
	deps: ServerDeps,
	actor: Actor,
	params: URLSearchParams
): Promise<{ csv: string; filename: string }> {
	const lang = params.get('lang') ?? 'nb';
	if (!LOCALES.includes(lang as CompetenceLocale)) {
		throw new ApiError(400, 'invalid_query', { lang: 'invalid_option' });
	}
	const locale = lang as CompetenceLocale;
	// The permission first, then the period (400 invalid_period): ownerOverview judges both.
	const overview = await ownerOverview(deps, actor, params.get('period'));
	const o = { locale };
	const header = [
		m.competence_review_period({}, o),
		m.competence_review_kindergarten({}, o),
		m.competence_csv_part({}, o),
		m.competence_area({}, o),
		m.competence_csv_area_code({}, o),
		m.competence_csv_respondents({}, o),
		m.competence_review_mean({}, o),
		m.competence_change({}, o),
		m.competence_csv_note({}, o)
	];
	const lines = [header.map(csvField).join(',')];
	const units = [
		{ name: m.competence_overview_all({}, o), ...overview.total },
		...overview.kindergartens
	];
	for (const unit of units) {
		for (const [family, part, figures] of [
			['staff', m.competence_review_staff({}, o), unit.staff],
			['manager', m.competence_review_managers({}, o), unit.managers]
		] as const) {
			const shown = figures.shown ? figures : null;
			const areas = shown ? shown.areas.map((a) => a.area) : areasOf(family, overview.period);
			for (const area of areas) {
				const figure = shown?.areas.find((a) => a.area === area);
				const note = !shown
					? competenceHiddenLabel((figures as Hidden).reason, locale)
					: figure?.summary.kind === 'range'
						? m.competence_review_range({ from: figure.summary.from, to: figure.summary.to }, o)
						: '';
				lines.push(
					[
						overview.period,
						unit.name,
						part,
						AREA_NAMES[locale][area] ?? AREA_NAMES.nb[area] ?? area,
						area,
						shown ? shown.respondents : null,
						figure?.mean ?? null,
						figure?.change ?? null,
						note
					]
						.map(csvField)
						.join(',')
				);
			}
		}
	}
	return {
		csv: `\ufeff${lines.join('\r\n')}\r\n`,
		filename: `lekeplan-kompetanse-${overview.period}.csv`
	};
}
