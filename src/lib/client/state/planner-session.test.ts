import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openRepositories, type Repositories } from '$lib/client/db';
import { ActivityRepository } from '$lib/client/db/activity-repository';
import { META } from '$lib/client/db/outbox';
import { uuidv7 } from '$lib/domain/ids';
import { builtInActivity } from '$lib/domain/library/content-fixture';
import { type ActivityContent, type LibraryActivity } from '$lib/domain/library/library-activity';
import type { PlanContent } from '$lib/domain/plan';
import { account } from './account.svelte';
import { databaseName, deviceUserId, setDeviceUser } from './device-user';
import { endDeviceSession, exportUnsent } from './planner-session';
import { useRepositories } from './repositories';
import { sync } from './sync.svelte';

const KINDERGARTEN = uuidv7();
/** What the sign-out page passes in. */
const session = { account, sync };

const plan = (title: string): PlanContent => ({
	groupId: uuidv7(),
	title,
	date: '2026-11-30',
	startTime: '09:30',
	endTime: '10:15',
	goals: 'Telle steg',
	description: '',
	learningAreas: ['quantities'],
	clauses: ['explore'],
	tools: ['Bee-Bot'],
	screenMode: 'screenFree',
	screenMinutes: 0,
	adultParticipates: true,
	privacy: { photographed: false, storage: '', consent: false, notes: '' },
	status: 'planned',
	evaluation: null
});

/** A library activity in Norwegian, as the own-activity form would save it. */
function activity(title: string): ActivityContent {
	const content: Partial<LibraryActivity> = builtInActivity('bee-bot-story-mat', 'nb');
	delete content.id;
	delete content.origin;
	return { ...(content as ActivityContent), title };
}

/** What the server was asked, whether it can be reached, and whether it holds a session. */
let calls: string[];
let online: boolean;
let serverSession: boolean;
let userId: string;
let repos: Repositories;

beforeEach(async () => {
	const store = new Map<string, string>();
	vi.stubGlobal('localStorage', {
		getItem: (key: string) => store.get(key) ?? null,
		setItem: (key: string, value: string) => store.set(key, value),
		removeItem: (key: string) => store.delete(key)
	});
	calls = [];
	online = true;
	serverSession = true;
	userId = crypto.randomUUID();
	vi.stubGlobal('fetch', (url: string, init: { method: string }) => {
		const call = `${init.method} ${url}`;
		calls.push(call);
		if (!online) return Promise.reject(new TypeError('Failed to fetch'));
		if (call === 'POST /api/v1/auth/sign-out') serverSession = false;
		if (call === 'GET /api/v1/me') {
			return Promise.resolve(
				serverSession
					? Response.json({ user: { userId, role: 'staff', kindergartenId: KINDERGARTEN } })
					: Response.json({ user: null })
			);
		}
		if (call === 'GET /api/v1/auth/oidc') return Promise.resolve(Response.json({ enabled: false }));
		return Promise.resolve(new Response(null, { status: 204 }));
	});
	setDeviceUser(userId);
	repos = openRepositories(databaseName(userId));
	useRepositories(repos);
	// A signed-in planner's database: every change lands in the outbox.
	await repos.db.syncMeta.put({ key: META.enabled, value: true });
});

afterEach(async () => {
	vi.unstubAllGlobals();
	repos.db.close();
	await Dexie.delete(databaseName(userId));
});

const exists = () => Dexie.exists(databaseName(userId));

describe('signing out of a shared tablet', () => {
	it('with unsent changes, removes nothing and signs nobody out unless the person chose so', async () => {
		await repos.plans.create(plan('Ikke sendt'), KINDERGARTEN);
		await repos.plans.create(plan('Heller ikke sendt'), KINDERGARTEN);

		expect(await endDeviceSession('ifAllSent', session)).toBe(2);
		expect(await exists()).toBe(true);
		expect(await repos.db.outbox.count()).toBe(2);
		expect(deviceUserId()).toBe(userId);
		expect(calls).toEqual([]);
	});

	it('with everything sent, signs out of the server and removes the user’s database', async () => {
		const created = await repos.plans.create(plan('Sendt'), KINDERGARTEN);
		expect(created.ok).toBe(true);
		await repos.db.outbox.clear();

		expect(await endDeviceSession('ifAllSent', session)).toBe(0);
		expect(calls).toEqual(['POST /api/v1/auth/sign-out']);
		expect(deviceUserId()).toBeNull();
		expect(await exists()).toBe(false);
	});

	it('keeps the database, unsent changes and all, when the person keeps them', async () => {
		await repos.plans.create(plan('Til neste gang'), KINDERGARTEN);

		expect(await endDeviceSession('keep', session)).toBe(0);
		expect(deviceUserId()).toBeNull();
		expect(await exists()).toBe(true);
		const kept = openRepositories(databaseName(userId));
		expect(await kept.db.outbox.count()).toBe(1);
		expect((await kept.db.plans.toArray()).map((p) => p.title)).toEqual(['Til neste gang']);
		kept.db.close();
	});

	it('removes unsent changes when the person chose to remove them', async () => {
		await repos.plans.create(plan('Fjernes'), KINDERGARTEN);

		expect(await endDeviceSession('remove', session)).toBe(0);
		expect(await exists()).toBe(false);
	});

	it('never removes the database of the signed-out tablet', async () => {
		const name = `lekeplan-test-${crypto.randomUUID()}`;
		const device = openRepositories(name);
		await device.plans.create(plan('Lokal plan'), KINDERGARTEN);
		useRepositories(device);
		setDeviceUser(null);

		expect(await endDeviceSession('remove', session)).toBe(0);
		expect(await Dexie.exists(name)).toBe(true);
		device.db.close();
		await Dexie.delete(name);
	});

	it('offline, tells the server at the next start, and until then nobody is signed in', async () => {
		online = false;
		expect(await endDeviceSession('keep', session)).toBe(0);
		expect(calls).toEqual(['POST /api/v1/auth/sign-out']);

		// Still offline: the tablet does not fall back to the last user.
		await account.refresh();
		expect(account.user).toBeNull();
		expect(calls.filter((c) => c.endsWith('/me'))).toEqual([]);

		// Online again: the sign-out reaches the server first, so the session it still held does
		// not sign the last user in again.
		online = true;
		await account.refresh();
		expect(serverSession).toBe(false);
		expect(account.user).toBeNull();
	});
});

describe('the file of unsent changes', () => {
	it('holds the unsent changes with their plans and own library activities, nothing else', async () => {
		await repos.plans.create(plan('Allerede sendt'), KINDERGARTEN);
		await repos.db.outbox.clear();
		await repos.plans.create(plan('Bee-Bot i skogen'), KINDERGARTEN);
		const saved = await new ActivityRepository(repos.db).save(
			activity('Vår egen robotløype'),
			KINDERGARTEN
		);
		expect(saved.ok).toBe(true);

		const file = JSON.parse(await (await exportUnsent()).text()) as {
			unsentChanges: Array<{ type: string; recordId: string }>;
			plans: Array<{ title: string }>;
			activities: Array<{ title: string }>;
		};
		expect(file.unsentChanges.map((c) => c.type)).toEqual(['plan', 'activity']);
		expect(file.plans.map((p) => p.title)).toEqual(['Bee-Bot i skogen']);
		expect(file.activities.map((a) => a.title)).toEqual(['Vår egen robotløype']);
	});
});
