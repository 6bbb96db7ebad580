import 'fake-indexeddb/auto';
import { brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { uuidv7 } from '$lib/domain/ids';
import type { PlanContent } from '$lib/domain/plan';
import { LekeplanDatabase } from '$lib/client/db/database';
import { PlanRepository } from '$lib/client/db/plan-repository';
import { SyncEngine } from '$lib/client/sync/engine';
import { httpTransport } from '$lib/client/sync/http-transport';
import { MAX_PUSH_BYTES, PROTOCOL_VERSION, SCHEMA_VERSION, type Mutation } from '$lib/sync';
import { answerEncoding } from '$lib/server/api/http';
import {
	describeEachDatabase,
	seedOwner,
	signIn,
	startTestServer,
	type SeededOwner,
	type TestServer
} from './harness';
import { AT, planFields, pullPath } from './sync-fixtures';

/**
 * Issue 18: sync on a slow line. A tablet may gzip a push (`Content-Encoding: gzip`); the body
 * limit holds for the inflated JSON too, so a small body that inflates past it is a 413 and
 * changes nothing. JSON answers are compressed for a caller that accepts it (brotli, else gzip),
 * and are the same JSON once decoded.
 */

describe('answerEncoding', () => {
	it('takes brotli, then gzip, as the caller weighs them', () => {
		expect(answerEncoding('gzip, deflate, br, zstd')).toBe('br');
		expect(answerEncoding('gzip, deflate')).toBe('gzip');
		expect(answerEncoding('br;q=0, gzip;q=0.5')).toBe('gzip');
		expect(answerEncoding('*')).toBe('br');
		expect(answerEncoding('identity')).toBeNull();
		expect(answerEncoding('')).toBeNull();
		expect(answerEncoding(null)).toBeNull();
	});
});

describeEachDatabase('compressed sync', (dialect) => {
	let server: TestServer;
	let a: SeededOwner;
	let group: string;
	let cookie: string;

	beforeAll(async () => {
		server = await startTestServer(dialect);
		a = await seedOwner(server, 'z');
		group = a.kindergartens[0]!.groups[0]!;
		cookie = await signIn(server, a.users.staff.email);
	});
	afterAll(async () => server.close());

	const body = (clientId: string, mutations: Mutation[]) =>
		JSON.stringify({ protocol: PROTOCOL_VERSION, schema: SCHEMA_VERSION, clientId, mutations });

	const plans = (n: number, title: string): Mutation[] =>
		Array.from({ length: n }, (_, i) => ({
			id: i + 1,
			recordId: uuidv7(),
			type: 'plan' as const,
			op: 'put' as const,
			baseRev: null,
			fields: planFields(group, { title: `${title} ${i + 1}` }),
			at: AT
		}));

	const push = (raw: Uint8Array | string, encoding?: string) =>
		server.request('POST', '/api/v1/sync/push', {
			raw,
			cookie,
			headers: {
				'content-type': 'application/json',
				...(encoding ? { 'content-encoding': encoding } : {})
			}
		});

	const onServer = async () =>
		(
			await server.deps.db
				.selectFrom('syncRecords')
				.select('recordId')
				.where('kindergartenId', '=', a.kindergartens[0]!.id)
				.execute()
		).length;

	it('applies a gzipped push as it would the same JSON', async () => {
		const before = await onServer();
		const response = await push(gzipSync(body(uuidv7(), plans(40, 'Pakket'))), 'gzip');
		expect(response.status).toBe(200);
		const answer = (await response.json()) as { results: { status: string }[] };
		expect(answer.results).toHaveLength(40);
		expect(answer.results.every((r) => r.status === 'applied')).toBe(true);
		expect(await onServer()).toBe(before + 40);
	});

	it('refuses a small body that inflates past the limit with a 413, and changes nothing', async () => {
		const before = await onServer();
		const padding = ' '.repeat(MAX_PUSH_BYTES + 1);
		const bomb = gzipSync(`{"protocol":1,${padding}"mutations":[]}`, { level: 9 });
		expect(bomb.byteLength).toBeLessThan(MAX_PUSH_BYTES / 100);
		const response = await push(bomb, 'gzip');
		expect(response.status).toBe(413);
		expect(await response.json()).toMatchObject({ error: { reason: 'body_too_large' } });
		expect(await onServer()).toBe(before);
	});

	it('refuses a broken gzip body and an encoding it does not read, and changes nothing', async () => {
		const before = await onServer();
		const whole = gzipSync(body(uuidv7(), plans(3, 'Brutt')));
		const broken = await push(whole.subarray(0, whole.byteLength - 12), 'gzip');
		expect(broken.status).toBe(400);
		expect(await broken.json()).toMatchObject({ error: { reason: 'malformed_json' } });
		const plain = await push(body(uuidv7(), plans(3, 'Feil koding')), 'gzip');
		expect(plain.status).toBe(400);
		for (const encoding of ['br', 'deflate', 'zstd']) {
			const other = await push(body(uuidv7(), plans(3, encoding)), encoding);
			expect(other.status).toBe(415);
			expect(await other.json()).toMatchObject({ error: { reason: 'unsupported_encoding' } });
		}
		expect(await onServer()).toBe(before);
	});

	it('compresses a pull for a caller that accepts it, to the same JSON', async () => {
		const path = pullPath({
			cursor: 0,
			clientId: uuidv7(),
			protocol: PROTOCOL_VERSION,
			schema: SCHEMA_VERSION
		});
		const plainAnswer = await server.request('GET', path, { cookie });
		expect(plainAnswer.headers.get('content-encoding')).toBeNull();
		expect(plainAnswer.headers.get('vary')).toBe('Accept-Encoding');
		const plain = Buffer.from(await plainAnswer.arrayBuffer());
		expect(plain.byteLength).toBeGreaterThan(10_000);

		const gzipped = await server.request('GET', path, {
			cookie,
			headers: { 'accept-encoding': 'gzip, deflate' }
		});
		expect(gzipped.status).toBe(200);
		expect(gzipped.headers.get('content-encoding')).toBe('gzip');
		// Said once, by the answer and not again by the compression.
		expect(gzipped.headers.get('vary')).toBe('Accept-Encoding');
		const gz = Buffer.from(await gzipped.arrayBuffer());
		expect(Number(gzipped.headers.get('content-length'))).toBe(gz.byteLength);
		expect(gz.byteLength).toBeLessThan(plain.byteLength / 4);
		expect(gunzipSync(gz).equals(plain)).toBe(true);

		const brotli = await server.request('GET', path, {
			cookie,
			headers: { 'accept-encoding': 'gzip, deflate, br' }
		});
		expect(brotli.headers.get('content-encoding')).toBe('br');
		const br = Buffer.from(await brotli.arrayBuffer());
		expect(brotliDecompressSync(br).equals(plain)).toBe(true);
	});

	describe('the browser’s transport', () => {
		afterEach(() => vi.unstubAllGlobals());

		it('gzips a large push, which the server applies, and sends small ones plain', async () => {
			// The browser's fetch, answered by this server: what goes over the wire is recorded.
			const sent: { encoding: string | null; bytes: number }[] = [];
			vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
				const headers = new Headers(init.headers);
				const raw = init.body as string | Uint8Array | undefined;
				if (init.method === 'POST') {
					sent.push({
						encoding: headers.get('content-encoding'),
						bytes: typeof raw === 'string' ? Buffer.byteLength(raw) : (raw?.byteLength ?? 0)
					});
				}
				return server.request(init.method ?? 'GET', url, {
					...(raw !== undefined && { raw }),
					cookie,
					headers: Object.fromEntries(headers)
				});
			});
			const db = new LekeplanDatabase(`compression-${dialect}-${uuidv7()}`);
			const engine = new SyncEngine(db, httpTransport, () => server.clock.now());
			await engine.enable();
			const repository = new PlanRepository(db, () => server.clock.now());
			const before = await onServer();
			for (let i = 1; i <= 30; i++) {
				const fields = planFields(group, { title: `Fra nettbrettet ${i}` }) as PlanContent;
				const saved = await repository.create(fields, a.kindergartens[0]!.id);
				expect(saved.ok).toBe(true);
			}
			expect(await engine.sync()).toMatchObject({ ok: true, pushed: 30 });
			expect(sent[0]?.encoding).toBe('gzip');
			expect(await onServer()).toBe(before + 30);

			const saved = await repository.create(
				planFields(group, { title: 'Bare én' }) as PlanContent,
				a.kindergartens[0]!.id
			);
			expect(saved.ok).toBe(true);
			expect(await engine.sync()).toMatchObject({ ok: true, pushed: 1 });
			expect(sent.at(-1)?.encoding).toBeNull();
			expect(await onServer()).toBe(before + 31);
			await db.delete();
		});
	});

	it('leaves small answers and errors readable as they are', async () => {
		const me = await server.request('GET', '/api/v1/me', {
			cookie,
			headers: { 'accept-encoding': 'gzip, br' }
		});
		expect(me.headers.get('content-encoding')).toBeNull();
		expect(((await me.json()) as { user: { email: string } }).user.email).toBe(a.users.staff.email);
		// A pull with nothing new: its few bytes go plain, still saying they could vary.
		const clientId = uuidv7();
		const first = await server.request(
			'GET',
			pullPath({ cursor: 0, clientId, protocol: PROTOCOL_VERSION, schema: SCHEMA_VERSION }),
			{ cookie }
		);
		const { head } = (await first.json()) as { head: number };
		const nothing = await server.request(
			'GET',
			pullPath({ cursor: head, clientId, protocol: PROTOCOL_VERSION, schema: SCHEMA_VERSION }),
			{ cookie, headers: { 'accept-encoding': 'gzip, br' } }
		);
		expect(nothing.headers.get('content-encoding')).toBeNull();
		expect(nothing.headers.get('vary')).toBe('Accept-Encoding');
		expect(await nothing.json()).toMatchObject({ changes: [], head, hasMore: false });
		const missing = await server.request('GET', '/api/v1/nothing-here', {
			cookie,
			headers: { 'accept-encoding': 'gzip' }
		});
		expect(missing.status).toBe(404);
		expect(await missing.json()).toMatchObject({ error: { reason: 'not_found' } });
	});
});
