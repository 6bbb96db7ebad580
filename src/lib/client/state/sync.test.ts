import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SignedInUser } from '$lib/client/api';
import { openRepositories, type Repositories } from '$lib/client/db';
import { META } from '$lib/client/db/outbox';
import type { SyncTransport } from '$lib/client/sync/engine';
import { uuidv7 } from '$lib/domain/ids';
import type { PlanContent } from '$lib/domain/plan';
import type { PushRequest } from '$lib/sync/protocol';
import { useRepositories } from './repositories';
import { SyncRunner } from './sync-runner';
import { SyncState } from './sync.svelte';

const KINDERGARTEN = uuidv7();
const USER: SignedInUser = {
	userId: uuidv7(),
	ownerId: uuidv7(),
	role: 'staff',
	kindergartenId: KINDERGARTEN,
	groupId: null,
	displayName: 'Ali Ansatt',
	email: null
};

const plan = (title: string): PlanContent => ({
	groupId: uuidv7(),
	title,
	date: '2026-11-30',
	startTime: '09:30',
	endTime: '10:15',
	goals: '',
	description: '',
	learningAreas: ['quantities'],
	clauses: ['explore'],
	tools: [],
	screenMode: 'screenFree',
	screenMinutes: 0,
	adultParticipates: true,
	privacy: { photographed: false, storage: '', consent: false, notes: '' },
	status: 'planned',
	evaluation: null
});

/**
 * A server that takes every change it is sent. `hold()` makes the next push wait until the
 * returned function is called, so a test can act while a sync is under way.
 */
function fakeServer() {
	const pushes: number[][] = [];
	let held: Promise<void> | null = null;
	let pushArrived: () => void = () => undefined;
	const transport: SyncTransport = {
		async push(request: PushRequest) {
			pushes.push(request.mutations.map((m) => m.id));
			pushArrived();
			if (held) {
				const wait = held;
				held = null;
				await wait;
			}
			const ids = request.mutations.map((m) => m.id);
			return {
				ok: true,
				data: {
					results: ids.map((id) => ({ id, status: 'applied' as const })),
					lastMutationId: Math.max(...ids)
				}
			};
		},
		pull: () => Promise.resolve({ ok: true, data: { changes: [], cursor: 0, hasMore: false } })
	};
	return {
		transport,
		pushes,
		/** Holds the next push; resolves `arrived` when it comes, and lets it through on `release`. */
		hold() {
			let release: () => void = () => undefined;
			held = new Promise<void>((resolve) => (release = resolve));
			const arrived = new Promise<void>((resolve) => (pushArrived = resolve));
			return { arrived, release };
		}
	};
}

let repos: Repositories;

beforeEach(async () => {
	vi.stubGlobal('window', new EventTarget());
	vi.stubGlobal('navigator', { onLine: true });
	// The conflicts the runner asks for after a sync: none to fetch here.
	vi.stubGlobal('fetch', () => Promise.reject(new TypeError('Failed to fetch')));
	repos = openRepositories(`sync-${crypto.randomUUID()}`);
	useRepositories(repos);
	await repos.db.syncMeta.put({ key: META.enabled, value: true });
});

afterEach(async () => {
	vi.unstubAllGlobals();
	repos.db.close();
	await repos.db.delete();
});

describe('flush before signing out', () => {
	it('without a sync runner (the server’s session has ended), reports every unsent change', async () => {
		await repos.plans.create(plan('Ikke sendt'), KINDERGARTEN);
		await repos.plans.create(plan('Heller ikke sendt'), KINDERGARTEN);

		expect(await new SyncState().flush()).toBe(2);
	});

	it('waits for a sync runner that is still starting, and sends with it', async () => {
		await repos.plans.create(plan('Sendes'), KINDERGARTEN);
		const server = fakeServer();
		const state = new SyncState();

		void state.start(USER, server.transport);
		expect(await state.flush()).toBe(0);
		expect(server.pushes.flat()).toEqual([1]);
		state.stop();
	});

	it('waits for a sync under way, then sends what came after it started', async () => {
		await repos.plans.create(plan('Først'), KINDERGARTEN);
		const server = fakeServer();
		const first = server.hold();
		const runner = await SyncRunner.start(USER, () => undefined, server.transport);
		await first.arrived;
		// The sync under way carries the first change only; the second comes while it runs.
		await repos.plans.create(plan('Etterpå'), KINDERGARTEN);

		const flushed = runner.flush();
		first.release();
		expect(await flushed).toBe(0);
		expect(server.pushes).toEqual([[1], [2]]);
		expect(await repos.db.outbox.count()).toBe(0);
		runner.stop();
	});

	it('offline, sends nothing and reports what is unsent', async () => {
		vi.stubGlobal('navigator', { onLine: false });
		await repos.plans.create(plan('Uten nett'), KINDERGARTEN);
		const server = fakeServer();
		const runner = await SyncRunner.start(USER, () => undefined, server.transport);

		expect(await runner.flush()).toBe(1);
		expect(server.pushes).toEqual([]);
		runner.stop();
	});
});
