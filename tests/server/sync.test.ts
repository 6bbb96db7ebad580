import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from '$lib/domain/ids';
import { hashPassword } from '$lib/server/auth/passwords';
import {
	MAX_BATCH,
	MAX_KNOWN_RANGES,
	PULL_PAGE,
	PULL_PAGE_CHARS,
	SUPPORTED_PROTOCOL,
	SUPPORTED_SCHEMA,
	expandPull,
	type Change,
	type ConflictView,
	type Mutation,
	type PullResponse
} from '$lib/sync';
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
import { activityFields, AT, planFields, TestClient } from './sync-fixtures';

/**
 * The server side of sync (docs/design/sync-protocol.md, ADR 9), on both databases: push in order
 * and exactly once, merge per field, pull by cursor within the caller's scope, and refuse
 * everything else without changing anything.
 */

interface ErrorBody {
	error: { status: number; reason: string; fields?: Record<string, string> } & Record<
		string,
		unknown
	>;
}

async function errorOf(response: Response): Promise<ErrorBody['error']> {
	const text = await response.text();
	expect(response.headers.get('content-type')).toMatch(/^application\/json/);
	return (JSON.parse(text) as ErrorBody).error;
}

async function expectError(response: Response, status: number, reason: string) {
	const error = await errorOf(response);
	expect(response.status, JSON.stringify(error)).toBe(status);
	expect(error.reason).toBe(reason);
	return error;
}

describeEachDatabase('sync', (dialect) => {
	let server: TestServer;
	let a: SeededOwner;
	let b: SeededOwner;
	let staff: string;
	let manager: string;
	/** A staff member of owner a's second kindergarten. */
	let siblingStaff: string;
	let foreignStaff: string;
	let group: string;

	const recordRow = (recordId: string) =>
		server.deps.db
			.selectFrom('syncRecords')
			.selectAll()
			.where('recordId', '=', recordId)
			.executeTakeFirst();
	const dataOf = async (recordId: string) =>
		JSON.parse((await recordRow(recordId))!.data) as Record<string, unknown>;

	beforeAll(async () => {
		server = await startTestServer(dialect);
		a = await seedOwner(server, 'a');
		b = await seedOwner(server, 'b');
		group = a.kindergartens[0]!.groups[0]!;
		staff = await signIn(server, a.users.staff.email);
		manager = await signIn(server, a.users.manager.email);
		foreignStaff = await signIn(server, b.users.staff.email);
		const now = server.clock.now().toISOString();
		await server.deps.db
			.insertInto('users')
			.values({
				id: uuidv7(),
				ownerId: a.id,
				email: 'staff.sibling@test.lekeplan.no',
				displayName: 'Søsken',
				role: 'staff',
				kindergartenId: a.kindergartens[1]!.id,
				groupId: null,
				passwordHash: await hashPassword(PASSWORD),
				disabledAt: null,
				createdAt: now,
				updatedAt: now
			})
			.execute();
		siblingStaff = await signIn(server, 'staff.sibling@test.lekeplan.no');
	});
	afterAll(async () => server.close());

	describe('applying mutations', () => {
		it('creates, edits, deletes and restores a plan', async () => {
			const client = new TestClient(server, staff);
			const id = uuidv7();
			const created = await client.push([client.put(id, null, planFields(group))]);
			expect(created.lastMutationId).toBe(1);
			// Stored as the tablet sent it: it holds the record at that revision (issue 18).
			expect(created.results).toEqual([
				{
					id: 1,
					status: 'applied',
					rev: expect.any(Number) as unknown,
					exact: true,
					at: expect.any(String) as unknown
				}
			]);
			const rev1 = created.results[0]!.rev!;

			const edited = await client.push([
				client.put(id, rev1, { title: 'Bee-Bot i ring', screenMinutes: 0 })
			]);
			expect(edited.results).toEqual([
				{ id: 2, status: 'applied', rev: rev1 + 1, exact: true, at: expect.any(String) as unknown }
			]);
			const row = (await recordRow(id))!;
			expect(row).toMatchObject({
				type: 'plan',
				ownerId: a.id,
				kindergartenId: a.kindergartens[0]!.id,
				groupId: group,
				rev: rev1 + 1,
				deletedAt: null,
				updatedBy: a.users.staff.id
			});
			expect(JSON.parse(row.fieldRevs)).toMatchObject({ title: rev1 + 1, goals: rev1 });
			expect((await dataOf(id))['title']).toBe('Bee-Bot i ring');

			const deleted = await client.push([client.mutation(id, 'delete', rev1 + 1)]);
			expect(deleted.results).toEqual([{ id: 3, status: 'applied', rev: rev1 + 2 }]);
			expect((await recordRow(id))!.deletedAt).toBe(server.clock.now().toISOString());
			expect((await dataOf(id))['title']).toBe('Bee-Bot i ring');

			// Deleting again changes nothing, and is what the client wanted.
			const again = await client.push([client.mutation(id, 'delete', rev1 + 2)]);
			expect(again.results).toEqual([{ id: 4, status: 'applied' }]);
			expect((await recordRow(id))!.rev).toBe(rev1 + 2);

			const restored = await client.push([client.mutation(id, 'restore', rev1 + 2)]);
			expect(restored.results).toEqual([{ id: 5, status: 'applied', rev: rev1 + 3 }]);
			expect((await recordRow(id))!.deletedAt).toBeNull();
		});

		it('creates an activity, and pulls it back whole, as its schema reads it', async () => {
			const client = new TestClient(server, staff);
			const id = uuidv7();
			const { results } = await client.push([
				client.put(id, null, activityFields({ title: '  Robotdans  ' }), 'activity')
			]);
			expect(results[0]).toMatchObject({ status: 'applied' });
			const { changes } = await client.pullAll(0);
			const change = changes.find((c) => c.recordId === id)!;
			expect(change).toMatchObject({
				type: 'activity',
				rev: results[0]!.rev,
				deletedAt: null,
				updatedBy: a.users.staff.id
			});
			expect(change.data).toMatchObject({
				...activityFields({ title: 'Robotdans' }),
				id,
				origin: 'own',
				kindergartenId: a.kindergartens[0]!.id,
				createdAt: server.clock.now().toISOString(),
				updatedAt: server.clock.now().toISOString(),
				deletedAt: null
			});
		});

		it('answers an empty batch with the last mutation id, changing nothing', async () => {
			const client = new TestClient(server, staff);
			await client.push([client.put(uuidv7(), null, planFields(group))]);
			const before = await snapshot(server);
			expect(await client.push([])).toEqual({ results: [], lastMutationId: 1 });
			await expectUnchanged(server, before);
		});

		it('rejects what breaks the record’s rules, and the queue moves on', async () => {
			const client = new TestClient(server, staff);
			const bad = uuidv7();
			const good = uuidv7();
			const answer = await client.push([
				client.put(bad, null, planFields(group, { title: '', screenMinutes: 600 })),
				client.put(good, null, planFields(group)),
				client.put(uuidv7(), null, planFields(group, { id: uuidv7() })),
				client.put(uuidv7(), null, planFields(group, { kindergartenId: b.kindergartens[0]!.id })),
				client.put(uuidv7(), null, { ...planFields(group), colour: 'blå' }),
				client.put(uuidv7(), null, { ...planFields(group), syncRev: 3 }),
				client.mutation(uuidv7(), 'delete', 3),
				client.mutation(uuidv7(), 'restore', 3),
				client.mutation(good, 'delete', 1, { title: 'x' }),
				client.put(good, 1, { goals: 'Bad\u0000text' }),
				client.put(good, 1, { title: 'Ole 15076500565' }),
				client.put(good, 1, {}, 'activity'),
				client.put(uuidv7(), null, { title: 'Bare en tittel' })
			]);
			expect(answer.lastMutationId).toBe(13);
			expect(answer.results).toEqual([
				{
					id: 1,
					status: 'rejected',
					reason: 'invalid_record',
					fields: { title: 'required' }
				},
				{
					id: 2,
					status: 'applied',
					rev: expect.any(Number) as unknown,
					exact: true,
					at: expect.any(String) as unknown
				},
				{ id: 3, status: 'rejected', reason: 'server_field', fields: { id: 'server_field' } },
				{
					id: 4,
					status: 'rejected',
					reason: 'server_field',
					fields: { kindergartenId: 'server_field' }
				},
				{
					id: 5,
					status: 'rejected',
					reason: 'invalid_record',
					fields: { colour: 'unknown_field' }
				},
				{
					id: 6,
					status: 'rejected',
					reason: 'invalid_record',
					fields: { syncRev: 'unknown_field' }
				},
				{ id: 7, status: 'rejected', reason: 'not_found' },
				{ id: 8, status: 'rejected', reason: 'not_found' },
				{ id: 9, status: 'rejected', reason: 'invalid_record', fields: { fields: 'not_allowed' } },
				{
					id: 10,
					status: 'rejected',
					reason: 'invalid_record',
					fields: { goals: 'invalid_character' }
				},
				{
					id: 11,
					status: 'rejected',
					reason: 'invalid_record',
					fields: { title: 'personal_number' }
				},
				{ id: 12, status: 'rejected', reason: 'invalid_record', fields: { type: 'wrong_type' } },
				{
					id: 13,
					status: 'rejected',
					reason: 'invalid_record',
					fields: expect.objectContaining({ groupId: expect.any(String) as unknown }) as unknown
				}
			]);
			expect(await recordRow(bad)).toBeUndefined();
			expect((await recordRow(good))!.deletedAt).toBeNull();
			const rejections = await server.deps.db
				.selectFrom('syncRejections')
				.select(['mutationId', 'reason'])
				.where('clientId', '=', client.id)
				.orderBy('mutationId')
				.execute();
			expect(rejections.map((r) => r.mutationId)).toEqual([1, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13]);
			expect(rejections[0]!.reason).toBe('invalid_record');
			// The next batch follows on.
			const next = await client.push([
				client.put(good, answer.results[1]!.rev!, { screenMinutes: 600 }),
				client.put(good, answer.results[1]!.rev!, { goals: 'Ok' })
			]);
			expect(next.results).toEqual([
				{
					id: 14,
					status: 'rejected',
					reason: 'invalid_record',
					fields: { screenMinutes: 'exceeds_duration' }
				},
				// As the server sees it, stored as sent: the tablet, which holds the refused edit of
				// 14 as well, does not take it as exact (the engine's unsure records).
				{
					id: 15,
					status: 'applied',
					rev: expect.any(Number) as unknown,
					exact: true,
					at: expect.any(String) as unknown
				}
			]);
			expect((await dataOf(good))['screenMinutes']).toBe(0);
		});

		it('rejects values nested too deep and keys that name no field, whatever JSON allows', async () => {
			const client = new TestClient(server, staff);
			const id = uuidv7();
			const { results } = await client.push([client.put(id, null, planFields(group))]);
			const rev = results[0]!.rev!;
			const row = await recordRow(id);
			// Built as text: JSON.stringify itself gives up on nesting this deep.
			const deep = `${'['.repeat(5000)}"bunn"${']'.repeat(5000)}`;
			const raw = JSON.stringify(client.body([client.put(id, rev, { tools: null })])).replace(
				'"tools":null',
				`"__proto__":{"title":"Kapret"},"constructor":{"x":1},"tools":${deep}`
			);
			const response = await server.request('POST', '/api/v1/sync/push', {
				cookie: staff,
				raw,
				headers: { 'content-type': 'application/json' }
			});
			expect(response.status).toBe(200);
			const answer = (await response.json()) as { results: Array<Record<string, unknown>> };
			expect(answer.results).toEqual([
				{
					id: 2,
					status: 'rejected',
					reason: 'invalid_record',
					fields: expect.objectContaining({ tools: 'too_deep' }) as unknown
				}
			]);
			expect(await recordRow(id)).toEqual(row);
		});

		it('normalizes text as the schema does, and sees no change in an edit to the same value', async () => {
			const client = new TestClient(server, staff);
			const id = uuidv7();
			const created = await client.push([
				client.put(id, null, planFields(group, { title: '  Mellomrom  ' }))
			]);
			expect((await dataOf(id))['title']).toBe('Mellomrom');
			const rev = created.results[0]!.rev!;
			const before = await snapshot(server);
			const same = await client.push([
				client.put(id, rev, {
					title: 'Mellomrom ',
					privacy: { notes: '', consent: false, storage: '', photographed: false }
				})
			]);
			expect(same.results).toEqual([{ id: 2, status: 'applied' }]);
			expect((await recordRow(id))!.rev).toBe(rev);
			const after = await snapshot(server);
			expect(after.tables.syncRecords).toEqual(before.tables.syncRecords);
			expect(after.tables.syncSequence).toEqual(before.tables.syncSequence);
		});

		it('applies a batch as its mutations one at a time: a record touched again sees the earlier change', async () => {
			// The server writes a batch's records at its end; the same mutations sent one per push
			// must leave the same records, revisions (relative), conflicts and answers.
			async function run(onePerPush: boolean) {
				const client = new TestClient(server, staff);
				const [fresh, existing, shortLived] = [uuidv7(), uuidv7(), uuidv7()];
				const before = await client.push([client.put(existing, null, planFields(group))]);
				const base = before.results[0]!.rev!;
				const mutations = [
					client.put(fresh, null, planFields(group, { title: 'Ny' })),
					client.put(fresh, null, {
						title: 'Ny, endret',
						screenMinutes: 5,
						screenMode: 'creative'
					}),
					client.mutation(fresh, 'delete', null),
					client.mutation(fresh, 'restore', null),
					client.put(existing, base, { goals: 'Første' }),
					client.put(existing, base, { goals: 'Andre', date: '2026-12-04' }),
					client.put(existing, base, { title: '' }),
					client.put(shortLived, null, planFields(group, { title: 'Kortlivet' })),
					client.mutation(shortLived, 'delete', null),
					client.put(shortLived, null, { title: 'Etter slettingen' }),
					client.put(existing, base, { description: 'Siste' })
				];
				const results = [];
				if (onePerPush) {
					for (const m of mutations) results.push(...(await client.push([m])).results);
				} else {
					results.push(...(await client.push(mutations)).results);
				}
				const relative = (rev: number) => rev - base;
				const records = [];
				for (const id of [fresh, existing, shortLived]) {
					const row = (await recordRow(id))!;
					records.push({
						data: JSON.parse(row.data) as unknown,
						rev: relative(row.rev),
						fieldRevs: Object.entries(JSON.parse(row.fieldRevs) as Record<string, number>).map(
							([field, rev]) => [field, relative(rev)]
						),
						fieldClients: Object.entries(
							JSON.parse(row.fieldClients) as Record<string, string>
						).map(([field, writer]) => [field, writer === client.id ? 'self' : writer]),
						deletedAt: row.deletedAt,
						createdAt: row.createdAt,
						updatedAt: row.updatedAt,
						updatedBy: row.updatedBy
					});
				}
				const conflicts = await server.deps.db
					.selectFrom('syncConflicts')
					.select(['kind', 'field', 'serverValue', 'clientValue'])
					.where('recordId', 'in', [fresh, existing, shortLived])
					.execute();
				const sequence = await server.deps.db
					.selectFrom('syncSequence')
					.select('value')
					.executeTakeFirstOrThrow();
				return {
					results: results.map(({ id, rev, ...rest }) => ({
						...rest,
						id: id - mutations[0]!.id,
						...(rev === undefined ? {} : { rev: relative(rev) })
					})),
					records,
					conflicts,
					sequence: relative(sequence.value)
				};
			}
			const batched = await run(false);
			expect(batched.results.map((r) => r.status)).toEqual([
				'applied',
				'applied',
				'applied',
				'applied',
				'applied',
				'applied',
				'rejected',
				'applied',
				'applied',
				'conflict',
				'applied'
			]);
			expect(batched.records[1]!.data).toMatchObject({ goals: 'Andre', description: 'Siste' });
			expect(batched.conflicts).toEqual([expect.objectContaining({ kind: 'deleted' })]);
			expect(await run(true)).toEqual(batched);
		});
	});

	describe('exactly once, in order', () => {
		it('skips a replayed batch: nothing is applied twice', async () => {
			const client = new TestClient(server, staff);
			const id = uuidv7();
			const batch = [
				client.put(id, null, planFields(group)),
				client.put(id, null, { screenMinutes: 0, title: 'Andre versjon' }),
				client.put(uuidv7(), null, planFields(group, { title: 'Tredje' }))
			];
			const first = await client.push(batch);
			expect(first.results.map((r) => r.status)).toEqual(['applied', 'applied', 'applied']);
			const before = await snapshot(server);
			const second = await client.push(batch);
			expect(second).toEqual({
				results: [
					{ id: 1, status: 'skipped' },
					{ id: 2, status: 'skipped' },
					{ id: 3, status: 'skipped' }
				],
				lastMutationId: 3
			});
			await expectUnchanged(server, before);
		});

		it('refuses batch 2 before batch 1 (409 mutation_gap, nothing changed), then takes 1 and 2', async () => {
			const client = new TestClient(server, staff);
			const id = uuidv7();
			const batch1 = [client.put(id, null, planFields(group))];
			const batch2 = [client.put(id, null, { title: 'Etterpå' })];
			const before = await snapshot(server);
			const early = await client.send(batch2);
			const error = await expectError(early, 409, 'mutation_gap');
			expect(error['expected']).toBe(1);
			expect(error['lastMutationId']).toBe(0);
			await expectUnchanged(server, before);

			expect((await client.push(batch1)).results[0]!.status).toBe('applied');
			const late = await client.push(batch2);
			expect(late).toEqual({
				results: [{ id: 2, status: 'applied', rev: expect.any(Number) as unknown }],
				lastMutationId: 2
			});
			expect((await dataOf(id))['title']).toBe('Etterpå');

			// Later: a batch that starts past the next id is a gap too.
			const skip = client.put(id, null, { title: 'For tidlig' });
			skip.id = 5;
			const gap = await expectError(await client.send([skip]), 409, 'mutation_gap');
			expect(gap['expected']).toBe(3);
		});

		it('refuses a gap or a repeat inside a batch, changing nothing', async () => {
			const client = new TestClient(server, staff);
			await client.push([client.put(uuidv7(), null, planFields(group))]);
			const make = (ids: number[]) =>
				ids.map((n) => ({ ...client.put(uuidv7(), null, planFields(group)), id: n }));
			for (const ids of [
				[2, 3, 5],
				[2, 2, 3],
				[3, 2],
				[1, 3],
				[2, 4]
			]) {
				const before = await snapshot(server);
				const error = await expectError(await client.send(make(ids)), 409, 'mutation_gap');
				expect(error['expected'], JSON.stringify(ids)).toBe(2);
				await expectUnchanged(server, before, { message: JSON.stringify(ids) });
			}
			// A batch that overlaps what was taken is fine: the old part is skipped.
			const overlap = await client.push(make([1, 2]));
			expect(overlap.results.map((r) => r.status)).toEqual(['skipped', 'applied']);
		});

		it('survives a response lost after the commit: the retry is skipped, the revision unchanged', async () => {
			const client = new TestClient(server, staff);
			const id = uuidv7();
			const batch = [client.put(id, null, planFields(group))];
			const lost = await client.send(batch);
			expect(lost.status).toBe(200);
			// (the tablet never sees this answer)
			const rev = (await recordRow(id))!.rev;
			const retry = await client.push(batch);
			expect(retry).toEqual({ results: [{ id: 1, status: 'skipped' }], lastMutationId: 1 });
			expect((await recordRow(id))!.rev).toBe(rev);
		});

		it('refuses a client id that belongs to another user (403), changing nothing', async () => {
			const mine = new TestClient(server, staff);
			await mine.push([mine.put(uuidv7(), null, planFields(group))]);
			const theirs = new TestClient(server, manager, mine.id);
			theirs.next = 2;
			const before = await snapshot(server);
			await expectError(
				await theirs.send([theirs.put(uuidv7(), null, planFields(group))]),
				403,
				'forbidden'
			);
			await expectError(await theirs.pullResponse(0), 403, 'forbidden');
			await expectUnchanged(server, before, { auditAllowed: ['access_refused'] });
		});
	});

	describe('merging per field', () => {
		/** A plan both clients have pulled at revision `rev`. */
		async function shared() {
			const one = new TestClient(server, staff);
			const two = new TestClient(server, manager);
			const id = uuidv7();
			const { results } = await one.push([one.put(id, null, planFields(group))]);
			return { one, two, id, rev: results[0]!.rev! };
		}

		it('keeps both edits when two clients change different fields from the same base', async () => {
			const { one, two, id, rev } = await shared();
			await one.push([one.put(id, rev, { title: 'Fra en' })]);
			const answer = await two.push([
				two.put(id, rev, { screenMinutes: 15, screenMode: 'creative' })
			]);
			expect(answer.results[0]!.status).toBe('applied');
			expect(await dataOf(id)).toMatchObject({
				title: 'Fra en',
				screenMinutes: 15,
				screenMode: 'creative'
			});
		});

		it('lets the later edit of the same scalar field win, and logs the overwrite', async () => {
			const { one, two, id, rev } = await shared();
			await one.push([one.put(id, rev, { date: '2026-12-02' })]);
			const answer = await two.push([two.put(id, rev, { date: '2026-12-03' })]);
			expect(answer.results[0]).toMatchObject({ status: 'applied' });
			expect((await dataOf(id))['date']).toBe('2026-12-03');
			const logged = await server.deps.db
				.selectFrom('auditLog')
				.selectAll()
				.where('action', '=', 'sync_overwrite')
				.where('targetId', '=', id)
				.execute();
			expect(logged).toEqual([
				expect.objectContaining({
					actorUserId: a.users.manager.id,
					targetType: 'plan',
					reason: 'date'
				})
			]);
		});

		it('keeps the server’s free text and a conflict holding both; each choice resolves it', async () => {
			for (const choice of ['theirs', 'mine', 'merged'] as const) {
				const { one, two, id, rev } = await shared();
				await one.push([one.put(id, rev, { goals: 'Telle til ti' })]);
				const answer = await two.push([
					two.put(id, rev, { goals: 'Telle til fem', screenMinutes: 5, screenMode: 'interactive' })
				]);
				expect(answer.results[0]).toEqual({
					id: 1,
					status: 'conflict',
					reason: 'text_conflict',
					rev: expect.any(Number) as unknown
				});
				// The other fields of the edit are applied; the text stays the server's.
				expect(await dataOf(id)).toMatchObject({ goals: 'Telle til ti', screenMinutes: 5 });

				const listed = await server.request('GET', '/api/v1/sync/conflicts', { cookie: staff });
				expect(listed.status).toBe(200);
				const { conflicts } = (await listed.json()) as { conflicts: ConflictView[] };
				const conflict = conflicts.find((c) => c.recordId === id)!;
				expect(conflict).toEqual({
					id: expect.any(String) as unknown,
					recordId: id,
					type: 'plan',
					field: 'goals',
					kind: 'text',
					serverValue: 'Telle til ti',
					clientValue: 'Telle til fem',
					createdAt: server.clock.now().toISOString(),
					// Whose each version is: the manager's edit met the staff member's text.
					clientUserId: a.users.manager.id,
					clientUserName: expect.stringMatching(/^manager /) as unknown,
					serverUserId: a.users.staff.id,
					serverUserName: expect.stringMatching(/^staff /) as unknown,
					serverAt: expect.any(String) as unknown
				});
				expect(conflict.serverAt! <= conflict.createdAt).toBe(true);

				const revBefore = (await recordRow(id))!.rev;
				const resolved = await server.request(
					'POST',
					`/api/v1/sync/conflicts/${conflict.id}/resolve`,
					{
						cookie: staff,
						body: choice === 'merged' ? { choice, value: 'Telle til ti, så til fem' } : { choice }
					}
				);
				expect(resolved.status, await resolved.clone().text()).toBe(200);
				const { resolved: result } = (await resolved.json()) as {
					resolved: { id: string; resolution: string; rev: number | null };
				};
				const expected = {
					theirs: 'Telle til ti',
					mine: 'Telle til fem',
					merged: 'Telle til ti, så til fem'
				}[choice];
				expect((await dataOf(id))['goals']).toBe(expected);
				if (choice === 'theirs') {
					expect(result.rev).toBeNull();
					expect((await recordRow(id))!.rev).toBe(revBefore);
				} else {
					expect(result.rev).toBeGreaterThan(revBefore);
					expect((await recordRow(id))!.rev).toBe(result.rev);
					// The resolution is a change like any other: a pull brings it to every tablet.
					const { changes } = await one.pullAll(0);
					expect(changes.find((c) => c.recordId === id)?.data['goals']).toBe(expected);
				}
				const after = (await (
					await server.request('GET', '/api/v1/sync/conflicts', { cookie: manager })
				).json()) as { conflicts: ConflictView[] };
				expect(after.conflicts.map((c) => c.id)).not.toContain(conflict.id);

				const twice = await server.request(
					'POST',
					`/api/v1/sync/conflicts/${conflict.id}/resolve`,
					{
						cookie: staff,
						body: { choice: 'theirs' }
					}
				);
				await expectError(twice, 409, 'already_resolved');
			}
		});

		it('lets a delete win over an edit; the edit is a "deleted" conflict that can restore it', async () => {
			for (const choice of ['restore', 'discard'] as const) {
				const { one, two, id, rev } = await shared();
				const deleted = await one.push([one.mutation(id, 'delete', rev)]);
				expect(deleted.results[0]!.status).toBe('applied');
				const edit = await two.push([two.put(id, rev, { title: 'Likevel', screenMinutes: 10 })]);
				expect(edit.results[0]).toEqual({ id: 1, status: 'conflict', reason: 'deleted' });
				const row = (await recordRow(id))!;
				expect(row.deletedAt).not.toBeNull();
				expect(JSON.parse(row.data)).toMatchObject({ title: planFields(group).title });

				const { conflicts } = (await (
					await server.request('GET', '/api/v1/sync/conflicts', { cookie: staff })
				).json()) as { conflicts: ConflictView[] };
				const conflict = conflicts.find((c) => c.recordId === id)!;
				expect(conflict).toMatchObject({
					kind: 'deleted',
					field: null,
					serverValue: null,
					clientValue: { title: 'Likevel', screenMinutes: 10 }
				});

				const wrong = await server.request(
					'POST',
					`/api/v1/sync/conflicts/${conflict.id}/resolve`,
					{
						cookie: staff,
						body: { choice: 'mine' }
					}
				);
				expect((await expectError(wrong, 422, 'invalid_value')).fields).toEqual({
					choice: 'invalid_choice'
				});

				const resolved = await server.request(
					'POST',
					`/api/v1/sync/conflicts/${conflict.id}/resolve`,
					{ cookie: staff, body: { choice } }
				);
				expect(resolved.status).toBe(200);
				const after = (await recordRow(id))!;
				if (choice === 'restore') {
					expect(after.deletedAt).toBeNull();
					expect(after.rev).toBeGreaterThan(row.rev);
					expect(JSON.parse(after.data)).toMatchObject({ title: 'Likevel', screenMinutes: 10 });
				} else {
					expect(after).toEqual(row);
				}
			}
		});

		it('does not set a client against itself: two edits on one base from one tablet', async () => {
			const { one, id, rev } = await shared();
			const answer = await one.push([
				one.put(id, rev, { goals: 'Første utkast', screenMinutes: 10, screenMode: 'creative' }),
				one.put(id, rev, { goals: 'Andre utkast', screenMinutes: 20 })
			]);
			expect(answer.results.map((r) => r.status)).toEqual(['applied', 'applied']);
			expect(await dataOf(id)).toMatchObject({ goals: 'Andre utkast', screenMinutes: 20 });
		});

		it('refuses resolution choices that do not fit, and a conflict out of scope as not found', async () => {
			const { one, two, id, rev } = await shared();
			await one.push([one.put(id, rev, { description: 'En' })]);
			await two.push([two.put(id, rev, { description: 'To' })]);
			const { conflicts } = (await (
				await server.request('GET', '/api/v1/sync/conflicts', { cookie: staff })
			).json()) as { conflicts: ConflictView[] };
			const conflict = conflicts.find((c) => c.recordId === id)!;
			const path = `/api/v1/sync/conflicts/${conflict.id}/resolve`;
			for (const [body, fields] of [
				[{ choice: 'merged' }, { value: 'required' }],
				[{ choice: 'mine', value: 'x' }, { value: 'not_allowed' }],
				[{ choice: 'restore' }, { choice: 'invalid_choice' }],
				[{ choice: 'merged', value: 'x'.repeat(5000) }, { description: 'too_long' }],
				[{ choice: 'merged', value: 42 }, { description: 'invalid_type' }]
			] as const) {
				const before = await snapshot(server);
				const error = await expectError(
					await server.request('POST', path, { cookie: staff, body }),
					422,
					'invalid_value'
				);
				expect(error.fields, JSON.stringify(body)).toEqual(fields);
				await expectUnchanged(server, before);
			}
			for (const cookie of [siblingStaff, foreignStaff]) {
				const before = await snapshot(server);
				await expectError(
					await server.request('POST', path, { cookie, body: { choice: 'theirs' } }),
					404,
					'not_found'
				);
				await expectUnchanged(server, before, { auditAllowed: ['access_refused'] });
			}
			const lists = await server.request('GET', '/api/v1/sync/conflicts', { cookie: siblingStaff });
			const listed = (await lists.json()) as { conflicts: ConflictView[] };
			expect(listed.conflicts.map((c) => c.id)).not.toContain(conflict.id);
		});
	});

	describe('pulling', () => {
		it('leaves out what a tablet holds exactly, and only that (issue 18)', async () => {
			const tablet = new TestClient(server, staff);
			const other = new TestClient(server, manager);
			const { cursor: start } = await tablet.pullAll(0);
			const [asSent, trimmed, changedAfter] = [uuidv7(), uuidv7(), uuidv7()];
			const { results } = await tablet.push([
				tablet.put(asSent, null, planFields(group, { title: 'Som sendt' })),
				tablet.put(trimmed, null, planFields(group, { title: '  Trimmet  ' })),
				tablet.put(changedAfter, null, planFields(group, { title: 'Endret etterpå' }))
			]);
			expect(results.map((r) => r.exact ?? false)).toEqual([true, false, true]);
			// Another tablet changes the third afterwards: a revision the first does not hold.
			await other.push([other.put(changedAfter, results[2]!.rev!, { goals: 'Nye mål' })]);
			// What the tablet names: the revisions the answer said it holds exactly.
			const known = results
				.filter((r) => r.exact)
				.map((r) => `${r.rev}-${r.rev}`)
				.join(',');
			const response = await tablet.pullResponse(start, `&known=${known}`);
			expect(response.status).toBe(200);
			const page = (await response.json()) as PullResponse;
			const pulled = page.changes.map((c) => c.recordId);
			expect(pulled).not.toContain(asSent);
			expect(pulled).toContain(trimmed);
			expect(pulled).toContain(changedAfter);
			expect(page.changes.find((c) => c.recordId === trimmed)!.data['title']).toBe('Trimmet');
			// Without `known`, everything, as before.
			const all = (await tablet.pull(start)).changes.map((c) => c.recordId);
			expect(all).toEqual(expect.arrayContaining([asSent, trimmed, changedAfter]));
			// A range past any revision there can be leaves out what it covers, and no more.
			const wide = await tablet.pullResponse(start, `&known=0-0,${2 ** 31 + 5}-${2 ** 40}`);
			expect(wide.status).toBe(200);
			expect(((await wide.json()) as PullResponse).changes.map((c) => c.recordId)).toEqual(
				expect.arrayContaining([asSent, trimmed, changedAfter])
			);
			// `known` is read strictly: ranges a-b with a ≤ b, at most MAX_KNOWN_RANGES.
			for (const bad of [
				'5',
				'9-3',
				'1-2,',
				'a-b',
				Array(MAX_KNOWN_RANGES + 1)
					.fill('1-1')
					.join(',')
			]) {
				const refused = await tablet.pullResponse(start, `&known=${encodeURIComponent(bad)}`);
				expect(refused.status, bad).toBe(400);
				expect(await refused.json()).toMatchObject({
					error: { reason: 'invalid_query', fields: { known: 'invalid_ranges' } }
				});
			}
		});

		it('pages 2 × PULL_PAGE + 200 records in revision order with strictly increasing cursors, missing none', async () => {
			const fresh = await startTestServer(dialect);
			try {
				const owner = await seedOwner(fresh, 'p');
				const cookie = await signIn(fresh, owner.users.staff.email);
				const writer = new TestClient(fresh, cookie);
				const other = new TestClient(fresh, await signIn(fresh, owner.users.manager.email));
				const groupId = owner.kindergartens[0]!.groups[1]!;
				const ids: string[] = [];
				const total = 2 * PULL_PAGE + 200;
				const sizes = Array.from({ length: Math.ceil(total / MAX_BATCH) }, (_, i) =>
					Math.min(MAX_BATCH, total - i * MAX_BATCH)
				);
				for (const size of sizes) {
					const batch = Array.from({ length: size }, (_, i) => {
						const id = uuidv7();
						ids.push(id);
						return writer.put(id, null, planFields(groupId, { title: `Plan ${ids.length + i}` }));
					});
					const { results } = await writer.push(batch);
					expect(results.every((r) => r.status === 'applied')).toBe(true);
				}
				expect(ids).toHaveLength(total);

				const reader = new TestClient(fresh, cookie);
				const cursors: number[] = [0];
				const seen: Change[] = [];
				for (;;) {
					const page = await reader.pull(cursors.at(-1)!);
					seen.push(...page.changes);
					expect(page.cursor).toBeGreaterThan(cursors.at(-1)!);
					cursors.push(page.cursor);
					if (!page.hasMore) break;
					expect(page.changes).toHaveLength(PULL_PAGE);
					expect(page.cursor).toBe(page.changes.at(-1)!.rev);
				}
				expect(cursors).toHaveLength(4);
				expect(seen.map((c) => c.recordId)).toEqual(ids);
				const revs = seen.map((c) => c.rev);
				expect(revs).toEqual([...revs].sort((x, y) => x - y));
				expect(new Set(revs).size).toBe(revs.length);

				// A record changed while paging moves to its new revision: it comes again, later.
				const last = cursors.at(-1)!;
				await other.push([other.put(ids[0]!, seen[0]!.rev, { title: 'Endret' })]);
				const later = await reader.pull(last);
				expect(later.changes.map((c) => [c.recordId, c.data['title']])).toEqual([
					[ids[0], 'Endret']
				]);
				expect(later.cursor).toBeGreaterThan(last);
				// And the last cursor is the current sequence: a pull from it is empty.
				expect(await reader.pull(later.cursor)).toEqual({
					changes: [],
					head: later.cursor,
					cursor: later.cursor,
					hasMore: false,
					kindergartenId: owner.kindergartens[0]!.id
				});
			} finally {
				await fresh.close();
			}
		});

		it('ends a page of long plans at PULL_PAGE_CHARS of text, and the next page goes on from there', async () => {
			const fresh = await startTestServer(dialect);
			try {
				const owner = await seedOwner(fresh, 'b');
				const cookie = await signIn(fresh, owner.users.staff.email);
				const writer = new TestClient(fresh, cookie);
				const groupId = owner.kindergartens[0]!.groups[0]!;
				// Each plan carries about 6,000 characters of text: `count` of them are past one page's
				// budget (and fewer than PULL_PAGE).
				const count = Math.ceil((PULL_PAGE_CHARS * 1.2) / 6000 / 50) * 50;
				expect(count).toBeLessThan(PULL_PAGE);
				const long = (n: number) =>
					planFields(groupId, {
						title: `Lang plan ${n}`,
						goals: 'Barna utforsker. '.repeat(117),
						description: 'Vi bygger, filmer og ser på resultatet sammen. '.repeat(85)
					});
				const ids: string[] = [];
				while (ids.length < count) {
					const batch = Array.from({ length: 50 }, () => {
						const id = uuidv7();
						ids.push(id);
						return writer.put(id, null, long(ids.length));
					});
					const { results } = await writer.push(batch);
					expect(results.every((r) => r.status === 'applied')).toBe(true);
				}
				const reader = new TestClient(fresh, cookie);
				const first = await reader.pull(0);
				expect(first.hasMore).toBe(true);
				expect(first.changes.length).toBeGreaterThan(1);
				expect(first.changes.length).toBeLessThan(count);
				const chars = first.changes.reduce((n, c) => n + JSON.stringify(c.data).length, 0);
				expect(chars).toBeGreaterThan(PULL_PAGE_CHARS * 0.9);
				expect(chars).toBeLessThan(PULL_PAGE_CHARS * 1.1);
				expect(first.cursor).toBe(first.changes.at(-1)!.rev);
				const rest = await reader.pullAll(first.cursor);
				expect([...first.changes, ...rest.changes].map((c) => c.recordId)).toEqual(ids);
			} finally {
				await fresh.close();
			}
		});

		it('answers a page with the JSON of the stored records, byte for byte as parsed and serialized', async () => {
			const fresh = await startTestServer(dialect);
			try {
				const owner = await seedOwner(fresh, 'j');
				const cookie = await signIn(fresh, owner.users.staff.email);
				const writer = new TestClient(fresh, cookie);
				const groupId = owner.kindergartens[0]!.groups[0]!;
				const [plan, activity, gone] = [uuidv7(), uuidv7(), uuidv7()];
				const tricky = 'Sitat "her", \\ skråstrek, linje\nskift, \u2028, </script>, emoji 🤖, æøå';
				const { results } = await writer.push([
					writer.put(plan, null, planFields(groupId, { title: 'Tøff plan', goals: tricky })),
					writer.put(activity, null, activityFields({ summary: tricky }), 'activity'),
					writer.put(gone, null, planFields(groupId)),
					writer.mutation(gone, 'delete', null)
				]);
				expect(results.map((r) => r.status)).toEqual(['applied', 'applied', 'applied', 'applied']);
				await writer.push([writer.put(plan, results[0]!.rev!, { description: 'Endret' })]);

				const text = await (await writer.pullResponse(0, '', 1)).text();
				const rows = await fresh.deps.db
					.selectFrom('syncRecords')
					.selectAll()
					.where('kindergartenId', '=', owner.kindergartens[0]!.id)
					.orderBy('rev')
					.execute();
				const { value: sequence } = await fresh.deps.db
					.selectFrom('syncSequence')
					.select('value')
					.executeTakeFirstOrThrow();
				// Each change as the stored row reads, parsed and serialized again.
				const changes = rows.map((row) => ({
					recordId: row.recordId,
					type: row.type,
					rev: row.rev,
					data: {
						...(row.type === 'activity' ? { origin: 'own' } : {}),
						...(JSON.parse(row.data) as Record<string, unknown>),
						id: row.recordId,
						kindergartenId: row.kindergartenId,
						createdAt: row.createdAt,
						updatedAt: row.updatedAt,
						deletedAt: row.deletedAt
					},
					fieldRevs: JSON.parse(row.fieldRevs) as unknown,
					deletedAt: row.deletedAt,
					updatedBy: row.updatedBy
				}));
				expect(changes.map((c) => c.recordId)).toEqual([activity, gone, plan]);
				expect(text).toBe(
					JSON.stringify({ changes, head: sequence, cursor: sequence, hasMore: false })
				);
				// Protocol 2 leaves out the per-field revisions and what the change says once:
				// made whole, it is the same change.
				const compact = await (await writer.pullResponse(0)).text();
				expect(compact.length).toBeLessThan(text.length * 0.75);
				expect(compact).not.toContain('"fieldRevs"');
				expect(expandPull(JSON.parse(compact) as PullResponse)).toEqual({
					changes: changes.map((c) => ({ ...c, fieldRevs: {} })),
					head: sequence,
					cursor: sequence,
					hasMore: false,
					kindergartenId: owner.kindergartens[0]!.id
				});
			} finally {
				await fresh.close();
			}
		});

		it('refuses a cursor from the future (400), changing nothing', async () => {
			const client = new TestClient(server, staff);
			const { cursor } = await client.pullAll(0);
			const before = await snapshot(server, { sessions: true });
			await expectError(await client.pullResponse(cursor + 1), 400, 'cursor_from_future');
			await expectError(await client.pullResponse(2 ** 31 + 5), 400, 'cursor_from_future');
			await expectError(
				await client.pullResponse(Number.MAX_SAFE_INTEGER),
				400,
				'cursor_from_future'
			);
			await expectUnchanged(server, before);
		});

		it('returns only the caller’s kindergarten, and asks for a reset when the caller moves', async () => {
			const fresh = await startTestServer(dialect);
			try {
				const owner = await seedOwner(fresh, 'm');
				const other = await seedOwner(fresh, 'n');
				const [kg0, kg1] = owner.kindergartens as [
					SeededOwner['kindergartens'][number],
					SeededOwner['kindergartens'][number]
				];
				const mover = await signIn(fresh, owner.users.staff.email);
				const stayer = await signIn(fresh, owner.users.manager.email);
				const admin = await signIn(fresh, owner.users.ownerAdmin.email);
				// Records in kg0 (by the manager), kg1 (written by the mover once moved), and owner n.
				const kg0Writer = new TestClient(fresh, stayer);
				const kg0Ids = [uuidv7(), uuidv7()];
				await kg0Writer.push(
					kg0Ids.map((id) => kg0Writer.put(id, null, planFields(kg0.groups[0]!)))
				);
				const foreign = new TestClient(fresh, await signIn(fresh, other.users.staff.email));
				const foreignId = uuidv7();
				await foreign.push([
					foreign.put(foreignId, null, planFields(other.kindergartens[0]!.groups[0]!))
				]);

				const tablet = new TestClient(fresh, mover);
				const first = await tablet.pullAll(0);
				expect(first.changes.map((c) => c.recordId).sort()).toEqual([...kg0Ids].sort());

				const moved = await fresh.request('PATCH', `/api/v1/users/${owner.users.staff.id}`, {
					cookie: admin,
					body: { kindergartenId: kg1.id }
				});
				expect(moved.status).toBe(200);
				// A kg1 record, written after the move by someone else in kg1 (the mover's new tablet).
				const kg1Writer = new TestClient(fresh, mover);
				const kg1Id = uuidv7();
				await kg1Writer.push([kg1Writer.put(kg1Id, null, planFields(kg1.groups[1]!))]);

				const before = await snapshot(fresh);
				await expectError(await tablet.pullResponse(first.cursor), 409, 'reset_required');
				// A lost answer: asking again with the old cursor is still a reset.
				await expectError(await tablet.pullResponse(first.cursor), 409, 'reset_required');
				await expectUnchanged(fresh, before);

				const reset = await tablet.pullAll(0);
				expect(reset.changes.map((c) => c.recordId)).toEqual([kg1Id]);
				for (const change of reset.changes) {
					expect(change.data['kindergartenId']).toBe(kg1.id);
				}
				// From then on the new cursor works, and still shows nothing of kg0 or owner n.
				await kg0Writer.push([kg0Writer.put(kg0Ids[0]!, null, { title: 'Bare for kg0' })]);
				const next = await tablet.pull(reset.cursor);
				expect(next.changes).toEqual([]);
				expect(next.cursor).toBeGreaterThan(reset.cursor);

				// The moved tablet cannot touch its old kindergarten's records either.
				const stale = await tablet.push([tablet.put(kg0Ids[1]!, 1, { title: 'Gammelt' })]);
				expect(stale.results[0]).toEqual({ id: 1, status: 'rejected', reason: 'out_of_scope' });

				// Nobody's pull from 0 shows another kindergarten's or owner's records.
				for (const [cookie, allowed] of [
					[stayer, kg0Ids],
					[mover, [kg1Id]]
				] as const) {
					const { changes } = await new TestClient(fresh, cookie).pullAll(0);
					expect(changes.map((c) => c.recordId).sort()).toEqual([...allowed].sort());
				}
				const { changes: foreignChanges } = await foreign.pullAll(0);
				expect(foreignChanges.map((c) => c.recordId)).toEqual([foreignId]);
			} finally {
				await fresh.close();
			}
		});

		it('misses nothing while pushes commit concurrently with pulls', async () => {
			const fresh = await startTestServer(dialect);
			try {
				const owner = await seedOwner(fresh, 'c');
				const cookies = [
					await signIn(fresh, owner.users.staff.email),
					await signIn(fresh, owner.users.manager.email)
				];
				const groupId = owner.kindergartens[0]!.groups[0]!;
				const writers = Array.from({ length: 6 }, (_, i) => new TestClient(fresh, cookies[i % 2]!));
				const written = new Set<string>();
				const reader = new TestClient(fresh, cookies[0]!);
				const seen = new Set<string>();
				let cursor = 0;
				let writing = true;
				const reading = (async () => {
					while (writing) {
						const page = await reader.pull(cursor);
						for (const change of page.changes) seen.add(change.recordId);
						expect(page.cursor).toBeGreaterThanOrEqual(cursor);
						cursor = page.cursor;
					}
				})();
				const writes = Promise.all(
					writers.map(async (writer) => {
						for (let round = 0; round < 5; round++) {
							const batch = Array.from({ length: 8 }, () => {
								const id = uuidv7();
								written.add(id);
								return writer.put(id, null, planFields(groupId));
							});
							const { results } = await writer.push(batch);
							expect(results.every((r) => r.status === 'applied')).toBe(true);
						}
					})
				);
				// Stop reading however the writes end, then report what went wrong first.
				const outcome = await writes.then(
					() => null,
					(error: unknown) => error
				);
				writing = false;
				await reading;
				if (outcome) throw outcome as Error;
				// Catching up from the last cursor: had a commit landed below a cursor already
				// handed out, it would be missing here for good.
				const rest = await reader.pullAll(cursor);
				for (const change of rest.changes) seen.add(change.recordId);
				expect(seen.size).toBe(written.size);
				expect([...written].every((id) => seen.has(id))).toBe(true);
				const revs = await fresh.deps.db.selectFrom('syncRecords').select('rev').execute();
				expect(new Set(revs.map((r) => r.rev)).size).toBe(written.size);
				const { value } = await fresh.deps.db
					.selectFrom('syncSequence')
					.select('value')
					.executeTakeFirstOrThrow();
				expect(value).toBe(written.size);
			} finally {
				await fresh.close();
			}
		});

		it('asks a client it has not seen for a reset when it comes with a cursor', async () => {
			const client = new TestClient(server, staff);
			await expectError(await client.pullResponse(1), 409, 'reset_required');
		});
	});

	describe('access and scope', () => {
		it('rejects a mutation on a record of another kindergarten or owner as out_of_scope, changing it not', async () => {
			const sibling = new TestClient(server, siblingStaff);
			const siblingId = uuidv7();
			await sibling.push([
				sibling.put(siblingId, null, planFields(a.kindergartens[1]!.groups[0]!))
			]);
			const foreign = new TestClient(server, foreignStaff);
			const foreignId = uuidv7();
			await foreign.push([
				foreign.put(foreignId, null, planFields(b.kindergartens[0]!.groups[0]!))
			]);
			const rows = {
				[siblingId]: await recordRow(siblingId),
				[foreignId]: await recordRow(foreignId)
			};

			const client = new TestClient(server, staff);
			const answer = await client.push([
				client.put(siblingId, 1, { title: 'Kapret' }),
				client.mutation(siblingId, 'delete', 1),
				client.put(foreignId, 1, { title: 'Kapret' }),
				client.mutation(foreignId, 'delete', 1),
				client.mutation(foreignId, 'restore', 1),
				client.put(siblingId, 1, { title: 'Kapret' }, 'activity'),
				// A new plan in a group of another kindergarten or owner.
				client.put(uuidv7(), null, planFields(a.kindergartens[1]!.groups[0]!)),
				client.put(uuidv7(), null, planFields(b.kindergartens[0]!.groups[0]!)),
				client.put(uuidv7(), null, planFields(uuidv7()))
			]);
			expect(answer.results.map((r) => r.reason)).toEqual(Array(9).fill('out_of_scope'));
			expect(answer.results.every((r) => r.status === 'rejected' && r.rev === undefined)).toBe(
				true
			);
			expect(await recordRow(siblingId)).toEqual(rows[siblingId]);
			expect(await recordRow(foreignId)).toEqual(rows[foreignId]);
			const refusals = await server.deps.db
				.selectFrom('auditLog')
				.selectAll()
				.where('action', '=', 'access_refused')
				.where('actorUserId', '=', a.users.staff.id)
				.where('targetId', 'in', [siblingId, foreignId])
				.execute();
			expect(refusals).toHaveLength(6);
		});

		it('puts new records in the session’s kindergarten, whatever the client thinks', async () => {
			const client = new TestClient(server, manager);
			const id = uuidv7();
			await client.push([client.put(id, null, activityFields(), 'activity')]);
			expect(await recordRow(id)).toMatchObject({
				ownerId: a.id,
				kindergartenId: a.kindergartens[0]!.id,
				updatedBy: a.users.manager.id
			});
		});

		it('refuses parents and owner admins (403) and anonymous callers (401), changing nothing', async () => {
			const parent = await signIn(server, a.users.parent.email);
			const admin = await signIn(server, a.users.ownerAdmin.email);
			for (const [cookie, status, reason] of [
				[parent, 403, 'forbidden'],
				[admin, 403, 'forbidden'],
				[null, 401, 'not_signed_in']
			] as const) {
				const client = new TestClient(server, cookie ?? '');
				const before = await snapshot(server);
				const push = await server.request('POST', '/api/v1/sync/push', {
					cookie,
					body: client.body([client.put(uuidv7(), null, planFields(group))])
				});
				await expectError(push, status, reason);
				const pull = await server.request(
					'GET',
					`/api/v1/sync/pull?cursor=0&protocol=1&schema=1&clientId=${client.id}`,
					{ cookie }
				);
				await expectError(pull, status, reason);
				await expectError(
					await server.request('GET', '/api/v1/sync/conflicts', { cookie }),
					status,
					reason
				);
				const added = await expectUnchanged(server, before, { auditAllowed: ['access_refused'] });
				expect(added).toHaveLength(status === 403 ? 3 : 0);
			}
		});

		it('keeps a group with live plans, and a kindergarten with records, from being deleted', async () => {
			const fresh = await startTestServer(dialect);
			try {
				const owner = await seedOwner(fresh, 'd');
				const admin = await signIn(fresh, owner.users.ownerAdmin.email);
				const client = new TestClient(fresh, await signIn(fresh, owner.users.staff.email));
				const groupId = owner.kindergartens[0]!.groups[1]!;
				const id = uuidv7();
				const { results } = await client.push([client.put(id, null, planFields(groupId))]);
				const del = () => fresh.request('DELETE', `/api/v1/groups/${groupId}`, { cookie: admin });
				await expectError(await del(), 409, 'group_not_empty');
				await client.push([client.mutation(id, 'delete', results[0]!.rev!)]);
				expect((await del()).status).toBe(204);

				// A kindergarten with synced records (tombstones too) is not empty.
				const kg = owner.kindergartens[1]!;
				for (const g of kg.groups) {
					expect(
						(await fresh.request('DELETE', `/api/v1/groups/${g}`, { cookie: admin })).status
					).toBe(204);
				}
				const mover = await fresh.request('PATCH', `/api/v1/users/${owner.users.manager.id}`, {
					cookie: admin,
					body: { kindergartenId: kg.id }
				});
				expect(mover.status).toBe(200);
				const writer = new TestClient(fresh, await signIn(fresh, owner.users.manager.email));
				const activity = uuidv7();
				await writer.push([writer.put(activity, null, activityFields(), 'activity')]);
				await writer.push([writer.mutation(activity, 'delete', null, {}, 'activity')]);
				await fresh.request('PATCH', `/api/v1/users/${owner.users.manager.id}`, {
					cookie: admin,
					body: { kindergartenId: owner.kindergartens[0]!.id }
				});
				await expectError(
					await fresh.request('DELETE', `/api/v1/kindergartens/${kg.id}`, { cookie: admin }),
					409,
					'kindergarten_not_empty'
				);
			} finally {
				await fresh.close();
			}
		});
	});

	describe('versions and sizes', () => {
		it('answers 426 protocol_unsupported to a client too old or too new, changing nothing', async () => {
			const client = new TestClient(server, staff);
			const before = await snapshot(server, { sessions: true });
			for (const overrides of [
				{ protocol: SUPPORTED_PROTOCOL.min - 1 },
				{ protocol: SUPPORTED_PROTOCOL.max + 1 },
				{ schema: SUPPORTED_SCHEMA.min - 1 },
				{ schema: SUPPORTED_SCHEMA.max + 7 },
				// An old client's body may not even parse: the version is read first.
				{ protocol: 0, mutations: [{ legacy: true }], extra: 1 }
			]) {
				const error = await expectError(
					await client.send([client.put(uuidv7(), null, planFields(group))], overrides),
					426,
					'protocol_unsupported'
				);
				expect(error['supported']).toEqual({
					protocol: { min: 1, max: 2 },
					schema: { min: 1, max: 8 }
				});
			}
			for (const query of [
				'cursor=0&protocol=0&schema=1',
				'cursor=0&protocol=3&schema=1',
				'cursor=0&protocol=1&schema=0',
				'cursor=x&protocol=0&schema=1'
			]) {
				await expectError(
					await server.request('GET', `/api/v1/sync/pull?${query}&clientId=${client.id}`, {
						cookie: staff
					}),
					426,
					'protocol_unsupported'
				);
			}
			await expectUnchanged(server, before);
		});

		it('refuses 10,000 mutations in one batch (413), and more than MAX_BATCH, changing nothing', async () => {
			const client = new TestClient(server, staff);
			const before = await snapshot(server, { sessions: true });
			const huge: Mutation[] = Array.from({ length: 10_000 }, (_, i) => ({
				id: i + 1,
				recordId: uuidv7(),
				type: 'plan',
				op: 'delete',
				baseRev: 1,
				fields: {},
				at: AT
			}));
			const tooMany = await client.send(huge);
			expect(tooMany.status).toBe(413);
			expect((await errorOf(tooMany)).reason).toMatch(/^(body_too_large|batch_too_large)$/);
			const justOver = await client.send(huge.slice(0, MAX_BATCH + 1));
			const error = await expectError(justOver, 413, 'batch_too_large');
			expect(error['max']).toBe(MAX_BATCH);
			await expectUnchanged(server, before);
			// MAX_BATCH itself is fine.
			const full = await client.push(huge.slice(0, MAX_BATCH));
			expect(full.lastMutationId).toBe(MAX_BATCH);
			expect(full.results.every((r) => r.reason === 'not_found')).toBe(true);
		});
	});
});
