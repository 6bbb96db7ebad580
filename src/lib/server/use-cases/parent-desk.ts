import { randomFillSync } from 'node:crypto';
import type { ServerDeps } from '../deps';
import type { Actor } from '../auth/sessions';
import type { ParentCodeTable, ParentSummaryTable } from '../db/schema';
import { ApiError, parseWith } from '../api/http';
import { audit } from '../audit';
import { authorize, groupInScope, may, refuse } from '../access';
import { hashToken } from '../auth/tokens';
import { parentCodeBody, questionAnswerBody } from '../schemas';
import { uuidv7 } from '$lib/domain/ids';
import {
	summaryPublishSchema,
	type SummaryContent,
	type SummaryPeriodKind
} from '$lib/domain/parent-summary';
import { isPeriodStart, periodOf } from '$lib/domain/parent-summary-build';
import {
	formatParentCode,
	newParentCode,
	normalizeParentCode,
	PARENT_CODE_DAYS
} from '$lib/domain/parent-code';

/**
 * The kindergarten's side of the parents' pages (issue 17, ADR 40): publishing a group's summary
 * (a snapshot the tablet built; drafts stay on the tablet), who may publish, the codes parents
 * join with, the parents of a group, and their questions. A manager does all of it in their own
 * kindergarten; a staff member only publishes and withdraws, and only when the manager has let
 * them. Anything outside the actor's kindergarten is 404, like a missing one.
 */

export interface SummaryView {
	id: string;
	groupId: string;
	period: { kind: SummaryPeriodKind; start: string; end: string };
	content: SummaryContent;
	staffText: string;
	staffTextLocale: string;
	publishedAt: string;
	publishedBy: string;
}

export interface ParentCodeView {
	id: string;
	groupId: string;
	createdAt: string;
	expiresAt: string;
	status: 'pending' | 'revoked' | 'expired';
}

export interface ParentView {
	userId: string;
	groupId: string;
	displayName: string;
	joinedAt: string;
}

export interface QuestionView {
	id: string;
	groupId: string;
	askedBy: string;
	body: string;
	askedAt: string;
	answer: string | null;
	answeredAt: string | null;
}

export interface PublisherView {
	userId: string;
	displayName: string;
	allowed: boolean;
}

/** The actor's kindergarten, or 403 for a role without one. */
async function ownKindergarten(deps: ServerDeps, actor: Actor): Promise<string> {
	if (!actor.kindergartenId) return refuse(deps, actor, 403, 'no_kindergarten');
	return actor.kindergartenId;
}

/** Whether the actor may publish: a manager, or a staff member the manager allowed. */
async function mayPublish(deps: ServerDeps, actor: Actor): Promise<boolean> {
	if (!may(actor, 'summaries.publish') || !actor.kindergartenId) return false;
	if (actor.role === 'manager') return true;
	const row = await deps.db
		.selectFrom('summaryPublishers')
		.select('userId')
		.where('userId', '=', actor.userId)
		.where('kindergartenId', '=', actor.kindergartenId)
		.executeTakeFirst();
	return row !== undefined;
}

/** A publisher, or 403 (logged): a staff member the manager has not allowed is `not_a_publisher`. */
async function publisher(deps: ServerDeps, actor: Actor): Promise<string> {
	await authorize(deps, actor, 'summaries.publish');
	const kindergartenId = await ownKindergarten(deps, actor);
	if (!(await mayPublish(deps, actor))) await refuse(deps, actor, 403, 'not_a_publisher');
	return kindergartenId;
}

async function manager(deps: ServerDeps, actor: Actor): Promise<string> {
	await authorize(deps, actor, 'parents.manage');
	return ownKindergarten(deps, actor);
}

/** What the app shows a signed-in person of the parents' desk. */
export async function deskAccess(
	deps: ServerDeps,
	actor: Actor
): Promise<{ publish: boolean; manage: boolean }> {
	return {
		publish: await mayPublish(deps, actor),
		manage: may(actor, 'parents.manage') && actor.kindergartenId !== null
	};
}

function summaryView(row: ParentSummaryTable): SummaryView {
	const content = JSON.parse(row.content) as SummaryContent;
	return {
		id: row.id,
		groupId: row.groupId,
		period: content.period,
		content,
		staffText: row.staffText,
		staffTextLocale: row.staffTextLocale,
		publishedAt: row.publishedAt,
		publishedBy: row.publishedBy
	};
}

/** The kindergarten's published summaries, newest period first (withdrawn ones are gone). */
export async function listSummaries(deps: ServerDeps, actor: Actor): Promise<SummaryView[]> {
	const kindergartenId = await publisher(deps, actor);
	const rows = await deps.db
		.selectFrom('parentSummaries')
		.selectAll()
		.where('kindergartenId', '=', kindergartenId)
		.where('withdrawnAt', 'is', null)
		.orderBy('periodStart', 'desc')
		.orderBy('publishedAt', 'desc')
		.execute();
	return rows.map(summaryView);
}

/**
 * Publishes a group's summary for a week or a month. The same group and period published again
 * replaces the one before (and brings a withdrawn one back): parents see one summary a period.
 */
export async function publishSummary(
	deps: ServerDeps,
	actor: Actor,
	body: unknown
): Promise<{ summary: SummaryView; replaced: boolean }> {
	const kindergartenId = await publisher(deps, actor);
	const input = parseWith(summaryPublishSchema, body);
	const { period } = input.content;
	if (
		!isPeriodStart(period.kind, period.start) ||
		periodOf(period.kind, period.start).end !== period.end
	) {
		throw new ApiError(422, 'invalid_value', { 'content.period': 'invalid_period' });
	}
	const group = await groupInScope(deps, actor, input.groupId);
	if (group.kindergartenId !== kindergartenId) {
		await refuse(deps, actor, 404, 'out_of_scope', { type: 'group', id: group.id });
	}
	const now = deps.clock.now().toISOString();
	return deps.db.transaction().execute(async (trx) => {
		const before = await trx
			.selectFrom('parentSummaries')
			.selectAll()
			.where('groupId', '=', group.id)
			.where('periodKind', '=', period.kind)
			.where('periodStart', '=', period.start)
			.executeTakeFirst();
		const values = {
			content: JSON.stringify(input.content),
			staffText: input.staffText,
			staffTextLocale: input.staffTextLocale,
			publishedBy: actor.userId,
			publishedAt: now,
			withdrawnAt: null
		};
		let row: ParentSummaryTable;
		if (before) {
			await trx.updateTable('parentSummaries').set(values).where('id', '=', before.id).execute();
			row = { ...before, ...values };
		} else {
			row = {
				id: uuidv7(),
				ownerId: actor.ownerId,
				kindergartenId,
				groupId: group.id,
				periodKind: period.kind,
				periodStart: period.start,
				...values
			};
			await trx.insertInto('parentSummaries').values(row).execute();
		}
		await audit(trx, deps.clock, {
			action: 'summary_published',
			ownerId: actor.ownerId,
			actorUserId: actor.userId,
			targetType: 'parent_summary',
			targetId: row.id,
			kindergartenId,
			reason: before ? 'replaced' : null
		});
		return { summary: summaryView(row), replaced: before !== undefined };
	});
}

async function summaryInScope(deps: ServerDeps, actor: Actor, kindergartenId: string, id: string) {
	const row = await deps.db
		.selectFrom('parentSummaries')
		.selectAll()
		.where('id', '=', id)
		.executeTakeFirst();
	if (!row || row.kindergartenId !== kindergartenId) {
		return refuse(deps, actor, 404, 'out_of_scope', { type: 'parent_summary', id });
	}
	return row;
}

/** Withdraws a summary: parents no longer see it. Twice is as once. */
export async function withdrawSummary(deps: ServerDeps, actor: Actor, id: string): Promise<void> {
	const kindergartenId = await publisher(deps, actor);
	const row = await summaryInScope(deps, actor, kindergartenId, id);
	if (row.withdrawnAt) return;
	await deps.db.transaction().execute(async (trx) => {
		await trx
			.updateTable('parentSummaries')
			.set({ withdrawnAt: deps.clock.now().toISOString() })
			.where('id', '=', id)
			.execute();
		await audit(trx, deps.clock, {
			action: 'summary_withdrawn',
			ownerId: actor.ownerId,
			actorUserId: actor.userId,
			targetType: 'parent_summary',
			targetId: id,
			kindergartenId
		});
	});
}

/** The kindergarten's staff, and whether each may publish (managers always may). */
export async function listPublishers(deps: ServerDeps, actor: Actor): Promise<PublisherView[]> {
	const kindergartenId = await manager(deps, actor);
	const rows = await deps.db
		.selectFrom('users')
		.leftJoin('summaryPublishers', (join) =>
			join
				.onRef('summaryPublishers.userId', '=', 'users.id')
				.on('summaryPublishers.kindergartenId', '=', kindergartenId)
		)
		.select(['users.id', 'users.displayName', 'summaryPublishers.userId as allowedId'])
		.where('users.kindergartenId', '=', kindergartenId)
		.where('users.role', '=', 'staff')
		.where('users.disabledAt', 'is', null)
		.orderBy('users.displayName')
		.execute();
	return rows.map((r) => ({
		userId: r.id,
		displayName: r.displayName,
		allowed: r.allowedId !== null
	}));
}

/** Lets a staff member of the kindergarten publish (`allowed`), or stops it. */
export async function setPublisher(
	deps: ServerDeps,
	actor: Actor,
	userId: string,
	allowed: boolean
): Promise<void> {
	const kindergartenId = await manager(deps, actor);
	const user = await deps.db
		.selectFrom('users')
		.select(['id', 'role', 'kindergartenId'])
		.where('id', '=', userId)
		.executeTakeFirst();
	if (!user || user.kindergartenId !== kindergartenId) {
		await refuse(deps, actor, 404, 'out_of_scope', { type: 'user', id: userId });
		return;
	}
	if (user.role !== 'staff') throw new ApiError(422, 'not_staff');
	const existing = await deps.db
		.selectFrom('summaryPublishers')
		.select('userId')
		.where('userId', '=', userId)
		.executeTakeFirst();
	if ((existing !== undefined) === allowed) return;
	await deps.db.transaction().execute(async (trx) => {
		if (allowed) {
			await trx
				.insertInto('summaryPublishers')
				.values({
					userId,
					kindergartenId,
					grantedBy: actor.userId,
					grantedAt: deps.clock.now().toISOString()
				})
				.execute();
		} else {
			await trx.deleteFrom('summaryPublishers').where('userId', '=', userId).execute();
		}
		await audit(trx, deps.clock, {
			action: 'summary_publisher_changed',
			ownerId: actor.ownerId,
			actorUserId: actor.userId,
			targetType: 'user',
			targetId: userId,
			kindergartenId,
			reason: allowed ? 'granted' : 'revoked'
		});
	});
}

function codeView(row: ParentCodeTable, now: Date): ParentCodeView {
	return {
		id: row.id,
		groupId: row.groupId,
		createdAt: row.createdAt,
		expiresAt: row.expiresAt,
		status: row.revokedAt ? 'revoked' : new Date(row.expiresAt) <= now ? 'expired' : 'pending'
	};
}

/** A group of the manager's kindergarten, else 404 (logged). */
async function ownGroup(deps: ServerDeps, actor: Actor, kindergartenId: string, groupId: string) {
	const group = await groupInScope(deps, actor, groupId);
	if (group.kindergartenId !== kindergartenId) {
		return refuse(deps, actor, 404, 'out_of_scope', { type: 'group', id: groupId });
	}
	return group;
}

/** The kindergarten's codes, newest first; never the code itself again. */
export async function listCodes(deps: ServerDeps, actor: Actor): Promise<ParentCodeView[]> {
	const kindergartenId = await manager(deps, actor);
	const rows = await deps.db
		.selectFrom('parentCodes')
		.selectAll()
		.where('kindergartenId', '=', kindergartenId)
		.orderBy('createdAt', 'desc')
		.orderBy('id', 'desc')
		.execute();
	const now = deps.clock.now();
	return rows.map((r) => codeView(r, now));
}

/** Makes a code for a group: the answer carries it (and its link) this once; only its hash is kept. */
export async function createCode(
	deps: ServerDeps,
	actor: Actor,
	body: unknown
): Promise<ParentCodeView & { code: string; url: string }> {
	const kindergartenId = await manager(deps, actor);
	const { groupId } = parseWith(parentCodeBody, body);
	await ownGroup(deps, actor, kindergartenId, groupId);
	const code = newParentCode((bytes) => randomFillSync(bytes));
	const now = deps.clock.now();
	const row: ParentCodeTable = {
		id: uuidv7(),
		codeHash: hashToken(normalizeParentCode(code)!),
		ownerId: actor.ownerId,
		kindergartenId,
		groupId,
		createdBy: actor.userId,
		createdAt: now.toISOString(),
		expiresAt: new Date(now.getTime() + PARENT_CODE_DAYS * 86_400_000).toISOString(),
		revokedAt: null
	};
	await deps.db.transaction().execute(async (trx) => {
		await trx.insertInto('parentCodes').values(row).execute();
		await audit(trx, deps.clock, {
			action: 'parent_code_created',
			ownerId: actor.ownerId,
			actorUserId: actor.userId,
			targetType: 'parent_code',
			targetId: row.id,
			kindergartenId
		});
	});
	const shown = formatParentCode(code);
	return { ...codeView(row, now), code: shown, url: `${deps.origin}/join/${shown}` };
}

/** Revokes a code: no parent joins with it any more. Twice is as once. */
export async function revokeCode(deps: ServerDeps, actor: Actor, id: string): Promise<void> {
	const kindergartenId = await manager(deps, actor);
	const row = await deps.db
		.selectFrom('parentCodes')
		.selectAll()
		.where('id', '=', id)
		.executeTakeFirst();
	if (!row || row.kindergartenId !== kindergartenId) {
		await refuse(deps, actor, 404, 'out_of_scope', { type: 'parent_code', id });
		return;
	}
	if (row.revokedAt) return;
	await deps.db.transaction().execute(async (trx) => {
		await trx
			.updateTable('parentCodes')
			.set({ revokedAt: deps.clock.now().toISOString() })
			.where('id', '=', id)
			.execute();
		await audit(trx, deps.clock, {
			action: 'parent_code_revoked',
			ownerId: actor.ownerId,
			actorUserId: actor.userId,
			targetType: 'parent_code',
			targetId: id,
			kindergartenId
		});
	});
}

/** The parents who read a group's summaries: name and when they joined, first joined first. */
export async function listParents(
	deps: ServerDeps,
	actor: Actor,
	groupId: string
): Promise<ParentView[]> {
	const kindergartenId = await manager(deps, actor);
	await ownGroup(deps, actor, kindergartenId, groupId);
	const rows = await deps.db
		.selectFrom('parentMemberships')
		.innerJoin('users', 'users.id', 'parentMemberships.userId')
		.select([
			'parentMemberships.userId',
			'parentMemberships.groupId',
			'parentMemberships.joinedAt',
			'users.displayName'
		])
		.where('parentMemberships.groupId', '=', groupId)
		.where('parentMemberships.removedAt', 'is', null)
		.orderBy('parentMemberships.joinedAt')
		.execute();
	return rows;
}

/** Takes a parent out of a group: they no longer read its summaries. */
export async function removeParent(
	deps: ServerDeps,
	actor: Actor,
	groupId: string,
	userId: string
): Promise<void> {
	const kindergartenId = await manager(deps, actor);
	await ownGroup(deps, actor, kindergartenId, groupId);
	const row = await deps.db
		.selectFrom('parentMemberships')
		.selectAll()
		.where('groupId', '=', groupId)
		.where('userId', '=', userId)
		.where('removedAt', 'is', null)
		.executeTakeFirst();
	if (!row) {
		await refuse(deps, actor, 404, 'out_of_scope', { type: 'user', id: userId });
		return;
	}
	await deps.db.transaction().execute(async (trx) => {
		await trx
			.updateTable('parentMemberships')
			.set({ removedAt: deps.clock.now().toISOString() })
			.where('groupId', '=', groupId)
			.where('userId', '=', userId)
			.execute();
		await audit(trx, deps.clock, {
			action: 'parent_removed',
			ownerId: actor.ownerId,
			actorUserId: actor.userId,
			targetType: 'user',
			targetId: userId,
			kindergartenId
		});
	});
}

/** The kindergarten's questions from parents: unanswered first, newest first within each. */
export async function listQuestions(deps: ServerDeps, actor: Actor): Promise<QuestionView[]> {
	const kindergartenId = await manager(deps, actor);
	const rows = await deps.db
		.selectFrom('parentQuestions')
		.leftJoin('users', 'users.id', 'parentQuestions.askedBy')
		.select([
			'parentQuestions.id',
			'parentQuestions.groupId',
			'parentQuestions.body',
			'parentQuestions.askedAt',
			'parentQuestions.answer',
			'parentQuestions.answeredAt',
			'users.displayName'
		])
		.where('parentQuestions.kindergartenId', '=', kindergartenId)
		.execute();
	return rows
		.map((r) => ({
			id: r.id,
			groupId: r.groupId,
			askedBy: r.displayName ?? '',
			body: r.body,
			askedAt: r.askedAt,
			answer: r.answer,
			answeredAt: r.answeredAt
		}))
		.sort(
			(a, b) =>
				Number(a.answer !== null) - Number(b.answer !== null) ||
				b.askedAt.localeCompare(a.askedAt) ||
				b.id.localeCompare(a.id)
		);
}

/** Answers a parent's question; answering again corrects the answer. */
export async function answerQuestion(
	deps: ServerDeps,
	actor: Actor,
	id: string,
	body: unknown
): Promise<QuestionView> {
	const kindergartenId = await manager(deps, actor);
	const { answer } = parseWith(questionAnswerBody, body);
	const row = await deps.db
		.selectFrom('parentQuestions')
		.selectAll()
		.where('id', '=', id)
		.executeTakeFirst();
	if (!row || row.kindergartenId !== kindergartenId) {
		return refuse(deps, actor, 404, 'out_of_scope', { type: 'parent_question', id });
	}
	const answeredAt = deps.clock.now().toISOString();
	await deps.db.transaction().execute(async (trx) => {
		await trx
			.updateTable('parentQuestions')
			.set({ answer, answeredBy: actor.userId, answeredAt })
			.where('id', '=', id)
			.execute();
		await audit(trx, deps.clock, {
			action: 'parent_question_answered',
			ownerId: actor.ownerId,
			actorUserId: actor.userId,
			targetType: 'parent_question',
			targetId: id,
			kindergartenId,
			reason: row.answer === null ? null : 'corrected'
		});
	});
	const asker = await deps.db
		.selectFrom('users')
		.select('displayName')
		.where('id', '=', row.askedBy)
		.executeTakeFirst();
	return {
		id,
		groupId: row.groupId,
		askedBy: asker?.displayName ?? '',
		body: row.body,
		askedAt: row.askedAt,
		answer,
		answeredAt
	};
}
