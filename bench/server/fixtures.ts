import { uuidv7 } from '$lib/domain/ids';
import { SESSION_COOKIE, startSession } from '$lib/server/auth/sessions';
import type { SyncRecordTable } from '$lib/server/db/schema';
import { validateRecord } from '$lib/server/use-cases/sync-records';
import {
	MAX_BATCH,
	PROTOCOL_VERSION,
	SCHEMA_VERSION,
	type Mutation,
	type PushResponse
} from '$lib/sync';
import { seedOwner, type TestServer } from '../../tests/server/harness';
import { AT, planFields } from '../../tests/server/sync-fixtures';
import { apiRequest } from './api';

/** The server half's callers, mutations, push bodies and raw rows. */

// A stored row as the push writes it: `shared` (an activity's share, ADR 38) is null for plans,
// and written all the same, as the app writes it.
export type Row = Omit<SyncRecordTable, 'shared'> & { shared: number | null };

export interface Caller {
	cookie: string;
	userId: string;
	ownerId: string;
	kindergartenId: string;
	/** The owner's second kindergarten (empty): where the raw baseline writes. */
	otherKindergartenId: string;
	groupId: string;
	otherGroupId: string;
}

let labels = 0;

/** A fresh owner (two kindergartens) and a signed-in staff member of the first. */
export async function freshCaller(server: TestServer): Promise<Caller> {
	const owner = await seedOwner(server, `bench${++labels}`);
	const [own, other] = [owner.kindergartens[0]!, owner.kindergartens[1]!];
	const staff = owner.users.staff;
	const token = await startSession(server.deps, staff.id, null);
	return {
		cookie: `${SESSION_COOKIE}=${token}`,
		userId: staff.id,
		ownerId: owner.id,
		kindergartenId: own.id,
		otherKindergartenId: other.id,
		groupId: own.groups[0]!,
		otherGroupId: other.groups[0]!
	};
}

/** `n` valid create mutations for a group, numbered from `firstId`. */
export function createMutations(groupId: string, n: number, firstId = 1): Mutation[] {
	return Array.from({ length: n }, (_, i) => {
		const day = String(1 + (i % 28)).padStart(2, '0');
		return {
			id: firstId + i,
			recordId: uuidv7(),
			type: 'plan',
			op: 'put',
			baseRev: null,
			fields: planFields(groupId, {
				title: `Bee-Bot-løype ${firstId + i}`,
				date: `2026-11-${day}`
			}),
			at: AT
		};
	});
}

/**
 * The push bodies for `mutations`, cut at MAX_BATCH, as the UTF-8 bytes of their JSON: what the
 * server reads off the socket (writing and encoding the JSON is the tablet's work, not timed).
 */
export function pushBodies(clientId: string, mutations: Mutation[]): Uint8Array[] {
	const bodies: Uint8Array[] = [];
	for (let i = 0; i < mutations.length; i += MAX_BATCH) {
		const text = JSON.stringify({
			protocol: PROTOCOL_VERSION,
			schema: SCHEMA_VERSION,
			clientId,
			mutations: mutations.slice(i, i + MAX_BATCH)
		});
		bodies.push(new TextEncoder().encode(text));
	}
	return bodies;
}

/** Sends the push bodies in order; returns the answers' text. */
export async function sendPushes(
	server: TestServer,
	cookie: string,
	bodies: Uint8Array[]
): Promise<string[]> {
	const texts: string[] = [];
	for (const raw of bodies) {
		const response = await apiRequest(server, 'POST', '/api/v1/sync/push', {
			cookie,
			raw,
			headers: { 'content-type': 'application/json' }
		});
		const text = await response.text();
		if (response.status !== 200) throw new Error(`push answered ${response.status}: ${text}`);
		texts.push(text);
	}
	return texts;
}

export function expectAllApplied(texts: string[], n: number): void {
	const results = texts.flatMap((t) => (JSON.parse(t) as PushResponse).results);
	const applied = results.filter((r) => r.status === 'applied' && r.rev !== undefined).length;
	if (applied !== n) {
		const other = results.find((r) => r.status !== 'applied');
		throw new Error(`push applied ${applied} of ${n} mutations: ${JSON.stringify(other)}`);
	}
}

/**
 * The rows a push of `mutations` would store (data normalized by the record's schema, a
 * revision per field), for the kindergarten and group given, at revisions from `firstRev`.
 */
export function rowsOf(
	mutations: Mutation[],
	scope: { ownerId: string; kindergartenId: string; groupId: string },
	clientId: string,
	userId: string | null,
	firstRev: number,
	now: string
): Row[] {
	return mutations.map((m, i) => {
		const recordId = uuidv7();
		const checked = validateRecord(
			'plan',
			{ ...m.fields, groupId: scope.groupId },
			{
				id: recordId,
				kindergartenId: scope.kindergartenId,
				createdAt: now,
				updatedAt: now,
				deletedAt: null
			}
		);
		if (!checked.ok) throw new Error(`fixture plan invalid: ${JSON.stringify(checked.fields)}`);
		const rev = firstRev + i;
		const keys = Object.keys(checked.data);
		return {
			recordId,
			type: 'plan',
			ownerId: scope.ownerId,
			kindergartenId: scope.kindergartenId,
			groupId: scope.groupId,
			data: JSON.stringify(checked.data),
			fieldRevs: JSON.stringify(Object.fromEntries(keys.map((k) => [k, rev]))),
			fieldClients: JSON.stringify(Object.fromEntries(keys.map((k) => [k, clientId]))),
			rev,
			deletedAt: null,
			createdAt: now,
			updatedBy: userId,
			updatedAt: now,
			shared: null
		};
	});
}
