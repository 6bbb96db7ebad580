import type { Kysely, Transaction } from 'kysely';
import type { Clock } from './clock';
import type { Database } from './db';
import type { AuditAction } from './db/schema';
import { uuidv7 } from '$lib/domain/ids';

export interface AuditEvent {
	action: AuditAction;
	ownerId?: string | null;
	actorUserId?: string | null;
	targetType?: string | null;
	targetId?: string | null;
	/** A reason code; never a payload. */
	reason?: string | null;
}

/** Appends to the audit log (UTC, no payloads). */
export async function audit(
	db: Kysely<Database> | Transaction<Database>,
	clock: Clock,
	event: AuditEvent
): Promise<void> {
	const now = clock.now();
	await db
		.insertInto('auditLog')
		.values({
			id: uuidv7(now.getTime()),
			at: now.toISOString(),
			ownerId: event.ownerId ?? null,
			actorUserId: event.actorUserId ?? null,
			action: event.action,
			targetType: event.targetType ?? null,
			targetId: event.targetId ?? null,
			reason: event.reason ?? null
		})
		.execute();
}
