import type { ActivityPlan, FieldProblems } from '$lib/domain/plan';
import type { Group } from '$lib/domain/organisation';
import { DEMO_PLANS } from './organisation-repository';
import { syncEnabled } from './outbox';
import type { Repositories } from './index';

/**
 * Plans made on a tablet before anyone signed in live in the device's own database; a planner's
 * account has a database of its own (ADR 14). When a planner signs in on a tablet that holds such
 * plans, they are offered to be brought into the account, where they sync, or left on the device
 * (issue 12, point 4): they never vanish without a word.
 */

/** Plans the person chose to leave on the device: not offered again. */
export const KEPT_ON_DEVICE = 'keptOnDevice';

export interface DeviceGroup extends Pick<Group, 'id' | 'name' | 'ageMin' | 'ageMax'> {
	/** How many of the plans to bring are in this group. */
	plans: number;
}

export interface PlansToBring {
	plans: ActivityPlan[];
	/** The device's groups that hold any of them, youngest first. */
	groups: DeviceGroup[];
}

async function idsIn(device: Repositories, key: string): Promise<Set<string>> {
	const value = (await device.db.settings.get(key))?.value;
	return new Set(Array.isArray(value) ? value.filter((v) => typeof v === 'string') : []);
}

/**
 * The person's own work on the device: every plan that is not deleted, not left on the device
 * before, and not one of the demo's plans as loaded (a demo plan someone changed is their work).
 */
export async function plansToBring(device: Repositories): Promise<PlansToBring> {
	const [all, demo, kept, groups] = await Promise.all([
		device.plans.listActive(),
		idsIn(device, DEMO_PLANS),
		idsIn(device, KEPT_ON_DEVICE),
		device.organisation.groups()
	]);
	const plans = all.filter(
		(p) => !kept.has(p.id) && !(demo.has(p.id) && p.updatedAt === p.createdAt)
	);
	const counts = new Map<string, number>();
	for (const plan of plans) counts.set(plan.groupId, (counts.get(plan.groupId) ?? 0) + 1);
	const known = groups
		.filter((g) => counts.has(g.id))
		.map((g) => ({
			id: g.id,
			name: g.name,
			ageMin: g.ageMin,
			ageMax: g.ageMax,
			plans: counts.get(g.id)!
		}));
	// A plan whose group is gone from the device (it cannot be deleted while it holds plans, but
	// a database from an older build may) still comes along, under a group with no name.
	for (const [id, n] of counts) {
		if (!known.some((g) => g.id === id))
			known.push({ id, name: '', ageMin: 0, ageMax: 6, plans: n });
	}
	return { plans, groups: known };
}

export type BringResult =
	| { ok: true; count: number }
	| { ok: false; reason: 'not_synced' | 'group_missing' }
	| { ok: false; reason: 'invalid'; index: number; problems: FieldProblems };

/**
 * Copies the plans into the account's database, in the account's kindergarten and the groups
 * chosen for them, as new plans for the outbox (no approval: that is a manager's decision on the
 * server's copy), then removes them from the device's. All are checked before any is written; a
 * plan that does not fit leaves both databases as they were. Copied first, removed after: a
 * tablet closed in between keeps both copies, never neither.
 */
export async function bringPlans(
	device: Repositories,
	account: Repositories,
	plans: readonly ActivityPlan[],
	groupFor: Readonly<Record<string, string>>,
	kindergartenId: string
): Promise<BringResult> {
	if (!(await syncEnabled(account.db))) return { ok: false, reason: 'not_synced' };
	const accountGroups = new Set((await account.organisation.groups()).map((g) => g.id));
	const moved: unknown[] = [];
	for (const plan of plans) {
		const groupId = groupFor[plan.groupId];
		if (!groupId || !accountGroups.has(groupId)) return { ok: false, reason: 'group_missing' };
		const copy: Record<string, unknown> = {
			...plan,
			kindergartenId,
			groupId,
			approval: null,
			changedSinceApproval: null
		};
		// The device's copy was never on the server: no revision to base a change on.
		delete copy['syncRev'];
		moved.push(copy);
	}
	const result = await account.plans.importMany(moved);
	if (!result.ok)
		return { ok: false, reason: 'invalid', index: result.index, problems: result.problems };
	await device.db.plans.bulkDelete(plans.map((p) => p.id));
	return { ok: true, count: result.count };
}

/** Leaves the plans on the device: they are not offered again. */
export async function keepOnDevice(
	device: Repositories,
	plans: readonly ActivityPlan[]
): Promise<void> {
	await device.db.transaction('rw', device.db.settings, async () => {
		const kept = await idsIn(device, KEPT_ON_DEVICE);
		for (const plan of plans) kept.add(plan.id);
		await device.db.settings.put({ key: KEPT_ON_DEVICE, value: [...kept] });
	});
}
