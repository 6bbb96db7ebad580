import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from '$lib/domain/ids';
import { LekeplanDatabase } from '$lib/client/db/database';
import { DigitalPlanRepository } from '$lib/client/db/digital-plan-repository';
import { SyncEngine } from '$lib/client/sync/engine';
import { digitalPlanContent } from '$lib/domain/digital-plan-fixture';
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
 * The kindergarten's digital plan over sync (issue 15, ADR 34): the manager writes it, everyone
 * in the kindergarten pulls it, nobody else writes it, and no other kindergarten ever sees it.
 */
describeEachDatabase("the kindergarten's digital plan over sync", (dialect) => {
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
		owner = await seedOwner(server, 'dg');
		kindergarten = owner.kindergartens[0]!.id;
		manager = new TestClient(server, await signIn(server, owner.users.manager.email));
		staff = new TestClient(server, await signIn(server, owner.users.staff.email));
		const second = owner.kindergartens[1]!.id;
		otherManager = new TestClient(server, await addUser('manager', second));
		otherStaff = new TestClient(server, await addUser('staff', second));
	});
	afterAll(async () => server.close());

	const plan = (overrides = {}) =>
		digitalPlanContent(overrides) as unknown as Record<string, unknown>;
	/** One plan a year: each test's plan has its own. */
	let lastYear = 2030;
	const nextYear = () => ++lastYear;

	it("takes the manager's plan, and staff of the kindergarten pull it whole", async () => {
		const id = uuidv7();
		const sent = plan({ year: nextYear() });
		const pushed = await manager.push([manager.put(id, null, sent, 'digitalPlan')]);
		expect(pushed.results[0]).toMatchObject({ status: 'applied' });

		const { changes } = await staff.pullAll(0);
		const change = changes.find((c) => c.recordId === id);
		expect(change?.type).toBe('digitalPlan');
		expect(change?.data).toMatchObject({ ...sent, id, kindergartenId: kindergarten });
		expect(change?.deletedAt).toBeNull();
	});

	it("refuses staff's writes with `manager_only`, records and logs them, and changes nothing", async () => {
		const id = uuidv7();
		const created = await manager.push([
			manager.put(id, null, plan({ year: nextYear() }), 'digitalPlan')
		]);
		const rev = created.results[0]!.rev!;

		const results = await staff.push([
			staff.put(uuidv7(), null, plan({ tools: 'Ansattes egen plan' }), 'digitalPlan'),
			staff.put(id, rev, { tools: 'Endret av ansatt' }, 'digitalPlan'),
			staff.mutation(id, 'delete', rev, {}, 'digitalPlan')
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
		const mine = changes.filter((c) => c.type === 'digitalPlan');
		expect(mine.find((c) => c.recordId === id)?.data['tools']).toBe(plan()['tools']);
		expect(mine.find((c) => c.recordId === id)?.deletedAt).toBeNull();
		expect(mine.some((c) => c.data['tools'] === 'Ansattes egen plan')).toBe(false);
	});

	it('refuses an invalid plan from the manager, naming the fields', async () => {
		const result = await manager.push([
			manager.put(uuidv7(), null, plan({ goals: [], year: 1999 }), 'digitalPlan')
		]);
		expect(result.results[0]).toMatchObject({
			status: 'rejected',
			reason: 'invalid_record',
			fields: { goals: 'choose_goal', year: 'invalid_year' }
		});
	});

	it('keeps one plan a kindergarten year: a second is refused until the first is deleted', async () => {
		const year = nextYear();
		const first = uuidv7();
		const created = await manager.push([
			manager.put(first, null, plan({ year }), 'digitalPlan'),
			manager.put(uuidv7(), null, plan({ year, tools: 'Den andre' }), 'digitalPlan')
		]);
		expect(created.results.map((r) => r.status)).toEqual(['applied', 'rejected']);
		expect(created.results[1]).toMatchObject({
			reason: 'invalid_record',
			fields: { year: 'year_taken' }
		});
		// Another tablet of the manager's, later, the same; the year before is free.
		const otherTablet = new TestClient(server, manager.cookie);
		const second = uuidv7();
		const again = await otherTablet.push([
			otherTablet.put(second, null, plan({ year, tools: 'Den andre' }), 'digitalPlan'),
			otherTablet.put(uuidv7(), null, plan({ year: year + 50 }), 'digitalPlan')
		]);
		expect(again.results.map((r) => [r.status, r.fields])).toEqual([
			['rejected', { year: 'year_taken' }],
			['applied', undefined]
		]);
		// Deleted, its year is free in the same push.
		const rev = created.results[0]!.rev!;
		const freed = await manager.push([
			manager.mutation(first, 'delete', rev, {}, 'digitalPlan'),
			manager.put(second, null, plan({ year, tools: 'Den andre' }), 'digitalPlan')
		]);
		expect(freed.results.map((r) => r.status)).toEqual(['applied', 'applied']);
		const { changes } = await staff.pullAll(0);
		const live = changes.filter(
			(c) => c.type === 'digitalPlan' && c.data['year'] === year && c.deletedAt === null
		);
		expect(live.map((c) => c.data['tools'])).toEqual(['Den andre']);
	});

	it('never reaches another kindergarten, whose manager cannot change it either', async () => {
		const id = uuidv7();
		const created = await manager.push([
			manager.put(id, null, plan({ year: nextYear() }), 'digitalPlan')
		]);
		const rev = created.results[0]!.rev!;
		for (const other of [otherManager, otherStaff]) {
			const { changes } = await other.pullAll(0);
			expect(changes.filter((c) => c.type === 'digitalPlan')).toEqual([]);
		}
		const edit = await otherManager.push([
			otherManager.put(id, rev, { tools: 'Overtatt' }, 'digitalPlan')
		]);
		expect(edit.results[0]).toMatchObject({ status: 'rejected', reason: 'out_of_scope' });
		const { changes } = await staff.pullAll(0);
		expect(changes.find((c) => c.recordId === id)?.data['tools']).toBe(plan()['tools']);
	});

	it("leaves a conflict on a digital plan to the manager: staff's resolution is refused", async () => {
		const id = uuidv7();
		const created = await manager.push([
			manager.put(id, null, plan({ year: nextYear() }), 'digitalPlan')
		]);
		const rev = created.results[0]!.rev!;
		const otherTablet = new TestClient(server, manager.cookie);
		await manager.push([manager.mutation(id, 'delete', rev, {}, 'digitalPlan')]);
		const edited = await otherTablet.push([
			otherTablet.put(id, rev, { evaluation: 'Etter jul' }, 'digitalPlan')
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
			data: { evaluation: 'Etter jul' }
		});
	});

	describe("on the tablets: the manager's digital plan reaches a staff member's tablet", () => {
		async function tablet(email: string) {
			const db = new LekeplanDatabase(`digiplan-${dialect}-${uuidv7()}`);
			const engine = new SyncEngine(db, serverTransport(server, await signIn(server, email)), () =>
				server.clock.now()
			);
			await engine.enable();
			return { db, engine, plans: new DigitalPlanRepository(db, () => server.clock.now()) };
		}

		it("written on the manager's tablet, read on the staff tablet; a staff edit is refused there", async () => {
			const writer = await tablet(owner.users.manager.email);
			const reader = await tablet(owner.users.staff.email);
			const saved = await writer.plans.save(
				digitalPlanContent({ year: nextYear(), tools: 'Seks nettbrett og en projektor' }),
				kindergarten
			);
			expect(saved.ok).toBe(true);
			if (!saved.ok) return;
			expect(await writer.engine.sync()).toMatchObject({ ok: true });
			expect(await writer.engine.pendingCount()).toBe(0);

			expect(await reader.engine.sync()).toMatchObject({ ok: true });
			const read = await reader.plans.get(saved.plan.id);
			expect(read).toMatchObject({
				tools: 'Seks nettbrett og en projektor',
				goals: saved.plan.goals,
				evaluationDates: saved.plan.evaluationDates
			});
			expect(read?.syncRev).toBeGreaterThan(0);

			// A staff tablet's own change (the page offers none) is refused, shown, and undone.
			await reader.plans.save(
				digitalPlanContent({ year: saved.plan.year, tools: 'Endret av ansatt' }),
				kindergarten,
				{ id: saved.plan.id }
			);
			expect(await reader.engine.sync()).toMatchObject({ ok: true });
			const refusals = await reader.db.rejections.toArray();
			expect(refusals.map((r) => [r.reason, r.type, r.recordId])).toEqual([
				['manager_only', 'digitalPlan', saved.plan.id]
			]);
			expect((await reader.plans.get(saved.plan.id))?.tools).toBe('Seks nettbrett og en projektor');
			writer.db.close();
			reader.db.close();
		});
	});
});
