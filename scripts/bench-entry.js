// Browser entry of the benchmark (scripts/bench.js bundles it with Vite and injects it into a
// page of the running app). It exposes the app's real repositories and domain code as
// `window.bench`; nothing here is part of the app bundle.
import { Dexie } from 'dexie';
import { LekeplanDatabase, OrganisationRepository, PlanRepository } from '$lib/client/db';
import { addDays, localToday, startOfWeek } from '$lib/domain/calendar';
import { makeDemoData } from '$lib/domain/demo-data';
import { uuidv7 } from '$lib/domain/ids';
import { filterPlans } from '$lib/domain/plan-filter';
import { callApi } from '$lib/client/api';
import { SyncEngine } from '$lib/client/sync/engine';
import { httpTransport } from '$lib/client/sync/http-transport';
import {
	DEVICE_FIELDS,
	MAX_BATCH,
	PROTOCOL_VERSION,
	PULL_PAGE,
	SCHEMA_VERSION,
	SERVER_FIELDS
} from '$lib/sync/protocol';

/** @typedef {import('$lib/domain/plan').ActivityPlan} ActivityPlan */
/** @typedef {import('$lib/domain/demo-data').DemoData} DemoData */
/** @typedef {import('$lib/sync/protocol').Change} Change */
/** @typedef {import('$lib/sync/protocol').PullResponse} PullResponse */
/** @typedef {import('$lib/client/sync/engine').SyncTransport} SyncTransport */

const REPO_DB = 'lekeplan-bench-repository';
const RAW_DB = 'lekeplan-bench-raw';
const SYNC_DB = 'lekeplan-bench-sync';
const SYNC_RAW_DB = 'lekeplan-bench-sync-raw';
const HTTP_SYNC_DB = 'lekeplan-bench-http-sync';
const HTTP_SYNC_RAW_DB = 'lekeplan-bench-http-sync-raw';
const WEEKS_EACH_WAY = 52;

/** @type {{ demo: DemoData; plans: ActivityPlan[] } | null} */
let prepared = null;

/**
 * What a first sync pulls: the pages as the server sends them, and the same plans as the
 * engine stores them (for the raw baseline).
 * @type {{ pages: PullResponse[]; plans: ActivityPlan[] } | null}
 */
let pulled = null;

/**
 * `n` plans for the demo groups, cloned from the demo plans of the same group (so the youngest
 * group keeps its screen-free activities), spread evenly over the weekdays of the 52 weeks
 * before and after this week. Everything but the ids is deterministic for a given day.
 * @param {DemoData} demo
 * @param {number} n
 * @param {string} today
 * @returns {ActivityPlan[]}
 */
function generatePlans(demo, n, today) {
	const first = addDays(startOfWeek(today), -7 * WEEKS_EACH_WAY);
	const weekdays = 2 * WEEKS_EACH_WAY * 5;
	const templatesOf = demo.groups.map((g) => demo.plans.filter((p) => p.groupId === g.id));
	/** @type {ActivityPlan[]} */
	const plans = [];
	for (let i = 0; i < n; i++) {
		const g = i % demo.groups.length;
		const templates = /** @type {ActivityPlan[]} */ (templatesOf[g]);
		const template = /** @type {ActivityPlan} */ (
			templates[Math.floor(i / demo.groups.length) % templates.length]
		);
		const day = Math.floor((i * weekdays) / n);
		const date = addDays(first, Math.floor(day / 5) * 7 + (day % 5));
		const stamp = `${date}T06:00:00.000Z`;
		const copy = structuredClone(template);
		plans.push({
			...copy,
			id: uuidv7(Date.parse(stamp)),
			groupId: /** @type {string} */ (demo.groups[g]?.id),
			date,
			createdAt: stamp,
			updatedAt: stamp,
			deletedAt: null
		});
	}
	return plans;
}

/** @returns {{ demo: DemoData; plans: ActivityPlan[] }} */
function requirePrepared() {
	if (!prepared) throw new Error('call bench.prepare(n) first');
	return prepared;
}

/** @param {string} name */
async function freshDatabase(name) {
	await Dexie.delete(name);
	const db = new LekeplanDatabase(name);
	await db.open();
	return db;
}

async function timeRepository() {
	const { plans } = requirePrepared();
	const db = await freshDatabase(REPO_DB);
	const repository = new PlanRepository(db);
	const start = performance.now();
	const result = await repository.importMany(plans);
	const ms = performance.now() - start;
	const stored = await db.plans.count();
	db.close();
	if (!result.ok) throw new Error(`importMany rejected plan ${result.index}`);
	return { ms, stored };
}

async function timeRaw() {
	const { plans } = requirePrepared();
	const db = await freshDatabase(RAW_DB);
	const start = performance.now();
	await db.plans.bulkPut(plans);
	const ms = performance.now() - start;
	const stored = await db.plans.count();
	db.close();
	return { ms, stored };
}

/**
 * The prepared plans as a server would send them to a fresh client: one Change per plan at
 * revisions 1…n (the data the domain schema reads, less the device's `syncRev`; a revision for
 * every client-written field), cut into PullResponse pages of PULL_PAGE.
 * @param {ActivityPlan[]} plans
 * @returns {{ pages: PullResponse[]; plans: ActivityPlan[] }}
 */
function pulledPages(plans) {
	const updatedBy = uuidv7();
	/** @type {readonly string[]} */
	const serverFields = SERVER_FIELDS;
	/** @type {Change[]} */
	const changes = plans.map((plan, i) => {
		const rev = i + 1;
		/** @type {Record<string, unknown>} */
		const data = structuredClone(plan);
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
	/** @type {PullResponse[]} */
	const pages = [];
	for (let i = 0; i < changes.length; i += PULL_PAGE) {
		const page = changes.slice(i, i + PULL_PAGE);
		pages.push({
			changes: page,
			cursor: /** @type {Change} */ (page.at(-1)).rev,
			hasMore: i + PULL_PAGE < changes.length
		});
	}
	const stored = changes.map((c) => /** @type {ActivityPlan} */ ({ ...c.data, syncRev: c.rev }));
	return { pages, plans: stored };
}

/**
 * A transport that answers pulls from the prepared pages (by cursor, as the server would) and
 * has nothing to take for a push.
 * @param {PullResponse[]} pages
 * @returns {SyncTransport}
 */
function pagesTransport(pages) {
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
	const db = await freshDatabase(SYNC_DB);
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
	const db = await freshDatabase(SYNC_RAW_DB);
	const start = performance.now();
	await db.plans.bulkPut(plans);
	const ms = performance.now() - start;
	const stored = await db.plans.count();
	db.close();
	return { ms, stored, pulled: plans.length };
}

/**
 * What a first sync from the server stores: the plans as the engine stored them in an untimed
 * sync, the raw baseline's rows.
 * @type {ActivityPlan[] | null}
 */
let fromServer = null;

/**
 * A first sync of a fresh client from the running server: the app's engine and its HTTP
 * transport (the app's `callApi`, the signed-in session's cookie) into a new database.
 * @param {string} name
 */
async function syncFromServer(name) {
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
	const { ms, stored, pulled, db } = await syncFromServer(HTTP_SYNC_DB);
	db.close();
	return { ms, stored, pulled };
}

async function timeRawFromServer() {
	if (!fromServer) throw new Error('call bench.prepareServerSync() first');
	const db = await freshDatabase(HTTP_SYNC_RAW_DB);
	const start = performance.now();
	await db.plans.bulkPut(fromServer);
	const ms = performance.now() - start;
	const stored = await db.plans.count();
	db.close();
	return { ms, stored };
}

/** @param {number[]} values */
function median(values) {
	const sorted = [...values].sort((a, b) => a - b);
	const mid = Math.floor(sorted.length / 2);
	return sorted.length % 2
		? /** @type {number} */ (sorted[mid])
		: ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

const bench = {
	/**
	 * Makes the demo organisation and `n` plans for it, kept in the page.
	 * @param {number} n
	 */
	prepare(n) {
		const today = localToday();
		const demo = makeDemoData(today);
		prepared = { demo, plans: generatePlans(demo, n, today) };
		const monday = startOfWeek(today);
		const sunday = addDays(monday, 6);
		const firstGroup = demo.groups[0]?.id;
		return {
			today,
			plans: prepared.plans.length,
			groups: demo.groups.length,
			firstDate: prepared.plans[0]?.date,
			lastDate: prepared.plans.at(-1)?.date,
			thisWeekFirstGroup: prepared.plans.filter(
				(p) => p.groupId === firstGroup && p.date >= monday && p.date <= sunday
			).length
		};
	},

	/**
	 * One round: the same plans through `PlanRepository.importMany` (zod + bulkPut) and through
	 * raw `bulkPut`, each into a freshly created database of the app's schema.
	 * @param {boolean} repositoryFirst
	 */
	async importRound(repositoryFirst) {
		let repository;
		let raw;
		if (repositoryFirst) {
			repository = await timeRepository();
			raw = await timeRaw();
		} else {
			raw = await timeRaw();
			repository = await timeRepository();
		}
		return { repositoryMs: repository.ms, rawMs: raw.ms, stored: [repository.stored, raw.stored] };
	},

	async cleanUp() {
		await Dexie.delete(REPO_DB);
		await Dexie.delete(RAW_DB);
		await Dexie.delete(SYNC_DB);
		await Dexie.delete(SYNC_RAW_DB);
		await Dexie.delete(HTTP_SYNC_DB);
		await Dexie.delete(HTTP_SYNC_RAW_DB);
	},

	/**
	 * Makes `n` plans (as `prepare` does) and the pull pages a server would send for them.
	 * @param {number} n
	 */
	prepareSync(n) {
		const today = localToday();
		pulled = pulledPages(generatePlans(makeDemoData(today), n, today));
		return {
			changes: pulled.plans.length,
			pages: pulled.pages.length,
			pageSize: PULL_PAGE,
			bytes: JSON.stringify(pulled.pages).length
		};
	},

	/**
	 * One round: a first sync of a fresh client (SyncEngine.enable, then sync() against a
	 * transport serving the prepared pages) and raw `bulkPut` of the same plans, each into a
	 * freshly created database of the app's schema.
	 * @param {boolean} syncFirst
	 */
	async syncRound(syncFirst) {
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
	},

	/**
	 * Signs this browser context in on the running server (the page's app does not notice: it
	 * read the account when it started) and pushes `n` plans, made as `prepare` makes them, into
	 * the groups of the user's kindergarten: what a fresh client then pulls.
	 * @param {{ email: string; password: string }} account
	 * @param {number} n
	 */
	async seedServer(account, n) {
		const signIn = await callApi('POST', '/auth/sign-in', account);
		if (!signIn.ok) throw new Error(`sign-in answered ${signIn.status} ${signIn.reason}`);
		const me = await callApi('GET', '/me');
		const kindergartenId = me.ok ? me.data.user.kindergartenId : null;
		if (!kindergartenId) throw new Error('the signed-in user has no kindergarten');
		const listed = await callApi('GET', `/kindergartens/${kindergartenId}/groups`);
		if (!listed.ok) throw new Error(`groups answered ${listed.status} ${listed.reason}`);
		/** @type {string[]} */
		const groups = listed.data.groups.map((/** @type {{ id: string }} */ g) => g.id);
		const today = localToday();
		const demo = makeDemoData(today);
		/** @type {readonly string[]} */
		const notSent = [...SERVER_FIELDS, ...DEVICE_FIELDS];
		const at = new Date().toISOString();
		const mutations = generatePlans(demo, n, today).map((plan, i) => {
			const g = demo.groups.findIndex((group) => group.id === plan.groupId);
			/** @type {Record<string, unknown>} */
			const fields = { ...plan, groupId: groups[g % groups.length] };
			for (const key of notSent) delete fields[key];
			return {
				id: i + 1,
				recordId: plan.id,
				type: /** @type {const} */ ('plan'),
				op: /** @type {const} */ ('put'),
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
	},

	/**
	 * One untimed first sync from the server; what it stored becomes the raw baseline's rows.
	 */
	async prepareServerSync() {
		const { stored, pulled, db } = await syncFromServer(HTTP_SYNC_DB);
		fromServer = await db.plans.toArray();
		db.close();
		return { pulled, stored, bytes: JSON.stringify(fromServer).length };
	},

	/**
	 * One round: a first sync of a fresh client from the server (engine, HTTP, server) and raw
	 * `bulkPut` of the same plans, each into a freshly created database of the app's schema.
	 * @param {boolean} syncFirst
	 */
	async serverSyncRound(syncFirst) {
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
	},

	/**
	 * Puts the demo organisation into the app's own database, with the prepared plans or none.
	 * @param {boolean} withPlans
	 */
	async seedApp(withPlans) {
		const { demo, plans } = requirePrepared();
		const db = new LekeplanDatabase('lekeplan');
		await new OrganisationRepository(db).loadDemo({ ...demo, plans: [] });
		if (withPlans) {
			const result = await new PlanRepository(db).importMany(plans);
			if (!result.ok) throw new Error(`importMany rejected plan ${result.index}`);
		}
		const stored = await db.plans.count();
		db.close();
		return stored;
	},

	/**
	 * How many prepared plans each word finds (what /plans should show).
	 * @param {string[]} words
	 */
	counts(words) {
		const { plans } = requirePrepared();
		return words.map((text) => filterPlans(plans, { text }).length);
	},

	/**
	 * The pure domain filter over the prepared plans: median ms per word over `repeats` runs.
	 * @param {string[]} words
	 * @param {number} repeats
	 */
	filterBaseline(words, repeats) {
		const { plans } = requirePrepared();
		return words.map((text) => {
			const times = [];
			for (let r = 0; r < repeats; r++) {
				const start = performance.now();
				filterPlans(plans, { text });
				times.push(performance.now() - start);
			}
			return median(times);
		});
	}
};

/** @type {Window & { bench?: typeof bench }} */ (window).bench = bench;
