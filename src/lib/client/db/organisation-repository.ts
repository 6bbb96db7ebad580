import type { LekeplanDatabase } from './database';
import { uuidv7 } from '$lib/domain/ids';
import type { Group, Kindergarten } from '$lib/domain/organisation';
import { problemsOf, type FieldProblems } from '$lib/domain/plan-basics';
import { planSchemas } from './plan-repository';
import { loadOnce } from './load-once';
import type { DemoData } from '$lib/domain/demo-data';

export type OrganisationResult<T> = { ok: true; value: T } | { ok: false; problems: FieldProblems };

const SELECTED_GROUP = 'selectedGroupId';
/** The ids of the demo's plans as loaded: unchanged, they are not the person's own work. */
export const DEMO_PLANS = 'demoPlanIds';

/**
 * The kindergarten's and groups' schemas (and zod with them), loaded the first time either is
 * read or written: a fresh device, on its first visit, has neither (ADR 12).
 */
const organisationSchemas = loadOnce(() => import('$lib/domain/organisation'));

function prefixed(prefix: string, problems: FieldProblems): FieldProblems {
	return Object.fromEntries(Object.entries(problems).map(([k, v]) => [`${prefix}.${k}`, v]));
}

/**
 * The kindergarten and its groups, kept on the device until the owner's server provides them
 * (a later issue replaces this with synced data).
 */
export class OrganisationRepository {
	constructor(private readonly db: LekeplanDatabase) {}

	async kindergarten(): Promise<Kindergarten | null> {
		const all = await this.db.kindergartens.toArray();
		if (all.length === 0) return null;
		const { kindergartenSchema } = await organisationSchemas();
		const parsed = kindergartenSchema.safeParse(all[0]);
		return parsed.success ? parsed.data : null;
	}

	async groups(): Promise<Group[]> {
		const rows = await this.db.groups.toArray();
		if (rows.length === 0) return [];
		const { groupSchema } = await organisationSchemas();
		return rows
			.map((r) => groupSchema.safeParse(r))
			.filter((r) => r.success)
			.map((r) => r.data)
			.sort((a, b) => a.ageMin - b.ageMin || a.name.localeCompare(b.name, 'nb'));
	}

	async selectedGroupId(): Promise<string | null> {
		const row = await this.db.settings.get(SELECTED_GROUP);
		return typeof row?.value === 'string' ? row.value : null;
	}

	async selectGroup(id: string): Promise<void> {
		await this.db.settings.put({ key: SELECTED_GROUP, value: id });
	}

	/** Starts empty: names the kindergarten (or renames it). */
	async saveKindergarten(name: string): Promise<OrganisationResult<Kindergarten>> {
		const { kindergartenSchema } = await organisationSchemas();
		const current = await this.kindergarten();
		const parsed = kindergartenSchema.safeParse({ id: current?.id ?? uuidv7(), name });
		if (!parsed.success) return { ok: false, problems: problemsOf(parsed.error) };
		await this.db.kindergartens.put(parsed.data);
		return { ok: true, value: parsed.data };
	}

	async saveGroup(candidate: unknown): Promise<OrganisationResult<Group>> {
		const { groupSchema } = await organisationSchemas();
		const parsed = groupSchema.safeParse(candidate);
		if (!parsed.success) return { ok: false, problems: problemsOf(parsed.error) };
		await this.db.groups.put(parsed.data);
		return { ok: true, value: parsed.data };
	}

	/** A group with plans is kept: deleting it would orphan them. */
	async deleteGroup(id: string): Promise<OrganisationResult<null>> {
		return this.db.transaction('rw', this.db.groups, this.db.plans, this.db.settings, async () => {
			const plans = await this.db.plans
				.where('[groupId+date]')
				.between([id, ''], [id, '\uffff'])
				.filter((p) => p.deletedAt === null)
				.count();
			if (plans > 0)
				return { ok: false, problems: { _: { code: 'group_has_plans', limit: plans } } };
			await this.db.groups.delete(id);
			if ((await this.selectedGroupId()) === id) await this.db.settings.delete(SELECTED_GROUP);
			return { ok: true, value: null };
		});
	}

	/**
	 * Starts empty: names the kindergarten and adds its first group, both or neither. The
	 * problems of both forms come back together so the person sees every one at once.
	 */
	async startEmpty(
		name: string,
		group: { name: string; ageMin: number; ageMax: number }
	): Promise<OrganisationResult<Group>> {
		const { groupSchema, kindergartenSchema } = await organisationSchemas();
		const kindergartenId = uuidv7();
		const k = kindergartenSchema.safeParse({ id: kindergartenId, name });
		const g = groupSchema.safeParse({ ...group, id: uuidv7(), kindergartenId });
		if (!k.success || !g.success) {
			const problems: FieldProblems = {};
			if (!k.success) Object.assign(problems, prefixed('kindergarten', problemsOf(k.error)));
			if (!g.success) Object.assign(problems, prefixed('group', problemsOf(g.error)));
			return { ok: false, problems };
		}
		await this.db.transaction(
			'rw',
			this.db.kindergartens,
			this.db.groups,
			this.db.settings,
			async () => {
				await this.db.kindergartens.clear();
				await this.db.kindergartens.put(k.data);
				await this.db.groups.put(g.data);
				await this.db.settings.put({ key: SELECTED_GROUP, value: g.data.id });
			}
		);
		return { ok: true, value: g.data };
	}

	/**
	 * Takes the kindergarten and groups from the owner's server (a signed-in user's database):
	 * the server's organisation replaces the local settings.
	 */
	async replaceFromServer(kindergarten: Kindergarten, groups: readonly Group[]): Promise<void> {
		const { groupSchema, kindergartenSchema } = await organisationSchemas();
		const k = kindergartenSchema.parse(kindergarten);
		const g = groups.map((group) => groupSchema.parse(group));
		await this.db.transaction(
			'rw',
			[this.db.kindergartens, this.db.groups, this.db.settings],
			async () => {
				await this.db.kindergartens.clear();
				await this.db.kindergartens.put(k);
				await this.db.groups.clear();
				await this.db.groups.bulkPut(g);
				const selected = await this.selectedGroupId();
				if (!g.some((group) => group.id === selected) && g[0]) {
					await this.db.settings.put({ key: SELECTED_GROUP, value: g[0].id });
				}
			}
		);
	}

	/** Replaces whatever is on the device with the demo kindergarten, in one transaction. */
	async loadDemo(demo: DemoData): Promise<void> {
		const [{ groupSchema, kindergartenSchema }, { activityPlanSchema }] = await Promise.all([
			organisationSchemas(),
			planSchemas()
		]);
		const plans = demo.plans.map((p) => activityPlanSchema.parse(p));
		const groups = demo.groups.map((g) => groupSchema.parse(g));
		const kindergarten = kindergartenSchema.parse(demo.kindergarten);
		await this.db.transaction(
			'rw',
			[this.db.kindergartens, this.db.groups, this.db.plans, this.db.drafts, this.db.settings],
			async () => {
				await Promise.all([
					this.db.kindergartens.clear(),
					this.db.groups.clear(),
					this.db.plans.clear(),
					this.db.drafts.clear()
				]);
				await this.db.kindergartens.put(kindergarten);
				await this.db.groups.bulkPut(groups);
				await this.db.plans.bulkPut(plans);
				await this.db.settings.put({ key: SELECTED_GROUP, value: groups[0]?.id ?? null });
				await this.db.settings.put({ key: DEMO_PLANS, value: plans.map((p) => p.id) });
			}
		);
	}
}
