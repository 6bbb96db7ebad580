import 'fake-indexeddb/auto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { uuidv7 } from '$lib/domain/ids';
import type { PlanContent } from '$lib/domain/plan';
import { LekeplanDatabase } from '$lib/client/db/database';
import { openRepositories } from '$lib/client/db';
import { PlanRepository } from '$lib/client/db/plan-repository';
import { SyncEngine, type PullProgress } from '$lib/client/sync/engine';
import { useRepositories } from '$lib/client/state/repositories';
import { dismissRejections, rejectionList, resendRefused } from '$lib/client/state/rejections';
import { MAX_BATCH, PULL_PAGE, type PushResponse } from '$lib/sync';
import {
	describeEachDatabase,
	seedOwner,
	signIn,
	startTestServer,
	type SeededOwner,
	type TestServer
} from './harness';
import { planFields, serverTransport, TestClient } from './sync-fixtures';

/**
 * The tablet's engine against the real server: what the person sees of a long first sync and of
 * a change the server refused comes from what the server answers.
 */
describeEachDatabase('a tablet syncing with the server', (dialect) => {
	let server: TestServer;
	let owner: SeededOwner;
	let group: string;

	beforeAll(async () => {
		server = await startTestServer(dialect);
		owner = await seedOwner(server, 't');
		group = owner.kindergartens[0]!.groups[0]!;
	});
	afterAll(async () => server.close());

	async function tablet(email: string) {
		const name = `tablet-${dialect}-${uuidv7()}`;
		const db = new LekeplanDatabase(name);
		const engine = new SyncEngine(db, serverTransport(server, await signIn(server, email)), () =>
			server.clock.now()
		);
		await engine.enable();
		return { db, name, engine, plans: new PlanRepository(db, () => server.clock.now()) };
	}

	it('reports a first sync of several pages as received of about how many, exact at the end', async () => {
		const writer = new TestClient(server, await signIn(server, owner.users.staff.email));
		const total = 2 * PULL_PAGE + 200;
		for (let done = 0; done < total; done += MAX_BATCH) {
			const batch = Array.from({ length: Math.min(MAX_BATCH, total - done) }, (_, i) =>
				writer.put(uuidv7(), null, planFields(group, { title: `Plan ${done + i}` }))
			);
			await writer.push(batch);
		}

		const { db, engine } = await tablet(owner.users.staff.email);
		const progress: PullProgress[] = [];
		expect(await engine.sync((p) => progress.push(p))).toMatchObject({ ok: true, pulled: total });
		expect(progress.map((p) => p.pulled)).toEqual([PULL_PAGE, 2 * PULL_PAGE, total]);
		// From the first page on the tablet knows about how many are coming.
		for (const p of progress) {
			expect(p.total).not.toBeNull();
			expect(p.total!).toBeGreaterThanOrEqual(p.pulled);
			expect(Math.abs(p.total! - total)).toBeLessThanOrEqual(total / 10);
		}
		// This transport reads answers whole, so it hears no bytes arriving (the browser's does).
		expect(progress.at(-1)).toEqual({ pulled: total, total, bytes: 0 });
		expect(await db.plans.count()).toBe(total);
		db.close();
	});

	it('does not pull back what it pushed as it holds it, but what another tablet changed (issue 18)', async () => {
		const { db, engine, plans } = await tablet(owner.users.staff.email);
		expect(await engine.sync()).toMatchObject({ ok: true });
		const ids: string[] = [];
		for (const title of ['Lydjakt', 'Skyggeteater', '  Fotojakt  ']) {
			const made = await plans.create(
				planFields(group, { title }) as PlanContent,
				owner.kindergartens[0]!.id
			);
			if (!made.ok) throw new Error('the plan did not save');
			ids.push(made.plan.id);
		}
		// The tablet trims as the server does: all three come back from the push as held.
		expect(await engine.sync()).toMatchObject({ ok: true, pushed: 3, pulled: 0 });
		const revs = (await db.plans.bulkGet(ids)).map((p) => p?.syncRev);
		expect(revs.every((r) => typeof r === 'number')).toBe(true);

		const other = new TestClient(server, await signIn(server, owner.users.manager.email));
		await other.push([other.put(ids[0]!, revs[0]!, { goals: 'Lytte etter lyder ute' })]);
		expect(await engine.sync()).toMatchObject({ ok: true, pushed: 0, pulled: 1 });
		expect((await plans.get(ids[0]!))?.goals).toBe('Lytte etter lyder ute');
		db.close();
	});

	it('pulls again a plan of which one change was refused, though another was stored as sent', async () => {
		const { db, engine, plans } = await tablet(owner.users.manager.email);
		// Another plan first: the plan's revision is above 1, so that pulling it again starts
		// above 0 (a pull from 0 takes everything anyway).
		const writer = new TestClient(server, await signIn(server, owner.users.staff.email));
		await writer.push([writer.put(uuidv7(), null, planFields(group, { title: 'Før' }))]);
		const made = await plans.create(
			planFields(group, { title: 'Kodekort på tunet' }) as PlanContent,
			owner.kindergartens[0]!.id
		);
		if (!made.ok) throw new Error('the plan did not save');
		expect(await engine.sync()).toMatchObject({ ok: true });
		// Offline: an approval (refused: the owner makes them staff meanwhile), then new goals.
		const approved = await plans.setApproval(made.plan.id, {
			decision: 'approved',
			by: 'Siri Styrer',
			at: server.clock.now().toISOString(),
			note: ''
		});
		expect(approved.ok).toBe(true);
		const { approval: _, ...content } = (await plans.get(made.plan.id))!;
		void _;
		const edited = await plans.update(made.plan.id, {
			...(content as unknown as PlanContent),
			goals: 'Følge en kodekortrekke'
		});
		expect(edited.ok).toBe(true);
		await server.deps.db
			.updateTable('users')
			.set({ role: 'staff' })
			.where('id', '=', owner.users.manager.id)
			.execute();
		try {
			expect(await engine.sync()).toMatchObject({ ok: true });
			// The goals are stored, the approval is not: the tablet shows the server's plan.
			const local = await plans.get(made.plan.id);
			expect(local?.goals).toBe('Følge en kodekortrekke');
			expect(local?.approval ?? null).toBeNull();
			expect(await db.rejections.count()).toBe(1);
		} finally {
			await server.deps.db
				.updateTable('users')
				.set({ role: 'manager' })
				.where('id', '=', owner.users.manager.id)
				.execute();
			db.close();
		}
	});

	it("keeps a refused change with its reason and record, shows the server's value, and lets it be dismissed", async () => {
		// A manager approves a plan offline; meanwhile the owner makes them staff again.
		const { db, name, engine, plans } = await tablet(owner.users.manager.email);
		const made = await plans.create(
			planFields(group, { title: 'Robotløype i gymsalen' }) as PlanContent,
			owner.kindergartens[0]!.id
		);
		if (!made.ok) throw new Error('the plan did not save');
		expect(await engine.sync()).toMatchObject({ ok: true });
		const approved = await plans.setApproval(made.plan.id, {
			decision: 'approved',
			by: 'Siri Styrer',
			at: server.clock.now().toISOString(),
			note: ''
		});
		expect(approved.ok).toBe(true);
		await server.deps.db
			.updateTable('users')
			.set({ role: 'staff' })
			.where('id', '=', owner.users.manager.id)
			.execute();

		expect(await engine.sync()).toMatchObject({ ok: true });
		// Nothing waits, and the plan is as the server has it: not approved.
		expect(await db.outbox.count()).toBe(0);
		expect((await plans.get(made.plan.id))?.approval ?? null).toBeNull();
		const [rejection, ...more] = await db.rejections.toArray();
		expect(more).toEqual([]);
		expect(rejection).toMatchObject({
			recordId: made.plan.id,
			reason: 'forbidden_field',
			type: 'plan',
			op: 'put',
			fields: ['approval'],
			problems: { approval: 'manager_only' },
			title: 'Robotløype i gymsalen'
		});

		// The list the refused-changes page shows, and the person dismissing what they read.
		useRepositories(openRepositories(name));
		expect(await rejectionList()).toEqual([
			expect.objectContaining({
				mutationId: rejection!.mutationId,
				type: 'plan',
				title: 'Robotløype i gymsalen',
				exists: true,
				reason: 'forbidden_field'
			})
		]);
		await dismissRejections([rejection!.mutationId]);
		expect(await rejectionList()).toEqual([]);
		db.close();
	});

	it('shows a refusal whose answer was lost: the retry is skipped with the reason', async () => {
		// A staff member's approval (the UI offers it to the manager only) is refused, and the
		// answer that says so is lost after the server committed it (the property test's case).
		const db = new LekeplanDatabase(`tablet-${dialect}-${uuidv7()}`);
		const network = serverTransport(server, await signIn(server, owner.users.staff.email));
		const answers: PushResponse[] = [];
		let loseNext = false;
		const engine = new SyncEngine(
			db,
			{
				push: async (request) => {
					const answer = await network.push(request);
					if (answer.ok) answers.push(answer.data);
					if (!loseNext) return answer;
					loseNext = false;
					return { ok: false, status: 0, reason: 'offline' };
				},
				pull: (query) => network.pull(query)
			},
			() => server.clock.now()
		);
		await engine.enable();
		const plans = new PlanRepository(db, () => server.clock.now());
		const made = await plans.create(
			planFields(group, { title: 'Kodekort på teppet' }) as PlanContent,
			owner.kindergartens[0]!.id
		);
		if (!made.ok) throw new Error('the plan did not save');
		expect(await engine.sync()).toMatchObject({ ok: true });
		await plans.setApproval(made.plan.id, {
			decision: 'approved',
			by: 'Per Pedagog',
			at: server.clock.now().toISOString(),
			note: ''
		});

		loseNext = true;
		expect(await engine.sync()).toMatchObject({ ok: false, reason: 'offline' });
		expect(answers.at(-1)?.results).toEqual([
			{ id: 2, status: 'rejected', reason: 'forbidden_field', fields: { approval: 'manager_only' } }
		]);
		expect(await db.rejections.count()).toBe(0);

		expect(await engine.sync()).toMatchObject({ ok: true });
		expect(answers.at(-1)?.results).toEqual([
			{ id: 2, status: 'skipped', reason: 'forbidden_field' }
		]);
		expect(await db.outbox.count()).toBe(0);
		const [rejection, ...more] = await db.rejections.toArray();
		expect(more).toEqual([]);
		expect(rejection).toMatchObject({
			mutationId: 2,
			recordId: made.plan.id,
			reason: 'forbidden_field',
			type: 'plan',
			op: 'put',
			fields: ['approval'],
			title: 'Kodekort på teppet'
		});
		// And the plan is as the server has it: not approved.
		expect((await plans.get(made.plan.id))?.approval ?? null).toBeNull();
		db.close();
	});

	it('a new plan the server refused stays on the tablet, says so, and reaches the server once put right', async () => {
		// A staff member's new plan for a group of another kindergarten: the server never takes it.
		const { db, name, engine, plans } = await tablet(owner.users.staff.email);
		const elsewhere = owner.kindergartens[1]!.groups[0]!;
		const made = await plans.create(
			planFields(elsewhere, { title: 'Robotløype på feil avdeling' }) as PlanContent,
			owner.kindergartens[0]!.id
		);
		if (!made.ok) throw new Error('the plan did not save');
		expect(await engine.sync()).toMatchObject({ ok: true });
		expect(await db.outbox.count()).toBe(0);

		// The list says what is true: the plan is on this tablet only.
		useRepositories(openRepositories(name));
		const [refused, ...more] = await rejectionList();
		expect(more).toEqual([]);
		expect(refused).toMatchObject({
			recordId: made.plan.id,
			type: 'plan',
			op: 'put',
			exists: true,
			onServer: false,
			title: 'Robotløype på feil avdeling'
		});

		// Put right (the person picks their own group) and saved: the change goes out whole,
		// so the server takes the plan as new rather than refusing half a record.
		const fixed = await plans.update(made.plan.id, {
			...(planFields(group, { title: 'Robotløype på feil avdeling' }) as PlanContent)
		});
		expect(fixed.ok).toBe(true);
		const [sent] = await db.outbox.toArray();
		expect(sent).toMatchObject({ recordId: made.plan.id, op: 'put', baseRev: null });
		expect(Object.keys(sent!.fields)).toEqual(expect.arrayContaining(['title', 'date', 'groupId']));
		expect(await engine.sync()).toMatchObject({ ok: true });
		const onServer = await server.deps.db
			.selectFrom('syncRecords')
			.select(['recordId'])
			.where('recordId', '=', made.plan.id)
			.execute();
		expect(onServer).toHaveLength(1);
		expect((await plans.get(made.plan.id))?.syncRev).toBeGreaterThan(0);
		expect((await rejectionList()).map((r) => r.onServer)).toEqual([true]);

		// "Send again" has nothing to send for a plan the server has.
		expect(await resendRefused({ type: 'plan', recordId: made.plan.id })).toBe(false);
		await dismissRejections((await rejectionList()).map((r) => r.mutationId));
		db.close();
	});

	it('"send again" sends a refused new plan whole once its cause has passed', async () => {
		const { db, name, engine, plans } = await tablet(owner.users.staff.email);
		const elsewhere = owner.kindergartens[1]!.groups[0]!;
		const made = await plans.create(
			planFields(elsewhere, { title: 'Stop-motion hos naboen' }) as PlanContent,
			owner.kindergartens[0]!.id
		);
		if (!made.ok) throw new Error('the plan did not save');
		expect(await engine.sync()).toMatchObject({ ok: true });
		useRepositories(openRepositories(name));
		expect((await rejectionList()).map((r) => r.onServer)).toEqual([false]);

		// The owner moves the staff member to that kindergarten: the plan is now in scope.
		await server.deps.db
			.updateTable('users')
			.set({ kindergartenId: owner.kindergartens[1]!.id })
			.where('id', '=', owner.users.staff.id)
			.execute();
		expect(await resendRefused({ type: 'plan', recordId: made.plan.id })).toBe(true);
		expect(await rejectionList()).toEqual([]);
		const [sent] = await db.outbox.toArray();
		expect(sent).toMatchObject({ op: 'put', baseRev: null });
		expect(sent!.fields).toMatchObject({ title: 'Stop-motion hos naboen', groupId: elsewhere });
		const synced = await engine.sync();
		expect(synced.ok).toBe(true);
		expect(await rejectionList()).toEqual([]);
		await server.deps.db
			.updateTable('users')
			.set({ kindergartenId: owner.kindergartens[0]!.id })
			.where('id', '=', owner.users.staff.id)
			.execute();
		db.close();
	});
});
