/**
 * Which fields of a synced record a mutation never carries. Apart from protocol.ts (and free of
 * zod), so that the outbox on every page can use them without loading the protocol's schemas.
 */

/** Fields the server sets; a mutation that sends them is refused. */
export const SERVER_FIELDS = [
	'id',
	'kindergartenId',
	'ownerId',
	'createdAt',
	'updatedAt',
	'deletedAt',
	'rev',
	// A plan's mark that its content changed after the manager approved it (ADR 23).
	'changedSinceApproval',
	// Another kindergarten's shared activity: where it comes from, added by the pull (ADR 38).
	'sharedFrom'
] as const;

/** Server fields kept with a record's client-written fields (the rest are its metadata). */
export const SERVER_DATA_FIELDS = ['changedSinceApproval'] as const;

/** Fields a device keeps for itself and never sends (its base revision; an activity's origin). */
export const DEVICE_FIELDS = ['syncRev', 'origin'] as const;
