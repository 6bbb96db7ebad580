import type { LekeplanDatabase } from './database';
import type { Mutation, RecordType } from '$lib/sync/protocol';
import { DEVICE_FIELDS, SERVER_FIELDS } from '$lib/sync/fields';

/**
 * The outbox (docs/design/sync-protocol.md): every local change to a synced record, written in the
 * same Dexie transaction as the change itself, with a per-client mutation id that increases by one.
 * The sync engine pushes it in order and removes what the server acknowledged.
 */
export type OutboxEntry = Mutation;

/** Keys of the `syncMeta` store. */
export const META = {
	clientId: 'clientId',
	nextMutationId: 'nextMutationId',
	cursor: 'cursor',
	/** Whether this database syncs (a signed-in user's) or is the device's local one. */
	enabled: 'enabled',
	/** Revisions the server stored as this device holds them, which its next pull leaves out. */
	knownRevisions: 'knownRevisions',
	/** Records a refused, conflicting or lost change made unsure until the next pull. */
	unsureRecords: 'unsureRecords'
} as const;

/** Fields that only the server or this device sets: never sent as a change. */
const LOCAL_FIELDS: ReadonlySet<string> = new Set([...SERVER_FIELDS, ...DEVICE_FIELDS]);

function same(a: unknown, b: unknown): boolean {
	return JSON.stringify(a) === JSON.stringify(b);
}

/** The fields of `next` that differ from `previous` (all of them for a new record). */
export function changedFields(
	previous: Record<string, unknown> | null,
	next: Record<string, unknown>
): Record<string, unknown> {
	const fields: Record<string, unknown> = {};
	for (const [key, value] of Object.entries(next)) {
		if (LOCAL_FIELDS.has(key) || value === undefined) continue;
		if (!previous || !same(previous[key], value)) fields[key] = value;
	}
	return fields;
}

/**
 * The state a change is measured against: the record as this device had it, or null when the
 * server refused the record and never took it (no server revision, and a refusal on file). A
 * change to such a record is sent whole, so the server can take it as new once it is put right;
 * only the changed fields would be refused again as an incomplete record. Call inside a
 * transaction that includes `rejections`.
 */
export async function changeBase<T extends { syncRev?: number | undefined }>(
	db: LekeplanDatabase,
	recordId: string,
	previous: T | null
): Promise<T | null> {
	if (!previous || previous.syncRev !== undefined) return previous;
	const refused = await db.rejections.where('recordId').equals(recordId).count();
	return refused > 0 ? null : previous;
}

/**
 * Appends a mutation. Call inside a 'rw' transaction over `outbox` and `syncMeta` (and the
 * record's table): the change and its outbox entry commit together or not at all.
 */
export async function recordMutation(
	db: LekeplanDatabase,
	change: {
		recordId: string;
		type: RecordType;
		op: Mutation['op'];
		baseRev: number | null;
		fields: Record<string, unknown>;
		at: string;
	}
): Promise<void> {
	if (change.op === 'put' && Object.keys(change.fields).length === 0) return;
	const next = await db.syncMeta.get(META.nextMutationId);
	const id = typeof next?.value === 'number' ? next.value : 1;
	await db.outbox.add({ id, ...change });
	await db.syncMeta.put({ key: META.nextMutationId, value: id + 1 });
}

export async function syncEnabled(db: LekeplanDatabase): Promise<boolean> {
	return (await db.syncMeta.get(META.enabled))?.value === true;
}
