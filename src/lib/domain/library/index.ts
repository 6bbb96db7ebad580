import type { LibraryTool } from './activity';
import type { BuiltInActivity, LibraryActivity } from './library-activity';
import { loadBuiltIn } from './built-in';
import { minutesOfDay } from '../calendar';
import { sessionDates } from '../opening-days';
import { uuidv7 } from '../ids';
import { STOP_MOTION_ROLES } from './activity';
import { foldForSearch } from '../plan-filter';
import type { ActivitySetting } from './activity';
import type { LearningArea } from '../vocabulary';
import { LIMITS, type PlanContent, type PlanSeries, type PlanRota } from '../plan';
import type { PlanForm } from '../plan-form';

export * from './activity';
export * from './library-activity';
export { roleRota, rolesByChild, MAX_CHILDREN, type RotaTurn } from './rota';

export interface ActivityFilter {
	tool?: LibraryTool;
	/** Keeps activities suited to a child of this age (in whole years). */
	age?: number;
	setting?: 'indoor' | 'outdoor';
	learningArea?: LearningArea;
	text?: string;
}

function fitsSetting(setting: ActivitySetting, wanted: 'indoor' | 'outdoor'): boolean {
	return setting === 'both' || setting === wanted;
}

export function filterActivities(
	activities: readonly LibraryActivity[],
	filter: ActivityFilter
): LibraryActivity[] {
	const words = foldForSearch(filter.text ?? '')
		.split(/\s+/)
		.filter(Boolean);
	return activities.filter((a) => {
		if (filter.tool && a.tool !== filter.tool) return false;
		if (filter.age !== undefined && (filter.age < a.ageMin || filter.age > a.ageMax)) return false;
		if (filter.setting && !fitsSetting(a.setting, filter.setting)) return false;
		if (filter.learningArea && !a.learningAreas.includes(filter.learningArea)) return false;
		if (words.length > 0) {
			const haystack = foldForSearch(
				[a.title, a.summary, ...a.materials, ...a.steps, ...a.talkAbout, ...a.staffTips].join('\n')
			);
			if (!words.every((w) => haystack.includes(w))) return false;
		}
		return true;
	});
}

function clock(minutes: number): string {
	const m = Math.min(Math.max(minutes, 0), 23 * 60 + 59);
	return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

function description(activity: LibraryActivity, materialsLabel: string): string {
	const steps = activity.steps.map((s, i) => `${i + 1}. ${s}`).join('\n');
	const materials = activity.materials.map((s) => `– ${s}`).join('\n');
	return `${activity.summary}\n\n${steps}\n\n${materialsLabel}:\n${materials}`;
}

/**
 * A plan's goals from the activity's own goals, one a line. An own activity without goals
 * leaves them empty for the person to write: the questions to talk about with the children
 * are not goals (issue 12, point 7).
 */
export function planGoals(activity: LibraryActivity): string {
	return (activity.goals ?? []).join('\n').slice(0, LIMITS.goals);
}

/** A plan form prefilled from an activity, for the group and day chosen ("plan this"). */
export function planFormFromActivity(
	activity: LibraryActivity,
	groupId: string,
	date: string,
	startTime: string,
	labels: { materials: string; toolName: string }
): PlanForm {
	const start = minutesOfDay(startTime);
	return {
		groupId,
		title: activity.title.slice(0, LIMITS.title),
		date,
		startTime,
		endTime: clock(start + activity.durationMinutes),
		goals: planGoals(activity),
		description: description(activity, labels.materials).slice(0, LIMITS.description),
		learningAreas: [...activity.learningAreas],
		clauses: [...activity.clauses],
		tools: labels.toolName,
		screenMode: activity.screenMode,
		screenMinutes: String(activity.screenMinutes),
		adultParticipates: activity.adultParticipates,
		photographed: false,
		storage: '',
		consent: false,
		privacyNotes: activity.privacy,
		status: 'planned'
	};
}

export interface SeriesOptions {
	groupId: string;
	firstDate: string;
	/**
	 * Days from one session to the next (1: every day, 7: once a week), on the kindergarten's
	 * opening days only (`sessionDates`: no weekends, no public holidays).
	 */
	daysBetween: number;
	startTime: string;
	/** How many children take part: counted, not named. */
	children: number;
	labels: {
		materials: string;
		toolName: string;
		sessionTitle: (phase: string, n: number, of: number) => string;
	};
}

export interface SeriesPlan {
	content: PlanContent;
	series: PlanSeries;
	rota: PlanRota | null;
}

/**
 * A stop-motion activity as a series of plans, one per phase, with the role rota on the
 * sessions where children rotate roles.
 */
export function seriesFromStopMotion(
	activity: LibraryActivity,
	options: SeriesOptions,
	now = Date.now()
): SeriesPlan[] {
	const phases = activity.phases ?? [];
	const seriesId = uuidv7(now);
	const start = minutesOfDay(options.startTime);
	const dates = sessionDates(options.firstDate, phases.length, options.daysBetween);
	return phases.map((phase, index) => {
		const content: PlanContent = {
			groupId: options.groupId,
			title: options.labels
				.sessionTitle(`${activity.title}: ${phase.title}`, index + 1, phases.length)
				.slice(0, LIMITS.title),
			date: dates[index]!,
			startTime: options.startTime,
			endTime: clock(start + phase.minutes),
			goals: planGoals(activity),
			description: (index === 0
				? description(activity, options.labels.materials)
				: `${phase.title}\n\n${activity.summary}`
			).slice(0, LIMITS.description),
			learningAreas: [...activity.learningAreas],
			clauses: [...activity.clauses],
			tools: [options.labels.toolName],
			screenMode: phase.screenMode,
			screenMinutes: phase.screenMinutes,
			adultParticipates: activity.adultParticipates,
			privacy: { photographed: false, storage: '', consent: false, notes: activity.privacy },
			status: 'planned',
			evaluation: null
		};
		return {
			content,
			series: {
				id: seriesId,
				index: index + 1,
				count: phases.length,
				activityId: activity.id,
				phase: phase.phase
			},
			rota: phase.rotatesRoles
				? { children: options.children, roles: [...STOP_MOTION_ROLES] }
				: null
		};
	});
}

/**
 * The built-in library in one locale, loaded on demand: its facts and that locale's texts only
 * (a further locale's missing texts fall back to bokmål; see content.ts).
 */
export function loadBuiltInActivities(locale: string): Promise<BuiltInActivity[]> {
	return loadBuiltIn(locale);
}
