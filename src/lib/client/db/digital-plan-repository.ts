import type { LekeplanDatabase } from './database';
import { changeBase, changedFields, recordMutation, syncEnabled } from './outbox';
import { loadOnce } from './load-once';
import type { Mutation } from '$lib/sync/protocol';
import { uuidv7 } from '$lib/domain/ids';
import type { FieldProblems } from '$lib/domain/plan-basics';
import type { DigitalPlan } from '$lib/domain/digital-plan';

export type DigitalPlanSaveResult =
	{ ok: true; plan: DigitalPlan } | { ok: false; problems: FieldProblems };

type Schemas = typeof import('$lib/domain/digital-plan');

/** The schemas, loaded the first time a digital plan is read or written (ADR 12). */
const schemas = loadOnce(() => import('$lib/domain/digital-plan'));

/**
 * The kindergarten's digital plans, one a kindergarten year (ADR 34). Pulled onto every tablet
 * of the kindergarten; written on a manager's, each change with its outbox entry in one
 * transaction, like the competence development plans (ADR 28). The server refuses a write by
 * anyone but a manager. A second plan for a year that has one is refused here (`year_taken`).
 */
export class DigitalPlanRepository {
	constructor(
		private readonly db: LekeplanDatabase,
		private readonly clock: () => Date = () => new Date()
	) {}

	/** The plans not deleted, the newest year first. */
	async listActive(): Promise<DigitalPlan[]> {
		const s = await schemas();
		const rows = await this.db.digitalPlans.toArray();
		return rows
			.map((r) => s.digitalPlanSchema.safeParse(r))
			.filter((r) => r.success)
			.map((r) => r.data)
			.filter((p) => p.deletedAt === null)
			.sort(s.byYear);
	}

	/** The live plan of a kindergarten year, if there is one. */
	async ofYear(year: number): Promise<DigitalPlan | null> {
		const s = await schemas();
		for (const row of await this.db.digitalPlans.where('year').equals(year).toArray()) {
			const plan = await this.#get(s, row.id);
			if (plan && plan.deletedAt === null) return plan;
		}
		return null;
	}

	async get(id: string): Promise<DigitalPlan | null> {
		return this.#get(await schemas(), id);
	}

	/** Creates a plan (`id` undefined) or replaces one; nothing is written when it is invalid. */
	async save(
		content: unknown,
		kindergartenId: string,
		options: { id?: string } = {}
	): Promise<DigitalPlanSaveResult> {
		const s = await schemas();
		const problems = s.digitalPlanProblems(content);
		if (problems) return { ok: false, problems };
		const checked = s.digitalPlanInputSchema.parse(content);
		return this.db.transaction('rw', this.#tables(), async (): Promise<DigitalPlanSaveResult> => {
			const stamp = this.clock().toISOString();
			const current = options.id ? await this.#get(s, options.id) : null;
			if (options.id && (!current || current.deletedAt !== null)) {
				return { ok: false, problems: { _: { code: 'not_found' } } };
			}
			// One plan a year: earlier years stay as they were written.
			const sameYear = await this.db.digitalPlans.where('year').equals(checked.year).toArray();
			if (sameYear.some((p) => p.id !== options.id && p.deletedAt === null)) {
				return { ok: false, problems: { year: { code: 'year_taken' } } };
			}
			const candidate: DigitalPlan = {
				...checked,
				id: current?.id ?? uuidv7(this.clock().getTime()),
				kindergartenId,
				createdAt: current?.createdAt ?? stamp,
				updatedAt: stamp,
				deletedAt: null,
				...(current?.syncRev !== undefined ? { syncRev: current.syncRev } : {})
			};
			const parsed = s.digitalPlanSchema.safeParse(candidate);
			if (!parsed.success) return { ok: false, problems: { _: { code: 'invalid' } } };
			await this.#put(parsed.data, 'put');
			return { ok: true, plan: parsed.data };
		});
	}

	async softDelete(id: string): Promise<void> {
		const s = await schemas();
		await this.db.transaction('rw', this.#tables(), async () => {
			const current = await this.#get(s, id);
			if (!current || current.deletedAt !== null) return;
			const stamp = this.clock().toISOString();
			await this.#put({ ...current, deletedAt: stamp, updatedAt: stamp }, 'delete');
		});
	}

	async restore(id: string): Promise<void> {
		const s = await schemas();
		await this.db.transaction('rw', this.#tables(), async () => {
			const current = await this.#get(s, id);
			if (!current || current.deletedAt === null) return;
			await this.#put(
				{ ...current, deletedAt: null, updatedAt: this.clock().toISOString() },
				'restore'
			);
		});
	}

	/** Sends a plan the server refused and never took once more, whole (see `changeBase`). */
	async resend(id: string): Promise<boolean> {
		const s = await schemas();
		return this.db.transaction('rw', this.#tables(), async () => {
			const current = await this.#get(s, id);
			if (!current || current.syncRev !== undefined || !(await syncEnabled(this.db))) return false;
			await recordMutation(this.db, {
				recordId: current.id,
				type: 'digitalPlan',
				op: 'put',
				baseRev: null,
				fields: changedFields(null, current),
				at: this.clock().toISOString()
			});
			return true;
		});
	}

	async #get(s: Schemas, id: string): Promise<DigitalPlan | null> {
		const parsed = s.digitalPlanSchema.safeParse(await this.db.digitalPlans.get(id));
		return parsed.success ? parsed.data : null;
	}

	#tables() {
		return [this.db.digitalPlans, this.db.outbox, this.db.syncMeta, this.db.rejections];
	}

	/** Writes a plan and, on a synced device, its outbox entry, in one transaction. */
	async #put(plan: DigitalPlan, op: Mutation['op']): Promise<void> {
		const previous = (await this.db.digitalPlans.get(plan.id)) ?? null;
		const synced = await syncEnabled(this.db);
		const base = synced ? await changeBase(this.db, plan.id, previous) : previous;
		const fields = op === 'put' ? changedFields(base, plan) : {};
		// A save that changes nothing is no change: the synced copy stays the server's.
		if (synced && previous && op === 'put' && Object.keys(fields).length === 0) return;
		await this.db.digitalPlans.put(plan);
		if (!synced) return;
		await recordMutation(this.db, {
			recordId: plan.id,
			type: 'digitalPlan',
			op,
			baseRev: previous?.syncRev ?? null,
			fields,
			at: this.clock().toISOString()
		});
	}
}
