import { readdirSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILD, createDatabase, killAll, ServerProcess, type TestDatabase } from './server-process';

/**
 * The production build's answers at the HTTP level (issue 13): what adapter-node serves itself
 * (the prerendered shell, static files) carries the same security headers as what SvelteKit
 * renders; a chunked body over the limit gets its 413; another origin cannot sign anyone out.
 * The in-process suites (tests/server) cannot see these: they call the API handler directly.
 */

/** The public origin the server is told it has: HTTPS, so Strict-Transport-Security is sent. */
const ORIGIN = 'https://lekeplan.test';
const STAFF = { email: 'ansatt@demo.lekeplan.no', password: 'lekeplan-demo' };

describe('the production build over HTTP', () => {
	let database: TestDatabase;
	let server: ServerProcess;

	beforeAll(async () => {
		database = await createDatabase('sqlite');
		server = await ServerProcess.start(database.env, { ORIGIN });
	});
	afterAll(async () => {
		await killAll();
		await database.drop();
	});

	async function signIn(): Promise<string> {
		const response = await fetch(`${server.base}/api/v1/auth/sign-in`, {
			method: 'POST',
			headers: { 'content-type': 'application/json', origin: ORIGIN },
			body: JSON.stringify(STAFF)
		});
		expect(response.status).toBe(200);
		return response.headers.get('set-cookie')!.split(';')[0]!;
	}

	it('sends the security headers on every kind of response', async () => {
		const script = readdirSync(join(BUILD, 'client/_app/immutable/entry')).find((f) =>
			f.endsWith('.js')
		);
		const paths = [
			'/', // prerendered: adapter-node serves it from disk
			'/sw.js', // static files, from disk too
			'/manifest.webmanifest',
			`/_app/immutable/entry/${script}`,
			'/plans', // rendered by SvelteKit
			'/api/v1/health',
			'/api/v1/me', // nobody: 200 with user null
			'/no/such/page'
		];
		for (const path of paths) {
			const response = await fetch(`${server.base}${path}`);
			await response.arrayBuffer();
			const headers = Object.fromEntries(response.headers);
			expect(headers['x-frame-options'], path).toBe('DENY');
			expect(headers['content-security-policy'], path).toContain("frame-ancestors 'none'");
			expect(headers['x-content-type-options'], path).toBe('nosniff');
			expect(headers['referrer-policy'], path).toBe('no-referrer');
			expect(headers['permissions-policy'], path).toContain('camera=()');
			expect(headers['strict-transport-security'], path).toMatch(/^max-age=\d+/);
		}
	});

	it('answers a chunked push body over the limit with 413 body_too_large, not a reset', async () => {
		const cookie = await signIn();
		const answer = await new Promise<{ status: number; body: string }>((done, fail) => {
			const url = new URL(`${server.base}/api/v1/sync/push`);
			const req = httpRequest(
				{
					host: url.hostname,
					port: url.port,
					path: url.pathname,
					method: 'POST',
					headers: {
						'content-type': 'application/json',
						'transfer-encoding': 'chunked',
						expect: '100-continue',
						origin: ORIGIN,
						cookie
					}
				},
				(res) => {
					let body = '';
					res.setEncoding('utf8');
					res.on('data', (chunk: string) => (body += chunk));
					res.on('end', () => done({ status: res.statusCode ?? 0, body }));
				}
			);
			req.on('error', fail);
			req.on('continue', () => {
				// 2 MB in 64 KB chunks, as a client streams it.
				const chunk = Buffer.alloc(64 * 1024, 0x20);
				let sent = 0;
				const write = () => {
					while (sent < 2 * 1024 * 1024) {
						sent += chunk.length;
						if (!req.write(chunk)) return void req.once('drain', write);
					}
					req.end();
				};
				write();
			});
		});
		expect(answer.status).toBe(413);
		expect(JSON.parse(answer.body)).toEqual({ error: { status: 413, reason: 'body_too_large' } });
	});

	it('refuses a sign-out from another origin (no body, no content type) and keeps the session', async () => {
		const cookie = await signIn();
		const elsewhere: Array<Record<string, string>> = [
			{ origin: 'https://evil.example' },
			{ origin: 'https://skole.lekeplan.test' },
			{ 'sec-fetch-site': 'same-site' }
		];
		for (const headers of elsewhere) {
			const out = await fetch(`${server.base}/api/v1/auth/sign-out`, {
				method: 'POST',
				headers: { cookie, ...headers }
			});
			expect(out.status).toBe(403);
			expect(await out.json()).toEqual({ error: { status: 403, reason: 'cross_origin_request' } });
		}
		const who = async () =>
			(
				(await (await fetch(`${server.base}/api/v1/me`, { headers: { cookie } })).json()) as {
					user: unknown;
				}
			).user;
		expect(await who()).not.toBeNull();
		const own = await fetch(`${server.base}/api/v1/auth/sign-out`, {
			method: 'POST',
			headers: { cookie, origin: ORIGIN }
		});
		expect(own.status).toBe(204);
		expect(await who()).toBeNull();
	});
});
