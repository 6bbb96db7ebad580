import type { Selectable } from 'kysely';
import type { ServerDeps } from '../../deps';
import type { Actor } from '../../auth/sessions';
import type { Database } from '../../db';
import { ApiError } from '../../api/http';
import { audit } from '../../audit';
import { refuse, type SyncScope } from '../../access';
import { MANAGER_WRITTEN, type ConflictView } from '$lib/sync';
import { validateRecord, valueProblem } from '../sync-records';
import { storeSequence, takeSequence } from '../sequence';
import { stampApproval } from '../approval';
import { changedKeys, groupsOf, recordRow, stored, writeRows } from './rows';

/** Most unresolved conflicts one list returns (oldest first). */
export const CONFLICT_LIST_LIMIT = 500;

type ConflictRow = Selectable<Database['syncConflicts']> & {
	clientUserName: string | null;
	serverUserName: string | null;
};

function conflictView(row: ConflictRow): ConflictView {
	return {
		id: row.id,
		recordId: row.recordId,
		type: row.type,
		field: row.field,
		kind: row.kind,
		serverValue: JSON.parse(row.serverValue) as unknown,
		clientValue: JSON.parse(row.clientValue) as unknown,
		createdAt: row.createdAt,
		clientUserId: row.userId,
		clientUserName: row.clientUserName,
		serverUserId: row.serverUserId,
		serverUserName: row.serverUserName,
		serverAt: row.serverAt
	};
}

/** The caller's kindergarten's unresolved conflicts, oldest first, with who wrote each version. */
export async function listConflicts(deps: ServerDeps, scope: SyncScope): Promise<ConflictView[]> {
	const rows = await deps.db
		.selectFrom('syncConflicts as c')
		.leftJoin('users as cu', 'cu.id', 'c.userId')
		.leftJoin('users as su', 'su.id', 'c.serverUserId')
		.selectAll('c')
		.select(['cu.displayName as clientUserName', 'su.displayName as serverUserName'])
		.where('c.ownerId', '=', scope.ownerId)
		.where('c.kindergartenId', '=', scope.kindergartenId)
		.where('c.resolvedAt', 'is', null)
		.orderBy('c.id')
		.limit(CONFLICT_LIST_LIMIT)
		.execute();
	return rows.map(conflictView);
}

export const RESOLUTIONS = ['mine', 'theirs', 'merged', 'restore', 'discard'] as const;
export type Resolution = (typeof RESOLUTIONS)[number];

const CHOICES: Record<'text' | 'deleted', readonly Resolution[]> = {
	text: ['mine', 'theirs', 'merged'],
	deleted: ['restore', 'discard']
};

export interface ResolveInput {
	choice: Resolution;
	value?: unknown;
}

export interface ResolveResult {
	id: string;
	resolution: Resolution;
	/** The record's new revision, when the choice wrote one. */
	rev: number | null;
}

/**
 * Resolves a conflict. A text conflict: `mine` writes the client's value, `merged` the value
 * sent, `theirs` keeps the server's. A deleted conflict: `restore` brings the record back with
 * the edit's fields, `discard` leaves it deleted. A write is a new revision like any push.
 */
export async function resolveConflict(
	deps: ServerDeps,
	actor: Actor,
	scope: SyncScope,
	id: string,
	input: ResolveInput
): Promise<ResolveResult> {
	const found = await deps.db
		.selectFrom('syncConflicts')
		.selectAll()
		.where('id', '=', id)
		.executeTakeFirst();
	if (!found || found.ownerId !== scope.ownerId || found.kindergartenId !== scope.kindergartenId) {
		return refuse(deps, actor, 404, 'out_of_scope', { type: 'sync_conflict', id });
	}
	// A development or digital plan's conflict is the manager's to resolve, as its edits are
	// (ADR 28, 34).
	if (MANAGER_WRITTEN.has(found.type) && actor.role !== 'manager') {
		return refuse(deps, actor, 403, 'manager_only', { type: found.type, id: found.recordId });
	}
	if (!CHOICES[found.kind].includes(input.choice)) {
		throw new ApiError(422, 'invalid_value', { choice: 'invalid_choice' });
	}
	const hasValue = 'value' in input && input.value !== undefined;
	if (input.choice === 'merged' && !hasValue) {
		throw new ApiError(422, 'invalid_value', { value: 'required' });
	}
	if (input.choice !== 'merged' && hasValue) {
		throw new ApiError(422, 'invalid_value', { value: 'not_allowed' });
	}
	if (hasValue) {
		const problem = valueProblem(input.value);
		if (problem) throw new ApiError(400, 'invalid_body', { value: problem });
	}
	const now = deps.clock.now().toISOString();

	return deps.db.transaction().execute(async (trx) => {
		const sequence = await takeSequence(trx, deps.dialect);
		const conflict = await trx
			.selectFrom('syncConflicts')
			.selectAll()
			.where('id', '=', id)
			.executeTakeFirstOrThrow();
		if (conflict.resolvedAt) throw new ApiError(409, 'already_resolved');
		const row = await trx
			.selectFrom('syncRecords')
			.selectAll()
			.where('recordId', '=', conflict.recordId)
			.executeTakeFirst();
		if (!row || row.ownerId !== scope.ownerId || row.kindergartenId !== scope.kindergartenId) {
			throw new ApiError(409, 'record_missing');
		}
		const current = stored(row);
		let next: { data: Record<string, unknown>; deletedAt: string | null } | null = null;
		if (input.choice === 'mine' || input.choice === 'merged') {
			if (row.deletedAt) throw new ApiError(409, 'record_deleted');
			const value =
				input.choice === 'mine' ? (JSON.parse(conflict.clientValue) as unknown) : input.value;
			next = { data: { ...current.data, [conflict.field ?? '_']: value }, deletedAt: null };
		} else if (input.choice === 'restore') {
			const fields = JSON.parse(conflict.clientValue) as Record<string, unknown>;
			next = { data: { ...current.data, ...fields }, deletedAt: null };
		}

		let rev: number | null = null;
		if (next) {
			const validation = validateRecord(conflict.type, next.data, {
				id: row.recordId,
				kindergartenId: scope.kindergartenId,
				createdAt: row.createdAt,
				updatedAt: now,
				deletedAt: null
			});
			if (!validation.ok) throw new ApiError(422, 'invalid_value', validation.fields);
			if (conflict.type === 'plan') {
				validation.data = stampApproval(actor, current.data, validation.data, now);
				const groups = await groupsOf(trx, scope);
				if (!groups.has(validation.data['groupId'] as string)) {
					throw new ApiError(422, 'invalid_value', { groupId: 'out_of_scope' });
				}
			}
			const changed = changedKeys(current.data, validation.data);
			if (changed.length > 0 || row.deletedAt !== next.deletedAt) {
				rev = sequence + 1;
				const written = recordRow(
					{ scope, userId: actor.userId, writer: `conflict:${conflict.id}`, now },
					row,
					{
						recordId: row.recordId,
						type: conflict.type,
						data: validation.data,
						changed,
						deletedAt: next.deletedAt,
						rev
					}
				);
				await writeRows(trx, deps.dialect, [written], new Set([row.recordId]));
				await storeSequence(trx, rev);
			}
		}
		await trx
			.updateTable('syncConflicts')
			.set({ resolvedAt: now, resolvedBy: actor.userId, resolution: input.choice })
			.where('id', '=', id)
			.execute();
		await audit(trx, deps.clock, {
			action: 'sync_conflict_resolved',
			ownerId: scope.ownerId,
			actorUserId: actor.userId,
			targetType: conflict.type,
			targetId: conflict.recordId,
			reason: input.choice
		});
		return { id, resolution: input.choice, rev };
	});
}
