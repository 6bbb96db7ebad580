import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bringPlans, keepOnDevice, plansToBring } from './device-plans';
import { openRepositories, type Repositories } from './index';
import { META } from './outbox';
import { makeDemoData } from '$lib/domain/demo-data';
import { uuidv7 } from '$lib/domain/ids';
import { planContent } from '$lib/domain/plan-fixture';

let device: Repositories;
let account: Repositories;
const serverKindergarten = { id: uuidv7(), name: 'Eikelunden barnehage' };
const serverGroups = [
	{ id: uuidv7(), kindergartenId: serverKindergarten.id, name: 'Ekornet', ageMin: 1, ageMax: 3 },
	{ id: uuidv7(), kindergartenId: serverKindergarten.id, name: 'Reven', ageMin: 3, ageMax: 6 }
];

beforeEach(async () => {
	device = openRepositories(`device-${crypto.randomUUID()}`);
	account = openRepositories(`account-${crypto.randomUUID()}`);
	await account.organisation.replaceFromServer(serverKindergarten, serverGroups);
	await account.db.syncMeta.put({ key: META.enabled, value: true });
});

afterEach(async () => {
	await device.db.delete();
	await account.db.delete();
});

async function startEmptyWithPlans(titles: string[]) {
	const group = await device.organisation.startEmpty('Tablettens barnehage', {
		name: 'Humla',
		ageMin: 3,
		ageMax: 6
	});
	if (!group.ok) throw new Error('no group');
	const kindergarten = (await device.organisation.kindergarten())!;
	for (const title of titles) {
		const saved = await device.plans.create(planContent(group.value.id, title), kindergarten.id);
		if (!saved.ok) throw new Error(JSON.stringify(saved.problems));
	}
	return group.value;
}

describe('plans made before signing in', () => {
	it('offers the device’s own plans, by group, and brings them into the account’s outbox', async () => {
		const group = await startEmptyWithPlans(['Bee-Bot på tallinja', 'Stop-motion med leire']);
		const offer = await plansToBring(device);
		expect(offer.plans.map((p) => p.title).sort()).toEqual([
			'Bee-Bot på tallinja',
			'Stop-motion med leire'
		]);
		expect(offer.groups).toEqual([{ id: group.id, name: 'Humla', ageMin: 3, ageMax: 6, plans: 2 }]);

		const result = await bringPlans(
			device,
			account,
			offer.plans,
			{ [group.id]: serverGroups[1]!.id },
			serverKindergarten.id
		);
		expect(result).toEqual({ ok: true, count: 2 });
		const brought = await account.plans.listActive();
		expect(brought.map((p) => [p.title, p.groupId, p.kindergartenId]).sort()).toEqual([
			['Bee-Bot på tallinja', serverGroups[1]!.id, serverKindergarten.id],
			['Stop-motion med leire', serverGroups[1]!.id, serverKindergarten.id]
		]);
		// They go to the server like any new plan, and leave the device's database.
		const outbox = await account.db.outbox.toArray();
		expect(outbox.map((m) => m.recordId).sort()).toEqual(brought.map((p) => p.id).sort());
		expect(outbox.every((m) => m.baseRev === null && m.op === 'put')).toBe(true);
		expect(await device.plans.listActive()).toEqual([]);
	});

	it('does not offer the demo’s plans as loaded, but a demo plan someone changed', async () => {
		await device.organisation.loadDemo(makeDemoData('2026-11-24'));
		expect((await plansToBring(device)).plans).toEqual([]);
		const [first] = await device.plans.listActive();
		await device.plans.update(first!.id, { ...first!, title: 'Vår egen versjon' });
		expect((await plansToBring(device)).plans.map((p) => p.title)).toEqual(['Vår egen versjon']);
	});

	it('plans left on the device stay there and are not offered again', async () => {
		await startEmptyWithPlans(['Bee-Bot på tallinja']);
		await keepOnDevice(device, (await plansToBring(device)).plans);
		expect((await plansToBring(device)).plans).toEqual([]);
		expect((await device.plans.listActive()).map((p) => p.title)).toEqual(['Bee-Bot på tallinja']);
	});

	it('changes nothing when a group is not chosen or the account does not sync yet', async () => {
		const group = await startEmptyWithPlans(['Bee-Bot på tallinja']);
		const { plans } = await plansToBring(device);
		expect(await bringPlans(device, account, plans, {}, serverKindergarten.id)).toEqual({
			ok: false,
			reason: 'group_missing'
		});
		await account.db.syncMeta.delete(META.enabled);
		expect(
			await bringPlans(
				device,
				account,
				plans,
				{ [group.id]: serverGroups[0]!.id },
				serverKindergarten.id
			)
		).toEqual({ ok: false, reason: 'not_synced' });
		expect(await account.plans.listActive()).toEqual([]);
		expect(await account.db.outbox.count()).toBe(0);
		expect((await device.plans.listActive()).length).toBe(1);
	});
});
