import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from '$lib/domain/ids';
import { LekeplanDatabase } from '$lib/client/db/database';
import { CompetenceAnswerRepository } from '$lib/client/db/competence-answer-repository';
import { META } from '$lib/client/db/outbox';
import { SyncEngine, type SyncTransport } from '$lib/client/sync/engine';
import { itemsFor } from '$lib/server/use-cases/competence';
import { developmentPlanContent } from '$lib/domain/competence/development-plan-fixture';
import type { PullResponse, PushResponse } from '$lib/sync';
import {
	describeEachDatabase,
	seedOwner,
	signIn,
	startTestServer,
	type SeededOwner,
	type TestServer
} from './harness';
import { pullPath, TestClient, transportResult } from './sync-fixtures';

/**
 * A person's competence answers through the outbox (issue 14, ADR 32): pushed like any change,
 * judged by the rules of the form (every item in force, an open period, the person's own), stored
 * for the person only, refused with a reason the tablet shows, and never pulled by anyone.
 */

const PERIOD = '2026-2'; // the harness's clock: 28 November 2026

describeEachDatabase('competence answers over sync', (dialect) => {
	let server: TestServer;
	let owner: SeededOwner;
	let staff: TestClient;
	let manager: TestClient;
	/** A staff member of the owner's second kindergarten. */
	let sibling: TestClient;

	const answers = (audience: 'staff' | 'manager', level: number) =>
		Object.fromEntries(itemsFor(audience, PERIOD).map((i) => [i.id, level]));

	const fields = (audience: 'staff' | 'manager' = 'staff', level = 3, period = PERIOD) => ({
		period,
		bankVersion: 1,
		answers: answers(audience, level)
	});

	async function mine(client: TestClient) {
		const response = await server.request('GET', '/api/v1/competence/mine', {
			cookie: client.cookie
		});
		return ((await response.json()) as { submissions: Array<Record<string, unknown>> }).submissions;
	}

	const stored = (userId: string) =>
		server.deps.db
			.selectFrom('competenceSubmissions')
			.select(['userId', 'kindergartenId', 'period', 'audience'])
			.where('userId', '=', userId)
			.execute();

	beforeAll(async () => {
		server = await startTestServer(dialect);
		owner = await seedOwner(server, 'ca');
		staff = new TestClient(server, await signIn(server, owner.users.staff.email));
		manager = new TestClient(server, await signIn(server, owner.users.manager.email));
		const email = `${uuidv7()}@test.lekeplan.no`;
		const now = server.clock.now().toISOString();
		const { passwordHash } = await server.deps.db
			.selectFrom('users')
			.select('passwordHash')
			.where('id', '=', owner.users.staff.id)
			.executeTakeFirstOrThrow();
		await server.deps.db
			.insertInto('users')
			.values({
				id: uuidv7(),
				ownerId: owner.id,
				email,
				displayName: 'Søster',
				role: 'staff',
				kindergartenId: owner.kindergartens[1]!.id,
				groupId: null,
				passwordHash,
				disabledAt: null,
				createdAt: now,
				updatedAt: now
			})
			.execute();
		sibling = new TestClient(server, await signIn(server, email));
	});
	afterAll(async () => server.close());

	it("takes a person's answers for the person, with no revision, and nobody pulls them", async () => {
		const before = await server.deps.db
			.selectFrom('syncSequence')
			.select('value')
			.executeTakeFirstOrThrow();
		const id = uuidv7();
		const pushed = await staff.push([staff.put(id, null, fields('staff', 4), 'competenceAnswers')]);
		expect(pushed.results).toEqual([{ id: pushed.results[0]!.id, status: 'applied' }]);

		expect(await stored(owner.users.staff.id)).toEqual([
			{
				userId: owner.users.staff.id,
				kindergartenId: owner.kindergartens[0]!.id,
				period: PERIOD,
				audience: 'staff'
			}
		]);
		expect(await mine(staff)).toMatchObject([{ period: PERIOD, answers: answers('staff', 4) }]);
		// The manager of the same kindergarten reads none of it through their own answers.
		expect(await mine(manager)).toEqual([]);

		// Not a synced record: the sequence did not move, and no pull carries it, to anyone.
		const after = await server.deps.db
			.selectFrom('syncSequence')
			.select('value')
			.executeTakeFirstOrThrow();
		expect(after.value).toBe(before.value);
		const row = await server.deps.db
			.selectFrom('syncRecords')
			.select('recordId')
			.where('recordId', '=', id)
			.executeTakeFirst();
		expect(row).toBeUndefined();
		for (const client of [staff, manager, sibling]) {
			const { changes } = await client.pullAll(0);
			expect(changes.some((c) => c.recordId === id)).toBe(false);
			expect(changes.some((c) => (c.type as string) === 'competenceAnswers')).toBe(false);
			expect(JSON.stringify(changes)).not.toContain('"answers"');
		}
	});

	it("takes a manager's answers with the manager items too, and replaces a period's answers", async () => {
		const first = await manager.push([
			manager.put(uuidv7(), null, fields('manager', 2), 'competenceAnswers')
		]);
		expect(first.results[0]).toMatchObject({ status: 'applied' });
		const second = await manager.push([
			manager.put(uuidv7(), null, fields('manager', 5), 'competenceAnswers')
		]);
		expect(second.results[0]).toMatchObject({ status: 'applied' });
		expect(await mine(manager)).toMatchObject([
			{ period: PERIOD, audience: 'manager', answers: answers('manager', 5) }
		]);
	});

	it('refuses answers that break the rules with a reason per field, storing nothing', async () => {
		const items = itemsFor('staff', PERIOD).map((i) => i.id);
		const missing = fields('staff', 3);
		delete missing.answers[items[0]!];
		const unknown = fields('staff', 3);
		unknown.answers['no-such-item'] = 3;
		const pushed = await sibling.push([
			sibling.put(uuidv7(), null, missing, 'competenceAnswers'),
			sibling.put(uuidv7(), null, unknown, 'competenceAnswers'),
			sibling.put(uuidv7(), null, fields('staff', 3, '2025-1'), 'competenceAnswers'),
			sibling.put(uuidv7(), null, fields('staff', 3, '2027-1'), 'competenceAnswers'),
			sibling.put(uuidv7(), null, { ...fields('staff', 7) }, 'competenceAnswers'),
			sibling.put(uuidv7(), null, { ...fields(), title: 'Mine svar' }, 'competenceAnswers'),
			sibling.put(uuidv7(), null, { ...fields(), kindergartenId: uuidv7() }, 'competenceAnswers'),
			sibling.mutation(uuidv7(), 'delete', null, {}, 'competenceAnswers')
		]);
		expect(pushed.results.map((r) => [r.status, r.reason, r.fields])).toEqual([
			['rejected', 'invalid_record', { [`answers.${items[0]}`]: 'required' }],
			['rejected', 'invalid_record', { 'answers.no-such-item': 'unknown_item' }],
			['rejected', 'period_closed', { period: 'past' }],
			['rejected', 'period_closed', { period: 'future' }],
			[
				'rejected',
				'invalid_record',
				Object.fromEntries(items.map((id) => [`answers.${id}`, 'too_big']))
			],
			['rejected', 'invalid_record', { title: 'unknown_field' }],
			['rejected', 'server_field', { kindergartenId: 'server_field' }],
			['rejected', 'invalid_record', { op: 'not_allowed' }]
		]);
		const kept = await server.deps.db
			.selectFrom('syncRejections')
			.select('reason')
			.where('clientId', '=', sibling.id)
			.orderBy('mutationId')
			.execute();
		expect(kept.map((r) => r.reason)).toEqual([
			'invalid_record',
			'invalid_record',
			'period_closed',
			'period_closed',
			'invalid_record',
			'invalid_record',
			'server_field',
			'invalid_record'
		]);
		expect(await mine(sibling)).toEqual([]);
	});

	describe('on the tablet', () => {
		let online = true;

		function transport(cookie: string): SyncTransport {
			const offline = { ok: false as const, status: 0, reason: 'offline' };
			return {
				push: async (request) =>
					online
						? transportResult<PushResponse>(
								await server.request('POST', '/api/v1/sync/push', { body: request, cookie })
							)
						: offline,
				pull: async (query) =>
					online
						? transportResult<PullResponse>(
								await server.request('GET', pullPath(query), { cookie })
							)
						: offline
			};
		}

		async function tablet(email: string) {
			const db = new LekeplanDatabase(`answers-${dialect}-${uuidv7()}`);
			const engine = new SyncEngine(db, transport(await signIn(server, email)), () =>
				server.clock.now()
			);
			await engine.enable();
			return { db, engine, answers: new CompetenceAnswerRepository(db, () => server.clock.now()) };
		}

		it('keeps answers submitted offline, with the draft gone, and sends them when online', async () => {
			const device = await tablet(owner.users.staff.email);
			expect(await device.engine.sync()).toMatchObject({ ok: true });
			const draftKey = `competence:${owner.users.staff.id}:${PERIOD}`;
			await device.db.drafts.put({ key: draftKey, form: { x: 1 }, savedAt: '2026-11-28' });

			online = false;
			const submitted = await device.answers.submit(fields('staff', 2), draftKey);
			expect(submitted.ok).toBe(true);
			expect(await device.db.drafts.get(draftKey)).toBeUndefined();
			expect(await device.engine.sync()).toMatchObject({ ok: false, reason: 'offline' });
			expect(await device.answers.forPeriod(PERIOD)).toMatchObject({
				waiting: true,
				set: { period: PERIOD, answers: answers('staff', 2) }
			});

			online = true;
			expect(await device.engine.sync()).toMatchObject({ ok: true });
			expect(await device.engine.pendingCount()).toBe(0);
			// Sent: the tablet keeps nothing of it, and the server has it as the person's.
			expect(await device.answers.forPeriod(PERIOD)).toBeNull();
			expect(await device.db.competenceAnswers.count()).toBe(0);
			expect(await mine(staff)).toMatchObject([{ period: PERIOD, answers: answers('staff', 2) }]);
			device.db.close();
		});

		it('shows a refusal in words, keeps the set to answer again, and pulls nothing again', async () => {
			// Something to pull, so that the tablet's cursor is past 0.
			const plan = developmentPlanContent() as unknown as Record<string, unknown>;
			await manager.push([manager.put(uuidv7(), null, plan, 'developmentPlan')]);
			const device = await tablet(owner.users.staff.email);
			expect(await device.engine.sync()).toMatchObject({ ok: true });
			const cursor = await device.engine.cursor();
			expect(cursor).toBeGreaterThan(0);

			const submitted = await device.answers.submit(fields('staff', 3, '2025-2'), 'draft');
			expect(submitted.ok).toBe(true);
			// The refusal brings nothing down again (a refused plan is pulled back; answers never are).
			expect(await device.engine.sync()).toMatchObject({ ok: true, pushed: 1, pulled: 0 });
			const refusals = await device.db.rejections.toArray();
			expect(refusals.map((r) => [r.reason, r.type, r.problems])).toEqual([
				['period_closed', 'competenceAnswers', { period: 'past' }]
			]);
			// Refused: still on the tablet, no longer waiting; nothing made the tablet pull from 0.
			expect(await device.answers.forPeriod('2025-2')).toMatchObject({ waiting: false });
			expect((await device.db.syncMeta.get(META.cursor))?.value).toBe(cursor);

			// Taken back into the form's draft, in one go.
			const set = (await device.answers.forPeriod('2025-2'))!.set;
			expect(await device.answers.reopen(set.id, 'draft', set.answers)).toBe(true);
			expect(await device.answers.forPeriod('2025-2')).toBeNull();
			expect((await device.db.drafts.get('draft'))?.form).toEqual(set.answers);
			device.db.close();
		});

		it('sends nothing for a database that does not sync (nobody signed in)', async () => {
			const db = new LekeplanDatabase(`answers-local-${dialect}-${uuidv7()}`);
			const repository = new CompetenceAnswerRepository(db);
			expect(await repository.submit(fields(), 'draft')).toEqual({
				ok: false,
				reason: 'signed_out'
			});
			expect(await db.outbox.count()).toBe(0);
			expect(await db.competenceAnswers.count()).toBe(0);
			db.close();
		});
	});
});
