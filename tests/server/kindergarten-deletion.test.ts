import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from '$lib/domain/ids';
import { KINDERGARTEN_HEADER, PROTOCOL_VERSION, SCHEMA_VERSION } from '$lib/sync/protocol';
import type { DeletionPreview } from '$lib/server/use-cases/kindergarten-deletion';
import { hashToken } from '$lib/server/auth/tokens';
import {
	describeEachDatabase,
	seedOwner,
	signIn,
	signInNewUser,
	startTestServer,
	type SeededOwner,
	type TestServer
} from './harness';
import { DATA_TABLES, expectUnchanged, snapshot } from './snapshot';
import { planFields, TestClient, activityFields } from './sync-fixtures';
import { insertEntry } from './register-fixtures';

/**
 * Deleting a kindergarten with all its data (issue 16): an owner admin sees what will go, types
 * its name, and every row of it goes in one transaction; its people's accounts are erased as a
 * deletion request erases them; the owner's other kindergartens are untouched; a tablet that
 * still holds it hears at its next sync that it is gone (410, ADR 44).
 */

type ErrorBody = { error: { reason: string; kindergarten?: { name: string } } };

describeEachDatabase('deleting a kindergarten with its data', (dialect) => {
	let server: TestServer;
	let a: SeededOwner;
	let b: SeededOwner;
	let admin = '';
	let staffCookie = '';
	let kg = { id: '', groups: [] as string[] };
	let sibling = { id: '', groups: [] as string[] };
	/** A parent with a group in each kindergarten: keeps the account. */
	let twoPlaceParent = '';

	const preview = (cookie: string, id = kg.id) =>
		server.request('GET', `/api/v1/kindergartens/${id}/deletion-preview`, { cookie });
	const remove = (cookie: string, confirmName: string, id = kg.id) =>
		server.request('DELETE', `/api/v1/kindergartens/${id}`, { cookie, body: { confirmName } });

	/** A kindergarten's data in every table that has some: the same for both kindergartens. */
	async function fill(k: { id: string; groups: string[] }, cookie: string, staffId: string) {
		const db = server.deps.db;
		const now = server.clock.now().toISOString();
		const group = k.groups[0]!;
		const tablet = new TestClient(server, cookie);
		const deleted = uuidv7();
		const pushed = await tablet.push([
			tablet.put(uuidv7(), null, planFields(group, { title: 'Bee-Bot-løypa' })),
			tablet.put(deleted, null, planFields(group, { title: 'Borte' })),
			tablet.put(uuidv7(), null, activityFields(), 'activity')
		]);
		const rev = pushed.results[1]!.rev!;
		await tablet.push([tablet.mutation(deleted, 'delete', rev)]);
		const base = { ownerId: a.id, kindergartenId: k.id };
		await db
			.insertInto('syncConflicts')
			.values({
				id: uuidv7(),
				recordId: deleted,
				type: 'plan',
				field: 'goals',
				kind: 'text',
				serverValue: '"a"',
				clientValue: '"b"',
				clientId: tablet.id,
				mutationId: null,
				userId: staffId,
				serverUserId: null,
				serverAt: null,
				...base,
				createdAt: now,
				resolvedAt: null,
				resolvedBy: null,
				resolution: null
			})
			.execute();
		const submission = uuidv7();
		await db
			.insertInto('competenceSubmissions')
			.values({
				id: submission,
				...base,
				userId: staffId,
				audience: 'staff',
				period: '2026-2',
				bankVersion: 1,
				submittedAt: now
			})
			.execute();
		await db
			.insertInto('competenceAnswers')
			.values({ submissionId: submission, itemId: 'judgement-1', level: 3 })
			.execute();
		await db
			.insertInto('parentSummaries')
			.values({
				id: uuidv7(),
				...base,
				groupId: group,
				periodKind: 'week',
				periodStart: '2026-11-30',
				content: '{}',
				staffText: '',
				staffTextLocale: 'nb',
				publishedBy: staffId,
				publishedAt: now,
				withdrawnAt: null
			})
			.execute();
		await db
			.insertInto('summaryPublishers')
			.values({ userId: staffId, kindergartenId: k.id, grantedBy: staffId, grantedAt: now })
			.execute();
		const codeId = uuidv7();
		await db
			.insertInto('parentCodes')
			.values({
				id: codeId,
				codeHash: hashToken(uuidv7()),
				...base,
				groupId: group,
				createdBy: staffId,
				createdAt: now,
				expiresAt: '2099-01-01T00:00:00.000Z',
				revokedAt: null
			})
			.execute();
		await db
			.insertInto('parentMemberships')
			.values({
				userId: twoPlaceParent,
				groupId: group,
				kindergartenId: k.id,
				codeId,
				joinedAt: now,
				removedAt: null
			})
			.execute();
		await db
			.insertInto('parentQuestions')
			.values({
				id: uuidv7(),
				...base,
				groupId: group,
				askedBy: twoPlaceParent,
				body: 'Hvor lenge?',
				askedAt: now,
				answer: null,
				answeredBy: null,
				answeredAt: null
			})
			.execute();
		const entry = await insertEntry(server, a.id, `Bee-Bot ${k === kg ? 1 : 2}`, 'codingToy');
		const manager = await signIn(server, a.users.manager.email);
		if (k.id === kg.id) {
			const saved = await server.request(
				'PUT',
				`/api/v1/kindergartens/${k.id}/equipment/${entry}`,
				{
					cookie: manager,
					body: { works: 3, needsRepair: 1, missing: 0, note: '', baseUpdatedAt: null }
				}
			);
			expect(saved.status).toBe(200);
		}
		await db
			.insertInto('toolProposals')
			.values({
				id: uuidv7(),
				...base,
				proposedBy: staffId,
				name: 'Scratch Jr',
				kind: 'app',
				purpose: 'Koding',
				note: '',
				proposedAt: now,
				status: 'open',
				decidedAt: null,
				decidedBy: null,
				reason: null,
				entryId: null
			})
			.execute();
		await db
			.insertInto('competencePlanEntries')
			.values({
				id: uuidv7(),
				...base,
				kind: 'course',
				area: null,
				title: 'Kurs',
				partner: null,
				places: null,
				startsOn: null,
				endsOn: null,
				status: 'planned',
				note: null,
				createdBy: a.users.ownerAdmin.id,
				createdAt: now,
				updatedAt: now
			})
			.execute();
		const invited = await server.request('POST', '/api/v1/invitations', {
			cookie: admin,
			body: { role: 'staff', kindergartenId: k.id, groupId: null, displayName: 'Ny Ansatt' }
		});
		expect(invited.status).toBe(201);
	}

	beforeAll(async () => {
		server = await startTestServer(dialect);
		a = await seedOwner(server, 'a');
		b = await seedOwner(server, 'b');
		kg = a.kindergartens[0]!;
		sibling = a.kindergartens[1]!;
		admin = await signIn(server, a.users.ownerAdmin.email);
		staffCookie = await signIn(server, a.users.staff.email);
		await signIn(server, a.users.parent.email);
		twoPlaceParent = a.users.parent.id;
		// The seeded parent's own group is in kg; a second parent whose only group is in kg.
		const onlyHere = uuidv7();
		await server.deps.db
			.insertInto('users')
			.values({
				id: onlyHere,
				ownerId: a.id,
				email: `parent.${onlyHere}@test.lekeplan.no`,
				displayName: 'Pål Forelder',
				role: 'parent',
				kindergartenId: kg.id,
				groupId: kg.groups[1]!,
				passwordHash: null,
				disabledAt: null,
				createdAt: server.clock.now().toISOString(),
				updatedAt: server.clock.now().toISOString()
			})
			.execute();
		await server.deps.db
			.insertInto('parentMemberships')
			.values({
				userId: onlyHere,
				groupId: kg.groups[1]!,
				kindergartenId: kg.id,
				codeId: null,
				joinedAt: server.clock.now().toISOString(),
				removedAt: null
			})
			.execute();
		await fill(kg, staffCookie, a.users.staff.id);
		const siblingStaff = await signInNewUser(server, a.id, 'staff', sibling.id);
		const { user } = (await (
			await server.request('GET', '/api/v1/me', { cookie: siblingStaff })
		).json()) as { user: { userId: string } };
		await fill(sibling, siblingStaff, user.userId);
	});
	afterAll(async () => server.close());

	describe('in order', () => {
		it('shows the owner admin what will go, each with its count', async () => {
			const response = await preview(admin);
			expect(response.status).toBe(200);
			const { preview: counts } = (await response.json()) as { preview: DeletionPreview };
			expect(counts).toEqual({
				kindergarten: { id: kg.id, name: 'Barnehage a0' },
				groups: 2,
				livePlans: 1,
				deletedPlans: 1,
				ownActivities: 1,
				otherRecords: 0,
				conflicts: 1,
				staff: 1,
				managers: 1,
				// The seeded parent has a group in the sibling too: only the other one goes.
				parents: 1,
				competenceAnswerSets: 1,
				summaries: 1,
				parentCodes: 1,
				questions: 1,
				equipment: 1,
				proposals: 1,
				invitations: 1,
				competencePlanEntries: 1
			});
		});

		it('refuses a name that is not the kindergarten’s, changing nothing', async () => {
			const before = await snapshot(server, { sessions: true });
			for (const name of ['Barnehage a1', 'barnehage a0', '']) {
				const response = await remove(admin, name);
				expect(response.status).toBe(400);
				expect(((await response.json()) as ErrorBody).error.reason).toBe('confirmation_mismatch');
			}
			await expectUnchanged(server, before);
		});

		it('refuses a confirmation that is not one, naming the field, changing nothing', async () => {
			const before = await snapshot(server, { sessions: true });
			const path = `/api/v1/kindergartens/${kg.id}`;
			for (const body of [{}, { confirmName: 5 }, { confirmName: 'Barnehage a0', extra: 1 }]) {
				const response = await server.request('DELETE', path, { cookie: admin, body });
				expect(response.status, JSON.stringify(body)).toBeGreaterThanOrEqual(400);
				expect(response.status, JSON.stringify(body)).toBeLessThan(500);
			}
			const malformed = await server.request('DELETE', path, {
				cookie: admin,
				raw: '{"confirmName": ',
				headers: { 'content-type': 'application/json' }
			});
			expect(malformed.status).toBe(400);
			const plain = await server.request('DELETE', path, {
				cookie: admin,
				raw: 'Barnehage a0',
				headers: { 'content-type': 'text/plain' }
			});
			expect(plain.status).toBe(415);
			await expectUnchanged(server, before);
		});

		it('refuses managers, staff and another owner’s admin', async () => {
			const before = await snapshot(server);
			const manager = await signIn(server, a.users.manager.email);
			const foreign = await signIn(server, b.users.ownerAdmin.email);
			expect((await preview(manager)).status).toBe(403);
			expect((await preview(foreign)).status).toBe(404);
			expect((await remove(manager, 'Barnehage a0')).status).toBe(403);
			expect((await remove(staffCookie, 'Barnehage a0')).status).toBe(403);
			expect((await remove(foreign, 'Barnehage a0')).status).toBe(404);
			expect((await remove(admin, 'Barnehage b0', b.kindergartens[0]!.id)).status).toBe(404);
			await expectUnchanged(server, before, { auditAllowed: ['access_refused', 'sign_in'] });
		});

		it('deletes every row of it in one go, and nothing of the sibling', async () => {
			const before = await snapshot(server);
			const people = [a.users.staff.id, a.users.manager.id];
			const response = await remove(admin, ' Barnehage a0 ');
			expect(response.status).toBe(204);
			const after = await snapshot(server);
			const gone = [kg.id, ...kg.groups];
			for (const table of DATA_TABLES) {
				if (table === 'removedKindergartens') continue;
				const rows = after.tables[table]!;
				for (const id of gone) {
					expect(
						rows.filter((row) => row.includes(id)),
						`${table} still holds ${id}`
					).toEqual([]);
				}
				// Every row of the sibling is as it was (the parent who moved there is looked at below).
				const ofSibling = (rows: string[]) =>
					rows.filter((row) => row.includes(sibling.id) && !row.includes(`"${twoPlaceParent}"]`));
				expect(ofSibling(rows), `${table} of the sibling`).toEqual(
					ofSibling(before.tables[table]!)
				);
			}
			const db = server.deps.db;
			for (const id of people) {
				const user = await db
					.selectFrom('users')
					.selectAll()
					.where('id', '=', id)
					.executeTakeFirstOrThrow();
				expect(user).toMatchObject({ displayName: '—', email: null, passwordHash: null });
				expect(user.disabledAt).not.toBeNull();
				expect(
					await db.selectFrom('sessions').select('userId').where('userId', '=', id).execute()
				).toEqual([]);
				expect(
					await db.selectFrom('syncClients').select('userId').where('userId', '=', id).execute()
				).toEqual([]);
			}
			// The parent with a group in the sibling keeps the account, now of the sibling.
			const parent = await db
				.selectFrom('users')
				.selectAll()
				.where('id', '=', twoPlaceParent)
				.executeTakeFirstOrThrow();
			expect(parent).toMatchObject({
				kindergartenId: sibling.id,
				groupId: sibling.groups[0],
				disabledAt: null
			});
			expect(parent.displayName).not.toBe('—');
			expect(
				await db.selectFrom('removedKindergartens').selectAll().where('id', '=', kg.id).execute()
			).toEqual([
				{
					id: kg.id,
					ownerId: a.id,
					name: 'Barnehage a0',
					removedAt: server.clock.now().toISOString(),
					removedBy: a.users.ownerAdmin.id
				}
			]);
			const audit = await db
				.selectFrom('auditLog')
				.selectAll()
				.where('action', '=', 'kindergarten_deleted')
				.execute();
			expect(audit).toHaveLength(1);
			expect(audit[0]).toMatchObject({ targetId: kg.id, reason: 'with_data' });
			expect(JSON.parse(audit[0]!.changes!)).toMatchObject({
				name: ['Barnehage a0', null],
				livePlans: [1, 0],
				staff: [1, 0],
				parents: [1, 0]
			});
			// The log keeps the kindergarten's history.
			expect(
				(await db.selectFrom('auditLog').select('id').where('kindergartenId', '=', kg.id).execute())
					.length
			).toBeGreaterThan(0);
		});

		it('tells a tablet that still holds it that it is gone (410), and no one else', async () => {
			const client = new TestClient(server, staffCookie);
			const push = (headers: Record<string, string>) =>
				server.request('POST', '/api/v1/sync/push', {
					cookie: staffCookie,
					headers,
					body: client.body([])
				});
			const removed = await push({ [KINDERGARTEN_HEADER]: kg.id });
			expect(removed.status).toBe(410);
			const body = (await removed.json()) as ErrorBody;
			expect(body.error.reason).toBe('kindergarten_removed');
			expect(body.error.kindergarten?.name).toBe('Barnehage a0');
			const pull = await server.request(
				'GET',
				`/api/v1/sync/pull?cursor=0&protocol=${PROTOCOL_VERSION}&schema=${SCHEMA_VERSION}&clientId=${client.id}`,
				{ cookie: staffCookie, headers: { [KINDERGARTEN_HEADER]: kg.id } }
			);
			expect(pull.status).toBe(410);
			expect((await push({})).status).toBe(401);
			expect((await push({ [KINDERGARTEN_HEADER]: sibling.id })).status).toBe(401);
			expect((await push({ [KINDERGARTEN_HEADER]: 'nonsense' })).status).toBe(401);
		});

		it('answers 404 for it from then on', async () => {
			expect((await preview(admin)).status).toBe(404);
			expect((await remove(admin, 'Barnehage a0')).status).toBe(404);
		});
	});

	it('deletes an empty kindergarten as before, with or without the confirmation', async () => {
		const created = await server.request('POST', '/api/v1/kindergartens', {
			cookie: admin,
			body: { name: 'Tom' }
		});
		const { kindergarten } = (await created.json()) as { kindergarten: { id: string } };
		expect((await remove(admin, 'Tom', kindergarten.id)).status).toBe(204);
		const [row] = await server.deps.db
			.selectFrom('auditLog')
			.selectAll()
			.where('action', '=', 'kindergarten_deleted')
			.where('targetId', '=', kindergarten.id)
			.execute();
		expect(row).toMatchObject({ reason: null, changes: JSON.stringify({ name: ['Tom', null] }) });
	});
});
