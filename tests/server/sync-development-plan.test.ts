import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from '$lib/domain/ids';
import { LekeplanDatabase } from '$lib/client/db/database';
import { DevelopmentPlanRepository } from '$lib/client/db/development-plan-repository';
import { SyncEngine } from '$lib/client/sync/engine';
import { developmentPlanContent } from '$lib/domain/competence/development-plan-fixture';
import {
	describeEachDatabase,
	seedOwner,
	signIn,
	signInNewUser,
	startTestServer,
	type SeededOwner,
	type TestServer
} from './harness';
import { serverTransport, TestClient } from './sync-fixtures';

/**
 * The kindergarten's competence development plan over sync (issue 14, ADR 28): the manager
 * writes it, everyone in the kindergarten pulls it, nobody else writes it, and no other
 * kindergarten ever sees it.
 */
describeEachDatabase('the competence development plan over sync', (dialect) => {
	let server: TestServer;
	let owner: SeededOwner;
	let manager: TestClient;
	let staff: TestClient;
	/** A manager and a staff member of the owner's second kindergarten. */
	let otherManager: TestClient;
	let otherStaff: TestClient;
	let kindergarten: string;

	const addUser = (role: 'manager' | 'staff', kindergartenId: string) =>
		signInNewUser(server, owner.id, role, kindergartenId);

	beforeAll(async () => {
		server = await startTestServer(dialect);
		owner = await seedOwner(server, 'dp');
		kindergarten = owner.kindergartens[0]!.id;
		manager = new TestClient(server, await signIn(server, owner.users.manager.email));
		staff = new TestClient(server, await signIn(server, owner.users.staff.email));
		const second = owner.kindergartens[1]!.id;
		otherManager = new TestClient(server, await addUser('manager', second));
		otherStaff = new TestClient(server, await addUser('staff', second));
	});
	afterAll(async () => server.close());

	const plan = (overrides = {}) =>
		developmentPlanContent(overrides) as unknown as Record<string, unknown>;

	it("takes the manager's plan, and staff of the kindergarten pull it whole", async () => {
		const id = uuidv7();
		const pushed = await manager.push([manager.put(id, null, plan(), 'developmentPlan')]);
		expect(pushed.results[0]).toMatchObject({ status: 'applied' });

		const { changes } = await staff.pullAll(0);
		const change = changes.find((c) => c.recordId === id);
		expect(change?.type).toBe('developmentPlan');
		expect(change?.data).toMatchObject({ ...plan(), id, kindergartenId: kindergarten });
		expect(change?.deletedAt).toBeNull();
	});

	it("refuses staff's writes with `manager_only`, records and logs them, and changes nothing", async () => {
		const id = uuidv7();
		const created = await manager.push([manager.put(id, null, plan(), 'developmentPlan')]);
		const rev = created.results[0]!.rev!;

		const results = await staff.push([
			staff.put(uuidv7(), null, plan({ title: 'Ansattes egen plan' }), 'developmentPlan'),
			staff.put(id, rev, { status: 'completed' }, 'developmentPlan'),
			staff.mutation(id, 'delete', rev, {}, 'developmentPlan')
		]);
		expect(results.results.map((r) => [r.status, r.reason])).toEqual([
			['rejected', 'manager_only'],
			['rejected', 'manager_only'],
			['rejected', 'manager_only']
		]);
		const stored = await server.deps.db
			.selectFrom('syncRejections')
			.select(['mutationId', 'reason'])
			.where('clientId', '=', staff.id)
			.orderBy('mutationId')
			.execute();
		expect(stored.slice(-3).map((r) => r.reason)).toEqual([
			'manager_only',
			'manager_only',
			'manager_only'
		]);
		const logged = await server.deps.db
			.selectFrom('auditLog')
			.select(['action', 'reason', 'targetType'])
			.where('actorUserId', '=', owner.users.staff.id)
			.where('reason', '=', 'manager_only')
			.execute();
		expect(logged).toHaveLength(3);
		expect(logged.every((l) => l.action === 'access_refused')).toBe(true);

		const { changes } = await manager.pullAll(0);
		const mine = changes.filter((c) => c.type === 'developmentPlan');
		expect(mine.find((c) => c.recordId === id)?.data['status']).toBe('active');
		expect(mine.find((c) => c.recordId === id)?.deletedAt).toBeNull();
		expect(mine.some((c) => c.data['title'] === 'Ansattes egen plan')).toBe(false);
	});

	it('refuses an invalid plan from the manager, naming the fields', async () => {
		const result = await manager.push([
			manager.put(
				uuidv7(),
				null,
				plan({ focusAreas: [], endDate: '2026-01-01' }),
				'developmentPlan'
			)
		]);
		expect(result.results[0]).toMatchObject({
			status: 'rejected',
			reason: 'invalid_record',
			fields: { focusAreas: 'choose_focus_area', endDate: 'end_before_start' }
		});
	});

	it('never reaches another kindergarten, whose manager cannot change it either', async () => {
		const id = uuidv7();
		const created = await manager.push([manager.put(id, null, plan(), 'developmentPlan')]);
		const rev = created.results[0]!.rev!;
		for (const other of [otherManager, otherStaff]) {
			const { changes } = await other.pullAll(0);
			expect(changes.filter((c) => c.type === 'developmentPlan')).toEqual([]);
		}
		const edit = await otherManager.push([
			otherManager.put(id, rev, { title: 'Overtatt' }, 'developmentPlan')
		]);
		expect(edit.results[0]).toMatchObject({ status: 'rejected', reason: 'out_of_scope' });
		const { changes } = await staff.pullAll(0);
		expect(changes.find((c) => c.recordId === id)?.data['title']).toBe(plan()['title']);
	});

	it("leaves a conflict on a development plan to the manager: staff's resolution is refused", async () => {
		const id = uuidv7();
		const created = await manager.push([manager.put(id, null, plan(), 'developmentPlan')]);
		const rev = created.results[0]!.rev!;
		const otherTablet = new TestClient(server, manager.cookie);
		await manager.push([manager.mutation(id, 'delete', rev, {}, 'developmentPlan')]);
		const edited = await otherTablet.push([
			otherTablet.put(id, rev, { status: 'completed' }, 'developmentPlan')
		]);
		expect(edited.results[0]).toMatchObject({ status: 'conflict', reason: 'deleted' });
		const conflict = await server.deps.db
			.selectFrom('syncConflicts')
			.select('id')
			.where('recordId', '=', id)
			.executeTakeFirstOrThrow();
		const resolve = (cookie: string) =>
			server.request('POST', `/api/v1/sync/conflicts/${conflict.id}/resolve`, {
				cookie,
				body: { choice: 'restore' }
			});
		expect((await resolve(staff.cookie)).status).toBe(403);
		const { changes } = await staff.pullAll(0);
		expect(changes.find((c) => c.recordId === id)?.deletedAt).not.toBeNull();
		expect((await resolve(manager.cookie)).status).toBe(200);
		const after = await staff.pullAll(0);
		expect(after.changes.find((c) => c.recordId === id)).toMatchObject({
			deletedAt: null,
			data: { status: 'completed' }
		});
	});

	describe("on the tablets: the manager's plan reaches a staff member's tablet", () => {
		async function tablet(email: string) {
			const db = new LekeplanDatabase(`devplan-${dialect}-${uuidv7()}`);
			const engine = new SyncEngine(db, serverTransport(server, await signIn(server, email)), () =>
				server.clock.now()
			);
			await engine.enable();
			return { db, engine, plans: new DevelopmentPlanRepository(db, () => server.clock.now()) };
		}

		it("written on the manager's tablet, read on the staff tablet; a staff edit is refused there", async () => {
			const writer = await tablet(owner.users.manager.email);
			const reader = await tablet(owner.users.staff.email);
			const saved = await writer.plans.save(
				developmentPlanContent({ title: 'Planen for våren' }),
				kindergarten
			);
			expect(saved.ok).toBe(true);
			if (!saved.ok) return;
			expect(await writer.engine.sync()).toMatchObject({ ok: true });
			expect(await writer.engine.pendingCount()).toBe(0);

			expect(await reader.engine.sync()).toMatchObject({ ok: true });
			const read = await reader.plans.get(saved.plan.id);
			expect(read).toMatchObject({
				title: 'Planen for våren',
				actions: saved.plan.actions,
				focusAreas: saved.plan.focusAreas
			});
			expect(read?.syncRev).toBeGreaterThan(0);

			// A staff tablet's own change (the page offers none) is refused, shown, and undone.
			await reader.plans.save(developmentPlanContent({ title: 'Endret av ansatt' }), kindergarten, {
				id: saved.plan.id
			});
			expect(await reader.engine.sync()).toMatchObject({ ok: true });
			const refusals = await reader.db.rejections.toArray();
			expect(refusals.map((r) => [r.reason, r.type, r.recordId])).toEqual([
				['manager_only', 'developmentPlan', saved.plan.id]
			]);
			expect((await reader.plans.get(saved.plan.id))?.title).toBe('Planen for våren');
			writer.db.close();
			reader.db.close();
		});
	});
});
