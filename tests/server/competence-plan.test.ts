import { afterAll, beforeAll, expect, it } from 'vitest';
import { uuidv7 } from '$lib/domain/ids';
import type { OwnerPlanEntry } from '$lib/domain/competence/owner-plan';
import {
	describeEachDatabase,
	seedOwner,
	signIn,
	startTestServer,
	type SeededOwner,
	type TestServer
} from './harness';
import { expectUnchanged, snapshot } from './snapshot';

/**
 * The owner's competence plan (issue 14, ADR 29): only an owner admin writes it; each
 * kindergarten's manager reads the entries for their kindergarten and for every kindergarten,
 * nothing of a sibling kindergarten or another owner; bad input is a 4xx with a reason code per
 * field, and changes nothing.
 */

describeEachDatabase("the owner's competence plan", (dialect) => {
	let server: TestServer;
	let a: SeededOwner;
	let b: SeededOwner;
	const cookie: Record<string, string> = {};

	beforeAll(async () => {
		server = await startTestServer(dialect);
		a = await seedOwner(server, 'a');
		b = await seedOwner(server, 'b');
		for (const role of ['ownerAdmin', 'manager', 'staff'] as const) {
			cookie[`${role}.a`] = await signIn(server, a.users[role].email);
		}
		cookie['ownerAdmin.b'] = await signIn(server, b.users.ownerAdmin.email);
	});
	afterAll(async () => server.close());

	const entry = (over: Record<string, unknown> = {}) => ({
		kind: 'focusArea',
		kindergartenId: null,
		area: 'privacy',
		title: 'Personvern på to personalmøter',
		partner: null,
		places: null,
		startsOn: '2027-01-10',
		endsOn: '2027-06-20',
		status: 'planned',
		note: null,
		...over
	});

	async function add(body: unknown, who = 'ownerAdmin.a') {
		const res = await server.request('POST', '/api/v1/competence/plan', {
			cookie: cookie[who]!,
			body
		});
		return { status: res.status, json: (await res.json()) as Record<string, unknown> };
	}

	it('is written by the owner admin, audited, and read back in order', async () => {
		const kgOwn = a.kindergartens[0]!.id;
		const focus = await add(entry());
		expect(focus.status).toBe(201);
		const education = await add(
			entry({
				kind: 'furtherEducation',
				kindergartenId: kgOwn,
				area: null,
				title: 'Digital kompetanse i barnehagen, 30 studiepoeng',
				partner: 'Universitetet i Stavanger',
				places: 2,
				startsOn: '2027-08-15',
				endsOn: '2028-06-15'
			})
		);
		expect(education.status).toBe(201);
		const partnership = await add(
			entry({
				kind: 'partnership',
				area: null,
				title: 'Lokal kompetanseutvikling',
				partner: 'Høgskulen på Vestlandet',
				status: 'ongoing'
			})
		);
		expect(partnership.status).toBe(201);

		const res = await server.request('GET', '/api/v1/competence/plan', {
			cookie: cookie['ownerAdmin.a']!
		});
		const { entries } = (await res.json()) as { entries: OwnerPlanEntry[] };
		expect(entries.map((e) => [e.kind, e.title])).toEqual([
			['focusArea', 'Personvern på to personalmøter'],
			['furtherEducation', 'Digital kompetanse i barnehagen, 30 studiepoeng'],
			['partnership', 'Lokal kompetanseutvikling']
		]);
		expect(entries[1]).toMatchObject({ kindergartenId: kgOwn, places: 2 });

		const audited = await server.deps.db
			.selectFrom('auditLog')
			.select(['action', 'targetType', 'kindergartenId'])
			.where('action', '=', 'competence_plan_changed')
			.execute();
		expect(audited).toHaveLength(3);
		expect(audited.map((r) => r.kindergartenId)).toContain(kgOwn);
	});

	it("shows a manager their kindergarten's part and the entries for all, nothing else", async () => {
		const [kgOwn, kgSibling] = a.kindergartens.map((k) => k.id) as [string, string];
		await add(
			entry({ kind: 'course', kindergartenId: kgSibling, title: 'Kurs i søsterbarnehagen' })
		);
		await add(entry({ title: 'Hos en annen eier' }), 'ownerAdmin.b');

		const own = await server.request('GET', `/api/v1/competence/plan/kindergartens/${kgOwn}`, {
			cookie: cookie['manager.a']!
		});
		expect(own.status).toBe(200);
		const plan = (await own.json()) as {
			kindergarten: { id: string };
			entries: OwnerPlanEntry[];
		};
		expect(plan.kindergarten.id).toBe(kgOwn);
		const titles = plan.entries.map((e) => e.title);
		expect(titles).toContain('Personvern på to personalmøter');
		expect(titles).toContain('Digital kompetanse i barnehagen, 30 studiepoeng');
		expect(titles).not.toContain('Kurs i søsterbarnehagen');
		expect(titles).not.toContain('Hos en annen eier');

		// The sibling kindergarten and another owner's are not found, like a missing one.
		for (const id of [kgSibling, b.kindergartens[0]!.id, uuidv7()]) {
			const res = await server.request('GET', `/api/v1/competence/plan/kindergartens/${id}`, {
				cookie: cookie['manager.a']!
			});
			expect(res.status).toBe(404);
		}
		// The whole plan and every write are the owner admin's.
		const before = await snapshot(server);
		const list = await server.request('GET', '/api/v1/competence/plan', {
			cookie: cookie['manager.a']!
		});
		expect(list.status).toBe(403);
		expect((await add(entry(), 'manager.a')).status).toBe(403);
		expect((await add(entry(), 'staff.a')).status).toBe(403);
		await expectUnchanged(server, before, { auditAllowed: ['access_refused'] });
	});

	it('is changed and deleted by the owner admin; another owner gets 404', async () => {
		const made = await add(entry({ title: 'Endres' }));
		const id = (made.json['entry'] as OwnerPlanEntry).id;
		const changed = await server.request('PUT', `/api/v1/competence/plan/${id}`, {
			cookie: cookie['ownerAdmin.a']!,
			body: entry({ title: 'Endret', status: 'done' })
		});
		expect(changed.status).toBe(200);
		expect(((await changed.json()) as { entry: OwnerPlanEntry }).entry).toMatchObject({
			title: 'Endret',
			status: 'done'
		});

		const before = await snapshot(server);
		for (const method of ['PUT', 'DELETE'] as const) {
			const res = await server.request(method, `/api/v1/competence/plan/${id}`, {
				cookie: cookie['ownerAdmin.b']!,
				body: method === 'PUT' ? entry() : undefined
			});
			expect(res.status).toBe(404);
		}
		await expectUnchanged(server, before, { auditAllowed: ['access_refused'] });

		const gone = await server.request('DELETE', `/api/v1/competence/plan/${id}`, {
			cookie: cookie['ownerAdmin.a']!
		});
		expect(gone.status).toBe(204);
		const row = await server.deps.db
			.selectFrom('competencePlanEntries')
			.select('id')
			.where('id', '=', id)
			.executeTakeFirst();
		expect(row).toBeUndefined();
	});

	it('refuses bad input with a reason per field, and changes nothing', async () => {
		const before = await snapshot(server);
		const cases: Array<[Record<string, unknown>, number, Record<string, string>]> = [
			[{ area: null }, 422, { area: 'required' }],
			[
				{ kind: 'furtherEducation', area: null },
				422,
				{ kindergartenId: 'required', places: 'required' }
			],
			[{ kind: 'partnership' }, 422, { partner: 'required' }],
			[{ startsOn: '2027-06-01', endsOn: '2027-01-01' }, 422, { endsOn: 'end_before_start' }],
			[{ startsOn: '2027-02-30' }, 422, { startsOn: 'invalid_date' }],
			[{ title: '   ' }, 422, { title: 'required' }],
			[{ title: 'x'.repeat(161) }, 422, { title: 'too_long' }],
			[
				{ kind: 'furtherEducation', kindergartenId: a.kindergartens[0]!.id, places: 0 },
				422,
				{ places: 'too_small' }
			],
			[{ kindergartenId: b.kindergartens[0]!.id }, 422, { kindergartenId: 'unknown_kindergarten' }],
			[{ status: 'maybe' }, 400, {}],
			[{ extra: 1 }, 400, {}]
		];
		for (const [change, status, fields] of cases) {
			const res = await add(entry(change));
			expect(res.status, JSON.stringify(change)).toBe(status);
			const error = res.json['error'] as { reason: string; fields?: Record<string, string> };
			expect(error.reason, JSON.stringify(change)).toBe(
				status === 422 ? 'invalid_value' : 'invalid_body'
			);
			for (const [field, code] of Object.entries(fields)) {
				expect(error.fields?.[field], JSON.stringify(change)).toBe(code);
			}
		}
		await expectUnchanged(server, before);
	});
});
