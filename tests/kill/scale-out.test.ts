import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	BUILD,
	createDatabase,
	killAll,
	postgresUp,
	ServerProcess,
	sleep,
	type TestDatabase
} from './server-process';

/**
 * Several app servers on one PostgreSQL behave as one server (issue 13, ADR 8): two `node
 * build` processes, started at the same moment on an empty database, with requests alternating
 * between them as a load balancer without sticky sessions would send them. What one process
 * learns (failed sign-ins, sessions, sign-outs, pushed mutations, the sequence) the other
 * knows, because none of it lives in a process's memory; and SIGKILL of one of the two in the
 * middle of pushes loses nothing: the other keeps serving, and a resend lands exactly once.
 *
 * PostgreSQL only: several processes on one SQLite file is not a supported deployment.
 */

/** The public origin both processes are told they share (the reverse proxy's). */
const ORIGIN = 'http://lekeplan.test';
const PASSWORD = 'lekeplan-demo';
const STAFF = 'ansatt@demo.lekeplan.no';
const MANAGER = 'styrer@demo.lekeplan.no';
/** The throttle's account: nobody else signs in as the parent here. */
const THROTTLED = 'forelder@demo.lekeplan.no';
const PROTOCOL = 1;
const SCHEMA = 1;

interface Mutation {
	id: number;
	recordId: string;
	type: 'plan';
	op: 'put';
	baseRev: null;
	fields: Record<string, unknown>;
	at: string;
}
interface PushResponse {
	results: Array<{ id: number; status: string; rev?: number }>;
	lastMutationId: number;
}
interface Change {
	recordId: string;
	rev: number;
	data: Record<string, unknown>;
}

function planFields(groupId: string, title: string) {
	return {
		groupId,
		title,
		date: '2026-12-01',
		startTime: '09:30',
		endTime: '10:15',
		goals: 'Telle skritt',
		description: 'Barna programmerer Bee-Bot.',
		learningAreas: ['quantities'],
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

/** A sync client: its id, and the next mutation id it will use. */
class Client {
	readonly id = randomUUID();
	next = 1;
	/** The highest mutation id a process has acknowledged. */
	lastAcked = 0;
	readonly sent: Mutation[] = [];

	batch(groupId: string, size: number, label: string): Mutation[] {
		const at = new Date().toISOString();
		const mutations = Array.from({ length: size }, () => {
			const id = this.next++;
			return {
				id,
				recordId: randomUUID(),
				type: 'plan' as const,
				op: 'put' as const,
				baseRev: null,
				fields: planFields(groupId, `${label} m${id}`),
				at
			};
		});
		this.sent.push(...mutations);
		return mutations;
	}
}

const run = postgresUp ? describe : describe.skip;

run('two app processes on one PostgreSQL', () => {
	let database: TestDatabase;
	let a: ServerProcess;
	let b: ServerProcess;
	let staffCookie: string;
	let groupId: string;

	const post = (server: ServerProcess, path: string, body: unknown, cookie?: string) =>
		fetch(`${server.base}${path}`, {
			method: 'POST',
			headers: {
				'content-type': 'application/json',
				origin: ORIGIN,
				...(cookie ? { cookie } : {})
			},
			body: body === undefined ? undefined : JSON.stringify(body),
			signal: AbortSignal.timeout(20_000)
		});

	async function signIn(server: ServerProcess, email: string): Promise<string> {
		const response = await post(server, '/api/v1/auth/sign-in', { email, password: PASSWORD });
		expect(response.status, `${email} signs in on ${server.base}`).toBe(200);
		const cookie = response.headers
			.getSetCookie()
			.map((c) => c.split(';')[0]!)
			.find((c) => c.startsWith('lekeplan_session='));
		expect(cookie).toBeTruthy();
		return cookie!;
	}

	/** Who the session is, as a process sees it (null: nobody signed in). */
	async function whoIs(
		server: ServerProcess,
		cookie: string
	): Promise<{ email: string; kindergartenId: string } | null> {
		const response = await fetch(`${server.base}/api/v1/me`, { headers: { cookie } });
		if (response.status === 401) return null;
		expect(response.status).toBe(200);
		return ((await response.json()) as { user: { email: string; kindergartenId: string } | null })
			.user;
	}

	async function get<T>(server: ServerProcess, path: string): Promise<T> {
		const response = await fetch(`${server.base}${path}`, {
			headers: { cookie: staffCookie },
			signal: AbortSignal.timeout(20_000)
		});
		const text = await response.text();
		expect(response.status, `GET ${path}: ${text}`).toBe(200);
		return JSON.parse(text) as T;
	}

	async function pullAll(server: ServerProcess) {
		const changes: Change[] = [];
		let cursor = 0;
		for (;;) {
			const page = await get<{ changes: Change[]; cursor: number; hasMore: boolean }>(
				server,
				`/api/v1/sync/pull?cursor=${cursor}&clientId=${randomUUID()}&protocol=${PROTOCOL}&schema=${SCHEMA}`
			);
			changes.push(...page.changes);
			cursor = page.cursor;
			if (!page.hasMore) return { changes, cursor };
		}
	}

	async function push(server: ServerProcess, client: Client, mutations: Mutation[]) {
		const response = await post(
			server,
			'/api/v1/sync/push',
			{ protocol: PROTOCOL, schema: SCHEMA, clientId: client.id, mutations },
			staffCookie
		);
		const text = await response.text();
		expect(response.status, `push to ${server.base}: ${text}`).toBe(200);
		const answer = JSON.parse(text) as PushResponse;
		client.lastAcked = answer.lastMutationId;
		return answer;
	}

	/** Each record of ours on the server exactly once, and one revision taken per record. */
	async function expectEachOnce(server: ServerProcess, clients: Client[], baseline: number) {
		const pulled = await pullAll(server);
		const ours = new Set(clients.flatMap((c) => c.sent.map((m) => m.recordId)));
		const seen = pulled.changes.filter((c) => ours.has(c.recordId));
		expect(new Set(seen.map((c) => c.recordId)).size, 'records pulled twice').toBe(seen.length);
		expect(seen.length, 'records sent but missing').toBe(ours.size);
		expect(new Set(pulled.changes.map((c) => c.rev)).size, 'distinct revisions').toBe(
			pulled.changes.length
		);
		// A mutation applied twice would take a second revision from the sequence.
		expect(pulled.cursor - baseline, 'revisions taken').toBe(ours.size);
		return pulled;
	}

	beforeAll(async () => {
		if (!existsSync(join(BUILD, 'index.js'))) {
			throw new Error(`${BUILD}/index.js is missing: run \`npm run build\` first.`);
		}
		database = await createDatabase('postgres');
		// Both at once on the empty database: both migrate, one seeds the demo owner.
		[a, b] = await Promise.all([
			ServerProcess.start(database.env, { ORIGIN }),
			ServerProcess.start(database.env, { ORIGIN })
		]);
	});
	afterAll(async () => {
		await killAll();
		await database?.drop();
	});

	it('starts both on an empty database: one demo owner, neither crashes', async () => {
		const client = new pg.Client({ connectionString: database.env['DATABASE_URL'] });
		await client.connect();
		try {
			const owners = await client.query<{ n: number }>('select count(*)::int as n from owners');
			const users = await client.query<{ n: number }>('select count(*)::int as n from users');
			expect(owners.rows[0]!.n).toBe(1);
			expect(users.rows[0]!.n).toBe(5);
		} finally {
			await client.end();
		}
		const seeded = [a, b].filter((s) => s.output.some((l) => l.includes('Demo data created')));
		expect(seeded, `${a.tail()}\n${b.tail()}`).toHaveLength(1);
		for (const server of [a, b]) expect(server.child.exitCode).toBeNull();
	});

	it('counts failed sign-ins on one process against attempts on the other', async () => {
		const wrong = { email: THROTTLED, password: 'wrong-password' };
		// Five failures free of delay for an account from one address, alternating A, B, A, B, A:
		// each process alone would have seen only two or three.
		for (const [i, server] of [a, b, a, b, a].entries()) {
			const response = await post(server, '/api/v1/auth/sign-in', wrong);
			expect(response.status, `failure ${i + 1}`).toBe(401);
		}
		const slowed = await post(b, '/api/v1/auth/sign-in', wrong);
		expect(slowed.status, 'the sixth attempt, on B').toBe(429);
		expect(Number(slowed.headers.get('retry-after'))).toBeGreaterThan(0);
		expect(((await slowed.json()) as { error: { reason: string } }).error.reason).toBe(
			'too_many_attempts'
		);
		// Even the right password waits out the delay from this address, on either process.
		const right = await post(b, '/api/v1/auth/sign-in', { email: THROTTLED, password: PASSWORD });
		expect(right.status).toBe(429);
	});

	it('knows a session made on one on the other; a sign-out on one ends it on both', async () => {
		const cookie = await signIn(a, MANAGER);
		expect((await whoIs(a, cookie))?.email).toBe(MANAGER);
		expect((await whoIs(b, cookie))?.email, 'the session made on A, asked on B').toBe(MANAGER);

		const out = await post(b, '/api/v1/auth/sign-out', undefined, cookie);
		expect(out.status).toBe(204);
		expect(await whoIs(b, cookie)).toBeNull();
		expect(await whoIs(a, cookie), 'signed out on B, asked on A').toBeNull();
		// The ended session cannot write on either.
		const push = await post(
			a,
			'/api/v1/sync/push',
			{ protocol: PROTOCOL, schema: SCHEMA, clientId: randomUUID(), mutations: [] },
			cookie
		);
		expect(push.status).toBe(401);
	});

	it('applies pushes alternating between the two exactly once', async () => {
		staffCookie = await signIn(b, STAFF);
		const me = (await whoIs(a, staffCookie))!;
		const { groups } = await get<{ groups: Array<{ id: string }> }>(
			a,
			`/api/v1/kindergartens/${me.kindergartenId}/groups`
		);
		groupId = groups[0]!.id;
		const baseline = (await pullAll(a)).cursor;

		// One client, its batches alternating A, B, A, B; each one a resend on the other process
		// too (a retry after a lost answer, which a load balancer sends anywhere): skipped.
		const client = new Client();
		for (let round = 0; round < 4; round++) {
			const [first, second] = round % 2 === 0 ? [a, b] : [b, a];
			const batch = client.batch(groupId, 5, `alternating r${round}`);
			const answer = await push(first, client, batch);
			expect(answer.results.map((r) => r.status)).toEqual(batch.map(() => 'applied'));
			const resend = await push(second, client, batch);
			expect(resend.results.map((r) => r.status)).toEqual(batch.map(() => 'skipped'));
			expect(resend.lastMutationId).toBe(batch.at(-1)!.id);
		}

		// Four clients pushing at once, each to both processes in turn: one sequence.
		const clients = Array.from({ length: 4 }, () => new Client());
		await Promise.all(
			clients.map(async (c, i) => {
				for (let round = 0; round < 4; round++) {
					const server = (i + round) % 2 === 0 ? a : b;
					const batch = c.batch(groupId, 10, `concurrent c${i} r${round}`);
					const answer = await push(server, c, batch);
					expect(answer.results.map((r) => r.status)).toEqual(batch.map(() => 'applied'));
				}
			})
		);
		const fromA = await expectEachOnce(a, [client, ...clients], baseline);
		const fromB = await expectEachOnce(b, [client, ...clients], baseline);
		expect(fromB.cursor).toBe(fromA.cursor);
	});

	it('loses nothing when one of the two is killed mid-push; the other keeps serving', async () => {
		const baseline = (await pullAll(b)).cursor;
		const clients = Array.from({ length: 4 }, () => new Client());
		const state = { stopped: false, inFlightOnA: 0 };
		const failedOnA: string[] = [];
		const refusedOnB: string[] = [];
		let answeredByB = 0;

		// Each client alternates its batches between A and B, as a balancer would, until the kill;
		// a client whose batch to A gets no answer stops there and resends below.
		const stream = async (client: Client, index: number) => {
			for (let turn = index; !state.stopped; turn++) {
				const server = turn % 2 === 0 ? a : b;
				const batch = client.batch(groupId, 10, `kill c${index} t${turn}`);
				if (server === a) state.inFlightOnA++;
				try {
					const response = await post(
						server,
						'/api/v1/sync/push',
						{ protocol: PROTOCOL, schema: SCHEMA, clientId: client.id, mutations: batch },
						staffCookie
					);
					const text = await response.text();
					if (response.status !== 200) {
						(server === a ? failedOnA : refusedOnB).push(`${response.status} ${text}`);
						return;
					}
					client.lastAcked = (JSON.parse(text) as PushResponse).lastMutationId;
					if (server === b) answeredByB++;
				} catch (error) {
					// Only A is killed: a failure to reach B is the test's failure.
					if (server === b) throw error;
					failedOnA.push(String((error as Error).cause ?? error));
					return;
				} finally {
					if (server === a) state.inFlightOnA--;
				}
			}
		};
		const streams = clients.map((c, i) => stream(c, i));
		// The kill comes once B has answered a few batches and while it has some in flight.
		while (answeredByB < 4 || state.inFlightOnA === 0) await sleep(5);
		state.stopped = true;
		await a.kill();
		await Promise.all(streams);
		expect(refusedOnB, 'B refused pushes while A died').toEqual([]);
		console.log(
			`scale-out: A killed with ${failedOnA.length} batches unanswered (${failedOnA[0] ?? '-'}); B answered ${answeredByB}`
		);

		// B goes on serving: who am I, a pull, and a new client's push.
		expect((await whoIs(b, staffCookie))?.email).toBe(STAFF);
		const late = new Client();
		const lateBatch = late.batch(groupId, 3, 'after the kill');
		expect((await push(b, late, lateBatch)).results.map((r) => r.status)).toEqual(
			lateBatch.map(() => 'applied')
		);

		// Every client resends to B from its last acknowledged mutation: what A committed before
		// it died comes back skipped, the rest is applied; nothing twice.
		const before = await pullAll(b);
		const onServer = new Set(before.changes.map((c) => c.recordId));
		for (const client of clients) {
			const queue = client.sent.filter((m) => m.id >= Math.max(1, client.lastAcked));
			if (queue.length === 0) continue;
			const answer = await push(b, client, queue);
			expect(answer.lastMutationId).toBe(client.next - 1);
			for (const [i, m] of queue.entries()) {
				expect(answer.results[i]!.status, `mutation ${m.id}`).toBe(
					onServer.has(m.recordId) ? 'skipped' : 'applied'
				);
			}
		}
		await expectEachOnce(b, [...clients, late], baseline);

		// A, started again, serves the same data and sessions.
		a = await ServerProcess.start(database.env, { ORIGIN });
		expect((await whoIs(a, staffCookie))?.email).toBe(STAFF);
		const fromA = await expectEachOnce(a, [...clients, late], baseline);
		expect(fromA.cursor).toBe((await pullAll(b)).cursor);
	});
});
