import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from '$lib/domain/ids';
import type { DeletionRequestView, MyData } from '$lib/server/use-cases/my-data';
import {
	describeEachDatabase,
	PASSWORD,
	seedOwner,
	signIn,
	startTestServer,
	type SeededOwner,
	type TestServer
} from './harness';
import { expectUnchanged, snapshot } from './snapshot';
import { planFields, TestClient } from './sync-fixtures';

/**
 * Each person's data (issue 16): they see and download what is stored about them, nothing of
 * anyone else's; they ask for deletion and an owner admin carries it out: the person can no
 * longer sign in, their answers and sessions are gone, the kindergarten's plans stay. Every
 * export and deletion is in the audit log.
 */

type ErrorBody = { error: { reason: string } };

describeEachDatabase("a person's own data", (dialect) => {
	let server: TestServer;
	let a: SeededOwner;
	let b: SeededOwner;
	let person: { id: string; email: string; cookie: string };
	let admin = '';
	const plan = uuidv7();
	const othersPlan = uuidv7();

	const exportOf = async (cookie: string) => {
		const response = await server.request('GET', '/api/v1/me/data', { cookie });
		expect(response.status).toBe(200);
		return (await response.json()) as MyData;
	};

	beforeAll(async () => {
		server = await startTestServer(dialect);
		a = await seedOwner(server, 'a');
		b = await seedOwner(server, 'b');
		admin = await signIn(server, a.users.ownerAdmin.email);
		// A staff member of their own, who plans and answers the self-assessment.
		const id = uuidv7();
		const email = `person.${id}@test.lekeplan.no`;
		const now = server.clock.now().toISOString();
		const { passwordHash } = await server.deps.db
			.selectFrom('users')
			.select('passwordHash')
			.where('id', '=', a.users.staff.id)
			.executeTakeFirstOrThrow();
		const kindergartenId = a.kindergartens[0]!.id;
		await server.deps.db
			.insertInto('users')
			.values({
				id,
				ownerId: a.id,
				email,
				displayName: 'Pia Person',
				role: 'staff',
				kindergartenId,
				groupId: null,
				passwordHash,
				disabledAt: null,
				createdAt: now,
				updatedAt: now
			})
			.execute();
		person = { id, email, cookie: await signIn(server, email) };
		const group = a.kindergartens[0]!.groups[0]!;
		const mine = new TestClient(server, person.cookie);
		await mine.push([mine.put(plan, null, planFields(group, { title: 'Piass plan' }))]);
		const other = new TestClient(server, await signIn(server, a.users.staff.email));
		await other.push([other.put(othersPlan, null, planFields(group, { title: 'Andres plan' }))]);
		const submission = uuidv7();
		await server.deps.db
			.insertInto('competenceSubmissions')
			.values({
				id: submission,
				ownerId: a.id,
				kindergartenId,
				userId: id,
				audience: 'staff',
				period: '2026-2',
				bankVersion: 1,
				submittedAt: now
			})
			.execute();
		await server.deps.db
			.insertInto('competenceAnswers')
			.values({ submissionId: submission, itemId: 'judgement-1', level: 3 })
			.execute();
	});
	afterAll(async () => server.close());

	describe('in order, on one clock', () => {
		it('exports what is stored about the person, and nothing of anyone else', async () => {
			const data = await exportOf(person.cookie);
			expect(data.format).toBe('lekeplan-my-data');
			expect(data.account).toMatchObject({
				id: person.id,
				email: person.email,
				displayName: 'Pia Person',
				role: 'staff',
				signsInWithPassword: true
			});
			expect(data.account.kindergarten?.id).toBe(a.kindergartens[0]!.id);
			expect(data.sessions.length).toBeGreaterThanOrEqual(1);
			expect(JSON.stringify(data.sessions)).not.toMatch(/idHash|token/i);
			expect(data.records.map((r) => r.recordId)).toEqual([plan]);
			expect((data.records[0]!.data as { title: string }).title).toBe('Piass plan');
			expect(data.competence).toEqual([
				expect.objectContaining({
					period: '2026-2',
					answers: [{ itemId: 'judgement-1', level: 3 }]
				})
			]);
			expect(data.audit.some((row) => row.action === 'sign_in' && row.byMe)).toBe(true);
			const exported = await server.deps.db
				.selectFrom('auditLog')
				.select(['actorUserId', 'targetId', 'reason'])
				.where('action', '=', 'export')
				.execute();
			expect(exported).toEqual([
				{ actorUserId: person.id, targetId: person.id, reason: 'own_data' }
			]);
		});

		it('takes one open deletion request at a time; withdrawn, it can be asked again', async () => {
			const ask = () =>
				server.request('POST', '/api/v1/me/deletion-request', { cookie: person.cookie });
			expect((await ask()).status).toBe(201);
			const twice = await ask();
			expect(twice.status).toBe(409);
			expect(((await twice.json()) as ErrorBody).error.reason).toBe('already_requested');
			const withdrawn = await server.request('DELETE', '/api/v1/me/deletion-request', {
				cookie: person.cookie
			});
			expect(withdrawn.status).toBe(200);
			const none = await server.request('DELETE', '/api/v1/me/deletion-request', {
				cookie: person.cookie
			});
			expect(((await none.json()) as ErrorBody).error.reason).toBe('no_request');
			expect((await ask()).status).toBe(201);
		});

		it("shows the owner's admins the request, and no other owner's", async () => {
			const list = async (cookie: string) =>
				(
					(await (await server.request('GET', '/api/v1/deletion-requests', { cookie })).json()) as {
						requests: DeletionRequestView[];
					}
				).requests;
			const requests = await list(admin);
			expect(requests.map((r) => [r.displayName, r.status])).toEqual([
				['Pia Person', 'pending'],
				['Pia Person', 'withdrawn']
			]);
			expect(await list(await signIn(server, b.users.ownerAdmin.email))).toEqual([]);
		});

		it('refuses an admin their own request, and an unknown one, changing nothing', async () => {
			await server.request('POST', '/api/v1/me/deletion-request', { cookie: admin });
			const own = await server.deps.db
				.selectFrom('deletionRequests')
				.select('id')
				.where('userId', '=', a.users.ownerAdmin.id)
				.executeTakeFirstOrThrow();
			const before = await snapshot(server);
			const refused = await server.request(
				'POST',
				`/api/v1/deletion-requests/${own.id}/completion`,
				{ cookie: admin }
			);
			expect(refused.status).toBe(409);
			expect(((await refused.json()) as ErrorBody).error.reason).toBe('own_request');
			const unknown = await server.request(
				'POST',
				`/api/v1/deletion-requests/${uuidv7()}/completion`,
				{ cookie: admin }
			);
			expect(unknown.status).toBe(404);
			await expectUnchanged(server, before, { auditAllowed: ['access_refused'] });
		});

		it('carries out a request: no sign-in, no answers, no name; the plan stays', async () => {
			const { id } = await server.deps.db
				.selectFrom('deletionRequests')
				.select('id')
				.where('userId', '=', person.id)
				.where('withdrawnAt', 'is', null)
				.executeTakeFirstOrThrow();
			const done = await server.request('POST', `/api/v1/deletion-requests/${id}/completion`, {
				cookie: admin
			});
			expect(done.status).toBe(200);
			// The old session no longer works, and the password no longer signs in.
			const me = (await (
				await server.request('GET', '/api/v1/me', { cookie: person.cookie })
			).json()) as { user: unknown };
			expect(me.user).toBeNull();
			const again = await server.request('POST', '/api/v1/auth/sign-in', {
				body: { email: person.email, password: PASSWORD }
			});
			expect(again.status).toBe(401);
			const user = await server.deps.db
				.selectFrom('users')
				.select(['email', 'displayName', 'passwordHash', 'disabledAt'])
				.where('id', '=', person.id)
				.executeTakeFirstOrThrow();
			expect(user).toMatchObject({ email: null, displayName: '—', passwordHash: null });
			expect(user.disabledAt).not.toBeNull();
			const answers = await server.deps.db
				.selectFrom('competenceSubmissions')
				.select('id')
				.where('userId', '=', person.id)
				.execute();
			expect(answers).toEqual([]);
			const plans = await server.deps.db
				.selectFrom('syncRecords')
				.select('recordId')
				.where('recordId', 'in', [plan, othersPlan])
				.execute();
			expect(plans).toHaveLength(2);
			const deletion = await server.deps.db
				.selectFrom('auditLog')
				.select(['actorUserId', 'targetId', 'reason'])
				.where('action', '=', 'deletion')
				.execute();
			expect(deletion).toEqual([
				{ actorUserId: a.users.ownerAdmin.id, targetId: person.id, reason: 'request' }
			]);
			const twice = await server.request('POST', `/api/v1/deletion-requests/${id}/completion`, {
				cookie: admin
			});
			expect(((await twice.json()) as ErrorBody).error.reason).toBe('not_pending');
		});
	});
});
