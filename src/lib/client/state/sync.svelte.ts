import type { SignedInUser } from '$lib/client/api';
import type { SyncTransport } from '$lib/client/sync/engine';
import { LiveQuery } from './live-query.svelte';
import { repositories } from './repositories';
import type { SyncRunner } from './sync-runner';

export type SyncStatus =
	| { kind: 'local' }
	| { kind: 'synced' }
	/**
	 * `total`: about how many changes this sync pulls in all, once the server has said; `bytes`:
	 * how much of the answers has arrived so far.
	 */
	| { kind: 'syncing'; pulled: number; total: number | null; bytes: number }
	| { kind: 'offline' }
	| { kind: 'error'; reason: string }
	| { kind: 'updateRequired' };

/**
 * The sync state the pages show: whether this tablet syncs, how it went, what waits. The
 * running itself (engine, transport, schedule, retries) is in `sync-runner.ts`, loaded by
 * `start()` for a signed-in planner only: the first page stays small for everyone else.
 */
export class SyncState {
	status = $state<SyncStatus>({ kind: 'local' });
	#runner: SyncRunner | null = null;
	/** Set while `start()` loads and starts the runner. */
	#starting: Promise<void> | null = null;
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

	/** Starts syncing the signed-in user's database (the transport: tests only). */
	start(user: SignedInUser, transport?: SyncTransport): Promise<void> {
		this.#starting ??= (async () => {
			const { SyncRunner } = await import('./sync-runner');
			this.#runner = await SyncRunner.start(
				user,
				(status) => {
					this.status = status;
				},
				transport
			);
			this.active = true;
		})();
		return this.#starting;
	}

	/** Syncs after `ms`, unless a sync is already due sooner. */
	soon(ms = 500): void {
		this.#runner?.soon(ms);
	}

	async now(): Promise<void> {
		await this.#runner?.now();
	}

	/**
	 * Tries to send everything now; returns how many changes are still unsent, as the user's
	 * database counts them. A runner still starting is waited for; without one (the server's
	 * session has ended, say) nothing can be sent, and every change in the outbox is unsent.
	 */
	async flush(): Promise<number> {
		// A start that failed is reported where it was called; then there is no runner.
		await this.#starting?.catch(() => undefined);
		if (this.#runner) return this.#runner.flush();
		return repositories().db.outbox.count();
	}

	/** No more syncs (the user signs out). */
	stop(): void {
		this.#runner?.stop();
	}
}

export const sync = new SyncState();
