import { liveQuery } from 'dexie';
import { callApi, type SignedInUser } from '$lib/client/api';
import type { LekeplanDatabase } from '$lib/client/db/database';
import { SyncEngine, type SyncOutcome, type SyncTransport } from '$lib/client/sync/engine';
import { httpTransportFor } from '$lib/client/sync/http-transport';
import { repositories } from './repositories';
import { RECORD_TYPES } from '$lib/sync/protocol';
import type { SyncStatus } from './sync.svelte';

export const RETRY_MS = [2_000, 5_000, 15_000, 60_000];

/** The part of the Web Locks API the runner uses (`navigator.locks`). */
export interface Locks {
	request<T>(name: string, run: () => Promise<T>): Promise<T>;
}

/** What the runner needs of the browser. The unit tests pass their own. */
export interface RunnerEnvironment {
	online(): boolean;
	/** Absent in a browser without Web Locks: then each tab pushes on its own. */
	locks: Locks | undefined;
	/** Fetches the conflicts to resolve into the local store, after a sync. */
	refreshConflicts(): Promise<void>;
	/** Looks for a newer app (the service worker), so that the update prompt can offer it. */
	lookForUpdate(): void;
	setTimer(run: () => void, ms: number): unknown;
	clearTimer(timer: unknown): void;
	/** Removes the account's database: its kindergarten was deleted (ADR 44). */
	dropRemovedKindergarten(): Promise<void>;
}

function browserEnvironment(db: LekeplanDatabase): RunnerEnvironment {
	const locks = navigator.locks as LockManager | undefined;
	return {
		online: () => navigator.onLine,
		locks: locks && { request: (name, run) => locks.request(name, run) },
		refreshConflicts: () => refreshConflicts(db),
		lookForUpdate: () => {
			void navigator.serviceWorker?.getRegistration().then((r) => r?.update());
		},
		setTimer: (run, ms) => setTimeout(run, ms),
		clearTimer: (timer) => clearTimeout(timer as ReturnType<typeof setTimeout>),
		dropRemovedKindergarten: async () => {
			const { dropRemovedKindergarten } = await import('./removed-kindergarten');
			await dropRemovedKindergarten();
		}
	};
}

/**
 * Runs the engine for a signed-in planner: after every local change (shortly), when the network
 * returns, and every minute. One tab per user pushes (Web Locks); the others wait. Loaded with
 * the engine by `SyncState.start()`, so a tablet that does not sync never loads either.
 */
export class SyncRunner {
	#timer: unknown;
	#failures = 0;
	#stopped = false;
	#unsubscribe: () => void = () => undefined;
	/** The sync under way, if one is: a second caller waits for it rather than starting one. */
	#running: Promise<void> | null = null;

	constructor(
		private readonly engine: SyncEngine,
		private readonly user: Pick<SignedInUser, 'userId'>,
		private readonly report: (status: SyncStatus) => void,
		private readonly env: RunnerEnvironment
	) {}

	/** Turns on the outbox of the user's database and starts syncing it. */
	static async start(
		user: SignedInUser,
		report: (status: SyncStatus) => void,
		transport: SyncTransport = httpTransportFor(user.kindergartenId)
	): Promise<SyncRunner> {
		const db = repositories().db;
		const engine = new SyncEngine(db, transport);
		await engine.enable();
		const runner = new SyncRunner(engine, user, report, browserEnvironment(db));
		window.addEventListener('online', () => runner.soon(0));
		window.addEventListener('offline', () => report({ kind: 'offline' }));
		// Every local change lands in the outbox: sync shortly after it grows.
		let last = 0;
		const subscription = liveQuery(() => db.outbox.count()).subscribe({
			next: (count) => {
				if (count > last) runner.soon(500);
				last = count;
			}
		});
		runner.#unsubscribe = () => subscription.unsubscribe();
		runner.soon(0);
		return runner;
	}

	/** Syncs after `ms`, unless a sync is already due sooner. */
	soon(ms = 500): void {
		this.#schedule(ms);
	}

	/** No more syncs after the one under way (signing out). */
	stop(): void {
		this.#stopped = true;
		this.env.clearTimer(this.#timer);
		this.#unsubscribe();
	}

	/** Syncs now; when a sync is already under way, waits for that one instead. */
	now(): Promise<void> {
		if (!this.#running) {
			const run = this.#sync().finally(() => {
				if (this.#running === run) this.#running = null;
			});
			this.#running = run;
		}
		return this.#running;
	}

	/**
	 * Tries to send everything now; returns how many changes are still unsent. A sync under way
	 * may have started before the latest changes: wait for it, then try once more.
	 */
	async flush(): Promise<number> {
		await this.#running;
		await this.now();
		return this.engine.pendingCount();
	}

	async #sync(): Promise<void> {
		if (!this.env.online()) {
			this.report({ kind: 'offline' });
			return;
		}
		this.report({ kind: 'syncing', pulled: 0, total: null, bytes: 0 });
		const run = () =>
			this.engine.sync(({ pulled, total, bytes }) => {
				this.report({ kind: 'syncing', pulled, total, bytes });
			});
		const locks = this.env.locks;
		const outcome = await (
			locks ? locks.request(`lekeplan-sync-${this.user.userId}`, run) : run()
		).catch(storageFailure);
		if (outcome.ok) {
			this.#failures = 0;
			this.report({ kind: 'synced' });
			await this.env.refreshConflicts();
			// A change made while this sync ran (its outbox entry came too late for the push)
			// goes shortly, not at the next minute's sync.
			this.#schedule((await this.engine.pendingCount()) > 0 ? 500 : 60_000);
		} else if (outcome.status === 426) {
			// The server needs a newer app. The push above sent what the server still took;
			// the rest stays in the outbox. Look for the new version so the update prompt can
			// offer it (docs/design/sync-protocol.md); nothing is retried until the app is updated.
			this.report({ kind: 'updateRequired' });
			this.env.lookForUpdate();
		} else if (outcome.status === 410 && outcome.reason === 'kindergarten_removed') {
			// The owner deleted the kindergarten with its data (ADR 44): it goes from this tablet.
			this.stop();
			await this.env.dropRemovedKindergarten();
		} else if (outcome.status === 0) {
			this.report({ kind: 'offline' });
			this.#retry();
		} else {
			this.report({ kind: 'error', reason: outcome.reason });
			this.#retry();
		}
	}

	#retry(): void {
		const delay = RETRY_MS[Math.min(this.#failures, RETRY_MS.length - 1)]!;
		this.#failures++;
		this.#schedule(delay);
	}

	#schedule(ms: number): void {
		if (this.#stopped) return;
		this.env.clearTimer(this.#timer);
		this.#timer = this.env.setTimer(() => void this.now(), ms);
	}
}

/**
 * The engine throws only when IndexedDB fails it (a full disk, a closed database): its
 * transaction then wrote nothing, and the next try starts from where the last one committed.
 */
function storageFailure(error: unknown): SyncOutcome {
	console.warn('Sync could not write to this device', error);
	const name = error instanceof Error ? error.name : '';
	const inner = (error as { inner?: { name?: string } } | null)?.inner?.name;
	const full = name === 'QuotaExceededError' || inner === 'QuotaExceededError';
	return { ok: false, status: -1, reason: full ? 'quota_exceeded' : 'storage_failed' };
}

const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/** The server's conflicts to resolve, into the local store the conflicts page reads. */
async function refreshConflicts(db: LekeplanDatabase): Promise<void> {
	const result = await callApi('GET', '/sync/conflicts');
	if (!result.ok) return;
	await db.transaction('rw', db.conflicts, async () => {
		await db.conflicts.clear();
		for (const c of result.data.conflicts) {
			await db.conflicts.put({
				id: String(c['id']),
				recordId: String(c['recordId']),
				type: RECORD_TYPES.includes(c['type']) ? c['type'] : 'plan',
				field: typeof c['field'] === 'string' ? c['field'] : null,
				kind: c['kind'] === 'deleted' ? 'deleted' : 'text',
				serverValue: c['serverValue'],
				clientValue: c['clientValue'],
				createdAt: String(c['createdAt']),
				clientUserId: String(c['clientUserId']),
				clientUserName: text(c['clientUserName']),
				serverUserId: text(c['serverUserId']),
				serverUserName: text(c['serverUserName']),
				serverAt: text(c['serverAt'])
			});
		}
	});
}
