import 'fake-indexeddb/auto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { uuidv7 } from '$lib/domain/ids';
import {
	blankEntryFields,
	equipmentSetSchema,
	toolRegisterSchema,
	type EquipmentItemFields,
	type EquipmentSet,
	type RegisterEntryFields,
	type ToolRegister
} from '$lib/domain/register';
import { LekeplanDatabase } from '$lib/client/db/database';
import { SyncEngine } from '$lib/client/sync/engine';
import { takeSequence, storeSequence } from '$lib/server/use-cases/sequence';
import type { Database } from '$lib/server/db';
import type { Transaction } from 'kysely';
import { PROTOCOL_VERSION, type Change, type PullResponse } from '$lib/sync';
import {
	describeEachDatabase,
	seedOwner,
	signIn,
	signInNewUser,
	startTestServer,
	type SeededOwner,
	type TestServer
} from './harness';
import { planFields, serverTransport, TestClient } from './sync-fixtures';

/**
 * The owner's register of digital tools and a kindergarten's equipment reach the tablets with
 * the pull (ADR 43): each whole, as one change, when it changed past the tablet's cursor; only to
 * tablets of schema 8 on, and never another owner's register or another kindergarten's equipment.
 * The rows are written here as the register's and the equipment's use cases write them: each
 * change under the sync sequence.
 */
describeEachDatabase('the register and the equipment in the pull', (dialect) => {
	let server: TestServer;
	let a: SeededOwner;
	let b: SeededOwner;
	let staff: string;
	let staffB: string;
	let otherKindergartenStaff: string;
	let group: string;

	beforeAll(async () => {
		server = await startTestServer(dialect);
		a = await seedOwner(server, 'ra');
		b = await seedOwner(server, 'rb');
		group = a.kindergartens[0]!.groups[0]!;
		staff = await signIn(server, a.users.staff.email);
		staffB = await signIn(server, b.users.staff.email);
		otherKindergartenStaff = await signInNewUser(server, a.id, 'staff', a.kindergartens[1]!.id);
	});
	afterAll(async () => server.close());

	/** One write under the sync sequence: the next revision, as a use case takes it. */
	async function nextRev<T>(
		write: (trx: Transaction<Database>, rev: number, at: string) => Promise<T>
	): Promise<T> {
		return server.deps.db.transaction().execute(async (trx) => {
			const rev = (await takeSequence(trx, server.deps.dialect)) + 1;
			await storeSequence(trx, rev);
			return write(trx, rev, server.clock.now().toISOString());
		});
	}

	/** An entry of an owner's register, written (or rewritten) with a new revision. */
	async function putEntry(
		ownerId: string,
		fields: RegisterEntryFields,
		options: { id?: string; assessedBy?: string | null } = {}
	): Promise<{ id: string; rev: number }> {
		const id = options.id ?? uuidv7();
		return nextRev(async (trx, rev, at) => {
			const values = {
				name: fields.name,
				decision: fields.decision,
				data: JSON.stringify(fields),
				rev,
				assessedAt: options.assessedBy ? at : null,
				assessedBy: options.assessedBy ?? null,
				updatedAt: at,
				updatedBy: options.assessedBy ?? null
			};
			await trx
				.insertInto('registerEntries')
				.values({ id, ownerId, seedKey: null, createdAt: at, ...values })
				.onConflict((oc) => oc.column('id').doUpdateSet(values))
				.execute();
			return { id, rev };
		});
	}

	/** A kindergarten's count of one entry, written (or rewritten) with a new revision. */
	async function putEquipment(
		ownerId: string,
		kindergartenId: string,
		entryId: string,
		counts: EquipmentItemFields
	): Promise<number> {
		return nextRev(async (trx, rev, at) => {
			const values = { ...counts, rev, updatedAt: at, updatedBy: null };
			await trx
				.insertInto('kindergartenEquipment')
				.values({ kindergartenId, entryId, ownerId, ...values })
				.onConflict((oc) => oc.columns(['kindergartenId', 'entryId']).doUpdateSet(values))
				.execute();
			return rev;
		});
	}

	const ofType = (changes: Change[], type: Change['type']) =>
		changes.filter((c) => c.type === type);
	const registerOf = (change: Change | undefined): ToolRegister =>
		toolRegisterSchema.parse(change?.data);
	const equipmentOf = (change: Change | undefined): EquipmentSet =>
		equipmentSetSchema.parse(change?.data);
	const counts = (works: number, needsRepair = 0, missing = 0, note = '') => ({
		works,
		needsRepair,
		missing,
		note
	});

	it('brings the register and the equipment once, and again only after a change', async () => {
		const tablet = new TestClient(server, staff);
		const plan = await tablet.push([tablet.put(uuidv7(), null, planFields(group))]);
		const beeBot = await putEntry(
			a.id,
			{ ...blankEntryFields('Bee-Bot test', 'codingToy'), decision: 'approved' },
			{ assessedBy: a.users.ownerAdmin.id }
		);
		const app = await putEntry(a.id, blankEntryFields('Tegneappen', 'app'));
		const equipmentRev = await putEquipment(
			a.id,
			a.kindergartens[0]!.id,
			beeBot.id,
			counts(4, 1, 1, 'Én har løst hjul')
		);

		const first = await tablet.pullAll();
		// In revision order among the records: the plan, then the register at its newest entry's
		// revision, then the equipment.
		const types = first.changes.map((c) => c.type);
		expect(types.indexOf('plan')).toBeLessThan(types.indexOf('toolRegister'));
		expect(ofType(first.changes, 'plan')[0]!.rev).toBe(plan.results[0]!.rev);
		const [register] = ofType(first.changes, 'toolRegister');
		expect(ofType(first.changes, 'toolRegister')).toHaveLength(1);
		expect(register!.recordId).toBe(a.id);
		expect(register!.rev).toBe(app.rev);
		const entries = registerOf(register).entries;
		const pulledBeeBot = entries.find((e) => e.id === beeBot.id);
		expect(pulledBeeBot).toMatchObject({
			seedKey: null,
			fields: { name: 'Bee-Bot test', decision: 'approved' },
			// The person who assessed it by name, not their id.
			assessedBy: 'ownerAdmin ra'
		});
		expect(entries.find((e) => e.id === app.id)).toMatchObject({
			fields: { name: 'Tegneappen', decision: 'notAssessed' },
			assessedAt: null,
			assessedBy: null
		});
		const [equipment] = ofType(first.changes, 'equipment');
		expect(ofType(first.changes, 'equipment')).toHaveLength(1);
		expect(equipment!.recordId).toBe(a.kindergartens[0]!.id);
		expect(equipment!.rev).toBe(equipmentRev);
		expect(equipmentOf(equipment)).toEqual({
			kindergartenId: a.kindergartens[0]!.id,
			items: [
				{
					entryId: beeBot.id,
					...counts(4, 1, 1, 'Én har løst hjul'),
					updatedAt: server.clock.now().toISOString()
				}
			]
		});

		// Nothing changed: nothing again.
		const again = await tablet.pullAll(first.cursor);
		expect(again.changes).toEqual([]);

		// The owner deselects a tool: the register comes again, whole, the equipment does not.
		await putEntry(
			a.id,
			{ ...blankEntryFields('Tegneappen', 'app'), decision: 'deselected' },
			{ id: app.id, assessedBy: a.users.ownerAdmin.id }
		);
		const afterDecision = await tablet.pullAll(again.cursor);
		expect(afterDecision.changes.map((c) => c.type)).toEqual(['toolRegister']);
		const changedEntries = registerOf(afterDecision.changes[0]).entries;
		expect(changedEntries.map((e) => e.id).sort()).toEqual(entries.map((e) => e.id).sort());
		expect(changedEntries.find((e) => e.id === app.id)?.fields.decision).toBe('deselected');

		// The manager counts again: the equipment comes again, the register does not.
		await putEquipment(a.id, a.kindergartens[0]!.id, beeBot.id, counts(5));
		const afterCount = await tablet.pullAll(afterDecision.cursor);
		expect(afterCount.changes.map((c) => c.type)).toEqual(['equipment']);
		expect(equipmentOf(afterCount.changes[0]).items).toMatchObject([
			{ entryId: beeBot.id, works: 5, needsRepair: 0, missing: 0 }
		]);
	});

	it('sends neither to a tablet of schema 7, which is still served', async () => {
		const old = new TestClient(server, staff);
		const response = await server.request(
			'GET',
			`/api/v1/sync/pull?cursor=0&protocol=${PROTOCOL_VERSION}&schema=7&clientId=${old.id}`,
			{ cookie: staff }
		);
		expect(response.status).toBe(200);
		const { changes } = (await response.json()) as PullResponse;
		expect(changes.some((c) => c.type === 'plan')).toBe(true);
		expect(ofType(changes, 'toolRegister')).toEqual([]);
		expect(ofType(changes, 'equipment')).toEqual([]);
	});

	it('never sends another owner’s register or another kindergarten’s equipment', async () => {
		const theirs = await putEntry(b.id, blankEntryFields('Bare hos B', 'app'));
		const ours = await putEntry(a.id, blankEntryFields('Bare hos A', 'app'));
		await putEquipment(a.id, a.kindergartens[0]!.id, ours.id, counts(2));

		const { changes: forB } = await new TestClient(server, staffB).pullAll();
		expect(ofType(forB, 'toolRegister').map((c) => c.recordId)).toEqual([b.id]);
		const bEntries = registerOf(ofType(forB, 'toolRegister')[0]).entries.map((e) => e.id);
		expect(bEntries).toContain(theirs.id);
		expect(bEntries).not.toContain(ours.id);
		// B's kindergarten has counted nothing.
		expect(ofType(forB, 'equipment')).toEqual([]);

		// The owner's other kindergarten: the owner's register, not the first one's equipment.
		const { changes: forOther } = await new TestClient(server, otherKindergartenStaff).pullAll();
		const otherEntries = registerOf(ofType(forOther, 'toolRegister')[0]).entries;
		expect(otherEntries.map((e) => e.id)).toContain(ours.id);
		expect(otherEntries.map((e) => e.id)).not.toContain(theirs.id);
		expect(ofType(forOther, 'equipment')).toEqual([]);
		await putEquipment(a.id, a.kindergartens[1]!.id, ours.id, counts(1));
		const { changes: counted } = await new TestClient(server, otherKindergartenStaff).pullAll();
		expect(ofType(counted, 'equipment').map((c) => c.recordId)).toEqual([a.kindergartens[1]!.id]);
		expect(equipmentOf(ofType(counted, 'equipment')[0]).items).toMatchObject([
			{ entryId: ours.id, works: 1 }
		]);
	});

	it('a tablet keeps the newest register and its equipment, and a reset clears both', async () => {
		const db = new LekeplanDatabase(`tablet-register-${dialect}-${uuidv7()}`);
		const engine = new SyncEngine(db, serverTransport(server, staff), () => server.clock.now());
		await engine.enable();
		expect(await engine.sync()).toMatchObject({ ok: true });

		const kept = await db.toolRegisters.toArray();
		expect(kept.map((r) => r.ownerId)).toEqual([a.id]);
		expect(kept[0]!.entries.map((e) => e.fields.name)).toContain('Tegneappen');
		const equipment = await db.equipment.get(a.kindergartens[0]!.id);
		expect(equipment?.items.map((i) => i.works)).toContain(5);

		// A later change replaces the register: still one row, the newest.
		const renamed = await putEntry(a.id, {
			...blankEntryFields('Robotmus test', 'codingToy'),
			decision: 'approvedWithConditions',
			conditions: 'Bare med en voksen'
		});
		expect(await engine.sync()).toMatchObject({ ok: true });
		const newer = await db.toolRegisters.toArray();
		expect(newer).toHaveLength(1);
		expect(newer[0]!.rev).toBe(renamed.rev);
		expect(newer[0]!.entries.find((e) => e.id === renamed.id)?.fields.conditions).toBe(
			'Bare med en voksen'
		);

		await engine.reset();
		expect(await db.toolRegisters.count()).toBe(0);
		expect(await db.equipment.count()).toBe(0);
		// And the download after the reset brings them back.
		expect(await engine.sync()).toMatchObject({ ok: true });
		expect(await db.toolRegisters.count()).toBe(1);
		expect(await db.equipment.get(a.kindergartens[0]!.id)).toBeDefined();
		db.close();
	});
});
