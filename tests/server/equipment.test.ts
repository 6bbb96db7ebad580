import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from '$lib/domain/ids';
import type { EquipmentRow } from '$lib/server/use-cases/equipment';
import {
	describeEachDatabase,
	seedOwner,
	signIn,
	startTestServer,
	type SeededOwner,
	type TestServer
} from './harness';
import { expectUnchanged, snapshot } from './snapshot';
import { insertEntry } from './register-fixtures';

/**
 * A kindergarten's equipment (issue 16): the register's devices and coding toys, counted by
 * state. Staff read it; the manager counts their own kindergarten's, an owner admin any of the
 * owner's; a save made on older counts is refused with the newer ones. Every save is a revision
 * of the sync sequence and an audit row.
 */

type ErrorBody = { error: { reason: string; fields?: Record<string, string>; current?: unknown } };

describeEachDatabase('equipment', (dialect) => {
	let server: TestServer;
	let a: SeededOwner;
	let b: SeededOwner;
	const cookies: Record<string, string> = {};
	let beeBot = '';
	let tablet = '';
	let app = '';
	let foreignEntry = '';
	let kg = '';
	let sibling = '';

	const path = (kindergarten: string, entry?: string) =>
		`/api/v1/kindergartens/${kindergarten}/equipment${entry ? `/${entry}` : ''}`;
	const list = async (cookie: string, kindergarten = kg) => {
		const response = await server.request('GET', path(kindergarten), { cookie });
		expect(response.status).toBe(200);
		return ((await response.json()) as { equipment: EquipmentRow[] }).equipment;
	};
	const save = (cookie: string, entry: string, body: unknown, kindergarten = kg) =>
		server.request('PUT', path(kindergarten, entry), { cookie, body });
	const counts = (works: number, needsRepair: number, missing: number, base: string | null) => ({
		works,
		needsRepair,
		missing,
		note: '',
		baseUpdatedAt: base
	});

	beforeAll(async () => {
		server = await startTestServer(dialect);
		a = await seedOwner(server, 'a');
		b = await seedOwner(server, 'b');
		kg = a.kindergartens[0]!.id;
		sibling = a.kindergartens[1]!.id;
		for (const role of ['staff', 'manager', 'ownerAdmin', 'parent'] as const) {
			cookies[role] = await signIn(server, a.users[role].email);
		}
		cookies['foreignAdmin'] = await signIn(server, b.users.ownerAdmin.email);
		beeBot = await insertEntry(server, a.id, 'Bee-Bot', 'codingToy');
		tablet = await insertEntry(server, a.id, 'Nettbrett', 'device');
		app = await insertEntry(server, a.id, 'Stop-motion-app', 'app');
		foreignEntry = await insertEntry(server, b.id, 'Cubetto', 'codingToy');
	});
	afterAll(async () => server.close());

	describe('in order', () => {
		it('lists the devices and coding toys, nothing counted yet, to staff', async () => {
			const rows = await list(cookies['staff']!);
			expect(rows.map((r) => r.name)).toEqual(['Bee-Bot', 'Nettbrett']);
			expect(rows[0]).toEqual({
				entryId: beeBot,
				name: 'Bee-Bot',
				kind: 'codingToy',
				works: 0,
				needsRepair: 0,
				missing: 0,
				note: '',
				updatedAt: null
			});
		});

		it('saves the manager’s counts with a revision and an audit row', async () => {
			const before = await server.deps.db
				.selectFrom('syncSequence')
				.select('value')
				.executeTakeFirstOrThrow();
			const response = await save(cookies['manager']!, beeBot, {
				...counts(3, 1, 0, null),
				note: 'Én står i skapet'
			});
			expect(response.status).toBe(200);
			const rows = await list(cookies['staff']!);
			expect(rows[0]).toMatchObject({ works: 3, needsRepair: 1, missing: 0 });
			expect(rows[0]!.note).toBe('Én står i skapet');
			const stored = await server.deps.db
				.selectFrom('kindergartenEquipment')
				.selectAll()
				.executeTakeFirstOrThrow();
			expect(stored.rev).toBe(before.value + 1);
			const audit = await server.deps.db
				.selectFrom('auditLog')
				.selectAll()
				.where('action', '=', 'equipment_changed')
				.execute();
			expect(audit).toHaveLength(1);
			expect(audit[0]).toMatchObject({
				actorUserId: a.users.manager.id,
				targetId: beeBot,
				kindergartenId: kg
			});
			expect(JSON.parse(audit[0]!.changes!)).toEqual({
				works: [0, 3],
				needsRepair: [0, 1],
				missing: [0, 0]
			});
		});

		it('refuses a save on older counts with the newer ones, changing nothing', async () => {
			const before = await snapshot(server);
			const response = await save(cookies['ownerAdmin']!, beeBot, counts(5, 0, 0, null));
			expect(response.status).toBe(409);
			const body = (await response.json()) as ErrorBody;
			expect(body.error.reason).toBe('stale');
			expect(body.error.current).toMatchObject({ works: 3, needsRepair: 1, missing: 0 });
			await expectUnchanged(server, before);
		});

		it('takes a save on the counts it was made on, from an owner admin too', async () => {
			const [row] = await list(cookies['ownerAdmin']!);
			const response = await save(cookies['ownerAdmin']!, beeBot, counts(2, 1, 1, row!.updatedAt));
			expect(response.status).toBe(200);
			const item = ((await response.json()) as { item: EquipmentRow }).item;
			expect(item).toMatchObject({ works: 2, needsRepair: 1, missing: 1 });
			expect((await list(cookies['manager']!))[0]!.updatedAt).toBe(item.updatedAt);
			// Another kindergarten of the owner keeps its own counts.
			expect((await list(cookies['ownerAdmin']!, sibling))[0]!.works).toBe(0);
		});

		it('lists an app once it has been counted', async () => {
			expect((await save(cookies['manager']!, app, counts(4, 0, 0, null))).status).toBe(200);
			expect((await list(cookies['staff']!)).map((r) => r.name)).toEqual([
				'Bee-Bot',
				'Nettbrett',
				'Stop-motion-app'
			]);
		});
	});

	it('refuses bad counts beside their fields, changing nothing', async () => {
		const before = await snapshot(server);
		for (const [body, field] of [
			[counts(-1, 0, 0, null), 'works'],
			[counts(0, 1000, 0, null), 'needsRepair'],
			[counts(0, 0, 1.5, null), 'missing'],
			[{ ...counts(1, 0, 0, null), note: 'x'.repeat(2001) }, 'note']
		] as const) {
			const response = await save(cookies['manager']!, tablet, body);
			expect(response.status).toBeGreaterThanOrEqual(400);
			expect(response.status).toBeLessThan(500);
			expect(Object.keys(((await response.json()) as ErrorBody).error.fields ?? {})).toContain(
				field
			);
		}
		const unknownField = await save(cookies['manager']!, tablet, {
			...counts(1, 0, 0, null),
			broken: 1
		});
		expect(unknownField.status).toBe(400);
		await expectUnchanged(server, before);
	});

	it('lets only a manager and an owner admin count, within their scope', async () => {
		const before = await snapshot(server);
		const body = counts(1, 0, 0, null);
		const cases: Array<[string, string, string, number]> = [
			['staff', tablet, kg, 403],
			['parent', tablet, kg, 403],
			['manager', tablet, sibling, 404],
			['foreignAdmin', tablet, kg, 404],
			['ownerAdmin', foreignEntry, kg, 404],
			['manager', uuidv7(), kg, 404],
			['manager', 'not-an-id', kg, 404]
		];
		for (const [who, entry, kindergarten, status] of cases) {
			const response = await save(cookies[who]!, entry, body, kindergarten);
			expect(response.status, `${who} ${entry} ${kindergarten}`).toBe(status);
		}
		const reads: Array<[string, string, number]> = [
			['parent', kg, 403],
			['staff', sibling, 404],
			['foreignAdmin', kg, 404]
		];
		for (const [who, kindergarten, status] of reads) {
			const response = await server.request('GET', path(kindergarten), { cookie: cookies[who]! });
			expect(response.status, `${who} reads ${kindergarten}`).toBe(status);
		}
		await expectUnchanged(server, before, { auditAllowed: ['access_refused'] });
	});
});
