import type { z } from 'zod/mini';
import { minutesOfDay } from './calendar';
import type { ActivityPlan, PlanContent } from './plan';
import type { PlanStatus } from './vocabulary';

/**
 * What the app knows of a plan without its schemas (plan.ts): limits, order, duration, when it
 * can be evaluated, and a schema's issues as field problems. The first page takes these from
 * here, so it does not load zod (ADR 12); plan.ts re-exports them.
 */

export const LIMITS = {
	title: 120,
	goals: 2000,
	description: 4000,
	tool: 60,
	tools: 12,
	privacyText: 1000,
	evaluationText: 2000,
	screenMinutes: 600
} as const;

export function durationMinutes(plan: Pick<PlanContent, 'startTime' | 'endTime'>): number {
	return minutesOfDay(plan.endTime) - minutesOfDay(plan.startTime);
}

export function isActive(plan: Pick<ActivityPlan, 'deletedAt'>): boolean {
	return plan.deletedAt === null;
}

/** Earliest first: the order of a week. */
export function byTimeOfDay(a: ActivityPlan, b: ActivityPlan): number {
	return a.date.localeCompare(b.date) || a.startTime.localeCompare(b.startTime);
}

/** A field's problem, as a reason code the UI turns into a sentence, with its limit if any. */
export interface FieldProblem {
	code: string;
	limit?: number;
}
export type FieldProblems = Record<string, FieldProblem>;

/** Flattens zod issues into one problem per field path (`privacy.consent`), first one wins. */
export function problemsOf(error: z.core.$ZodError): FieldProblems {
	const problems: FieldProblems = {};
	for (const issue of error.issues) {
		const path = issue.path.map(String);
		// An issue inside a list item (tools.3) belongs beside the list.
		const key = path.filter((p) => !/^\d+$/.test(p)).join('.') || '_';
		if (problems[key]) continue;
		const limit =
			issue.code === 'too_big'
				? Number(issue.maximum)
				: issue.code === 'too_small'
					? Number(issue.minimum)
					: undefined;
		problems[key] = {
			code: issue.message,
			...(limit !== undefined && Number.isFinite(limit) ? { limit } : {})
		};
	}
	return problems;
}

/** The status a plan takes when evaluated: evaluating is the last step. */
export const EVALUATED: PlanStatus = 'evaluated';

/**
 * Whether a plan can be evaluated on `today`: from the day it is planned for, not before (an
 * evaluation is of what happened). Both are `YYYY-MM-DD`, so text order is date order.
 */
export function evaluationOpen(planDate: string, today: string): boolean {
	return today >= planDate;
}
