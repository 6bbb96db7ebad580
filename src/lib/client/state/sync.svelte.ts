import { liveQuery } from 'dexie';
import { callApi, type SignedInUser } from '$lib/client/api';
import type { SyncEngine, SyncTransport } from '$lib/client/sync/engine';
import { LiveQuery } from './live-query.svelte';
import { repositories } from './repositories';
import type { PullResponse, PushResponse } from '$lib/sync/protocol';

export type SyncStatus =
	| { kind: 'local' }
	| { kind: 'synced' }
	| { kind: 'syncing'; pulled: number }
	| { kind: 'offline' }
	| { kind: 'error'; reason: string }
	| { kind: 'updateRequired' };

const transport: SyncTransport = {
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
 * Keeps a signed-in user's database in sync: after every local change (shortly), when the
 * network returns, and every minute. One tab per user pushes (Web Locks); the others wait.
 */
export class SyncState {
	status = $state<SyncStatus>({ kind: 'local' });
	#engine: SyncEngine | null = null;
	#timer: ReturnType<typeof setTimeout> | undefined;
	#failures = 0;
	#running = false;
	#user: SignedInUser | null = null;
	#pending = new LiveQuery(() => repositories().db.outbox.count());
	#conflicts = new LiveQuery(() => repositories().db.conflicts.count());
	#rejections = new LiveQuery(() => repositories().db.rejections.count());

	get pending(): number {
		return this.#pending.current ?? 0;
	}

	get conflicts(): number {
		return this.#conflicts.current ?? 0;
	}

	get rejections(): number {
		return this.#rejections.current ?? 0;
	}

	/** Whether this tablet syncs (a planner is signed in). */
	active = $state(false);

	/** Starts syncing the signed-in user's database. */
	async start(user: SignedInUser): Promise<void> {
		this.#user = user;
		const db = repositories().db;
		// Loaded only for a signed-in planner: the first page stays small for everyone else.
		const { SyncEngine } = await import('$lib/client/sync/engine');
		this.#engine = new SyncEngine(db, transport);
		await this.#engine.enable();
		this.active = true;
		window.addEventListener('online', () => this.soon(0));
		window.addEventListener('offline', () => {
			this.status = { kind: 'offline' };
		});
		// Every local change lands in the outbox: sync shortly after it grows.
		let last = 0;
		liveQuery(() => db.outbox.count()).subscribe({
			next: (count) => {
				if (count > last) this.soon(500);
				last = count;
			}
		});
		this.soon(0);
	}

	/** Syncs after `ms`, unless a sync is already due sooner. */
	soon(ms = 500): void {
		if (!this.#engine) return;
		clearTimeout(this.#timer);
		this.#timer = setTimeout(() => void this.now(), ms);
	}

	async now(): Promise<void> {
		const engine = this.#engine;
		if (!engine || this.#running) return;
		if (!navigator.onLine) {
			this.status = { kind: 'offline' };
			return;
		}
		this.#running = true;
		this.status = { kind: 'syncing', pulled: 0 };
		try {
			const run = () =>
				engine.sync((pulled) => {
					this.status = { kind: 'syncing', pulled };
				});
			const outcome = navigator.locks
				? await navigator.locks.request(`lekeplan-sync-${this.#user?.userId ?? ''}`, run)
				: await run();
			if (outcome.ok) {
				this.#failures = 0;
				this.status = { kind: 'synced' };
				await this.#refreshConflicts();
				this.#schedule(60_000);
			} else if (outcome.status === 426) {
				// The server needs a newer app: unsent changes stay in the outbox; look for the
				// new version so the update prompt appears.
				this.status = { kind: 'updateRequired' };
				void navigator.serviceWorker?.getRegistration().then((r) => r?.update());
			} else if (outcome.status === 0) {
				this.status = { kind: 'offline' };
				this.#retry();
			} else {
				this.status = { kind: 'error', reason: outcome.reason };
				this.#retry();
			}
		} finally {
			this.#running = false;
		}
	}

	/** Tries to send everything now; returns how many changes are still unsent. */
	async flush(): Promise<number> {
		await this.now();
		return this.#engine ? this.#engine.pendingCount() : 0;
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
		this.#timer = setTimeout(() => void this.now(), ms);
	}
}

export const sync = new SyncState();
