import { randomUUID } from 'node:crypto';
import { closeSync, existsSync, openSync, readFileSync, readSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
	BUILD,
	createDatabase,
	killAll,
	postgresUp,
	ROOT,
	ServerProcess,
	sleep,
	type TestDatabase
} from './server-process';
// Relative: this suite's config has none of the app's aliases ($lib).
import { mulberry32 } from '../../src/lib/test-support/random';

/**
 * Crash safety of the owner's server (docs/design/bad-input.md): the production build (`node
 * build`) runs as a child process and is killed with SIGKILL while several sync clients push
 * batches, 20 times per database, then started again on the same database. Afterwards no
 * acknowledged mutation is lost, none is applied twice, and no batch is half applied; a client that
 * resends from its last acknowledged mutation gets `skipped` for what the server already took.
 *
 * It talks HTTP only, with mutations built by hand (the shapes of src/lib/sync/protocol.ts), so
 * it tests the build as it is deployed. It never builds: `npm test` builds ./build in test:e2e.
 *
 * KILL_SEED replays the kill delays and batch sizes of a run (what the server had committed by
 * each kill still depends on the machine); KILL_ROUNDS changes the number of kills.
 */

const ROUNDS = Number(process.env['KILL_ROUNDS'] ?? 20);
const CLIENTS = 4;
const BATCH_MIN = 10;
const BATCH_MAX = 30;
/** The kill comes this long after the round's first push (uniform, from the seed). */
const KILL_DELAY_MS = { min: 15, max: 450 };
const SEED = process.env['KILL_SEED']
	? Number(process.env['KILL_SEED']) >>> 0
	: Math.floor(Math.random() * 2 ** 32) >>> 0;

// The wire protocol's versions (src/lib/sync/protocol.ts); a bump makes the server answer 426.
const PROTOCOL = 1;
const SCHEMA = 1;
const STAFF = { email: 'ansatt@demo.lekeplan.no', password: 'lekeplan-demo' };

// ---------------------------------------------------------------- wire shapes (by hand)

interface Mutation {
	id: number;
	recordId: string;
	type: 'plan';
	op: 'put' | 'delete' | 'restore';
	baseRev: null;
	fields: Record<string, unknown>;
	at: string;
}
interface MutationResult {
	id: number;
	status: 'applied' | 'skipped' | 'rejected' | 'conflict';
	reason?: string;
	rev?: number;
}
interface PushResponse {
	results: MutationResult[];
	lastMutationId: number;
}
interface Change {
	recordId: string;
	type: string;
	rev: number;
	data: Record<string, unknown>;
	deletedAt: string | null;
}
interface PullResponse {
	changes: Change[];
	cursor: number;
	hasMore: boolean;
}

// ---------------------------------------------------------------- seeded randomness

const mix = (...parts: number[]) =>
	parts.reduce((h, p) => Math.imul(h ^ (p >>> 0), 0x9e3779b1) >>> 0, 0x811c9dc5);
const between = (rng: () => number, min: number, max: number) =>
	min + Math.floor(rng() * (max - min + 1));

/** What src/lib/server/db/sqlite.ts sets (read from the source: no endpoint for it). */
function sqlitePragmasInCode(): string {
	const source = readFileSync(join(ROOT, 'src/lib/server/db/sqlite.ts'), 'utf8');
	const set = [...source.matchAll(/pragma\('(journal_mode|synchronous)\s*=\s*(\w+)'\)/g)];
	return set.map((m) => `${m[1]}=${m[2]}`).join(', ') || 'none found';
}

/** The journal mode the file itself records: header bytes 18 and 19 are 2 in WAL mode. */
function sqliteFileJournal(file: string): string {
	const header = Buffer.alloc(20);
	const fd = openSync(file, 'r');
	try {
		readSync(fd, header, 0, 20, 0);
	} finally {
		closeSync(fd);
	}
	const wal = header[18] === 2 && header[19] === 2;
	return `${wal ? 'WAL' : 'rollback journal'} (header bytes 18/19 = ${header[18]}/${header[19]}), -wal file ${existsSync(`${file}-wal`) ? 'present' : 'absent'}`;
}

// ---------------------------------------------------------------- the clients

interface SentBatch {
	round: number;
	client: number;
	mutations: Mutation[];
	/** The 200 answer, when one came: the batch is acknowledged. */
	answer: PushResponse | null;
	/** A network failure (the kill), or an HTTP answer other than 200. */
	failure: string | null;
	httpStatus: number | null;
	/** The 200 answer was read after the kill was decided (the server had sent it in time). */
	answeredAfterKill: boolean;
}

interface ClientState {
	index: number;
	id: string;
	/** The next mutation id this client will use. */
	next: number;
	/** The highest mutation id the server has acknowledged to this client. */
	lastAcked: number;
	batches: SentBatch[];
	/** Its records as its mutations so far leave them (each client changes only its own). */
	intended: Map<string, RecordState>;
}

interface RecordState {
	title: string;
	deleted: boolean;
}

/** The client's records as its mutations up to `last` leave them. */
function fold(client: ClientState, last: number): Map<string, RecordState> {
	const state = new Map<string, RecordState>();
	for (const m of client.batches.flatMap((b) => b.mutations)) {
		if (m.id > last) break;
		const record = state.get(m.recordId);
		if (m.op === 'put') {
			state.set(m.recordId, {
				title: m.fields['title'] as string,
				deleted: record?.deleted ?? false
			});
		} else state.set(m.recordId, { title: record!.title, deleted: m.op === 'delete' });
	}
	return state;
}

function planFields(groupId: string, title: string) {
	return {
		groupId,
		title,
		date: '2026-12-01',
		startTime: '09:30',
		endTime: '10:15',
		goals: 'Telle skritt og retninger',
		description: 'Barna programmerer Bee-Bot til å finne veien til skatten.',
		learningAreas: ['quantities', 'nature'],
		clauses: ['explore'],
		tools: ['Bee-Bot'],
		screenMode: 'screenFree',
		screenMinutes: 0,
		adultParticipates: true,
		privacy: { photographed: false, storage: '', consent: false, notes: '' },
		status: 'planned',
		evaluation: null
	};
}

/**
 * A client's next mutations: new plans mostly, and edits, deletes and restores of its own
 * plans as its earlier mutations leave them (so each one changes its record: one revision each).
 */
function nextMutations(
	client: ClientState,
	size: number,
	rng: () => number,
	groupId: string,
	dialect: string
): Mutation[] {
	const at = new Date().toISOString();
	const mutations: Mutation[] = [];
	const pick = (ids: string[]) => ids[Math.floor(rng() * ids.length)];
	for (let i = 0; i < size; i++) {
		const id = client.next++;
		const title = `Kill ${dialect} c${client.index} m${id}`;
		const states = [...client.intended];
		const live = states.filter(([, s]) => !s.deleted).map(([r]) => r);
		const deleted = states.filter(([, s]) => s.deleted).map(([r]) => r);
		const roll = rng();
		let m: Mutation;
		const base = { id, type: 'plan' as const, baseRev: null, at };
		if (roll < 0.2 && live.length > 0) {
			m = { ...base, recordId: pick(live)!, op: 'put', fields: { title: `${title} (endret)` } };
		} else if (roll < 0.3 && live.length > 0) {
			m = { ...base, recordId: pick(live)!, op: 'delete', fields: {} };
		} else if (roll < 0.4 && deleted.length > 0) {
			m = { ...base, recordId: pick(deleted)!, op: 'restore', fields: {} };
		} else {
			m = { ...base, recordId: randomUUID(), op: 'put', fields: planFields(groupId, title) };
		}
		const record = client.intended.get(m.recordId);
		if (m.op === 'put')
			client.intended.set(m.recordId, {
				title: m.fields['title'] as string,
				deleted: record?.deleted ?? false
			});
		else client.intended.set(m.recordId, { title: record!.title, deleted: m.op === 'delete' });
		mutations.push(m);
	}
	return mutations;
}

// ---------------------------------------------------------------- the suite

beforeAll(() => {
	if (!existsSync(join(BUILD, 'index.js'))) {
		throw new Error(
			`${BUILD}/index.js is missing: the kill test runs the production build and does not build it. ` +
				'Run `npm run build` first (`npm test` builds it in test:e2e, before test:kill).'
		);
	}
	console.log(`kill test: seed ${SEED} (replay with KILL_SEED=${SEED}), ${ROUNDS} rounds`);
});

for (const dialect of ['sqlite', 'postgres'] as const) {
	const run = dialect === 'postgres' && !postgresUp ? describe.skip : describe;

	run(`server killed mid-push [${dialect}]`, () => {
		let database: TestDatabase | undefined;

		beforeAll(async () => {
			database = await createDatabase(dialect);
		});
		afterEach(killAll);
		afterAll(async () => {
			await killAll();
			await database?.drop();
		});

		it(`keeps every acknowledged push, applies none twice, leaves no partial batch (${ROUNDS} SIGKILLs)`, async () => {
			const db = database!;
			const dialectSeed = mix(SEED, dialect === 'sqlite' ? 1 : 2);
			// One block per database at the end (and on failure), not one runner header per line.
			const lines: string[] = [];
			const log = (line: string) => lines.push(`[${dialect}] ${line}`);
			let server: ServerProcess | null = null;
			let round = 0;
			const started = Date.now();
			try {
				log(`database: ${db.describe}`);
				if (dialect === 'sqlite') log(`SQLite settings in the code: ${sqlitePragmasInCode()}`);

				server = await ServerProcess.start(db.env);
				log(`first start (migrations, demo data) ${Date.now() - started} ms`);

				// Sign in once: the session lives in the database and must survive every restart.
				const signIn = await fetch(`${server.base}/api/v1/auth/sign-in`, {
					method: 'POST',
					headers: { 'content-type': 'application/json' },
					body: JSON.stringify(STAFF)
				});
				expect(signIn.status, 'demo staff sign-in').toBe(200);
				const cookie = signIn.headers
					.getSetCookie()
					.map((c) => c.split(';')[0]!)
					.find((c) => c.startsWith('lekeplan_session='));
				expect(cookie, 'session cookie').toBeTruthy();
				const get = async <T>(base: string, path: string): Promise<T> => {
					const response = await fetch(`${base}${path}`, {
						headers: { cookie: cookie! },
						signal: AbortSignal.timeout(20_000)
					});
					const text = await response.text();
					if (response.status !== 200) {
						throw new Error(`GET ${path} answered ${response.status}: ${text}`);
					}
					return JSON.parse(text) as T;
				};
				const me = await get<{ user: { kindergartenId: string } }>(server.base, '/api/v1/me');
				const { groups } = await get<{ groups: Array<{ id: string }> }>(
					server.base,
					`/api/v1/kindergartens/${me.user.kindergartenId}/groups`
				);
				const groupId = groups[0]!.id;

				const checker = randomUUID();
				const pullAll = async (base: string, from = 0) => {
					const changes: Change[] = [];
					let cursor = from;
					for (;;) {
						const page = await get<PullResponse>(
							base,
							`/api/v1/sync/pull?cursor=${cursor}&clientId=${checker}&protocol=${PROTOCOL}&schema=${SCHEMA}`
						);
						changes.push(...page.changes);
						cursor = page.cursor;
						if (!page.hasMore) return { changes, cursor };
					}
				};
				// Whatever the demo data holds is left out of the counts below.
				const baseline = await pullAll(server.base);
				const before = new Set(baseline.changes.map((c) => c.recordId));

				const clients: ClientState[] = Array.from({ length: CLIENTS }, (_, index) => ({
					index,
					id: randomUUID(),
					next: 1,
					lastAcked: 0,
					batches: [],
					intended: new Map()
				}));
				const push = (base: string, client: ClientState, mutations: Mutation[]) =>
					fetch(`${base}/api/v1/sync/push`, {
						method: 'POST',
						headers: { 'content-type': 'application/json', cookie: cookie! },
						body: JSON.stringify({
							protocol: PROTOCOL,
							schema: SCHEMA,
							clientId: client.id,
							mutations
						}),
						signal: AbortSignal.timeout(20_000)
					});

				const stream = async (
					base: string,
					client: ClientState,
					rng: () => number,
					state: { stopped: boolean; inFlight: number }
				) => {
					while (!state.stopped) {
						const size = between(rng, BATCH_MIN, BATCH_MAX);
						const mutations = nextMutations(client, size, rng, groupId, dialect);
						const batch: SentBatch = {
							round,
							client: client.index,
							mutations,
							answer: null,
							failure: null,
							httpStatus: null,
							answeredAfterKill: false
						};
						client.batches.push(batch);
						state.inFlight++;
						try {
							const response = await push(base, client, mutations);
							batch.httpStatus = response.status;
							const text = await response.text();
							if (response.status !== 200) {
								batch.failure = `HTTP ${response.status}: ${text.slice(0, 300)}`;
								return;
							}
							batch.answer = JSON.parse(text) as PushResponse;
							batch.answeredAfterKill = state.stopped;
							client.lastAcked = mutations[mutations.length - 1]!.id;
						} catch (error) {
							batch.failure = String((error as Error).cause ?? error);
							return;
						} finally {
							state.inFlight--;
						}
					}
				};

				const totals = {
					/** Mutations of a batch the server took but never acknowledged: `skipped` on retry. */
					skipped: 0,
					acked: 0,
					afterKill: 0,
					committed: 0,
					lost: 0,
					mutations: 0,
					restartMs: 0
				};

				/** Every mutation each client has sent. */
				const everything = () => new Map(clients.map((c) => [c, c.next - 1]));
				const resend = async (base: string, client: ClientState, queue: Mutation[]) => {
					const response = await push(base, client, queue);
					const text = await response.text();
					expect(response.status, `client ${client.index}'s resend: ${text}`).toBe(200);
					const answer = JSON.parse(text) as PushResponse;
					expect(answer.lastMutationId).toBe(queue.at(-1)!.id);
					expect(answer.results.map((r) => r.id)).toEqual(queue.map((m) => m.id));
					client.lastAcked = queue.at(-1)!.id;
					return answer;
				};
				/**
				 * The server's records (beyond the demo data) are exactly those the clients' mutations up
				 * to `upTo` make, each as they leave it, and every one of those mutations took one
				 * revision: a mutation applied twice would take a second.
				 */
				const expectState = (
					pulled: { changes: Change[]; cursor: number },
					upTo: Map<ClientState, number>,
					when: string
				) => {
					const ours = pulled.changes.filter((c) => !before.has(c.recordId));
					const revs = pulled.changes.map((c) => c.rev);
					expect(new Set(revs).size, `${when}: distinct revisions`).toBe(revs.length);
					const got = new Map(
						ours.map((c) => [c.recordId, { title: c.data['title'], deleted: c.deletedAt !== null }])
					);
					expect(got.size, `${when}: records pulled twice`).toBe(ours.length);
					const want = new Map<string, RecordState>();
					let mutations = 0;
					for (const [client, last] of upTo) {
						for (const [id, state] of fold(client, last)) want.set(id, state);
						mutations += last;
					}
					expect(Object.fromEntries(got), `${when}: the records`).toEqual(Object.fromEntries(want));
					for (const change of ours) expect(change.data['groupId']).toBe(groupId);
					expect(
						pulled.cursor - baseline.cursor,
						`${when}: revisions for ${mutations} mutations`
					).toBe(mutations);
				};

				for (round = 1; round <= ROUNDS; round++) {
					const roundStart = Date.now();
					const rng = mulberry32(mix(dialectSeed, round));
					const delay = between(rng, KILL_DELAY_MS.min, KILL_DELAY_MS.max);
					const state = { stopped: false, inFlight: 0 };
					const running = server;
					const streams = clients.map((c) =>
						stream(running.base, c, mulberry32(mix(dialectSeed, round, c.index + 1)), state)
					);
					await sleep(delay);
					state.stopped = true;
					const inFlight = state.inFlight;
					await running.kill();
					await Promise.all(streams);
					expect(inFlight, `round ${round}: requests in flight at the kill`).toBeGreaterThan(0);

					const thisRound = clients.flatMap((c) => c.batches.filter((b) => b.round === round));
					const refused = thisRound.filter((b) => b.httpStatus !== null && b.httpStatus !== 200);
					expect(
						refused.map((b) => `client ${b.client}: ${b.failure}`),
						'pushes answered with anything but 200 while the server ran'
					).toEqual([]);

					const restartStart = Date.now();
					server = await ServerProcess.start(db.env);
					const restartMs = Date.now() - restartStart;
					totals.restartMs += restartMs;
					const base = server.base;
					await get(base, '/api/v1/me'); // the session survived the kill

					// Acknowledged answers: every mutation applied, each with a revision of its own.
					for (const batch of thisRound.filter((b) => b.answer)) {
						expect(batch.answer!.results.map((r) => r.status)).toEqual(
							batch.mutations.map(() => 'applied')
						);
						expect(batch.answer!.lastMutationId).toBe(batch.mutations.at(-1)!.id);
						for (const [i, m] of batch.mutations.entries()) {
							expect(batch.answer!.results[i]!.id).toBe(m.id);
							expect(batch.answer!.results[i]!.rev).toEqual(expect.any(Number));
						}
					}

					// What the server took of each client: never less than it acknowledged, and whole
					// batches only (an empty push changes nothing and says how far it got).
					const taken = new Map<ClientState, number>();
					for (const client of clients) {
						const response = await push(base, client, []);
						expect(response.status).toBe(200);
						const { lastMutationId } = (await response.json()) as PushResponse;
						expect(
							lastMutationId,
							`client ${client.index}: acknowledged ${client.lastAcked}`
						).toBeGreaterThanOrEqual(client.lastAcked);
						const ends = [0, ...client.batches.map((b) => b.mutations.at(-1)!.id)];
						expect(
							ends,
							`client ${client.index}: took up to ${lastMutationId}, inside a batch`
						).toContain(lastMutationId);
						taken.set(client, lastMutationId);
					}

					// Everything on the server, from cursor 0, is exactly what those mutations make.
					const pulled = await pullAll(base);
					expectState(pulled, taken, 'after the restart');

					// An unacknowledged batch is on the server whole or not at all (above); count both.
					const unacked = thisRound.filter((b) => !b.answer);
					const committedBatches = unacked.filter(
						(b) => b.mutations.at(-1)!.id <= taken.get(clients[b.client]!)!
					);
					const committed = committedBatches.length;

					// Each client resends from its last acknowledged mutation: what the server took comes
					// back `skipped`, the rest `applied`.
					const applied: string[] = [];
					for (const client of clients) {
						const queue = client.batches
							.flatMap((b) => b.mutations)
							.filter((m) => m.id > client.lastAcked);
						if (queue.length === 0) continue;
						const answer = await resend(base, client, queue);
						for (const [i, m] of queue.entries()) {
							const result = answer.results[i]!;
							const took = m.id <= taken.get(client)!;
							expect(
								result.status,
								`client ${client.index} mutation ${m.id} (${took ? 'taken before the kill' : 'not taken'})`
							).toBe(took ? 'skipped' : 'applied');
							if (took) {
								expect(result.rev).toBeUndefined();
								totals.skipped++;
							} else {
								expect(result.rev).toEqual(expect.any(Number));
								applied.push(m.recordId);
							}
						}
					}

					// The resend changed exactly the records of what was not taken, nothing else.
					const after = await pullAll(base, pulled.cursor);
					expect(
						[...new Set(after.changes.map((c) => c.recordId))].sort(),
						'records changed by the resend'
					).toEqual([...new Set(applied)].sort());
					expect(after.cursor).toBe(pulled.cursor + applied.length);
					expectState(await pullAll(base), everything(), 'after the resend');

					const ackedBatches = thisRound.filter((b) => b.answer);
					const ackedMutations = ackedBatches.reduce((n, b) => n + b.mutations.length, 0);
					const afterKill = ackedBatches.filter((b) => b.answeredAfterKill).length;
					totals.afterKill += afterKill;
					totals.acked += ackedBatches.length;
					totals.committed += committed;
					totals.lost += unacked.length - committed;
					totals.mutations += ackedMutations;
					log(
						`round ${String(round).padStart(2)}: kill after ${String(delay).padStart(3)} ms, ` +
							`${inFlight} in flight; ${ackedBatches.length} batches acknowledged ` +
							`(${ackedMutations} mutations, ${afterKill} answered after the kill); ` +
							`unacknowledged: ${committed} committed whole, ` +
							`${unacked.length - committed} not at all; restart ${restartMs} ms; ` +
							`round ${Date.now() - roundStart} ms`
					);
				}
				round = 0;

				// Made certain once: a batch the server commits whose answer never arrives (read and
				// dropped here), then the kill; its retry must come back `skipped` whole.
				const client = clients[0]!;
				const lost = nextMutations(
					client,
					BATCH_MIN,
					mulberry32(mix(dialectSeed, 0)),
					groupId,
					dialect
				);
				client.batches.push({
					round: ROUNDS + 1,
					client: 0,
					mutations: lost,
					answer: null,
					failure: 'answer dropped',
					httpStatus: 200,
					answeredAfterKill: false
				});
				const dropped = await push(server.base, client, lost);
				expect(dropped.status).toBe(200);
				await dropped.text();
				await server.kill();
				server = await ServerProcess.start(db.env);
				const again = await resend(server.base, client, lost);
				expect(
					again.results.map((r) => r.status),
					'a committed, unacknowledged batch retried'
				).toEqual(lost.map(() => 'skipped'));
				totals.skipped += lost.length;
				expect(
					totals.skipped,
					'mutations committed but unacknowledged, skipped on retry'
				).toBeGreaterThan(lost.length - 1);

				// The final state holds every mutation ever sent, each applied once.
				expectState(await pullAll(server.base), everything(), 'at the end');
				await server.kill();
				if (db.file) log(`SQLite file after the last kill: ${sqliteFileJournal(db.file)}`);
				log(
					`done in ${((Date.now() - started) / 1000).toFixed(1)} s: ${clients.reduce((n, c) => n + c.next - 1, 0)} mutations, ` +
						`${totals.skipped - lost.length} skipped on retry after the kills (and ${lost.length} made certain), ` +
						`${totals.acked} batches acknowledged (${totals.afterKill} answered after the kill), ` +
						`${totals.committed} unacknowledged batches ` +
						`committed whole, ${totals.lost} not at all; restarts ${totals.restartMs} ms in all`
				);
			} catch (error) {
				if (error instanceof Error) {
					error.message +=
						`\n\n  [${dialect}] seed ${SEED} (replay with KILL_SEED=${SEED})` +
						(round > 0 ? `, round ${round} of ${ROUNDS}` : '') +
						(server ? `\n  last server output:\n${server.tail()}` : '');
				}
				throw error;
			} finally {
				console.log(lines.join('\n'));
			}
		}, 175_000);
	});
}
