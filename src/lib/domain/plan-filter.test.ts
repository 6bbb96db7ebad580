import { describe, expect, it } from 'vitest';
import { uuidv7 } from './ids';
import type { ActivityPlan } from './plan';
import {
	filterFromQuery,
	filterPlans,
	foldForSearch,
	plansHref,
	toolsIn,
	type PlanFilter
} from './plan-filter';

const KINDERGARTEN = uuidv7();
const HUMLA = uuidv7();
const KNOTTENE = uuidv7();
const STAMP = '2026-11-20T08:00:00.000Z';

function plan(overrides: Partial<ActivityPlan>): ActivityPlan {
	return {
		id: uuidv7(),
		kindergartenId: KINDERGARTEN,
		groupId: HUMLA,
		title: 'Aktivitet',
		date: '2026-11-24',
		startTime: '09:30',
		endTime: '10:15',
		goals: '',
		description: '',
		learningAreas: ['communication'],
		clauses: [],
		tools: [],
		screenMode: 'screenFree',
		screenMinutes: 0,
		adultParticipates: true,
		privacy: { photographed: false, storage: '', consent: false, notes: '' },
		status: 'planned',
		evaluation: null,
		createdAt: STAMP,
		updatedAt: STAMP,
		deletedAt: null,
		...overrides
	};
}

const beeBot = plan({
	title: 'Bee-Bot på eventyrmatta',
	date: '2026-11-24',
	goals: 'Barna programmerer en rute.',
	learningAreas: ['quantities', 'nature'],
	tools: ['Bee-Bot', 'Eventyrmatte'],
	status: 'planned'
});
const stopMotion = plan({
	title: 'Stopmotion om Snegla',
	date: '2026-11-26',
	startTime: '12:30',
	endTime: '13:30',
	description: 'Figurer i plastilina, vi filmer med nettbrett.',
	learningAreas: ['art', 'communication'],
	tools: ['Nettbrett', 'Stop Motion Studio'],
	screenMode: 'creative',
	screenMinutes: 25,
	status: 'evaluated',
	evaluation: {
		whatWorked: 'Rollene gjorde at alle var med.',
		participation: 'Fire barn i hver gruppe.',
		followUp: 'Spille inn lyd neste uke.'
	}
});
const cubetto = plan({
	groupId: KNOTTENE,
	title: 'Cubetto finner veien hjem',
	date: '2026-11-26',
	startTime: '09:15',
	endTime: '09:55',
	learningAreas: ['quantities', 'ethics'],
	tools: ['cubetto', 'NETTBRETT'],
	status: 'draft'
});
const deleted = plan({
	title: 'Slettet Bee-Bot-økt',
	date: '2026-12-01',
	tools: ['Bee-Bot', 'Lego'],
	deletedAt: '2026-11-21T10:00:00.000Z'
});

const ALL = [beeBot, stopMotion, cubetto, deleted];
const titles = (plans: ActivityPlan[]) => plans.map((p) => p.title);

describe('filterPlans', () => {
	it('with no criteria lists every plan that is not deleted, newest first', () => {
		expect(titles(filterPlans(ALL, {}))).toEqual([
			'Stopmotion om Snegla', // 26.11 12:30
			'Cubetto finner veien hjem', // 26.11 09:15
			'Bee-Bot på eventyrmatta' // 24.11
		]);
	});

	it('never shows a deleted plan, whatever matches it', () => {
		expect(filterPlans(ALL, { text: 'slettet' })).toEqual([]);
		expect(filterPlans(ALL, { tool: 'lego' })).toEqual([]);
		expect(filterPlans([deleted], {})).toEqual([]);
	});

	it('keeps the plans of one group', () => {
		expect(titles(filterPlans(ALL, { groupId: KNOTTENE }))).toEqual(['Cubetto finner veien hjem']);
		expect(titles(filterPlans(ALL, { groupId: HUMLA }))).toEqual([
			'Stopmotion om Snegla',
			'Bee-Bot på eventyrmatta'
		]);
	});

	it('keeps the plans that touch a learning area', () => {
		expect(titles(filterPlans(ALL, { learningArea: 'quantities' }))).toEqual([
			'Cubetto finner veien hjem',
			'Bee-Bot på eventyrmatta'
		]);
		expect(filterPlans(ALL, { learningArea: 'body' })).toEqual([]);
	});

	it('keeps the plans with a status', () => {
		expect(titles(filterPlans(ALL, { status: 'evaluated' }))).toEqual(['Stopmotion om Snegla']);
		expect(titles(filterPlans(ALL, { status: 'draft' }))).toEqual(['Cubetto finner veien hjem']);
	});

	it('matches a tool by part of its name, ignoring case', () => {
		expect(titles(filterPlans(ALL, { tool: 'nettbrett' }))).toEqual([
			'Stopmotion om Snegla',
			'Cubetto finner veien hjem'
		]);
		expect(titles(filterPlans(ALL, { tool: 'BEE' }))).toEqual(['Bee-Bot på eventyrmatta']);
		expect(titles(filterPlans(ALL, { tool: 'motion stu' }))).toEqual(['Stopmotion om Snegla']);
	});

	it('matches every typed word, each anywhere in the text fields', () => {
		// "plastilina" is in the description, "lyd" in the evaluation.
		expect(titles(filterPlans(ALL, { text: 'Plastilina  LYD' }))).toEqual(['Stopmotion om Snegla']);
		// "rute" is in the goals, "eventyrmatte" a tool.
		expect(titles(filterPlans(ALL, { text: 'rute eventyrmatte' }))).toEqual([
			'Bee-Bot på eventyrmatta'
		]);
		// Both words must occur in the same plan.
		expect(filterPlans(ALL, { text: 'cubetto plastilina' })).toEqual([]);
	});

	it('searches the evaluation only of plans that have one', () => {
		expect(titles(filterPlans(ALL, { text: 'rollene' }))).toEqual(['Stopmotion om Snegla']);
	});

	it('keeps Norwegian letters distinct', () => {
		expect(titles(filterPlans(ALL, { text: 'på' }))).toEqual(['Bee-Bot på eventyrmatta']);
		expect(filterPlans(ALL, { text: 'pa eventyrmatta' })).toEqual([]);
	});

	it('treats blank text and tool as no criterion', () => {
		expect(filterPlans(ALL, { text: '   ', tool: ' ' })).toHaveLength(3);
	});

	it('combines criteria', () => {
		expect(
			titles(filterPlans(ALL, { groupId: HUMLA, tool: 'nettbrett', learningArea: 'art' }))
		).toEqual(['Stopmotion om Snegla']);
		expect(filterPlans(ALL, { groupId: KNOTTENE, status: 'planned' })).toEqual([]);
	});

	it('does not reorder the list it was given', () => {
		const input = [beeBot, stopMotion, cubetto];
		filterPlans(input, {});
		expect(input).toEqual([beeBot, stopMotion, cubetto]);
	});
});

describe('filterPlans: the overview’s filters and the approval state', () => {
	const approved = plan({
		title: 'Godkjent plan',
		date: '2026-11-30',
		clauses: ['create', 'explore'],
		screenMode: 'creative',
		screenMinutes: 20,
		status: 'done',
		approval: {
			decision: 'approved',
			by: 'Styrer',
			at: '2026-11-25T10:00:00.000Z',
			note: ''
		}
	});
	const changed = plan({
		title: 'Endret etter godkjenning',
		date: '2026-12-01',
		approval: approved.approval!,
		changedSinceApproval: '2026-11-26T10:00:00.000Z'
	});
	const sentBack = plan({
		title: 'Sendt tilbake',
		date: '2026-12-02',
		approval: { ...approved.approval!, decision: 'changesRequested', note: 'Kortere' }
	});
	const plans = [...ALL, approved, changed, sentBack];

	it('keeps the plans in the approval state asked for, in words a manager uses', () => {
		expect(titles(filterPlans(plans, { approval: 'approved' }))).toEqual(['Godkjent plan']);
		expect(titles(filterPlans(plans, { approval: 'changed' }))).toEqual([
			'Endret etter godkjenning'
		]);
		expect(titles(filterPlans(plans, { approval: 'sentBack' }))).toEqual(['Sendt tilbake']);
		// Never decided on: the three demo plans that are not deleted.
		expect(filterPlans(plans, { approval: 'waiting' })).toHaveLength(3);
	});

	it('keeps the plans of a date range, both ends included', () => {
		expect(titles(filterPlans(plans, { from: '2026-11-26', to: '2026-11-30' }))).toEqual([
			'Godkjent plan',
			'Stopmotion om Snegla',
			'Cubetto finner veien hjem'
		]);
		expect(titles(filterPlans(plans, { from: '2026-12-02' }))).toEqual(['Sendt tilbake']);
		expect(titles(filterPlans(plans, { to: '2026-11-24' }))).toEqual(['Bee-Bot på eventyrmatta']);
	});

	it('keeps the plans serving a clause, of a screen mode, or carried out', () => {
		expect(titles(filterPlans(plans, { clause: 'create' }))).toEqual(['Godkjent plan']);
		expect(titles(filterPlans(plans, { screenMode: 'creative' }))).toEqual([
			'Godkjent plan',
			'Stopmotion om Snegla'
		]);
		// Carried out: done, or done and evaluated.
		expect(titles(filterPlans(plans, { status: 'completed' }))).toEqual([
			'Godkjent plan',
			'Stopmotion om Snegla'
		]);
	});
});

describe('the plan list’s address', () => {
	it('gives back the filter it was made from', () => {
		const filter: PlanFilter = {
			text: 'bee bot',
			groupId: HUMLA,
			learningArea: 'art',
			clause: 'assess',
			status: 'completed',
			screenMode: 'screenFree',
			approval: 'sentBack',
			from: '2026-11-02',
			to: '2026-11-29',
			tool: 'Bee-Bot & co'
		};
		const href = plansHref(filter);
		expect(href.startsWith('/plans?')).toBe(true);
		expect(filterFromQuery(new URL(href, 'http://x').searchParams)).toEqual(filter);
		expect(plansHref({})).toBe('/plans');
	});

	it('leaves out what is not one of a filter’s choices', () => {
		const params = new URLSearchParams(
			'area=space&status=lost&mode=vr&approval=maybe&from=2026-02-30&to=soon&clause=x&group=g'
		);
		expect(filterFromQuery(params)).toEqual({ groupId: 'g' });
	});
});

describe('toolsIn', () => {
	it('names each tool once, ignoring case, sorted, leaving out deleted plans', () => {
		expect(toolsIn(ALL)).toEqual(
			['Bee-Bot', 'Eventyrmatte', 'Nettbrett', 'Stop Motion Studio', 'cubetto'].sort((a, b) =>
				a.localeCompare(b, 'nb')
			)
		);
	});

	it('keeps the spelling seen first', () => {
		expect(toolsIn([cubetto, stopMotion])).toContain('NETTBRETT');
		expect(toolsIn([cubetto, stopMotion])).not.toContain('Nettbrett');
		expect(toolsIn([stopMotion, cubetto])).toContain('Nettbrett');
	});

	it('leaves out tools used only by deleted plans', () => {
		expect(toolsIn(ALL)).not.toContain('Lego');
	});
});

describe('foldForSearch', () => {
	it('lower-cases and trims, keeping æ, ø and å', () => {
		expect(foldForSearch('  ØRNEREDET Æ Å ')).toBe('ørneredet æ å');
	});
});
