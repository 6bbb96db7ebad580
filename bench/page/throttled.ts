import { localToday } from '$lib/domain/calendar';
import { uuidv7 } from '$lib/domain/ids';
import { PlanRepository, type LekeplanDatabase } from '$lib/client/db';
import { SyncEngine } from '$lib/client/sync/engine';
import { httpTransport } from '$lib/client/sync/http-transport';
import { MAX_BATCH, PROTOCOL_VERSION, SCHEMA_VERSION, type Mutation } from '$lib/sync/protocol';
import { seededRandom } from '$lib/test-support/random';
import { DATABASES, freshDatabase } from './databases';
import { signInAndListGroups } from './server-api';
import { variedContent, variedPlans } from './varied-plans';

/**
 * The page's half of sync on a throttled line (issue 18): a server seeded with varied plans, a
 * first sync of a fresh tablet, a push of edits followed by the pull the engine makes after it,
 * and an incremental pull of what another tablet wrote. The runner throttles the page's network
 * through the DevTools protocol and counts the bytes on the wire; this half only syncs.
 */

let groups: string[] = [];
let today = '';
/** The tablet of the last first sync that was kept: its database and engine. */
let tablet: { db: LekeplanDatabase; engine: SyncEngine } | null = null;
let seed = 1;

/** Pushes `plans` as new records of a tablet of its own (not the measured one). */
async function pushAsAnotherTablet(
	plans: Array<{ id: string; content: Record<string, unknown> }>
): Promise<number> {
	const clientId = uuidv7();
	const at = new Date().toISOString();
	const mutations: Mutation[] = plans.map((plan, i) => ({
		id: i + 1,
		recordId: plan.id,
		type: 'plan',
		op: 'put',
		baseRev: null,
		fields: plan.content,
		at
	}));
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
	return applied;
}

async function gzipBytes(text: string): Promise<number> {
	const stream = new Blob([text]).stream().pipeThrough(new CompressionStream('gzip'));
	return (await new Response(stream).arrayBuffer()).byteLength;
}

/** Signs in and pushes `n` varied plans (seeded) into the user's kindergarten, untimed. */
export async function seedVaried(account: { email: string; password: string }, n: number) {
	groups = await signInAndListGroups(account);
	today = localToday();
	const plans = variedPlans(seed++, groups, n, today);
	return { applied: await pushAsAnotherTablet(plans), groups: groups.length };
}

/**
 * A first sync of a fresh tablet from the server. `keep`: the tablet stays for the push and
 * the incremental pull. Also the plans' plain JSON as the tablet stores them, and its gzip size:
 * what a document server would send for the same plans.
 */
export async function throttledFirstSync(keep: boolean) {
	tablet?.db.close();
	tablet = null;
	const db = await freshDatabase(DATABASES.throttled);
	const engine = new SyncEngine(db, httpTransport);
	await engine.enable();
	const start = performance.now();
	const outcome = await engine.sync();
	const ms = performance.now() - start;
	if (!outcome.ok) throw new Error(`first sync failed: ${outcome.reason} (${outcome.status})`);
	const plans = await db.plans.toArray();
	const json = JSON.stringify(plans);
	const figures = {
		ms,
		pulled: outcome.pulled,
		stored: plans.length,
		jsonBytes: new TextEncoder().encode(json).byteLength,
		gzipBytes: await gzipBytes(json)
	};
	if (keep) tablet = { db, engine };
	else db.close();
	return figures;
}

/**
 * The kept tablet edits `n` of its plans (new texts, through the app's repository and outbox),
 * then syncs: the push of the edits and the pull the engine makes after it.
 */
export async function throttledPushAndPull(n: number) {
	if (!tablet) throw new Error('call bench.throttledFirstSync(true) first');
	const { db, engine } = tablet;
	const repository = new PlanRepository(db);
	const random = seededRandom(seed++);
	const plans = (await db.plans.limit(n).toArray()) as Array<{
		id: string;
		groupId: string;
		date: string;
	}>;
	for (const plan of plans) {
		const saved = await repository.update(plan.id, variedContent(random, plan.groupId, plan.date));
		if (!saved.ok) throw new Error(`edit refused: ${JSON.stringify(saved.problems)}`);
	}
	const start = performance.now();
	const outcome = await engine.sync();
	const ms = performance.now() - start;
	if (!outcome.ok) throw new Error(`sync failed: ${outcome.reason} (${outcome.status})`);
	return { ms, pushed: outcome.pushed, pulled: outcome.pulled };
}

/** Another tablet writes `n` new plans (untimed); the kept tablet then pulls them. */
export async function throttledIncrementalPull(n: number) {
	if (!tablet) throw new Error('call bench.throttledFirstSync(true) first');
	await pushAsAnotherTablet(variedPlans(seed++, groups, n, today));
	return { ready: true };
}

/** The kept tablet's sync after `throttledIncrementalPull` wrote: the pull alone. */
export async function throttledPull() {
	if (!tablet) throw new Error('call bench.throttledFirstSync(true) first');
	const start = performance.now();
	const outcome = await tablet.engine.sync();
	const ms = performance.now() - start;
	if (!outcome.ok) throw new Error(`sync failed: ${outcome.reason} (${outcome.status})`);
	return { ms, pushed: outcome.pushed, pulled: outcome.pulled };
}
