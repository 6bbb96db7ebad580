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

const approval = (by: string, at = '2026-12-01T10:00:00.000Z') => ({
	decision: 'approved',
	by,
	at,
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
		// Who approved is the server's to say (the session's name), not the tablet's ('Siri').
		expect(change.data['approval']).toMatchObject({ decision: 'approved', by: 'manager ap' });
	});
});

describeEachDatabase(
	'plan approval: judged by what it changes, written by the server',
	(dialect) => {
		let server: TestServer;
		let staff: TestClient;
		let manager: TestClient;
		let colleague: TestClient;
		let group: string;
		let managerName: string;

		beforeAll(async () => {
			server = await startTestServer(dialect);
			const owner = await seedOwner(server, 'aj');
			group = owner.kindergartens[0]!.groups[0]!;
			staff = new TestClient(server, await signIn(server, owner.users.staff.email));
			manager = new TestClient(server, await signIn(server, owner.users.manager.email));
			colleague = new TestClient(server, await signIn(server, owner.users.manager.email));
			managerName = 'manager aj';
		});
		afterAll(async () => server.close());

		const dataOf = async (plan: string) => {
			const { changes } = await colleague.pullAll(0);
			return changes.find((c) => c.recordId === plan)!.data;
		};

		it("takes a staff member's new plan, copy and unchanged approval: none of them is a decision", async () => {
			// A new plan and a copy ("Lag kopi") carry `approval: null` (issue 12, point 1).
			const plan = uuidv7();
			const copy = uuidv7();
			const made = await staff.push([
				staff.put(plan, null, { ...planFields(group), approval: null }),
				staff.put(copy, null, {
					...planFields(group, { title: 'Kopi av Bee-Bot' }),
					approval: null
				})
			]);
			expect(made.results.map((r) => r.status)).toEqual(['applied', 'applied']);
			expect((await dataOf(copy))['title']).toBe('Kopi av Bee-Bot');

			// The manager approves; the staff member's edit sends the approval as the tablet has it.
			const approved = await manager.push([
				manager.put(plan, made.results[0]!.rev!, { approval: approval('Siri') })
			]);
			expect(approved.results[0]!.status).toBe('applied');
			const held = (await dataOf(plan))['approval'];
			const edit = await staff.push([
				staff.put(plan, approved.results[0]!.rev!, { goals: 'Telle til ti', approval: held })
			]);
			expect(edit.results[0]!.status).toBe('applied');
			expect((await dataOf(plan))['approval']).toEqual(held);
		});

		it('refuses a decision by anyone but a manager: a new approval, a changed one, a removed one', async () => {
			const plan = uuidv7();
			const made = await staff.push([staff.put(plan, null, planFields(group))]);
			const selfApproved = await staff.push([
				staff.put(uuidv7(), null, { ...planFields(group), approval: approval('Ali') })
			]);
			expect(selfApproved.results[0]).toMatchObject({
				status: 'rejected',
				reason: 'forbidden_field'
			});
			const approved = await manager.push([
				manager.put(plan, made.results[0]!.rev!, { approval: approval('Siri') })
			]);
			const rev = approved.results[0]!.rev!;
			const held = (await dataOf(plan))['approval'] as Record<string, unknown>;
			for (const attempt of [
				null,
				{ ...held, decision: 'changesRequested' },
				{ ...held, note: 'Godkjent av meg selv' },
				{ ...held, by: 'Ali' }
			]) {
				const { results } = await staff.push([staff.put(plan, rev, { approval: attempt })]);
				expect(results[0], JSON.stringify(attempt)).toMatchObject({
					status: 'rejected',
					reason: 'forbidden_field',
					fields: { approval: 'manager_only' }
				});
			}
			expect((await dataOf(plan))['approval']).toEqual(held);
		});

		it('writes who decided and when from the session and its own clock, not from the tablet', async () => {
			const plan = uuidv7();
			const made = await staff.push([staff.put(plan, null, planFields(group))]);
			server.clock.advance(3_600_000);
			const now = server.clock.now().toISOString();
			const { results } = await manager.push([
				manager.put(plan, made.results[0]!.rev!, {
					approval: {
						decision: 'approved',
						by: 'Noen andre',
						at: '2020-01-01T00:00:00.000Z',
						note: 'Fint'
					}
				})
			]);
			expect(results[0]!.status).toBe('applied');
			expect((await dataOf(plan))['approval']).toEqual({
				decision: 'approved',
				by: managerName,
				at: now,
				note: 'Fint'
			});
		});

		it('marks an approved plan whose content staff change afterwards, until the next decision', async () => {
			const plan = uuidv7();
			const made = await staff.push([staff.put(plan, null, planFields(group))]);
			const approved = await manager.push([
				manager.put(plan, made.results[0]!.rev!, { approval: approval('Siri') })
			]);
			expect(await dataOf(plan)).not.toHaveProperty('changedSinceApproval');

			// Evaluating the plan afterwards is not a change of what was approved.
			const evaluated = await staff.push([
				staff.put(plan, approved.results[0]!.rev!, {
					status: 'evaluated',
					evaluation: { whatWorked: 'Turtaking', participation: '', followUp: '' }
				})
			]);
			expect(evaluated.results[0]!.status).toBe('applied');
			expect(await dataOf(plan)).not.toHaveProperty('changedSinceApproval');

			server.clock.advance(60_000);
			const changedAt = server.clock.now().toISOString();
			const changed = await staff.push([
				staff.put(plan, evaluated.results[0]!.rev!, { title: 'Bee-Bot i skogen' })
			]);
			expect(changed.results[0]!.status).toBe('applied');
			expect(await dataOf(plan)).toMatchObject({
				title: 'Bee-Bot i skogen',
				approval: { decision: 'approved' },
				changedSinceApproval: changedAt
			});

			// A later change keeps the first time; a tablet cannot set or clear the mark.
			server.clock.advance(60_000);
			const again = await staff.push([
				staff.put(plan, changed.results[0]!.rev!, { goals: 'Telle skritt' })
			]);
			expect((await dataOf(plan))['changedSinceApproval']).toBe(changedAt);
			for (const client of [staff, manager]) {
				const { results } = await client.push([
					client.put(plan, again.results[0]!.rev!, { changedSinceApproval: null })
				]);
				expect(results[0]).toMatchObject({ status: 'rejected', reason: 'server_field' });
			}

			// The manager's next decision clears it.
			const reapproved = await manager.push([
				manager.put(plan, again.results[0]!.rev!, {
					approval: approval('Siri', '2026-12-02T10:00:00.000Z')
				})
			]);
			expect(reapproved.results[0]!.status).toBe('applied');
			expect(await dataOf(plan)).not.toHaveProperty('changedSinceApproval');
		});

		it('marks a plan sent back for changes when staff change it: it is back for a decision', async () => {
			const plan = uuidv7();
			const made = await staff.push([staff.put(plan, null, planFields(group))]);
			const sentBack = await manager.push([
				manager.put(plan, made.results[0]!.rev!, {
					approval: { ...approval('Siri'), decision: 'changesRequested', note: 'Kortere økt' }
				})
			]);
			expect(await dataOf(plan)).not.toHaveProperty('changedSinceApproval');
			server.clock.advance(60_000);
			const changedAt = server.clock.now().toISOString();
			const changed = await staff.push([
				staff.put(plan, sentBack.results[0]!.rev!, { endTime: '10:00' })
			]);
			expect(changed.results[0]!.status).toBe('applied');
			expect(await dataOf(plan)).toMatchObject({
				approval: { decision: 'changesRequested', note: 'Kortere økt' },
				changedSinceApproval: changedAt
			});
		});
	}
);
