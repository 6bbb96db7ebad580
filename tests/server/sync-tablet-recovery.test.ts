import 'fake-indexeddb/auto';
import { expect, it } from 'vitest';
import { uuidv7 } from '$lib/domain/ids';
import type { PlanContent } from '$lib/domain/plan';
import { LekeplanDatabase } from '$lib/client/db/database';
import { META } from '$lib/client/db/outbox';
import { PlanRepository } from '$lib/client/db/plan-repository';
import { SyncEngine, type SyncTransport, type TransportResult } from '$lib/client/sync/engine';
import { purgeTombstones } from '$lib/server/use-cases/horizon';
import { fullRecord } from '$lib/server/use-cases/sync-records';
import { sameValue, type PullResponse, type PushRequest, type PushResponse } from '$lib/sync';
import {
	describeEachDatabase,
	seedOwner,
	signIn,
	startTestServer,
	type Dialect,
	type TestServer
} from './harness';
import { planFields, pullPath, TestClient, transportResult } from './sync-fixtures';

/**
 * The tablet's sync engine against the real server, where the property test does not go: a
 * reset that finds changes still unsent (an expired cursor; a planner moved to another
 * kindergarten), a server restored from a backup that has forgotten mutations the tablet saw it
 * take, and a delete the server already had.
 */

const DAY = 86_400_000;
const HORIZON_DAYS = 90;

interface Tablet {
	db: LekeplanDatabase;
	plans: PlanRepository;
	engine: SyncEngine;
	/** Every push request sent and every answer, in order (error answers with their body). */
	pushes: Array<{ request: PushRequest; answer: TransportResult<PushResponse> }>;
	pulls: Array<TransportResult<PullResponse>>;
	close(): Promise<void>;
}

/**
 * A tablet of the signed-in user whose cookie `cookie()` gives. `errorBodies: false` hands
 * errors on without their body, as the browser's transport (sync-runner.ts) does.
 */
function tablet(
	server: TestServer,
	dialect: Dialect,
	cookie: () => string,
	options: { errorBodies?: boolean; clock?: () => Date } = {}
): Tablet {
	const db = new LekeplanDatabase(`tablet-${dialect}-${uuidv7()}`);
	const clock = options.clock ?? (() => server.clock.now());
	const pushes: Tablet['pushes'] = [];
	const pulls: Tablet['pulls'] = [];
	const bare = <T>(answer: TransportResult<T>): TransportResult<T> =>
		answer.ok || options.errorBodies !== false
			? answer
			: { ok: false, status: answer.status, reason: answer.reason };
	const transport: SyncTransport = {
		async push(request) {
			const response = await server.request('POST', '/api/v1/sync/push', {
				body: request,
				cookie: cookie()
			});
			const answer = await transportResult<PushResponse>(response);
			pushes.push({ request, answer });
			return bare(answer);
		},
		async pull(query) {
			const response = await server.request('GET', pullPath(query), { cookie: cookie() });
			const answer = await transportResult<PullResponse>(response);
			pulls.push(answer);
			return bare(answer);
		}
	};
	const engine = new SyncEngine(db, transport, clock);
	return {
		db,
		plans: new PlanRepository(db, clock),
		engine,
		pushes,
		pulls,
		close: async () => {
			db.close();
			await db.delete();
		}
	};
}

/** The `reset_required` answers a tablet met, by their `because`. */
function resetsOf(t: Tablet): string[] {
	return t.pulls.flatMap((answer) =>
		!answer.ok && answer.reason === 'reset_required'
			? [(answer.body as { error: { because: string } }).error.because]
			: []
	);
}

/** The server's records of a kindergarten as a tablet stores them (`syncRev` is the `rev`). */
async function serverRecords(server: TestServer, kindergartenId: string) {
	const rows = await server.deps.db
		.selectFrom('syncRecords')
		.selectAll()
		.where('kindergartenId', '=', kindergartenId)
		.where('type', '=', 'plan')
		.execute();
	return new Map<string, Record<string, unknown>>(
		rows.map((r) => [
			r.recordId,
			{
				...fullRecord('plan', JSON.parse(r.data) as Record<string, unknown>, {
					id: r.recordId,
					kindergartenId: r.kindergartenId,
					createdAt: r.createdAt,
					updatedAt: r.updatedAt,
					deletedAt: r.deletedAt
				}),
				syncRev: r.rev
			}
		])
	);
}

/** The tablet holds exactly the server's plans of the kindergarten, whole. */
async function expectSameAsServer(t: Tablet, server: TestServer, kindergartenId: string) {
	const expected = await serverRecords(server, kindergartenId);
	const local = (await t.db.plans.toArray()) as unknown as Array<Record<string, unknown>>;
	expect(local.map((p) => p['id']).sort()).toEqual([...expected.keys()].sort());
	for (const plan of local) {
		const theirs = expected.get(plan['id'] as string)!;
		const differing = Object.keys({ ...plan, ...theirs }).filter(
			(field) => !sameValue(plan[field], theirs[field])
		);
		expect(differing, `plan ${String(plan['id'])} differs`).toEqual([]);
	}
}

async function sequenceOf(server: TestServer): Promise<number> {
	const row = await server.deps.db
		.selectFrom('syncSequence')
		.select('value')
		.executeTakeFirstOrThrow();
	return row.value;
}

describeEachDatabase('the tablet against the server', (dialect) => {
	/** Each test on a server of its own: they move the clock, purge tombstones, restore rows. */
	const withServer = (name: string, body: (server: TestServer) => Promise<void>) =>
		it(name, async () => {
			const server = await startTestServer(dialect);
			try {
				await body(server);
			} finally {
				await server.close();
			}
		});

	withServer(
		'a pull told to reset for an expired cursor keeps the unsent changes and sends them after the re-download',
		async (server) => {
			const owner = await seedOwner(server, 'e');
			const kg = owner.kindergartens[0]!;
			const group = kg.groups[0]!;
			let manager = await signIn(server, owner.users.manager.email);
			const writer = new TestClient(server, await signIn(server, owner.users.staff.email));
			const gone = uuidv7();
			const kept = uuidv7();
			const created = await writer.push([
				writer.put(gone, null, planFields(group, { title: 'Slettes' })),
				writer.put(kept, null, planFields(group, { title: 'Blir' }))
			]);
			const t = tablet(server, dialect, () => manager);
			try {
				await t.engine.enable();
				expect(await t.engine.sync()).toMatchObject({ ok: true });
				await expectSameAsServer(t, server, kg.id);

				// Deleted elsewhere; the tombstone passes the horizon and is removed.
				await writer.push([writer.mutation(gone, 'delete', created.results[0]!.rev!)]);
				server.clock.advance((HORIZON_DAYS + 1) * DAY);
				expect((await purgeTombstones(server.deps, HORIZON_DAYS)).removed).toBe(1);
				manager = await signIn(server, owner.users.manager.email);
				writer.cookie = await signIn(server, owner.users.staff.email);
				const added = uuidv7();
				await writer.push([writer.put(added, null, planFields(group, { title: 'Ny' }))]);

				// Meanwhile, offline, the tablet edited a plan and made one.
				const mine = (await t.plans.get(kept))!;
				expect((await t.plans.update(kept, { ...mine, title: 'Endret offline' })).ok).toBe(true);
				const made = await t.plans.create(
					planFields(group, { title: 'Laget offline' }) as PlanContent,
					kg.id
				);
				if (!made.ok) throw new Error('the plan was not made');
				const unsent = await t.db.outbox.toArray();
				expect(unsent.map((m) => m.recordId)).toEqual([kept, made.plan.id]);

				// The pull (no push before it) is told to reset, with the outbox full.
				const pushesBefore = t.pushes.length;
				expect(await t.engine.pull()).toMatchObject({ ok: true });
				expect(resetsOf(t)).toEqual(['cursor_expired']);
				expect(t.pushes).toHaveLength(pushesBefore);
				expect(await t.db.outbox.toArray()).toEqual(unsent);
				const local = new Map((await t.db.plans.toArray()).map((p) => [p.id, p]));
				expect([...local.keys()].sort()).toEqual([kept, made.plan.id, added].sort());
				expect(local.get(kept)!.title).toBe('Endret offline');
				expect(local.get(added)!.title).toBe('Ny');

				// Sent later, and taken; then the tablet holds what the server holds.
				expect(await t.engine.sync()).toMatchObject({ ok: true, pushed: 2 });
				expect(
					t.pushes.slice(pushesBefore).flatMap((p) => (p.answer.ok ? p.answer.data.results : []))
				).toEqual([
					expect.objectContaining({ id: unsent[0]!.id, status: 'applied' }),
					expect.objectContaining({ id: unsent[1]!.id, status: 'applied' })
				]);
				expect(await t.db.outbox.count()).toBe(0);
				const onServer = await serverRecords(server, kg.id);
				expect(onServer.get(kept)!['title']).toBe('Endret offline');
				expect(onServer.get(made.plan.id)!['title']).toBe('Laget offline');
				expect(onServer.has(gone)).toBe(false);
				await expectSameAsServer(t, server, kg.id);
			} finally {
				await t.close();
			}
		}
	);

	withServer(
		'a pull told to reset after the planner moved kindergarten keeps the unsent changes, drops the old kindergarten and never receives it again',
		async (server) => {
			const owner = await seedOwner(server, 's');
			const [kg0, kg1] = [owner.kindergartens[0]!, owner.kindergartens[1]!];
			const mover = await signIn(server, owner.users.staff.email);
			const admin = await signIn(server, owner.users.ownerAdmin.email);
			const kg0Writer = new TestClient(server, await signIn(server, owner.users.manager.email));
			const edited = uuidv7();
			const untouched = uuidv7();
			const created = await kg0Writer.push([
				kg0Writer.put(edited, null, planFields(kg0.groups[0]!, { title: 'Redigeres' })),
				kg0Writer.put(untouched, null, planFields(kg0.groups[1]!, { title: 'Urørt' }))
			]);
			const t = tablet(server, dialect, () => mover);
			try {
				await t.engine.enable();
				expect(await t.engine.sync()).toMatchObject({ ok: true });
				await expectSameAsServer(t, server, kg0.id);

				// Offline, the planner edits one plan and makes another, in the old kindergarten.
				const mine = (await t.plans.get(edited))!;
				await t.plans.update(edited, { ...mine, title: 'Endret før flyttingen' });
				const made = await t.plans.create(
					planFields(kg0.groups[0]!, { title: 'Laget før flyttingen' }) as PlanContent,
					kg0.id
				);
				if (!made.ok) throw new Error('the plan was not made');
				const unsent = await t.db.outbox.toArray();
				expect(unsent).toHaveLength(2);

				// An owner administrator moves the planner to the other kindergarten.
				const moved = await server.request('PATCH', `/api/v1/users/${owner.users.staff.id}`, {
					cookie: admin,
					body: { kindergartenId: kg1.id }
				});
				expect(moved.status).toBe(200);
				// The new kindergarten has a plan (made on the planner's other tablet); the old one
				// keeps changing.
				const other = new TestClient(server, mover);
				const kg1Plan = uuidv7();
				await other.push([other.put(kg1Plan, null, planFields(kg1.groups[0]!))]);
				await kg0Writer.push([
					kg0Writer.put(untouched, created.results[1]!.rev!, { title: 'Endret etter flyttingen' })
				]);

				const pullsBefore = t.pulls.length;
				expect(await t.engine.pull()).toMatchObject({ ok: true });
				expect(resetsOf(t)).toEqual(['scope_changed']);
				// The unsent changes are kept; of the old kindergarten only their records stay.
				expect(await t.db.outbox.toArray()).toEqual(unsent);
				const local = await t.db.plans.toArray();
				expect(local.map((p) => p.id).sort()).toEqual([edited, made.plan.id, kg1Plan].sort());
				expect(local.find((p) => p.id === edited)!.title).toBe('Endret før flyttingen');

				// Sent later: the server refuses both (out of the planner's scope now), and says so.
				expect(await t.engine.sync()).toMatchObject({ ok: true, pushed: 2 });
				expect(await t.db.outbox.count()).toBe(0);
				const rejections = await t.db.rejections.toArray();
				expect(rejections.map((r) => [r.recordId, r.reason])).toEqual([
					[edited, 'out_of_scope'],
					[made.plan.id, 'out_of_scope']
				]);
				const kg0Now = await serverRecords(server, kg0.id);
				expect(kg0Now.get(edited)!['title']).toBe('Redigeres');
				expect(kg0Now.has(made.plan.id)).toBe(false);

				// No pull since the move carried a record of the old kindergarten.
				const since = t.pulls.slice(pullsBefore).flatMap((a) => (a.ok ? a.data.changes : []));
				const records = since.filter((c) => c.type !== 'guidance');
				expect(records.map((c) => c.recordId)).toContain(kg1Plan);
				for (const change of records) expect(change.data['kindergartenId']).toBe(kg1.id);
				// On the tablet: the new kindergarten's plans, and the old one's only where the server
				// refused a change (kept with the refusal, for the planner to see).
				const refused = new Set(rejections.map((r) => r.recordId));
				for (const plan of await t.db.plans.toArray()) {
					if (plan.kindergartenId !== kg1.id) expect(refused, plan.title).toContain(plan.id);
				}
				expect((await t.db.plans.toArray()).map((p) => p.id)).not.toContain(untouched);
			} finally {
				await t.close();
			}
		}
	);

	/**
	 * A server restored from a backup knows fewer of the tablet's mutations than the tablet saw
	 * it take: here its `last_mutation_id` for the tablet is set back, or its row is gone.
	 */
	const restoredServer =
		(forgets: 'some' | 'the client', errorBodies: boolean) => async (server: TestServer) => {
			const owner = await seedOwner(server, 'b');
			const kg = owner.kindergartens[0]!;
			const group = kg.groups[0]!;
			const staff = await signIn(server, owner.users.staff.email);
			const t = tablet(server, dialect, () => staff, { errorBodies });
			try {
				await t.engine.enable();
				const first = await t.plans.create(
					planFields(group, { title: 'En' }) as PlanContent,
					kg.id
				);
				const second = await t.plans.create(
					planFields(group, { title: 'To' }) as PlanContent,
					kg.id
				);
				const third = await t.plans.create(
					planFields(group, { title: 'Tre' }) as PlanContent,
					kg.id
				);
				if (!first.ok || !second.ok || !third.ok) throw new Error('plans not made');
				expect(await t.engine.sync()).toMatchObject({ ok: true, pushed: 3 });
				const clientId = await t.engine.clientId();

				// The restore.
				if (forgets === 'some') {
					await server.deps.db
						.updateTable('syncClients')
						.set({ lastMutationId: 1 })
						.where('clientId', '=', clientId)
						.execute();
				} else {
					await server.deps.db.deleteFrom('syncClients').where('clientId', '=', clientId).execute();
				}
				const taken = forgets === 'some' ? 1 : 0;

				// Two changes made since, numbered on from what the tablet saw taken (4 and 5).
				const mine = (await t.plans.get(first.plan.id))!;
				await t.plans.update(first.plan.id, { ...mine, goals: 'Etter gjenopprettingen' });
				const fourth = await t.plans.create(
					planFields(group, { title: 'Fire' }) as PlanContent,
					kg.id
				);
				if (!fourth.ok) throw new Error('plan not made');
				expect((await t.db.outbox.toArray()).map((m) => m.id)).toEqual([4, 5]);
				const sequence = await sequenceOf(server);

				expect(await t.engine.sync()).toMatchObject({ ok: true, pushed: 2 });
				// Refused once as a gap; then sent on from the id the server expects, and taken.
				const answers = t.pushes.slice(1).map(({ request, answer }) => ({
					ids: request.mutations.map((m) => m.id),
					status: answer.ok ? 200 : answer.status,
					results: answer.ok ? answer.data.results.map((r) => r.status) : answer.reason
				}));
				const renumbered = [taken + 1, taken + 2];
				expect(answers).toEqual([
					{ ids: [4, 5], status: 409, results: 'mutation_gap' },
					// Without the error's body, an empty push asks the server what it has taken.
					...(errorBodies ? [] : [{ ids: [], status: 200, results: [] }]),
					{ ids: renumbered, status: 200, results: ['applied', 'applied'] }
				]);
				expect(await t.db.outbox.count()).toBe(0);

				// Each taken once: one revision each, no conflict, no rejection, and the server's
				// last id is the tablet's last.
				expect(await sequenceOf(server)).toBe(sequence + 2);
				const client = await server.deps.db
					.selectFrom('syncClients')
					.selectAll()
					.where('clientId', '=', clientId)
					.executeTakeFirstOrThrow();
				expect(client.lastMutationId).toBe(renumbered[1]);
				for (const table of ['syncConflicts', 'syncRejections'] as const) {
					const rows = await server.deps.db
						.selectFrom(table)
						.select('clientId')
						.where('clientId', '=', clientId)
						.execute();
					expect(rows, table).toEqual([]);
				}
				const onServer = await serverRecords(server, kg.id);
				expect(onServer.get(first.plan.id)!['goals']).toBe('Etter gjenopprettingen');
				expect(onServer.get(fourth.plan.id)!['title']).toBe('Fire');
				expect((await t.db.syncMeta.get(META.nextMutationId))?.value).toBe(renumbered[1]! + 1);

				// Sending the same again (an answer lost) changes nothing; the next change follows on.
				const replay = await new TestClient(server, staff, clientId).push(
					t.pushes.at(-1)!.request.mutations
				);
				expect(replay.results.map((r) => r.status)).toEqual(['skipped', 'skipped']);
				expect(await sequenceOf(server)).toBe(sequence + 2);
				const now = (await t.plans.get(fourth.plan.id))!;
				await t.plans.update(fourth.plan.id, { ...now, goals: 'Og så' });
				expect(await t.engine.sync()).toMatchObject({ ok: true, pushed: 1 });
				expect(t.pushes.at(-1)!.request.mutations.map((m) => m.id)).toEqual([renumbered[1]! + 1]);
				expect(await sequenceOf(server)).toBe(sequence + 3);
				await expectSameAsServer(t, server, kg.id);
			} finally {
				await t.close();
			}
		};

	withServer(
		'a server restored from a backup that took fewer of its mutations: the tablet numbers its unsent ones on, each taken once',
		restoredServer('some', true)
	);

	withServer(
		'a server that lost the client altogether: the same, the tablet asking the server by an empty push when the error body does not reach it',
		restoredServer('the client', false)
	);

	withServer(
		'never numbers anew a mutation the server has taken (a gap the server is ahead of)',
		async (server) => {
			const owner = await seedOwner(server, 'g');
			const kg = owner.kindergartens[0]!;
			const staff = await signIn(server, owner.users.staff.email);
			const t = tablet(server, dialect, () => staff);
			try {
				await t.engine.enable();
				for (const title of ['En', 'To', 'Tre']) {
					await t.plans.create(planFields(kg.groups[0]!, { title }) as PlanContent, kg.id);
				}
				// The server took 1–3, but the answer never came back; then the outbox lost entry 2
				// (a state no tablet should reach) and a fourth change was made.
				const clientId = await t.engine.clientId();
				const sent = await t.db.outbox.toArray();
				await new TestClient(server, staff, clientId).push(sent);
				await t.db.outbox.delete(2);
				const mine = (await t.db.plans.toArray())[0]!;
				await t.plans.update(mine.id, { ...mine, goals: 'Fire' });
				const sequence = await sequenceOf(server);

				// The server expects 4, past the outbox's first id: numbering 1, 3 and 4 as 4, 5, 6
				// would apply 1 and 3 again. The tablet stops instead.
				expect(await t.engine.push()).toMatchObject({ ok: false, reason: 'mutation_gap' });
				expect((await t.db.outbox.toArray()).map((m) => m.id)).toEqual([1, 3, 4]);
				expect(t.pushes.map((p) => p.request.mutations.map((m) => m.id))).toEqual([[1, 3, 4]]);
				expect(await sequenceOf(server)).toBe(sequence);
			} finally {
				await t.close();
			}
		}
	);

	withServer(
		'a delete the server already had: the tablet ends with the server’s deletion time',
		async (server) => {
			const owner = await seedOwner(server, 'd');
			const kg = owner.kindergartens[0]!;
			const writer = new TestClient(server, await signIn(server, owner.users.staff.email));
			const manager = await signIn(server, owner.users.manager.email);
			const id = uuidv7();
			const created = await writer.push([writer.put(id, null, planFields(kg.groups[0]!))]);
			// The tablet's clock is its own (an hour ahead): only the server's times may remain.
			const t = tablet(server, dialect, () => manager, {
				clock: () => new Date(server.clock.now().getTime() + 3_600_000)
			});
			try {
				await t.engine.enable();
				expect(await t.engine.sync()).toMatchObject({ ok: true });
				await writer.push([writer.mutation(id, 'delete', created.results[0]!.rev!)]);
				await t.plans.softDelete(id);
				// A pull comes first (another tab pushes), then the push: the delete changes nothing.
				expect(await t.engine.pull()).toMatchObject({ ok: true });
				expect(await t.engine.sync()).toMatchObject({ ok: true, pushed: 1 });
				expect(t.pushes.at(-1)!.answer).toMatchObject({
					ok: true,
					data: { results: [{ id: 1, status: 'applied' }] }
				});
				await expectSameAsServer(t, server, kg.id);
			} finally {
				await t.close();
			}
		}
	);
});
