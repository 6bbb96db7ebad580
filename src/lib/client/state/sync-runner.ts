import { liveQuery } from 'dexie';
import { callApi, type SignedInUser } from '$lib/client/api';
import { SyncEngine, type SyncTransport } from '$lib/client/sync/engine';
import { repositories } from './repositories';
import type { PullResponse, PushResponse } from '$lib/sync/protocol';
import type { SyncStatus } from './sync.svelte';

const httpTransport: SyncTransport = {
	async push(request) {
		const result = await callApi<PushResponse>('POST', '/sync/push', request);
		return result.ok
			? { ok: true, data: result.data }
			: { ok: false, status: result.status, reason: result.reason };
	},
	async pull(query) {
		const params = new URLSearchParams({
			cursor: String(query.cursor),
			clientId: query.clientId,
			protocol: String(query.protocol),
			schema: String(query.schema)
		});
		const result = await callApi<PullResponse>('GET', `/sync/pull?${params.toString()}`);
		return result.ok
			? { ok: true, data: result.data }
			: { ok: false, status: result.status, reason: result.reason };
	}
};

const RETRY_MS = [2_000, 5_000, 15_000, 60_000];

/**
 * Runs the engine for a signed-in planner: after every local change (shortly), when the network
 * returns, and every minute. One tab per user pushes (Web Locks); the others wait. Loaded with
 * the engine by `SyncState.start()`, so a tablet that does not sync never loads either.
 */
export class SyncRunner {
	#timer: ReturnType<typeof setTimeout> | undefined;
	#stopped = false;
	#unsubscribe: () => void = () => undefined;
	#failures = 0;
	/** The sync under way, if one is: a second caller waits for it rather than starting one. */
	#running: Promise<void> | null = null;

	private constructor(
		private readonly engine: SyncEngine,
		private readonly user: SignedInUser,
		private readonly report: (status: SyncStatus) => void
	) {}

	/** Turns on the outbox of the user's database and starts syncing it. */
	static async start(
		user: SignedInUser,
		report: (status: SyncStatus) => void,
		transport: SyncTransport = httpTransport
	): Promise<SyncRunner> {
		const db = repositories().db;
		const engine = new SyncEngine(db, transport);
		await engine.enable();
		const runner = new SyncRunner(engine, user, report);
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
		clearTimeout(this.#timer);
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
		if (!navigator.onLine) {
			this.report({ kind: 'offline' });
			return;
		}
		this.report({ kind: 'syncing', pulled: 0 });
		const run = () =>
			this.engine.sync((pulled) => {
				this.report({ kind: 'syncing', pulled });
			});
		const outcome = navigator.locks
			? await navigator.locks.request(`lekeplan-sync-${this.user.userId}`, run)
			: await run();
		if (outcome.ok) {
			this.#failures = 0;
			this.report({ kind: 'synced' });
			await this.#refreshConflicts();
			this.#schedule(60_000);
		} else if (outcome.status === 426) {
			// The server needs a newer app: unsent changes stay in the outbox; look for the
			// new version so the update prompt appears.
			this.report({ kind: 'updateRequired' });
			void navigator.serviceWorker?.getRegistration().then((r) => r?.update());
		} else if (outcome.status === 0) {
			this.report({ kind: 'offline' });
			this.#retry();
		} else {
			this.report({ kind: 'error', reason: outcome.reason });
			this.#retry();
		}
	}

	async #refreshConflicts(): Promise<void> {
		const result = await callApi<{ conflicts: Array<Record<string, unknown>> }>(
			'GET',
			'/sync/conflicts'
		);
		if (!result.ok) return;
		const db = repositories().db;
		await db.transaction('rw', db.conflicts, async () => {
			await db.conflicts.clear();
			for (const c of result.data.conflicts) {
				await db.conflicts.put({
					id: String(c['id']),
					recordId: String(c['recordId']),
					type: c['type'] === 'activity' ? 'activity' : 'plan',
					field: typeof c['field'] === 'string' ? c['field'] : null,
					kind: c['kind'] === 'deleted' ? 'deleted' : 'text',
					serverValue: c['serverValue'],
					clientValue: c['clientValue'],
					createdAt: String(c['createdAt'])
				});
			}
		});
	}

	#retry(): void {
		const delay = RETRY_MS[Math.min(this.#failures, RETRY_MS.length - 1)]!;
		this.#failures++;
		this.#schedule(delay);
	}

	#schedule(ms: number): void {
		clearTimeout(this.#timer);
		if (this.#stopped) return;
		this.#timer = setTimeout(() => void this.now(), ms);
	}
}
