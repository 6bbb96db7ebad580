import 'fake-indexeddb/auto';
import { afterAll, beforeAll, expect, it, onTestFailed } from 'vitest';
import { LekeplanDatabase } from '$lib/client/db/database';
import { META } from '$lib/client/db/outbox';
import { PlanRepository } from '$lib/client/db/plan-repository';
import { ActivityRepository } from '$lib/client/db/activity-repository';
import { GuidanceRepository } from '$lib/client/db/guidance-repository';
import { DEFAULT_GUIDANCE } from '$lib/domain/guidance-default';
import type { GuidanceSet } from '$lib/domain/guidance';
import { builtInActivity } from '$lib/domain/library/content-fixture';
import type { ActivityContent } from '$lib/domain/library/library-activity';
import { SyncEngine, type SyncTransport, type TransportResult } from '$lib/client/sync/engine';
import { startSession } from '$lib/server/auth/sessions';
import { SESSION_COOKIE } from '$lib/server/auth/sessions';
import { fullRecord } from '$lib/server/use-cases/sync-records';
import type { PlanContent } from '$lib/domain/plan';
import {
	FREE_TEXT_FIELDS,
	sameValue,
	type Mutation,
	type MutationStatus,
	type PullResponse,
	type PushResponse,
	type RecordType
} from '$lib/sync';
import { describeEachDatabase, seedOwner, startTestServer, type TestServer } from './harness';
import { pullPath, transportResult } from './sync-fixtures';

/**
 * The seeded multi-client property test (issue 5): 3–5 in-process clients, each with its own
 * IndexedDB (fake-indexeddb) and the real sync engine, make random creates, edits and deletes,
 * go offline and online, lose responses, and sync in random order against the real server.
 * After quiescing:
 * - every client holds exactly the server's records, whole (every field, nested ones and
 *   tombstones; its `syncRev` is the server's `rev`), and the guidance in force;
 * - every mutation each client made is accounted for one by one, from the server's tables:
 *   applied (its values are on the server, or a later revision wrote over them), rejected (its
 *   `sync_rejections` row) or in conflict (its `sync_conflicts` rows, by client and mutation id);
 * - none was applied twice: the revisions handed out are exactly those of the mutations'
 *   first decisions (one each, none shared), every revision a record or field carries is one of
 *   them, and each client's `last_mutation_id` is its last mutation.
 * A failure (an assertion, an exception, a seed that hangs) names its seed and how to rerun it.
 */

const SEEDS = Number(process.env['SYNC_SEEDS'] ?? 200);
const OPS = Number(process.env['SYNC_OPS'] ?? 100);
const ONLY = process.env['SYNC_SEED'];
/** A seed normally takes well under a second; one that takes this long is stuck. */
const SEED_TIMEOUT = Number(process.env['SYNC_SEED_TIMEOUT_MS'] ?? 60_000);

/** How to run one seed again, as printed with every failure. */
function rerun(seed: number, dialect: string): string {
	const ops = OPS === 100 ? '' : `SYNC_OPS=${OPS} `;
	return `SYNC_SEED=${seed} ${ops}npx vitest run tests/server/sync-property.test.ts -t '${dialect}'`;
}

/** mulberry32: small, fast, and the same sequence for the same seed everywhere. */
function random(seed: number) {
	let a = seed >>> 0;
	const next = () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
	return {
		next,
		int: (n: number) => Math.floor(next() * n),
		pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!
	};
}

/** What the server first decided about one mutation (a later answer for it must be `skipped`). */
interface Decision {
	key: string;
	clientId: string;
	mutation: Mutation;
	status: MutationStatus;
	rev: number | undefined;
	/**
	 * Where it stands in server order: its revision, or (when it took none) the last revision a
	 * record took before it.
	 */
	at: number;
}

/** Every answer the server gave, including those lost on the way back. */
interface Ledger {
	decisions: Map<string, Decision>;
	/** Mutations decided again after their first decision (must stay empty). */
	redecided: string[];
	/** Per client id: the highest `lastMutationId` an answer that reached the client carried. */
	acknowledged: Map<string, number>;
	/** The highest revision an answer has carried. */
	lastRev: number;
}

interface Client {
	name: string;
	db: LekeplanDatabase;
	plans: PlanRepository;
	activities: ActivityRepository;
	engine: SyncEngine;
	online: boolean;
}

const TITLES = ['Bee-Bot', 'Stopmotion', 'Menneskerobot', 'Cubetto', 'Skattejakt', 'Lydbok'];
const GOALS = ['Telle steg', 'Lage en historie', 'Snakke om retninger', 'Samarbeide'];
const TOOLS = ['Bee-Bot', 'Kamera', 'Nettbrett', 'Rutenett'];

const ACTIVITY = builtInActivity('bee-bot-story-mat', 'nb');

function activityContent(rng: ReturnType<typeof random>): ActivityContent {
	const rest: Record<string, unknown> = { ...ACTIVITY };
	delete rest['id'];
	delete rest['origin'];
	return {
		...(rest as unknown as ActivityContent),
		title: `${rng.pick(TITLES)} ${rng.int(1000)}`,
		durationMinutes: 20 + rng.int(20),
		materials: [rng.pick(TOOLS), rng.pick(TOOLS)]
	};
}

function content(groupId: string, rng: ReturnType<typeof random>): PlanContent {
	return {
		groupId,
		title: `${rng.pick(TITLES)} ${rng.int(1000)}`,
		date: `2026-12-0${1 + rng.int(5)}`,
		startTime: '09:30',
		endTime: '10:15',
		goals: rng.pick(GOALS),
		description: '',
		learningAreas: [rng.pick(['quantities', 'art', 'nature'] as const)],
		clauses: ['explore'],
		tools: ['Bee-Bot'],
		screenMode: 'screenFree',
		screenMinutes: 0,
		adultParticipates: true,
		privacy: { photographed: false, storage: '', consent: false, notes: '' },
		status: 'planned',
		evaluation: null
	};
}

describeEachDatabase('sync property', (dialect) => {
	let server: TestServer;

	beforeAll(async () => {
		server = await startTestServer(dialect);
	});
	afterAll(async () => server.close());

	const seeds = ONLY ? [Number(ONLY)] : Array.from({ length: SEEDS }, (_, i) => i + 1);

	it(`${seeds.length} seeds × ${OPS} operations converge`, async () => {
		let current: number | null = null;
		// Whatever ends the test (the test's own timeout too), the seed it was on is printed.
		onTestFailed(() => {
			if (current !== null) {
				console.error(
					`sync property [${dialect}] failed at seed ${current}; rerun only it: ${rerun(current, dialect)}`
				);
			}
		});
		const outcomes = { conflict: 0, rejected: 0, applied: 0, replays: 0 };
		for (const seed of seeds) {
			current = seed;
			let timer: ReturnType<typeof setTimeout> | undefined;
			try {
				const stuck = new Promise<never>((_, reject) => {
					timer = setTimeout(
						() => reject(new Error(`seed ${seed} did not finish in ${SEED_TIMEOUT} ms`)),
						SEED_TIMEOUT
					);
				});
				const result = await Promise.race([runSeed(server, seed), stuck]);
				for (const status of result.statuses) {
					if (status in outcomes) outcomes[status as keyof typeof outcomes]++;
				}
				outcomes.replays += result.replays;
			} catch (error) {
				throw new Error(
					`sync property failed for seed ${seed} on ${dialect} (rerun only it: ${rerun(seed, dialect)}): ${String(error)}`,
					{ cause: error }
				);
			} finally {
				clearTimeout(timer);
			}
		}
		current = null;
		// The runs must reach the hard cases, or converging proves little.
		if (seeds.length >= 20) {
			expect(outcomes.conflict, 'no seed produced a conflict').toBeGreaterThan(0);
			expect(outcomes.replays, 'no seed replayed a batch whose answer was lost').toBeGreaterThan(0);
			expect(outcomes.applied).toBeGreaterThan(seeds.length * 10);
		}
	}, 900_000);
});

async function sequenceOf(server: TestServer): Promise<number> {
	const row = await server.deps.db
		.selectFrom('syncSequence')
		.select('value')
		.where('id', '=', 1)
		.executeTakeFirstOrThrow();
	return row.value;
}

async function runSeed(
	server: TestServer,
	seed: number
): Promise<{ statuses: MutationStatus[]; replays: number }> {
	const rng = random(seed);
	const owner = await seedOwner(server, `p${seed}x${server.dialect}`);
	const kindergarten = owner.kindergartens[0]!;
	const users = [owner.users.staff, owner.users.manager];
	const ledger: Ledger = {
		decisions: new Map(),
		redecided: [],
		acknowledged: new Map(),
		lastRev: 0
	};
	const replays = { count: 0 };
	const sequenceAtStart = await sequenceOf(server);
	const clients: Client[] = [];
	const count = 3 + rng.int(3);
	for (let i = 0; i < count; i++) {
		const user = users[i % users.length]!;
		const token = await startSession(server.deps, user.id, null);
		const db = new LekeplanDatabase(`prop-${seed}-${i}-${crypto.randomUUID()}`);
		const client: Client = {
			name: `client ${i}`,
			db,
			plans: new PlanRepository(db),
			activities: new ActivityRepository(db),
			engine: undefined as unknown as SyncEngine,
			online: true
		};
		client.engine = new SyncEngine(
			db,
			transport(server, `${SESSION_COOKIE}=${token}`, client, rng, ledger, replays)
		);
		await client.engine.enable();
		clients.push(client);
	}

	// The owner's administrator edits the screen-time guidance now and then (on the server).
	const adminCookie = `${SESSION_COOKIE}=${await startSession(server.deps, owner.users.ownerAdmin.id, null)}`;
	let guidanceVersion = DEFAULT_GUIDANCE.version;
	let guidanceEdits = 0;
	const editGuidance = async () => {
		const edit: Partial<GuidanceSet> = {
			...DEFAULT_GUIDANCE,
			closeShare: 0.5 + rng.int(45) / 100,
			limits: DEFAULT_GUIDANCE.limits.map((l) =>
				l.band === '4-5' ? { ...l, dailyMinutes: 30 + rng.int(60) } : l
			)
		};
		delete edit.id;
		delete edit.version;
		delete edit.date;
		const response = await server.request('PUT', '/api/v1/guidance', {
			cookie: adminCookie,
			body: { baseVersion: guidanceVersion, set: edit }
		});
		expect(response.status).toBe(200);
		guidanceVersion++;
		guidanceEdits++;
	};

	try {
		for (let op = 0; op < OPS; op++) {
			if (rng.next() < 0.02) await editGuidance();
			const client = rng.pick(clients);
			const roll = rng.next();
			const local = await client.db.plans.toArray();
			const alive = local.filter((p) => p.deletedAt === null);
			if (roll < 0.25 || alive.length === 0) {
				const result = await client.plans.create(
					content(kindergarten.groups[rng.int(2)]!, rng),
					kindergarten.id
				);
				expect(result.ok).toBe(true);
			} else if (roll < 0.6) {
				const plan = rng.pick(alive);
				const next = { ...plan };
				const field = rng.pick([
					'title',
					'goals',
					'screenMinutes',
					'status',
					'learningAreas',
					'tools',
					'privacy'
				]);
				if (field === 'title') next.title = `${rng.pick(TITLES)} ${rng.int(1000)}`;
				if (field === 'goals') next.goals = rng.pick(GOALS);
				if (field === 'screenMinutes') {
					next.screenMode = 'interactive';
					next.screenMinutes = rng.int(40);
				}
				if (field === 'status') next.status = rng.pick(['draft', 'planned', 'done'] as const);
				if (field === 'learningAreas') next.learningAreas = [rng.pick(['body', 'ethics'] as const)];
				// A list that grows, and a nested object: whole values, compared whole.
				if (field === 'tools') next.tools = [...plan.tools, rng.pick(TOOLS)].slice(-6);
				if (field === 'privacy') {
					next.privacy = { ...plan.privacy, notes: `${rng.pick(GOALS)} ${rng.int(100)}` };
				}
				await client.plans.update(plan.id, next);
			} else if (roll < 0.7) {
				await client.plans.softDelete(rng.pick(alive).id);
			} else if (roll < 0.75) {
				const deleted = local.filter((p) => p.deletedAt !== null);
				if (deleted.length > 0) await client.plans.restore(rng.pick(deleted).id);
			} else if (roll < 0.79) {
				// The kindergarten's own library activities sync too.
				const all = await client.db.ownActivities.toArray();
				const own = all.filter((a) => a.deletedAt === null);
				const what = rng.next();
				if (own.length === 0 || what < 0.4) {
					const result = await client.activities.save(activityContent(rng), kindergarten.id);
					expect(result.ok).toBe(true);
				} else if (what < 0.85) {
					const activity = rng.pick(own);
					await client.activities.save(
						{ ...activityContent(rng), title: `${rng.pick(TITLES)} ${rng.int(1000)}` },
						kindergarten.id,
						{ id: activity.id }
					);
				} else if (what < 0.95) {
					await client.activities.softDelete(rng.pick(own).id);
				} else {
					const deleted = all.filter((a) => a.deletedAt !== null);
					if (deleted.length > 0) await client.activities.restore(rng.pick(deleted).id);
				}
			} else if (roll < 0.83) {
				client.online = !client.online;
			} else if (roll < 0.88) {
				// A pull while edits wait in the outbox (another tab pushes, this one pulls).
				await client.engine.pull();
			} else {
				await client.engine.sync();
			}
		}

		// Quiesce: everyone online, sync in turn until no outbox has anything left.
		for (const client of clients) client.online = true;
		for (let round = 0; round < 20; round++) {
			for (const client of [...clients].sort(() => rng.next() - 0.5)) await client.engine.sync();
			const pending = await Promise.all(clients.map((c) => c.engine.pendingCount()));
			if (pending.every((n) => n === 0)) break;
		}
		for (const client of clients) {
			const outcome = await client.engine.sync();
			expect(outcome.ok, `${client.name} did not sync: ${JSON.stringify(outcome)}`).toBe(true);
			expect(await client.engine.pendingCount(), `${client.name} has unsent changes`).toBe(0);
		}

		// Every client holds exactly what the server holds for the kindergarten: whole records.
		const records = await server.deps.db
			.selectFrom('syncRecords')
			.selectAll()
			.where('ownerId', '=', owner.id)
			.execute();
		expect(records.every((r) => r.kindergartenId === kindergarten.id)).toBe(true);
		for (const type of ['plan', 'activity'] as const) {
			const expected = new Map(
				records
					.filter((r) => r.type === type)
					.map((r) => [
						r.recordId,
						{
							...fullRecord(type, JSON.parse(r.data) as Record<string, unknown>, {
								id: r.recordId,
								kindergartenId: r.kindergartenId,
								createdAt: r.createdAt,
								updatedAt: r.updatedAt,
								deletedAt: r.deletedAt
							}),
							// The revision the device's copy is based on: the server's.
							syncRev: r.rev
						}
					])
			);
			for (const client of clients) {
				const table = type === 'plan' ? client.db.plans : client.db.ownActivities;
				const local = (await table.toArray()) as unknown as Array<Record<string, unknown>>;
				expect(
					differences(new Map(local.map((r) => [r['id'] as string, r])), expected),
					`${client.name}: ${type} records differ from the server's`
				).toEqual([]);
			}
		}

		// Every client holds the guidance the server has in force.
		const inForce = (
			(await (await server.request('GET', '/api/v1/guidance', { cookie: adminCookie })).json()) as {
				set: GuidanceSet;
			}
		).set;
		expect(inForce.version).toBe(guidanceVersion);
		for (const client of clients) {
			const local = await new GuidanceRepository(client.db, DEFAULT_GUIDANCE).current();
			expect(local, `${client.name}: guidance`).toEqual(inForce);
		}

		// Every mutation, one by one: applied, rejected or in conflict, and taken once.
		const problems = await accountFor(server, clients, ledger, records, {
			revisionsHandedOut: (await sequenceOf(server)) - sequenceAtStart,
			guidanceEdits
		});
		expect(problems, 'mutations not accounted for').toEqual([]);
		return {
			statuses: [...ledger.decisions.values()].map((d) => d.status),
			replays: replays.count
		};
	} finally {
		for (const client of clients) {
			client.db.close();
			await client.db.delete();
		}
	}
}

/** Field by field, what differs between each local record and the server's (and which lack). */
function differences(
	local: Map<string, Record<string, unknown>>,
	server: Map<string, Record<string, unknown>>
): string[] {
	const found: string[] = [];
	for (const id of new Set([...local.keys(), ...server.keys()])) {
		const mine = local.get(id);
		const theirs = server.get(id);
		if (!mine || !theirs) {
			found.push(`${id}: ${mine ? 'only on the device' : 'missing on the device'}`);
			continue;
		}
		for (const field of new Set([...Object.keys(mine), ...Object.keys(theirs)])) {
			if (!sameValue(mine[field], theirs[field])) {
				found.push(
					`${id}.${field}: device ${JSON.stringify(mine[field])}, server ${JSON.stringify(theirs[field])}`
				);
			}
		}
	}
	return found;
}

type ServerRecord = {
	recordId: string;
	type: RecordType;
	data: string;
	fieldRevs: string;
	fieldClients: string;
	rev: number;
	deletedAt: string | null;
};

/**
 * Accounts for every mutation of every client from the server's own tables. Returns what does
 * not add up (empty when all is well). A server that applied a replayed mutation again would
 * show here as a revision no first decision took (a field or record carrying it, or the
 * sequence ahead of the decisions), a second conflict row, or a second rejection.
 */
async function accountFor(
	server: TestServer,
	clients: Client[],
	ledger: Ledger,
	records: ServerRecord[],
	counts: { revisionsHandedOut: number; guidanceEdits: number }
): Promise<string[]> {
	const problems: string[] = [];
	const { db } = server.deps;
	const clientIds = await Promise.all(clients.map((c) => c.engine.clientId()));
	const serverClients = await db
		.selectFrom('syncClients')
		.selectAll()
		.where('clientId', 'in', clientIds)
		.execute();
	const rejections = await db
		.selectFrom('syncRejections')
		.selectAll()
		.where('clientId', 'in', clientIds)
		.execute();
	const conflicts = await db
		.selectFrom('syncConflicts')
		.selectAll()
		.where('clientId', 'in', clientIds)
		.execute();
	const byRecord = new Map(records.map((r) => [r.recordId, r]));
	const decisions = [...ledger.decisions.values()];

	problems.push(...ledger.redecided.map((key) => `${key}: decided again on a replay`));

	// Each client's mutations are 1…last, all decided, and the server's last id is the same.
	for (const [i, client] of clients.entries()) {
		const clientId = clientIds[i]!;
		const next = (await client.db.syncMeta.get(META.nextMutationId))?.value;
		const last = typeof next === 'number' ? next - 1 : 0;
		const ids = decisions
			.filter((d) => d.clientId === clientId)
			.map((d) => d.mutation.id)
			.sort((a, b) => a - b);
		const all = Array.from({ length: last }, (_, k) => k + 1);
		if (!sameValue(ids, all)) {
			problems.push(`${client.name}: decided ids ${JSON.stringify(ids)}, made 1…${last}`);
		}
		const row = serverClients.find((c) => c.clientId === clientId);
		if ((row?.lastMutationId ?? 0) !== last) {
			problems.push(
				`${client.name}: server's last_mutation_id ${row?.lastMutationId}, last ${last}`
			);
		}
		if ((ledger.acknowledged.get(clientId) ?? 0) !== last) {
			problems.push(`${client.name}: acknowledged ${ledger.acknowledged.get(clientId)} of ${last}`);
		}
	}

	const rejectionKeys = rejections.map((r) => `${r.clientId}#${r.mutationId}`);
	const conflictsOf = new Map<string, typeof conflicts>();
	for (const row of conflicts) {
		const key = `${row.clientId}#${row.mutationId}`;
		conflictsOf.set(key, [...(conflictsOf.get(key) ?? []), row]);
	}
	const rejectionSet = new Set(rejectionKeys);
	for (const key of rejectionSet) {
		if (ledger.decisions.get(key)?.status !== 'rejected') problems.push(`${key}: stray rejection`);
	}
	if (rejectionSet.size !== rejectionKeys.length) problems.push('a rejection twice');
	for (const key of conflictsOf.keys()) {
		if (ledger.decisions.get(key)?.status !== 'conflict') problems.push(`${key}: stray conflict`);
	}

	const onRecord = new Map<string, Decision[]>();
	for (const d of decisions) {
		onRecord.set(d.mutation.recordId, [...(onRecord.get(d.mutation.recordId) ?? []), d]);
	}
	// Later decisions on a record, for "a later write undid it".
	const laterOn = (d: Decision, op: Mutation['op']) =>
		onRecord
			.get(d.mutation.recordId)!
			.some((o) => o.mutation.op === op && o.status === 'applied' && o.at > d.at);

	const creatorOf = new Map<string, string>();
	for (const d of [...decisions].sort((a, b) => a.at - b.at)) {
		if (d.rev !== undefined && !creatorOf.has(d.mutation.recordId)) {
			creatorOf.set(d.mutation.recordId, d.clientId);
		}
	}

	for (const d of decisions) {
		const { key, mutation: m } = d;
		const rejected = rejectionSet.has(key);
		const raised = conflictsOf.get(key) ?? [];
		const record = byRecord.get(m.recordId);
		// No base revision means "I made this record and have not pulled it": an edit of someone
		// else's record that carries none would take every change since its creation as concurrent.
		const creator = creatorOf.get(m.recordId);
		if (m.baseRev === null && creator !== undefined && creator !== d.clientId) {
			problems.push(`${key}: ${m.op} of another client's record without a base revision`);
		}
		if (d.status === 'skipped') {
			problems.push(`${key}: first answer 'skipped' (decided where no answer was seen)`);
			continue;
		}
		if (d.status === 'rejected') {
			if (!rejected) problems.push(`${key}: rejected without a sync_rejections row`);
			if (raised.length > 0) problems.push(`${key}: rejected yet in conflict`);
			if (d.rev !== undefined) problems.push(`${key}: rejected yet took revision ${d.rev}`);
			continue;
		}
		if (rejected) problems.push(`${key}: ${d.status} yet has a sync_rejections row`);
		if (d.status === 'applied' && raised.length > 0)
			problems.push(`${key}: applied yet in conflict`);
		if (d.status === 'conflict' && raised.length === 0) {
			problems.push(`${key}: conflict without a sync_conflicts row`);
		}
		const conflicted = new Set<string>();
		for (const row of raised) {
			const value = JSON.parse(row.clientValue) as unknown;
			if (row.recordId !== m.recordId || row.type !== m.type) {
				problems.push(`${key}: conflict row of another record`);
			} else if (row.kind === 'deleted') {
				if (row.field !== null || !sameValue(value, m.fields)) {
					problems.push(`${key}: 'deleted' conflict does not hold the edit`);
				}
				conflicted.add('*');
			} else if (
				row.field === null ||
				!(row.field in m.fields) ||
				!FREE_TEXT_FIELDS[m.type].includes(row.field) ||
				!sameValue(value, m.fields[row.field]) ||
				conflicted.has(row.field)
			) {
				problems.push(`${key}: text conflict row ${row.field} does not match the mutation`);
			} else conflicted.add(row.field);
		}
		if (!record) {
			problems.push(`${key}: ${d.status}, but its record is not on the server`);
			continue;
		}
		const data = JSON.parse(record.data) as Record<string, unknown>;
		const fieldRevs = JSON.parse(record.fieldRevs) as Record<string, number>;
		if (m.op === 'put' && !conflicted.has('*')) {
			// Each field it set (and did not leave in a conflict) holds its value, unless a later
			// revision wrote that field.
			for (const [field, value] of Object.entries(m.fields)) {
				if (conflicted.has(field)) continue;
				if ((fieldRevs[field] ?? 0) <= d.at && !sameValue(data[field], value)) {
					problems.push(
						`${key}: ${field} is ${JSON.stringify(data[field])} on the server, not ${JSON.stringify(value)}, and nothing wrote it later`
					);
				}
			}
		}
		if (m.op === 'delete' && record.deletedAt === null && !laterOn(d, 'restore')) {
			problems.push(`${key}: deleted, live on the server, and no restore after it`);
		}
		if (m.op === 'restore' && record.deletedAt !== null && !laterOn(d, 'delete')) {
			problems.push(`${key}: restored, deleted on the server, and no delete after it`);
		}
	}

	// Revisions: one per store, none shared, and every one a record carries is a decision's.
	const withRev = decisions.filter((d) => d.rev !== undefined);
	const byRev = new Map(withRev.map((d) => [d.rev!, d]));
	if (byRev.size !== withRev.length) problems.push('two mutations took the same revision');
	if (counts.revisionsHandedOut !== withRev.length + counts.guidanceEdits) {
		problems.push(
			`${counts.revisionsHandedOut} revisions handed out, for ${withRev.length} mutations and ${counts.guidanceEdits} guidance edits`
		);
	}
	for (const record of records) {
		const mine = (onRecord.get(record.recordId) ?? []).filter((d) => d.rev !== undefined);
		const last = Math.max(0, ...mine.map((d) => d.rev!));
		if (record.rev !== last) {
			problems.push(`${record.recordId}: rev ${record.rev}, its last mutation's ${last}`);
		}
		const first = Math.min(...mine.map((d) => d.rev!));
		const fieldRevs = JSON.parse(record.fieldRevs) as Record<string, number>;
		const fieldClients = JSON.parse(record.fieldClients) as Record<string, string>;
		for (const [field, rev] of Object.entries(fieldRevs)) {
			const writer = byRev.get(rev);
			if (!writer || writer.mutation.recordId !== record.recordId) {
				problems.push(`${record.recordId}.${field}: revision ${rev} no mutation of it took`);
			} else if (rev !== first && !(field in writer.mutation.fields)) {
				problems.push(`${record.recordId}.${field}: revision ${rev} by ${writer.key} without it`);
			} else if (fieldClients[field] !== writer.clientId) {
				problems.push(`${record.recordId}.${field}: written by ${fieldClients[field]}`);
			}
		}
	}
	return problems;
}

/**
 * The client's network: the server's handler, or nothing while offline. Now and then a
 * response is lost after the server committed, as on a flaky connection. Every answer the
 * server gave goes in the ledger, lost or not.
 */
function transport(
	server: TestServer,
	cookie: string,
	client: Client,
	rng: ReturnType<typeof random>,
	ledger: Ledger,
	replays: { count: number }
): SyncTransport {
	const offline = <T>(): TransportResult<T> => ({ ok: false, status: 0, reason: 'offline' });
	const read = transportResult;
	return {
		async push(request) {
			if (!client.online) return offline();
			const response = await server.request('POST', '/api/v1/sync/push', { body: request, cookie });
			const answer = await read<PushResponse>(response);
			if (answer.ok) {
				for (const result of answer.data.results) {
					// Pushes run one at a time and only they write records: a mutation that took no
					// revision stands after the last one any answer so far handed out.
					if (result.rev !== undefined) ledger.lastRev = Math.max(ledger.lastRev, result.rev);
					const key = `${request.clientId}#${result.id}`;
					if (ledger.decisions.has(key)) {
						if (result.status !== 'skipped') ledger.redecided.push(key);
						else replays.count++;
						continue;
					}
					ledger.decisions.set(key, {
						key,
						clientId: request.clientId,
						mutation: request.mutations.find((m) => m.id === result.id)!,
						status: result.status,
						rev: result.rev,
						at: result.rev ?? ledger.lastRev
					});
				}
			}
			if (rng.next() < 0.05) return offline(); // the response was lost after the commit
			if (answer.ok) {
				const known = ledger.acknowledged.get(request.clientId) ?? 0;
				ledger.acknowledged.set(request.clientId, Math.max(known, answer.data.lastMutationId));
			}
			return answer;
		},
		async pull(query) {
			if (!client.online) return offline();
			return read<PullResponse>(await server.request('GET', pullPath(query), { cookie }));
		}
	};
}
