import type { ActivityPlan } from './plan';
import type { LearningArea, PlanStatus } from './vocabulary';

export interface PlanFilter {
	groupId?: string;
	learningArea?: LearningArea;
	status?: PlanStatus;
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
		if (filter.status && plan.status !== filter.status) return false;
		if (filter.learningArea && !plan.learningAreas.includes(filter.learningArea)) return false;
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
