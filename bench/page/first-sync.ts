import { localToday } from '$lib/domain/calendar';
import { uuidv7 } from '$lib/domain/ids';
import { SyncEngine, type SyncTransport } from '$lib/client/sync/engine';
import { httpTransport } from '$lib/client/sync/http-transport';
import {
	DEVICE_FIELDS,
	MAX_BATCH,
	PROTOCOL_VERSION,
	PULL_PAGE,
	SCHEMA_VERSION,
	SERVER_FIELDS,
	type Change,
	type Mutation,
	type PullResponse
} from '$lib/sync/protocol';
import { DATABASES, freshDatabase } from './databases';
import { generatePlans, makeDemoData, type ActivityPlan } from './plans';
import { signInAndListGroups } from './server-api';

/** The page's half of a first sync: from pages in memory (5a) and from the server (5b). */

/**
 * What a first sync pulls: the pages as the server sends them, and the same plans as the
 * engine stores them (for the raw baseline).
 */
let pulled: { pages: PullResponse[]; plans: ActivityPlan[] } | null = null;

/**
 * The prepared plans as a server would send them to a fresh client: one Change per plan at
 * revisions 1…n (the data the domain schema reads, less the device's `syncRev`; a revision for
 * every client-written field), cut into PullResponse pages of PULL_PAGE.
 */
function pulledPages(plans: ActivityPlan[]): { pages: PullResponse[]; plans: ActivityPlan[] } {
	const updatedBy = uuidv7();
	const serverFields: readonly string[] = SERVER_FIELDS;
	const changes: Change[] = plans.map((plan, i) => {
		const rev = i + 1;
		const data: Record<string, unknown> = structuredClone(plan);
		delete data['syncRev'];
		const written = Object.keys(data).filter((k) => !serverFields.includes(k));
		return {
			recordId: plan.id,
			type: 'plan',
			rev,
			data,
			fieldRevs: Object.fromEntries(written.map((k) => [k, rev])),
			deletedAt: plan.deletedAt,
			updatedBy
		};
	});
	const pages: PullResponse[] = [];
	for (let i = 0; i < changes.length; i += PULL_PAGE) {
		const page = changes.slice(i, i + PULL_PAGE);
		pages.push({
			changes: page,
			cursor: page.at(-1)!.rev,
			hasMore: i + PULL_PAGE < changes.length
		});
	}
	const stored = changes.map((c) => ({ ...c.data, syncRev: c.rev }) as unknown as ActivityPlan);
	return { pages, plans: stored };
}

/**
 * A transport that answers pulls from the prepared pages (by cursor, as the server would) and
 * has nothing to take for a push.
 */
function pagesTransport(pages: PullResponse[]): SyncTransport {
	const byCursor = new Map(pages.map((page, i) => [i === 0 ? 0 : pages[i - 1]?.cursor, page]));
	return {
		push: (request) =>
			Promise.reject(new Error(`unexpected push of ${request.mutations.length} mutations`)),
		pull: ({ cursor }) => {
			const page = byCursor.get(cursor);
			if (!page) return Promise.reject(new Error(`no page after cursor ${cursor}`));
			return Promise.resolve({ ok: true, data: page });
		}
	};
}

function requirePulled() {
	if (!pulled) throw new Error('call bench.prepareSync(n) first');
	return pulled;
}

async function timeFirstSync() {
	const { pages } = requirePulled();
	const db = await freshDatabase(DATABASES.sync);
	const engine = new SyncEngine(db, pagesTransport(pages));
	await engine.enable();
	const start = performance.now();
	const outcome = await engine.sync();
	const ms = performance.now() - start;
	const stored = await db.plans.count();
	db.close();
	if (!outcome.ok) throw new Error(`sync failed: ${outcome.reason} (${outcome.status})`);
	return { ms, stored, pulled: outcome.pulled };
}

async function timeSyncRaw() {
	const { plans } = requirePulled();
	const db = await freshDatabase(DATABASES.syncRaw);
	const start = performance.now();
	await db.plans.bulkPut(plans);
	const ms = performance.now() - start;
	const stored = await db.plans.count();
	db.close();
	return { ms, stored, pulled: plans.length };
}

/** Makes `n` plans (as `prepare` does) and the pull pages a server would send for them. */
export function prepareSync(n: number) {
	const today = localToday();
	pulled = pulledPages(generatePlans(makeDemoData(today), n, today));
	return {
		changes: pulled.plans.length,
		pages: pulled.pages.length,
		pageSize: PULL_PAGE,
		bytes: JSON.stringify(pulled.pages).length
	};
}

/**
 * One round: a first sync of a fresh client (SyncEngine.enable, then sync() against a
 * transport serving the prepared pages) and raw `bulkPut` of the same plans, each into a
 * freshly created database of the app's schema.
 */
export async function syncRound(syncFirst: boolean) {
	let engine;
	let raw;
	if (syncFirst) {
		engine = await timeFirstSync();
		raw = await timeSyncRaw();
	} else {
		raw = await timeSyncRaw();
		engine = await timeFirstSync();
	}
	return {
		syncMs: engine.ms,
		rawMs: raw.ms,
		stored: [engine.stored, raw.stored],
		pulled: engine.pulled
	};
}

// ------------------------------------------------------------------ from the server (5b)

/**
 * What a first sync from the server stores: the plans as the engine stored them in an untimed
 * sync, the raw baseline's rows.
 */
let fromServer: ActivityPlan[] | null = null;

/**
 * A first sync of a fresh client from the running server: the app's engine and its HTTP
 * transport (the app's `callApi`, the signed-in session's cookie) into a new database.
 */
async function syncFromServer(name: string) {
	const db = await freshDatabase(name);
	const engine = new SyncEngine(db, httpTransport);
	await engine.enable();
	const start = performance.now();
	const outcome = await engine.sync();
	const ms = performance.now() - start;
	const stored = await db.plans.count();
	if (!outcome.ok) throw new Error(`sync failed: ${outcome.reason} (${outcome.status})`);
	return { ms, stored, pulled: outcome.pulled, db };
}

async function timeSyncFromServer() {
	const { ms, stored, pulled, db } = await syncFromServer(DATABASES.httpSync);
	db.close();
	return { ms, stored, pulled };
}

async function timeRawFromServer() {
	if (!fromServer) throw new Error('call bench.prepareServerSync() first');
	const db = await freshDatabase(DATABASES.httpSyncRaw);
	const start = performance.now();
	await db.plans.bulkPut(fromServer);
	const ms = performance.now() - start;
	const stored = await db.plans.count();
	db.close();
	return { ms, stored };
}

/**
 * Signs this browser context in on the running server (the page's app does not notice: it
 * read the account when it started) and pushes `n` plans, made as `prepare` makes them, into
 * the groups of the user's kindergarten: what a fresh client then pulls.
 */
export async function seedServer(account: { email: string; password: string }, n: number) {
	const groups = await signInAndListGroups(account);
	const today = localToday();
	const demo = makeDemoData(today);
	const notSent: readonly string[] = [...SERVER_FIELDS, ...DEVICE_FIELDS];
	const at = new Date().toISOString();
	const mutations: Mutation[] = generatePlans(demo, n, today).map((plan, i) => {
		const g = demo.groups.findIndex((group) => group.id === plan.groupId);
		const fields: Record<string, unknown> = { ...plan, groupId: groups[g % groups.length] };
		for (const key of notSent) delete fields[key];
		return {
			id: i + 1,
			recordId: plan.id,
			type: 'plan',
			op: 'put',
			baseRev: null,
			fields,
			at
		};
	});
	const clientId = uuidv7();
	let applied = 0;
	for (let i = 0; i < mutations.length; i += MAX_BATCH) {
		const result = await httpTransport.push({
			protocol: PROTOCOL_VERSION,
			schema: SCHEMA_VERSION,
			clientId,
			mutations: mutations.slice(i, i + MAX_BATCH)
		});
		if (!result.ok) throw new Error(`push answered ${result.status} ${result.reason}`);
		const refused = result.data.results.find((r) => r.status !== 'applied');
		if (refused) throw new Error(`push: ${JSON.stringify(refused)}`);
		applied += result.data.results.length;
	}
	return { applied, groups: groups.length };
}

/** One untimed first sync from the server; what it stored becomes the raw baseline's rows. */
export async function prepareServerSync() {
	const { stored, pulled, db } = await syncFromServer(DATABASES.httpSync);
	fromServer = await db.plans.toArray();
	db.close();
	return { pulled, stored, bytes: JSON.stringify(fromServer).length };
}

/**
 * One round: a first sync of a fresh client from the server (engine, HTTP, server) and raw
 * `bulkPut` of the same plans, each into a freshly created database of the app's schema.
 */
export async function serverSyncRound(syncFirst: boolean) {
	let engine;
	let raw;
	if (syncFirst) {
		engine = await timeSyncFromServer();
		raw = await timeRawFromServer();
	} else {
		raw = await timeRawFromServer();
		engine = await timeSyncFromServer();
	}
	return {
		syncMs: engine.ms,
		rawMs: raw.ms,
		stored: [engine.stored, raw.stored],
		pulled: engine.pulled
	};
}
