import { FREE_TEXT_FIELDS, type Mutation, type RecordType } from './protocol';

/**
 * Per-field merge (docs/design/sync-protocol.md), pure so that both sides and the tests share it. A
 * field untouched since the mutation's base revision takes the new value. A concurrent change to a
 * scalar field: the later in server order (this mutation) wins. A concurrent change to a free-
 * text field: the server keeps its value and a conflict holds both. Delete wins over edit; an
 * edit of a deleted record raises a conflict that offers "restore". Nothing is dropped silently.
 *
 * "Concurrent" means: changed on the server after the mutation's base revision by someone
 * else. A client's own earlier mutations are not concurrent with its later ones: a tablet that
 * edits a plan twice before it syncs sends both edits on the same base revision, and the second
 * must not conflict with the first. That is what `fieldClients` (who last wrote each field) is
 * for; without it (or without a client id) every change after the base counts as concurrent.
 */

export interface StoredRecord {
	data: Record<string, unknown>;
	fieldRevs: Record<string, number>;
	/** The client that last wrote each field (optional: see above). */
	fieldClients?: Record<string, string>;
	rev: number;
	deletedAt: string | null;
}

export interface MergeConflict {
	field: string | null;
	kind: 'text' | 'deleted';
	serverValue: unknown;
	clientValue: unknown;
}

export interface MergeOutcome {
	/** The record's fields after the merge (null: nothing to store). */
	data: Record<string, unknown> | null;
	/** Fields whose value this mutation changed (they get the new revision). */
	changedFields: string[];
	deleted: boolean | null;
	conflicts: MergeConflict[];
	/** Scalar fields where this mutation overwrote a concurrent change (logged). */
	overwritten: string[];
}

/** JSON with object keys sorted, so that `{a, b}` and `{b, a}` are the same value. */
function canonical(value: unknown): string {
	return JSON.stringify(value, (_key, v: unknown) =>
		v !== null && typeof v === 'object' && !Array.isArray(v)
			? Object.fromEntries(
					Object.entries(v as Record<string, unknown>).sort(([a], [b]) =>
						a < b ? -1 : a > b ? 1 : 0
					)
				)
			: v
	);
}

/** Whether two field values are the same JSON value (object key order does not matter). */
export function sameValue(a: unknown, b: unknown): boolean {
	return canonical(a) === canonical(b);
}

export function mergeMutation(
	current: StoredRecord | null,
	mutation: Pick<Mutation, 'op' | 'baseRev' | 'fields'>,
	type: RecordType,
	clientId?: string
): MergeOutcome {
	const none: MergeOutcome = {
		data: null,
		changedFields: [],
		deleted: null,
		conflicts: [],
		overwritten: []
	};
	if (mutation.op === 'delete') {
		if (!current || current.deletedAt) return none;
		return { ...none, data: current.data, deleted: true };
	}
	if (mutation.op === 'restore') {
		if (!current || !current.deletedAt) return none;
		return { ...none, data: current.data, deleted: false };
	}
	if (!current) {
		return {
			...none,
			data: { ...mutation.fields },
			changedFields: Object.keys(mutation.fields),
			deleted: false
		};
	}
	if (current.deletedAt) {
		return {
			...none,
			conflicts: [{ field: null, kind: 'deleted', serverValue: null, clientValue: mutation.fields }]
		};
	}
	const base = mutation.baseRev ?? 0;
	const data = { ...current.data };
	const outcome: MergeOutcome = { ...none, data, deleted: false };
	for (const [field, value] of Object.entries(mutation.fields)) {
		if (sameValue(current.data[field], value)) continue;
		const byThisClient = clientId !== undefined && current.fieldClients?.[field] === clientId;
		const concurrent = (current.fieldRevs[field] ?? 0) > base && !byThisClient;
		if (concurrent && FREE_TEXT_FIELDS[type].includes(field)) {
			outcome.conflicts.push({
				field,
				kind: 'text',
				serverValue: current.data[field],
				clientValue: value
			});
			continue;
		}
		if (concurrent) outcome.overwritten.push(field);
		data[field] = value;
		outcome.changedFields.push(field);
	}
	return outcome;
}
