import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { describe, expect } from 'vitest';
import { startServer } from '$lib/server/app';
import { ManualClock } from '$lib/server/clock';
import { readConfig } from '$lib/server/config';
import { app } from '$lib/server/api/app';
import { crossOriginRefusal, isCrossOriginWrite } from '$lib/server/security/cross-origin';
import { hashPassword } from '$lib/server/auth/passwords';
import { SESSION_COOKIE } from '$lib/server/auth/sessions';
import type { ServerDeps } from '$lib/server/deps';
import type { Role } from '$lib/server/db';
import type { OidcClient } from '$lib/server/auth/oidc';
import { uuidv7 } from '$lib/domain/ids';

/**
 * The adapter suite's harness: every suite runs once on SQLite and once on PostgreSQL, each
 * on a database of its own, through the API's Hono app (`app.request()`, in-process) with a
 * controllable clock.
 */

export const POSTGRES_URL =
	process.env['TEST_POSTGRES_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';

async function postgresReachable(): Promise<boolean> {
	const client = new pg.Client({ connectionString: POSTGRES_URL, connectionTimeoutMillis: 3000 });
	try {
		await client.connect();
		await client.query('select 1');
		return true;
	} catch {
		return false;
	} finally {
		await client.end().catch(() => undefined);
	}
}

const postgresUp = await postgresReachable();
if (!postgresUp) {
	const message = `PostgreSQL is not reachable at ${POSTGRES_URL}: the PostgreSQL half of the database suite cannot run.`;
	if (process.env['REQUIRE_POSTGRES']) throw new Error(`${message} (REQUIRE_POSTGRES is set)`);
	console.warn(
		`\n${'!'.repeat(100)}\n!! ${message}\n!! Start it, or set TEST_POSTGRES_URL. CI (.ci/run) never skips it.\n${'!'.repeat(100)}\n`
	);
}

export type Dialect = 'sqlite' | 'postgres';
export const DIALECTS: Dialect[] = ['sqlite', 'postgres'];

export interface TestServer {
	deps: ServerDeps;
	clock: ManualClock;
	dialect: Dialect;
	/** Sends a request through the API's app. */
	request(method: string, path: string, options?: RequestOptions): Promise<Response>;
	close(): Promise<void>;
}

export interface RequestOptions {
	body?: unknown;
	/** A raw body (for malformed input); sent as is. A stream goes without a Content-Length. */
	raw?: string | Uint8Array | ReadableStream<Uint8Array>;
	cookie?: string | null;
	headers?: Record<string, string>;
	address?: string;
}

async function createPostgresDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
	const name = `lekeplan_t_${uuidv7().replaceAll('-', '').slice(-16)}`;
	const admin = new pg.Client({ connectionString: POSTGRES_URL });
	await admin.connect();
	await admin.query(`create database ${name}`);
	await admin.end();
	const url = new URL(POSTGRES_URL);
	url.pathname = `/${name}`;
	return {
		url: url.toString(),
		drop: async () => {
			const client = new pg.Client({ connectionString: POSTGRES_URL });
			await client.connect();
			await client.query(`drop database if exists ${name} with (force)`);
			await client.end();
		}
	};
}

export async function startTestServer(
	dialect: Dialect,
	options: { oidc?: OidcClient | null; origin?: string } = {}
): Promise<TestServer> {
	const clock = new ManualClock();
	let cleanup: () => Promise<void>;
	let env: Record<string, string>;
	if (dialect === 'sqlite') {
		const dir = mkdtempSync(join(tmpdir(), 'lekeplan-test-'));
		env = { SQLITE_FILE: join(dir, 'test.sqlite') };
		cleanup = () => Promise.resolve(rmSync(dir, { recursive: true, force: true }));
	} else {
		const created = await createPostgresDatabase();
		env = { DATABASE_URL: created.url };
		cleanup = created.drop;
	}
	const config = readConfig({
		...env,
		DEMO_DATA: 'false',
		ORIGIN: options.origin ?? 'http://localhost:3000'
	});
	const deps = await startServer(config, {
		clock,
		log: () => undefined,
		oidc: options.oidc ?? null
	});
	return {
		deps,
		clock,
		dialect,
		request: async (method, path, opts = {}) => {
			const headers = new Headers(opts.headers ?? {});
			if (opts.cookie) headers.set('cookie', opts.cookie);
			let body: BodyInit | undefined;
			if (opts.raw !== undefined) body = opts.raw as BodyInit;
			else if (opts.body !== undefined) {
				body = JSON.stringify(opts.body);
				if (!headers.has('content-type')) headers.set('content-type', 'application/json');
			}
			const request = new Request(`${config.origin}${path}`, {
				method,
				headers,
				body,
				...(body instanceof ReadableStream ? { duplex: 'half' } : {})
			});
			// What hooks.server.ts does before SvelteKit hands the request to the API.
			if (isCrossOriginWrite(request, config.origin)) return crossOriginRefusal();
			return app.request(request, undefined, {
				deps,
				clientAddress: opts.address ?? '127.0.0.1'
			});
		},
		close: async () => {
			await deps.db.destroy();
			await cleanup();
		}
	};
}

/** `describe` once per database; the PostgreSQL run is skipped (loudly) only outside CI. */
export function describeEachDatabase(name: string, suite: (dialect: Dialect) => void): void {
	for (const dialect of DIALECTS) {
		const run = dialect === 'postgres' && !postgresUp ? describe.skip : describe;
		run(`${name} [${dialect}]`, () => suite(dialect));
	}
}

export const PASSWORD = 'correct horse battery';
let passwordHash: Promise<string> | undefined;

export interface SeededUser {
	id: string;
	email: string;
	role: Role;
	kindergartenId: string | null;
	groupId: string | null;
	ownerId: string;
}

export interface SeededOwner {
	id: string;
	kindergartens: Array<{ id: string; groups: string[] }>;
	users: Record<Role, SeededUser>;
}

/**
 * An owner with two kindergartens (two groups each) and one user of each role; staff,
 * manager and parent belong to the first kindergarten (the parent to its first group).
 */
export async function seedOwner(server: TestServer, label: string): Promise<SeededOwner> {
	passwordHash ??= hashPassword(PASSWORD);
	const hash = await passwordHash;
	const { db } = server.deps;
	const now = server.clock.now().toISOString();
	const ownerId = uuidv7();
	await db
		.insertInto('owners')
		.values({ id: ownerId, name: `Eier ${label}`, createdAt: now })
		.execute();
	const kindergartens: SeededOwner['kindergartens'] = [];
	for (let k = 0; k < 2; k++) {
		const id = uuidv7();
		await db
			.insertInto('kindergartens')
			.values({ id, ownerId, name: `Barnehage ${label}${k}`, createdAt: now, updatedAt: now })
			.execute();
		const groups: string[] = [];
		for (let g = 0; g < 2; g++) {
			const groupId = uuidv7();
			await db
				.insertInto('groups')
				.values({
					id: groupId,
					ownerId,
					kindergartenId: id,
					name: `Avdeling ${label}${k}${g}`,
					ageMin: g * 3,
					ageMax: g * 3 + 3,
					createdAt: now,
					updatedAt: now
				})
				.execute();
			groups.push(groupId);
		}
		kindergartens.push({ id, groups });
	}
	const users = {} as Record<Role, SeededUser>;
	for (const role of ['ownerAdmin', 'manager', 'staff', 'parent'] as const) {
		const user: SeededUser = {
			id: uuidv7(),
			email: `${role.toLowerCase()}.${label}@test.lekeplan.no`,
			role,
			ownerId,
			kindergartenId: role === 'ownerAdmin' ? null : kindergartens[0]!.id,
			groupId: role === 'parent' ? kindergartens[0]!.groups[0]! : null
		};
		await db
			.insertInto('users')
			.values({
				id: user.id,
				ownerId,
				email: user.email,
				displayName: `${role} ${label}`,
				role,
				kindergartenId: user.kindergartenId,
				groupId: user.groupId,
				passwordHash: hash,
				disabledAt: null,
				createdAt: now,
				updatedAt: now
			})
			.execute();
		users[role] = user;
	}
	return { id: ownerId, kindergartens, users };
}

/** Signs in and returns the cookie header value for later requests. */
export async function signIn(
	server: TestServer,
	email: string,
	password = PASSWORD
): Promise<string> {
	const response = await server.request('POST', '/api/v1/auth/sign-in', {
		body: { email, password }
	});
	if (response.status !== 200) throw new Error(`sign-in failed: ${response.status}`);
	return sessionCookieOf(response)!;
}

/**
 * A further manager or staff member of one of the owner's kindergartens, signed in: the cookie
 * header value of their session.
 */
export async function signInNewUser(
	server: TestServer,
	ownerId: string,
	role: 'manager' | 'staff',
	kindergartenId: string
): Promise<string> {
	const email = `${role}.${uuidv7()}@test.lekeplan.no`;
	const now = server.clock.now().toISOString();
	passwordHash ??= hashPassword(PASSWORD);
	await server.deps.db
		.insertInto('users')
		.values({
			id: uuidv7(),
			ownerId,
			email,
			displayName: `${role} other`,
			role,
			kindergartenId,
			groupId: null,
			passwordHash: await passwordHash,
			disabledAt: null,
			createdAt: now,
			updatedAt: now
		})
		.execute();
	return signIn(server, email);
}

/** Who a session is on the server (`GET /api/v1/me`), or null when it is nobody's. */
export async function whoIs(
	server: TestServer,
	cookie: string | null
): Promise<{ userId: string; role: string } | null> {
	const response = await server.request('GET', '/api/v1/me', { cookie });
	expect(response.status).toBe(200);
	return ((await response.json()) as { user: { userId: string; role: string } | null }).user;
}

export function sessionCookieOf(response: Response): string | null {
	for (const value of response.headers.getSetCookie()) {
		const [pair] = value.split(';');
		if (pair?.startsWith(`${SESSION_COOKIE}=`) && pair.length > SESSION_COOKIE.length + 1)
			return pair;
	}
	return null;
}
