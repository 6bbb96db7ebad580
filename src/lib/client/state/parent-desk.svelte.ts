import { LiveQuery } from './live-query.svelte';
import { repositories } from './repositories';
import { callApi, type ApiAnswer, type ApiResult } from '$lib/client/api';
import { apiPath } from '$lib/client/api/path';
import type { LekeplanDatabase, SummaryDraft } from '$lib/client/db/database';
import { SummaryDraftRepository } from '$lib/client/db/summary-draft-repository';
import type { ActivityPlan } from '$lib/domain/plan';
import type { SummaryPeriodKind, SummaryPublish } from '$lib/domain/parent-summary';

/**
 * The parents' desk (issue 17, ADR 40): summary drafts on the tablet (offline, surviving a
 * reload) and the server's side, which needs the network: publishing, the published list, who may
 * publish, codes, parents and their questions. Only the parents' desk page imports this.
 */

let current: { db: LekeplanDatabase; repository: SummaryDraftRepository } | undefined;

function drafts(): SummaryDraftRepository {
	const { db } = repositories();
	if (current?.db !== db) current = { db, repository: new SummaryDraftRepository(db) };
	return current.repository;
}

export type { SummaryDraft };
export type PublishedSummary = ApiAnswer<'GET', '/summaries'>['summaries'][number];
export type ParentCode = ApiAnswer<'GET', '/parent-codes'>['codes'][number];
export type NewParentCode = ApiAnswer<'POST', '/parent-codes'>['code'];
export type GroupParent = ApiAnswer<'GET', '/groups/:id/parents'>['parents'][number];
export type ParentQuestion = ApiAnswer<'GET', '/parent-questions'>['questions'][number];
export type StaffPublisher = ApiAnswer<'GET', '/summary-publishers'>['staff'][number];

/** The plans of a group between two dates, kept live (what a summary is built from). */
export function groupPlans(groupId: string, from: string, to: string): LiveQuery<ActivityPlan[]> {
	return new LiveQuery(() => repositories().plans.listForGroup(groupId, from, to));
}

/** The draft of a group's summary for a period, kept live. */
export function summaryDraft(
	groupId: string,
	kind: SummaryPeriodKind,
	start: string
): LiveQuery<SummaryDraft | null> {
	return new LiveQuery(async () => (await drafts().get(groupId, kind, start)) ?? null);
}

export function saveSummaryDraft(draft: Omit<SummaryDraft, 'key' | 'updatedAt'>): Promise<void> {
	return drafts().save(draft);
}

export function discardSummaryDraft(
	groupId: string,
	kind: SummaryPeriodKind,
	start: string
): Promise<void> {
	return drafts().remove(groupId, kind, start);
}

/** What the signed-in person may do here (the server decides). */
export function deskAccess() {
	return callApi('GET', '/parent-desk');
}

export async function publishSummary(
	body: SummaryPublish
): Promise<ApiResult<ApiAnswer<'POST', '/summaries'>>> {
	const result = await callApi('POST', '/summaries', body);
	// Published: the draft has done its work.
	if (result.ok) {
		const { period } = body.content;
		await drafts().remove(body.groupId, period.kind, period.start);
	}
	return result;
}

export const listSummaries = () => callApi('GET', '/summaries');
export const withdrawSummary = (id: string) => callApi('DELETE', apiPath('/summaries/:id', { id }));
export const listPublishers = () => callApi('GET', '/summary-publishers');
export const setPublisher = (id: string, allowed: boolean) =>
	callApi(allowed ? 'PUT' : 'DELETE', apiPath('/summary-publishers/:id', { id }));
export const listCodes = () => callApi('GET', '/parent-codes');
export const makeCode = (groupId: string) => callApi('POST', '/parent-codes', { groupId });
export const revokeCode = (id: string) => callApi('DELETE', apiPath('/parent-codes/:id', { id }));
export const listParents = (groupId: string) =>
	callApi('GET', apiPath('/groups/:id/parents', { id: groupId }));
export const removeParent = (groupId: string, user: string) =>
	callApi('DELETE', apiPath('/groups/:id/parents/:user', { id: groupId, user }));
export const listQuestions = () => callApi('GET', '/parent-questions');
export const answerQuestion = (id: string, answer: string) =>
	callApi('PUT', apiPath('/parent-questions/:id/answer', { id }), { answer });
