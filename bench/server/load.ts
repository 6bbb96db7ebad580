import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { uuidv7 } from '$lib/domain/ids';
import { PROTOCOL_VERSION, SCHEMA_VERSION } from '$lib/sync';
import type { Dialect, TestServer } from '../../tests/server/harness';
import { round2 } from '../stats';
import { serveApi } from './api';
import { sequenceOf } from './database';
import type { Caller } from './fixtures';
import { open, progress, saveState, without } from './report';
import type { LoadFigures, LoadResult } from './results';

/**
 * 3. Pull under 50 concurrent clients (autocannon on loopback, in a child process, against an
 * HTTP server in this process), with GET /api/v1/health measured the same way as the baseline.
 */

const CONNECTIONS = 50;
const WARM_UP_SECONDS = 2;
/** Changes each pull under load returns: a client that is nearly up to date. */
const LOAD_PAGE_CHANGES = 10;

interface AutocannonResult {
	requests: { average: number; total: number };
	latency: { p50: number; p99: number; average: number; max: number };
	errors: number;
	timeouts: number;
	non2xx: number;
	duration: number;
}

const autocannonBin = createRequire(import.meta.url).resolve('autocannon');
const children = new Set<ChildProcess>();

/** Kills the autocannon processes still running (when the run ends early). */
export function killLoadClients(): void {
	for (const child of children) child.kill('SIGKILL');
}

/** autocannon in a child process (so it does not share this process's event loop). */
function autocannon(
	url: string,
	seconds: number,
	cookie: string | null
): Promise<AutocannonResult> {
	const args = [autocannonBin, '--json', '-c', String(CONNECTIONS), '-d', String(seconds)];
	// As a tablet asks (issue 18: the pull under load with compression on).
	args.push('-H', 'accept-encoding:br, gzip');
	if (cookie) args.push('-H', `cookie:${cookie}`);
	args.push(url);
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
		children.add(child);
		open.pids.push(child.pid!);
		saveState();
		let out = '';
		let err = '';
		child.stdout.on('data', (d: Buffer) => (out += d.toString()));
		child.stderr.on('data', (d: Buffer) => (err = (err + d.toString()).slice(-2000)));
		child.on('error', reject);
		child.on('exit', (code) => {
			children.delete(child);
			open.pids = without(open.pids, child.pid!);
			saveState();
			if (code !== 0) return reject(new Error(`autocannon exited with ${code}: ${err}`));
			try {
				resolve(JSON.parse(out.slice(out.indexOf('{'))) as AutocannonResult);
			} catch {
				reject(new Error(`autocannon printed no result: ${out.slice(0, 400)} ${err}`));
			}
		});
	});
}

async function load(
	name: string,
	dialect: Dialect,
	url: string,
	cookie: string | null,
	seconds: number
): Promise<LoadFigures> {
	await autocannon(url, WARM_UP_SECONDS, cookie);
	const result = await autocannon(url, seconds, cookie);
	// A timeout is a figure of a loaded machine (recorded, and shown in the progress line); a
	// wrong answer or a failed connection is a fault.
	if (result.non2xx > 0 || result.errors > result.timeouts) {
		throw new Error(
			`${name}: ${result.non2xx} non-2xx answers, ${result.errors} errors, ${result.timeouts} timeouts`
		);
	}
	const figures = {
		requestsPerSecond: Math.round(result.requests.average),
		requests: result.requests.total,
		p50Ms: result.latency.p50,
		p99Ms: result.latency.p99,
		maxMs: result.latency.max,
		seconds: result.duration,
		timeouts: result.timeouts
	};
	progress(
		`${dialect} load: ${name}: ${figures.requestsPerSecond} requests/s, p50 ${figures.p50Ms} ms, p99 ${figures.p99Ms} ms (${CONNECTIONS} connections, ${seconds} s)${figures.timeouts > 0 ? `, ${figures.timeouts} timeouts` : ''}`
	);
	return figures;
}

export async function measureLoad(
	server: TestServer,
	dialect: Dialect,
	caller: Caller,
	seconds: number
): Promise<LoadResult> {
	const http = await serveApi(server.deps);
	try {
		// A client that has pulled from 0 (so its cursor belongs to this kindergarten) and is
		// LOAD_PAGE_CHANGES revisions behind.
		const clientId = uuidv7();
		const query = (cursor: number) =>
			`/api/v1/sync/pull?cursor=${cursor}&protocol=${PROTOCOL_VERSION}&schema=${SCHEMA_VERSION}&clientId=${clientId}`;
		const first = await fetch(`${http.origin}${query(0)}`, { headers: { cookie: caller.cookie } });
		if (first.status !== 200) throw new Error(`pull from 0 answered ${first.status}`);
		await first.arrayBuffer();
		const cursor = (await sequenceOf(server)) - LOAD_PAGE_CHANGES;
		const probe = await fetch(`${http.origin}${query(cursor)}`, {
			headers: { cookie: caller.cookie }
		});
		const page = (await probe.json()) as { changes: unknown[] };
		if (probe.status !== 200 || page.changes.length !== LOAD_PAGE_CHANGES) {
			throw new Error(`the pull under load answers ${probe.status} with ${page.changes.length}`);
		}
		const health = await load(
			'GET /api/v1/health',
			dialect,
			`${http.origin}/api/v1/health`,
			null,
			seconds
		);
		const pull = await load(
			`GET /api/v1/sync/pull (${LOAD_PAGE_CHANGES} changes)`,
			dialect,
			`${http.origin}${query(cursor)}`,
			caller.cookie,
			seconds
		);
		return {
			connections: CONNECTIONS,
			seconds,
			changesPerPull: LOAD_PAGE_CHANGES,
			health,
			pull,
			ratio: round2(health.requestsPerSecond / pull.requestsPerSecond)
		};
	} finally {
		await http.close();
	}
}
