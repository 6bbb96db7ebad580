import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from '$lib/domain/ids';
import { hashToken, newToken } from '$lib/server/auth/tokens';
import type { Role } from '$lib/server/db';
import { apiRoutes } from '$lib/server/api/app';
import {
	describeEachDatabase,
	PASSWORD,
	seedOwner,
	signIn,
	startTestServer,
	whoIs,
	type SeededOwner,
	type TestServer
} from './harness';
import { expectUnchanged, snapshot } from './snapshot';
import { activityFields, planFields } from './sync-fixtures';
import { SHARED_ACTIVITIES_SCHEMA, type PullResponse, type PushResponse } from '$lib/sync';
import { sharedColumn } from '$lib/server/use-cases/sync/rows';
import { DEFAULT_GUIDANCE } from '$lib/domain/guidance-default';
import { developmentPlanContent } from '$lib/domain/competence/development-plan-fixture';
import { itemsFor } from '$lib/server/use-cases/competence';
import { hashPassword } from '$lib/server/auth/passwords';
import { digitalPlanContent } from '$lib/domain/digital-plan-fixture';
import { buildSummary, weekPeriod } from '$lib/domain/parent-summary-build';
import { addDays } from '$lib/domain/calendar';
import { blankEntryFields } from '$lib/domain/register';
import { storeSequence, takeSequence } from '$lib/server/use-cases/sequence';
import { insertEntry } from './register-fixtures';

/**
 * The full access matrix (docs/design/security.md): every role × every endpoint × every kind of
 * record an id can name, including records of another kindergarten and of another owner. A refusal
 * is the same whether or not the record exists, and changes nothing but the audit log (one
 * `access_refused` row per refused signed-in request).
 *
 * To extend it, add rows to MATRIX (and, for a new kind of record, a TARGETS entry).
 */

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** The callers, in the order of the status columns. All of them belong to owner a. */
const CALLERS = ['anonymous', 'parent', 'staff', 'manager', 'ownerAdmin'] as const;
type Caller = (typeof CALLERS)[number];

/**
 * What an id in a row can name. Owner a's first kindergarten is "own": the manager, staff and
 * parent belong to it, and the parent to its first group. Owner b is another owner. Targets
 * marked fresh are made anew for every cell, so a successful write never spoils later cells.
 */
const TARGETS = {
	'kg.own': "owner a's first kindergarten: the callers' own, with groups and people",
	'kg.sibling': "owner a's second kindergarten: same owner, not the callers' own",
	'kg.foreign': "owner b's first kindergarten: another owner",
	'kg.empty': 'fresh: an empty kindergarten of owner a (deletable)',
	'kg.foreign-empty': 'fresh: an empty kindergarten of owner b (deletable, were it in scope)',
	'group.own': "the parent's group in the own kindergarten (has a parent: not deletable)",
	'group.kg': 'the other group of the own kindergarten',
	'group.sibling': "a group of owner a's second kindergarten",
	'group.foreign': "a group of owner b's first kindergarten",
	'group.empty': 'fresh: an empty group of the own kindergarten',
	'group.sibling-empty': "fresh: an empty group of owner a's second kindergarten",
	'group.foreign-empty': "fresh: an empty group of owner b's first kindergarten",
	'user.own-kg': 'fresh: a staff member of the own kindergarten',
	'user.sibling-kg': "fresh: a staff member of owner a's second kindergarten",
	'user.foreign': "fresh: a staff member of owner b's first kindergarten",
	'invitation.own': 'fresh: a pending invitation of owner a',
	'invitation.foreign': 'fresh: a pending invitation of owner b',
	'plan.own': 'fresh: a synced plan of the own kindergarten',
	'plan.sibling': "fresh: a synced plan of owner a's second kindergarten",
	'plan.foreign': "fresh: a synced plan of owner b's first kindergarten",
	'devplan.own': 'fresh: a competence development plan of the own kindergarten',
	'devplan.sibling': "fresh: a competence development plan of owner a's second kindergarten",
	'devplan.foreign': "fresh: a competence development plan of owner b's first kindergarten",
	'digiplan.own': 'fresh: a digital plan of the own kindergarten',
	'digiplan.sibling': "fresh: a digital plan of owner a's second kindergarten",
	'digiplan.foreign': "fresh: a digital plan of owner b's first kindergarten",
	'activity.own': 'fresh: an own activity of the own kindergarten, not shared',
	'activity.sibling-shared':
		"fresh: an own activity of owner a's second kindergarten, shared with the owner's others",
	'activity.foreign-shared': "fresh: an own activity of owner b's first kindergarten, shared",
	'conflict.own': 'fresh: an unresolved sync conflict in the own kindergarten',
	'conflict.sibling': "fresh: an unresolved sync conflict in owner a's second kindergarten",
	'conflict.foreign': "fresh: an unresolved sync conflict in owner b's first kindergarten",
	'planEntry.own': "fresh: an entry of owner a's competence plan for the own kindergarten",
	'planEntry.sibling': "fresh: an entry of owner a's competence plan for its second kindergarten",
	'planEntry.all': "fresh: an entry of owner a's competence plan for every kindergarten",
	'planEntry.foreign': "fresh: an entry of owner b's competence plan",
	'item.own': "fresh: a competence item of owner a's own",
	'item.foreign': "fresh: a competence item of owner b's own",
	'request.own': 'fresh: a pending deletion request of a staff member of the own kindergarten',
	'request.foreign': "fresh: a pending deletion request of a staff member of owner b's",
	'answers.other':
		'fresh: competence answers another staff member of the own kindergarten pushed through sync',
	'summary.own': "fresh: a published summary of the own kindergarten's other group",
	'summary.sibling': "fresh: a published summary of owner a's second kindergarten",
	'summary.foreign': "fresh: a published summary of owner b's first kindergarten",
	'parentCode.own': 'fresh: a join code for a group of the own kindergarten',
	'parentCode.sibling': "fresh: a join code for a group of owner a's second kindergarten",
	'parentCode.foreign': "fresh: a join code for a group of owner b's first kindergarten",
	'question.own': "fresh: a parent's question to the own kindergarten",
	'question.sibling': "fresh: a parent's question to owner a's second kindergarten",
	'question.foreign': "fresh: a parent's question to owner b's first kindergarten",
	'entry.own': "fresh: an entry of owner a's register of tools",
	'entry.foreign': "fresh: an entry of owner b's register of tools",
	'proposal.own': 'fresh: an open proposal for the register from the own kindergarten',
	'proposal.sibling': "fresh: an open proposal for the register from owner a's second kindergarten",
	'proposal.foreign': "fresh: an open proposal for the register from owner b's first kindergarten",
	missing: 'a well-formed id that names nothing'
} as const;
type Target = keyof typeof TARGETS;

/**
 * [method, path, target, statuses, body?, outcome?]. In the path and body, `:id` stands for the
 * target's id, `:user` for a fresh staff member of the own kindergarten, and `:client` and
 * `:record` for fresh ids (a sync client, a new record). Statuses are one per caller:
 *
 *   anonymous parent staff manager ownerAdmin
 *
 * 401 is `not_signed_in`, 403 `forbidden`, 404 `not_found`, 409 the reason in CONFLICTS. A row
 * without a body sends BODIES[`${method} ${path}`] if there is one.
 */
type Row = [
	Method,
	string,
	Target | null,
	string,
	Json?,
	(Outcome | Partial<Record<Caller, Outcome>>)?
];

/**
 * For a push: what the one mutation's result must be for callers answered 200. A rejected
 * mutation must also leave every synced record as it was.
 */
type Outcome =
	| 'applied'
	| 'rejected out_of_scope'
	| 'rejected manager_only'
	| 'rejected invalid_record'
	| 'rejected forbidden_field';

const PULL = '/api/v1/sync/pull?cursor=0&protocol=1&schema=1&clientId=:client';
/** The pull of a schema that takes the owner's other kindergartens' shared activities (ADR 38). */
const PULL_SHARES = `/api/v1/sync/pull?cursor=0&protocol=1&schema=${SHARED_ACTIVITIES_SCHEMA}&clientId=:client`;
const PRACTICE = '/api/v1/practice/overview?from=2026-11-01&to=2026-11-30';
const PRACTICE_CSV = '/api/v1/practice/overview/export?from=2026-11-01&to=2026-11-30';
/**
 * Records made before every cell of a list: one in the callers' scope and one of each other
 * scope, so that the answer must pick its own.
 */
const PRESENT: Record<string, Target[]> = {
	'GET /api/v1/sync/pull': [
		'plan.own',
		'plan.sibling',
		'plan.foreign',
		'devplan.own',
		'devplan.sibling',
		'devplan.foreign',
		// A person's answers never come with any pull (ADR 32): the cell checks no change is one.
		'answers.other',
		'digiplan.own',
		'digiplan.sibling',
		'digiplan.foreign',
		// A share reaches only the same owner's kindergartens, and only a tablet that reads it.
		'activity.own',
		'activity.sibling-shared',
		'activity.foreign-shared'
	],
	// Another person's answers are never the caller's (the success check wants none).
	'GET /api/v1/competence/mine': ['answers.other'],
	'GET /api/v1/sync/conflicts': ['conflict.own', 'conflict.sibling', 'conflict.foreign'],
	'GET /api/v1/invitations': ['invitation.own', 'invitation.foreign'],
	'GET /api/v1/competence/plan': ['planEntry.own', 'planEntry.all', 'planEntry.foreign'],
	'GET /api/v1/competence/plan/kindergartens/:id': [
		'planEntry.own',
		'planEntry.sibling',
		'planEntry.all',
		'planEntry.foreign'
	],
	'GET /api/v1/summaries': ['summary.own', 'summary.sibling', 'summary.foreign'],
	'GET /api/v1/parent-codes': ['parentCode.own', 'parentCode.sibling', 'parentCode.foreign'],
	'GET /api/v1/parent-questions': ['question.own', 'question.sibling', 'question.foreign'],
	'GET /api/v1/register': ['entry.own', 'entry.foreign'],
	'GET /api/v1/register/proposals': ['proposal.own', 'proposal.sibling', 'proposal.foreign']
};

function pushOf(mutations: Json[]): Json {
	return { protocol: 1, schema: 1, clientId: ':client', mutations };
}

function mutation(
	recordId: string,
	op: string,
	fields: Json,
	baseRev: number | null = 1,
	type = 'plan'
): Json {
	return { id: 1, recordId, type, op, baseRev, fields, at: '2026-11-28T08:00:00.000Z' };
}

function del(recordId: string): Json {
	return mutation(recordId, 'delete', {});
}

function edit(recordId: string): Json {
	return mutation(recordId, 'put', { title: 'Kapret' });
}

/** A new plan in the group `groupId`. */
function create(groupId: string): Json {
	return mutation(':record', 'put', planFields(groupId, { title: 'Ny plan' }), null);
}

/** The competence development plan (ADR 28): a new one, an edit, a delete. */
function devplan(op: 'create' | 'edit' | 'delete', recordId = ':id'): Json {
	if (op === 'create') {
		return mutation(
			':record',
			'put',
			developmentPlanContent({ title: 'Ny plan' }),
			null,
			'developmentPlan'
		);
	}
	if (op === 'edit') return mutation(recordId, 'put', { title: 'Ny plan' }, 1, 'developmentPlan');
	return mutation(recordId, 'delete', {}, 1, 'developmentPlan');
}

/**
 * A person's competence answers for the period (ADR 32), every staff item answered: a staff
 * member's whole set, and one item short of a manager's (who answers the manager items too).
 */
function answers(op: 'put' | 'delete' = 'put', recordId = ':record', level = 3): Json {
	const fields = {
		period: '2026-2',
		bankVersion: 1,
		answers: Object.fromEntries(itemsFor('staff', '2026-2').map((i) => [i.id, level]))
	};
	return mutation(recordId, op, op === 'put' ? fields : {}, null, 'competenceAnswers');
}

/**
 * The kindergarten's digital plan (ADR 34): a new one (for 2100, a year no fresh plan takes),
 * an edit, a delete.
 */
function digiplan(op: 'create' | 'edit' | 'delete', recordId = ':id'): Json {
	if (op === 'create') {
		return mutation(
			':record',
			'put',
			digitalPlanContent({ year: 2100, tools: 'Ny plan' }),
			null,
			'digitalPlan'
		);
	}
	if (op === 'edit') return mutation(recordId, 'put', { tools: 'Ny plan' }, 1, 'digitalPlan');
	return mutation(recordId, 'delete', {}, 1, 'digitalPlan');
}

/** Written by the manager only: staff get 200 with the mutation refused as `manager_only`. */
const MANAGER_WRITES = { staff: 'rejected manager_only', manager: 'applied' } as const;

const MATRIX: Row[] = [
	// Public: liveness for a monitor, with no session and nothing read.
	['GET', '/api/v1/health', null, '200 200 200 200 200'],
	// Who am I: nobody is an answer (`user: null`), not a 401 (issue 12).
	['GET', '/api/v1/me', null, '200 200 200 200 200'],

	['GET', '/api/v1/kindergartens', null, '401 403 200 200 200'],
	['POST', '/api/v1/kindergartens', null, '401 403 403 403 201'],

	['GET', '/api/v1/kindergartens/:id', 'kg.own', '401 403 200 200 200'],
	['GET', '/api/v1/kindergartens/:id', 'kg.sibling', '401 403 404 404 200'],
	['GET', '/api/v1/kindergartens/:id', 'kg.foreign', '401 403 404 404 404'],
	['GET', '/api/v1/kindergartens/:id', 'missing', '401 403 404 404 404'],

	['PATCH', '/api/v1/kindergartens/:id', 'kg.own', '401 403 403 200 200'],
	['PATCH', '/api/v1/kindergartens/:id', 'kg.sibling', '401 403 403 404 200'],
	['PATCH', '/api/v1/kindergartens/:id', 'kg.foreign', '401 403 403 404 404'],
	['PATCH', '/api/v1/kindergartens/:id', 'missing', '401 403 403 404 404'],

	['DELETE', '/api/v1/kindergartens/:id', 'kg.own', '401 403 403 403 409'],
	['DELETE', '/api/v1/kindergartens/:id', 'kg.sibling', '401 403 403 403 409'],
	['DELETE', '/api/v1/kindergartens/:id', 'kg.empty', '401 403 403 403 204'],
	['DELETE', '/api/v1/kindergartens/:id', 'kg.foreign', '401 403 403 403 404'],
	['DELETE', '/api/v1/kindergartens/:id', 'kg.foreign-empty', '401 403 403 403 404'],
	['DELETE', '/api/v1/kindergartens/:id', 'missing', '401 403 403 403 404'],

	// What deleting a kindergarten with its data would remove: owner admins only.
	['GET', '/api/v1/kindergartens/:id/deletion-preview', 'kg.own', '401 403 403 403 200'],
	['GET', '/api/v1/kindergartens/:id/deletion-preview', 'kg.sibling', '401 403 403 403 200'],
	['GET', '/api/v1/kindergartens/:id/deletion-preview', 'kg.foreign', '401 403 403 403 404'],
	['GET', '/api/v1/kindergartens/:id/deletion-preview', 'missing', '401 403 403 403 404'],

	// A kindergarten's equipment: read by its people, counted by its manager or an owner admin.
	// `:entry`: a fresh device of owner a's register.
	['GET', '/api/v1/kindergartens/:id/equipment', 'kg.own', '401 403 200 200 200'],
	['GET', '/api/v1/kindergartens/:id/equipment', 'kg.sibling', '401 403 404 404 200'],
	['GET', '/api/v1/kindergartens/:id/equipment', 'kg.foreign', '401 403 404 404 404'],
	['GET', '/api/v1/kindergartens/:id/equipment', 'missing', '401 403 404 404 404'],
	['PUT', '/api/v1/kindergartens/:id/equipment/:entry', 'kg.own', '401 403 403 200 200'],
	['PUT', '/api/v1/kindergartens/:id/equipment/:entry', 'kg.sibling', '401 403 403 404 200'],
	['PUT', '/api/v1/kindergartens/:id/equipment/:entry', 'kg.foreign', '401 403 403 404 404'],
	['PUT', '/api/v1/kindergartens/:id/equipment/:entry', 'missing', '401 403 403 404 404'],

	['GET', '/api/v1/kindergartens/:id/groups', 'kg.own', '401 403 200 200 200'],
	['GET', '/api/v1/kindergartens/:id/groups', 'kg.sibling', '401 403 404 404 200'],
	['GET', '/api/v1/kindergartens/:id/groups', 'kg.foreign', '401 403 404 404 404'],
	['GET', '/api/v1/kindergartens/:id/groups', 'missing', '401 403 404 404 404'],

	['POST', '/api/v1/kindergartens/:id/groups', 'kg.own', '401 403 403 201 201'],
	['POST', '/api/v1/kindergartens/:id/groups', 'kg.sibling', '401 403 403 404 201'],
	['POST', '/api/v1/kindergartens/:id/groups', 'kg.foreign', '401 403 403 404 404'],
	['POST', '/api/v1/kindergartens/:id/groups', 'missing', '401 403 403 404 404'],

	['GET', '/api/v1/groups/:id', 'group.own', '401 200 200 200 200'],
	['GET', '/api/v1/groups/:id', 'group.kg', '401 404 200 200 200'],
	['GET', '/api/v1/groups/:id', 'group.sibling', '401 404 404 404 200'],
	['GET', '/api/v1/groups/:id', 'group.foreign', '401 404 404 404 404'],
	['GET', '/api/v1/groups/:id', 'missing', '401 404 404 404 404'],

	['PATCH', '/api/v1/groups/:id', 'group.own', '401 403 403 200 200'],
	['PATCH', '/api/v1/groups/:id', 'group.kg', '401 403 403 200 200'],
	['PATCH', '/api/v1/groups/:id', 'group.sibling', '401 403 403 404 200'],
	['PATCH', '/api/v1/groups/:id', 'group.foreign', '401 403 403 404 404'],
	['PATCH', '/api/v1/groups/:id', 'missing', '401 403 403 404 404'],

	['DELETE', '/api/v1/groups/:id', 'group.own', '401 403 403 409 409'],
	['DELETE', '/api/v1/groups/:id', 'group.empty', '401 403 403 204 204'],
	['DELETE', '/api/v1/groups/:id', 'group.sibling-empty', '401 403 403 404 204'],
	['DELETE', '/api/v1/groups/:id', 'group.foreign', '401 403 403 404 404'],
	['DELETE', '/api/v1/groups/:id', 'group.foreign-empty', '401 403 403 404 404'],
	['DELETE', '/api/v1/groups/:id', 'missing', '401 403 403 404 404'],

	['GET', '/api/v1/users', null, '401 403 403 403 200'],

	['PATCH', '/api/v1/users/:id', 'user.own-kg', '401 403 403 403 200'],
	['PATCH', '/api/v1/users/:id', 'user.sibling-kg', '401 403 403 403 200'],
	['PATCH', '/api/v1/users/:id', 'user.foreign', '401 403 403 403 404'],
	['PATCH', '/api/v1/users/:id', 'missing', '401 403 403 403 404'],
	// Moving a person: the kindergarten or group in the body must be in scope too.
	['PATCH', '/api/v1/users/:user', 'kg.sibling', '401 403 403 403 200', { kindergartenId: ':id' }],
	['PATCH', '/api/v1/users/:user', 'kg.foreign', '401 403 403 403 404', { kindergartenId: ':id' }],
	['PATCH', '/api/v1/users/:user', 'missing', '401 403 403 403 404', { kindergartenId: ':id' }],
	['PATCH', '/api/v1/users/:user', 'group.own', '401 403 403 403 200', parentIn(':id')],
	['PATCH', '/api/v1/users/:user', 'group.sibling', '401 403 403 403 200', parentIn(':id')],
	['PATCH', '/api/v1/users/:user', 'group.foreign', '401 403 403 403 404', parentIn(':id')],
	['PATCH', '/api/v1/users/:user', 'missing', '401 403 403 403 404', parentIn(':id')],

	['GET', '/api/v1/invitations', null, '401 403 403 403 200'],
	['POST', '/api/v1/invitations', 'kg.own', '401 403 403 403 201', invite('staff', ':id')],
	['POST', '/api/v1/invitations', 'kg.sibling', '401 403 403 403 201', invite('staff', ':id')],
	['POST', '/api/v1/invitations', 'kg.foreign', '401 403 403 403 404', invite('staff', ':id')],
	['POST', '/api/v1/invitations', 'missing', '401 403 403 403 404', invite('manager', ':id')],
	['POST', '/api/v1/invitations', 'group.own', '401 403 403 403 201', invite('parent', ':id')],
	['POST', '/api/v1/invitations', 'group.sibling', '401 403 403 403 201', invite('parent', ':id')],
	['POST', '/api/v1/invitations', 'group.foreign', '401 403 403 403 404', invite('parent', ':id')],
	['POST', '/api/v1/invitations', 'missing', '401 403 403 403 404', invite('parent', ':id')],

	['DELETE', '/api/v1/invitations/:id', 'invitation.own', '401 403 403 403 204'],
	['DELETE', '/api/v1/invitations/:id', 'invitation.foreign', '401 403 403 403 404'],
	['DELETE', '/api/v1/invitations/:id', 'missing', '401 403 403 403 404'],

	['GET', '/api/v1/audit', null, '401 403 403 403 200'],
	['GET', '/api/v1/audit/export', null, '401 403 403 403 200'],

	// The owner's screen-time guidance: owner administrators only (tablets get it by pull).
	['GET', '/api/v1/guidance', null, '401 403 403 403 200'],
	['PUT', '/api/v1/guidance', null, '401 403 403 403 200'],

	// The owner's own competence items (ADR 37): its owner administrators only (tablets pull).
	['GET', '/api/v1/competence/items', null, '401 403 403 403 200'],
	['POST', '/api/v1/competence/items', null, '401 403 403 403 201'],
	['POST', '/api/v1/competence/items/:id/retirement', 'item.own', '401 403 403 403 200'],
	['POST', '/api/v1/competence/items/:id/retirement', 'item.foreign', '401 403 403 403 404'],
	['POST', '/api/v1/competence/items/:id/retirement', 'missing', '401 403 403 403 404'],

	// The owner's privacy notice: everyone signed in reads it; owner administrators write it.
	['GET', '/api/v1/privacy-notice', null, '401 200 200 200 200'],
	['PUT', '/api/v1/privacy-notice/:locale', null, '401 403 403 403 200'],

	// The owner's register of tools (ADR 43): read by all but parents; owner administrators keep
	// it and see where tools not approved are planned; staff and managers propose, for their own
	// kindergarten, and an owner administrator decides.
	['GET', '/api/v1/register', null, '401 403 200 200 200'],
	['POST', '/api/v1/register/entries', null, '401 403 403 403 201'],
	['PUT', '/api/v1/register/entries/:id', 'entry.own', '401 403 403 403 200'],
	['PUT', '/api/v1/register/entries/:id', 'entry.foreign', '401 403 403 403 404'],
	['PUT', '/api/v1/register/entries/:id', 'missing', '401 403 403 403 404'],
	['GET', '/api/v1/register/usage', null, '401 403 403 403 200'],
	['POST', '/api/v1/register/proposals', null, '401 403 201 201 403'],
	['GET', '/api/v1/register/proposals', null, '401 403 200 200 200'],
	['POST', '/api/v1/register/proposals/:id/decision', 'proposal.own', '401 403 403 403 200'],
	['POST', '/api/v1/register/proposals/:id/decision', 'proposal.sibling', '401 403 403 403 200'],
	['POST', '/api/v1/register/proposals/:id/decision', 'proposal.foreign', '401 403 403 403 404'],
	['POST', '/api/v1/register/proposals/:id/decision', 'missing', '401 403 403 403 404'],

	// A person's own data and deletion request (anyone signed in, their own only); the owner's
	// requests for its owner administrators. The ask comes before the withdrawal.
	['GET', '/api/v1/me/data', null, '401 200 200 200 200'],
	// Everything of the owner, as JSON or a table as CSV: its owner administrators only.
	['GET', '/api/v1/export', null, '401 403 403 403 200'],
	['GET', '/api/v1/export/tables/:table', null, '401 403 403 403 200'],
	['GET', '/api/v1/me/deletion-request', null, '401 200 200 200 200'],
	['POST', '/api/v1/me/deletion-request', null, '401 201 201 201 201'],
	['DELETE', '/api/v1/me/deletion-request', null, '401 200 200 200 200'],
	['GET', '/api/v1/deletion-requests', null, '401 403 403 403 200'],
	['POST', '/api/v1/deletion-requests/:id/completion', 'request.own', '401 403 403 403 200'],
	['POST', '/api/v1/deletion-requests/:id/completion', 'request.foreign', '401 403 403 403 404'],
	['POST', '/api/v1/deletion-requests/:id/completion', 'missing', '401 403 403 403 404'],

	// Sync: staff and managers of a kindergarten, within it. Scope comes from the session; a
	// mutation on a record (or into a group) outside it is rejected in a 200 answer.
	['POST', '/api/v1/sync/push', null, '401 403 200 200 403', pushOf([])],
	['POST', '/api/v1/sync/push', 'plan.own', '401 403 200 200 403', pushOf([del(':id')]), 'applied'],
	[
		'POST',
		'/api/v1/sync/push',
		'plan.sibling',
		'401 403 200 200 403',
		pushOf([edit(':id')]),
		'rejected out_of_scope'
	],
	[
		'POST',
		'/api/v1/sync/push',
		'plan.foreign',
		'401 403 200 200 403',
		pushOf([del(':id')]),
		'rejected out_of_scope'
	],
	[
		'POST',
		'/api/v1/sync/push',
		'group.own',
		'401 403 200 200 403',
		pushOf([create(':id')]),
		'applied'
	],
	[
		'POST',
		'/api/v1/sync/push',
		'group.kg',
		'401 403 200 200 403',
		pushOf([create(':id')]),
		'applied'
	],
	[
		'POST',
		'/api/v1/sync/push',
		'group.sibling',
		'401 403 200 200 403',
		pushOf([create(':id')]),
		'rejected out_of_scope'
	],
	[
		'POST',
		'/api/v1/sync/push',
		'group.foreign',
		'401 403 200 200 403',
		pushOf([create(':id')]),
		'rejected out_of_scope'
	],
	// The kindergarten's competence development plan: its manager writes it, nobody else.
	[
		'POST',
		'/api/v1/sync/push',
		null,
		'401 403 200 200 403',
		pushOf([devplan('create')]),
		MANAGER_WRITES
	],
	[
		'POST',
		'/api/v1/sync/push',
		'devplan.own',
		'401 403 200 200 403',
		pushOf([devplan('edit')]),
		MANAGER_WRITES
	],
	[
		'POST',
		'/api/v1/sync/push',
		'devplan.own',
		'401 403 200 200 403',
		pushOf([devplan('delete')]),
		MANAGER_WRITES
	],
	[
		'POST',
		'/api/v1/sync/push',
		'devplan.sibling',
		'401 403 200 200 403',
		pushOf([devplan('edit')]),
		'rejected out_of_scope'
	],
	[
		'POST',
		'/api/v1/sync/push',
		'devplan.foreign',
		'401 403 200 200 403',
		pushOf([devplan('delete')]),
		'rejected out_of_scope'
	],
	// A person's own competence answers (ADR 32): taken for the person, by the rules of the form.
	[
		'POST',
		'/api/v1/sync/push',
		null,
		'401 403 200 200 403',
		pushOf([answers()]),
		{ staff: 'applied', manager: 'rejected invalid_record' }
	],
	// Answers are never deleted through sync; another person's set is not the caller's to touch.
	[
		'POST',
		'/api/v1/sync/push',
		'answers.other',
		'401 403 200 200 403',
		pushOf([answers('delete', ':id')]),
		'rejected invalid_record'
	],
	// The kindergarten's digital plan: its manager writes it, nobody else; no other kindergarten.
	[
		'POST',
		'/api/v1/sync/push',
		null,
		'401 403 200 200 403',
		pushOf([digiplan('create')]),
		MANAGER_WRITES
	],
	[
		'POST',
		'/api/v1/sync/push',
		'digiplan.own',
		'401 403 200 200 403',
		pushOf([digiplan('edit')]),
		MANAGER_WRITES
	],
	[
		'POST',
		'/api/v1/sync/push',
		'digiplan.own',
		'401 403 200 200 403',
		pushOf([digiplan('delete')]),
		MANAGER_WRITES
	],
	[
		'POST',
		'/api/v1/sync/push',
		'digiplan.sibling',
		'401 403 200 200 403',
		pushOf([digiplan('edit')]),
		'rejected out_of_scope'
	],
	[
		'POST',
		'/api/v1/sync/push',
		'digiplan.foreign',
		'401 403 200 200 403',
		pushOf([digiplan('delete')]),
		'rejected out_of_scope'
	],
	// Sharing an own activity is its manager's; another kindergarten's shared one is not theirs.
	[
		'POST',
		'/api/v1/sync/push',
		'activity.own',
		'401 403 200 200 403',
		pushOf([mutation(':id', 'put', { shared: true }, 1, 'activity')]),
		{ staff: 'rejected forbidden_field', manager: 'applied' }
	],
	[
		'POST',
		'/api/v1/sync/push',
		'activity.sibling-shared',
		'401 403 200 200 403',
		pushOf([mutation(':id', 'put', { title: 'Kapret' }, 1, 'activity')]),
		'rejected out_of_scope'
	],
	[
		'POST',
		'/api/v1/sync/push',
		'activity.foreign-shared',
		'401 403 200 200 403',
		pushOf([mutation(':id', 'delete', {}, 1, 'activity')]),
		'rejected out_of_scope'
	],
	['GET', PULL, null, '401 403 200 200 403'],
	['GET', PULL_SHARES, null, '401 403 200 200 403'],
	['GET', '/api/v1/sync/conflicts', null, '401 403 200 200 403'],
	['POST', '/api/v1/sync/conflicts/:id/resolve', 'conflict.own', '401 403 200 200 403'],
	['POST', '/api/v1/sync/conflicts/:id/resolve', 'conflict.sibling', '401 403 404 404 403'],
	['POST', '/api/v1/sync/conflicts/:id/resolve', 'conflict.foreign', '401 403 404 404 403'],
	['POST', '/api/v1/sync/conflicts/:id/resolve', 'missing', '401 403 404 404 403'],

	// Competence (issue 14): one's own answers for staff and managers; figures, never answers, for
	// a manager's own kindergarten and an owner administrator's every one.
	['GET', '/api/v1/competence/mine', null, '401 403 200 200 403'],
	['DELETE', '/api/v1/competence/mine', null, '401 403 204 204 403'],
	['DELETE', '/api/v1/competence/mine/:period', null, '401 403 204 204 403'],
	['GET', '/api/v1/competence/kindergartens/:id', 'kg.own', '401 403 403 200 200'],
	['GET', '/api/v1/competence/kindergartens/:id', 'kg.sibling', '401 403 403 404 200'],
	['GET', '/api/v1/competence/kindergartens/:id', 'kg.foreign', '401 403 403 404 404'],
	['GET', '/api/v1/competence/kindergartens/:id', 'missing', '401 403 403 404 404'],
	['GET', '/api/v1/competence/overview', null, '401 403 403 403 200'],
	['GET', '/api/v1/competence/overview/export', null, '401 403 403 403 200'],

	// The owner's competence plan (issue 14): written by owner administrators only; a manager
	// reads their own kindergarten's part, nothing of a sibling kindergarten or another owner.
	['GET', '/api/v1/competence/plan', null, '401 403 403 403 200'],
	['POST', '/api/v1/competence/plan', null, '401 403 403 403 201'],
	['PUT', '/api/v1/competence/plan/:id', 'planEntry.own', '401 403 403 403 200'],
	['PUT', '/api/v1/competence/plan/:id', 'planEntry.sibling', '401 403 403 403 200'],
	['PUT', '/api/v1/competence/plan/:id', 'planEntry.foreign', '401 403 403 403 404'],
	['PUT', '/api/v1/competence/plan/:id', 'missing', '401 403 403 403 404'],
	['DELETE', '/api/v1/competence/plan/:id', 'planEntry.all', '401 403 403 403 204'],
	['DELETE', '/api/v1/competence/plan/:id', 'planEntry.foreign', '401 403 403 403 404'],
	['GET', '/api/v1/competence/plan/kindergartens/:id', 'kg.own', '401 403 403 200 200'],
	['GET', '/api/v1/competence/plan/kindergartens/:id', 'kg.sibling', '401 403 403 404 200'],
	['GET', '/api/v1/competence/plan/kindergartens/:id', 'kg.foreign', '401 403 403 404 404'],
	['GET', '/api/v1/competence/plan/kindergartens/:id', 'missing', '401 403 403 404 404'],

	// The owner's overview of digital practice (issue 15, ADR 33): owner administrators only, and
	// only their own owner's kindergartens (another owner's, or none at all: 404).
	['GET', `${PRACTICE}`, null, '401 403 403 403 200'],
	['GET', `${PRACTICE}&kindergarten=:id`, 'kg.own', '401 403 403 403 200'],
	['GET', `${PRACTICE}&kindergarten=:id`, 'kg.sibling', '401 403 403 403 200'],
	['GET', `${PRACTICE}&kindergarten=:id`, 'kg.foreign', '401 403 403 403 404'],
	['GET', `${PRACTICE}&kindergarten=:id`, 'missing', '401 403 403 403 404'],
	['GET', `${PRACTICE_CSV}`, null, '401 403 403 403 200'],
	['GET', `${PRACTICE_CSV}&kindergarten=:id`, 'kg.foreign', '401 403 403 403 404'],

	// The parents' desk (issue 17, ADR 40): a manager publishes in their own kindergarten (staff
	// only once the manager allows them: the seeded staff member is not allowed), makes codes,
	// sees the parents and answers their questions. Nothing of another kindergarten: 404.
	['GET', '/api/v1/parent-desk', null, '401 200 200 200 200'],
	['GET', '/api/v1/summaries', null, '401 403 403 200 403'],
	['POST', '/api/v1/summaries', 'group.empty', '401 403 403 201 403'],
	['POST', '/api/v1/summaries', 'group.sibling', '401 403 403 404 403'],
	['POST', '/api/v1/summaries', 'group.foreign', '401 403 403 404 403'],
	['POST', '/api/v1/summaries', 'missing', '401 403 403 404 403'],
	['DELETE', '/api/v1/summaries/:id', 'summary.own', '401 403 403 204 403'],
	['DELETE', '/api/v1/summaries/:id', 'summary.sibling', '401 403 403 404 403'],
	['DELETE', '/api/v1/summaries/:id', 'summary.foreign', '401 403 403 404 403'],
	['DELETE', '/api/v1/summaries/:id', 'missing', '401 403 403 404 403'],
	['GET', '/api/v1/summary-publishers', null, '401 403 403 200 403'],
	['PUT', '/api/v1/summary-publishers/:id', 'user.own-kg', '401 403 403 204 403'],
	['PUT', '/api/v1/summary-publishers/:id', 'user.sibling-kg', '401 403 403 404 403'],
	['PUT', '/api/v1/summary-publishers/:id', 'user.foreign', '401 403 403 404 403'],
	['PUT', '/api/v1/summary-publishers/:id', 'missing', '401 403 403 404 403'],
	['DELETE', '/api/v1/summary-publishers/:id', 'user.own-kg', '401 403 403 204 403'],
	['DELETE', '/api/v1/summary-publishers/:id', 'user.foreign', '401 403 403 404 403'],
	['GET', '/api/v1/parent-codes', null, '401 403 403 200 403'],
	['POST', '/api/v1/parent-codes', 'group.own', '401 403 403 201 403'],
	['POST', '/api/v1/parent-codes', 'group.sibling', '401 403 403 404 403'],
	['POST', '/api/v1/parent-codes', 'group.foreign', '401 403 403 404 403'],
	['POST', '/api/v1/parent-codes', 'missing', '401 403 403 404 403'],
	['DELETE', '/api/v1/parent-codes/:id', 'parentCode.own', '401 403 403 204 403'],
	['DELETE', '/api/v1/parent-codes/:id', 'parentCode.sibling', '401 403 403 404 403'],
	['DELETE', '/api/v1/parent-codes/:id', 'parentCode.foreign', '401 403 403 404 403'],
	['DELETE', '/api/v1/parent-codes/:id', 'missing', '401 403 403 404 403'],
	['GET', '/api/v1/groups/:id/parents', 'group.own', '401 403 403 200 403'],
	['GET', '/api/v1/groups/:id/parents', 'group.sibling', '401 403 403 404 403'],
	['GET', '/api/v1/groups/:id/parents', 'group.foreign', '401 403 403 404 403'],
	['GET', '/api/v1/groups/:id/parents', 'missing', '401 403 403 404 403'],
	// `:parent`: a fresh parent who joined the target group.
	['DELETE', '/api/v1/groups/:id/parents/:parent', 'group.own', '401 403 403 204 403'],
	['DELETE', '/api/v1/groups/:id/parents/:parent', 'group.sibling', '401 403 403 404 403'],
	['DELETE', '/api/v1/groups/:id/parents/:parent', 'group.foreign', '401 403 403 404 403'],
	['GET', '/api/v1/parent-questions', null, '401 403 403 200 403'],
	['PUT', '/api/v1/parent-questions/:id/answer', 'question.own', '401 403 403 200 403'],
	['PUT', '/api/v1/parent-questions/:id/answer', 'question.sibling', '401 403 403 404 403'],
	['PUT', '/api/v1/parent-questions/:id/answer', 'question.foreign', '401 403 403 404 403'],
	['PUT', '/api/v1/parent-questions/:id/answer', 'missing', '401 403 403 404 403']
];

/** Valid bodies, so that a refusal is about access and never about input. */
/** When the matrix's register entries were last saved: the base a change is made on. */
const ENTRY_BASE = '2026-01-01T00:00:00.000Z';

const BODIES: Record<string, Json> = {
	'POST /api/v1/kindergartens': { name: 'Ny barnehage' },
	'PATCH /api/v1/kindergartens/:id': { name: 'Nytt navn' },
	'POST /api/v1/kindergartens/:id/groups': { name: 'Ny avdeling', ageMin: 1, ageMax: 3 },
	'PATCH /api/v1/groups/:id': { name: 'Omdøpt avdeling', ageMin: 0, ageMax: 3 },
	'PATCH /api/v1/users/:id': { role: 'manager' },
	'POST /api/v1/sync/conflicts/:id/resolve': { choice: 'theirs' },
	'PUT /api/v1/guidance': { baseVersion: DEFAULT_GUIDANCE.version, set: guidanceEdit() },
	'POST /api/v1/competence/plan': planEntry('Ny satsing'),
	'PUT /api/v1/competence/plan/:id': planEntry('Endret satsing'),
	'POST /api/v1/competence/items': {
		audience: 'staff',
		area: 'creative',
		digCompEdu: '3.3',
		pfdk: 'pedagogy',
		texts: { nb: 'Eget utsagn', nn: 'Eige utsegn', en: 'Own statement' }
	},
	'POST /api/v1/competence/items/:id/retirement': { retiredIn: '2027-1' },
	'POST /api/v1/summaries': {
		groupId: ':id',
		content: buildSummary(
			[],
			{ id: 'group', ageMin: 1 },
			DEFAULT_GUIDANCE,
			weekPeriod('2026-11-24')
		) as unknown as Json,
		staffText: 'Vi har utforsket lys og skygge.',
		staffTextLocale: 'nb'
	},
	'POST /api/v1/parent-codes': { groupId: ':id' },
	'PUT /api/v1/parent-questions/:id/answer': { answer: 'Takk for spørsmålet.' },
	'PUT /api/v1/privacy-notice/:locale': { body: 'Hva vi lagrer om deg', baseUpdatedAt: null },
	'POST /api/v1/register/entries': blankEntryFields('Eget verktøy', 'app'),
	'PUT /api/v1/register/entries/:id': {
		fields: {
			...blankEntryFields('Endret verktøy', 'device'),
			decision: 'approvedWithConditions',
			conditions: 'Bare uten innlogging.'
		} as unknown as Json,
		baseUpdatedAt: ENTRY_BASE
	},
	'POST /api/v1/register/proposals': {
		name: ':record',
		kind: 'app',
		purpose: 'Tegne sammen.',
		note: ''
	},
	'POST /api/v1/register/proposals/:id/decision': { decision: 'declined', reason: 'Ikke nå.' },
	'PUT /api/v1/kindergartens/:id/equipment/:entry': {
		works: 3,
		needsRepair: 1,
		missing: 0,
		note: 'Én i skapet',
		baseUpdatedAt: null
	}
};

/** An entry of the owner's competence plan for every kindergarten. */
function planEntry(title: string): Json {
	return {
		kind: 'focusArea',
		kindergartenId: null,
		area: 'privacy',
		title,
		partner: null,
		places: null,
		startsOn: '2027-01-10',
		endsOn: null,
		status: 'planned',
		note: null
	};
}

/** The default guidance as an edit: the set less the fields the server sets. */
function guidanceEdit(): Json {
	const edit: Record<string, unknown> = { ...DEFAULT_GUIDANCE, closeShare: 0.7 };
	delete edit['id'];
	delete edit['version'];
	delete edit['date'];
	return edit as Json;
}

const CONFLICTS: Record<string, string> = {
	'DELETE /api/v1/kindergartens/:id': 'kindergarten_not_empty',
	'DELETE /api/v1/groups/:id': 'group_not_empty'
};

function invite(role: Role, id: string): Json {
	return role === 'parent'
		? { role, groupId: id, displayName: 'Ny forelder' }
		: { role, kindergartenId: id, displayName: 'Ny ansatt' };
}

function parentIn(groupId: string): Json {
	return { role: 'parent', groupId, kindergartenId: null };
}

const REASONS: Record<number, string> = {
	401: 'not_signed_in',
	403: 'forbidden',
	404: 'not_found'
};

/**
 * Routes of the API that have no rows here, each with where it is tested: they are public (a
 * person not yet signed in calls them) and answer every caller alike, so a row per role would
 * say nothing. Any other route of `apiRoutes` must have rows.
 */
const ELSEWHERE: Record<string, string> = {
	'POST /api/v1/auth/sign-in': 'sessions.test.ts, sign-in-throttle.test.ts (public)',
	'POST /api/v1/auth/sign-out': 'sessions.test.ts and the cross-origin block below (public)',
	'GET /api/v1/auth/oidc': 'oidc.test.ts (public: whether single sign-on is offered)',
	'GET /api/v1/auth/oidc/start': 'oidc.test.ts (public: starts single sign-on)',
	'GET /api/v1/auth/oidc/callback': 'oidc.test.ts (public: the provider’s redirect)',
	'POST /api/v1/invitations/lookup': 'invitations.test.ts (public: a token is the credential)',
	'POST /api/v1/invitations/accept': 'invitations.test.ts (public: a token is the credential)',
	// Its body (every item the caller answers) differs by role, which a row cannot say.
	'PUT /api/v1/competence/mine/:id':
		'competence.test.ts (each role: 401, 403 for parents and admins, 200 for staff and managers)'
};

/** A row's method and path as the API's route definition names it (`/users/:user` → `:id`). */
function endpointOf(method: Method, path: string): string {
	return `${method} ${path.split('?')[0]!.replace(/:\w+/g, ':id')}`;
}

interface Success {
	got: Answer;
	json: () => Record<string, unknown>;
	ids: Record<string, string>;
	target: Target | null;
	caller: Caller;
	callerId: string | null;
	/** The body sent, ids filled in. */
	body: Json | undefined;
	world: World;
}

const sorted = (values: unknown[]) => [...values].map(String).sort();
const idsOf = (list: unknown) => sorted((list as Array<{ id: string }>).map((x) => x.id));

/**
 * What a successful answer must say, per endpoint: the record named, as the database now holds
 * it, and for a list exactly the caller's scope. A status alone would pass an empty body.
 */
const SUCCESS: Record<string, (s: Success) => Promise<void> | void> = {
	'GET /api/v1/health': ({ json }) => expect(json()).toEqual({ ok: true }),
	'GET /api/v1/me': async ({ json, callerId, world }) => {
		// Nobody signed in is an answer: no user (issue 12).
		if (callerId === null) {
			expect(json()).toEqual({ user: null });
			return;
		}
		const row = await world.db
			.selectFrom('users')
			.select(['id', 'ownerId', 'role', 'kindergartenId', 'groupId', 'displayName', 'email'])
			.where('id', '=', callerId)
			.executeTakeFirstOrThrow();
		const { id, ...rest } = row;
		expect(json()).toEqual({ user: { userId: id, ...rest } });
	},
	'GET /api/v1/kindergartens': async ({ json, caller, world }) => {
		const { a } = world;
		const expected =
			caller === 'ownerAdmin'
				? (
						await world.db
							.selectFrom('kindergartens')
							.select('id')
							.where('ownerId', '=', a.id)
							.execute()
					).map((k) => k.id)
				: [a.kindergartens[0]!.id];
		expect(idsOf(json()['kindergartens'])).toEqual(sorted(expected));
	},
	'POST /api/v1/kindergartens': async ({ json, world }) => {
		const kindergarten = json()['kindergarten'] as { id: string; name: string };
		expect(kindergarten).toEqual({ id: expect.any(String) as unknown, name: 'Ny barnehage' });
		const row = await world.db
			.selectFrom('kindergartens')
			.selectAll()
			.where('id', '=', kindergarten.id)
			.executeTakeFirstOrThrow();
		expect(row).toMatchObject({ ownerId: world.a.id, name: 'Ny barnehage' });
	},
	'GET /api/v1/kindergartens/:id': async ({ json, ids, world }) => {
		const row = await world.db
			.selectFrom('kindergartens')
			.select(['id', 'name'])
			.where('id', '=', ids[':id']!)
			.executeTakeFirstOrThrow();
		expect(json()).toEqual({ kindergarten: row });
	},
	'PATCH /api/v1/kindergartens/:id': async ({ json, ids, world }) => {
		expect(json()).toEqual({ kindergarten: { id: ids[':id'], name: 'Nytt navn' } });
		const row = await world.db
			.selectFrom('kindergartens')
			.select('name')
			.where('id', '=', ids[':id']!)
			.executeTakeFirstOrThrow();
		expect(row.name).toBe('Nytt navn');
	},
	'DELETE /api/v1/kindergartens/:id': async ({ got, ids, world }) => {
		expect(got.text).toBe('');
		const row = await world.db
			.selectFrom('kindergartens')
			.select('id')
			.where('id', '=', ids[':id']!)
			.executeTakeFirst();
		expect(row).toBeUndefined();
	},
	'GET /api/v1/kindergartens/:id/deletion-preview': ({ json, ids }) => {
		const preview = json()['preview'] as { kindergarten: { id: string }; groups: number };
		expect(preview.kindergarten.id).toBe(ids[':id']);
		expect(preview.groups).toBeGreaterThan(0);
	},
	'GET /api/v1/kindergartens/:id/equipment': async ({ json, world }) => {
		const entries = await world.db
			.selectFrom('registerEntries')
			.select('id')
			.where('ownerId', '=', world.a.id)
			.execute();
		const rows = json()['equipment'] as Array<{ entryId: string }>;
		expect(rows.map((r) => r.entryId).sort()).toEqual(entries.map((e) => e.id).sort());
	},
	'PUT /api/v1/kindergartens/:id/equipment/:id': async ({ json, ids, world, callerId }) => {
		expect(json()['item']).toMatchObject({ entryId: ids[':entry'], works: 3, needsRepair: 1 });
		const row = await world.db
			.selectFrom('kindergartenEquipment')
			.selectAll()
			.where('kindergartenId', '=', ids[':id']!)
			.where('entryId', '=', ids[':entry']!)
			.executeTakeFirstOrThrow();
		expect(row).toMatchObject({ works: 3, needsRepair: 1, missing: 0, updatedBy: callerId });
	},
	'GET /api/v1/kindergartens/:id/groups': async ({ json, ids, world }) => {
		const rows = await world.db
			.selectFrom('groups')
			.select(['id', 'kindergartenId', 'name', 'ageMin', 'ageMax'])
			.where('kindergartenId', '=', ids[':id']!)
			.execute();
		expect(rows.length).toBeGreaterThan(0);
		const groups = json()['groups'] as unknown[];
		expect(idsOf(groups)).toEqual(idsOf(rows));
		for (const row of rows) expect(groups).toContainEqual(row);
	},
	'POST /api/v1/kindergartens/:id/groups': async ({ json, ids, world }) => {
		const group = json()['group'] as { id: string };
		const expected = { kindergartenId: ids[':id'], name: 'Ny avdeling', ageMin: 1, ageMax: 3 };
		expect(group).toEqual({ id: expect.any(String) as unknown, ...expected });
		const row = await world.db
			.selectFrom('groups')
			.selectAll()
			.where('id', '=', group.id)
			.executeTakeFirstOrThrow();
		expect(row).toMatchObject({ ...expected, ownerId: world.a.id });
	},
	'GET /api/v1/groups/:id': async ({ json, ids, world }) => {
		const row = await world.db
			.selectFrom('groups')
			.select(['id', 'kindergartenId', 'name', 'ageMin', 'ageMax'])
			.where('id', '=', ids[':id']!)
			.executeTakeFirstOrThrow();
		expect(json()).toEqual({ group: row });
	},
	'PATCH /api/v1/groups/:id': async ({ json, ids, world }) => {
		const group = json()['group'];
		expect(group).toMatchObject({ id: ids[':id'], name: 'Omdøpt avdeling', ageMin: 0, ageMax: 3 });
		const row = await world.db
			.selectFrom('groups')
			.select(['id', 'kindergartenId', 'name', 'ageMin', 'ageMax'])
			.where('id', '=', ids[':id']!)
			.executeTakeFirstOrThrow();
		expect(group).toEqual(row);
	},
	'DELETE /api/v1/groups/:id': async ({ got, ids, world }) => {
		expect(got.text).toBe('');
		const row = await world.db
			.selectFrom('groups')
			.select('id')
			.where('id', '=', ids[':id']!)
			.executeTakeFirst();
		expect(row).toBeUndefined();
	},
	'GET /api/v1/users': async ({ json, world }) => {
		const rows = await world.db
			.selectFrom('users')
			.select('id')
			.where('ownerId', '=', world.a.id)
			.execute();
		expect(idsOf(json()['users'])).toEqual(idsOf(rows));
	},
	'PATCH /api/v1/users/:id': async ({ json, ids, body, world }) => {
		const id = ids[':user'] ?? ids[':id']!;
		const user = json()['user'] as Record<string, unknown>;
		// A parent's kindergarten is their group's, whatever the body said.
		const { kindergartenId, ...asked } = body as Record<string, Json>;
		expect(user).toMatchObject({ id, ...asked, ...(kindergartenId ? { kindergartenId } : {}) });
		const row = await world.db
			.selectFrom('users')
			.select(['role', 'kindergartenId', 'groupId'])
			.where('id', '=', id)
			.executeTakeFirstOrThrow();
		expect(user).toMatchObject(row);
	},
	'GET /api/v1/invitations': async ({ json, world }) => {
		const rows = await world.db
			.selectFrom('invitations')
			.select('id')
			.where('ownerId', '=', world.a.id)
			.execute();
		expect(rows.length).toBeGreaterThan(0);
		expect(idsOf(json()['invitations'])).toEqual(idsOf(rows));
	},
	'POST /api/v1/invitations': async ({ json, body, world }) => {
		const invitation = json()['invitation'] as { id: string };
		expect(invitation).toMatchObject({ ...(body as Record<string, Json>), status: 'pending' });
		const row = await world.db
			.selectFrom('invitations')
			.selectAll()
			.where('id', '=', invitation.id)
			.executeTakeFirstOrThrow();
		expect(row).toMatchObject({
			...(body as Record<string, Json>),
			ownerId: world.a.id,
			acceptedAt: null,
			revokedAt: null
		});
	},
	'DELETE /api/v1/invitations/:id': async ({ got, ids, world }) => {
		expect(got.text).toBe('');
		const row = await world.db
			.selectFrom('invitations')
			.select('revokedAt')
			.where('id', '=', ids[':id']!)
			.executeTakeFirstOrThrow();
		expect(row.revokedAt).not.toBeNull();
	},
	'GET /api/v1/audit': ({ json }) => {
		const { entries, next } = json() as {
			entries: Array<{ actorUserId: string | null }>;
			next: unknown;
		};
		expect(entries.length).toBeGreaterThan(0);
		expect(next === null || typeof next === 'string').toBe(true);
	},
	'GET /api/v1/audit/export': ({ got }) => {
		expect(new Map(got.headers).get('content-type')).toMatch(/^text\/csv/);
		expect(got.text.split('\n').filter((l) => l.trim()).length).toBeGreaterThan(1);
	},
	'GET /api/v1/competence/mine': async ({ json, world, callerId }) => {
		// Exactly the caller's own answers (none, or the set a push row sent), never the answers
		// another person of the kindergarten sent (present for this cell, at other levels).
		const own = await world.db
			.selectFrom('competenceSubmissions as s')
			.innerJoin('competenceAnswers as a', 'a.submissionId', 's.id')
			.select(['s.period', 'a.itemId', 'a.level'])
			.where('s.userId', '=', callerId!)
			.execute();
		const { submissions } = json() as {
			submissions: Array<{ period: string; answers: Record<string, number> }>;
		};
		const got = submissions.flatMap((s) =>
			Object.entries(s.answers).map(([itemId, level]) => ({ period: s.period, itemId, level }))
		);
		const key = (r: { period: string; itemId: string }) => `${r.period} ${r.itemId}`;
		expect(got.sort((x, y) => key(x).localeCompare(key(y)))).toEqual(
			own.sort((x, y) => key(x).localeCompare(key(y)))
		);
		expect(got.some((r) => r.level === 5)).toBe(false);
	},
	'DELETE /api/v1/competence/mine': ({ got }) => {
		expect(got.text).toBe('');
	},
	'DELETE /api/v1/competence/mine/:id': ({ got }) => {
		expect(got.text).toBe('');
	},
	'GET /api/v1/competence/kindergartens/:id': ({ json, ids }) => {
		const review = json() as { kindergarten: { id: string }; staff: { shown: boolean } };
		expect(review.kindergarten.id).toBe(ids[':id']);
		// Fewer than five have answered (the push rows' staff member and the one present, if any).
		expect([
			{ shown: false, reason: 'no_answers' },
			{ shown: false, reason: 'too_few' }
		]).toContainEqual(review.staff);
	},
	'GET /api/v1/competence/overview/export': ({ got }) => {
		expect(new Map(got.headers).get('content-type')).toMatch(/^text\/csv/);
		expect(got.text.split('\n')[0]).toContain('Barnehage');
	},
	'GET /api/v1/competence/overview': ({ json, world }) => {
		const overview = json() as { kindergartens: Array<{ id: string }> };
		expect(overview.kindergartens.map((k) => k.id)).toEqual(
			expect.arrayContaining(world.a.kindergartens.map((k) => k.id))
		);
	},
	'GET /api/v1/practice/overview': async ({ json, ids, world }) => {
		const overview = json() as { kindergartens: Array<{ id: string }> };
		const own = (
			await world.db
				.selectFrom('kindergartens')
				.select('id')
				.where('ownerId', '=', world.a.id)
				.execute()
		).map((k) => k.id);
		const named = ids[':id'];
		if (named) expect(overview.kindergartens.map((k) => k.id)).toEqual([named]);
		else expect(overview.kindergartens.map((k) => k.id)).toEqual(expect.arrayContaining(own));
		for (const k of overview.kindergartens) expect(own).toContain(k.id);
	},
	'GET /api/v1/practice/overview/export': ({ got }) => {
		expect(new Map(got.headers).get('content-type')).toMatch(/^text\/csv/);
		expect(got.text).toContain('totals,planned');
	},
	'GET /api/v1/competence/plan': async ({ json, world }) => {
		const rows = await world.db
			.selectFrom('competencePlanEntries')
			.select('id')
			.where('ownerId', '=', world.a.id)
			.execute();
		expect(idsOf(json()['entries'])).toEqual(sorted(rows.map((r) => r.id)));
	},
	'POST /api/v1/competence/plan': async ({ json, world }) => {
		const entry = json()['entry'] as { id: string; title: string };
		expect(entry.title).toBe('Ny satsing');
		const row = await world.db
			.selectFrom('competencePlanEntries')
			.selectAll()
			.where('id', '=', entry.id)
			.executeTakeFirstOrThrow();
		expect(row).toMatchObject({ ownerId: world.a.id, title: 'Ny satsing', kindergartenId: null });
	},
	'PUT /api/v1/competence/plan/:id': async ({ json, ids, world }) => {
		expect(json()['entry']).toMatchObject({ id: ids[':id'], title: 'Endret satsing' });
		const row = await world.db
			.selectFrom('competencePlanEntries')
			.select(['title', 'ownerId'])
			.where('id', '=', ids[':id']!)
			.executeTakeFirstOrThrow();
		expect(row).toEqual({ title: 'Endret satsing', ownerId: world.a.id });
	},
	'DELETE /api/v1/competence/plan/:id': async ({ got, ids, world }) => {
		expect(got.text).toBe('');
		const row = await world.db
			.selectFrom('competencePlanEntries')
			.select('id')
			.where('id', '=', ids[':id']!)
			.executeTakeFirst();
		expect(row).toBeUndefined();
	},
	'GET /api/v1/competence/plan/kindergartens/:id': async ({ json, ids, world }) => {
		const plan = json() as { kindergarten: { id: string }; entries: Array<{ id: string }> };
		expect(plan.kindergarten.id).toBe(ids[':id']);
		const rows = await world.db
			.selectFrom('competencePlanEntries')
			.select('id')
			.where('ownerId', '=', world.a.id)
			.where((eb) =>
				eb.or([eb('kindergartenId', 'is', null), eb('kindergartenId', '=', ids[':id']!)])
			)
			.execute();
		expect(rows.length).toBeGreaterThan(0);
		expect(idsOf(plan.entries)).toEqual(sorted(rows.map((r) => r.id)));
	},
	'GET /api/v1/guidance': ({ json }) => {
		const { set } = json() as { set: { id: string; version: number } };
		expect(set.id).toBe(DEFAULT_GUIDANCE.id);
		expect(set.version).toBeGreaterThanOrEqual(DEFAULT_GUIDANCE.version);
	},
	'GET /api/v1/privacy-notice': ({ json }) => {
		const view = json() as { texts: unknown[]; ownerName: string };
		expect(view.ownerName.length).toBeGreaterThan(0);
		expect(Array.isArray(view.texts)).toBe(true);
	},
	'PUT /api/v1/privacy-notice/:id': async ({ json, world }) => {
		const view = json() as { texts: Array<{ locale: string; body: string }> };
		expect(view.texts).toEqual([
			expect.objectContaining({ locale: 'nn', body: 'Hva vi lagrer om deg' })
		]);
		const row = await world.db
			.selectFrom('privacyNotices')
			.select('body')
			.where('ownerId', '=', world.a.id)
			.where('locale', '=', 'nn')
			.executeTakeFirstOrThrow();
		expect(row.body).toBe('Hva vi lagrer om deg');
	},
	'GET /api/v1/export': ({ got, world }) => {
		const doc = JSON.parse(got.text) as { ownerId: string; tables: { owners: unknown[] } };
		expect(doc.ownerId).toBe(world.a.id);
		expect(doc.tables.owners).toHaveLength(1);
		expect(got.text).not.toContain(world.b.id);
	},
	'GET /api/v1/export/tables/:id': ({ got, world }) => {
		const lines = got.text.trim().split('\r\n');
		expect(lines[0]).toBe('id,ownerId,name,createdAt,updatedAt');
		expect(lines.slice(1).every((line) => line.includes(world.a.id))).toBe(true);
		expect(lines.length).toBeGreaterThan(1);
	},
	'GET /api/v1/me/data': ({ json, callerId }) => {
		const data = json() as { format: string; account: { id: string } };
		expect(data.format).toBe('lekeplan-my-data');
		expect(data.account.id).toBe(callerId);
	},
	'GET /api/v1/me/deletion-request': ({ json }) => {
		expect(json()).toHaveProperty('request');
	},
	'POST /api/v1/me/deletion-request': async ({ world, callerId }) => {
		const rows = await world.db
			.selectFrom('deletionRequests')
			.select('userId')
			.where('userId', '=', callerId!)
			.where('withdrawnAt', 'is', null)
			.execute();
		expect(rows).toHaveLength(1);
	},
	'DELETE /api/v1/me/deletion-request': ({ json }) => {
		expect(json()).toEqual({ request: null });
	},
	'GET /api/v1/deletion-requests': ({ json }) => {
		expect(Array.isArray((json() as { requests: unknown[] }).requests)).toBe(true);
	},
	'POST /api/v1/deletion-requests/:id/completion': async ({ world, ids }) => {
		const row = await world.db
			.selectFrom('deletionRequests')
			.innerJoin('users', 'users.id', 'deletionRequests.userId')
			.select(['carriedOutAt', 'users.email', 'users.passwordHash'])
			.where('deletionRequests.id', '=', ids[':id']!)
			.executeTakeFirstOrThrow();
		expect(row.carriedOutAt).not.toBeNull();
		expect(row.email).toBeNull();
		expect(row.passwordHash).toBeNull();
	},
	'GET /api/v1/competence/items': ({ json }) => {
		const view = json() as { set: { version: number; items: unknown[] } };
		expect(view.set.version).toBeGreaterThanOrEqual(0);
	},
	'POST /api/v1/competence/items': async ({ json, world }) => {
		const view = json() as { set: { items: Array<{ id: string; texts: { nn: string } }> } };
		const added = view.set.items.at(-1)!;
		expect(added.texts.nn).toBe('Eige utsegn');
		const row = await world.db
			.selectFrom('competenceItemSets')
			.select('data')
			.where('ownerId', '=', world.a.id)
			.executeTakeFirstOrThrow();
		expect(row.data).toContain(added.id);
	},
	'POST /api/v1/competence/items/:id/retirement': ({ json, ids }) => {
		const view = json() as { set: { retired: Record<string, { retiredIn: string }> } };
		expect(view.set.retired[ids[':id']!]).toMatchObject({ retiredIn: '2027-1' });
	},
	'PUT /api/v1/guidance': ({ json }) => {
		const saved = json() as { set: { version: number; closeShare: number }; edited: boolean };
		expect(saved.edited).toBe(true);
		expect(saved.set.closeShare).toBe(0.7);
		expect(saved.set.version).toBeGreaterThan(DEFAULT_GUIDANCE.version);
	},
	'POST /api/v1/sync/push': async ({ json, body, world, ids, callerId }) => {
		const sent = (body as { mutations: Array<{ recordId: string; op: string }> }).mutations;
		const response = json() as unknown as PushResponse;
		expect(response.lastMutationId).toBe(sent.length);
		expect(response.results.map((r) => r.id)).toEqual(sent.map((_, i) => i + 1));
		for (const [i, m] of sent.entries()) {
			if (response.results[i]!.status !== 'applied') continue;
			if ((m as { type?: string }).type === 'competenceAnswers') {
				// Stored as the caller's own answers for the period, and never as a synced record.
				const submissions = await world.db
					.selectFrom('competenceSubmissions')
					.select(['userId', 'kindergartenId', 'period'])
					.where('userId', '=', callerId!)
					.execute();
				expect(submissions).toEqual([
					{ userId: callerId, kindergartenId: world.a.kindergartens[0]!.id, period: '2026-2' }
				]);
				const record = await world.db
					.selectFrom('syncRecords')
					.select('recordId')
					.where('recordId', '=', m.recordId)
					.executeTakeFirst();
				expect(record).toBeUndefined();
				continue;
			}
			const row = await world.db
				.selectFrom('syncRecords')
				.selectAll()
				.where('recordId', '=', m.recordId)
				.executeTakeFirstOrThrow();
			expect(row.kindergartenId).toBe(world.a.kindergartens[0]!.id);
			expect(row.updatedBy).toBe(callerId);
			if (m.op === 'delete') expect(row.deletedAt).not.toBeNull();
			else if (row.type === 'developmentPlan') {
				expect(JSON.parse(row.data)).toMatchObject({ title: 'Ny plan' });
			} else if (row.type === 'digitalPlan') {
				expect(JSON.parse(row.data)).toMatchObject({ tools: 'Ny plan' });
			} else if (row.type === 'activity') {
				expect(JSON.parse(row.data)).toMatchObject({ shared: true });
				expect(row.shared).toBe(1);
			} else expect(JSON.parse(row.data)).toMatchObject({ title: 'Ny plan', groupId: ids[':id'] });
		}
	},
	[endpointOf('GET', PULL)]: () => undefined, // checked in the cell: exactly the caller's records
	'GET /api/v1/sync/conflicts': async ({ json, world }) => {
		const rows = await world.db
			.selectFrom('syncConflicts')
			.select('id')
			.where('kindergartenId', '=', world.a.kindergartens[0]!.id)
			.where('resolvedAt', 'is', null)
			.execute();
		expect(rows.length).toBeGreaterThan(0);
		expect(idsOf(json()['conflicts'])).toEqual(idsOf(rows));
	},
	'POST /api/v1/sync/conflicts/:id/resolve': async ({ json, ids, world, callerId }) => {
		expect(json()).toEqual({ resolved: { id: ids[':id'], resolution: 'theirs', rev: null } });
		const row = await world.db
			.selectFrom('syncConflicts')
			.selectAll()
			.where('id', '=', ids[':id']!)
			.executeTakeFirstOrThrow();
		expect(row).toMatchObject({ resolution: 'theirs', resolvedBy: callerId });
		expect(row.resolvedAt).not.toBeNull();
	},
	'GET /api/v1/parent-desk': ({ json, caller }) =>
		expect(json()).toEqual({ publish: caller === 'manager', manage: caller === 'manager' }),
	'GET /api/v1/summaries': async ({ json, world }) => {
		const rows = await world.db
			.selectFrom('parentSummaries')
			.select('id')
			.where('kindergartenId', '=', world.a.kindergartens[0]!.id)
			.where('withdrawnAt', 'is', null)
			.execute();
		expect(rows.length).toBeGreaterThan(0);
		expect(idsOf(json()['summaries'])).toEqual(idsOf(rows));
	},
	'POST /api/v1/summaries': async ({ json, ids, world }) => {
		const { summary } = json() as { summary: { id: string; groupId: string } };
		expect(summary.groupId).toBe(ids[':id']);
		const row = await world.db
			.selectFrom('parentSummaries')
			.selectAll()
			.where('id', '=', summary.id)
			.executeTakeFirstOrThrow();
		expect(row).toMatchObject({ groupId: ids[':id'], withdrawnAt: null, staffTextLocale: 'nb' });
	},
	'DELETE /api/v1/summaries/:id': async ({ got, ids, world }) => {
		expect(got.text).toBe('');
		const row = await world.db
			.selectFrom('parentSummaries')
			.select('withdrawnAt')
			.where('id', '=', ids[':id']!)
			.executeTakeFirstOrThrow();
		expect(row.withdrawnAt).not.toBeNull();
	},
	'GET /api/v1/summary-publishers': async ({ json, world }) => {
		const rows = await world.db
			.selectFrom('users')
			.select('id')
			.where('kindergartenId', '=', world.a.kindergartens[0]!.id)
			.where('role', '=', 'staff')
			.where('disabledAt', 'is', null)
			.execute();
		const staff = json()['staff'] as Array<{ userId: string }>;
		expect(sorted(staff.map((s) => s.userId))).toEqual(idsOf(rows));
	},
	'PUT /api/v1/summary-publishers/:id': async ({ ids, world }) => {
		const row = await world.db
			.selectFrom('summaryPublishers')
			.selectAll()
			.where('userId', '=', ids[':id']!)
			.executeTakeFirst();
		expect(row).toMatchObject({ kindergartenId: world.a.kindergartens[0]!.id });
	},
	'DELETE /api/v1/summary-publishers/:id': async ({ ids, world }) => {
		const row = await world.db
			.selectFrom('summaryPublishers')
			.select('userId')
			.where('userId', '=', ids[':id']!)
			.executeTakeFirst();
		expect(row).toBeUndefined();
	},
	'GET /api/v1/parent-codes': async ({ json, world }) => {
		const rows = await world.db
			.selectFrom('parentCodes')
			.select('id')
			.where('kindergartenId', '=', world.a.kindergartens[0]!.id)
			.execute();
		expect(rows.length).toBeGreaterThan(0);
		const codes = json()['codes'] as Array<Record<string, unknown>>;
		expect(idsOf(codes)).toEqual(idsOf(rows));
		for (const code of codes) expect(code).not.toHaveProperty('code');
	},
	'POST /api/v1/parent-codes': async ({ json, ids, world }) => {
		const { code } = json() as { code: { id: string; code: string; url: string; groupId: string } };
		expect(code.groupId).toBe(ids[':id']);
		expect(code.url).toMatch(new RegExp(`/join/${code.code}$`));
		const row = await world.db
			.selectFrom('parentCodes')
			.select('codeHash')
			.where('id', '=', code.id)
			.executeTakeFirstOrThrow();
		expect(row.codeHash).toBe(hashToken(code.code.replace('-', '')));
	},
	'DELETE /api/v1/parent-codes/:id': async ({ got, ids, world }) => {
		expect(got.text).toBe('');
		const row = await world.db
			.selectFrom('parentCodes')
			.select('revokedAt')
			.where('id', '=', ids[':id']!)
			.executeTakeFirstOrThrow();
		expect(row.revokedAt).not.toBeNull();
	},
	'GET /api/v1/groups/:id/parents': async ({ json, ids, world }) => {
		const rows = await world.db
			.selectFrom('parentMemberships')
			.select('userId')
			.where('groupId', '=', ids[':id']!)
			.where('removedAt', 'is', null)
			.execute();
		const parents = json()['parents'] as Array<{ userId: string }>;
		expect(sorted(parents.map((p) => p.userId))).toEqual(sorted(rows.map((r) => r.userId)));
	},
	'DELETE /api/v1/groups/:id/parents/:id': async ({ got, ids, world }) => {
		expect(got.text).toBe('');
		const row = await world.db
			.selectFrom('parentMemberships')
			.select('removedAt')
			.where('groupId', '=', ids[':id']!)
			.where('userId', '=', ids[':parent']!)
			.executeTakeFirstOrThrow();
		expect(row.removedAt).not.toBeNull();
	},
	'GET /api/v1/parent-questions': async ({ json, world }) => {
		const rows = await world.db
			.selectFrom('parentQuestions')
			.select('id')
			.where('kindergartenId', '=', world.a.kindergartens[0]!.id)
			.execute();
		expect(rows.length).toBeGreaterThan(0);
		expect(idsOf(json()['questions'])).toEqual(idsOf(rows));
	},
	'GET /api/v1/register': async ({ json, world }) => {
		const rows = await world.db
			.selectFrom('registerEntries')
			.select('id')
			.where('ownerId', '=', world.a.id)
			.execute();
		expect(rows.length).toBeGreaterThan(0);
		expect(idsOf(json()['entries'])).toEqual(idsOf(rows));
	},
	'POST /api/v1/register/entries': async ({ json, world }) => {
		const entry = json() as { id: string; fields: { name: string } };
		expect(entry.fields.name).toBe('Eget verktøy');
		const row = await world.db
			.selectFrom('registerEntries')
			.select('ownerId')
			.where('id', '=', entry.id)
			.executeTakeFirstOrThrow();
		expect(row.ownerId).toBe(world.a.id);
	},
	'PUT /api/v1/register/entries/:id': async ({ json, ids, world, callerId }) => {
		expect(json()).toMatchObject({
			id: ids[':id'],
			fields: { name: 'Endret verktøy', decision: 'approvedWithConditions' }
		});
		const row = await world.db
			.selectFrom('registerEntries')
			.select(['decision', 'assessedBy'])
			.where('id', '=', ids[':id']!)
			.executeTakeFirstOrThrow();
		expect(row).toEqual({ decision: 'approvedWithConditions', assessedBy: callerId });
	},
	'GET /api/v1/register/usage': ({ json }) => {
		expect(Array.isArray(json()['tools'])).toBe(true);
	},
	'POST /api/v1/register/proposals': async ({ json, world, callerId }) => {
		const proposal = json() as { id: string; status: string };
		expect(proposal.status).toBe('open');
		const row = await world.db
			.selectFrom('toolProposals')
			.select(['kindergartenId', 'proposedBy'])
			.where('id', '=', proposal.id)
			.executeTakeFirstOrThrow();
		expect(row).toEqual({ kindergartenId: world.a.kindergartens[0]!.id, proposedBy: callerId });
	},
	'GET /api/v1/register/proposals': async ({ json, world, caller }) => {
		let query = world.db.selectFrom('toolProposals').select('id').where('ownerId', '=', world.a.id);
		if (caller !== 'ownerAdmin') {
			query = query.where('kindergartenId', '=', world.a.kindergartens[0]!.id);
		}
		const rows = await query.execute();
		expect(rows.length).toBeGreaterThan(0);
		expect(idsOf(json()['proposals'])).toEqual(idsOf(rows));
	},
	'POST /api/v1/register/proposals/:id/decision': async ({ json, ids, world }) => {
		expect(json()).toMatchObject({ id: ids[':id'], status: 'declined', reason: 'Ikke nå.' });
		const row = await world.db
			.selectFrom('toolProposals')
			.select('status')
			.where('id', '=', ids[':id']!)
			.executeTakeFirstOrThrow();
		expect(row.status).toBe('declined');
	},
	'PUT /api/v1/parent-questions/:id/answer': async ({ json, ids, world }) => {
		expect(json()['question']).toMatchObject({ id: ids[':id'], answer: 'Takk for spørsmålet.' });
		const row = await world.db
			.selectFrom('parentQuestions')
			.select('answer')
			.where('id', '=', ids[':id']!)
			.executeTakeFirstOrThrow();
		expect(row.answer).toBe('Takk for spørsmålet.');
	}
};

function statusesOf(row: Row): Record<Caller, number> {
	const cells = row[3].trim().split(/\s+/);
	if (cells.length !== CALLERS.length || cells.some((c) => !/^[1-5]\d\d$/.test(c))) {
		throw new Error(`bad status cells in ${row[0]} ${row[1]}: "${row[3]}"`);
	}
	return Object.fromEntries(CALLERS.map((caller, i) => [caller, Number(cells[i])])) as Record<
		Caller,
		number
	>;
}

function fill(value: Json, ids: Record<string, string>): Json {
	if (typeof value === 'string') return ids[value] ?? value;
	if (Array.isArray(value)) return value.map((v) => fill(v, ids));
	if (value !== null && typeof value === 'object') {
		return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fill(v, ids)]));
	}
	return value;
}

const fillPath = (path: string, ids: Record<string, string>) =>
	path.replace(
		/:id\b|:user\b|:client\b|:record\b|:period\b|:locale\b|:table\b|:parent\b|:entry\b/g,
		(placeholder) => ids[placeholder] ?? placeholder
	);

/** Seeds rows straight into the database (no audit noise) for the fresh targets. */
class World {
	constructor(
		readonly server: TestServer,
		readonly a: SeededOwner,
		readonly b: SeededOwner
	) {}

	get db() {
		return this.server.deps.db;
	}

	private get now() {
		return this.server.clock.now().toISOString();
	}

	async kindergarten(owner: SeededOwner): Promise<string> {
		const id = uuidv7();
		await this.server.deps.db
			.insertInto('kindergartens')
			.values({
				id,
				ownerId: owner.id,
				name: 'Tom barnehage',
				createdAt: this.now,
				updatedAt: this.now
			})
			.execute();
		return id;
	}

	async group(owner: SeededOwner, kindergartenId: string): Promise<string> {
		const id = uuidv7();
		await this.server.deps.db
			.insertInto('groups')
			.values({
				id,
				ownerId: owner.id,
				kindergartenId,
				name: 'Tom avdeling',
				ageMin: 1,
				ageMax: 3,
				createdAt: this.now,
				updatedAt: this.now
			})
			.execute();
		return id;
	}

	async staff(owner: SeededOwner, kindergartenId: string): Promise<string> {
		const id = uuidv7();
		await this.server.deps.db
			.insertInto('users')
			.values({
				id,
				ownerId: owner.id,
				email: `${id}@test.lekeplan.no`,
				displayName: 'Ny ansatt',
				role: 'staff',
				kindergartenId,
				groupId: null,
				passwordHash: null,
				disabledAt: null,
				createdAt: this.now,
				updatedAt: this.now
			})
			.execute();
		return id;
	}

	async invitation(owner: SeededOwner): Promise<string> {
		const id = uuidv7();
		await this.server.deps.db
			.insertInto('invitations')
			.values({
				id,
				tokenHash: hashToken(newToken()),
				ownerId: owner.id,
				role: 'staff',
				kindergartenId: owner.kindergartens[0]!.id,
				groupId: null,
				displayName: 'Invitert',
				createdBy: owner.users.ownerAdmin.id,
				createdAt: this.now,
				expiresAt: new Date(this.server.clock.now().getTime() + 86_400_000).toISOString(),
				acceptedAt: null,
				acceptedUserId: null,
				revokedAt: null
			})
			.execute();
		return id;
	}

	/** A synced plan written straight into the database, at the next revision. */
	async plan(owner: SeededOwner, k: number): Promise<string> {
		const id = uuidv7();
		const kindergarten = owner.kindergartens[k]!;
		await this.server.deps.db.transaction().execute(async (trx) => {
			const { value } = await trx
				.selectFrom('syncSequence')
				.select('value')
				.where('id', '=', 1)
				.executeTakeFirstOrThrow();
			const data = planFields(kindergarten.groups[1]!);
			await trx
				.insertInto('syncRecords')
				.values({
					recordId: id,
					type: 'plan',
					ownerId: owner.id,
					kindergartenId: kindergarten.id,
					groupId: kindergarten.groups[1]!,
					data: JSON.stringify(data),
					fieldRevs: JSON.stringify(
						Object.fromEntries(Object.keys(data).map((f) => [f, value + 1]))
					),
					fieldClients: '{}',
					rev: value + 1,
					deletedAt: null,
					createdAt: this.now,
					updatedBy: null,
					updatedAt: this.now
				})
				.execute();
			await trx
				.updateTable('syncSequence')
				.set({ value: value + 1 })
				.where('id', '=', 1)
				.execute();
		});
		return id;
	}

	/** A competence development plan written straight into the database, at the next revision. */
	/** A digital plan written straight into the database, each for a year of its own. */
	async digitalPlan(owner: SeededOwner, k: number): Promise<string> {
		this.#digitalPlanYear += 1;
		return this.record(
			owner,
			k,
			'digitalPlan',
			digitalPlanContent({ year: this.#digitalPlanYear })
		);
	}

	#digitalPlanYear = 2000;

	async developmentPlan(owner: SeededOwner, k: number): Promise<string> {
		return this.record(owner, k, 'developmentPlan', developmentPlanContent());
	}

	/** A record of a type without a group, written straight into the database. */
	async record(
		owner: SeededOwner,
		k: number,
		type: 'developmentPlan' | 'digitalPlan' | 'activity',
		data: Record<string, unknown>
	): Promise<string> {
		const id = uuidv7();
		const kindergarten = owner.kindergartens[k]!;
		await this.server.deps.db.transaction().execute(async (trx) => {
			const { value } = await trx
				.selectFrom('syncSequence')
				.select('value')
				.where('id', '=', 1)
				.executeTakeFirstOrThrow();
			await trx
				.insertInto('syncRecords')
				.values({
					recordId: id,
					type,
					ownerId: owner.id,
					kindergartenId: kindergarten.id,
					groupId: null,
					data: JSON.stringify(data),
					fieldRevs: JSON.stringify(
						Object.fromEntries(Object.keys(data).map((f) => [f, value + 1]))
					),
					fieldClients: '{}',
					rev: value + 1,
					deletedAt: null,
					createdAt: this.now,
					updatedBy: null,
					updatedAt: this.now,
					shared: sharedColumn(type, data)
				})
				.execute();
			await trx
				.updateTable('syncSequence')
				.set({ value: value + 1 })
				.where('id', '=', 1)
				.execute();
		});
		return id;
	}

	/** An unresolved text conflict on a fresh plan. */
	async conflict(owner: SeededOwner, k: number): Promise<string> {
		const recordId = await this.plan(owner, k);
		const id = uuidv7();
		await this.server.deps.db
			.insertInto('syncConflicts')
			.values({
				id,
				recordId,
				type: 'plan',
				field: 'goals',
				kind: 'text',
				serverValue: JSON.stringify('Serverens mål'),
				clientValue: JSON.stringify('Nettbrettets mål'),
				clientId: uuidv7(),
				userId: owner.users.staff.id,
				ownerId: owner.id,
				kindergartenId: owner.kindergartens[k]!.id,
				createdAt: this.now,
				resolvedAt: null,
				resolvedBy: null,
				resolution: null
			})
			.execute();
		return id;
	}

	/** Another staff member of owner a's first kindergarten, signed in: made once. */
	#answerer: Promise<string> | null = null;

	/** Competence answers another staff member of the own kindergarten pushed through sync. */
	async answerSet(): Promise<string> {
		this.#answerer ??= (async () => {
			const id = uuidv7();
			const email = `${id}@test.lekeplan.no`;
			await this.db
				.insertInto('users')
				.values({
					id,
					ownerId: this.a.id,
					email,
					displayName: 'Svarer',
					role: 'staff',
					kindergartenId: this.a.kindergartens[0]!.id,
					groupId: null,
					passwordHash: await hashPassword(PASSWORD),
					disabledAt: null,
					createdAt: this.now,
					updatedAt: this.now
				})
				.execute();
			return signIn(this.server, email);
		})();
		const cookie = await this.#answerer;
		const recordId = uuidv7();
		const client = uuidv7();
		const body = fill(pushOf([answers('put', recordId, 5)]), { ':client': client });
		const response = await this.server.request('POST', '/api/v1/sync/push', { cookie, body });
		const { results } = (await response.json()) as PushResponse;
		expect(results[0]).toMatchObject({ status: 'applied' });
		return recordId;
	}

	/** An entry of an owner's competence plan: for kindergarten `k`, or (null) for all. */
	/**
	 * A fresh own competence item of an owner, added through the API by its administrator. The
	 * fresh items before it are retired first: the form takes at most 15 minutes, so an owner
	 * cannot keep adding items in force.
	 */
	async ownItem(owner: SeededOwner): Promise<string> {
		const cookie = await signIn(this.server, owner.users.ownerAdmin.email);
		const current = (await (
			await this.server.request('GET', '/api/v1/competence/items', { cookie })
		).json()) as { set: { items: Array<{ id: string }>; retired: Record<string, unknown> } };
		for (const item of current.set.items.filter((i) => !(i.id in current.set.retired))) {
			await this.server.request('POST', `/api/v1/competence/items/${item.id}/retirement`, {
				cookie,
				body: { retiredIn: '2027-2' }
			});
		}
		const response = await this.server.request('POST', '/api/v1/competence/items', {
			cookie,
			body: BODIES['POST /api/v1/competence/items']
		});
		const view = (await response.json()) as { set: { items: Array<{ id: string }> } };
		return view.set.items.at(-1)!.id;
	}

	/** A fresh staff member of the owner's first kindergarten who asked for deletion. */
	async deletionRequest(owner: SeededOwner): Promise<string> {
		const id = uuidv7();
		await this.server.deps.db
			.insertInto('deletionRequests')
			.values({
				id,
				ownerId: owner.id,
				userId: await this.staff(owner, owner.kindergartens[0]!.id),
				askedAt: this.server.clock.now().toISOString(),
				carriedOutAt: null,
				carriedOutBy: null,
				withdrawnAt: null
			})
			.execute();
		return id;
	}

	async planEntry(owner: SeededOwner, k: number | null): Promise<string> {
		const id = uuidv7();
		await this.server.deps.db
			.insertInto('competencePlanEntries')
			.values({
				id,
				ownerId: owner.id,
				kindergartenId: k === null ? null : owner.kindergartens[k]!.id,
				kind: 'course',
				area: null,
				title: 'Kurs',
				partner: null,
				places: null,
				startsOn: null,
				endsOn: null,
				status: 'planned',
				note: null,
				createdBy: owner.users.ownerAdmin.id,
				createdAt: this.now,
				updatedAt: this.now
			})
			.execute();
		return id;
	}

	/** A summary published for kindergarten `k`'s second group, each for a week of its own. */
	async summary(owner: SeededOwner, k: number): Promise<string> {
		this.#summaryWeek += 1;
		const id = uuidv7();
		const kindergarten = owner.kindergartens[k]!;
		const groupId = kindergarten.groups[1]!;
		const period = weekPeriod(addDays('2020-01-06', 7 * this.#summaryWeek));
		await this.db
			.insertInto('parentSummaries')
			.values({
				id,
				ownerId: owner.id,
				kindergartenId: kindergarten.id,
				groupId,
				periodKind: 'week',
				periodStart: period.start,
				content: JSON.stringify(
					buildSummary([], { id: groupId, ageMin: 3 }, DEFAULT_GUIDANCE, period)
				),
				staffText: 'Tekst',
				staffTextLocale: 'nb',
				publishedBy: owner.users.manager.id,
				publishedAt: this.now,
				withdrawnAt: null
			})
			.execute();
		return id;
	}

	#summaryWeek = 0;

	async parentCode(owner: SeededOwner, k: number): Promise<string> {
		const id = uuidv7();
		const kindergarten = owner.kindergartens[k]!;
		await this.db
			.insertInto('parentCodes')
			.values({
				id,
				codeHash: hashToken(newToken()),
				ownerId: owner.id,
				kindergartenId: kindergarten.id,
				groupId: kindergarten.groups[0]!,
				createdBy: owner.users.manager.id,
				createdAt: this.now,
				expiresAt: '2099-01-01T00:00:00.000Z',
				revokedAt: null
			})
			.execute();
		return id;
	}

	async question(owner: SeededOwner, k: number): Promise<string> {
		const id = uuidv7();
		const kindergarten = owner.kindergartens[k]!;
		await this.db
			.insertInto('parentQuestions')
			.values({
				id,
				ownerId: owner.id,
				kindergartenId: kindergarten.id,
				groupId: kindergarten.groups[0]!,
				askedBy: owner.users.parent.id,
				body: 'Hvor mye skjerm bruker dere?',
				askedAt: this.now,
				answer: null,
				answeredBy: null,
				answeredAt: null
			})
			.execute();
		return id;
	}

	/** A fresh parent who joined the group `groupId` (of any owner). */
	async parentIn(groupId: string): Promise<string> {
		const group = await this.db
			.selectFrom('groups')
			.select(['ownerId', 'kindergartenId'])
			.where('id', '=', groupId)
			.executeTakeFirstOrThrow();
		const id = uuidv7();
		await this.db
			.insertInto('users')
			.values({
				id,
				ownerId: group.ownerId,
				email: `${id}@test.lekeplan.no`,
				displayName: 'Forelder',
				role: 'parent',
				kindergartenId: group.kindergartenId,
				groupId,
				passwordHash: null,
				disabledAt: null,
				createdAt: this.now,
				updatedAt: this.now
			})
			.execute();
		await this.db
			.insertInto('parentMemberships')
			.values({
				userId: id,
				groupId,
				kindergartenId: group.kindergartenId,
				codeId: null,
				joinedAt: this.now,
				removedAt: null
			})
			.execute();
		return id;
	}

	async id(target: Target): Promise<string> {
		const { a, b } = this;
		const [aOwn, aSibling] = [a.kindergartens[0]!, a.kindergartens[1]!];
		const bOwn = b.kindergartens[0]!;
		switch (target) {
			case 'kg.own':
				return aOwn.id;
			case 'kg.sibling':
				return aSibling.id;
			case 'kg.foreign':
				return bOwn.id;
			case 'kg.empty':
				return this.kindergarten(a);
			case 'kg.foreign-empty':
				return this.kindergarten(b);
			case 'group.own':
				return aOwn.groups[0]!;
			case 'group.kg':
				return aOwn.groups[1]!;
			case 'group.sibling':
				return aSibling.groups[0]!;
			case 'group.foreign':
				return bOwn.groups[0]!;
			case 'group.empty':
				return this.group(a, aOwn.id);
			case 'group.sibling-empty':
				return this.group(a, aSibling.id);
			case 'group.foreign-empty':
				return this.group(b, bOwn.id);
			case 'user.own-kg':
				return this.staff(a, aOwn.id);
			case 'user.sibling-kg':
				return this.staff(a, aSibling.id);
			case 'user.foreign':
				return this.staff(b, bOwn.id);
			case 'invitation.own':
				return this.invitation(a);
			case 'invitation.foreign':
				return this.invitation(b);
			case 'plan.own':
				return this.plan(a, 0);
			case 'plan.sibling':
				return this.plan(a, 1);
			case 'plan.foreign':
				return this.plan(b, 0);
			case 'devplan.own':
				return this.developmentPlan(a, 0);
			case 'devplan.sibling':
				return this.developmentPlan(a, 1);
			case 'devplan.foreign':
				return this.developmentPlan(b, 0);
			case 'digiplan.own':
				return this.digitalPlan(a, 0);
			case 'digiplan.sibling':
				return this.digitalPlan(a, 1);
			case 'digiplan.foreign':
				return this.digitalPlan(b, 0);
			case 'activity.own':
				return this.record(a, 0, 'activity', activityFields());
			case 'activity.sibling-shared':
				return this.record(a, 1, 'activity', activityFields({ shared: true }));
			case 'activity.foreign-shared':
				return this.record(b, 0, 'activity', activityFields({ shared: true }));
			case 'conflict.own':
				return this.conflict(a, 0);
			case 'conflict.sibling':
				return this.conflict(a, 1);
			case 'conflict.foreign':
				return this.conflict(b, 0);
			case 'planEntry.own':
				return this.planEntry(a, 0);
			case 'planEntry.sibling':
				return this.planEntry(a, 1);
			case 'planEntry.all':
				return this.planEntry(a, null);
			case 'planEntry.foreign':
				return this.planEntry(b, 0);
			case 'item.own':
				return this.ownItem(a);
			case 'item.foreign':
				return this.ownItem(b);
			case 'request.own':
				return this.deletionRequest(a);
			case 'request.foreign':
				return this.deletionRequest(b);
			case 'answers.other':
				return this.answerSet();
			case 'summary.own':
				return this.summary(a, 0);
			case 'summary.sibling':
				return this.summary(a, 1);
			case 'summary.foreign':
				return this.summary(b, 0);
			case 'parentCode.own':
				return this.parentCode(a, 0);
			case 'parentCode.sibling':
				return this.parentCode(a, 1);
			case 'parentCode.foreign':
				return this.parentCode(b, 0);
			case 'question.own':
				return this.question(a, 0);
			case 'question.sibling':
				return this.question(a, 1);
			case 'question.foreign':
				return this.question(b, 0);
			case 'entry.own':
				return this.registerEntry(a);
			case 'entry.foreign':
				return this.registerEntry(b);
			case 'proposal.own':
				return this.proposal(a, 0);
			case 'proposal.sibling':
				return this.proposal(a, 1);
			case 'proposal.foreign':
				return this.proposal(b, 0);
			case 'missing':
				return uuidv7();
		}
	}

	/** A fresh entry of the owner's register, last saved at ENTRY_BASE. */
	async registerEntry(owner: SeededOwner): Promise<string> {
		const id = uuidv7();
		const { deps } = this.server;
		await deps.db.transaction().execute(async (trx) => {
			const rev = (await takeSequence(trx, deps.dialect)) + 1;
			await trx
				.insertInto('registerEntries')
				.values({
					id,
					ownerId: owner.id,
					seedKey: null,
					name: `Verktøy ${id}`,
					decision: 'notAssessed',
					data: JSON.stringify(blankEntryFields(`Verktøy ${id}`, 'app')),
					rev,
					assessedAt: null,
					assessedBy: null,
					createdAt: ENTRY_BASE,
					updatedAt: ENTRY_BASE,
					updatedBy: null
				})
				.execute();
			await storeSequence(trx, rev);
		});
		return id;
	}

	/** A fresh open proposal from a staff member of the owner's kindergarten `k`. */
	async proposal(owner: SeededOwner, k: number): Promise<string> {
		const id = uuidv7();
		await this.server.deps.db
			.insertInto('toolProposals')
			.values({
				id,
				ownerId: owner.id,
				kindergartenId: owner.kindergartens[k]!.id,
				proposedBy: owner.users.staff.id,
				name: `Forslag ${id}`,
				kind: 'app',
				purpose: 'Lage bøker.',
				note: '',
				proposedAt: this.server.clock.now().toISOString(),
				status: 'open',
				decidedAt: null,
				decidedBy: null,
				reason: null,
				entryId: null
			})
			.execute();
		return id;
	}
}

interface Answer {
	status: number;
	text: string;
	headers: Array<[string, string]>;
}

async function answer(response: Response): Promise<Answer> {
	return { status: response.status, text: await response.text(), headers: [...response.headers] };
}

describeEachDatabase('the access matrix', (dialect) => {
	let server: TestServer;
	let world: World;
	const cookies: Partial<Record<Caller, string>> = {};
	const callerIds: Partial<Record<Caller, string>> = {};

	beforeAll(async () => {
		server = await startTestServer(dialect);
		const a = await seedOwner(server, 'a');
		const b = await seedOwner(server, 'b');
		world = new World(server, a, b);
		for (const caller of CALLERS) {
			if (caller === 'anonymous') continue;
			cookies[caller] = await signIn(server, a.users[caller].email);
			callerIds[caller] = a.users[caller].id;
		}
	});
	afterAll(async () => server.close());

	it('has a well-formed table: every cell parses, every route of the API has rows', () => {
		for (const row of MATRIX) expect(() => statusesOf(row)).not.toThrow();
		const used = new Set(MATRIX.map(([, , target]) => target));
		for (const target of Object.keys(TARGETS)) expect(used, target).toContain(target);
		// The endpoints are read from the API's route definitions, never typed here: a new route
		// without rows (or without a line in ELSEWHERE) fails this test.
		const defined = apiRoutes.map((r) => endpointOf(r.method, r.path));
		const inMatrix = new Set(MATRIX.map(([method, path]) => endpointOf(method, path)));
		for (const endpoint of inMatrix) expect(defined, `a row names ${endpoint}`).toContain(endpoint);
		for (const endpoint of Object.keys(ELSEWHERE)) {
			expect(defined, `ELSEWHERE names ${endpoint}`).toContain(endpoint);
			expect(inMatrix.has(endpoint), `${endpoint} both in the matrix and elsewhere`).toBe(false);
		}
		const missing = defined.filter((e) => !inMatrix.has(e) && !(e in ELSEWHERE));
		expect(missing, 'routes of the API without rows in the access matrix').toEqual([]);
		// Every endpoint a caller can get a 2xx from has its success body checked.
		for (const row of MATRIX) {
			const succeeds = Object.values(statusesOf(row)).some((s) => s < 300);
			if (succeeds)
				expect(SUCCESS, endpointOf(row[0], row[1])).toHaveProperty([endpointOf(row[0], row[1])]);
		}
	});

	for (const row of MATRIX) {
		const [method, path, target, , rowBody, outcome] = row;
		const statuses = statusesOf(row);
		const endpoint = `${method} ${path}`;
		const template = rowBody ?? BODIES[endpoint];
		const about = target ? ` on ${target}` : '';
		const bodyNote = rowBody !== undefined ? ` ${JSON.stringify(rowBody).slice(0, 160)}` : '';

		describe(`${endpoint}${bodyNote}${about}`, () => {
			for (const caller of CALLERS) {
				const expected = statuses[caller];
				it(`${caller} → ${expected}`, async () => {
					const ids: Record<string, string> = {};
					if (target) ids[':id'] = await world.id(target);
					if (path.includes(':user') || JSON.stringify(template ?? '').includes(':user')) {
						ids[':user'] = await world.id('user.own-kg');
					}
					if (path.includes(':parent')) ids[':parent'] = await world.parentIn(ids[':id']!);
					if (path.includes(':entry')) ids[':entry'] = await insertEntry(server, world.a.id);
					ids[':client'] = uuidv7();
					ids[':record'] = uuidv7();
					ids[':period'] = '2026-2';
					ids[':locale'] = 'nn';
					ids[':table'] = 'kindergartens';
					const send = (idValues: Record<string, string>) =>
						server.request(method, fillPath(path, idValues), {
							cookie: cookies[caller] ?? null,
							...(template !== undefined ? { body: fill(template, idValues) } : {})
						});

					const pull = endpoint === `GET ${PULL}` || endpoint === `GET ${PULL_SHARES}`;
					// Records of every kind of scope exist when a list is read: it must return its own only.
					for (const other of PRESENT[endpointOf(method, path)] ?? []) await world.id(other);
					const before = await snapshot(server);
					const got = await answer(await send(ids));
					expect(got.status, `${caller} ${endpoint}${about}: ${got.text}`).toBe(expected);
					expect(got.status).toBeLessThan(500);
					if (pull && expected === 200) {
						const { changes, hasMore } = JSON.parse(got.text) as PullResponse;
						expect(hasMore).toBe(false);
						const own = await server.deps.db
							.selectFrom('syncRecords')
							.select('recordId')
							.where('kindergartenId', '=', world.a.kindergartens[0]!.id)
							.execute();
						// The same owner's other kindergartens' shares, for a tablet that reads them.
						const shares =
							path === PULL_SHARES
								? await server.deps.db
										.selectFrom('syncRecords')
										.select('recordId')
										.where('ownerId', '=', world.a.id)
										.where('kindergartenId', '!=', world.a.kindergartens[0]!.id)
										.where('shared', 'is not', null)
										.execute()
								: [];
						if (path === PULL_SHARES) expect(shares.length).toBeGreaterThan(0);
						// Nobody's competence answers, not even a word of them (ADR 32).
						expect(changes.filter((c) => (c.type as string) === 'competenceAnswers')).toEqual([]);
						expect(got.text).not.toContain('"answers"');
						// The owner's own competence items (ADR 37): the caller's owner's, never another's.
						const itemSets = await server.deps.db
							.selectFrom('competenceItemSets')
							.select('recordId')
							.where('ownerId', '=', world.a.id)
							.execute();
						for (const change of changes.filter((c) => c.type === 'competenceItems')) {
							expect(itemSets.map((r) => r.recordId)).toContain(change.recordId);
						}
						const records = changes.filter(
							(c) => c.type !== 'guidance' && c.type !== 'competenceItems'
						);
						expect(records.map((c) => c.recordId).sort()).toEqual(
							[...own, ...shares].map((r) => r.recordId).sort()
						);
						const sharedIds = new Set(shares.map((r) => r.recordId));
						for (const change of records) {
							if (sharedIds.has(change.recordId)) {
								expect(change.data['kindergartenId']).toBe(world.a.kindergartens[1]!.id);
								expect(change.data['sharedFrom']).toEqual(expect.any(String));
							} else expect(change.data['kindergartenId']).toBe(world.a.kindergartens[0]!.id);
						}
					}
					const expectedOutcome = typeof outcome === 'object' ? outcome[caller] : outcome;
					if (expected < 400 && expectedOutcome) {
						const [status, reason] = expectedOutcome.split(' ');
						const { results } = JSON.parse(got.text) as PushResponse;
						expect(results, got.text).toHaveLength(1);
						expect(results[0]).toMatchObject({ status, ...(reason ? { reason } : {}) });
						if (status === 'rejected') {
							const after = await snapshot(server);
							expect(after.tables.syncRecords).toEqual(before.tables.syncRecords);
							expect(after.tables.syncSequence).toEqual(before.tables.syncSequence);
							expect(after.tables.competenceSubmissions).toEqual(
								before.tables.competenceSubmissions
							);
							expect(after.tables.competenceAnswers).toEqual(before.tables.competenceAnswers);
						}
					}
					if (expected < 400) {
						const check = SUCCESS[endpointOf(method, path)];
						expect(check, `a success check for ${endpoint}`).toBeDefined();
						await check!({
							got,
							json: () => JSON.parse(got.text) as Record<string, unknown>,
							ids,
							target,
							caller,
							callerId: callerIds[caller] ?? null,
							body: template !== undefined ? fill(template, ids) : undefined,
							world
						});
						return;
					}

					const reason = expected === 409 ? CONFLICTS[endpoint] : REASONS[expected];
					expect(reason, `a reason for ${expected}`).toBeDefined();
					expect(JSON.parse(got.text)).toEqual({ error: { status: expected, reason } });

					const added = await expectUnchanged(server, before, {
						auditAllowed: ['access_refused'],
						message: `${caller} ${endpoint}${about}:`
					});
					if (expected === 403 || expected === 404) {
						// One refusal, one log row, naming who was refused.
						expect(added).toHaveLength(1);
						expect(added[0]).toMatchObject({
							action: 'access_refused',
							actorUserId: callerIds[caller],
							ownerId: world.a.id
						});
					} else {
						expect(added).toEqual([]);
					}

					// Refused the same whether or not the record exists: byte for byte.
					if (expected !== 409 && target && target !== 'missing') {
						const absent = await answer(await send({ ...ids, ':id': uuidv7() }));
						expect(absent).toEqual(got);
						await expectUnchanged(server, before, { auditAllowed: ['access_refused'] });
					}
				});
			}
		});
	}
});

describeEachDatabase('access: scope comes from the session', (dialect) => {
	let server: TestServer;
	let a: SeededOwner;
	let b: SeededOwner;
	let admin: string;
	let adminB: string;

	beforeAll(async () => {
		server = await startTestServer(dialect);
		a = await seedOwner(server, 'a');
		b = await seedOwner(server, 'b');
		admin = await signIn(server, a.users.ownerAdmin.email);
		adminB = await signIn(server, b.users.ownerAdmin.email);
	});
	afterAll(async () => server.close());

	const reasonOf = async (response: Response) =>
		((await response.json()) as { error: { reason: string } }).error.reason;

	it('refuses a body that claims an owner or a scope (strict bodies: 400), changing nothing', async () => {
		const attempts: Array<[string, string, Json]> = [
			['POST', '/api/v1/kindergartens', { name: 'Kapret', ownerId: b.id }],
			[
				'POST',
				`/api/v1/kindergartens/${a.kindergartens[0]!.id}/groups`,
				{ name: 'Kapret', ageMin: 1, ageMax: 3, kindergartenId: b.kindergartens[0]!.id }
			],
			[
				'POST',
				`/api/v1/kindergartens/${a.kindergartens[0]!.id}/groups`,
				{ name: 'Kapret', ageMin: 1, ageMax: 3, ownerId: b.id }
			],
			['PATCH', `/api/v1/kindergartens/${a.kindergartens[1]!.id}`, { name: 'X', ownerId: b.id }],
			[
				'POST',
				'/api/v1/invitations',
				{ role: 'staff', kindergartenId: a.kindergartens[0]!.id, displayName: 'X', ownerId: b.id }
			],
			['PATCH', `/api/v1/users/${a.users.staff.id}`, { role: 'staff', ownerId: b.id }]
		];
		for (const [method, path, body] of attempts) {
			const before = await snapshot(server);
			const response = await server.request(method, path, { cookie: admin, body });
			expect(response.status, `${method} ${path}`).toBe(400);
			expect(await reasonOf(response)).toBe('invalid_body');
			await expectUnchanged(server, before);
		}
	});

	it("creates records under the session's owner", async () => {
		const response = await server.request('POST', '/api/v1/kindergartens', {
			cookie: admin,
			body: { name: 'Eget barnehage' }
		});
		expect(response.status).toBe(201);
		const { kindergarten } = (await response.json()) as { kindergarten: { id: string } };
		const row = await server.deps.db
			.selectFrom('kindergartens')
			.select('ownerId')
			.where('id', '=', kindergarten.id)
			.executeTakeFirstOrThrow();
		expect(row.ownerId).toBe(a.id);
	});

	it("does not let an owner admin make a group in another owner's kindergarten", async () => {
		const before = await snapshot(server);
		const response = await server.request(
			'POST',
			`/api/v1/kindergartens/${b.kindergartens[1]!.id}/groups`,
			{ cookie: admin, body: { name: 'Inntrenger', ageMin: 1, ageMax: 3 } }
		);
		expect(response.status).toBe(404);
		expect(await reasonOf(response)).toBe('not_found');
		await expectUnchanged(server, before, { auditAllowed: ['access_refused'] });
		const groups = await server.deps.db
			.selectFrom('groups')
			.select('id')
			.where('kindergartenId', '=', b.kindergartens[1]!.id)
			.execute();
		expect(groups.map((g) => g.id).sort()).toEqual([...b.kindergartens[1]!.groups].sort());
	});

	it("does not let an owner admin invite into another owner's group or kindergarten", async () => {
		for (const body of [
			{ role: 'parent', groupId: b.kindergartens[0]!.groups[1]!, displayName: 'X' },
			{ role: 'staff', kindergartenId: b.kindergartens[1]!.id, displayName: 'X' },
			{ role: 'manager', kindergartenId: b.kindergartens[0]!.id, displayName: 'X' }
		]) {
			const before = await snapshot(server);
			const response = await server.request('POST', '/api/v1/invitations', {
				cookie: admin,
				body
			});
			expect(response.status).toBe(404);
			expect(await reasonOf(response)).toBe('not_found');
			await expectUnchanged(server, before, { auditAllowed: ['access_refused'] });
		}
	});

	it('lists only what is in scope', async () => {
		const manager = await signIn(server, a.users.manager.email);
		const list = async (path: string, cookie: string) => {
			const response = await server.request('GET', path, { cookie });
			expect(response.status, path).toBe(200);
			return response.json() as Promise<Record<string, Array<Record<string, unknown>>>>;
		};
		const mine = (await list('/api/v1/kindergartens', manager))['kindergartens']!;
		expect(mine.map((k) => k['id'])).toEqual([a.kindergartens[0]!.id]);

		const owned = (await list('/api/v1/kindergartens', admin))['kindergartens']!;
		const ownedIds = owned.map((k) => k['id']);
		for (const k of a.kindergartens) expect(ownedIds).toContain(k.id);
		for (const k of b.kindergartens) expect(ownedIds).not.toContain(k.id);

		const groups = (await list(`/api/v1/kindergartens/${a.kindergartens[0]!.id}/groups`, manager))[
			'groups'
		]!;
		expect(groups.map((g) => g['id']).sort()).toEqual([...a.kindergartens[0]!.groups].sort());

		const people = (await list('/api/v1/users', admin))['users']!.map((u) => u['id']);
		for (const u of Object.values(a.users)) expect(people).toContain(u.id);
		for (const u of Object.values(b.users)) expect(people).not.toContain(u.id);

		const invited = await server.request('POST', '/api/v1/invitations', {
			cookie: adminB,
			body: { role: 'staff', kindergartenId: b.kindergartens[0]!.id, displayName: 'B-ansatt' }
		});
		expect(invited.status).toBe(201);
		const { invitation } = (await invited.json()) as { invitation: { id: string } };
		const invitations = (await list('/api/v1/invitations', admin))['invitations']!;
		expect(invitations.map((i) => i['id'])).not.toContain(invitation.id);
		const invitationsB = (await list('/api/v1/invitations', adminB))['invitations']!;
		expect(invitationsB.map((i) => i['id'])).toContain(invitation.id);

		const entries = (await list('/api/v1/audit', adminB))['entries']!;
		const actorsOfA = new Set(Object.values(a.users).map((u) => u.id));
		expect(entries.length).toBeGreaterThan(0);
		for (const entry of entries) expect(actorsOfA.has(entry['actorUserId'] as string)).toBe(false);
	});

	it('answers the health check to anyone, reading and writing nothing', async () => {
		const before = await snapshot(server);
		for (const cookie of [null, admin]) {
			const response = await server.request('GET', '/api/v1/health', { cookie });
			expect(response.status).toBe(200);
			expect(response.headers.get('content-type')).toMatch(/^application\/json/);
			expect(response.headers.get('set-cookie')).toBeNull();
			expect(await response.json()).toEqual({ ok: true });
		}
		const post = await server.request('POST', '/api/v1/health', { body: {} });
		expect(post.status).toBe(405);
		await expectUnchanged(server, before);
	});

	it('answers anonymous callers of sign-in, lookup and accept without asking for a session', async () => {
		const signInAttempt = await server.request('POST', '/api/v1/auth/sign-in', {
			body: { email: 'ingen@test.lekeplan.no', password: 'feil passord' },
			address: '10.9.9.9'
		});
		expect(signInAttempt.status).toBe(401);
		expect(await reasonOf(signInAttempt)).toBe('invalid_credentials');
		const lookup = await server.request('POST', '/api/v1/invitations/lookup', {
			body: { token: 'no-such-token' }
		});
		expect(lookup.status).toBe(404);
		expect(await reasonOf(lookup)).toBe('invitation_not_found');
		const accept = await server.request('POST', '/api/v1/invitations/accept', {
			body: { token: 'no-such-token', email: 'ny@test.lekeplan.no', password: 'langt passord' }
		});
		expect(accept.status).toBe(404);
		expect(await reasonOf(accept)).toBe('invitation_not_found');
	});
});

describeEachDatabase('access: the audit log', (dialect) => {
	let server: TestServer;
	let a: SeededOwner;
	let b: SeededOwner;
	let admin: string;

	beforeAll(async () => {
		server = await startTestServer(dialect);
		a = await seedOwner(server, 'a');
		b = await seedOwner(server, 'b');
		admin = await signIn(server, a.users.ownerAdmin.email);
	});
	afterAll(async () => server.close());

	type Entry = {
		action: string;
		actorUserId: string | null;
		targetType: string | null;
		targetId: string | null;
		reason: string | null;
	};
	const auditLog = async () => {
		const response = await server.request('GET', '/api/v1/audit', { cookie: admin });
		expect(response.status).toBe(200);
		return ((await response.json()) as { entries: Entry[] }).entries;
	};

	it('records refused authorizations: a missing permission and an out-of-scope id', async () => {
		const manager = await signIn(server, a.users.manager.email);
		const parent = await signIn(server, a.users.parent.email);
		expect((await server.request('GET', '/api/v1/users', { cookie: manager })).status).toBe(403);
		const foreignGroup = b.kindergartens[0]!.groups[0]!;
		expect(
			(await server.request('GET', `/api/v1/groups/${foreignGroup}`, { cookie: parent })).status
		).toBe(404);
		const foreignInvitation = uuidv7();
		expect(
			(
				await server.request('DELETE', `/api/v1/invitations/${foreignInvitation}`, {
					cookie: admin
				})
			).status
		).toBe(404);

		const entries = await auditLog();
		expect(entries).toContainEqual(
			expect.objectContaining({
				action: 'access_refused',
				actorUserId: a.users.manager.id,
				reason: 'missing_users.manage'
			})
		);
		expect(entries).toContainEqual(
			expect.objectContaining({
				action: 'access_refused',
				actorUserId: a.users.parent.id,
				targetType: 'group',
				targetId: foreignGroup,
				reason: 'out_of_scope'
			})
		);
		expect(entries).toContainEqual(
			expect.objectContaining({
				action: 'access_refused',
				actorUserId: a.users.ownerAdmin.id,
				targetType: 'invitation',
				targetId: foreignInvitation,
				reason: 'out_of_scope'
			})
		);
	});

	it('records role changes, and only real ones', async () => {
		const staff = a.users.staff;
		const promote = await server.request('PATCH', `/api/v1/users/${staff.id}`, {
			cookie: admin,
			body: { role: 'manager' }
		});
		expect(promote.status).toBe(200);
		expect(((await promote.json()) as { user: { role: string } }).user.role).toBe('manager');
		const same = await server.request('PATCH', `/api/v1/users/${staff.id}`, {
			cookie: admin,
			body: { role: 'manager' }
		});
		expect(same.status).toBe(200);

		const changes = (await auditLog()).filter(
			(e) => e.action === 'role_changed' && e.targetId === staff.id
		);
		expect(changes).toEqual([
			expect.objectContaining({
				at: expect.stringMatching(/Z$/) as unknown,
				action: 'role_changed',
				actorUserId: a.users.ownerAdmin.id,
				targetType: 'user',
				targetId: staff.id,
				reason: 'staff->manager',
				// Who, and what changed (issue 13).
				actorName: 'ownerAdmin a',
				targetName: 'staff a',
				changes: { role: ['staff', 'manager'] },
				count: 1
			})
		]);
	});

	it('keeps refusals out of another owner’s log', async () => {
		const adminB = await signIn(server, b.users.ownerAdmin.email);
		const response = await server.request('GET', '/api/v1/audit', { cookie: adminB });
		const entries = ((await response.json()) as { entries: Entry[] }).entries;
		expect(entries.filter((e) => e.action === 'access_refused')).toEqual([]);
	});
});

describeEachDatabase('access: requests from another origin’s page', (dialect) => {
	let server: TestServer;
	let world: World;
	const ORIGIN = 'http://localhost:3000';

	beforeAll(async () => {
		server = await startTestServer(dialect, { origin: ORIGIN });
		world = new World(server, await seedOwner(server, 'a'), await seedOwner(server, 'b'));
	});
	afterAll(async () => server.close());

	/** Every state-changing route of the API (read from its definitions). */
	const WRITES: Array<[Method, string]> = apiRoutes
		.filter((r) => r.method !== 'GET')
		.map((r) => [r.method, r.path]);

	/** How another site's page can send a request: each is refused, whatever it carries. */
	const FROM_ELSEWHERE: Array<[string, Record<string, string>]> = [
		['another site (Origin)', { origin: 'http://evil.example' }],
		['the same site on another port (Origin)', { origin: 'http://localhost:4000' }],
		['a sandboxed frame (Origin: null)', { origin: 'null' }],
		['another site (Sec-Fetch-Site, no Origin)', { 'sec-fetch-site': 'cross-site' }],
		['another origin of the site (Sec-Fetch-Site, no Origin)', { 'sec-fetch-site': 'same-site' }]
	];

	for (const [method, path] of WRITES) {
		it(`${method} ${path}: refused with 403 from another origin, signed in as owner admin, changing nothing`, async () => {
			const cookie = await signIn(server, world.a.users.ownerAdmin.email);
			const ids: Record<string, string> = {
				':id': uuidv7(),
				':client': uuidv7(),
				':record': uuidv7(),
				':user': uuidv7()
			};
			for (const [how, headers] of FROM_ELSEWHERE) {
				// With no body, a form's body, and a JSON body: the content type changes nothing.
				for (const body of [
					{},
					{ raw: 'a=1', headers: { 'content-type': 'application/x-www-form-urlencoded' } },
					{ raw: '{}', headers: { 'content-type': 'text/plain' } },
					{ body: {} }
				] as Array<{ raw?: string; body?: unknown; headers?: Record<string, string> }>) {
					const before = await snapshot(server, { sessions: true });
					const response = await server.request(method, fillPath(path, ids), {
						cookie,
						...body,
						headers: { ...body.headers, ...headers }
					});
					expect(response.status, `${how} ${JSON.stringify(body)}`).toBe(403);
					expect(await response.json()).toEqual({
						error: { status: 403, reason: 'cross_origin_request' }
					});
					await expectUnchanged(server, before, { message: how });
				}
			}
		});
	}

	it('signs out a request from the app’s own page, and one with no browser headers', async () => {
		for (const headers of [
			{ origin: ORIGIN },
			{ 'sec-fetch-site': 'same-origin' },
			{} as Record<string, string>
		]) {
			const cookie = await signIn(server, world.a.users.staff.email);
			const out = await server.request('POST', '/api/v1/auth/sign-out', { cookie, headers });
			expect(out.status, JSON.stringify(headers)).toBe(204);
			expect(await whoIs(server, cookie)).toBeNull();
		}
	});

	it('answers reads from anywhere (a link from another site opens the app)', async () => {
		const cookie = await signIn(server, world.a.users.staff.email);
		const me = await server.request('GET', '/api/v1/me', {
			cookie,
			headers: { origin: 'http://evil.example', 'sec-fetch-site': 'cross-site' }
		});
		expect(me.status).toBe(200);
	});
});
