import 'fake-indexeddb/auto';
import { planContent } from '$lib/domain/plan-fixture';
import { afterEach, describe, expect, it } from 'vitest';
import { LekeplanDatabase } from '$lib/client/db/database';
import { PlanRepository } from '$lib/client/db/plan-repository';
import { SyncEngine, type SyncTransport } from '$lib/client/sync/engine';
import { uuidv7 } from '$lib/domain/ids';
import type { PlanContent } from '$lib/domain/plan';
import type { PullResponse, PushResponse } from '$lib/sync/protocol';
import { RETRY_MS, SyncRunner, type Locks, type RunnerEnvironment } from './sync-runner';
import type { SyncStatus } from './sync.svelte';

const KINDERGARTEN = uuidv7();
const USER = { userId: uuidv7() };

const content = (title: string): PlanContent => planContent(uuidv7(), title);

/**
 * Web Locks as the browser keeps them (exclusive mode): one holder per name at a time, the
 * others granted in the order they asked, each lock released when its callback settles.
 */
class MemoryLocks implements Locks {
	#queues = new Map<string, Promise<unknown>>();

	request<T>(name: string, run: () => Promise<T>): Promise<T> {
		const held = this.#queues.get(name) ?? Promise.resolve();
		const granted = held.then(run);
		this.#queues.set(
			name,
			granted.catch(() => undefined)
		);
		return granted;
	}
}

/** Timers the test runs by hand: what the runner scheduled, and after how long. */
function manualTimers() {
	const scheduled: Array<{ run: () => void; ms: number; cleared: boolean }> = [];
	return {
		scheduled,
		pending: () => scheduled.filter((t) => !t.cleared),
		setTimer: (run: () => void, ms: number) => {
			scheduled.push({ run, ms, cleared: false });
			return scheduled.length - 1;
		},
		clearTimer: (timer: unknown) => {
			if (typeof timer === 'number') scheduled[timer]!.cleared = true;
		}
	};
}

function environment(overrides: Partial<RunnerEnvironment> = {}): RunnerEnvironment {
	const timers = manualTimers();
	return {
		online: () => true,
		locks: undefined,
		refreshConflicts: () => Promise.resolve(),
		lookForUpdate: () => undefined,
		setTimer: timers.setTimer,
		clearTimer: timers.clearTimer,
		dropRemovedKindergarten: () => Promise.resolve(),
		...overrides
	};
}

const emptyPull: PullResponse = { changes: [], head: 0, cursor: 0, hasMore: false };

const databases: LekeplanDatabase[] = [];
function database(name = `runner-${uuidv7()}`): LekeplanDatabase {
	const db = new LekeplanDatabase(name);
	databases.push(db);
	return db;
}
afterEach(() => {
	for (const db of databases.splice(0)) db.close();
});

async function withUnsentPlans(db: LekeplanDatabase, count: number): Promise<void> {
	await db.syncMeta.put({ key: 'enabled', value: true });
	const plans = new PlanRepository(db);
	for (let i = 0; i < count; i++) {
		expect((await plans.create(content(`Plan ${i}`), KINDERGARTEN)).ok).toBe(true);
	}
}

describe('when the server needs a newer app (426)', () => {
	it('says so, keeps every unsent change, looks for the new version and stops retrying', async () => {
		const db = database();
		await withUnsentPlans(db, 2);
		const unsent = await db.outbox.toArray();
		const transport: SyncTransport = {
			push: () => Promise.resolve({ ok: false, status: 426, reason: 'protocol_unsupported' }),
			pull: () => Promise.resolve({ ok: false, status: 426, reason: 'protocol_unsupported' })
		};
		const statuses: SyncStatus[] = [];
		let lookedForUpdate = 0;
		const timers = manualTimers();
		const runner = new SyncRunner(
			new SyncEngine(db, transport),
			USER,
			(s) => statuses.push(s),
			environment({ lookForUpdate: () => lookedForUpdate++, ...timers })
		);

		await runner.now();
		expect(statuses.at(-1)).toEqual({ kind: 'updateRequired' });
		expect(lookedForUpdate).toBe(1);
		expect(await db.outbox.toArray()).toEqual(unsent);
		// Asking again would only meet the same answer: the update prompt is the way on.
		expect(timers.pending()).toEqual([]);
	});
});

describe('when the owner deleted the kindergarten (410)', () => {
	it('removes the account’s data from the tablet once and syncs no more', async () => {
		const db = database();
		await withUnsentPlans(db, 1);
		const removed = { status: 410, reason: 'kindergarten_removed' };
		const transport: SyncTransport = {
			push: () => Promise.resolve({ ok: false, ...removed }),
			pull: () => Promise.resolve({ ok: false, ...removed })
		};
		let dropped = 0;
		const timers = manualTimers();
		const runner = new SyncRunner(
			new SyncEngine(db, transport),
			USER,
			() => undefined,
			environment({ dropRemovedKindergarten: () => Promise.resolve(void dropped++), ...timers })
		);
		await runner.now();
		expect(dropped).toBe(1);
		expect(timers.pending()).toEqual([]);
		runner.soon(0);
		expect(timers.pending()).toEqual([]);
	});
});

describe('when a sync fails', () => {
	it('shows the reason, retries after a while, and then shows synced', async () => {
		const db = database();
		await withUnsentPlans(db, 1);
		let answers = 0;
		const transport: SyncTransport = {
			push: (request) =>
				Promise.resolve(
					answers++ === 0
						? { ok: false, status: 503, reason: 'server_error' }
						: {
								ok: true,
								data: {
									results: request.mutations.map((m) => ({ id: m.id, status: 'applied' as const })),
									lastMutationId: request.mutations.at(-1)!.id
								} satisfies PushResponse
							}
				),
			pull: () => Promise.resolve({ ok: true, data: emptyPull })
		};
		const timers = manualTimers();
		let onSynced = () => {};
		const synced = new Promise<void>((resolve) => (onSynced = resolve));
		const statuses: SyncStatus[] = [];
		const runner = new SyncRunner(
			new SyncEngine(db, transport),
			USER,
			(s) => {
				statuses.push(s);
				if (s.kind === 'synced') onSynced();
			},
			environment(timers)
		);

		await runner.now();
		expect(statuses.at(-1)).toEqual({ kind: 'error', reason: 'server_error' });
		expect(await db.outbox.count()).toBe(1);
		const [retry, ...others] = timers.pending();
		expect(others).toEqual([]);
		expect(retry!.ms).toBe(RETRY_MS[0]);

		retry!.run();
		await synced;
		expect(await db.outbox.count()).toBe(0);
	});

	it('shows a full disk as an error with its reason, not as syncing for ever, and retries', async () => {
		const db = database();
		db.use({
			stack: 'dbcore',
			name: 'full disk',
			create: (down) => ({
				...down,
				table: (name) => {
					const table = down.table(name);
					return {
						...table,
						mutate: (request) =>
							name === 'plans'
								? Promise.reject(new DOMException('disk full', 'QuotaExceededError'))
								: table.mutate(request)
					};
				}
			})
		});
		const pulled: PullResponse = {
			changes: [
				{
					recordId: uuidv7(),
					type: 'plan',
					rev: 1,
					data: {
						...content('Fra serveren'),
						kindergartenId: KINDERGARTEN,
						createdAt: '2026-12-01T09:00:00.000Z',
						updatedAt: '2026-12-01T09:00:00.000Z',
						deletedAt: null
					},
					fieldRevs: {},
					deletedAt: null,
					updatedBy: null
				}
			],
			head: 1,
			cursor: 1,
			hasMore: false
		};
		const transport: SyncTransport = {
			push: () => Promise.resolve({ ok: true, data: { results: [], lastMutationId: 0 } }),
			pull: () => Promise.resolve({ ok: true, data: pulled })
		};
		const timers = manualTimers();
		const statuses: SyncStatus[] = [];
		const runner = new SyncRunner(
			new SyncEngine(db, transport),
			USER,
			(s) => statuses.push(s),
			environment(timers)
		);

		await runner.now();
		expect(statuses.at(-1)).toEqual({ kind: 'error', reason: 'quota_exceeded' });
		expect(timers.pending().map((t) => t.ms)).toEqual([RETRY_MS[0]]);
	});
});

describe('a change made while a sync runs', () => {
	it('goes shortly after that sync, not at the next minute', async () => {
		const db = database();
		await withUnsentPlans(db, 1);
		let pulls = 0;
		const transport: SyncTransport = {
			push: (request) =>
				Promise.resolve({
					ok: true,
					data: {
						results: request.mutations.map((m) => ({ id: m.id, status: 'applied' as const })),
						lastMutationId: request.mutations.at(-1)!.id
					}
				}),
			pull: async () => {
				// The planner saves another plan while the pull is on its way (the push is done).
				if (++pulls === 1) await withUnsentPlans(db, 1);
				return { ok: true, data: emptyPull };
			}
		};
		const timers = manualTimers();
		const runner = new SyncRunner(
			new SyncEngine(db, transport),
			USER,
			() => undefined,
			environment(timers)
		);

		await runner.now();
		expect(await db.outbox.count()).toBe(1);
		const next = timers.pending().at(-1)!;
		expect(next.ms).toBeLessThanOrEqual(500);
		next.run();
		await runner.now();
		expect(await db.outbox.count()).toBe(0);
		expect(timers.pending().at(-1)!.ms).toBe(60_000);
	});
});

describe('two tabs of the same user', () => {
	it('take turns pushing: no two pushes overlap, and each change is sent once', async () => {
		const name = `runner-tabs-${uuidv7()}`;
		const [tabA, tabB] = [database(name), database(name)];
		await withUnsentPlans(tabA, 6);

		// The server as the push endpoint behaves: a mutation id it has taken is skipped.
		let lastTaken = 0;
		let pushing = 0;
		let mostAtOnce = 0;
		const sent: number[] = [];
		const server: SyncTransport = {
			push: async (request) => {
				pushing++;
				mostAtOnce = Math.max(mostAtOnce, pushing);
				// The request is on the wire for a while: time for the other tab to start its own.
				await new Promise((resolve) => setTimeout(resolve, 5));
				sent.push(...request.mutations.map((m) => m.id));
				const results = request.mutations.map((m) => ({
					id: m.id,
					status: m.id <= lastTaken ? ('skipped' as const) : ('applied' as const)
				}));
				lastTaken = Math.max(lastTaken, ...request.mutations.map((m) => m.id));
				pushing--;
				return { ok: true, data: { results, lastMutationId: lastTaken } };
			},
			pull: () => Promise.resolve({ ok: true, data: emptyPull })
		};
		const locks = new MemoryLocks();
		const runners = [tabA, tabB].map(
			(db) =>
				new SyncRunner(new SyncEngine(db, server), USER, () => undefined, environment({ locks }))
		);

		await Promise.all(runners.map((r) => r.now()));
		expect(mostAtOnce).toBe(1);
		expect(sent.sort((x, y) => x - y)).toEqual([1, 2, 3, 4, 5, 6]);
		expect(await tabB.outbox.count()).toBe(0);
	});
});
