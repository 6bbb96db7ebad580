import { sql, type Transaction } from 'kysely';
import type { Database } from '../db';
import type { ServerDeps } from '../deps';
import type { Actor } from '../auth/sessions';
import { ApiError } from '../api/http';
import { audit } from '../audit';
import { authorize, kindergartenInScope } from '../access';
import { erasePerson } from './my-data';

/**
 * Deleting a kindergarten with all its data (issue 16): an owner admin sees what will go
 * (`deletionPreview`), types the kindergarten's name, and everything of it goes in one
 * transaction. Its people's accounts are erased as a deletion request erases them (my-data.ts);
 * the audit log keeps its rows (history). A `removed_kindergartens` row stays, so a tablet
 * that still holds the kindergarten learns at its next sync that it is gone (ADR 44).
 */

type Db = Transaction<Database> | ServerDeps['db'];

/** What deleting a kindergarten removes, counted; the page names each. */
export interface DeletionPreview {
	kindergarten: { id: string; name: string };
	groups: number;
	livePlans: number;
	deletedPlans: number;
	ownActivities: number;
	otherRecords: number;
	conflicts: number;
	staff: number;
	managers: number;
	parents: number;
	competenceAnswerSets: number;
	summaries: number;
	parentCodes: number;
	questions: number;
	equipment: number;
	proposals: number;
	invitations: number;
	competencePlanEntries: number;
}

export type DeletionCounts = Omit<DeletionPreview, 'kindergarten'>;

function countAll() {
	return sql<number>`count(*)`.as('n');
}

/**
 * The users whose accounts go with the kindergarten: its staff and managers, and parents none of
 * whose groups (still joined) is in another kindergarten.
 */
async function peopleOf(db: Db, kindergartenId: string) {
	const rows = await db
		.selectFrom('users')
		.select(['id', 'role'])
		.where((eb) =>
			eb.or([
				eb('kindergartenId', '=', kindergartenId),
				eb(
					'id',
					'in',
					eb
						.selectFrom('parentMemberships')
						.select('userId')
						.where('kindergartenId', '=', kindergartenId)
				)
			])
		)
		.where('role', '!=', 'ownerAdmin')
		.execute();
	const elsewhere = new Set(
		(
			await db
				.selectFrom('parentMemberships')
				.select('userId')
				.where('kindergartenId', '!=', kindergartenId)
				.where('removedAt', 'is', null)
				.execute()
		).map((r) => r.userId)
	);
	const going = rows.filter((r) => r.role !== 'parent' || !elsewhere.has(r.id));
	const staying = rows.filter((r) => r.role === 'parent' && elsewhere.has(r.id));
	return { going, staying };
}

async function countsOf(db: Db, kindergartenId: string): Promise<DeletionCounts> {
	const records = await db
		.selectFrom('syncRecords')
		.select(['type', sql<number>`count(*)`.as('n'), sql<number>`count(deleted_at)`.as('gone')])
		.where('kindergartenId', '=', kindergartenId)
		.groupBy('type')
		.execute();
	const typed = (type: string) => records.find((r) => r.type === type);
	const { going } = await peopleOf(db, kindergartenId);
	const inKindergarten = async (
		table:
			| 'groups'
			| 'syncConflicts'
			| 'competenceSubmissions'
			| 'parentSummaries'
			| 'parentCodes'
			| 'parentQuestions'
			| 'kindergartenEquipment'
			| 'toolProposals'
			| 'invitations'
			| 'competencePlanEntries'
	) =>
		Number(
			(
				await db
					.selectFrom(table)
					.select(countAll())
					.where('kindergartenId', '=', kindergartenId)
					.executeTakeFirstOrThrow()
			).n
		);
	const plans = typed('plan');
	return {
		groups: await inKindergarten('groups'),
		livePlans: Number(plans?.n ?? 0) - Number(plans?.gone ?? 0),
		deletedPlans: Number(plans?.gone ?? 0),
		ownActivities: Number(typed('activity')?.n ?? 0),
		otherRecords: records
			.filter((r) => r.type !== 'plan' && r.type !== 'activity')
			.reduce((sum, r) => sum + Number(r.n), 0),
		conflicts: await inKindergarten('syncConflicts'),
		staff: going.filter((p) => p.role === 'staff').length,
		managers: going.filter((p) => p.role === 'manager').length,
		parents: going.filter((p) => p.role === 'parent').length,
		competenceAnswerSets: await inKindergarten('competenceSubmissions'),
		summaries: await inKindergarten('parentSummaries'),
		parentCodes: await inKindergarten('parentCodes'),
		questions: await inKindergarten('parentQuestions'),
		equipment: await inKindergarten('kindergartenEquipment'),
		proposals: await inKindergarten('toolProposals'),
		invitations: await inKindergarten('invitations'),
		competencePlanEntries: await inKindergarten('competencePlanEntries')
	};
}

/** What deleting the kindergarten would remove (owner admins). */
export async function deletionPreview(
	deps: ServerDeps,
	actor: Actor,
	id: string
): Promise<DeletionPreview> {
	await authorize(deps, actor, 'organisation.manage');
	const kindergarten = await kindergartenInScope(deps, actor, id);
	return {
		kindergarten: { id: kindergarten.id, name: kindergarten.name },
		...(await countsOf(deps.db, id))
	};
}

/**
 * Deletes the kindergarten and every row of it, in one transaction; `confirmName` must be its
 * name (400 `confirmation_mismatch`, nothing changed). The counts of what went are in the
 * `kindergarten_deleted` audit row.
 */
export async function deleteKindergartenWithData(
	deps: ServerDeps,
	actor: Actor,
	id: string,
	confirmName: string
): Promise<DeletionCounts> {
	await authorize(deps, actor, 'organisation.manage');
	const kindergarten = await kindergartenInScope(deps, actor, id);
	if (confirmName.trim() !== kindergarten.name) {
		throw new ApiError(400, 'confirmation_mismatch', { confirmName: 'confirmation_mismatch' });
	}
	const now = deps.clock.now().toISOString();
	return deps.db.transaction().execute(async (trx) => {
		const counts = await countsOf(trx, id);
		const { going, staying } = await peopleOf(trx, id);
		const users = going.map((p) => p.id);
		for (const user of users) await erasePerson(trx, user, now);
		await removeRows(trx, id, users, { now, actorId: actor.userId });
		// Parents with a group elsewhere keep their account, pointed at one of those groups.
		for (const parent of staying) {
			const other = await trx
				.selectFrom('parentMemberships')
				.select(['groupId', 'kindergartenId'])
				.where('userId', '=', parent.id)
				.where('removedAt', 'is', null)
				.orderBy('joinedAt')
				.executeTakeFirstOrThrow();
			await trx
				.updateTable('users')
				.set({ groupId: other.groupId, kindergartenId: other.kindergartenId, updatedAt: now })
				.where('id', '=', parent.id)
				.where('kindergartenId', '=', id)
				.execute();
		}
		await trx.deleteFrom('groups').where('kindergartenId', '=', id).execute();
		await trx.deleteFrom('kindergartens').where('id', '=', id).execute();
		await trx
			.insertInto('removedKindergartens')
			.values({
				id,
				ownerId: kindergarten.ownerId,
				name: kindergarten.name,
				removedAt: now,
				removedBy: actor.userId
			})
			.execute();
		await audit(trx, deps.clock, {
			action: 'kindergarten_deleted',
			ownerId: actor.ownerId,
			actorUserId: actor.userId,
			targetType: 'kindergarten',
			targetId: id,
			// An empty kindergarten's row is as it always was: its name only.
			reason: Object.values(counts).some((n) => n > 0) ? 'with_data' : null,
			kindergartenId: null,
			changes: {
				name: [kindergarten.name, null],
				...Object.fromEntries(
					Object.entries(counts)
						.filter(([, n]) => n > 0)
						.map(([key, n]) => [key, [n, 0]])
				)
			}
		});
		return counts;
	});
}

/** Every row of the kindergarten but its groups and itself, and what its people left behind. */
async function removeRows(
	trx: Transaction<Database>,
	id: string,
	users: string[],
	{ now, actorId }: { now: string; actorId: string }
) {
	const clients = trx.selectFrom('syncClients').select('clientId').where('userId', 'in', users);
	if (users.length > 0) {
		await trx.deleteFrom('syncRejections').where('clientId', 'in', clients).execute();
		await trx.deleteFrom('syncClients').where('userId', 'in', users).execute();
		// Their open deletion requests are carried out by this.
		await trx
			.updateTable('deletionRequests')
			.set({ carriedOutAt: now, carriedOutBy: actorId })
			.where('userId', 'in', users)
			.where('carriedOutAt', 'is', null)
			.where('withdrawnAt', 'is', null)
			.execute();
	}
	await trx.deleteFrom('syncConflicts').where('kindergartenId', '=', id).execute();
	await trx.deleteFrom('planFacts').where('kindergartenId', '=', id).execute();
	await trx.deleteFrom('syncRecords').where('kindergartenId', '=', id).execute();
	await trx
		.deleteFrom('competenceAnswers')
		.where(
			'submissionId',
			'in',
			trx.selectFrom('competenceSubmissions').select('id').where('kindergartenId', '=', id)
		)
		.execute();
	for (const table of [
		'competenceSubmissions',
		'parentSummaries',
		'summaryPublishers',
		'parentQuestions',
		'parentMemberships',
		'parentCodes',
		'kindergartenEquipment',
		'toolProposals',
		'competencePlanEntries'
	] as const) {
		await trx.deleteFrom(table).where('kindergartenId', '=', id).execute();
	}
	await trx
		.deleteFrom('invitations')
		.where((eb) =>
			eb.or([
				eb('kindergartenId', '=', id),
				eb('groupId', 'in', eb.selectFrom('groups').select('id').where('kindergartenId', '=', id))
			])
		)
		.execute();
	if (users.length > 0) {
		await trx
			.updateTable('users')
			.set({ kindergartenId: null, groupId: null })
			.where('id', 'in', users)
			.execute();
	}
}
