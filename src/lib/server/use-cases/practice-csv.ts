import type { ServerDeps } from '../deps';
import type { Actor } from '../auth/sessions';
import { ApiError } from '../api/http';
import { ownerPracticeOverview, type Shown, type UnitFigures } from './practice-overview';
import { csvText } from '$lib/domain/csv';
import { m } from '$lib/paraglide/messages';

type Locale = 'nb' | 'nn' | 'en';
const LOCALES: readonly Locale[] = ['nb', 'nn', 'en'];

/**
 * The owner's overview of digital practice (`ownerPracticeOverview`: the same permission, the
 * same suppression) as one CSV of every table, in the locale asked for (`lang`, default bokmål):
 * one row per table, figure and kindergarten (the owner's average first), with the value, or an
 * empty value and a note where it is hidden. Figures are ids (learning area, clause, screen mode,
 * age band and week), as the rest of the app's CSV files. UTF-8 with a byte-order mark.
 */
export async function practiceOverviewCsv(
	deps: ServerDeps,
	actor: Actor,
	params: URLSearchParams
): Promise<{ csv: string; filename: string }> {
	const lang = params.get('lang') ?? 'nb';
	if (!LOCALES.includes(lang as Locale)) {
		throw new ApiError(400, 'invalid_query', { lang: 'invalid_option' });
	}
	const o = { locale: lang as Locale };
	const overview = await ownerPracticeOverview(deps, actor, {
		from: params.get('from'),
		to: params.get('to'),
		kindergartens: params.getAll('kindergarten')
	});
	const hiddenNote = m.practice_csv_hidden({ min: overview.minAuthors }, o);
	const rows: (string | number | null)[][] = [
		[
			m.practice_csv_table({}, o),
			m.practice_csv_figure({}, o),
			m.practice_csv_key({}, o),
			m.practice_csv_kindergarten({}, o),
			m.practice_csv_value({}, o),
			m.practice_csv_note({}, o)
		]
	];
	const units: { name: string; figures: UnitFigures }[] = [
		{ name: m.practice_average({}, o), figures: overview.average },
		...overview.kindergartens.map((k) => ({ name: k.name, figures: k }))
	];
	const push = (table: string, figure: string, key: string, name: string, value: Shown) =>
		rows.push([table, figure, key, name, value, value === null ? hiddenNote : '']);
	for (const { name, figures: f } of units) {
		push('totals', 'planned', '', name, f.planned);
		push('totals', 'done', '', name, f.done);
		push('totals', 'evaluated', '', name, f.evaluated);
		push('totals', 'followUps', '', name, f.followUps);
		for (const a of f.areas) {
			push('learningAreas', 'planned', a.area, name, a.planned);
			push('learningAreas', 'done', a.area, name, a.done);
		}
		for (const c of f.clauses) {
			push('clauses', 'planned', c.clause, name, c.planned);
			push('clauses', 'done', c.clause, name, c.done);
		}
		for (const mode of f.modes) {
			push('screenModes', 'plans', mode.mode, name, mode.plans);
			push('screenModes', 'minutes', mode.mode, name, mode.minutes);
			push(
				'screenModes',
				'sharePercent',
				mode.mode,
				name,
				mode.share === null ? null : Math.round(mode.share * 1000) / 10
			);
		}
		for (const b of f.bands) {
			for (const w of b.weeks) {
				const key = `${b.band} ${w.monday}`;
				push('screenWeeks', 'minutes', key, name, w.minutes);
				push('screenWeeks', 'daysOverLimit', key, name, w.daysOverLimit);
				for (const mode of w.modes)
					push('screenWeeks', `minutes.${mode.mode}`, key, name, mode.minutes);
			}
		}
	}
	return {
		csv: csvText(rows),
		filename: `lekeplan-praksis-${overview.from}-${overview.to}.csv`
	};
}
