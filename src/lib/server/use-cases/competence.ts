import type { Transaction } from 'kysely';
import type { Database } from '../db';
import type { ServerDeps } from '../deps';
import type { Actor } from '../auth/sessions';
import { ApiError, parseWith } from '../api/http';
import { authorize, kindergartenInScope, refuse } from '../access';
import { competenceAnswersBody } from '../schemas';
import { ITEM_BANK, periodOf, previousPeriod } from '$lib/domain/competence/bank';
import {
	COMPETENCE_AREAS,
	inForce,
	PERIOD,
	type CompetenceArea,
	type ItemBank
} from '$lib/domain/competence/item-bank';
import {
	asOf,
	itemSetVersion,
	withOwnerItems,
	type OwnerItemSet
} from '$lib/domain/competence/owner-items';
import { ownerItemSet } from './competence-items';
import {
	decideSuppression,
	isGap,
	summariseLevels,
	type FigureGroup,
	type LevelSummary,
	type SuppressionReason
} from '$lib/domain/competence/suppression';
import { uuidv7 } from '$lib/domain/ids';
import { osloWallClock } from './oslo-time';

/**
 * Professional digital competence on the server (issue 14, ADR 25). A person's answers are
 * theirs: only they read, export and delete them; everyone else gets counts, and only those
 * `decideSuppression` lets through, decided over the owner's every kindergarten and period at
 * once, so that the manager's review and the owner's overview hide the same figures.
 */

export type Audience = 'staff' | 'manager';

/**
 * The items a person answers: staff items; managers the manager items as well. With the owner's
 * items and retirements when a bank with them is given (`withOwnerItems`).
 */
export function itemsFor(audience: Audience, period: string, bank: ItemBank = ITEM_BANK) {
	const staff = inForce(bank, 'staff', period);
	return audience === 'manager' ? [...staff, ...inForce(bank, 'manager', period)] : staff;
}

/** The period it is now in Oslo. */
function currentPeriod(deps: ServerDeps): string {
	return periodOf(osloWallClock(deps.clock.now().toISOString()).slice(0, 10));
}

function audienceOf(actor: Actor): Audience {
	return actor.role === 'manager' ? 'manager' : 'staff';
}

/**
 * Whether a person may answer for a period: the current one, or the one before (a form begun
 * before a term's end). Null when open, else what is wrong.
 */
function periodProblem(
	deps: ServerDeps,
	period: string
): {
	status: 400 | 422;
	reason: 'invalid_period' | 'period_closed';
	when?: 'future' | 'past';
} | null {
	const now = currentPeriod(deps);
	if (!PERIOD.test(period)) return { status: 400, reason: 'invalid_period' };
	if (period !== now && period !== previousPeriod(now)) {
		return { status: 422, reason: 'period_closed', when: period > now ? 'future' : 'past' };
	}
	return null;
}

function openPeriod(deps: ServerDeps, period: string): void {
	const problem = periodProblem(deps, period);
	if (problem) {
		throw new ApiError(
			problem.status,
			problem.reason,
			problem.when ? { period: problem.when } : undefined
		);
	}
}

export interface OwnSubmission {
	period: string;
	audience: Audience;
	bankVersion: number;
	submittedAt: string;
	answers: Record<string, number>;
}

/** What is wrong with an answer set, as the API (status) and the sync push (reason) say it. */
export type AnswerProblem = {
	status: 400 | 409 | 422;
	reason:
		| 'invalid_period'
		| 'period_closed'
		| 'unknown_item'
		| 'retired_item'
		| 'invalid_value'
		| 'no_kindergarten';
	fields?: Record<string, string>;
};

/**
 * Judges a person's answers for a period by the rules every way in shares (the API's `PUT` and
 * the sync push, ADR 32): an open period, a kindergarten, every item in force for the person
 * answered (`required` naming each missing one) and no other (`unknown_item`; an item retired by
 * the period is `retired_item`). The items in force are the shipped bank's with the owner's items
 * and retirements (ADR 37) as the form knew them: at the set's `bankVersion`, so an item added or
 * retired after the form was made does not refuse it. The items a person answers, in the bank's
 * order, when they hold.
 */
export function judgeAnswers(
	deps: ServerDeps,
	actor: Actor,
	period: string,
	answers: Record<string, number>,
	own: OwnerItemSet | null,
	bankVersion: number
): { ok: true; audience: Audience; items: string[] } | ({ ok: false } & AnswerProblem) {
	const closed = periodProblem(deps, period);
	if (closed) {
		return {
			ok: false,
			status: closed.status,
			reason: closed.reason,
			fields: { period: closed.when ?? 'invalid_period' }
		};
	}
	if (actor.kindergartenId === null) return { ok: false, status: 409, reason: 'no_kindergarten' };
	const audience = audienceOf(actor);
	const at = Math.min(bankVersion, itemSetVersion(ITEM_BANK, own));
	const bank = withOwnerItems(ITEM_BANK, own ? asOf(ITEM_BANK, own, at) : null);
	const items = itemsFor(audience, period, bank).map((i) => i.id);
	const wanted = new Set(items);
	const unknown = Object.keys(answers).filter((id) => !wanted.has(id));
	if (unknown.length > 0) {
		// An item the person's role is asked, but retired by this period, says so.
		const retired = new Set(
			bank.items
				.filter((i) => i.retiredIn !== null && i.retiredIn <= period)
				.filter((i) => audience === 'manager' || i.audience === 'staff')
				.map((i) => i.id)
		);
		const allRetired = unknown.every((id) => retired.has(id));
		return {
			ok: false,
			status: allRetired ? 422 : 400,
			reason: allRetired ? 'retired_item' : 'unknown_item',
			fields: Object.fromEntries(
				unknown.map((id) => [`answers.${id}`, retired.has(id) ? 'retired_item' : 'unknown_item'])
			)
		};
	}
	const missing = items.filter((id) => answers[id] === undefined);
	if (missing.length > 0) {
		return {
			ok: false,
			status: 422,
			reason: 'invalid_value',
			fields: Object.fromEntries(missing.map((id) => [`answers.${id}`, 'required']))
		};
	}
	return { ok: true, audience, items };
}

/**
 * Stores a judged answer set, replacing what the person sent before for its period. Call inside
 * a transaction (the API's own, or the sync push's).
 */
export async function storeAnswers(
	trx: Transaction<Database>,
	actor: Actor,
	set: {
		audience: Audience;
		period: string;
		bankVersion: number;
		items: readonly string[];
		answers: Record<string, number>;
		submittedAt: string;
	}
): Promise<OwnSubmission> {
	const id = uuidv7();
	await trx
		.deleteFrom('competenceSubmissions')
		.where('userId', '=', actor.userId)
		.where('period', '=', set.period)
		.execute();
	await trx
		.insertInto('competenceSubmissions')
		.values({
			id,
			ownerId: actor.ownerId,
			kindergartenId: actor.kindergartenId!,
			userId: actor.userId,
			audience: set.audience,
			period: set.period,
			bankVersion: set.bankVersion,
			submittedAt: set.submittedAt
		})
		.execute();
	await trx
		.insertInto('competenceAnswers')
		.values(set.items.map((itemId) => ({ submissionId: id, itemId, level: set.answers[itemId]! })))
		.execute();
	return {
		period: set.period,
		audience: set.audience,
		bankVersion: set.bankVersion,
		submittedAt: set.submittedAt,
		answers: Object.fromEntries(set.items.map((itemId) => [itemId, set.answers[itemId]!]))
	};
}

/**
 * Saves the person's answers for a period, replacing what they sent before for it. Every item in
 * force for them must be answered (422 naming each missing one), no other (400 `unknown_item`).
 */
export async function submitAnswers(
	deps: ServerDeps,
	actor: Actor,
	period: string,
	body: unknown
): Promise<OwnSubmission> {
	await authorize(deps, actor, 'competence.answer');
	openPeriod(deps, period);
	const input = parseWith(competenceAnswersBody, body);
	const own = await ownerItemSet(deps.db, actor.ownerId);
	const judged = judgeAnswers(deps, actor, period, input.answers, own, input.bankVersion);
	if (!judged.ok) {
		throw new ApiError(judged.status, judged.reason, judged.fields);
	}
	const submittedAt = deps.clock.now().toISOString();
	return deps.db.transaction().execute((trx) =>
		storeAnswers(trx, actor, {
			audience: judged.audience,
			period,
			bankVersion: input.bankVersion,
			items: judged.items,
			answers: input.answers,
			submittedAt
		})
	);
}

/** The person's own answers, every period (their profile, and their export). */
export async function ownSubmissions(deps: ServerDeps, actor: Actor): Promise<OwnSubmission[]> {
	await authorize(deps, actor, 'competence.answer');
	const rows = await deps.db
		.selectFrom('competenceSubmissions as s')
		.innerJoin('competenceAnswers as a', 'a.submissionId', 's.id')
		.select(['s.period', 's.audience', 's.bankVersion', 's.submittedAt', 'a.itemId', 'a.level'])
		.where('s.userId', '=', actor.userId)
		.orderBy('s.period')
		.orderBy('a.itemId')
		.execute();
	const byPeriod = new Map<string, OwnSubmission>();
	for (const r of rows) {
		const s =
			byPeriod.get(r.period) ??
			({
				period: r.period,
				audience: r.audience,
				bankVersion: r.bankVersion,
				submittedAt: r.submittedAt,
				answers: {}
			} satisfies OwnSubmission);
		s.answers[r.itemId] = r.level;
		byPeriod.set(r.period, s);
	}
	return [...byPeriod.values()];
}

/** Deletes the person's own answers: one period's, or all (`period` null). */
export async function deleteOwn(
	deps: ServerDeps,
	actor: Actor,
	period: string | null
): Promise<number> {
	await authorize(deps, actor, 'competence.answer');
	if (period !== null && !PERIOD.test(period)) throw new ApiError(400, 'invalid_period');
	return deps.db.transaction().execute(async (trx) => {
		let ids = trx
			.selectFrom('competenceSubmissions')
			.select('id')
			.where('userId', '=', actor.userId);
		if (period !== null) ids = ids.where('period', '=', period);
		const found = (await ids.execute()).map((r) => r.id);
		if (found.length === 0) return 0;
		await trx.deleteFrom('competenceAnswers').where('submissionId', 'in', found).execute();
		await trx.deleteFrom('competenceSubmissions').where('id', 'in', found).execute();
		return found.length;
	});
}

// ————— Figures —————

export type Hidden = { shown: false; reason: SuppressionReason | 'no_answers' };

export interface AreaFigure {
	area: CompetenceArea;
	summary: LevelSummary;
	/** The mean level, unless the answers were unanimous (then only the range is shown). */
	mean: number | null;
	/** This period's mean minus the last shown period's, where both are shown. */
	change: number | null;
}

export interface ItemFigure {
	itemId: string;
	summary: LevelSummary;
	/** More than half at the two lowest levels. */
	gap: boolean;
}

export interface Figures {
	shown: true;
	respondents: number;
	areas: AreaFigure[];
	items: ItemFigure[];
	/** The period `change` is measured from, if any earlier period is shown. */
	comparedWith: string | null;
}

type Family = 'staff' | 'manager';

interface Counts {
	/** item → counts at levels 1..6 */
	byItem: Map<string, number[]>;
}

/** Everything the owner's figures are made of: member lists and counts, by group key. */
async function ownerFigures(deps: ServerDeps, ownerId: string) {
	// The owner's items count like the shipped ones; retired items still count where answered.
	const bank = withOwnerItems(ITEM_BANK, await ownerItemSet(deps.db, ownerId));
	const members = await deps.db
		.selectFrom('competenceSubmissions')
		.select(['kindergartenId', 'period', 'userId', 'audience'])
		.where('ownerId', '=', ownerId)
		.execute();
	// Counts in SQL: never the answers themselves.
	const counts = await deps.db
		.selectFrom('competenceAnswers as a')
		.innerJoin('competenceSubmissions as s', 's.id', 'a.submissionId')
		.select(({ fn }) => [
			's.kindergartenId',
			's.period',
			'a.itemId',
			'a.level',
			fn.countAll<number>().as('n')
		])
		.where('s.ownerId', '=', ownerId)
		.groupBy(['s.kindergartenId', 's.period', 'a.itemId', 'a.level'])
		.execute();

	const key = (family: Family, unit: string, period: string) => `${family}|${unit}|${period}`;
	const groupMembers = new Map<
		string,
		{ unit: string; period: string; family: Family; people: string[] }
	>();
	const add = (family: Family, unit: string, period: string, person: string) => {
		const k = key(family, unit, period);
		const g = groupMembers.get(k) ?? { unit, period, family, people: [] };
		g.people.push(person);
		groupMembers.set(k, g);
	};
	for (const m of members) {
		for (const family of m.audience === 'manager'
			? (['staff', 'manager'] as const)
			: (['staff'] as const)) {
			add(family, m.kindergartenId, m.period, m.userId);
			add(family, 'owner', m.period, m.userId);
		}
	}
	const groups: FigureGroup[] = [...groupMembers].map(([k, g]) => ({
		key: k,
		unit: `${g.family}|${g.unit}`,
		period: g.period,
		parent: g.unit === 'owner' ? null : `${g.family}|owner`,
		members: g.people
	}));
	const decisions = new Map(decideSuppression(groups).map((d) => [d.key, d]));

	const allManagerItems = new Set(
		bank.items.filter((i) => i.audience === 'manager').map((i) => i.id)
	);
	const tallies = new Map<string, Counts>();
	const tally = (k: string, itemId: string, level: number, n: number) => {
		const c = tallies.get(k) ?? { byItem: new Map<string, number[]>() };
		const levels = c.byItem.get(itemId) ?? [0, 0, 0, 0, 0, 0];
		levels[level - 1]! += Number(n);
		c.byItem.set(itemId, levels);
		tallies.set(k, c);
	};
	for (const r of counts) {
		const family: Family = allManagerItems.has(r.itemId) ? 'manager' : 'staff';
		tally(key(family, r.kindergartenId, r.period), r.itemId, r.level, r.n);
		tally(key(family, 'owner', r.period), r.itemId, r.level, r.n);
	}
	return { key, groupMembers, decisions, tallies, bank };
}

type OwnerData = Awaited<ReturnType<typeof ownerFigures>>;

function mean(counts: readonly number[]): number {
	const total = counts.reduce((a, b) => a + b, 0);
	return counts.reduce((sum, c, i) => sum + c * (i + 1), 0) / total;
}

function figuresOf(
	data: OwnerData,
	family: Family,
	unit: string,
	period: string
): Figures | Hidden {
	const k = data.key(family, unit, period);
	const group = data.groupMembers.get(k);
	const decision = data.decisions.get(k);
	if (!group || !decision) return { shown: false, reason: 'no_answers' };
	if (!decision.shown) return { shown: false, reason: decision.reason! };
	const respondents = group.people.length;
	const byItem = data.tallies.get(k)?.byItem ?? new Map<string, number[]>();
	const order = new Map(data.bank.items.map((i, n) => [i.id, n]));
	const items: ItemFigure[] = [...byItem]
		// An item not everyone answered (the bank changed within the period) would cover fewer.
		.filter(([, c]) => c.reduce((a, b) => a + b, 0) === respondents)
		.sort(([a], [b]) => (order.get(a) ?? 0) - (order.get(b) ?? 0))
		.map(([itemId, c]) => ({ itemId, summary: summariseLevels(c), gap: isGap(c) }));

	// The last earlier period of this unit that is shown, for the change.
	const earlier = [...data.groupMembers.values()]
		.filter((g) => g.family === family && g.unit === unit && g.period < period)
		.map((g) => g.period)
		.sort()
		.reverse()
		.find((p) => data.decisions.get(data.key(family, unit, p))?.shown);
	const areaCounts = (byItemOf: Map<string, number[]>) => {
		const out = new Map<CompetenceArea, number[]>();
		for (const [itemId, c] of byItemOf) {
			const area = data.bank.items.find((i) => i.id === itemId)?.area;
			if (!area) continue;
			const sum = out.get(area) ?? [0, 0, 0, 0, 0, 0];
			c.forEach((n, i) => (sum[i]! += n));
			out.set(area, sum);
		}
		return out;
	};
	const now = areaCounts(byItem);
	const before = earlier
		? areaCounts(data.tallies.get(data.key(family, unit, earlier))!.byItem)
		: null;
	const areas: AreaFigure[] = COMPETENCE_AREAS.filter((a) => now.has(a)).map((area) => {
		const summary = summariseLevels(now.get(area)!);
		const m = summary.kind === 'distribution' ? mean(now.get(area)!) : null;
		const previous = before?.get(area);
		const previousSummary = previous ? summariseLevels(previous) : null;
		const change =
			m !== null && previous && previousSummary?.kind === 'distribution'
				? Math.round((m - mean(previous)) * 100) / 100
				: null;
		return { area, summary, mean: m === null ? null : Math.round(m * 100) / 100, change };
	});
	return { shown: true, respondents, areas, items, comparedWith: earlier ?? null };
}

/** The periods with any answers in the owner, newest first. */
function periodsOf(data: OwnerData): string[] {
	return [...new Set([...data.groupMembers.values()].map((g) => g.period))].sort().reverse();
}

export interface KindergartenReview {
	kindergarten: { id: string; name: string };
	period: string;
	periods: string[];
	staff: Figures | Hidden;
	managers: Figures | Hidden;
}

/** A kindergarten's figures for a period (its manager, or an owner administrator). */
export async function reviewKindergarten(
	deps: ServerDeps,
	actor: Actor,
	kindergartenId: string,
	period: string | null
): Promise<KindergartenReview> {
	await authorize(deps, actor, 'competence.review');
	const kg = await kindergartenInScope(deps, actor, kindergartenId);
	if (period !== null && !PERIOD.test(period)) throw new ApiError(400, 'invalid_period');
	const data = await ownerFigures(deps, actor.ownerId);
	const shownPeriod = period ?? currentPeriod(deps);
	return {
		kindergarten: { id: kg.id, name: kg.name },
		period: shownPeriod,
		periods: periodsOf(data),
		staff: figuresOf(data, 'staff', kg.id, shownPeriod),
		managers: figuresOf(data, 'manager', kg.id, shownPeriod)
	};
}

export interface OwnerOverview {
	period: string;
	periods: string[];
	total: { staff: Figures | Hidden; managers: Figures | Hidden };
	kindergartens: Array<{
		id: string;
		name: string;
		staff: Figures | Hidden;
		managers: Figures | Hidden;
	}>;
}

/** The owner's figures across its kindergartens and per kindergarten (owner administrators). */
export async function ownerOverview(
	deps: ServerDeps,
	actor: Actor,
	period: string | null
): Promise<OwnerOverview> {
	await authorize(deps, actor, 'competence.review');
	if (actor.role !== 'ownerAdmin') await refuse(deps, actor, 403, 'owner_admin_only');
	if (period !== null && !PERIOD.test(period)) throw new ApiError(400, 'invalid_period');
	const data = await ownerFigures(deps, actor.ownerId);
	const shownPeriod = period ?? currentPeriod(deps);
	const kindergartens = await deps.db
		.selectFrom('kindergartens')
		.select(['id', 'name'])
		.where('ownerId', '=', actor.ownerId)
		.orderBy('name')
		.execute();
	return {
		period: shownPeriod,
		periods: periodsOf(data),
		total: {
			staff: figuresOf(data, 'staff', 'owner', shownPeriod),
			managers: figuresOf(data, 'manager', 'owner', shownPeriod)
		},
		kindergartens: kindergartens.map((k) => ({
			id: k.id,
			name: k.name,
			staff: figuresOf(data, 'staff', k.id, shownPeriod),
			managers: figuresOf(data, 'manager', k.id, shownPeriod)
		}))
	};
}
