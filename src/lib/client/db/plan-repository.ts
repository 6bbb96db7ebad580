import type { LekeplanDatabase } from './database';
import { uuidv7 } from '$lib/domain/ids';
import { localToday } from '$lib/domain/calendar';
import {
	byTimeOfDay,
	evaluationOpen,
	problemsOf,
	type FieldProblems
} from '$lib/domain/plan-basics';
import type {
	ActivityPlan,
	PlanContent,
	PlanApproval,
	PlanEvaluation,
	PlanRota,
	PlanSeries
} from '$lib/domain/plan';
import { changeBase, changedFields, recordMutation, syncEnabled } from './outbox';
import { loadOnce } from './load-once';
import type { Mutation } from '$lib/sync/protocol';

export type SaveResult = { ok: true; plan: ActivityPlan } | { ok: false; problems: FieldProblems };

export class PlanNotFoundError extends Error {
	constructor(readonly id: string) {
		super(`No plan with id ${id}`);
		this.name = 'PlanNotFoundError';
	}
}

type PlanSchemas = typeof import('$lib/domain/plan');

/**
 * The plan schemas (and zod with them), loaded the first time a plan is read or written: a
 * device with no plans yet, as on the first visit, never needs them (ADR 12). Every write loads
 * them before its transaction starts, so no transaction waits on the network; inside one, this
 * is an already settled promise.
 */
export const planSchemas = loadOnce(() => import('$lib/domain/plan'));

/**
 * Parses what IndexedDB holds. A record that no longer fits the schema (written by a buggy or
 * newer build) is left in place and reported, never silently "fixed" or dropped.
 */
function readPlan({ activityPlanSchema }: PlanSchemas, raw: unknown): ActivityPlan | null {
	const parsed = activityPlanSchema.safeParse(raw);
	if (parsed.success) return parsed.data;
	console.warn('Unreadable plan in the local database', parsed.error.issues);
	return null;
}

async function readPlans(rows: unknown[]): Promise<ActivityPlan[]> {
	if (rows.length === 0) return [];
	const schemas = await planSchemas();
	return rows.map((raw) => readPlan(schemas, raw)).filter((p): p is ActivityPlan => p !== null);
}

/** Plans on this device. Every write is validated against the domain schema first. */
export class PlanRepository {
	constructor(
		private readonly db: LekeplanDatabase,
		private readonly clock: () => Date = () => new Date()
	) {}

	async get(id: string): Promise<ActivityPlan | null> {
		const raw = await this.db.plans.get(id);
		return raw ? readPlan(await planSchemas(), raw) : null;
	}

	/** Every plan that is not deleted. */
	async listActive(): Promise<ActivityPlan[]> {
		const rows = await this.db.plans.toArray();
		return (await readPlans(rows)).filter((p) => p.deletedAt === null);
	}

	/** Plans of one group between two dates (inclusive), in time order. */
	async listForGroup(groupId: string, from: string, to: string): Promise<ActivityPlan[]> {
		const rows = await this.db.plans
			.where('[groupId+date]')
			.between([groupId, from], [groupId, to], true, true)
			.toArray();
		return (await readPlans(rows)).filter((p) => p.deletedAt === null).sort(byTimeOfDay);
	}

	/** Creates a plan; the draft it was typed in (if any) goes in the same transaction. */
	async create(
		content: PlanContent,
		kindergartenId: string,
		draftKey?: string
	): Promise<SaveResult> {
		const stamp = this.clock().toISOString();
		return this.write(
			{
				...content,
				id: uuidv7(this.clock().getTime()),
				kindergartenId,
				createdAt: stamp,
				updatedAt: stamp,
				deletedAt: null
			},
			draftKey
		);
	}

	async update(id: string, content: PlanContent, draftKey?: string): Promise<SaveResult> {
		await planSchemas();
		return this.db.transaction('rw', this.#tables(), async () => {
			const current = await this.require(id);
			return this.write(
				{ ...current, ...content, updatedAt: this.clock().toISOString() },
				draftKey
			);
		});
	}

	async evaluate(id: string, evaluation: PlanEvaluation, draftKey?: string): Promise<SaveResult> {
		await planSchemas();
		return this.db.transaction('rw', this.#tables(), async () => {
			const current = await this.require(id);
			if (!evaluationOpen(current.date, localToday(this.clock()))) {
				return { ok: false, problems: { date: { code: 'evaluation_too_early' } } };
			}
			return this.write(
				{ ...current, evaluation, status: 'evaluated', updatedAt: this.clock().toISOString() },
				draftKey
			);
		});
	}

	/** Records a manager's decision on a plan (the server accepts it only from a manager). */
	async setApproval(id: string, approval: PlanApproval | null): Promise<SaveResult> {
		await planSchemas();
		return this.db.transaction('rw', this.#tables(), async () => {
			const current = await this.require(id);
			return this.write({ ...current, approval, updatedAt: this.clock().toISOString() });
		});
	}

	/** A copy as a new draft on the same day, with no evaluation. */
	async duplicate(id: string, copyTitle: (title: string) => string): Promise<SaveResult> {
		await planSchemas();
		return this.db.transaction('rw', this.#tables(), async () => {
			const source = await this.require(id);
			const stamp = this.clock().toISOString();
			return this.write({
				...structuredClone(source),
				id: uuidv7(this.clock().getTime()),
				title: copyTitle(source.title),
				status: 'draft',
				approval: null,
				changedSinceApproval: null,
				evaluation: null,
				createdAt: stamp,
				updatedAt: stamp,
				deletedAt: null
			});
		});
	}

	/**
	 * Creates the plans of a series (a stop-motion project, one plan per phase) in one
	 * transaction: all of them or none.
	 */
	async createSeries(
		items: readonly { content: PlanContent; series: PlanSeries; rota: PlanRota | null }[],
		kindergartenId: string
	): Promise<{ ok: true; plans: ActivityPlan[] } | { ok: false; problems: FieldProblems }> {
		const { activityPlanSchema } = await planSchemas();
		const stamp = this.clock().toISOString();
		const plans: ActivityPlan[] = [];
		for (const item of items) {
			const parsed = activityPlanSchema.safeParse({
				...item.content,
				series: item.series,
				rota: item.rota,
				id: uuidv7(this.clock().getTime()),
				kindergartenId,
				createdAt: stamp,
				updatedAt: stamp,
				deletedAt: null
			});
			if (!parsed.success) return { ok: false, problems: problemsOf(parsed.error) };
			plans.push(parsed.data);
		}
		if (plans.length === 0) return { ok: false, problems: { _: { code: 'required' } } };
		await this.db.transaction('rw', this.#tables(), async () => {
			for (const plan of plans) {
				if (await this.db.plans.get(plan.id)) throw new Error(`Plan ${plan.id} exists`);
			}
			await this.#put(plans);
		});
		return { ok: true, plans };
	}

	/** Marks a plan deleted. It stays as a tombstone, so `restore` can undo it. */
	async softDelete(id: string): Promise<void> {
		await this.setDeleted(id, this.clock().toISOString());
	}

	async restore(id: string): Promise<void> {
		await this.setDeleted(id, null);
	}

	/**
	 * Imports many plans at once (demo data, a file). All are validated before any is
	 * written, so a bad record leaves the database as it was.
	 */
	async importMany(
		plans: readonly unknown[]
	): Promise<{ ok: true; count: number } | { ok: false; index: number; problems: FieldProblems }> {
		const { activityPlanSchema } = await planSchemas();
		const valid: ActivityPlan[] = [];
		for (const [index, raw] of plans.entries()) {
			const parsed = activityPlanSchema.safeParse(raw);
			if (!parsed.success) return { ok: false, index, problems: problemsOf(parsed.error) };
			valid.push(parsed.data);
		}
		if (await syncEnabled(this.db)) await this.#put(valid);
		else await this.db.plans.bulkPut(valid);
		return { ok: true, count: valid.length };
	}

	private async setDeleted(id: string, deletedAt: string | null): Promise<void> {
		await planSchemas();
		await this.db.transaction('rw', this.#tables(), async () => {
			const current = await this.require(id);
			await this.#put(
				[{ ...current, deletedAt, updatedAt: this.clock().toISOString() }],
				deletedAt === null ? 'restore' : 'delete'
			);
		});
	}

	/**
	 * Sends a plan the server refused and never took once more, whole (after the person put right
	 * what the refusal named, or when its cause has passed). False when the server has the plan.
	 */
	async resend(id: string): Promise<boolean> {
		await planSchemas();
		return this.db.transaction('rw', this.#tables(), async () => {
			const plan = await this.require(id);
			if (plan.syncRev !== undefined || !(await syncEnabled(this.db))) return false;
			await recordMutation(this.db, {
				recordId: plan.id,
				type: 'plan',
				op: 'put',
				baseRev: null,
				fields: changedFields(null, plan),
				at: this.clock().toISOString()
			});
			return true;
		});
	}

	private async require(id: string): Promise<ActivityPlan> {
		const plan = await this.get(id);
		if (!plan) throw new PlanNotFoundError(id);
		return plan;
	}

	/** Every table a plan write touches: the plan, its draft, and the outbox of a synced device. */
	#tables() {
		return [this.db.plans, this.db.drafts, this.db.outbox, this.db.syncMeta, this.db.rejections];
	}

	/** Writes plans and, on a synced device, their outbox entries, in one transaction. */
	async #put(plans: readonly ActivityPlan[], op: Mutation['op'] = 'put'): Promise<void> {
		await this.db.transaction('rw', this.#tables(), async () => {
			const synced = await syncEnabled(this.db);
			for (const plan of plans) {
				const previous = synced ? ((await this.db.plans.get(plan.id)) ?? null) : null;
				const base = synced ? await changeBase(this.db, plan.id, previous) : null;
				const fields = op === 'put' ? changedFields(base, plan) : {};
				// A save that changes nothing is no change: the synced copy (its `updatedAt` too)
				// stays the server's, as no mutation will bring the server's back.
				if (previous && op === 'put' && Object.keys(fields).length === 0) continue;
				await this.db.plans.put(plan);
				if (!synced) continue;
				await recordMutation(this.db, {
					recordId: plan.id,
					type: 'plan',
					op,
					baseRev: previous?.syncRev ?? null,
					fields,
					at: this.clock().toISOString()
				});
			}
		});
	}

	private async write(candidate: ActivityPlan, draftKey?: string): Promise<SaveResult> {
		const { activityPlanSchema } = await planSchemas();
		const parsed = activityPlanSchema.safeParse(candidate);
		if (!parsed.success) return { ok: false, problems: problemsOf(parsed.error) };
		const plan = parsed.data;
		await this.db.transaction('rw', this.#tables(), async () => {
			await this.#put([plan]);
			if (draftKey) await this.db.drafts.delete(draftKey);
		});
		return { ok: true, plan };
	}
}
