import 'fake-indexeddb/auto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { uuidv7 } from '$lib/domain/ids';
import type { PlanContent } from '$lib/domain/plan';
import { DEFAULT_GUIDANCE } from '$lib/domain/guidance-default';
import { LekeplanDatabase } from '$lib/client/db/database';
import { PlanRepository } from '$lib/client/db/plan-repository';
import { GuidanceRepository } from '$lib/client/db/guidance-repository';
import { SyncEngine } from '$lib/client/sync/engine';
import { purgeTombstones } from '$lib/server/use-cases/horizon';
import {
	describeEachDatabase,
	seedOwner,
	signIn,
	startTestServer,
	type SeededOwner,
	type TestServer
} from './harness';
import { expectUnchanged, snapshot } from './snapshot';
import { planFields, serverTransport, TestClient } from './sync-fixtures';

/**
 * The tombstone horizon (docs/design/sync-protocol.md): tombstones older than the horizon are
 * removed, and a client whose cursor is below the last one removed is told to reset, re-downloads
 * and keeps its unsent changes. A tombstone with an unresolved conflict stays until someone
 * decides.
 */

const DAY = 86_400_000;
const HORIZON_DAYS = 90;

describeEachDatabase('tombstone horizon', (dialect) => {
	let server: TestServer;
	let a: SeededOwner;
	let group: string;
	let staff: string;
	let manager: string;

	const row = (recordId: string) =>
		server.deps.db
			.selectFrom('syncRecords')
			.select(['recordId', 'deletedAt'])
			.where('recordId', '=', recordId)
			.executeTakeFirst();
	/** Sessions end after 12 idle hours; a new sign-in after the clock jumps months ahead. */
	const signInAgain = async () => {
		staff = await signIn(server, a.users.staff.email);
		manager = await signIn(server, a.users.manager.email);
	};

	beforeAll(async () => {
		server = await startTestServer(dialect);
		a = await seedOwner(server, 'h');
		group = a.kindergartens[0]!.groups[0]!;
		staff = await signIn(server, a.users.staff.email);
		manager = await signIn(server, a.users.manager.email);
	});
	afterAll(async () => server.close());

	it('removes old tombstones and makes a cursor below them reset; newer cursors carry on', async () => {
		const writer = new TestClient(server, staff);
		const behind = new TestClient(server, manager);
		const current = new TestClient(server, manager);
		const gone = uuidv7();
		const kept = uuidv7();
		const created = await writer.push([
			writer.put(gone, null, planFields(group)),
			writer.put(kept, null, planFields(group, { title: 'Blir' }))
		]);
		const seen = await behind.pullAll();
		const deleted = await writer.push([writer.mutation(gone, 'delete', created.results[0]!.rev!)]);
		const deletionRev = deleted.results[0]!.rev!;
		const caughtUp = await current.pullAll();
		expect(seen.cursor).toBeLessThan(deletionRev);
		expect(caughtUp.cursor).toBeGreaterThanOrEqual(deletionRev);

		// Within the horizon nothing is removed.
		server.clock.advance((HORIZON_DAYS - 1) * DAY);
		expect(await purgeTombstones(server.deps, HORIZON_DAYS)).toEqual({
			removed: 0,
			purgedThrough: 0
		});
		expect(await row(gone)).toBeDefined();

		server.clock.advance(2 * DAY);
		expect(await purgeTombstones(server.deps, HORIZON_DAYS)).toEqual({
			removed: 1,
			purgedThrough: deletionRev
		});
		expect(await row(gone)).toBeUndefined();
		expect(await row(kept)).toMatchObject({ deletedAt: null });

		behind.cookie = await signIn(server, a.users.manager.email);
		current.cookie = behind.cookie;
		writer.cookie = await signIn(server, a.users.staff.email);
		const before = await snapshot(server);
		const refused = await behind.pullResponse(seen.cursor);
		expect(refused.status).toBe(409);
		expect(await refused.json()).toMatchObject({
			error: { reason: 'reset_required', because: 'cursor_expired' }
		});
		await expectUnchanged(server, before);

		const fresh = await behind.pullAll(0);
		expect(fresh.changes.map((c) => c.recordId)).toEqual([kept]);
		const next = await current.pull(caughtUp.cursor);
		expect(next.changes).toEqual([]);

		// An edit of the removed record, made on the revision the writer had, creates nothing.
		const stale = await writer.push([
			writer.put(gone, created.results[0]!.rev!, { title: 'For sent' })
		]);
		expect(stale.results[0]).toMatchObject({ status: 'rejected', reason: 'not_found' });
		expect(await row(gone)).toBeUndefined();
	});

	it('keeps a tombstone with an unresolved conflict until it is resolved', async () => {
		await signInAgain();
		const writer = new TestClient(server, staff);
		const editor = new TestClient(server, manager);
		const id = uuidv7();
		const created = await writer.push([writer.put(id, null, planFields(group))]);
		const rev = created.results[0]!.rev!;
		await writer.push([writer.mutation(id, 'delete', rev)]);
		const edit = await editor.push([editor.put(id, rev, { title: 'Endret offline' })]);
		expect(edit.results[0]).toMatchObject({ status: 'conflict', reason: 'deleted' });

		server.clock.advance((HORIZON_DAYS + 1) * DAY);
		await purgeTombstones(server.deps, HORIZON_DAYS);
		expect(await row(id)).toBeDefined();

		const resolver = await signIn(server, a.users.manager.email);
		const conflicts = (await (
			await server.request('GET', '/api/v1/sync/conflicts', { cookie: resolver })
		).json()) as { conflicts: Array<{ id: string; recordId: string }> };
		const conflict = conflicts.conflicts.find((c) => c.recordId === id)!;
		const resolved = await server.request('POST', `/api/v1/sync/conflicts/${conflict.id}/resolve`, {
			cookie: resolver,
			body: { choice: 'discard' }
		});
		expect(resolved.status).toBe(200);
		const { removed } = await purgeTombstones(server.deps, HORIZON_DAYS);
		expect(removed).toBe(1);
		expect(await row(id)).toBeUndefined();
	});

	it('a tablet told to reset re-downloads, drops what is gone and keeps its unsent changes', async () => {
		await signInAgain();
		const writer = new TestClient(server, staff);
		const gone = uuidv7();
		const created = await writer.push([writer.put(gone, null, planFields(group))]);

		const db = new LekeplanDatabase(`horizon-${dialect}-${uuidv7()}`);
		const plans = new PlanRepository(db, () => server.clock.now());
		const engine = new SyncEngine(
			db,
			serverTransport(server, () => manager),
			() => server.clock.now()
		);
		await engine.enable();
		expect(await engine.sync()).toMatchObject({ ok: true });
		expect(await db.plans.get(gone)).toBeDefined();

		// Later the plan is deleted on another tablet, and the owner edits the guidance.
		await writer.push([writer.mutation(gone, 'delete', created.results[0]!.rev!)]);
		const admin = await signIn(server, a.users.ownerAdmin.email);
		const current = (
			(await (await server.request('GET', '/api/v1/guidance', { cookie: admin })).json()) as {
				set: typeof DEFAULT_GUIDANCE;
			}
		).set;
		const edit: Partial<typeof current> = { ...current };
		delete edit.id;
		delete edit.version;
		delete edit.date;
		const saved = await server.request('PUT', '/api/v1/guidance', {
			cookie: admin,
			body: { baseVersion: current.version, set: { ...edit, closeShare: 0.6 } }
		});
		expect(saved.status).toBe(200);

		// This tablet stays offline past the horizon, and makes a plan meanwhile.
		server.clock.advance((HORIZON_DAYS + 1) * DAY);
		expect((await purgeTombstones(server.deps, HORIZON_DAYS)).removed).toBeGreaterThan(0);
		const offlinePlan = await plans.create(
			planFields(group, { title: 'Laget offline' }) as PlanContent,
			a.kindergartens[0]!.id
		);
		expect(offlinePlan.ok).toBe(true);

		manager = await signIn(server, a.users.manager.email);
		const outcome = await engine.sync();
		expect(outcome).toMatchObject({ ok: true });
		expect(await db.plans.get(gone)).toBeUndefined();
		const local = await db.plans.toArray();
		expect(local.map((p) => p.title)).toContain('Laget offline');
		expect(await db.outbox.count()).toBe(0);
		// The plan made offline reached the server; the guidance came with the download.
		const guidance = await new GuidanceRepository(db, DEFAULT_GUIDANCE).current();
		expect(guidance.closeShare).toBe(0.6);
		expect(guidance.version).toBe(current.version + 1);
		db.close();
	});
});
