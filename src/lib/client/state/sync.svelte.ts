import type { SignedInUser } from '$lib/client/api';
import { LiveQuery } from './live-query.svelte';
import { repositories } from './repositories';
import type { SyncRunner } from './sync-runner';

export type SyncStatus =
	| { kind: 'local' }
	| { kind: 'synced' }
	/** `total`: about how many changes this sync pulls in all, once the server has said. */
	| { kind: 'syncing'; pulled: number; total: number | null }
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
		const { SyncRunner } = await import('./sync-runner');
		this.#runner = await SyncRunner.start(user, (status) => {
			this.status = status;
		});
		this.active = true;
	}

	/** Syncs after `ms`, unless a sync is already due sooner. */
	soon(ms = 500): void {
		this.#runner?.soon(ms);
	}

	async now(): Promise<void> {
		await this.#runner?.now();
	}

	/** Tries to send everything now; returns how many changes are still unsent. */
	async flush(): Promise<number> {
		return this.#runner ? this.#runner.flush() : 0;
	}
}

export const sync = new SyncState();
