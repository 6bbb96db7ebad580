import { sql, type RawBuilder } from 'kysely';
import type { ServerDeps } from '../deps';
import type { Dialect } from '../db';
import type { Actor } from '../auth/sessions';
import { ApiError } from '../api/http';
import { refuse } from '../access';
import { inForceFor } from './guidance';
import { refreshPlanFacts } from './plan-facts';
import { AGE_BANDS, MAX_AGE, MIN_AGE, type AgeBand } from '$lib/domain/age-bands';
import { addDays, startOfWeek } from '$lib/domain/calendar';
import { isUuid } from '$lib/domain/ids';
import { periodProblem } from '$lib/domain/practice-overview';
import {
	DIGITAL_CLAUSES,
	LEARNING_AREAS,
	SCREEN_MODES,
	type DigitalClause,
	type LearningArea,
	type ScreenMode
} from '$lib/domain/vocabulary';
import type { GuidanceSet } from '$lib/domain/guidance';

/**
 * The owner's overview of digital practice (issue 15, ADR 33): the figures of the manager's
 * overview (ADR 30) for a period and a set of the owner's kindergartens, each kindergarten beside
 * the owner's average. Counted in SQL on both databases, over each plan's facts (`plan_facts`,
 * ADR 35), in one statement (one read of the period's plans, every grouping a branch of a UNION
 * ALL); only the groupings come back. A figure whose plans have fewer than `MIN_AUTHORS` distinct authors (the
 * last person to write each plan) is hidden (null), and so is one that a hidden one could be
 * worked out from (`hideComplements`).
 */

/** Fewer distinct authors than this, and a figure is hidden (ADR 33). */
export const MIN_AUTHORS = 2;
/** The most kindergartens one request may name. */
export const MAX_KINDERGARTENS = 1000;

/** A count or minutes, or null when hidden. */
export type Shown = number | null;

export interface ModeCell {
	mode: ScreenMode;
	plans: Shown;
	minutes: Shown;
	/** Of the unit's plans, 0–1 (null when the plans or the total are hidden). */
	share: Shown;
}

export interface WeekCell {
	monday: string;
	from: string;
	to: string;
	plans: Shown;
	minutes: Shown;
	/** Group-days whose real screen minutes pass the band's daily limit. */
	daysOverLimit: Shown;
	/** The minutes per screen mode: the owner's average only (empty for a kindergarten). */
	modes: { mode: ScreenMode; minutes: Shown }[];
}

export interface BandFigures {
	band: AgeBand;
	/** The groups of the band (for the owner: of every kindergarten chosen). */
	groups: number;
	dailyLimit: number;
	weeks: WeekCell[];
}

export interface UnitFigures {
	/** Why the whole unit is hidden, or null. */
	hidden: 'few_authors' | null;
	planned: Shown;
	done: Shown;
	evaluated: Shown;
	/** Plans whose evaluation says what to follow up. */
	followUps: Shown;
	areas: { area: LearningArea; planned: Shown; done: Shown }[];
	clauses: { clause: DigitalClause; planned: Shown; done: Shown }[];
	modes: ModeCell[];
	bands: BandFigures[];
}

export interface OwnerPracticeOverview {
	from: string;
	to: string;
	minAuthors: number;
	/** Every kindergarten of the owner, for the choice. */
	choices: { id: string; name: string }[];
	/** The owner's average per chosen kindergarten (counts ÷ kindergartens; weeks ÷ groups). */
	average: UnitFigures;
	kindergartens: ({ id: string; name: string } & UnitFigures)[];
}

// ————— SQL —————

/** One row of the statement: a grouping's kind, its keys, and its sums. */
export interface FigureRow {
	kind: string;
	kg: string;
	k1: string;
	k2: string;
	k3: string;
	n: number | string;
	done: number | string;
	evaluated: number | string;
	follow: number | string;
	minutes: number | string;
	authors: number | string;
}

const OWNER = '*';

function bandCase(column: RawBuilder<unknown>): RawBuilder<string> {
	const whens: RawBuilder<unknown>[] = [];
	for (let age = MIN_AGE; age < MAX_AGE - 1; age++) {
		whens.push(sql`when ${column} <= ${sql.lit(age)} then ${sql.lit(AGE_BANDS[age]!)}`);
	}
	return sql<string>`case ${sql.join(whens, sql` `)} else ${sql.lit(AGE_BANDS[MAX_AGE - 1]!)} end`;
}

function limitCase(band: RawBuilder<unknown>, guidance: GuidanceSet): RawBuilder<number> {
	const whens = AGE_BANDS.map(
		(b) =>
			sql`when ${sql.lit(b)} then ${sql.lit(guidance.limits.find((l) => l.band === b)?.dailyMinutes ?? 0)}`
	);
	return sql<number>`case ${band} ${sql.join(whens, sql` `)} else 0 end`;
}

/**
 * The statement: the chosen plans once (`p`, from `plan_facts`, which `refreshPlanFacts` brings
 * up to date first), then per kindergarten and for the owner (`*`) every grouping the figures
 * need. Plain SQL text through Kysely's `sql`, one text per dialect (their JSON functions
 * differ); the bench runs the same text without the builder as its baseline.
 */
export function figuresQuery(
	dialect: Dialect,
	ownerId: string,
	/** Null: every kindergarten of the owner (no list to test each plan against). */
	kindergartenIds: readonly string[] | null,
	from: string,
	to: string,
	guidance: GuidanceSet
): RawBuilder<FigureRow> {
	const inKindergartens =
		kindergartenIds === null
			? sql``
			: sql`and f.kindergarten_id in (${sql.join(kindergartenIds.map((id) => sql`${id}`))})`;
	// The period's plans by their date (`plan_facts_owner_day`), their JSON taken apart already.
	const base = sql`select f.kindergarten_id as kg, f.group_id as grp, f.author, f.day, f.monday, f.mode,
		f.minutes, f.done, f.evaluated, f.follow, f.areas, f.clauses
		from plan_facts f
		where f.owner_id = ${ownerId} ${inKindergartens} and f.day >= ${from} and f.day <= ${to}`;
	const monday = sql`p.monday`;
	const each = (column: string) =>
		dialect === 'postgres'
			? sql.raw(`cross join lateral json_array_elements_text(p.${column}::json) e(value)`)
			: sql.raw(`join json_each(p.${column}) e`);
	const band = bandCase(sql`g.age_min`);
	const sums = sql`count(*) as n, sum(p.done) as done, sum(p.evaluated) as evaluated,
		sum(p.follow) as follow, sum(p.minutes) as minutes, count(distinct p.author) as authors`;
	const empty = sql`''`;

	/** A grouping for each kindergarten and one for the owner. */
	const branch = (
		kind: string,
		keys: [RawBuilder<unknown>, RawBuilder<unknown>, RawBuilder<unknown>],
		join: RawBuilder<unknown> = sql``,
		levels: boolean[] = [true, false]
	) =>
		levels.map((perKindergarten) => {
			const kg = perKindergarten ? sql`p.kg` : sql`${sql.lit(OWNER)}`;
			const groupBy = [...(perKindergarten ? [sql`p.kg`] : []), ...keys.filter((k) => k !== empty)];
			return sql`select ${sql.lit(kind)} as kind, ${kg} as kg, ${keys[0]} as k1, ${keys[1]} as k2,
				${keys[2]} as k3, ${sums} from p ${join}
				${groupBy.length > 0 ? sql`group by ${sql.join(groupBy)}` : sql``}`;
		});
	const groupsJoin = sql`join groups g on g.id = p.grp`;
	const branches = [
		...branch('total', [empty, empty, empty]),
		...branch('mode', [sql`p.mode`, empty, empty]),
		...branch('area', [sql`e.value`, empty, empty], each('areas')),
		...branch('clause', [sql`e.value`, empty, empty], each('clauses')),
		...branch('week', [band, monday, empty], groupsJoin),
		// The modes week by week for the owner only: per kindergarten they would be most of the rows.
		...branch('weekMode', [band, monday, sql`p.mode`], groupsJoin, [false])
	];
	// Group-days over the band's daily limit, counted per kindergarten, band and week.
	const daySums = sql`select p.kg, p.grp, p.day, p.monday, sum(p.minutes) as minutes from p
		group by p.kg, p.grp, p.day, p.monday`;
	const overBand = bandCase(sql`g.age_min`);
	const overMonday = sql`d.monday`;
	const over = [true, false].map(
		(perKindergarten) => sql`select 'over' as kind,
			${perKindergarten ? sql`d.kg` : sql`${sql.lit(OWNER)}`} as kg, ${overBand} as k1,
			${overMonday} as k2, '' as k3, count(*) as n, 0 as done, 0 as evaluated, 0 as follow,
			0 as minutes, 0 as authors
			from (${daySums}) d join groups g on g.id = d.grp
			where d.minutes > ${limitCase(overBand, guidance)}
			group by ${perKindergarten ? sql`d.kg, ` : sql``}${overBand}, ${overMonday}`
	);
	return sql<FigureRow>`with p as materialized (${base})
		${sql.join([...branches, ...over], sql` union all `)}`;
}

// ————— Figures from the rows —————

interface Sums {
	n: number;
	done: number;
	evaluated: number;
	follow: number;
	minutes: number;
	authors: number;
}

const ZERO: Sums = { n: 0, done: 0, evaluated: 0, follow: 0, minutes: 0, authors: 0 };

/** The rows by `kind|kg|k1|k2|k3`. */
export function indexRows(rows: readonly FigureRow[]): Map<string, Sums> {
	const out = new Map<string, Sums>();
	for (const r of rows) {
		out.set(`${r.kind}|${r.kg}|${r.k1 ?? ''}|${r.k2 ?? ''}|${r.k3 ?? ''}`, {
			n: Number(r.n),
			done: Number(r.done),
			evaluated: Number(r.evaluated),
			follow: Number(r.follow),
			minutes: Number(r.minutes),
			authors: Number(r.authors)
		});
	}
	return out;
}

/** The Mondays of the weeks the period touches, with each week's days in the period. */
export function weeksOf(from: string, to: string): { monday: string; from: string; to: string }[] {
	const weeks = [];
	for (let monday = startOfWeek(from); monday <= to; monday = addDays(monday, 7)) {
		const sunday = addDays(monday, 6);
		weeks.push({ monday, from: monday < from ? from : monday, to: sunday > to ? to : sunday });
	}
	return weeks;
}

const SCREEN_USES = SCREEN_MODES.filter((m) => m !== 'screenFree');

/** A figure to be shown or hidden: its value, and whether too few wrote its plans. */
interface Candidate {
	value: number;
	hidden: boolean;
}

const candidate = (s: Sums | undefined, pick: (s: Sums) => number, min: number): Candidate => {
	const sums = s ?? ZERO;
	const value = pick(sums);
	return { value, hidden: sums.n > 0 && sums.authors < min };
};

/**
 * Parts of a whole that is shown: when exactly one part with plans is hidden, the whole minus
 * the rest gives it, so the smallest other part with plans is hidden too.
 */
export function hideComplements(parts: Candidate[]): void {
	const hidden = parts.filter((p) => p.hidden && p.value > 0);
	if (hidden.length !== 1) return;
	const other = parts.filter((p) => !p.hidden && p.value > 0).sort((a, b) => a.value - b.value)[0];
	if (other) other.hidden = true;
}

/** The unsuppressed and suppressed figures of one unit (a kindergarten, or the owner `*`). */
function unitFigures(
	rows: Map<string, Sums>,
	unit: string,
	weeks: ReturnType<typeof weeksOf>,
	bands: { band: AgeBand; groups: number; dailyLimit: number }[],
	min: number,
	divide: number
): { figures: UnitFigures; candidates: Map<string, Candidate> } {
	const candidates = new Map<string, Candidate>();
	const get = (key: string) => rows.get(key);
	const total = get(`total|${unit}|||`);
	const unitHidden = (total?.n ?? 0) > 0 && (total?.authors ?? 0) < min;
	const add = (key: string, c: Candidate) => {
		if (unitHidden && c.value > 0) c.hidden = true;
		candidates.set(key, c);
		return c;
	};
	const planned = add(
		'planned',
		candidate(total, (s) => s.n, min)
	);
	const done = add(
		'done',
		candidate(total, (s) => s.done, min)
	);
	const evaluated = add(
		'evaluated',
		candidate(total, (s) => s.evaluated, min)
	);
	const followUps = add(
		'followUps',
		candidate(total, (s) => s.follow, min)
	);
	const areas = LEARNING_AREAS.map((area) => {
		const s = get(`area|${unit}|${area}||`);
		return {
			area,
			planned: add(
				`area.${area}.planned`,
				candidate(s, (x) => x.n, min)
			),
			done: add(
				`area.${area}.done`,
				candidate(s, (x) => x.done, min)
			)
		};
	});
	const clauses = DIGITAL_CLAUSES.map((clause) => {
		const s = get(`clause|${unit}|${clause}||`);
		return {
			clause,
			planned: add(
				`clause.${clause}.planned`,
				candidate(s, (x) => x.n, min)
			),
			done: add(
				`clause.${clause}.done`,
				candidate(s, (x) => x.done, min)
			)
		};
	});
	const modes = SCREEN_MODES.map((mode) => {
		const s = get(`mode|${unit}|${mode}||`);
		return {
			mode,
			plans: add(
				`mode.${mode}.plans`,
				candidate(s, (x) => x.n, min)
			),
			minutes: add(
				`mode.${mode}.minutes`,
				candidate(s, (x) => x.minutes, min)
			)
		};
	});
	hideComplements(modes.map((m) => m.plans));
	hideComplements(modes.map((m) => m.minutes));
	const bandFigures = bands.map((b) => {
		const weekCells = weeks.map((w) => {
			const s = get(`week|${unit}|${b.band}|${w.monday}|`);
			const over = get(`over|${unit}|${b.band}|${w.monday}|`);
			const plans = add(
				`week.${b.band}.${w.monday}.plans`,
				candidate(s, (x) => x.n, min)
			);
			const minutes = add(
				`week.${b.band}.${w.monday}.minutes`,
				candidate(s, (x) => x.minutes, min)
			);
			const daysOver = add(`week.${b.band}.${w.monday}.over`, {
				value: over?.n ?? 0,
				hidden: plans.hidden && (over?.n ?? 0) > 0
			});
			const modeCells = (unit === OWNER ? SCREEN_USES : []).map((mode) => ({
				mode,
				minutes: add(
					`week.${b.band}.${w.monday}.${mode}`,
					candidate(get(`weekMode|${unit}|${b.band}|${w.monday}|${mode}`), (x) => x.minutes, min)
				)
			}));
			hideComplements(modeCells.map((m) => m.minutes));
			return { ...w, plans, minutes, daysOver, modes: modeCells };
		});
		return { ...b, weeks: weekCells };
	});

	const per = (c: Candidate, by = divide): Shown =>
		c.hidden ? null : by === 1 ? c.value : Math.round((c.value / Math.max(by, 1)) * 10) / 10;
	const figures = (): UnitFigures => ({
		hidden: unitHidden ? 'few_authors' : null,
		planned: per(planned),
		done: per(done),
		evaluated: per(evaluated),
		followUps: per(followUps),
		areas: areas.map((a) => ({ area: a.area, planned: per(a.planned), done: per(a.done) })),
		clauses: clauses.map((c) => ({ clause: c.clause, planned: per(c.planned), done: per(c.done) })),
		modes: modes.map((m) => ({
			mode: m.mode,
			plans: per(m.plans),
			minutes: per(m.minutes),
			share:
				m.plans.hidden || planned.hidden || planned.value === 0
					? null
					: Math.round((m.plans.value / planned.value) * 1000) / 1000
		})),
		bands: bandFigures.map((b) => ({
			band: b.band,
			groups: b.groups,
			dailyLimit: b.dailyLimit,
			weeks: b.weeks.map((w) => ({
				monday: w.monday,
				from: w.from,
				to: w.to,
				plans: per(w.plans, divide === 1 ? 1 : b.groups),
				minutes: per(w.minutes, divide === 1 ? 1 : b.groups),
				daysOverLimit: per(w.daysOver, divide === 1 ? 1 : b.groups),
				modes: w.modes.map((m) => ({
					mode: m.mode,
					minutes: per(m.minutes, divide === 1 ? 1 : b.groups)
				}))
			}))
		}))
	});
	// `figures` reads the candidates when called: after the owner-wide complements below.
	return {
		get figures() {
			return figures();
		},
		candidates
	};
}

/**
 * Runs the statement. On PostgreSQL without JIT compilation: the planner's estimate for the
 * materialized plans is far above what they are, and compiling the statement's many branches
 * took seconds, longer than running it (ADR 33).
 */
export async function runFigures(
	deps: Pick<ServerDeps, 'db' | 'dialect'>,
	query: RawBuilder<FigureRow>
): Promise<{ rows: FigureRow[] }> {
	if (deps.dialect !== 'postgres') return query.execute(deps.db);
	return deps.db.transaction().execute(async (trx) => {
		await sql`set local jit = off`.execute(trx);
		await sql`set local work_mem = '64MB'`.execute(trx);
		return query.execute(trx);
	});
}

/** The period and kindergartens asked for, judged: 400 with a reason, 404 for one not the owner's. */
function judgeQuery(from: string | null, to: string | null, ids: readonly string[]) {
	if (from === null || to === null) {
		throw new ApiError(400, 'invalid_period', {
			...(from === null ? { from: 'required' } : {}),
			...(to === null ? { to: 'required' } : {})
		});
	}
	const problem = periodProblem(from, to);
	if (problem) throw new ApiError(400, 'invalid_period', { period: problem });
	if (ids.length > MAX_KINDERGARTENS) {
		throw new ApiError(400, 'invalid_query', { kindergarten: 'too_many' });
	}
	if (ids.some((id) => !isUuid(id))) {
		throw new ApiError(400, 'invalid_query', { kindergarten: 'invalid_id' });
	}
}

/**
 * The owner's overview for the period `from`–`to` (both counted) over the kindergartens named
 * (none: every one of the owner's). Owner administrators only (403 for everyone else); a
 * kindergarten not the owner's is 404, as if it did not exist.
 */
export async function ownerPracticeOverview(
	deps: ServerDeps,
	actor: Actor,
	query: { from: string | null; to: string | null; kindergartens: readonly string[] }
): Promise<OwnerPracticeOverview> {
	if (actor.role !== 'ownerAdmin') await refuse(deps, actor, 403, 'owner_admin_only');
	judgeQuery(query.from, query.to, query.kindergartens);
	const from = query.from!;
	const to = query.to!;
	const all = await deps.db
		.selectFrom('kindergartens')
		.select(['id', 'name'])
		.where('ownerId', '=', actor.ownerId)
		.orderBy('name')
		.orderBy('id')
		.execute();
	const wanted = new Set(query.kindergartens);
	const chosen = wanted.size === 0 ? all : all.filter((k) => wanted.has(k.id));
	const outside = [...wanted].find((id) => !all.some((k) => k.id === id));
	if (outside !== undefined) {
		await refuse(deps, actor, 404, 'out_of_scope', { type: 'kindergarten', id: outside });
	}
	const guidance = (await inForceFor(deps, actor.ownerId)).set;
	const ids = chosen.map((k) => k.id);
	if (ids.length > 0) await refreshPlanFacts(deps, actor.ownerId);
	const { rows } =
		ids.length === 0
			? { rows: [] as FigureRow[] }
			: await runFigures(
					deps,
					figuresQuery(
						deps.dialect,
						actor.ownerId,
						wanted.size === 0 ? null : ids,
						from,
						to,
						guidance
					)
				);
	const index = indexRows(rows);
	const groups =
		ids.length === 0
			? []
			: await deps.db
					.selectFrom('groups')
					.select(({ fn }) => ['kindergartenId', 'ageMin', fn.countAll<number>().as('n')])
					.where('ownerId', '=', actor.ownerId)
					.where('kindergartenId', 'in', ids)
					.groupBy(['kindergartenId', 'ageMin'])
					.execute();
	const bandOf = (ageMin: number) => AGE_BANDS[Math.min(Math.max(ageMin, MIN_AGE), MAX_AGE - 1)]!;
	const limit = (band: AgeBand) => guidance.limits.find((l) => l.band === band)?.dailyMinutes ?? 0;
	const bandsOf = (kg: string | null) =>
		AGE_BANDS.map((band) => ({
			band,
			groups: groups
				.filter((g) => (kg === null || g.kindergartenId === kg) && bandOf(g.ageMin) === band)
				.reduce((sum, g) => sum + Number(g.n), 0),
			dailyLimit: limit(band)
		})).filter((b) => b.groups > 0);
	const weeks = weeksOf(from, to);
	const units = chosen.map((k) => ({
		k,
		unit: unitFigures(index, k.id, weeks, bandsOf(k.id), MIN_AUTHORS, 1)
	}));
	const owner = unitFigures(index, OWNER, weeks, bandsOf(null), MIN_AUTHORS, chosen.length);
	// Across kindergartens: the owner's figure is their whole, each kindergarten's a part.
	for (const key of owner.candidates.keys()) {
		const parts = units.map((u) => u.unit.candidates.get(key)!).filter(Boolean);
		hideComplements(parts);
		if (parts.filter((p) => p.hidden && p.value > 0).length === 1)
			owner.candidates.get(key)!.hidden = true;
	}
	return {
		from,
		to,
		minAuthors: MIN_AUTHORS,
		choices: all.map((k) => ({ id: k.id, name: k.name })),
		average: owner.figures,
		kindergartens: units.map(({ k, unit }) => ({ id: k.id, name: k.name, ...unit.figures }))
	};
}
