import type { ActivityPlan } from './plan';
import { APPROVAL_STATES, approvalState, type ApprovalState } from './approval';
import { isValidDate } from './calendar';
import {
	DIGITAL_CLAUSES,
	LEARNING_AREAS,
	PLAN_STATUSES,
	SCREEN_MODES,
	type DigitalClause,
	type LearningArea,
	type PlanStatus,
	type ScreenMode
} from './vocabulary';

/** Not a stored status: the plans carried out, evaluated or not (`done` or `evaluated`). */
export const COMPLETED = 'completed';
export type StatusFilter = PlanStatus | typeof COMPLETED;
export const STATUS_FILTERS: readonly StatusFilter[] = [...PLAN_STATUSES, COMPLETED];

export interface PlanFilter {
	groupId?: string;
	learningArea?: LearningArea;
	clause?: DigitalClause;
	status?: StatusFilter;
	screenMode?: ScreenMode;
	/** Where the plan stands with the manager (`domain/approval.ts`). */
	approval?: ApprovalState;
	/** The first day (`YYYY-MM-DD`), inclusive. */
	from?: string;
	/** The last day (`YYYY-MM-DD`), inclusive. */
	to?: string;
	tool?: string;
	text?: string;
}

/** Lower-cases text for matching; Norwegian letters stay as they are (å is not a). */
export function foldForSearch(text: string): string {
	return text.toLocaleLowerCase('nb').trim();
}

function searchableText(plan: ActivityPlan): string {
	const parts = [plan.title, plan.goals, plan.description, plan.tools.join(' ')];
	if (plan.evaluation) {
		parts.push(plan.evaluation.whatWorked, plan.evaluation.participation, plan.evaluation.followUp);
	}
	return foldForSearch(parts.join('\n'));
}

function statusMatches(status: PlanStatus, filter: StatusFilter): boolean {
	return filter === COMPLETED ? status === 'done' || status === 'evaluated' : status === filter;
}

/**
 * Keeps the plans that match every given criterion, newest date first. Text matches when every
 * word typed occurs somewhere in the plan's text fields.
 */
export function filterPlans(plans: readonly ActivityPlan[], filter: PlanFilter): ActivityPlan[] {
	const words = foldForSearch(filter.text ?? '')
		.split(/\s+/)
		.filter((w) => w.length > 0);
	const tool = foldForSearch(filter.tool ?? '');
	const result = plans.filter((plan) => {
		if (plan.deletedAt !== null) return false;
		if (filter.groupId && plan.groupId !== filter.groupId) return false;
		if (filter.status && !statusMatches(plan.status, filter.status)) return false;
		if (filter.learningArea && !plan.learningAreas.includes(filter.learningArea)) return false;
		if (filter.clause && !plan.clauses.includes(filter.clause)) return false;
		if (filter.screenMode && plan.screenMode !== filter.screenMode) return false;
		if (filter.approval && approvalState(plan) !== filter.approval) return false;
		if (filter.from && plan.date < filter.from) return false;
		if (filter.to && plan.date > filter.to) return false;
		if (tool && !plan.tools.some((t) => foldForSearch(t).includes(tool))) return false;
		if (words.length > 0) {
			const haystack = searchableText(plan);
			if (!words.every((w) => haystack.includes(w))) return false;
		}
		return true;
	});
	return result.sort(byDateDescending);
}

export function byDateDescending(a: ActivityPlan, b: ActivityPlan): number {
	return b.date.localeCompare(a.date) || b.startTime.localeCompare(a.startTime);
}

/** Every tool named in the plans, once, sorted: the choices of the tool filter. */
export function toolsIn(plans: readonly ActivityPlan[]): string[] {
	const seen = new Map<string, string>();
	for (const plan of plans) {
		if (plan.deletedAt !== null) continue;
		for (const t of plan.tools) {
			const key = foldForSearch(t);
			if (!seen.has(key)) seen.set(key, t);
		}
	}
	return [...seen.values()].sort((a, b) => a.localeCompare(b, 'nb'));
}

/** Each filter's name in the plan list's address (`/plans?…`), in the order it is written. */
export const FILTER_PARAMS = {
	text: 'q',
	groupId: 'group',
	learningArea: 'area',
	clause: 'clause',
	status: 'status',
	screenMode: 'mode',
	approval: 'approval',
	from: 'from',
	to: 'to',
	tool: 'tool'
} as const satisfies Record<keyof PlanFilter, string>;

const oneOf =
	<T extends string>(values: readonly T[]) =>
	(value: string): value is T =>
		(values as readonly string[]).includes(value);

const VALID: Record<keyof PlanFilter, (value: string) => boolean> = {
	text: () => true,
	groupId: () => true,
	learningArea: oneOf(LEARNING_AREAS),
	clause: oneOf(DIGITAL_CLAUSES),
	status: oneOf(STATUS_FILTERS),
	screenMode: oneOf(SCREEN_MODES),
	approval: oneOf(APPROVAL_STATES),
	from: isValidDate,
	to: isValidDate,
	tool: () => true
};

/**
 * The filter an address asks for. A value that is not one of the filter's choices (an unknown
 * area, a date that does not exist) is left out, as if the filter were not set.
 */
export function filterFromQuery(params: URLSearchParams): PlanFilter {
	const filter: Record<string, string> = {};
	for (const [key, name] of Object.entries(FILTER_PARAMS) as [keyof PlanFilter, string][]) {
		const value = params.get(name);
		if (value && VALID[key](value)) filter[key] = value;
	}
	return filter;
}

/** The plan list's address for a filter: `/plans?…` with every filter set, nothing else. */
export function plansHref(filter: PlanFilter): string {
	const params = new URLSearchParams();
	for (const [key, name] of Object.entries(FILTER_PARAMS) as [keyof PlanFilter, string][]) {
		const value = filter[key];
		if (value) params.set(name, value);
	}
	const query = params.toString();
	return query ? `/plans?${query}` : '/plans';
}
