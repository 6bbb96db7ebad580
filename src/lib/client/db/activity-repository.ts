import type { LekeplanDatabase } from './database';
import { changeBase, changedFields, recordMutation, syncEnabled } from './outbox';
import { loadOnce } from './load-once';
import type { Mutation } from '$lib/sync/protocol';
import { uuidv7 } from '$lib/domain/ids';
import { problemsOf, type FieldProblems } from '$lib/domain/plan-basics';
import type { OwnActivity } from '$lib/domain/library/library-activity';

export type ActivitySaveResult =
	{ ok: true; activity: OwnActivity } | { ok: false; problems: FieldProblems };

type ActivitySchemas = typeof import('$lib/domain/library/library-activity');

/**
 * The own-activity schemas, loaded the first time an activity is read or written: the pages
 * that only show plans (the first page among them) do not need them. Loaded before any
 * transaction starts, so no transaction waits on the network.
 */
const activitySchemas = loadOnce(() => import('$lib/domain/library/library-activity'));

/** The kindergarten's own library activities. */
export class ActivityRepository {
	constructor(
		private readonly db: LekeplanDatabase,
		private readonly clock: () => Date = () => new Date()
	) {}

	async listActive(): Promise<OwnActivity[]> {
		const { ownActivitySchema } = await activitySchemas();
		const rows = await this.db.ownActivities.toArray();
		return rows
			.map((r) => ownActivitySchema.safeParse(r))
			.filter((r) => r.success)
			.map((r) => r.data)
			.filter((a) => a.deletedAt === null)
			.sort((a, b) => a.title.localeCompare(b.title, 'nb'));
	}

	async get(id: string): Promise<OwnActivity | null> {
		return this.#get(await activitySchemas(), id);
	}

	/**
	 * Creates an activity (`id` undefined) or replaces one. `copiedFrom` names the built-in
	 * activity a copy was made from.
	 */
	async save(
		content: unknown,
		kindergartenId: string,
		options: { id?: string; copiedFrom?: string | null; draftKey?: string } = {}
	): Promise<ActivitySaveResult> {
		const schemas = await activitySchemas();
		const checked = schemas.activityContentSchema.safeParse(content);
		if (!checked.success) return { ok: false, problems: problemsOf(checked.error) };
		return this.db.transaction('rw', this.#tables(), async () => {
			const stamp = this.clock().toISOString();
			const current = options.id ? await this.#get(schemas, options.id) : null;
			// Editing something that is gone (deleted here or elsewhere) must not quietly make a copy;
			// another kindergarten's shared activity is theirs to change, never this one's (ADR 38).
			if (options.id && (!current || current.deletedAt !== null || current.sharedFrom)) {
				return { ok: false, problems: { _: { code: 'not_found' } } };
			}
			const candidate: OwnActivity = {
				...checked.data,
				id: current?.id ?? uuidv7(this.clock().getTime()),
				origin: 'own',
				kindergartenId,
				copiedFrom: current?.copiedFrom ?? options.copiedFrom ?? null,
				createdAt: current?.createdAt ?? stamp,
				updatedAt: stamp,
				deletedAt: null,
				// The server revision this copy is based on stays with it, or the next edit would
				// go out with no base and conflict with every change made elsewhere.
				...(current?.syncRev !== undefined ? { syncRev: current.syncRev } : {}),
				// The manager's share is not the form's: an edit keeps it as it is.
				...(current?.shared !== undefined ? { shared: current.shared } : {})
			};
			const parsed = schemas.ownActivitySchema.safeParse(candidate);
			if (!parsed.success) return { ok: false, problems: problemsOf(parsed.error) };
			await this.#put(parsed.data, 'put');
			if (options.draftKey) await this.db.drafts.delete(options.draftKey);
			return { ok: true, activity: parsed.data };
		});
	}

	/**
	 * Shares the kindergarten's own activity with the owner's other kindergartens, or withdraws
	 * the share (the manager's decision: the server refuses it from anyone else, ADR 38). False
	 * when the activity is not this kindergarten's own and live.
	 */
	async setShared(id: string, shared: boolean): Promise<boolean> {
		const schemas = await activitySchemas();
		return this.db.transaction('rw', this.#tables(), async () => {
			const current = await this.#get(schemas, id);
			if (!current || current.deletedAt !== null || current.sharedFrom) return false;
			await this.#put({ ...current, shared, updatedAt: this.clock().toISOString() }, 'put');
			return true;
		});
	}

	async softDelete(id: string): Promise<void> {
		const schemas = await activitySchemas();
		await this.db.transaction('rw', this.#tables(), async () => {
			const current = await this.#get(schemas, id);
			if (!current || current.sharedFrom) return;
			const stamp = this.clock().toISOString();
			await this.#put({ ...current, deletedAt: stamp, updatedAt: stamp }, 'delete');
		});
	}

	async restore(id: string): Promise<void> {
		const schemas = await activitySchemas();
		await this.db.transaction('rw', this.#tables(), async () => {
			const current = await this.#get(schemas, id);
			if (!current || current.sharedFrom) return;
			await this.#put(
				{ ...current, deletedAt: null, updatedAt: this.clock().toISOString() },
				'restore'
			);
		});
	}

	/** Sends an activity the server refused and never took once more, whole (see `changeBase`). */
	async resend(id: string): Promise<boolean> {
		const schemas = await activitySchemas();
		return this.db.transaction('rw', this.#tables(), async () => {
			const current = await this.#get(schemas, id);
			if (!current || current.syncRev !== undefined || !(await syncEnabled(this.db))) return false;
			await recordMutation(this.db, {
				recordId: current.id,
				type: 'activity',
				op: 'put',
				baseRev: null,
				fields: changedFields(null, current),
				at: this.clock().toISOString()
			});
			return true;
		});
	}

	async #get({ ownActivitySchema }: ActivitySchemas, id: string): Promise<OwnActivity | null> {
		const parsed = ownActivitySchema.safeParse(await this.db.ownActivities.get(id));
		return parsed.success ? parsed.data : null;
	}

	#tables() {
		return [
			this.db.ownActivities,
			this.db.drafts,
			this.db.outbox,
			this.db.syncMeta,
			this.db.rejections
		];
	}

	/** Writes an activity and, on a synced device, its outbox entry, in one transaction. */
	async #put(activity: OwnActivity, op: Mutation['op']): Promise<void> {
		const previous = (await this.db.ownActivities.get(activity.id)) ?? null;
		const synced = await syncEnabled(this.db);
		const base = synced ? await changeBase(this.db, activity.id, previous) : previous;
		const fields = op === 'put' ? changedFields(base, activity) : {};
		// A save that changes nothing is no change: the synced copy (its `updatedAt` too) stays
		// the server's, as no mutation will bring the server's back.
		if (synced && previous && op === 'put' && Object.keys(fields).length === 0) return;
		await this.db.ownActivities.put(activity);
		if (!synced) return;
		await recordMutation(this.db, {
			recordId: activity.id,
			type: 'activity',
			op,
			baseRev: previous?.syncRev ?? null,
			fields,
			at: this.clock().toISOString()
		});
	}
}
