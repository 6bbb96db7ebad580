import { afterAll, beforeAll, expect, it } from 'vitest';
import { uuidv7 } from '$lib/domain/ids';
import {
	blankEntryFields,
	REGISTER_SEED,
	type RegisterEntry,
	type RegisterEntryFields
} from '$lib/domain/register';
import {
	seedRegister,
	type RegisterUsage,
	type ToolProposal
} from '$lib/server/use-cases/register';
import {
	describeEachDatabase,
	seedOwner,
	signIn,
	startTestServer,
	type SeededOwner,
	type TestServer
} from './harness';
import { expectUnchanged, snapshot } from './snapshot';
import { planFields, TestClient } from './sync-fixtures';

/**
 * The owner's register of digital tools (issue 16, ADR 43) on the server: seeded once with the
 * built-in libraries' tools; owner admins add and assess entries (a save on an older version is
 * 409 with the saved one, a name is one entry's only, a rename keeps the former name); where
 * tools not approved are planned, from plans pushed by tablets; staff's proposals decided by an
 * owner admin; every write audited, another owner's entries out of reach.
 */

type ErrorBody = {
	error: { reason: string; fields?: Record<string, string>; current?: RegisterEntry };
};

describeEachDatabase('the register of tools', (dialect) => {
	let server: TestServer;
	let a: SeededOwner;
	let b: SeededOwner;
	let admin = '';
	let staff = '';
	let manager = '';
	let adminB = '';

	const list = async (cookie = admin) =>
		(
			(await (await server.request('GET', '/api/v1/register', { cookie })).json()) as {
				entries: RegisterEntry[];
			}
		).entries;
	const byName = async (name: string) => (await list()).find((e) => e.fields.name === name)!;
	const add = (body: unknown, cookie = admin) =>
		server.request('POST', '/api/v1/register/entries', { cookie, body });
	const put = (id: string, fields: RegisterEntryFields, baseUpdatedAt: string, cookie = admin) =>
		server.request('PUT', `/api/v1/register/entries/${id}`, {
			cookie,
			body: { fields, baseUpdatedAt }
		});
	const auditOf = (action: string, targetId?: string) => {
		let query = server.deps.db
			.selectFrom('auditLog')
			.selectAll()
			.where('action', '=', action as never);
		if (targetId) query = query.where('targetId', '=', targetId);
		return query.execute();
	};
	const seed = (ownerId: string) =>
		seedRegister(server.deps.db, server.deps.dialect, server.clock, ownerId);

	beforeAll(async () => {
		server = await startTestServer(dialect);
		a = await seedOwner(server, 'a');
		b = await seedOwner(server, 'b');
		admin = await signIn(server, a.users.ownerAdmin.email);
		staff = await signIn(server, a.users.staff.email);
		manager = await signIn(server, a.users.manager.email);
		adminB = await signIn(server, b.users.ownerAdmin.email);
	});
	afterAll(async () => server.close());

	it('is seeded once per owner with the libraries’ tools, not yet assessed', async () => {
		expect(await seed(a.id)).toBe(REGISTER_SEED.length);
		expect(await seed(b.id)).toBe(REGISTER_SEED.length);
		const entries = await list();
		expect(entries.map((e) => e.seedKey).sort()).toEqual(
			REGISTER_SEED.map((s) => s.seedKey).sort()
		);
		expect(entries.every((e) => e.fields.decision === 'notAssessed')).toBe(true);
		expect(entries.every((e) => e.assessedAt === null && e.assessedBy === null)).toBe(true);
		// Sorted by name, as a person reads it.
		const names = entries.map((e) => e.fields.name);
		expect(names).toEqual([...names].sort((x, y) => x.localeCompare(y, 'nb')));
		// Each entry took its own revision.
		const revs = await server.deps.db
			.selectFrom('registerEntries')
			.select('rev')
			.where('ownerId', '=', a.id)
			.execute();
		expect(new Set(revs.map((r) => r.rev)).size).toBe(REGISTER_SEED.length);
		// Again: nothing added, nothing written.
		const before = await snapshot(server);
		expect(await seed(a.id)).toBe(0);
		await expectUnchanged(server, before);
		expect(await auditOf('register_seeded')).toHaveLength(2);
		// Staff and managers read the same register; parents do not.
		expect((await list(staff)).map((e) => e.id)).toEqual(entries.map((e) => e.id));
		expect((await list(manager)).length).toBe(entries.length);
		const parent = await signIn(server, a.users.parent.email);
		expect((await server.request('GET', '/api/v1/register', { cookie: parent })).status).toBe(403);
	});

	it('assesses an entry: who and when stamped only when an assessment changes', async () => {
		const bee = await byName('Bee-Bot');
		server.clock.advance(60_000);
		const purposeOnly = { ...bee.fields, purpose: 'Gulvrobot for de eldste.' };
		let response = await put(bee.id, purposeOnly, bee.updatedAt);
		expect(response.status).toBe(200);
		const plain = (await response.json()) as RegisterEntry;
		expect(plain.fields.purpose).toBe('Gulvrobot for de eldste.');
		expect(plain.assessedAt).toBeNull();
		expect(plain.updatedAt).not.toBe(bee.updatedAt);

		server.clock.advance(60_000);
		const assessed: RegisterEntryFields = {
			...plain.fields,
			dataProcessingAgreement: 'notNeeded',
			riskAssessment: { done: true, date: '2026-11-20', link: 'https://kommune.no/ros/bee-bot' },
			decision: 'approvedWithConditions',
			conditions: 'Bare med en voksen til stede.'
		};
		response = await put(bee.id, assessed, plain.updatedAt);
		expect(response.status).toBe(200);
		const done = (await response.json()) as RegisterEntry;
		expect(done.assessedAt).toBe(server.clock.now().toISOString());
		expect(done.assessedBy).toBe('ownerAdmin a');
		expect(done.fields.riskAssessment.link).toBe('https://kommune.no/ros/bee-bot');
		const rows = await auditOf('register_entry_changed', bee.id);
		expect(rows.map((r) => r.reason)).toEqual([null, 'assessed']);
		expect(JSON.parse(rows[1]!.changes!)).toEqual({
			decision: ['notAssessed', 'approvedWithConditions']
		});
		expect(rows[1]!.actorUserId).toBe(a.users.ownerAdmin.id);
	});

	it('refuses a save on an older version with the saved entry, changing nothing', async () => {
		const bee = await byName('Bee-Bot');
		const before = await snapshot(server);
		const response = await put(
			bee.id,
			{ ...bee.fields, decision: 'deselected' },
			'2026-11-01T00:00:00.000Z'
		);
		expect(response.status).toBe(409);
		const body = (await response.json()) as ErrorBody;
		expect(body.error.reason).toBe('stale');
		expect(body.error.current).toEqual(bee);
		await expectUnchanged(server, before);
	});

	it('refuses a name or alias another entry answers to', async () => {
		const cubetto = await byName('Cubetto');
		const before = await snapshot(server);
		// "bee bot" is Bee-Bot's name, normalised.
		let response = await put(
			cubetto.id,
			{ ...cubetto.fields, aliases: ['bee bot'] },
			cubetto.updatedAt
		);
		expect(response.status).toBe(409);
		expect(((await response.json()) as ErrorBody).error.reason).toBe('name_taken');
		// "Stopmotion" is an alias of the stop-motion app.
		response = await add(blankEntryFields('StopMotion', 'app'));
		expect(response.status).toBe(409);
		await expectUnchanged(server, before);
	});

	it('adds an entry of the owner’s own, and judges its fields', async () => {
		const before = await snapshot(server);
		let response = await add(blankEntryFields('', 'app'));
		expect(response.status).toBe(422);
		expect(((await response.json()) as ErrorBody).error.fields).toEqual({ name: 'required' });
		response = await add({ ...blankEntryFields('Tegneapp', 'app'), ageMin: 5, ageMax: 2 });
		expect(response.status).toBe(422);
		expect(((await response.json()) as ErrorBody).error.fields).toEqual({ ageMax: 'below_min' });
		response = await add({
			...blankEntryFields('Tegneapp', 'app'),
			decision: 'approvedWithConditions'
		});
		expect(((await response.json()) as ErrorBody).error.fields).toEqual({
			conditions: 'required'
		});
		response = await add({ ...blankEntryFields('Tegneapp', 'app'), decision: 'maybe' });
		expect(response.status).toBe(422);
		response = await add({ ...blankEntryFields('Tegneapp', 'app'), colour: 'red' });
		expect(response.status).toBe(400);
		expect(((await response.json()) as ErrorBody).error.reason).toBe('invalid_body');
		response = await add(blankEntryFields('Tegneapp', 'app'), staff);
		expect(response.status).toBe(403);
		await expectUnchanged(server, before, { auditAllowed: ['access_refused'] });

		response = await add({ ...blankEntryFields('Tegneapp', 'app'), purpose: 'Tegne.' });
		expect(response.status).toBe(201);
		const entry = (await response.json()) as RegisterEntry;
		expect(entry).toMatchObject({ seedKey: null, assessedAt: null, fields: { name: 'Tegneapp' } });
		expect(await auditOf('register_entry_added', entry.id)).toHaveLength(1);
	});

	it('keeps the former name as an alias on a rename', async () => {
		const entry = await byName('Tegneapp');
		const response = await put(
			entry.id,
			{ ...entry.fields, name: 'Tegneappen Farger' },
			entry.updatedAt
		);
		expect(response.status).toBe(200);
		const renamed = (await response.json()) as RegisterEntry;
		expect(renamed.fields.aliases).toEqual(['Tegneapp']);
		// Another entry cannot take the former name now.
		expect((await add(blankEntryFields('tegne-app', 'app'))).status).toBe(409);
		// Renamed back: the name is no longer an alias of itself.
		const back = (await (
			await put(renamed.id, { ...renamed.fields, name: 'Tegneapp' }, renamed.updatedAt)
		).json()) as RegisterEntry;
		expect(back.fields.aliases).toEqual(['Tegneappen Farger']);
	});

	it('is out of reach of another owner: 404, logged, changing nothing', async () => {
		const bee = await byName('Bee-Bot');
		const before = await snapshot(server);
		const response = await put(bee.id, bee.fields, bee.updatedAt, adminB);
		expect(response.status).toBe(404);
		expect((await put(uuidv7(), bee.fields, bee.updatedAt)).status).toBe(404);
		await expectUnchanged(server, before, { auditAllowed: ['access_refused'] });
		const refused = await auditOf('access_refused', bee.id);
		expect(refused.map((r) => r.actorUserId)).toEqual([b.users.ownerAdmin.id]);
		// Owner b's register is its own.
		const theirs = await list(adminB);
		expect(theirs.find((e) => e.fields.name === 'Bee-Bot')!.fields.decision).toBe('notAssessed');
		expect(theirs.some((e) => e.fields.name === 'Tegneapp')).toBe(false);
	});

	it('does not seed again an entry the owner changed or renamed', async () => {
		const tablet = await byName('Nettbrett');
		await put(tablet.id, { ...tablet.fields, name: 'iPad-ene' }, tablet.updatedAt);
		expect(await seed(a.id)).toBe(0);
		expect((await list()).filter((e) => e.seedKey === 'tablet')).toHaveLength(1);
	});

	it('shows where tools not approved are planned, from plans pushed by tablets', async () => {
		const [own, sibling] = a.kindergartens;
		const tablet = new TestClient(server, staff);
		const other = new TestClient(
			server,
			await signIn(server, await staffOf(sibling!.id)),
			uuidv7()
		);
		await tablet.push([
			tablet.put(uuidv7(), null, planFields(own!.groups[0]!, { tools: ['Bee-Bot', 'Stopmotion'] })),
			tablet.put(
				uuidv7(),
				null,
				planFields(own!.groups[0]!, { date: '2026-12-03', tools: ['bee bot'] })
			),
			// Before the day asked from: not counted.
			tablet.put(
				uuidv7(),
				null,
				planFields(own!.groups[0]!, { date: '2026-11-20', tools: ['BeeBot'] })
			),
			tablet.put(
				uuidv7(),
				null,
				planFields(own!.groups[1]!, { tools: ['Lydpenn  X-1', 'Cubetto'] })
			)
		]);
		await other.push([
			other.put(
				uuidv7(),
				null,
				planFields(sibling!.groups[0]!, { date: '2026-12-05', tools: ['BEE-BOT'] })
			)
		]);
		// Cubetto approved: no longer listed.
		const cubetto = await byName('Cubetto');
		await put(cubetto.id, { ...cubetto.fields, decision: 'approved' }, cubetto.updatedAt);

		const response = await server.request('GET', '/api/v1/register/usage', { cookie: admin });
		expect(response.status).toBe(200);
		const usage = (await response.json()) as RegisterUsage;
		expect(usage.from).toBe('2026-11-28');
		const bee = usage.tools.find((t) => t.name === 'Bee-Bot')!;
		expect(bee).toMatchObject({ decision: 'approvedWithConditions', plans: 3 });
		expect(bee.kindergartens).toEqual([
			{ id: own!.id, name: 'Barnehage a0', plans: 2, nextDate: '2026-12-01' },
			{ id: sibling!.id, name: 'Barnehage a1', plans: 1, nextDate: '2026-12-05' }
		]);
		expect(usage.tools.find((t) => t.name === 'Stop-motion-app')).toMatchObject({
			decision: 'notAssessed',
			plans: 1
		});
		// Not in the register: named as a plan spells it.
		expect(usage.tools.find((t) => t.entryId === null)).toMatchObject({
			name: 'Lydpenn  X-1',
			decision: null,
			plans: 1
		});
		expect(usage.tools.some((t) => t.name === 'Cubetto')).toBe(false);
		// From an earlier day, the plan before today counts too.
		const earlier = (await (
			await server.request('GET', '/api/v1/register/usage?from=2026-11-01', { cookie: admin })
		).json()) as RegisterUsage;
		expect(earlier.tools.find((t) => t.name === 'Bee-Bot')!.plans).toBe(4);
		expect(
			(await server.request('GET', '/api/v1/register/usage?from=2026-13-01', { cookie: admin }))
				.status
		).toBe(400);
		expect((await server.request('GET', '/api/v1/register/usage', { cookie: staff })).status).toBe(
			403
		);
		// Owner b sees none of owner a's plans.
		const theirs = (await (
			await server.request('GET', '/api/v1/register/usage', { cookie: adminB })
		).json()) as RegisterUsage;
		expect(theirs.tools).toEqual([]);
	});

	it('takes proposals from staff and managers, scoped to their kindergarten', async () => {
		const proposeAs = (cookie: string, body: unknown) =>
			server.request('POST', '/api/v1/register/proposals', { cookie, body });
		const before = await snapshot(server);
		let response = await proposeAs(staff, {
			name: 'Bee Bot',
			kind: 'codingToy',
			purpose: 'x',
			note: ''
		});
		expect(response.status).toBe(409);
		const known = (await response.json()) as ErrorBody & { error: { entryId: string } };
		expect(known.error.reason).toBe('already_in_register');
		expect(known.error.entryId).toBe((await byName('Bee-Bot')).id);
		response = await proposeAs(staff, { name: 'Mikroskop', kind: 'device', purpose: '', note: '' });
		expect(response.status).toBe(422);
		expect(
			(await proposeAs(admin, { name: 'X', kind: 'app', purpose: 'y', note: '' })).status
		).toBe(403);
		await expectUnchanged(server, before, { auditAllowed: ['access_refused'] });

		response = await proposeAs(staff, {
			name: 'Mikroskop',
			kind: 'device',
			purpose: 'Se på småkryp.',
			note: 'Et digitalt mikroskop med skjerm.'
		});
		expect(response.status).toBe(201);
		const micro = (await response.json()) as ToolProposal;
		expect(micro).toMatchObject({ status: 'open', proposedBy: 'staff a', entryId: null });
		response = await proposeAs(manager, {
			name: 'mikroskop',
			kind: 'device',
			purpose: 'x',
			note: ''
		});
		expect(response.status).toBe(409);
		expect(((await response.json()) as ErrorBody).error.reason).toBe('already_proposed');
		response = await proposeAs(manager, {
			name: 'Lydopptaker',
			kind: 'device',
			purpose: 'Ta opp lyder på tur.',
			note: ''
		});
		expect(response.status).toBe(201);
		const recorder = (await response.json()) as ToolProposal;
		// A staff member of the second kindergarten proposes too.
		const otherStaff = await signIn(server, await staffOf(a.kindergartens[1]!.id));
		const drone = (await (
			await proposeAs(otherStaff, { name: 'Drone', kind: 'device', purpose: 'Filme.', note: '' })
		).json()) as ToolProposal;
		expect(await auditOf('register_tool_proposed')).toHaveLength(3);

		const proposalsOf = async (cookie: string) =>
			(
				(await (await server.request('GET', '/api/v1/register/proposals', { cookie })).json()) as {
					proposals: ToolProposal[];
				}
			).proposals;
		expect((await proposalsOf(staff)).map((p) => p.id).sort()).toEqual(
			[micro.id, recorder.id].sort()
		);
		expect((await proposalsOf(otherStaff)).map((p) => p.id)).toEqual([drone.id]);
		expect((await proposalsOf(admin)).map((p) => p.id).sort()).toEqual(
			[micro.id, recorder.id, drone.id].sort()
		);
		expect(await proposalsOf(adminB)).toEqual([]);

		// Decided by the owner admin: accepted becomes an entry, not yet assessed.
		const decide = (id: string, body: unknown, cookie = admin) =>
			server.request('POST', `/api/v1/register/proposals/${id}/decision`, { cookie, body });
		expect((await decide(micro.id, { decision: 'accepted' }, manager)).status).toBe(403);
		expect((await decide(micro.id, { decision: 'accepted' }, adminB)).status).toBe(404);
		response = await decide(recorder.id, { decision: 'declined' });
		expect(response.status).toBe(422);
		expect(((await response.json()) as ErrorBody).error.fields).toEqual({ reason: 'required' });

		response = await decide(micro.id, { decision: 'accepted' });
		expect(response.status).toBe(200);
		const accepted = (await response.json()) as ToolProposal;
		expect(accepted).toMatchObject({ status: 'accepted', decidedBy: 'ownerAdmin a' });
		const entry = await byName('Mikroskop');
		expect(accepted.entryId).toBe(entry.id);
		expect(entry.fields).toMatchObject({
			kind: 'device',
			purpose: 'Se på småkryp.',
			decision: 'notAssessed'
		});
		expect((await decide(micro.id, { decision: 'declined', reason: 'Nei' })).status).toBe(409);

		response = await decide(recorder.id, { decision: 'declined', reason: 'Vi har nok av dem.' });
		expect(response.status).toBe(200);
		// The proposer's kindergarten sees the decision and its reason; open ones come first.
		const seen = await proposalsOf(manager);
		expect(seen.find((p) => p.id === recorder.id)).toMatchObject({
			status: 'declined',
			reason: 'Vi har nok av dem.'
		});
		const forAdmin = await proposalsOf(admin);
		expect(forAdmin[0]!.id).toBe(drone.id);
		const decided = await auditOf('register_proposal_decided');
		expect(decided.map((r) => r.reason).sort()).toEqual(['accepted', 'declined']);
	});

	/** A staff member of the kindergarten (a new one), their email. */
	async function staffOf(kindergartenId: string): Promise<string> {
		const { db } = server.deps;
		const { passwordHash } = await db
			.selectFrom('users')
			.select('passwordHash')
			.where('id', '=', a.users.staff.id)
			.executeTakeFirstOrThrow();
		const id = uuidv7();
		const email = `${id}@test.lekeplan.no`;
		const now = server.clock.now().toISOString();
		await db
			.insertInto('users')
			.values({
				id,
				ownerId: a.id,
				email,
				displayName: `Ansatt ${id.slice(-4)}`,
				role: 'staff',
				kindergartenId,
				groupId: null,
				passwordHash,
				disabledAt: null,
				createdAt: now,
				updatedAt: now
			})
			.execute();
		return email;
	}
});
