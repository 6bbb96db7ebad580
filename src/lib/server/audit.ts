import { sql, type Kysely, type Transaction } from 'kysely';
import type { Clock } from './clock';
import type { Database } from './db';
import type { AuditAction } from './db/schema';
import { uuidv7 } from '$lib/domain/ids';

/** What a change changed: field → [before, after] (null where there was none). */
export type AuditChanges = Record<string, [unknown, unknown]>;

export interface AuditEvent {
	action: AuditAction;
	ownerId?: string | null;
	actorUserId?: string | null;
	targetType?: string | null;
	targetId?: string | null;
	/** A reason code; never a payload. */
	reason?: string | null;
	/**
	 * The kindergarten the event concerns. Left out: the actor's (null for an owner admin and
	 * for an event without an actor).
	 */
	kindergartenId?: string | null;
	/** What an administrative change changed (organisation, people; never a plan's content). */
	changes?: AuditChanges | null;
}

/** The fields whose value differs between `before` and `after`, as audit changes. */
export function changesBetween<T extends Record<string, unknown>>(
	before: T | null,
	after: T | null,
	fields: ReadonlyArray<keyof T & string>
): AuditChanges {
	const changes: AuditChanges = {};
	for (const field of fields) {
		const was = before?.[field] ?? null;
		const is = after?.[field] ?? null;
		if (was !== is) changes[field] = [was, is];
	}
	return changes;
}

/** Appends to the audit log (UTC). */
export async function audit(
	db: Kysely<Database> | Transaction<Database>,
	clock: Clock,
	event: AuditEvent
): Promise<void> {
	const now = clock.now();
	const actor = event.actorUserId ?? null;
	const changes =
		event.changes && Object.keys(event.changes).length > 0 ? JSON.stringify(event.changes) : null;
	await db
		.insertInto('auditLog')
		.values({
			id: uuidv7(now.getTime()),
			at: now.toISOString(),
			ownerId: event.ownerId ?? null,
			actorUserId: actor,
			action: event.action,
			targetType: event.targetType ?? null,
			targetId: event.targetId ?? null,
			reason: event.reason ?? null,
			kindergartenId:
				event.kindergartenId !== undefined || actor === null
					? (event.kindergartenId ?? null)
					: sql<string | null>`(select kindergarten_id from users where id = ${actor})`,
			changes
		})
		.execute();
}
