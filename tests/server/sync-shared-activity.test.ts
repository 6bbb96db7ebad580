import { afterAll, beforeAll, expect, it } from 'vitest';
import { uuidv7 } from '$lib/domain/ids';
import { PROTOCOL_VERSION, type PullResponse } from '$lib/sync';
import {
	describeEachDatabase,
	seedOwner,
	signIn,
	signInNewUser,
	startTestServer,
	type SeededOwner,
	type TestServer
} from './harness';
import { activityFields, planFields, TestClient } from './sync-fixtures';

/**
 * An own activity shared with the owner's other kindergartens (issue 15, ADR 38): the manager
 * shares and withdraws; the owner's other kindergartens pull it marked with where it comes from,
 * never another owner's; a withdrawal reaches them as a tombstone and leaves their plans alone;
 * nobody else edits it.
 */
describeEachDatabase('an activity shared across kindergartens', (dialect) => {
	let server: TestServer;
	let owner: SeededOwner;
	let manager: TestClient;
	let staff: TestClient;
	/** Staff of the owner's second kindergarten, and of another owner's kindergarten. */
	let otherStaff: TestClient;
	let strangerStaff: TestClient;

	beforeAll(async () => {
		server = await startTestServer(dialect);
		owner = await seedOwner(server, 'sh');
		const stranger = await seedOwner(server, 'st');
		manager = new TestClient(server, await signIn(server, owner.users.manager.email));
		staff = new TestClient(server, await signIn(server, owner.users.staff.email));
		otherStaff = new TestClient(
			server,
			await signInNewUser(server, owner.id, 'staff', owner.kindergartens[1]!.id)
		);
		strangerStaff = new TestClient(server, await signIn(server, stranger.users.staff.email));
	});
	afterAll(async () => server.close());

	/** A new own activity of the first kindergarten, written by `by`; its id and revision. */
	async function ownActivity(by: TestClient, overrides = {}): Promise<[string, number]> {
		const id = uuidv7();
		const pushed = await by.push([by.put(id, null, activityFields(overrides), 'activity')]);
		expect(pushed.results[0]).toMatchObject({ status: 'applied' });
		return [id, pushed.results[0]!.rev!];
	}

	async function setShared(id: string, rev: number, shared: boolean): Promise<number> {
		const pushed = await manager.push([manager.put(id, rev, { shared }, 'activity')]);
		expect(pushed.results[0]).toMatchObject({ status: 'applied' });
		return pushed.results[0]!.rev!;
	}

	const find = (changes: PullResponse['changes'], id: string) =>
		changes.filter((c) => c.recordId === id);

	it("reaches the owner's other kindergartens marked with its kindergarten, never another owner's", async () => {
		const [id, rev] = await ownActivity(staff, { title: 'Delt skattejakt' });
		const { cursor: before } = await otherStaff.pullAll(0);
		expect(find((await otherStaff.pullAll(0)).changes, id)).toEqual([]);

		await setShared(id, rev, true);

		const [change] = find((await otherStaff.pullAll(before)).changes, id);
		expect(change).toMatchObject({ type: 'activity', deletedAt: null });
		expect(change!.data).toMatchObject({
			title: 'Delt skattejakt',
			shared: true,
			sharedFrom: 'Barnehage sh0',
			kindergartenId: owner.kindergartens[0]!.id
		});
		// A fresh tablet of that kindergarten gets it too.
		expect(find((await otherStaff.pullAll(0)).changes, id)).toHaveLength(1);
		// At home it is the kindergarten's own: shared, with no "from".
		const [home] = find((await staff.pullAll(0)).changes, id);
		expect(home!.data).toMatchObject({ shared: true });
		expect(home!.data).not.toHaveProperty('sharedFrom');
		// Another owner's kindergarten never sees it.
		expect(find((await strangerStaff.pullAll(0)).changes, id)).toEqual([]);
	});

	it('is not sent to a tablet of an older schema, which would not read it', async () => {
		const [id, rev] = await ownActivity(staff);
		await setShared(id, rev, true);
		const response = await server.request(
			'GET',
			`/api/v1/sync/pull?cursor=0&protocol=${PROTOCOL_VERSION}&schema=5&clientId=${otherStaff.id}`,
			{ cookie: otherStaff.cookie }
		);
		expect(response.status).toBe(200);
		const page = (await response.json()) as PullResponse;
		expect(find(page.changes, id)).toEqual([]);
	});

	it('is shared and withdrawn by the manager only: staff are refused `manager_only`', async () => {
		const [id, rev] = await ownActivity(staff);
		const refused = await staff.push([staff.put(id, rev, { shared: true }, 'activity')]);
		expect(refused.results[0]).toMatchObject({
			status: 'rejected',
			reason: 'forbidden_field',
			fields: { shared: 'manager_only' }
		});
		expect(find((await otherStaff.pullAll(0)).changes, id)).toEqual([]);

		// Staff still edit their kindergarten's shared activity; the share stays the manager's.
		const sharedRev = await setShared(id, rev, true);
		const edited = await staff.push([
			staff.put(id, sharedRev, { title: 'Endret av personalet' }, 'activity')
		]);
		expect(edited.results[0]).toMatchObject({ status: 'applied' });
		const withdrawn = await staff.push([
			staff.put(id, edited.results[0]!.rev!, { shared: false }, 'activity')
		]);
		expect(withdrawn.results[0]).toMatchObject({ status: 'rejected', reason: 'forbidden_field' });
		const [change] = find((await otherStaff.pullAll(0)).changes, id);
		expect(change!.data).toMatchObject({ title: 'Endret av personalet', shared: true });
		expect(change!.deletedAt).toBeNull();
	});

	it('is never edited or deleted by another kindergarten: `out_of_scope`', async () => {
		const [id, rev] = await ownActivity(manager, { title: 'Bare vår' });
		const sharedRev = await setShared(id, rev, true);
		const otherManager = new TestClient(
			server,
			await signInNewUser(server, owner.id, 'manager', owner.kindergartens[1]!.id)
		);
		const results = await otherManager.push([
			otherManager.put(id, sharedRev, { title: 'Overskrevet' }, 'activity'),
			otherManager.put(id, sharedRev, { shared: false }, 'activity'),
			otherManager.mutation(id, 'delete', sharedRev, {}, 'activity')
		]);
		expect(results.results.map((r) => r.reason)).toEqual([
			'out_of_scope',
			'out_of_scope',
			'out_of_scope'
		]);
		const [change] = find((await otherStaff.pullAll(0)).changes, id);
		expect(change!.data).toMatchObject({ title: 'Bare vår', shared: true });
		expect(change!.deletedAt).toBeNull();
	});

	it('withdrawn, reaches the others as gone and leaves their plans made from it as they were', async () => {
		const [id, rev] = await ownActivity(manager, { title: 'Trekkes tilbake' });
		const sharedRev = await setShared(id, rev, true);
		const { cursor } = await otherStaff.pullAll(0);
		// The other kindergarten plans it: a plan holds what it needs of the activity.
		const planId = uuidv7();
		const planned = await otherStaff.push([
			otherStaff.put(
				planId,
				null,
				planFields(owner.kindergartens[1]!.groups[0]!, { title: 'Trekkes tilbake' })
			)
		]);
		expect(planned.results[0]).toMatchObject({ status: 'applied' });

		await setShared(id, sharedRev, false);

		const { changes } = await otherStaff.pullAll(cursor);
		const [gone] = find(changes, id);
		expect(gone!.deletedAt).not.toBeNull();
		expect(gone!.data).toMatchObject({ shared: false, deletedAt: gone!.deletedAt });
		// A fresh tablet there has it as gone too, and the plan as it was.
		const fresh = await otherStaff.pullAll(0);
		expect(find(fresh.changes, id)[0]!.deletedAt).not.toBeNull();
		const [plan] = find(fresh.changes, planId);
		expect(plan!.deletedAt).toBeNull();
		expect(plan!.data).toMatchObject({ title: 'Trekkes tilbake' });
		// At home the activity is live, not shared.
		const [home] = find((await manager.pullAll(0)).changes, id);
		expect(home!.deletedAt).toBeNull();
		expect(home!.data).toMatchObject({ shared: false });
	});
});
