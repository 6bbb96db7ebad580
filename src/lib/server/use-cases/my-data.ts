import { sql, type Transaction } from 'kysely';
import type { Database } from '../db';
import type { ServerDeps } from '../deps';
import type { Actor } from '../auth/sessions';
import { ApiError } from '../api/http';
import { audit } from '../audit';
import { authorize, refuse } from '../access';
import { uuidv7 } from '$lib/domain/ids';

/**
 * What is stored about a person, for them to see and take away, and their request to have it
 * deleted (issue 16): the person asks, an owner admin of their owner carries it out. Every
 * export and deletion is an audit row.
 */

export const MY_DATA_FORMAT = 'lekeplan-my-data';
export const MY_DATA_VERSION = 1;

/** What a deleted person's name becomes: no name, in no language. */
export const DELETED_NAME = '—';

export interface MyData {
	format: typeof MY_DATA_FORMAT;
	version: typeof MY_DATA_VERSION;
	exportedAt: string;
	account: {
		id: string;
		email: string | null;
		displayName: string;
		role: string;
		kindergarten: { id: string; name: string } | null;
		group: { id: string; name: string } | null;
		signsInWithPassword: boolean;
		createdAt: string;
		updatedAt: string;
	};
	identities: Array<{ issuer: string; subject: string; createdAt: string }>;
	sessions: Array<{ createdAt: string; lastSeenAt: string; expiresAt: string }>;
	/** Audit rows of what the person did, and of what was done to their account. */
	audit: Array<{
		at: string;
		action: string;
		byMe: boolean;
		targetType: string | null;
		targetId: string | null;
		reason: string | null;
	}>;
	competence: Array<{
		period: string;
		audience: string;
		submittedAt: string;
		answers: Array<{ itemId: string; level: number }>;
	}>;
	/** Plans, activities and other records the person wrote a field of, as they are now. */
	records: Array<{
		type: string;
		recordId: string;
		createdAt: string;
		updatedAt: string;
		deletedAt: string | null;
		data: unknown;
	}>;
	parentGroups: Array<{ groupId: string; joinedAt: string; removedAt: string | null }>;
	questions: Array<{ groupId: string; body: string; askedAt: string; answer: string | null }>;
	deletionRequests: Array<{
		askedAt: string;
		carriedOutAt: string | null;
		withdrawnAt: string | null;
	}>;
}

/** Everything stored about the caller. The export is an audit row (`export`, `own_data`). */
export async function myData(deps: ServerDeps, actor: Actor): Promise<MyData> {
	const { db } = deps;
	const user = await db
		.selectFrom('users')
		.leftJoin('kindergartens', 'kindergartens.id', 'users.kindergartenId')
		.leftJoin('groups', 'groups.id', 'users.groupId')
		.select([
			'users.id',
			'users.email',
			'users.displayName',
			'users.role',
			'users.passwordHash',
			'users.createdAt',
			'users.updatedAt',
			'kindergartens.id as kindergartenId',
			'kindergartens.name as kindergartenName',
			'groups.id as groupId',
			'groups.name as groupName'
		])
		.where('users.id', '=', actor.userId)
		.executeTakeFirstOrThrow();
	const identities = await db
		.selectFrom('identities')
		.select(['issuer', 'subject', 'createdAt'])
		.where('userId', '=', actor.userId)
		.execute();
	const sessions = await db
		.selectFrom('sessions')
		.select(['createdAt', 'lastSeenAt', 'expiresAt'])
		.where('userId', '=', actor.userId)
		.orderBy('createdAt')
		.execute();
	const auditRows = await db
		.selectFrom('auditLog')
		.select(['at', 'action', 'actorUserId', 'targetType', 'targetId', 'reason'])
		.where((eb) =>
			eb.or([
				eb('actorUserId', '=', actor.userId),
				eb.and([eb('targetType', '=', 'user'), eb('targetId', '=', actor.userId)])
			])
		)
		.orderBy('id')
		.execute();
	const submissions = await db
		.selectFrom('competenceSubmissions')
		.select(['id', 'period', 'audience', 'submittedAt'])
		.where('userId', '=', actor.userId)
		.orderBy('submittedAt')
		.execute();
	const answers = submissions.length
		? await db
				.selectFrom('competenceAnswers')
				.select(['submissionId', 'itemId', 'level'])
				.where(
					'submissionId',
					'in',
					submissions.map((s) => s.id)
				)
				.orderBy('itemId')
				.execute()
		: [];
	const clients = await db
		.selectFrom('syncClients')
		.select('clientId')
		.where('userId', '=', actor.userId)
		.execute();
	const records = await db
		.selectFrom('syncRecords')
		.select(['type', 'recordId', 'createdAt', 'updatedAt', 'deletedAt', 'data'])
		.where('ownerId', '=', actor.ownerId)
		.where((eb) =>
			eb.or([
				eb('updatedBy', '=', actor.userId),
				// A field last written from one of the person's tablets (client ids are UUIDs).
				...clients.map((c) => eb('fieldClients', 'like', `%${c.clientId}%`))
			])
		)
		.orderBy('createdAt')
		.execute();
	const memberships = await db
		.selectFrom('parentMemberships')
		.select(['groupId', 'joinedAt', 'removedAt'])
		.where('userId', '=', actor.userId)
		.execute();
	const questions = await db
		.selectFrom('parentQuestions')
		.select(['groupId', 'body', 'askedAt', 'answer'])
		.where('askedBy', '=', actor.userId)
		.orderBy('askedAt')
		.execute();
	const requests = await db
		.selectFrom('deletionRequests')
		.select(['askedAt', 'carriedOutAt', 'withdrawnAt'])
		.where('userId', '=', actor.userId)
		.orderBy('askedAt')
		.execute();
	const exportedAt = deps.clock.now().toISOString();
	await audit(db, deps.clock, {
		action: 'export',
		ownerId: actor.ownerId,
		actorUserId: actor.userId,
		targetType: 'user',
		targetId: actor.userId,
		reason: 'own_data'
	});
	return {
		format: MY_DATA_FORMAT,
		version: MY_DATA_VERSION,
		exportedAt,
		account: {
			id: user.id,
			email: user.email,
			displayName: user.displayName,
			role: user.role,
			kindergarten:
				user.kindergartenId && user.kindergartenName
					? { id: user.kindergartenId, name: user.kindergartenName }
					: null,
			group: user.groupId && user.groupName ? { id: user.groupId, name: user.groupName } : null,
			signsInWithPassword: user.passwordHash !== null,
			createdAt: user.createdAt,
			updatedAt: user.updatedAt
		},
		identities,
		sessions,
		audit: auditRows.map(({ actorUserId, ...row }) => ({
			...row,
			byMe: actorUserId === actor.userId
		})),
		competence: submissions.map((s) => ({
			period: s.period,
			audience: s.audience,
			submittedAt: s.submittedAt,
			answers: answers
				.filter((a) => a.submissionId === s.id)
				.map(({ itemId, level }) => ({ itemId, level }))
		})),
		records: records.map(({ data, ...record }) => ({
			...record,
			data: JSON.parse(data) as unknown
		})),
		parentGroups: memberships,
		questions,
		deletionRequests: requests
	};
}

export interface DeletionRequestView {
	id: string;
	userId: string;
	displayName: string;
	email: string | null;
	role: string;
	askedAt: string;
	status: 'pending' | 'carriedOut' | 'withdrawn';
	handledAt: string | null;
}

type RequestRow = {
	id: string;
	userId: string;
	askedAt: string;
	carriedOutAt: string | null;
	withdrawnAt: string | null;
};

function statusOf(row: RequestRow): DeletionRequestView['status'] {
	return row.carriedOutAt ? 'carriedOut' : row.withdrawnAt ? 'withdrawn' : 'pending';
}

async function pendingOf(deps: ServerDeps, userId: string) {
	return deps.db
		.selectFrom('deletionRequests')
		.select(['id', 'userId', 'askedAt', 'carriedOutAt', 'withdrawnAt'])
		.where('userId', '=', userId)
		.where('carriedOutAt', 'is', null)
		.where('withdrawnAt', 'is', null)
		.executeTakeFirst();
}

/** The caller's own request that is not yet carried out or withdrawn, if any. */
export async function myDeletionRequest(
	deps: ServerDeps,
	actor: Actor
): Promise<{ request: { askedAt: string } | null }> {
	const row = await pendingOf(deps, actor.userId);
	return { request: row ? { askedAt: row.askedAt } : null };
}

/** The caller asks to have their data deleted: one open request at a time (409 otherwise). */
export async function askDeletion(
	deps: ServerDeps,
	actor: Actor
): Promise<{ request: { askedAt: string } }> {
	if (await pendingOf(deps, actor.userId)) throw new ApiError(409, 'already_requested');
	const askedAt = deps.clock.now().toISOString();
	await deps.db.transaction().execute(async (trx) => {
		await trx
			.insertInto('deletionRequests')
			.values({
				id: uuidv7(),
				ownerId: actor.ownerId,
				userId: actor.userId,
				askedAt,
				carriedOutAt: null,
				carriedOutBy: null,
				withdrawnAt: null
			})
			.execute();
		await audit(trx, deps.clock, {
			action: 'deletion_requested',
			ownerId: actor.ownerId,
			actorUserId: actor.userId,
			targetType: 'user',
			targetId: actor.userId,
			reason: 'asked'
		});
	});
	return { request: { askedAt } };
}

/** The caller withdraws their open request (409 `no_request` when there is none). */
export async function withdrawDeletion(deps: ServerDeps, actor: Actor): Promise<{ request: null }> {
	const row = await pendingOf(deps, actor.userId);
	if (!row) throw new ApiError(409, 'no_request');
	await deps.db.transaction().execute(async (trx) => {
		await trx
			.updateTable('deletionRequests')
			.set({ withdrawnAt: deps.clock.now().toISOString() })
			.where('id', '=', row.id)
			.execute();
		await audit(trx, deps.clock, {
			action: 'deletion_requested',
			ownerId: actor.ownerId,
			actorUserId: actor.userId,
			targetType: 'user',
			targetId: actor.userId,
			reason: 'withdrawn'
		});
	});
	return { request: null };
}

/** The owner's requests, open ones first, newest first: for its owner admins. */
export async function listDeletionRequests(
	deps: ServerDeps,
	actor: Actor
): Promise<{ requests: DeletionRequestView[] }> {
	await authorize(deps, actor, 'users.manage');
	const rows = await deps.db
		.selectFrom('deletionRequests')
		.innerJoin('users', 'users.id', 'deletionRequests.userId')
		.select([
			'deletionRequests.id',
			'deletionRequests.userId',
			'deletionRequests.askedAt',
			'deletionRequests.carriedOutAt',
			'deletionRequests.withdrawnAt',
			'users.displayName',
			'users.email',
			'users.role'
		])
		.where('deletionRequests.ownerId', '=', actor.ownerId)
		.orderBy('deletionRequests.askedAt', 'desc')
		.execute();
	const views = rows.map((row) => ({
		id: row.id,
		userId: row.userId,
		displayName: row.displayName,
		email: row.email,
		role: row.role,
		askedAt: row.askedAt,
		status: statusOf(row),
		handledAt: row.carriedOutAt ?? row.withdrawnAt
	}));
	return {
		requests: [
			...views.filter((v) => v.status === 'pending'),
			...views.filter((v) => v.status !== 'pending')
		]
	};
}

/**
 * An owner admin carries out a request: the person's sessions, sign-in identities, competence
 * answers, group memberships and questions are deleted; the account keeps its id (the audit log
 * and the plans' last writer point to it) but loses its name, email and password and can no
 * longer sign in. The kindergarten's plans stay: they are the kindergarten's work. A request of
 * the admin's own is for another admin (409 `own_request`); one already handled is 409
 * `not_pending`; another owner's, or none, 404.
 */
export async function carryOutDeletion(
	deps: ServerDeps,
	actor: Actor,
	id: string
): Promise<{ requests: DeletionRequestView[] }> {
	await authorize(deps, actor, 'users.manage');
	const row = await deps.db
		.selectFrom('deletionRequests')
		.select(['id', 'ownerId', 'userId', 'askedAt', 'carriedOutAt', 'withdrawnAt'])
		.where('id', '=', id)
		.executeTakeFirst();
	if (!row || row.ownerId !== actor.ownerId) {
		return refuse(deps, actor, 404, 'out_of_scope', { type: 'deletion_request', id });
	}
	if (statusOf(row) !== 'pending') throw new ApiError(409, 'not_pending');
	if (row.userId === actor.userId) throw new ApiError(409, 'own_request');
	const now = deps.clock.now().toISOString();
	await deps.db.transaction().execute(async (trx) => {
		const user = row.userId;
		await erasePerson(trx, user, now);
		await trx
			.updateTable('deletionRequests')
			.set({ carriedOutAt: now, carriedOutBy: actor.userId })
			.where('id', '=', row.id)
			.execute();
		await audit(trx, deps.clock, {
			action: 'deletion',
			ownerId: actor.ownerId,
			actorUserId: actor.userId,
			targetType: 'user',
			targetId: user,
			reason: 'request',
			kindergartenId: null
		});
	});
	return listDeletionRequests(deps, actor);
}

/**
 * What carrying out a deletion does to a person (also for the people of a deleted kindergarten):
 * their sessions, sign-in identities, competence answers, group memberships, questions and
 * publishing grants are deleted; the account keeps its id but loses its name, email and
 * password and is disabled. Within the caller's transaction.
 */
export async function erasePerson(
	trx: Transaction<Database>,
	user: string,
	now: string
): Promise<void> {
	await trx.deleteFrom('sessions').where('userId', '=', user).execute();
	await trx.deleteFrom('identities').where('userId', '=', user).execute();
	await trx
		.deleteFrom('competenceAnswers')
		.where(
			'submissionId',
			'in',
			trx.selectFrom('competenceSubmissions').select('id').where('userId', '=', user)
		)
		.execute();
	await trx.deleteFrom('competenceSubmissions').where('userId', '=', user).execute();
	await trx.deleteFrom('parentMemberships').where('userId', '=', user).execute();
	await trx.deleteFrom('parentQuestions').where('askedBy', '=', user).execute();
	await trx.deleteFrom('summaryPublishers').where('userId', '=', user).execute();
	await trx
		.updateTable('users')
		.set({
			email: null,
			displayName: DELETED_NAME,
			passwordHash: null,
			disabledAt: sql<string>`coalesce(disabled_at, ${now})`,
			updatedAt: now
		})
		.where('id', '=', user)
		.execute();
}
