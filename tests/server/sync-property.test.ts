import 'fake-indexeddb/auto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { LekeplanDatabase } from '$lib/client/db/database';
import { PlanRepository } from '$lib/client/db/plan-repository';
import { ActivityRepository } from '$lib/client/db/activity-repository';
import { GuidanceRepository } from '$lib/client/db/guidance-repository';
import { DEFAULT_GUIDANCE } from '$lib/domain/guidance-default';
import type { GuidanceSet } from '$lib/domain/guidance';
import { codingToyActivities } from '$lib/domain/library/coding-toys';
import { localizeActivity, type ActivityContent } from '$lib/domain/library/library-activity';
import { SyncEngine, type SyncTransport, type TransportResult } from '$lib/client/sync/engine';
import { startSession } from '$lib/server/auth/sessions';
import { SESSION_COOKIE } from '$lib/server/auth/sessions';
import type { PlanContent } from '$lib/domain/plan';
import type { PullResponse, PushResponse } from '$lib/sync/protocol';
import { describeEachDatabase, seedOwner, startTestServer, type TestServer } from './harness';
import { pullPath, transportResult } from './sync-fixtures';

/**
 * The seeded multi-client property test (issue 5): 3–5 in-process clients, each with its own
 * IndexedDB (fake-indexeddb) and the real sync engine, make random creates, edits and deletes,
 * go offline and online, lose responses, and sync in random order against the real server.
 * After quiescing, every client and the server hold the same data, every acknowledged mutation
 * is on the server, in a rejection or in a conflict record, and none was applied twice.
 * A failure names its seed: rerun one with SYNC_SEED=<seed>.
 */

const SEEDS = Number(process.env['SYNC_SEEDS'] ?? 200);
const OPS = Number(process.env['SYNC_OPS'] ?? 100);
const ONLY = process.env['SYNC_SEED'];

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

interface Tally {
	sent: Set<string>;
	applied: number;
	statuses: Map<string, string>;
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

const ACTIVITY = localizeActivity(codingToyActivities[0]!, 'nb');

function activityContent(rng: ReturnType<typeof random>): ActivityContent {
	const rest: Record<string, unknown> = { ...ACTIVITY };
	delete rest['id'];
	delete rest['origin'];
	return { ...(rest as unknown as ActivityContent), title: `${rng.pick(TITLES)} ${rng.int(1000)}` };
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
		const outcomes = { conflict: 0, skipped: 0, applied: 0 };
		for (const seed of seeds) {
			try {
				const statuses = await runSeed(server, seed);
				for (const status of statuses) {
					if (status in outcomes) outcomes[status as keyof typeof outcomes]++;
				}
			} catch (error) {
				throw new Error(
					`sync property failed for seed ${seed} on ${dialect} (rerun: SYNC_SEED=${seed}): ${String(error)}`,
					{ cause: error }
				);
			}
		}
		// The runs must reach the hard cases, or converging proves little.
		if (seeds.length >= 20) {
			expect(outcomes.conflict, 'no seed produced a conflict').toBeGreaterThan(0);
			expect(outcomes.applied).toBeGreaterThan(seeds.length * 10);
		}
	}, 900_000);
});

async function runSeed(server: TestServer, seed: number): Promise<string[]> {
	const rng = random(seed);
	const owner = await seedOwner(server, `p${seed}x${server.dialect}`);
	const kindergarten = owner.kindergartens[0]!;
	const users = [owner.users.staff, owner.users.manager];
	const tally: Tally = { sent: new Set(), applied: 0, statuses: new Map() };
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
			transport(server, `${SESSION_COOKIE}=${token}`, client, rng, tally)
		);
		await client.engine.enable();
		clients.push(client);
	}

	// The owner's administrator edits the screen-time guidance now and then (on the server).
	const adminCookie = `${SESSION_COOKIE}=${await startSession(server.deps, owner.users.ownerAdmin.id, null)}`;
	let guidanceVersion = DEFAULT_GUIDANCE.version;
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
				const field = rng.pick(['title', 'goals', 'screenMinutes', 'status', 'learningAreas']);
				if (field === 'title') next.title = `${rng.pick(TITLES)} ${rng.int(1000)}`;
				if (field === 'goals') next.goals = rng.pick(GOALS);
				if (field === 'screenMinutes') {
					next.screenMode = 'interactive';
					next.screenMinutes = rng.int(40);
				}
				if (field === 'status') next.status = rng.pick(['draft', 'planned', 'done'] as const);
				if (field === 'learningAreas') next.learningAreas = [rng.pick(['body', 'ethics'] as const)];
				await client.plans.update(plan.id, next);
			} else if (roll < 0.7) {
				await client.plans.softDelete(rng.pick(alive).id);
			} else if (roll < 0.75) {
				const deleted = local.filter((p) => p.deletedAt !== null);
				if (deleted.length > 0) await client.plans.restore(rng.pick(deleted).id);
			} else if (roll < 0.79) {
				// The kindergarten's own library activities sync too.
				const own = (await client.db.ownActivities.toArray()).filter((a) => a.deletedAt === null);
				if (own.length === 0 || rng.next() < 0.5) {
					const result = await client.activities.save(activityContent(rng), kindergarten.id);
					expect(result.ok).toBe(true);
				} else {
					const activity = rng.pick(own);
					await client.activities.save(
						{ ...activityContent(rng), title: `${rng.pick(TITLES)} ${rng.int(1000)}` },
						kindergarten.id,
						{ id: activity.id }
					);
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

		// Every client holds exactly what the server holds for the kindergarten.
		const records = await server.deps.db
			.selectFrom('syncRecords')
			.selectAll()
			.where('kindergartenId', '=', kindergarten.id)
			.where('type', '=', 'plan')
			.execute();
		const serverView = new Map(
			records.map((r) => {
				const data = JSON.parse(r.data) as Record<string, unknown>;
				return [
					r.recordId,
					{
						title: data['title'],
						goals: data['goals'],
						status: data['status'],
						deleted: r.deletedAt !== null,
						rev: r.rev
					}
				];
			})
		);
		for (const client of clients) {
			const local = await client.db.plans.toArray();
			const localView = new Map(
				local.map((p) => [
					p.id,
					{
						title: p.title,
						goals: p.goals,
						status: p.status,
						deleted: p.deletedAt !== null,
						rev: p.syncRev
					}
				])
			);
			expect(localView, `${client.name} differs from the server`).toEqual(serverView);
		}

		const activityRecords = await server.deps.db
			.selectFrom('syncRecords')
			.selectAll()
			.where('kindergartenId', '=', kindergarten.id)
			.where('type', '=', 'activity')
			.execute();
		const serverActivities = new Map(
			activityRecords.map((r) => [r.recordId, (JSON.parse(r.data) as { title: string }).title])
		);
		for (const client of clients) {
			const local = await client.db.ownActivities.toArray();
			expect(new Map(local.map((a) => [a.id, a.title])), `${client.name}: activities`).toEqual(
				serverActivities
			);
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

		// Every acknowledged mutation: applied, rejected (with a stored reason) or a conflict.
		for (const [key, status] of tally.statuses) {
			expect(['applied', 'skipped', 'rejected', 'conflict'], key).toContain(status);
		}
		const clientIds = await Promise.all(clients.map((c) => c.engine.clientId()));
		const rejected = await server.deps.db
			.selectFrom('syncRejections')
			.select(['clientId', 'mutationId'])
			.where('clientId', 'in', clientIds)
			.execute();
		for (const [key, status] of tally.statuses) {
			if (status !== 'rejected') continue;
			const [clientId, id] = key.split('#');
			expect(
				rejected.some((r) => r.clientId === clientId && r.mutationId === Number(id)),
				key
			).toBe(true);
		}
		const conflicts = await server.deps.db
			.selectFrom('syncConflicts')
			.select('clientId')
			.where('clientId', 'in', clientIds)
			.execute();
		const conflictResults = [...tally.statuses.values()].filter((s) => s === 'conflict').length;
		expect(conflicts.length).toBeGreaterThanOrEqual(conflictResults);

		// No mutation was applied twice: each applied mutation took exactly one revision.
		const sent = tally.sent.size;
		const decided = [...tally.statuses.values()].length;
		expect(decided).toBe(sent);
		const revisions = records.reduce((max, r) => Math.max(max, r.rev), 0);
		expect(revisions).toBeGreaterThan(0);
		const applied = [...tally.statuses.values()].filter((s) => s === 'applied').length;
		expect(tally.applied, 'an applied mutation was reported twice').toBe(applied);
		return [...tally.statuses.values()];
	} finally {
		for (const client of clients) {
			client.db.close();
			await client.db.delete();
		}
	}
}

/**
 * The client's network: the server's handler, or nothing while offline. Now and then a
 * response is lost after the server committed, as on a flaky connection.
 */
function transport(
	server: TestServer,
	cookie: string,
	client: Client,
	rng: ReturnType<typeof random>,
	tally: Tally
): SyncTransport {
	const offline = <T>(): TransportResult<T> => ({ ok: false, status: 0, reason: 'offline' });
	const read = transportResult;
	return {
		async push(request) {
			if (!client.online) return offline();
			const response = await server.request('POST', '/api/v1/sync/push', { body: request, cookie });
			const answer = await read<PushResponse>(response);
			if (answer.ok) {
				for (const m of request.mutations) tally.sent.add(`${request.clientId}#${m.id}`);
				for (const r of answer.data.results) {
					const key = `${request.clientId}#${r.id}`;
					if (r.status === 'applied') tally.applied++;
					// A replay reports 'skipped': the first answer stands.
					if (!tally.statuses.has(key) || r.status !== 'skipped') {
						if (r.status !== 'skipped' || !tally.statuses.has(key))
							tally.statuses.set(key, r.status);
					}
				}
			}
			if (rng.next() < 0.05) return offline(); // the response was lost after the commit
			return answer;
		},
		async pull(query) {
			if (!client.online) return offline();
			return read<PullResponse>(await server.request('GET', pullPath(query), { cookie }));
		}
	};
}
