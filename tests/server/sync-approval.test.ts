import { afterAll, beforeAll, expect, it } from 'vitest';
import { uuidv7 } from '$lib/domain/ids';
import {
	describeEachDatabase,
	seedOwner,
	signIn,
	startTestServer,
	type TestServer
} from './harness';
import { planFields, TestClient } from './sync-fixtures';

const approval = (by: string) => ({
	decision: 'approved',
	by,
	at: '2026-12-01T10:00:00.000Z',
	note: ''
});

describeEachDatabase('plan approval over sync', (dialect) => {
	let server: TestServer;
	let staff: TestClient;
	let manager: TestClient;
	let group: string;

	beforeAll(async () => {
		server = await startTestServer(dialect);
		const owner = await seedOwner(server, 'ap');
		group = owner.kindergartens[0]!.groups[0]!;
		staff = new TestClient(server, await signIn(server, owner.users.staff.email));
		manager = new TestClient(server, await signIn(server, owner.users.manager.email));
	});
	afterAll(async () => server.close());

	it("a manager's approval is applied and reaches staff; staff cannot approve", async () => {
		const plan = uuidv7();
		const created = await staff.push([staff.put(plan, null, planFields(group))]);
		expect(created.results[0]!.status).toBe('applied');
		const rev = created.results[0]!.rev!;

		const selfApproved = await staff.push([staff.put(plan, rev, { approval: approval('Ali') })]);
		expect(selfApproved.results[0]).toMatchObject({
			status: 'rejected',
			reason: 'forbidden_field'
		});

		const approved = await manager.push([manager.put(plan, rev, { approval: approval('Siri') })]);
		expect(approved.results[0]!.status).toBe('applied');

		const pulled = await staff.pull(0);
		const change = pulled.changes.find((c) => c.recordId === plan)!;
		expect(change.data['approval']).toMatchObject({ decision: 'approved', by: 'Siri' });
	});
});
