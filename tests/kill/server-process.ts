import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pg from 'pg';

/**
 * The production build (`node build`) as a child process, and a database of its own for it
 * (SQLite or PostgreSQL): shared by the tests that talk to the server as it is deployed (the
 * kill test, the scale-out test, the HTTP edge test). They never build: `npm test` builds
 * ./build in test:e2e first.
 */

export const ROOT = resolve(import.meta.dirname, '../..');
export const BUILD = join(ROOT, 'build');

export const POSTGRES_URL =
	process.env['TEST_POSTGRES_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';

const live = new Set<ChildProcess>();

// Last resort when the test runner itself goes down: never leave a server running.
process.once('exit', () => {
	for (const child of live) child.kill('SIGKILL');
});

export async function killAll(): Promise<void> {
	await Promise.all([...live].map((child) => killChild(child)));
}

export function killChild(child: ChildProcess): Promise<void> {
	if (child.exitCode !== null || child.signalCode !== null) {
		live.delete(child);
		return Promise.resolve();
	}
	return new Promise((done) => {
		child.once('exit', () => {
			live.delete(child);
			done();
		});
		child.kill('SIGKILL');
	});
}

export function freePort(): Promise<number> {
	return new Promise((done, fail) => {
		const probe = createServer();
		probe.once('error', fail);
		probe.listen(0, '127.0.0.1', () => {
			const address = probe.address();
			const port = typeof address === 'object' && address ? address.port : 0;
			probe.close(() => done(port));
		});
	});
}

export const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

export class ServerProcess {
	readonly output: string[] = [];

	private constructor(
		readonly child: ChildProcess,
		readonly base: string
	) {
		const keep = (chunk: Buffer) => {
			this.output.push(...chunk.toString().split('\n').filter(Boolean));
			if (this.output.length > 200) this.output.splice(0, this.output.length - 200);
		};
		child.stdout?.on('data', keep);
		child.stderr?.on('data', keep);
	}

	/**
	 * Starts `node build` on a free loopback port and waits until it answers. `extraEnv` adds to
	 * (or overrides) the environment it starts with.
	 */
	static async start(
		databaseEnv: Record<string, string>,
		extraEnv: Record<string, string> = {}
	): Promise<ServerProcess> {
		const port = await freePort();
		const env: NodeJS.ProcessEnv = { ...process.env };
		for (const key of Object.keys(env)) {
			if (/^(DATABASE_URL|SQLITE_FILE|DATA_DIR|OIDC_|SESSION_)/.test(key)) delete env[key];
		}
		const child = spawn(process.execPath, [BUILD], {
			cwd: ROOT,
			env: {
				...env,
				...databaseEnv,
				HOST: '127.0.0.1',
				PORT: String(port),
				ORIGIN: `http://127.0.0.1:${port}`,
				BODY_SIZE_LIMIT: '1M',
				DEMO_DATA: 'true',
				...extraEnv
			},
			stdio: ['ignore', 'pipe', 'pipe']
		});
		live.add(child);
		const server = new ServerProcess(child, `http://127.0.0.1:${port}`);
		const deadline = Date.now() + 30_000;
		for (;;) {
			if (child.exitCode !== null || child.signalCode !== null) {
				throw new Error(
					`node build exited (${child.exitCode ?? child.signalCode}) before it answered:\n${server.tail()}`
				);
			}
			try {
				const response = await fetch(`${server.base}/api/v1/me`, {
					signal: AbortSignal.timeout(2_000)
				});
				await response.arrayBuffer();
				return server;
			} catch {
				if (Date.now() > deadline) {
					await killChild(child);
					throw new Error(`node build did not answer within 30 s:\n${server.tail()}`);
				}
				await sleep(50);
			}
		}
	}

	kill(): Promise<void> {
		return killChild(this.child);
	}

	tail(lines = 40): string {
		return this.output
			.slice(-lines)
			.map((l) => `    | ${l}`)
			.join('\n');
	}
}

// ---------------------------------------------------------------- databases

export interface TestDatabase {
	env: Record<string, string>;
	describe: string;
	/** The SQLite file, to read its header after the run. */
	file?: string;
	drop(): Promise<void>;
}

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

export const postgresUp = await postgresReachable();
if (!postgresUp) {
	const message = `PostgreSQL is not reachable at ${POSTGRES_URL}: the PostgreSQL half of the production-build tests cannot run.`;
	if (process.env['REQUIRE_POSTGRES']) throw new Error(`${message} (REQUIRE_POSTGRES is set)`);
	console.warn(
		`\n${'!'.repeat(100)}\n!! ${message}\n!! Start it, or set TEST_POSTGRES_URL. CI (.ci/run) never skips it.\n${'!'.repeat(100)}\n`
	);
}

export async function createDatabase(dialect: 'sqlite' | 'postgres'): Promise<TestDatabase> {
	if (dialect === 'sqlite') {
		const dir = mkdtempSync(join(tmpdir(), 'lekeplan-kill-'));
		const file = join(dir, 'kill.sqlite');
		return {
			env: { SQLITE_FILE: file },
			describe: `SQLite at ${file}`,
			file,
			drop: () => Promise.resolve(rmSync(dir, { recursive: true, force: true }))
		};
	}
	const name = `lekeplan_kill_${randomUUID().replaceAll('-', '').slice(0, 16)}`;
	const admin = new pg.Client({ connectionString: POSTGRES_URL });
	await admin.connect();
	await admin.query(`create database ${name}`);
	await admin.end();
	const url = new URL(POSTGRES_URL);
	url.pathname = `/${name}`;
	return {
		env: { DATABASE_URL: url.toString() },
		describe: `PostgreSQL database ${name}`,
		drop: async () => {
			const client = new pg.Client({ connectionString: POSTGRES_URL });
			await client.connect();
			await client.query(`drop database if exists ${name} with (force)`);
			await client.end();
		}
	};
}
