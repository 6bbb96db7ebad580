import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from '$lib/domain/ids';
import { ITEM_BANK } from '$lib/domain/competence/bank';
import { ownerItemSetSchema } from '$lib/domain/competence/owner-items';
import { itemsFor, type Figures, type OwnerOverview } from '$lib/server/use-cases/competence';
import type { ItemSetView } from '$lib/server/use-cases/competence-items';
import {
	describeEachDatabase,
	seedOwner,
	signIn,
	startTestServer,
	type SeededOwner,
	type TestServer
} from './harness';
import { expectUnchanged, snapshot } from './snapshot';
import { TestClient } from './sync-fixtures';

/**
 * The owner admin adds and retires competence items (issue 14, ADR 37) without breaking old
 * answers: an own item is asked like a shipped one and pulled by the owner's tablets; a retired
 * item is no longer asked from its period on, and answers given to it before still count.
 */

const AUTUMN = '2026-2'; // the harness's clock: 28 November 2026
const SPRING = '2027-1';

const newItem = (over: Record<string, unknown> = {}) => ({
	audience: 'staff',
	area: 'creative',
	digCompEdu: '3.3',
	pfdk: 'pedagogy',
	texts: {
		nb: 'Jeg lar barna lage egne lydbøker.',
		nn: 'Eg lèt borna lage eigne lydbøker.',
		en: 'I let the children make their own audio books.'
	},
	...over
});

type ErrorBody = { error: { reason: string; fields?: Record<string, string> } };

describeEachDatabase('competence items of the owner', (dialect) => {
	let server: TestServer;
	let a: SeededOwner;
	let b: SeededOwner;
	const cookies: Record<string, string> = {};
	let ownId = '';
	let ownVersion = 0;

	const add = (cookie: string, body: unknown) =>
		server.request('POST', '/api/v1/competence/items', { cookie, body });
	const retire = (cookie: string, item: string, body: unknown) =>
		server.request('POST', `/api/v1/competence/items/${item}/retirement`, { cookie, body });
	const submit = (cookie: string, body: unknown, period = AUTUMN) =>
		server.request('PUT', `/api/v1/competence/mine/${period}`, { cookie, body });
	const view = async (cookie = cookies['ownerAdmin.a']!) =>
		(await (
			await server.request('GET', '/api/v1/competence/items', { cookie })
		).json()) as ItemSetView;

	/** A staff member of `a`'s first kindergarten, signed in. */
	async function person(): Promise<string> {
		const { db } = server.deps;
		const { passwordHash } = await db
			.selectFrom('users')
			.select('passwordHash')
			.where('id', '=', a.users.staff.id)
			.executeTakeFirstOrThrow();
		const id = uuidv7();
		const now = server.clock.now().toISOString();
		const email = `${id}@test.lekeplan.no`;
		await db
			.insertInto('users')
			.values({
				id,
				ownerId: a.id,
				email,
				displayName: `Person ${id.slice(-4)}`,
				role: 'staff',
				kindergartenId: a.kindergartens[0]!.id,
				groupId: null,
				passwordHash,
				disabledAt: null,
				createdAt: now,
				updatedAt: now
			})
			.execute();
		return signIn(server, email);
	}

	beforeAll(async () => {
		server = await startTestServer(dialect);
		a = await seedOwner(server, 'a');
		b = await seedOwner(server, 'b');
		for (const owner of [a, b]) {
			for (const role of ['ownerAdmin', 'manager', 'staff'] as const) {
				cookies[`${role}.${owner === a ? 'a' : 'b'}`] = await signIn(
					server,
					owner.users[role].email
				);
			}
		}
	});
	afterAll(async () => server.close());

	describe('in order, on one clock', () => {
		it('starts with none of the owner’s own', async () => {
			expect(await view()).toEqual({
				set: { version: 0, items: [], retired: {} },
				itemSetVersion: ITEM_BANK.version,
				earliestRetirement: AUTUMN
			});
		});

		it('refuses an item with a text, area or competence missing or wrong, changing nothing', async () => {
			const before = await snapshot(server);
			const cases: Array<[unknown, number, Record<string, string>]> = [
				[newItem({ texts: { nb: 'x', nn: '  ', en: 'y' } }), 422, { 'texts.nn': 'required' }],
				[newItem({ texts: { nb: 'x', en: 'y' } }), 400, { 'texts.nn': 'invalid_type' }],
				[newItem({ area: 'cooking' }), 422, { area: 'required' }],
				[newItem({ digCompEdu: '9.9' }), 422, { digCompEdu: 'required' }],
				[newItem({ pfdk: undefined }), 422, { pfdk: 'required' }],
				[newItem({ audience: 'parent' }), 422, { audience: 'required' }],
				[
					newItem({ texts: { nb: 'x'.repeat(301), nn: 'y', en: 'z' } }),
					422,
					{
						'texts.nb': 'too_long'
					}
				],
				[newItem({ id: 'own-mine' }), 400, { _: 'unknown_field' }]
			];
			for (const [body, status, fields] of cases) {
				const response = await add(cookies['ownerAdmin.a']!, body);
				expect(response.status, JSON.stringify(body)).toBe(status);
				expect(((await response.json()) as ErrorBody).error.fields, JSON.stringify(body)).toEqual(
					fields
				);
			}
			await expectUnchanged(server, before);
		});

		it('adds an item with its texts, writes an audit row, and tablets of the owner pull it', async () => {
			const tablet = new TestClient(server, cookies['staff.a']!);
			const first = await tablet.pullAll();
			expect(first.changes.filter((c) => c.type === 'competenceItems')).toEqual([]);

			const response = await add(cookies['ownerAdmin.a']!, newItem());
			expect(response.status).toBe(201);
			const added = (await response.json()) as ItemSetView;
			expect(added.set.version).toBe(1);
			expect(added.itemSetVersion).toBe(ITEM_BANK.version + 1);
			const [item] = added.set.items;
			expect(item).toMatchObject({ ...newItem(), addedAt: ITEM_BANK.version + 1 });
			expect(item!.id).toMatch(/^own-/);
			ownId = item!.id;
			ownVersion = added.itemSetVersion;
			expect(await view()).toEqual(added);

			const audit = await server.deps.db
				.selectFrom('auditLog')
				.select(['action', 'targetId', 'ownerId'])
				.where('action', '=', 'competence_item_added')
				.execute();
			expect(audit).toEqual([{ action: 'competence_item_added', targetId: ownId, ownerId: a.id }]);

			const pulled = await tablet.pullAll(first.cursor);
			const changes = pulled.changes.filter((c) => c.type === 'competenceItems');
			expect(changes).toHaveLength(1);
			expect(ownerItemSetSchema.parse(changes[0]!.data)).toEqual(added.set);
			// Nobody of another owner gets it.
			const foreign = await new TestClient(server, cookies['staff.b']!).pullAll();
			expect(foreign.changes.filter((c) => c.type === 'competenceItems')).toEqual([]);
		});

		it('asks the new item of a form made from the new set, not of one made before it', async () => {
			const shipped = Object.fromEntries(itemsFor('staff', AUTUMN).map((i) => [i.id, 3]));
			const missing = await submit(cookies['staff.a']!, {
				bankVersion: ownVersion,
				answers: shipped
			});
			expect(missing.status).toBe(422);
			expect(((await missing.json()) as ErrorBody).error.fields).toEqual({
				[`answers.${ownId}`]: 'required'
			});
			// A form made before the item was added (answered offline) is taken without it.
			const older = await submit(cookies['staff.a']!, {
				bankVersion: ITEM_BANK.version,
				answers: shipped
			});
			expect(older.status).toBe(200);
			const unknown = await submit(cookies['staff.a']!, {
				bankVersion: ownVersion,
				answers: { ...shipped, [ownId]: 2, 'own-nothing': 2 }
			});
			expect(unknown.status).toBe(400);
			expect(((await unknown.json()) as ErrorBody).error).toMatchObject({
				reason: 'unknown_item',
				fields: { 'answers.own-nothing': 'unknown_item' }
			});
		});

		it('counts the own item like a shipped one in the review and the overview', async () => {
			const answers = {
				...Object.fromEntries(itemsFor('staff', AUTUMN).map((i) => [i.id, 2])),
				[ownId]: 4
			};
			for (let i = 0; i < 6; i++) {
				// The first answers again, now on a form with the item.
				const cookie = i === 0 ? cookies['staff.a']! : await person();
				const response = await submit(cookie, { bankVersion: ownVersion, answers });
				expect(response.status).toBe(200);
			}
			const overview = (await (
				await server.request('GET', `/api/v1/competence/overview?period=${AUTUMN}`, {
					cookie: cookies['ownerAdmin.a']!
				})
			).json()) as OwnerOverview;
			const staff = overview.total.staff as Figures;
			expect(staff.shown).toBe(true);
			expect(staff.respondents).toBe(6);
			expect(staff.items.find((i) => i.itemId === ownId)).toBeDefined();
			expect(staff.items.find((i) => i.itemId === 'coding-play')).toBeDefined();
		});

		it('retires an item from a period on, never an earlier one, and never twice', async () => {
			const before = await snapshot(server);
			const refusals: Array<[string, unknown, number, string]> = [
				['coding-play', { retiredIn: '2026-1' }, 422, 'invalid_value'],
				['coding-play', { retiredIn: 'spring' }, 400, 'invalid_body'],
				['coding-play', { retiredIn: '2031-1' }, 422, 'invalid_value'],
				['coding-play', {}, 400, 'invalid_body']
			];
			for (const [item, body, status, reason] of refusals) {
				const response = await retire(cookies['ownerAdmin.a']!, item, body);
				expect(response.status, JSON.stringify(body)).toBe(status);
				expect(((await response.json()) as ErrorBody).error.reason).toBe(reason);
			}
			await expectUnchanged(server, before);
			// An item nobody has is refused like any record out of scope: a logged 404.
			const unknown = await retire(cookies['ownerAdmin.a']!, 'no-such-item', { retiredIn: SPRING });
			expect(unknown.status).toBe(404);
			expect(((await unknown.json()) as ErrorBody).error.reason).toBe('not_found');
			const logged = await server.deps.db
				.selectFrom('auditLog')
				.select(['action', 'reason'])
				.where('targetId', '=', 'no-such-item')
				.execute();
			expect(logged).toEqual([{ action: 'access_refused', reason: 'out_of_scope' }]);

			const shipped = await retire(cookies['ownerAdmin.a']!, 'coding-play', {
				retiredIn: SPRING
			});
			expect(shipped.status).toBe(200);
			const own = await retire(cookies['ownerAdmin.a']!, ownId, { retiredIn: SPRING });
			expect(own.status).toBe(200);
			const set = ((await own.json()) as ItemSetView).set;
			expect(set.retired).toEqual({
				'coding-play': { retiredIn: SPRING, atVersion: ITEM_BANK.version + 2 },
				[ownId]: { retiredIn: SPRING, atVersion: ITEM_BANK.version + 3 }
			});
			// The item itself is still there: nothing is ever deleted.
			expect(set.items.map((i) => i.id)).toEqual([ownId]);
			const again = await retire(cookies['ownerAdmin.a']!, 'coding-play', { retiredIn: '2027-2' });
			expect(again.status).toBe(409);
			expect(((await again.json()) as ErrorBody).error.reason).toBe('already_retired');
			const audit = await server.deps.db
				.selectFrom('auditLog')
				.select(['targetId', 'reason'])
				.where('action', '=', 'competence_item_retired')
				.execute();
			expect(audit).toHaveLength(2);
			expect(audit).toEqual(
				expect.arrayContaining([
					{ targetId: 'coding-play', reason: SPRING },
					{ targetId: ownId, reason: SPRING }
				])
			);
		});

		it('still asks a retired item in the periods before its retirement', async () => {
			const latest = (await view()).itemSetVersion;
			const answers = {
				...Object.fromEntries(itemsFor('staff', AUTUMN).map((i) => [i.id, 3])),
				[ownId]: 3
			};
			const response = await submit(cookies['staff.a']!, { bankVersion: latest, answers });
			expect(response.status).toBe(200);
		});

		it('in the next period, refuses answers to the retired items and keeps the old ones counted', async () => {
			server.clock.set('2027-02-10T09:00:00.000Z');
			// Sessions end with the months: sign in anew.
			cookies['staff.a'] = await signIn(server, a.users.staff.email);
			cookies['ownerAdmin.a'] = await signIn(server, a.users.ownerAdmin.email);
			const latest = (await view()).itemSetVersion;
			const inForce = itemsFor('staff', SPRING).filter((i) => i.id !== 'coding-play');
			const answers = Object.fromEntries(inForce.map((i) => [i.id, 5]));
			const retired = await submit(
				cookies['staff.a'],
				{ bankVersion: latest, answers: { ...answers, 'coding-play': 5, [ownId]: 5 } },
				SPRING
			);
			expect(retired.status).toBe(422);
			expect(((await retired.json()) as ErrorBody).error).toMatchObject({
				reason: 'retired_item',
				fields: { 'answers.coding-play': 'retired_item', [`answers.${ownId}`]: 'retired_item' }
			});
			const ok = await submit(cookies['staff.a'], { bankVersion: latest, answers }, SPRING);
			expect(ok.status, await ok.clone().text()).toBe(200);

			// The autumn's answers to both still count, and the person still has theirs.
			const overview = (await (
				await server.request('GET', `/api/v1/competence/overview?period=${AUTUMN}`, {
					cookie: cookies['ownerAdmin.a']
				})
			).json()) as OwnerOverview;
			const staff = overview.total.staff as Figures;
			expect(staff.items.map((i) => i.itemId)).toEqual(
				expect.arrayContaining(['coding-play', ownId])
			);
			const mine = (await (
				await server.request('GET', '/api/v1/competence/mine', { cookie: cookies['staff.a'] })
			).json()) as { submissions: Array<{ period: string; answers: Record<string, number> }> };
			const autumn = mine.submissions.find((s) => s.period === AUTUMN)!;
			expect(autumn.answers).toMatchObject({ 'coding-play': 3, [ownId]: 3 });
			expect(mine.submissions.find((s) => s.period === SPRING)!.answers).not.toHaveProperty(
				'coding-play'
			);
		});

		it('takes a set answered on a form made before a retirement it did not know', async () => {
			// The tablet had the set before the retirements (answered offline, sent now).
			const answers = {
				...Object.fromEntries(itemsFor('staff', SPRING).map((i) => [i.id, 4])),
				[ownId]: 4
			};
			const cookie = await person();
			const response = await submit(cookie, { bankVersion: ownVersion, answers }, SPRING);
			expect(response.status, await response.clone().text()).toBe(200);
		});
	});
});
