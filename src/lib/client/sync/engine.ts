import type { Table } from 'dexie';
import type { LekeplanDatabase } from '$lib/client/db/database';
import { META } from '$lib/client/db/outbox';
import { uuidv7 } from '$lib/domain/ids';
import { activityPlanSchema, type ActivityPlan } from '$lib/domain/plan';
import { ownActivitySchema, type OwnActivity } from '$lib/domain/library/library-activity';
import { guidanceSetSchema, type GuidanceSet } from '$lib/domain/guidance';
import { ownerItemSetSchema, type OwnerItemSet } from '$lib/domain/competence/owner-items';
import {
	developmentPlanSchema,
	type DevelopmentPlan
} from '$lib/domain/competence/development-plan';
import { competenceAnswerSetSchema } from '$lib/domain/competence/answer-set';
import { digitalPlanSchema, digitalPlanName, type DigitalPlan } from '$lib/domain/digital-plan';
import { equipmentSetSchema, toolRegisterSchema } from '$lib/domain/register';
import {
	MAX_BATCH,
	MAX_KNOWN_RANGES,
	MAX_PUSH_BYTES,
	PROTOCOL_VERSION,
	RECORD_TYPES,
	SCHEMA_VERSION,
	type Change,
	type Mutation,
	type RecordType,
	type PullResponse,
	type PushRequest,
	type PushResponse
} from '$lib/sync/protocol';
import { expandPull } from '$lib/sync/compact';

/**
 * The sync engine of one signed-in user's database (docs/design/sync-protocol.md): push the outbox
 * in order, then pull changes by server sequence, each page applied with its cursor in one Dexie
 * transaction. The transport is injected: `fetch` in the browser, the server's handler in the
 * property tests.
 */

/** Each record type's schema: what a pulled record must pass to be stored. */
const SCHEMAS = {
	plan: activityPlanSchema,
	activity: ownActivitySchema,
	developmentPlan: developmentPlanSchema,
	// Never pulled (ADR 32): a person's answers only go up.
	competenceAnswers: competenceAnswerSetSchema,
	digitalPlan: digitalPlanSchema
} as const;

export type TransportResult<T> =
	{ ok: true; data: T } | { ok: false; status: number; reason: string; body?: unknown };

export interface SyncTransport {
	push(request: PushRequest): Promise<TransportResult<PushResponse>>;
	pull(
		query: {
			cursor: number;
			clientId: string;
			protocol: number;
			schema: number;
			/** Revisions this device holds exactly, for the server to leave out (issue 18). */
			known?: Array<[number, number]>;
		},
		/** Hears how many bytes of this page's answer have arrived so far, as they arrive. */
		onBytes?: (bytes: number) => void
	): Promise<TransportResult<PullResponse>>;
}

export type SyncOutcome =
	{ ok: true; pushed: number; pulled: number } | { ok: false; reason: string; status: number };

/** How far a pull has come: the changes received, and about how many it brings in all. */
export interface PullProgress {
	pulled: number;
	/** An estimate while pages remain, exact after the last; null if the server does not say. */
	total: number | null;
	/** Bytes of answers received by this pull so far, the page arriving included (issue 18). */
	bytes: number;
}

/**
 * About how many changes a pull brings in all, from how far its cursor has come towards the
 * server's `head`. Revisions are one sequence for the whole server and a record changed twice
 * is pulled once, so the changes per revision seen so far stand for the rest.
 */
export function estimateTotal(
	pulled: number,
	from: number,
	cursor: number,
	head: number | undefined
): number | null {
	if (head === undefined || cursor <= from) return null;
	if (cursor >= head) return pulled;
	return Math.max(pulled, Math.round((pulled * (head - from)) / (cursor - from)));
}

export class SyncEngine {
	/**
	 * Bytes of mutations one push body may carry. Starts at what the protocol allows; a 413 from
	 * the way to the server (a proxy, or a server started with a smaller body limit) halves it
	 * for as long as this engine lives, so a push still goes through, in more requests.
	 */
	#pushBudget = MAX_PUSH_BYTES - 1024;

	constructor(
		private readonly db: LekeplanDatabase,
		private readonly transport: SyncTransport,
		private readonly clock: () => Date = () => new Date()
	) {}

	/** Turns on the outbox for this database (a signed-in user's own). */
	async enable(): Promise<void> {
		await this.db.syncMeta.put({ key: META.enabled, value: true });
	}

	async clientId(): Promise<string> {
		return this.db.transaction('rw', this.db.syncMeta, async () => {
			const row = await this.db.syncMeta.get(META.clientId);
			if (typeof row?.value === 'string') return row.value;
			const id = uuidv7(this.clock().getTime());
			await this.db.syncMeta.put({ key: META.clientId, value: id });
			return id;
		});
	}

	async pendingCount(): Promise<number> {
		return this.db.outbox.count();
	}

	async cursor(): Promise<number> {
		const row = await this.db.syncMeta.get(META.cursor);
		return typeof row?.value === 'number' ? row.value : 0;
	}

	/** Push, then pull, until both are done or one fails. */
	async sync(onProgress?: (progress: PullProgress) => void): Promise<SyncOutcome> {
		const pushed = await this.push();
		if (!pushed.ok) return pushed;
		const pulled = await this.pull(onProgress);
		if (!pulled.ok) return pulled;
		return { ok: true, pushed: pushed.pushed, pulled: pulled.pulled };
	}

	/** Sends the outbox in batches, oldest first; removes what the server took. */
	async push(): Promise<SyncOutcome> {
		const clientId = await this.clientId();
		let pushed = 0;
		let renumbered = false;
		for (;;) {
			const batch = fitToSize(
				await this.db.outbox.orderBy('id').limit(MAX_BATCH).toArray(),
				this.#pushBudget
			);
			if (batch.length === 0) return { ok: true, pushed, pulled: 0 };
			const answer = await this.transport.push({
				protocol: PROTOCOL_VERSION,
				schema: SCHEMA_VERSION,
				clientId,
				mutations: batch
			});
			if (!answer.ok && answer.status === 413 && batch.length > 1) {
				// Too large for something on the way: the same mutations again, in smaller bodies.
				this.#pushBudget = Math.max(1024, Math.floor(bytesOf(batch) / 2));
				continue;
			}
			if (!answer.ok && answer.reason === 'mutation_gap' && !renumbered) {
				// The server has not taken mutations this device saw it take (it was restored from a
				// backup): number the unsent ones on from what it expects, once, and send them (ADR 16).
				renumbered = true;
				const expected = await this.#expectedMutationId(clientId, answer.body);
				if (expected !== null && (await this.#renumber(expected))) continue;
			}
			if (!answer.ok) return { ok: false, reason: answer.reason, status: answer.status };
			const { results, lastMutationId } = answer.data;
			const tables = [
				this.db.outbox,
				this.db.rejections,
				this.db.plans,
				this.db.ownActivities,
				this.db.developmentPlans,
				this.db.competenceAnswers,
				this.db.digitalPlans,
				this.db.syncMeta
			];
			await this.db.transaction('rw', tables, async () => {
				let rewindTo: number | null = null;
				// Records whose local copy may differ from the server's until the next pull: a change
				// of theirs was refused, kept as a conflict, or decided in an answer that was lost.
				const unsure = new Set(await this.#unsure());
				const entries = new Map(batch.map((m) => [m.id, m]));
				for (const result of results) {
					const entry = entries.get(result.id);
					if (result.status !== 'applied' && entry) unsure.add(entry.recordId);
				}
				// The server stored these records as this device holds them: take their revisions,
				// and leave them out of the next pull (issue 18). All at once, not one by one.
				const taken: Array<{ entry: Mutation; rev: number; at: string }> = [];
				for (const result of results) {
					const entry = entries.get(result.id);
					if (
						entry &&
						result.status === 'applied' &&
						result.exact &&
						result.rev !== undefined &&
						result.at !== undefined &&
						!unsure.has(entry.recordId)
					) {
						taken.push({ entry, rev: result.rev, at: result.at });
					}
				}
				const exact = await this.#takeRevisions(taken);
				for (const result of results) {
					const entry = entries.get(result.id);
					// A person's competence answers live here only until the server has them (ADR 32);
					// a refused set stays, for the page to offer again.
					if (
						entry?.type === 'competenceAnswers' &&
						(result.status === 'applied' || (result.status === 'skipped' && !result.reason))
					) {
						await this.db.competenceAnswers.delete(entry.recordId);
						continue;
					}
					// 'skipped': the server decided this mutation before and the answer was lost, so
					// this device does not know what it decided; re-pull the record like a conflict.
					if (result.status === 'applied') continue;
					const local = entry ? await this.#table(entry.type).get(entry.recordId) : undefined;
					// A retry's 'skipped' keeps the reason of a refusal whose answer was lost.
					if (result.status === 'rejected' || (result.status === 'skipped' && result.reason)) {
						// Kept with what the person needs to recognise the change: the record's title
						// and the fields it touched, because the re-pull below replaces both.
						const title =
							entry?.fields['title'] ??
							(local && 'title' in local
								? local.title
								: local && 'year' in local
									? digitalPlanName(local)
									: undefined);
						await this.db.rejections.put({
							mutationId: result.id,
							recordId: entry?.recordId ?? '',
							reason: result.reason ?? 'rejected',
							at: this.clock().toISOString(),
							...(entry
								? { type: entry.type, op: entry.op, fields: Object.keys(entry.fields) }
								: {}),
							...(result.fields ? { problems: result.fields } : {}),
							...(typeof title === 'string' ? { title } : {})
						});
					}
					// Nothing of a person's answers is pulled: there is nothing to pull again.
					if (entry?.type === 'competenceAnswers') continue;
					// The server kept its own value: pull the record again (from the revision this
					// device holds), so the local copy shows what the server has.
					const from = Math.max(0, (local?.syncRev ?? 1) - 1);
					rewindTo = rewindTo === null ? from : Math.min(rewindTo, from);
				}
				await this.db.outbox.where('id').belowOrEqual(lastMutationId).delete();
				if (rewindTo !== null && rewindTo < (await this.cursor())) {
					await this.db.syncMeta.put({ key: META.cursor, value: rewindTo });
				}
				if (unsure.size > 0) {
					// An unsure record is pulled again whatever revision it was known at.
					const revs = new Set<number>();
					for (const id of unsure) {
						const local =
							(await this.db.plans.get(id)) ??
							(await this.db.ownActivities.get(id)) ??
							(await this.db.developmentPlans.get(id)) ??
							(await this.db.digitalPlans.get(id));
						if (local?.syncRev !== undefined) revs.add(local.syncRev);
					}
					await this.db.syncMeta.put({ key: META.unsureRecords, value: [...unsure] });
					await this.#setKnown([...(await this.#known()), ...exact].filter((r) => !revs.has(r)));
				} else if (exact.length > 0) await this.#setKnown([...(await this.#known()), ...exact]);
			});
			pushed += batch.filter((m) => m.id <= lastMutationId).length;
			// The server took nothing of this batch: stop rather than loop on it.
			if (lastMutationId < batch[0]!.id) {
				return { ok: false, reason: 'push_not_taken', status: 0 };
			}
		}
	}

	/**
	 * The mutation id the server takes next, after a `mutation_gap`: from the error's `expected`
	 * when the transport passes the body on, or else from an empty push, which changes nothing
	 * and answers with the server's `lastMutationId`.
	 */
	async #expectedMutationId(clientId: string, body: unknown): Promise<number | null> {
		const error = (body as { error?: { expected?: unknown } } | undefined)?.error;
		if (typeof error?.expected === 'number' && Number.isSafeInteger(error.expected)) {
			return error.expected;
		}
		const answer = await this.transport.push({
			protocol: PROTOCOL_VERSION,
			schema: SCHEMA_VERSION,
			clientId,
			mutations: []
		});
		return answer.ok ? answer.data.lastMutationId + 1 : null;
	}

	/**
	 * Numbers the outbox `from`, `from` + 1, … in its order (and the next local mutation after
	 * it), when the server expects an id at or below the outbox's first: then it has taken none
	 * of them, and none of the new ids. (Were it ahead, some of the outbox would be taken
	 * already, and new ids would apply them again.) False when there is nothing to renumber.
	 */
	async #renumber(from: number): Promise<boolean> {
		return this.db.transaction('rw', [this.db.outbox, this.db.syncMeta], async () => {
			const pending = await this.db.outbox.orderBy('id').toArray();
			if (pending.length === 0 || from < 1 || from > pending[0]!.id) return false;
			if (pending.every((m, i) => m.id === from + i)) return false;
			await this.db.outbox.clear();
			await this.db.outbox.bulkAdd(pending.map((m, i) => ({ ...m, id: from + i })));
			await this.db.syncMeta.put({ key: META.nextMutationId, value: from + pending.length });
			return true;
		});
	}

	/** Pulls pages until there are no more; a reset re-downloads, keeping unsent changes. */
	async pull(onProgress?: (progress: PullProgress) => void): Promise<SyncOutcome> {
		const clientId = await this.clientId();
		let pulled = 0;
		let from = await this.cursor();
		// Bytes of the pages applied, and the total estimate last reported (for the page arriving).
		let bytes = 0;
		let total: number | null = null;
		for (let round = 0; round < 10_000; round++) {
			const cursor = await this.cursor();
			// A download from 0 takes everything (a reset dropped what this device held).
			const known = from > 0 ? rangesOf((await this.#known()).filter((r) => r > cursor)) : [];
			let pageBytes = 0;
			const answer = await this.transport.pull(
				{
					cursor,
					clientId,
					protocol: PROTOCOL_VERSION,
					schema: SCHEMA_VERSION,
					...(known.length > 0 ? { known } : {})
				},
				(arrived) => {
					pageBytes = arrived;
					onProgress?.({ pulled, total, bytes: bytes + arrived });
				}
			);
			if (!answer.ok) {
				// A cursor from the future: the server was restored from a backup. Start over.
				const reset = answer.reason === 'reset_required' || answer.reason === 'cursor_from_future';
				if (reset && cursor !== 0) {
					await this.reset();
					// The re-download is what the progress counts now.
					[from, pulled, bytes, total] = [0, 0, 0, null];
					continue;
				}
				return { ok: false, reason: answer.reason, status: answer.status };
			}
			const { changes, head, hasMore } = expandPull(answer.data);
			await this.apply(changes, answer.data.cursor);
			pulled += changes.length;
			bytes += pageBytes;
			total = hasMore ? estimateTotal(pulled, from, answer.data.cursor, head) : pulled;
			onProgress?.({ pulled, total, bytes });
			if (!hasMore) {
				// Revisions the cursor has passed are behind it for good.
				const passed = answer.data.cursor;
				const known = await this.#known();
				if (known.some((r) => r <= passed)) await this.#setKnown(known.filter((r) => r > passed));
				// The pull brought every unsure record as the server has it.
				await this.db.syncMeta.delete(META.unsureRecords);
				return { ok: true, pushed: 0, pulled };
			}
		}
		return { ok: false, reason: 'pull_did_not_end', status: 0 };
	}

	/** Revisions this device holds exactly (from push answers), not yet passed by its cursor. */
	async #known(): Promise<number[]> {
		const row = await this.db.syncMeta.get(META.knownRevisions);
		return Array.isArray(row?.value) ? (row.value as number[]) : [];
	}

	async #unsure(): Promise<string[]> {
		const row = await this.db.syncMeta.get(META.unsureRecords);
		return Array.isArray(row?.value) ? (row.value as string[]) : [];
	}

	async #setKnown(revisions: number[]): Promise<void> {
		const sorted = [...new Set(revisions)].sort((a, b) => a - b);
		await this.db.syncMeta.put({ key: META.knownRevisions, value: sorted });
	}

	/**
	 * Takes the server's revision for a record it stored as this device holds it; false when the
	 * record is no longer here (then nothing is left out of the pull for it).
	 */
	async #takeRevisions(
		taken: ReadonlyArray<{
			entry: { type: RecordType; recordId: string; baseRev: number | null };
			rev: number;
			at: string;
		}>
	): Promise<number[]> {
		const exact: number[] = [];
		for (const type of new Set(taken.map((t) => t.entry.type))) {
			const ofType = taken.filter((t) => t.entry.type === type);
			const table = this.#table(type);
			const held = await table.bulkGet(ofType.map((t) => t.entry.recordId));
			const updated: Array<Record<string, unknown>> = [];
			ofType.forEach(({ entry, rev, at }, i) => {
				const record = held[i];
				if (!record) return;
				// The server's times, as a pull would bring them: a record it made has its createdAt.
				const times = entry.baseRev === null ? { updatedAt: at, createdAt: at } : { updatedAt: at };
				updated.push({ ...record, syncRev: rev, ...times });
				exact.push(rev);
			});
			if (updated.length > 0) await (table as Table<Record<string, unknown>>).bulkPut(updated);
		}
		return exact;
	}

	/** The local table of a record type. */
	#table(type: RecordType) {
		return type === 'plan'
			? this.db.plans
			: type === 'activity'
				? this.db.ownActivities
				: type === 'developmentPlan'
					? this.db.developmentPlans
					: type === 'digitalPlan'
						? this.db.digitalPlans
						: this.db.competenceAnswers;
	}

	/** What a pull writes (with the outbox it reads and the cursor it moves). */
	#pulledTables() {
		const { plans, ownActivities, developmentPlans, digitalPlans } = this.db;
		const { guidanceSets, competenceItemSets, toolRegisters, equipment, outbox, syncMeta } =
			this.db;
		return [
			plans,
			ownActivities,
			developmentPlans,
			digitalPlans,
			guidanceSets,
			competenceItemSets,
			toolRegisters,
			equipment,
			outbox,
			syncMeta
		];
	}

	/**
	 * The owner's register and the kindergarten's equipment (ADR 43), each pulled whole: the
	 * register replaces the one held (one row), the equipment its kindergarten's.
	 */
	async #storeWhole(changes: readonly Change[]): Promise<void> {
		for (const change of changes) {
			if (change.type === 'toolRegister') {
				const parsed = toolRegisterSchema.safeParse(change.data);
				if (!parsed.success) {
					console.warn('A pulled register does not fit the schema', change.recordId);
					continue;
				}
				await this.db.toolRegisters.clear();
				const { entries } = parsed.data;
				await this.db.toolRegisters.put({ ownerId: change.recordId, rev: change.rev, entries });
			} else if (change.type === 'equipment') {
				const parsed = equipmentSetSchema.safeParse(change.data);
				if (!parsed.success) {
					console.warn('A pulled equipment list does not fit the schema', change.recordId);
					continue;
				}
				const { kindergartenId, items } = parsed.data;
				await this.db.equipment.put({ kindergartenId, rev: change.rev, items });
			}
		}
	}

	/** Drops what came from the server (not unsent changes) and starts from cursor 0. */
	async reset(): Promise<void> {
		await this.db.transaction('rw', this.#pulledTables(), async () => {
			// The owner's guidance comes again with the download; until then the shipped default.
			await this.db.guidanceSets.clear();
			// So do the owner's competence items (ADR 37).
			await this.db.competenceItemSets.clear();
			// And the owner's register and the kindergarten's equipment (ADR 43).
			await this.db.toolRegisters.clear();
			await this.db.equipment.clear();
			const pending = new Set((await this.db.outbox.toArray()).map((m) => m.recordId));
			const stale = (await this.db.plans.toArray()).filter((p) => !pending.has(p.id));
			await this.db.plans.bulkDelete(stale.map((p) => p.id));
			const staleActivities = (await this.db.ownActivities.toArray()).filter(
				(a) => !pending.has(a.id)
			);
			await this.db.ownActivities.bulkDelete(staleActivities.map((a) => a.id));
			const staleDevelopmentPlans = (await this.db.developmentPlans.toArray()).filter(
				(p) => !pending.has(p.id)
			);
			await this.db.developmentPlans.bulkDelete(staleDevelopmentPlans.map((p) => p.id));
			const staleDigitalPlans = (await this.db.digitalPlans.toArray()).filter(
				(p) => !pending.has(p.id)
			);
			await this.db.digitalPlans.bulkDelete(staleDigitalPlans.map((p) => p.id));
			await this.db.syncMeta.put({ key: META.cursor, value: 0 });
			await this.db.syncMeta.delete(META.knownRevisions);
			await this.db.syncMeta.delete(META.unsureRecords);
		});
	}

	/**
	 * Applies one page and its cursor in one transaction. A record with unsent local changes
	 * keeps its local values for the fields those changes touch; the server merges them when
	 * they arrive.
	 */
	async apply(changes: readonly Change[], cursor: number): Promise<void> {
		await this.db.transaction('rw', this.#pulledTables(), async () => {
			// The owner's guidance: stored beside the shipped default; the newest version is used.
			const sets: GuidanceSet[] = [];
			for (const change of changes) {
				if (change.type !== 'guidance') continue;
				const parsed = guidanceSetSchema.safeParse(change.data);
				if (parsed.success) sets.push(parsed.data);
				else console.warn('A pulled guidance set does not fit the schema', change.recordId);
			}
			if (sets.length > 0) await this.db.guidanceSets.bulkPut(sets);
			// The owner's competence items (ADR 37): kept by version, the newest is used.
			const itemSets: OwnerItemSet[] = [];
			for (const change of changes) {
				if (change.type !== 'competenceItems') continue;
				const parsed = ownerItemSetSchema.safeParse(change.data);
				if (parsed.success) itemSets.push(parsed.data);
				else console.warn('A pulled competence item set does not fit the schema', change.recordId);
			}
			if (itemSets.length > 0) await this.db.competenceItemSets.bulkPut(itemSets);
			await this.#storeWhole(changes);
			// One page is applied with bulk reads and writes: a first sync of thousands of
			// records must not wait on three IndexedDB round trips per record.
			const ids = changes.map((c) => c.recordId);
			const pending = await this.db.outbox.where('recordId').anyOf(ids).toArray();
			const pendingByRecord = new Map<string, typeof pending>();
			for (const m of pending) {
				pendingByRecord.set(m.recordId, [...(pendingByRecord.get(m.recordId) ?? []), m]);
			}
			for (const type of RECORD_TYPES) {
				// A person's answers are never pulled (ADR 32); a server that sent them is not heeded.
				if (type === 'competenceAnswers') continue;
				const ofType = changes.filter((c) => c.type === type);
				if (ofType.length === 0) continue;
				const table = this.#table(type);
				const schema = SCHEMAS[type];
				const locals = (await table.bulkGet(ofType.map((c) => c.recordId))) as Array<
					Record<string, unknown> | undefined
				>;
				const rows: unknown[] = [];
				ofType.forEach((change, i) => {
					const local = locals[i];
					const mine = pendingByRecord.get(change.recordId) ?? [];
					const merged: Record<string, unknown> = { ...change.data };
					// Unsent local changes keep their values until the server has merged them.
					for (const m of mine) {
						for (const field of Object.keys(m.fields)) if (local) merged[field] = local[field];
					}
					const locallyDeleted = mine.some((m) => m.op === 'delete');
					const parsed = schema.safeParse({
						...merged,
						id: change.recordId,
						// A delete waiting to be sent keeps the record deleted here; when the server has
						// it deleted already, the server's time stands (the delete will change nothing).
						deletedAt:
							locallyDeleted && change.deletedAt === null
								? ((local?.['deletedAt'] as string | null | undefined) ?? null)
								: change.deletedAt,
						syncRev: change.rev
					});
					if (parsed.success) rows.push(parsed.data);
					else console.warn('A pulled record does not fit the schema', type, change.recordId);
				});
				if (type === 'plan') await this.db.plans.bulkPut(rows as ActivityPlan[]);
				else if (type === 'activity') await this.db.ownActivities.bulkPut(rows as OwnActivity[]);
				else if (type === 'developmentPlan') {
					await this.db.developmentPlans.bulkPut(rows as DevelopmentPlan[]);
				} else await this.db.digitalPlans.bulkPut(rows as DigitalPlan[]);
			}
			await this.db.syncMeta.put({ key: META.cursor, value: cursor });
		});
	}
}

/** Sorted revisions as ranges `[a, b]`, at most MAX_KNOWN_RANGES (the lowest). */
function rangesOf(revisions: number[]): Array<[number, number]> {
	const ranges: Array<[number, number]> = [];
	for (const rev of revisions) {
		const last = ranges[ranges.length - 1];
		if (last && rev === last[1] + 1) last[1] = rev;
		else if (ranges.length === MAX_KNOWN_RANGES) break;
		else ranges.push([rev, rev]);
	}
	return ranges;
}

const encoder = new TextEncoder();
/** The bytes one mutation takes in a push body's JSON (with its comma). */
const bytesOfOne = (item: unknown) => encoder.encode(JSON.stringify(item)).byteLength + 1;
const bytesOf = (batch: unknown[]) => batch.reduce<number>((sum, m) => sum + bytesOfOne(m), 0);

/** The longest prefix of a batch (at least one) whose mutations take at most `budget` bytes. */
function fitToSize<T>(batch: T[], budget: number): T[] {
	let size = 0;
	for (let i = 0; i < batch.length; i++) {
		size += bytesOfOne(batch[i]);
		if (size > budget) return batch.slice(0, Math.max(1, i));
	}
	return batch;
}
