import { openRepositories, type Repositories } from '$lib/client/db';
import {
	bringPlans,
	keepOnDevice,
	plansToBring,
	type BringResult,
	type PlansToBring
} from '$lib/client/db/device-plans';
import type { ActivityPlan } from '$lib/domain/plan';
import { databaseName } from './device-user';
import { repositories } from './repositories';

/*
 * Plans made on the tablet before anyone signed in (issue 12, point 4): offered to the person who
 * signs in, to bring into their account or leave on the device. Loaded on sign-in and by the page
 * that asks, never by the first page.
 */

export type { BringResult, PlansToBring };
export type { DeviceGroup } from '$lib/client/db/device-plans';

/** Whether the open database (the device's own, before the switch to an account) has any. */
export async function hasPlansToBring(): Promise<boolean> {
	return (await plansToBring(repositories())).plans.length > 0;
}

/** The device's own database beside the account's, for as long as `work` runs. */
async function withDeviceDatabase<T>(work: (device: Repositories) => Promise<T>): Promise<T> {
	const device = openRepositories(databaseName(null));
	try {
		return await work(device);
	} finally {
		device.db.close();
	}
}

export function loadPlansToBring(): Promise<PlansToBring> {
	return withDeviceDatabase(plansToBring);
}

export function bringDevicePlans(
	plans: readonly ActivityPlan[],
	groupFor: Readonly<Record<string, string>>,
	kindergartenId: string
): Promise<BringResult> {
	return withDeviceDatabase((device) =>
		bringPlans(device, repositories(), plans, groupFor, kindergartenId)
	);
}

export function keepDevicePlans(plans: readonly ActivityPlan[]): Promise<void> {
	return withDeviceDatabase((device) => keepOnDevice(device, plans));
}

/** Where to go after the question: a path of this app, never another site. */
export function safeNext(next: string | null): string {
	return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}
