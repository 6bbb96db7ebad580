import type { ServerDeps } from '../../deps';
import type { Actor } from '../../auth/sessions';
import { ApiError, parseWith } from '../../api/http';
import { refuse, type SyncScope } from '../../access';
import {
	MAX_BATCH,
	pushRequestSchema,
	type Mutation,
	type MutationResult,
	type PushResponse
} from '$lib/sync';
import { takeSequence } from '../sequence';
import { checkVersions } from './checks';
import { Batch } from './batch';

function isObject(value: unknown): value is Record<string, unknown> {
	return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** The client's row; a client id is one user's, and another user presenting it is refused. */
async function clientOf(deps: ServerDeps, actor: Actor, clientId: string) {
	const row = await deps.db
		.selectFrom('syncClients')
		.selectAll()
		.where('clientId', '=', clientId)
		.executeTakeFirst();
	if (row && row.userId !== actor.userId) {
		await refuse(deps, actor, 403, 'client_of_another_user', { type: 'sync_client', id: clientId });
	}
	return row ?? null;
}

/**
 * Applies a batch of one client's mutations in one transaction: skips those already taken,
 * refuses a gap (409, nothing changed), and takes each new one as applied, rejected (with a
 * reason, stored, and the queue moves on) or conflict (kept for a person to resolve).
 */
export async function push(
	deps: ServerDeps,
	actor: Actor,
	scope: SyncScope,
	body: unknown
): Promise<PushResponse> {
	if (isObject(body)) {
		checkVersions(body['protocol'], body['schema']);
		const mutations = body['mutations'];
		if (Array.isArray(mutations) && mutations.length > MAX_BATCH) {
			throw new ApiError(413, 'batch_too_large', undefined, undefined, { max: MAX_BATCH });
		}
	}
	const request = parseWith(pushRequestSchema, body);
	await clientOf(deps, actor, request.clientId);
	const now = deps.clock.now().toISOString();

	return deps.db.transaction().execute(async (trx) => {
		const sequence = await takeSequence(trx, deps.dialect);
		const client = await trx
			.selectFrom('syncClients')
			.selectAll()
			.where('clientId', '=', request.clientId)
			.executeTakeFirst();
		// Checked above; a client id taken by another user in the meantime is refused unlogged.
		if (client && client.userId !== actor.userId) throw new ApiError(403, 'forbidden');
		const last = client?.lastMutationId ?? 0;
		const { mutations } = request;
		const first = mutations[0];
		const consecutive = mutations.every((m, i) => i === 0 || m.id === mutations[i - 1]!.id + 1);
		if (first && (first.id > last + 1 || !consecutive)) {
			throw new ApiError(409, 'mutation_gap', undefined, undefined, {
				expected: last + 1,
				lastMutationId: last
			});
		}
		const results: MutationResult[] = [];
		const fresh: Mutation[] = [];
		for (const m of mutations) {
			if (m.id <= last) results.push({ id: m.id, status: 'skipped' });
			else fresh.push(m);
		}
		await refusedBefore(trx, request.clientId, results);
		if (fresh.length === 0) return { results, lastMutationId: last };

		const batch = new Batch(trx, deps, actor, scope, request.clientId, sequence, now);
		await batch.load(fresh.map((m) => m.recordId));
		for (const m of fresh) results.push(await batch.apply(m));
		await batch.finish();

		const lastMutationId = fresh[fresh.length - 1]!.id;
		if (client) {
			await trx
				.updateTable('syncClients')
				.set({ lastMutationId, updatedAt: now })
				.where('clientId', '=', request.clientId)
				.execute();
		} else {
			await trx
				.insertInto('syncClients')
				.values({
					clientId: request.clientId,
					userId: actor.userId,
					lastMutationId,
					scope: null,
					createdAt: now,
					updatedAt: now
				})
				.execute();
		}
		return { results, lastMutationId };
	});
}

/**
 * A mutation skipped on a retry that the server refused the first time keeps its reason: the
 * answer that said so may never have reached the tablet, which must still show the refusal
 * (ADR 15). Only read when a batch repeats mutations, so a normal push pays nothing.
 */
async function refusedBefore(
	trx: Parameters<typeof takeSequence>[0],
	clientId: string,
	results: MutationResult[]
): Promise<void> {
	if (results.length === 0) return;
	const rows = await trx
		.selectFrom('syncRejections')
		.select(['mutationId', 'reason'])
		.where('clientId', '=', clientId)
		.where(
			'mutationId',
			'in',
			results.map((r) => r.id)
		)
		.execute();
	const reasons = new Map(rows.map((r) => [r.mutationId, r.reason]));
	for (const result of results) {
		const reason = reasons.get(result.id);
		if (reason) result.reason = reason;
	}
}
