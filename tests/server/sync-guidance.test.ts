import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_GUIDANCE } from '$lib/domain/guidance-default';
import { guidanceSetSchema, type GuidanceInForce, type GuidanceSet } from '$lib/domain/guidance';
import { SUPPORTED_SCHEMA } from '$lib/sync';
import {
	describeEachDatabase,
	seedOwner,
	signIn,
	startTestServer,
	type TestServer
} from './harness';
import { expectUnchanged, snapshot } from './snapshot';
import { planFields, TestClient } from './sync-fixtures';

/**
 * The owner's screen-time guidance (ADR 11): owner administrators save versions on the
 * server, every tablet of that owner pulls them, and nobody else can write or see them.
 */

type Edit = Omit<GuidanceSet, 'id' | 'version' | 'date'>;

function editOf(set: GuidanceSet, change: (edit: Edit) => void = () => undefined): Edit {
	const edit: Partial<GuidanceSet> = structuredClone(set);
	delete edit.id;
	delete edit.version;
	delete edit.date;
	change(edit as Edit);
	return edit as Edit;
}

const lowerLimit = (edit: Edit) => {
	edit.limits = edit.limits.map((l) => (l.band === '3-4' ? { ...l, dailyMinutes: 30 } : l));
};

type View = GuidanceInForce;

describeEachDatabase('owner guidance', (dialect) => {
	let server: TestServer;
	let admin: string;
	let otherAdmin: string;
	let staff: string;
	let manager: string;
	let foreignStaff: string;
	let parent: string;
	let group: string;

	const save = (cookie: string, body: unknown) =>
		server.request('PUT', '/api/v1/guidance', { cookie, body });
	const reason = async (response: Response) =>
		((await response.json()) as { error: { reason: string; fields?: Record<string, string> } })
			.error;

	beforeAll(async () => {
		server = await startTestServer(dialect);
		const a = await seedOwner(server, 'a');
		const b = await seedOwner(server, 'b');
		group = a.kindergartens[0]!.groups[0]!;
		admin = await signIn(server, a.users.ownerAdmin.email);
		otherAdmin = await signIn(server, b.users.ownerAdmin.email);
		staff = await signIn(server, a.users.staff.email);
		manager = await signIn(server, a.users.manager.email);
		foreignStaff = await signIn(server, b.users.staff.email);
		parent = await signIn(server, a.users.parent.email);
	});
	afterAll(async () => server.close());

	it('shows the shipped default until the owner edits', async () => {
		const response = await server.request('GET', '/api/v1/guidance', { cookie: admin });
		expect(response.status).toBe(200);
		const view = (await response.json()) as View;
		expect(view).toEqual({ set: DEFAULT_GUIDANCE, edited: false, updatedAt: null });
	});

	it('saves a new version that staff of the owner pull, in revision order with their plans', async () => {
		const tablet = new TestClient(server, staff);
		const before = await tablet.pullAll();
		expect(before.changes.filter((c) => c.type === 'guidance')).toEqual([]);

		const plan = await tablet.push([tablet.put(crypto.randomUUID(), null, planFields(group))]);
		const planRev = plan.results[0]!.rev!;

		const response = await save(admin, {
			baseVersion: DEFAULT_GUIDANCE.version,
			set: editOf(DEFAULT_GUIDANCE, lowerLimit)
		});
		expect(response.status).toBe(200);
		const saved = (await response.json()) as View;
		expect(saved.edited).toBe(true);
		expect(saved.set.version).toBe(DEFAULT_GUIDANCE.version + 1);
		expect(saved.set.id).toBe(DEFAULT_GUIDANCE.id);
		expect(saved.set.date).toBe(server.clock.now().toISOString().slice(0, 10));
		expect(saved.set.limits.find((l) => l.band === '3-4')?.dailyMinutes).toBe(30);

		const pulled = await tablet.pullAll(before.cursor);
		expect(pulled.changes.map((c) => c.type)).toEqual(['plan', 'guidance']);
		const [planChange, guidanceChange] = pulled.changes;
		expect(planChange!.rev).toBe(planRev);
		expect(guidanceChange!.rev).toBeGreaterThan(planRev);
		expect(guidanceSetSchema.parse(guidanceChange!.data)).toEqual(saved.set);

		// A manager of the same owner gets it from cursor 0 too; nothing changes twice.
		const fresh = await new TestClient(server, manager).pullAll();
		expect(fresh.changes.filter((c) => c.type === 'guidance')).toHaveLength(1);
		const again = await tablet.pullAll(pulled.cursor);
		expect(again.changes).toEqual([]);
		const audit = await server.deps.db
			.selectFrom('auditLog')
			.select(['action', 'reason'])
			.where('action', '=', 'guidance_changed')
			.execute();
		expect(audit).toEqual([{ action: 'guidance_changed', reason: `version_${saved.set.version}` }]);
	});

	it('a later version replaces the earlier one on the next pull', async () => {
		const tablet = new TestClient(server, staff);
		const start = await tablet.pullAll();
		const current = (
			(await (await server.request('GET', '/api/v1/guidance', { cookie: admin })).json()) as View
		).set;
		const response = await save(admin, {
			baseVersion: current.version,
			set: editOf(current, (e) => (e.closeShare = 0.8))
		});
		expect(response.status).toBe(200);
		const { changes } = await tablet.pullAll(start.cursor);
		expect(changes).toHaveLength(1);
		expect(changes[0]!.data).toMatchObject({ version: current.version + 1, closeShare: 0.8 });
	});

	it('keeps an owner’s set saved on an older shipped default in force, untouched', async () => {
		// An owner who saved once before the shipped default became version 2 holds version 2:
		// the corrected default of the same version must not replace it (issue 19).
		const c = await seedOwner(server, 'c');
		const cAdmin = await signIn(server, c.users.ownerAdmin.email);
		const theirs: GuidanceSet = {
			...structuredClone(DEFAULT_GUIDANCE),
			version: DEFAULT_GUIDANCE.version,
			date: '2026-06-01',
			closeShare: 0.5
		};
		theirs.sources[1]!.name = 'Helsedirektoratet: Nasjonale råd om skjermbruk (høring)';
		const at = server.clock.now().toISOString();
		await server.deps.db
			.insertInto('guidanceSets')
			.values({
				ownerId: c.id,
				recordId: crypto.randomUUID(),
				data: JSON.stringify(theirs),
				version: theirs.version,
				rev: 0,
				createdAt: at,
				updatedBy: null,
				updatedAt: at
			})
			.execute();
		const view = (await (
			await server.request('GET', '/api/v1/guidance', { cookie: cAdmin })
		).json()) as View;
		expect(view).toEqual({ set: theirs, edited: true, updatedAt: at });
		const row = await server.deps.db
			.selectFrom('guidanceSets')
			.select('data')
			.where('ownerId', '=', c.id)
			.executeTakeFirstOrThrow();
		expect(JSON.parse(row.data)).toEqual(theirs);
	});

	it('never reaches another owner', async () => {
		const foreign = await new TestClient(server, foreignStaff).pullAll();
		expect(foreign.changes.filter((c) => c.type === 'guidance')).toEqual([]);
		const theirs = (await (
			await server.request('GET', '/api/v1/guidance', { cookie: otherAdmin })
		).json()) as View;
		expect(theirs.edited).toBe(false);
	});

	it('refuses an edit made on an older version (409) and changes nothing', async () => {
		const before = await snapshot(server);
		const response = await save(admin, {
			baseVersion: DEFAULT_GUIDANCE.version,
			set: editOf(DEFAULT_GUIDANCE)
		});
		expect(response.status).toBe(409);
		const error = (await response.json()) as { error: { reason: string; version: number } };
		expect(error.error.reason).toBe('version_conflict');
		expect(error.error.version).toBeGreaterThan(DEFAULT_GUIDANCE.version + 1);
		await expectUnchanged(server, before);
	});

	it('lets only owner administrators read or save it', async () => {
		for (const cookie of [staff, manager, parent]) {
			const before = await snapshot(server);
			expect((await server.request('GET', '/api/v1/guidance', { cookie })).status).toBe(403);
			const response = await save(cookie, { baseVersion: 1, set: editOf(DEFAULT_GUIDANCE) });
			expect(response.status).toBe(403);
			expect((await reason(response)).reason).toBe('forbidden');
			await expectUnchanged(server, before, { auditAllowed: ['access_refused'] });
		}
		expect((await server.request('GET', '/api/v1/guidance')).status).toBe(401);
	});

	it('refuses bad input with a reason and changes nothing', async () => {
		const current = (
			(await (await server.request('GET', '/api/v1/guidance', { cookie: admin })).json()) as View
		).set;
		const valid = editOf(current);
		const cases: Array<[unknown, number, string, string?]> = [
			[{ baseVersion: current.version }, 400, 'invalid_body', 'set'],
			[{ baseVersion: '1', set: valid }, 400, 'invalid_body', 'baseVersion'],
			[{ baseVersion: 0, set: valid }, 422, 'invalid_value', 'baseVersion'],
			[{ baseVersion: current.version, set: valid, extra: 1 }, 400, 'invalid_body'],
			[
				{ baseVersion: current.version, set: { ...valid, version: 99 } },
				400,
				'invalid_body',
				'version'
			],
			[{ baseVersion: current.version, set: { ...valid, id: 'mine' } }, 400, 'invalid_body', 'id'],
			[
				{ baseVersion: current.version, set: { ...valid, closeShare: 2 } },
				422,
				'invalid_value',
				'closeShare'
			],
			[
				{
					baseVersion: current.version,
					set: editOf(current, (e) => (e.limits = e.limits.slice(1)))
				},
				422,
				'invalid_value',
				'limits'
			],
			[
				{
					baseVersion: current.version,
					set: editOf(current, (e) => (e.limits[0]!.basis = 'no-such-source'))
				},
				422,
				'invalid_value',
				'limits'
			],
			[{ baseVersion: current.version, set: { ...valid, sources: 'none' } }, 400, 'invalid_body'],
			[
				{
					baseVersion: current.version,
					set: editOf(current, (e) => (e.sources[0]!.url = 'javascript:alert(1)'))
				},
				422,
				'invalid_value',
				'sources.url'
			],
			[{ baseVersion: current.version, set: { ...valid, surprise: true } }, 400, 'invalid_body'],
			[
				{
					baseVersion: current.version,
					set: editOf(current, (e) => (e.sources[0]!.name = 'bad\u0000name'))
				},
				400,
				'invalid_body'
			]
		];
		for (const [body, status, code, field] of cases) {
			const before = await snapshot(server);
			const response = await save(admin, body);
			const error = await reason(response);
			expect(response.status, JSON.stringify({ body, error })).toBe(status);
			expect(error.reason).toBe(code);
			if (field) expect(Object.keys(error.fields ?? {}), JSON.stringify(error)).toContain(field);
			await expectUnchanged(server, before);
		}
		const raw = await server.request('PUT', '/api/v1/guidance', {
			cookie: admin,
			raw: '{"baseVersion":',
			headers: { 'content-type': 'application/json' }
		});
		expect(raw.status).toBe(400);
	});

	it('serves a schema-1 client (which skips guidance) and refuses an unknown schema with 426', async () => {
		const tablet = new TestClient(server, staff);
		const old = await server.request(
			'GET',
			`/api/v1/sync/pull?cursor=0&protocol=1&schema=${SUPPORTED_SCHEMA.min}&clientId=${tablet.id}`,
			{ cookie: staff }
		);
		expect(old.status).toBe(200);
		const future = await server.request(
			'GET',
			`/api/v1/sync/pull?cursor=0&protocol=1&schema=${SUPPORTED_SCHEMA.max + 1}&clientId=${tablet.id}`,
			{ cookie: staff }
		);
		expect(future.status).toBe(426);
	});

	describe('pages', () => {
		it('places the guidance in revision order across page boundaries', async () => {
			const tablet = new TestClient(server, staff);
			const start = await tablet.pullAll();
			const ids = Array.from({ length: 3 }, () => crypto.randomUUID());
			await tablet.push(ids.map((id) => tablet.put(id, null, planFields(group))));
			const current = (
				(await (await server.request('GET', '/api/v1/guidance', { cookie: admin })).json()) as View
			).set;
			expect(
				(await save(admin, { baseVersion: current.version, set: editOf(current) })).status
			).toBe(200);
			await tablet.push([tablet.put(crypto.randomUUID(), null, planFields(group))]);
			const { changes } = await tablet.pullAll(start.cursor);
			expect(changes.map((c) => c.type)).toEqual(['plan', 'plan', 'plan', 'guidance', 'plan']);
			const revs = changes.map((c) => c.rev);
			expect(revs).toEqual([...revs].sort((x, y) => x - y));
		});
	});
});
