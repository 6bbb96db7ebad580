import { afterEach, describe, expect, expectTypeOf, it, vi } from 'vitest';
import type { Actor } from '$lib/server/auth/sessions';
import type { GroupView } from '$lib/server/use-cases/organisation';
import type { UserView } from '$lib/server/use-cases/users';
import type { PullResponse, PushResponse } from '$lib/sync';
import * as api from './index';
import { apiPath } from './path';
import type { ApiAnswer, ServerGroup, ServerUser, SignedInUser } from './index';

describe('the browser’s API client', () => {
	it('takes its paths, bodies and answers from the server’s route definitions', () => {
		expectTypeOf<SignedInUser>().toEqualTypeOf<Actor>();
		expectTypeOf<ServerUser>().toEqualTypeOf<UserView>();
		expectTypeOf<ServerGroup>().toEqualTypeOf<GroupView>();
		expectTypeOf<ApiAnswer<'POST', '/sync/push'>>().toEqualTypeOf<PushResponse>();
		expectTypeOf<ApiAnswer<'GET', '/sync/pull'>>().toEqualTypeOf<PullResponse>();
		expectTypeOf<ApiAnswer<'DELETE', '/groups/:id'>>().toEqualTypeOf<null>();
		// Typed only, never called: the type check (npm run check) holds these.
		// @ts-expect-error a template with :names is no path until apiPath fills it in
		void (() => api.callApi('GET', '/groups/:id'));
		// @ts-expect-error a kindergarten's body is its name
		void (() => api.callApi('POST', '/kindergartens', { title: 'x' }));
		// @ts-expect-error no route answers PUT /kindergartens
		void (() => api.callApi('PUT', '/kindergartens', { name: 'x' }));
		// @ts-expect-error postJson takes only routes that answer POST
		void (() => api.postJson('/me', '{}'));
		// Those names are types: the module's code is the three functions (postJson: a push's body
		// written once and gzipped; getStreamed: a pull read as it arrives; issue 18).
		expect(Object.keys(api).sort()).toEqual(['callApi', 'getStreamed', 'postJson']);
	});

	it('fills in a route’s :names, encoded, and its query', () => {
		expect(apiPath('/kindergartens/:id/groups', { id: 'a/b c' })).toBe(
			'/kindergartens/a%2Fb%20c/groups'
		);
		const query = { cursor: '0', clientId: 'c', protocol: '1', schema: '2' };
		expect(apiPath('/sync/pull', {}, query)).toBe(
			'/sync/pull?cursor=0&clientId=c&protocol=1&schema=2'
		);
	});
});

/**
 * A server answering `fetch` with a body the test sends chunk by chunk; aborting the request
 * breaks the body as the browser's fetch does.
 */
function answeringServer(status = 200) {
	let body!: ReadableStreamDefaultController<Uint8Array>;
	const fetch = vi.fn((_url: string, init?: RequestInit) => {
		const stream = new ReadableStream<Uint8Array>({ start: (c) => void (body = c) });
		init?.signal?.addEventListener('abort', () =>
			body.error(new DOMException('The operation was aborted.', 'AbortError'))
		);
		return Promise.resolve(
			new Response(stream, { status, headers: { 'content-type': 'application/json' } })
		);
	});
	vi.stubGlobal('fetch', fetch);
	const encoder = new TextEncoder();
	return {
		send: (text: string) => body.enqueue(encoder.encode(text)),
		end: () => body.close(),
		breakOff: () => body.error(new TypeError('network error'))
	};
}

const PULL = '/sync/pull?cursor=0&clientId=c&protocol=1&schema=2' as Parameters<
	typeof api.getStreamed
>[0];
const PAGE = JSON.stringify({ changes: [], head: 7, cursor: 7, hasMore: false });

describe('an answer read as it arrives (a pull on a slow line, issue 18)', () => {
	afterEach(() => {
		vi.useRealTimers();
		vi.unstubAllGlobals();
	});

	it('is never given up while bytes keep coming, however long it takes in all', async () => {
		vi.useFakeTimers();
		const server = answeringServer();
		const heard: number[] = [];
		const answer = api.getStreamed(PULL, { stallMs: 30_000, onBytes: (b) => heard.push(b) });
		// Ten pieces, 20 s apart: 200 s in all, each piece within the 30 s a stall is given.
		const pieces = PAGE.match(/.{1,8}/g)!;
		for (const piece of pieces) {
			await vi.advanceTimersByTimeAsync(20_000);
			server.send(piece);
		}
		server.end();
		expect(await answer).toEqual({ ok: true, status: 200, data: JSON.parse(PAGE) as unknown });
		expect(heard.at(-1)).toBe(PAGE.length);
		expect(heard).toEqual([...heard].sort((a, b) => a - b));
		expect(heard.length).toBe(pieces.length);
	});

	it('is given up as stalled when nothing arrives for the stall time, and the caller retries', async () => {
		vi.useFakeTimers();
		const server = answeringServer();
		const answer = api.getStreamed(PULL, { stallMs: 30_000 });
		await vi.advanceTimersByTimeAsync(1_000);
		server.send(PAGE.slice(0, 10));
		await vi.advanceTimersByTimeAsync(29_999);
		let settled = false;
		void answer.then(() => (settled = true));
		await vi.advanceTimersByTimeAsync(0);
		expect(settled).toBe(false);
		await vi.advanceTimersByTimeAsync(1);
		expect(await answer).toEqual({ ok: false, status: 0, reason: 'stalled', fields: {} });
	});

	it('is a lost network, never a success, when the connection breaks mid-answer', async () => {
		const server = answeringServer();
		const answer = api.getStreamed(PULL, { stallMs: 30_000 });
		await Promise.resolve();
		server.send(PAGE.slice(0, 10));
		server.breakOff();
		expect(await answer).toEqual({ ok: false, status: 0, reason: 'offline', fields: {} });
	});
});

describe('an answer read whole', () => {
	afterEach(() => vi.unstubAllGlobals());

	it('is a lost network, never a success with no data, when the body breaks off', async () => {
		const server = answeringServer();
		const answer = api.callApi('GET', '/me');
		await Promise.resolve();
		server.send('{"user":');
		server.breakOff();
		expect(await answer).toEqual({ ok: false, status: 0, reason: 'offline', fields: {} });
	});

	it('is an unexpected answer when a success is not JSON (a proxy’s page)', async () => {
		const server = answeringServer();
		const answer = api.callApi('GET', '/me');
		await Promise.resolve();
		server.send('<html>Gateway</html>');
		server.end();
		expect(await answer).toEqual({
			ok: false,
			status: 200,
			reason: 'unexpected_answer',
			fields: {}
		});
	});
});
