import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from '$lib/domain/ids';
import {
	describeEachDatabase,
	seedOwner,
	signIn,
	startTestServer,
	type SeededOwner,
	type TestServer
} from './harness';
import { planFields, TestClient } from './sync-fixtures';
import type { AuditEntry, AuditPage } from '$lib/client/api';

/**
 * The audit log an owner reads (issue 13): every change an admin or a manager makes is there
 * with what it changed; the log pages and filters (event, person, kindergarten, dates in
 * Norwegian time); refused requests come grouped, so no number of them hides another event;
 * and the CSV download holds every row, in the owner's language.
 */

describeEachDatabase('the audit log', (dialect) => {
	let server: TestServer;
	let a: SeededOwner;
	let admin: string;

	beforeAll(async () => {
		server = await startTestServer(dialect);
		a = await seedOwner(server, 'a');
		await seedOwner(server, 'b');
		admin = await signIn(server, a.users.ownerAdmin.email);
	});
	afterAll(async () => server.close());

	async function page(query = ''): Promise<AuditPage> {
		const response = await server.request('GET', `/api/v1/audit${query}`, { cookie: admin });
		expect(response.status, await response.clone().text()).toBe(200);
		return (await response.json()) as AuditPage;
	}
	const latest = async (action: string) => (await page(`?action=${action}`)).entries[0]!;

	describe('every change an admin or a manager makes, with what it changed', () => {
		it('a kindergarten renamed (and not when the name stays)', async () => {
			const kg = a.kindergartens[1]!.id;
			const renamed = await server.request('PATCH', `/api/v1/kindergartens/${kg}`, {
				cookie: admin,
				body: { name: 'Løvetann barnehage' }
			});
			expect(renamed.status).toBe(200);
			expect(await latest('kindergarten_renamed')).toMatchObject({
				actorUserId: a.users.ownerAdmin.id,
				actorName: 'ownerAdmin a',
				targetType: 'kindergarten',
				targetId: kg,
				targetName: 'Løvetann barnehage',
				kindergartenId: kg,
				kindergartenName: 'Løvetann barnehage',
				changes: { name: ['Barnehage a1', 'Løvetann barnehage'] }
			});
			await server.request('PATCH', `/api/v1/kindergartens/${kg}`, {
				cookie: admin,
				body: { name: 'Løvetann barnehage' }
			});
			expect((await page('?action=kindergarten_renamed')).entries).toHaveLength(1);
		});

		it('a group changed: its name and the age band that decides its screen-time guidance', async () => {
			const group = a.kindergartens[0]!.groups[1]!;
			const changed = await server.request('PATCH', `/api/v1/groups/${group}`, {
				cookie: admin,
				body: { name: 'Ørneredet', ageMin: 4, ageMax: 6 }
			});
			expect(changed.status).toBe(200);
			expect(await latest('group_changed')).toMatchObject({
				targetType: 'group',
				targetId: group,
				targetName: 'Ørneredet',
				kindergartenName: 'Barnehage a0',
				// Only what changed: the upper age stays 6.
				changes: { name: ['Avdeling a01', 'Ørneredet'], ageMin: [3, 4] }
			});
		});

		it('kindergartens and groups made and deleted, users moved, invitations, a manager’s approval', async () => {
			const made = await server.request('POST', '/api/v1/kindergartens', {
				cookie: admin,
				body: { name: 'Blåbærtua' }
			});
			const { kindergarten } = (await made.json()) as { kindergarten: { id: string } };
			const group = await server.request(
				'POST',
				`/api/v1/kindergartens/${kindergarten.id}/groups`,
				{
					cookie: admin,
					body: { name: 'Tua', ageMin: 1, ageMax: 3 }
				}
			);
			const { group: g } = (await group.json()) as { group: { id: string } };
			await server.request('DELETE', `/api/v1/groups/${g.id}`, { cookie: admin });
			await server.request('DELETE', `/api/v1/kindergartens/${kindergarten.id}`, { cookie: admin });
			expect(await latest('kindergarten_created')).toMatchObject({
				changes: { name: [null, 'Blåbærtua'] }
			});
			expect(await latest('group_created')).toMatchObject({
				changes: { name: [null, 'Tua'], ageMin: [null, 1], ageMax: [null, 3] }
			});
			expect(await latest('group_deleted')).toMatchObject({ changes: { name: ['Tua', null] } });
			expect(await latest('kindergarten_deleted')).toMatchObject({
				changes: { name: ['Blåbærtua', null] },
				targetName: null
			});

			// A staff member moved to the other kindergarten: both by name.
			const moved = await server.request('PATCH', `/api/v1/users/${a.users.parent.id}`, {
				cookie: admin,
				body: { role: 'parent', groupId: a.kindergartens[1]!.groups[0]! }
			});
			expect(moved.status).toBe(200);
			expect(await latest('role_changed')).toMatchObject({
				targetName: 'parent a',
				changes: {
					kindergartenId: ['Barnehage a0', 'Løvetann barnehage'],
					groupId: ['Avdeling a00', 'Avdeling a10']
				}
			});

			const invited = await server.request('POST', '/api/v1/invitations', {
				cookie: admin,
				body: { role: 'manager', kindergartenId: a.kindergartens[0]!.id, displayName: 'Ny styrer' }
			});
			expect(invited.status).toBe(201);
			expect(await latest('invitation_created')).toMatchObject({
				targetName: 'Ny styrer',
				kindergartenName: 'Barnehage a0',
				changes: { role: [null, 'manager'], displayName: [null, 'Ny styrer'] }
			});

			const group0 = a.kindergartens[0]!.groups[0]!;
			const staff = new TestClient(server, await signIn(server, a.users.staff.email));
			const manager = new TestClient(server, await signIn(server, a.users.manager.email));
			const plan = uuidv7();
			const { results } = await staff.push([
				staff.put(plan, null, planFields(group0, { title: 'Skattejakt' }))
			]);
			await manager.push([
				manager.put(plan, results[0]!.rev!, {
					approval: { decision: 'approved', by: 'x', at: '2026-12-01T10:00:00.000Z', note: '' }
				})
			]);
			expect(await latest('approval_decided')).toMatchObject({
				actorName: 'manager a',
				reason: 'approved',
				targetType: 'plan',
				targetName: 'Skattejakt',
				kindergartenName: 'Barnehage a0'
			});
		});
	});

	describe('paging, filters and grouped refusals', () => {
		it('keeps a role change in sight under 200 refused requests, grouped into one row', async () => {
			const staff = await signIn(server, a.users.staff.email);
			for (let i = 0; i < 200; i++) {
				const refused = await server.request('GET', '/api/v1/users', { cookie: staff });
				expect(refused.status).toBe(403);
			}
			// Events in one millisecond have no order among them; these are seconds apart.
			server.clock.advance(1000);
			const promoted = await server.request('PATCH', `/api/v1/users/${a.users.manager.id}`, {
				cookie: admin,
				body: { role: 'staff' }
			});
			expect(promoted.status).toBe(200);
			server.clock.advance(1000);
			for (let i = 0; i < 200; i++) {
				await server.request('GET', '/api/v1/users', { cookie: staff });
			}
			const first = await page('?limit=10');
			const actions = first.entries.map((e) => e.action);
			expect(actions).toContain('role_changed');
			const refusals = first.entries.filter((e) => e.action === 'access_refused');
			expect(refusals).toHaveLength(1);
			expect(refusals[0]).toMatchObject({
				count: 400,
				actorName: 'staff a',
				reason: 'missing_users.manage',
				targetId: null
			});
			expect(refusals[0]!.firstAt <= refusals[0]!.at).toBe(true);
		});

		it('pages through everything once, newest first', async () => {
			const seen: AuditEntry[] = [];
			let next: string | null = null;
			let pages = 0;
			do {
				const p: AuditPage = await page(`?limit=3${next ? `&before=${next}` : ''}`);
				expect(p.entries.length).toBeLessThanOrEqual(3);
				seen.push(...p.entries);
				next = p.next;
				pages++;
			} while (next && pages < 100);
			const all = await page('?limit=200');
			expect(all.next).toBeNull();
			expect(seen.map((e) => e.id)).toEqual(all.entries.map((e) => e.id));
			const ids = seen.map((e) => e.id);
			expect([...ids].sort().reverse()).toEqual(ids);
		});

		it('filters by event, person, kindergarten and Norwegian dates', async () => {
			const byAction = await page('?action=group_changed&limit=200');
			expect(byAction.entries.every((e) => e.action === 'group_changed')).toBe(true);
			expect(byAction.entries.length).toBeGreaterThan(0);

			const byPerson = await page(`?person=${a.users.staff.id}&limit=200`);
			expect(byPerson.entries.length).toBeGreaterThan(0);
			expect(byPerson.entries.every((e) => e.actorUserId === a.users.staff.id)).toBe(true);

			const kg = a.kindergartens[1]!.id;
			const byKindergarten = await page(`?kindergarten=${kg}&limit=200`);
			expect(byKindergarten.entries.map((e) => e.action)).toContain('kindergarten_renamed');
			expect(byKindergarten.entries.every((e) => e.kindergartenId === kg)).toBe(true);

			// The test clock starts at 2026-11-28T08:00Z (09:00 in Oslo): every event is that day.
			const now = server.clock.now().toISOString().slice(0, 10);
			expect((await page(`?from=${now}&to=${now}&limit=200`)).entries.length).toBe(
				(await page('?limit=200')).entries.length
			);
			expect((await page('?to=2026-11-27')).entries).toEqual([]);
			expect((await page('?from=2026-11-29')).entries).toEqual([]);
		});

		it('answers a wrong query with 400 invalid_query, naming the parameter', async () => {
			for (const [query, field] of [
				['?action=hacked', 'action'],
				['?person=abc', 'person'],
				['?kindergarten=1', 'kindergarten'],
				['?from=2026-13-01', 'from'],
				['?from=2026-12-02&to=2026-12-01', 'to'],
				['?limit=0', 'limit'],
				['?limit=1000', 'limit'],
				['?limit=ti', 'limit'],
				['?before=x', 'before'],
				['?owner=x', 'owner'],
				['?action=sign_in&action=sign_out', 'action']
			] as const) {
				const response = await server.request('GET', `/api/v1/audit${query}`, { cookie: admin });
				expect(response.status, query).toBe(400);
				const { error } = (await response.json()) as {
					error: { reason: string; fields: Record<string, string> };
				};
				expect(error.reason, query).toBe('invalid_query');
				expect(Object.keys(error.fields).join(), query).toContain(field);
			}
		});
	});

	describe('the CSV download', () => {
		it('holds every row the filters select, ungrouped, with Norwegian time and words', async () => {
			const response = await server.request('GET', '/api/v1/audit/export?action=access_refused', {
				cookie: admin
			});
			expect(response.status).toBe(200);
			expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
			expect(response.headers.get('content-disposition')).toMatch(
				/^attachment; filename="lekeplan-logg-2026-11-28\.csv"$/
			);
			const bytes = new Uint8Array(await response.arrayBuffer());
			// A byte-order mark first, so spreadsheets read æ, ø and å as UTF-8.
			expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
			const lines = new TextDecoder().decode(bytes).trimEnd().split('\r\n');
			expect(lines[0]).toBe(
				'Tid (norsk tid),Tid (UTC),Hendelse,Kode,Person,E-post,Barnehage,Gjelder,Navn,Id,Grunn,Detaljer'
			);
			// 400 refusals of the staff member, one line each (and none of owner b's).
			const staffLines = lines.filter((l) => l.includes('staff.a@test.lekeplan.no'));
			expect(staffLines.length).toBe(400);
			expect(lines.length - 1).toBe(
				await server.deps.db
					.selectFrom('auditLog')
					.select((eb) => eb.fn.countAll<number>().as('n'))
					.where('ownerId', '=', a.id)
					.where('action', '=', 'access_refused')
					.executeTakeFirstOrThrow()
					.then((r) => Number(r.n))
			);
			expect(staffLines[0]).toMatch(
				/^2026-11-28 09:00:02,2026-11-28T08:00:02\.000Z,Avvist forespørsel,access_refused,staff a,staff\.a@test\.lekeplan\.no,Barnehage a0,,,,rollen har ikke lov,$/
			);
		});

		it('speaks the language asked for, and keeps a spreadsheet from reading a name as a formula', async () => {
			const kg = a.kindergartens[1]!.id;
			await server.request('PATCH', `/api/v1/kindergartens/${kg}`, {
				cookie: admin,
				body: { name: '=HYPERLINK("http://evil.example")' }
			});
			const response = await server.request(
				'GET',
				'/api/v1/audit/export?action=kindergarten_renamed&lang=en',
				{ cookie: admin }
			);
			const lines = (await response.text()).trimEnd().split('\r\n');
			expect(lines[0]).toContain('Time (Norway),Time (UTC),Event');
			expect(lines[1]).toContain('Kindergarten renamed');
			expect(lines[1]).toContain(`"'=HYPERLINK(""http://evil.example"")"`);
			expect(lines[1]).not.toMatch(/,=HYPERLINK/);
			const bad = await server.request('GET', '/api/v1/audit/export?lang=de', { cookie: admin });
			expect(bad.status).toBe(400);
		});
	});
});
