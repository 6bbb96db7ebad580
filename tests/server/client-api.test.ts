import { afterAll, afterEach, beforeAll, expect, it, vi } from 'vitest';
import { uuidv7 } from '$lib/domain/ids';
import { callApi } from '$lib/client/api';
import { apiPath } from '$lib/client/api/path';
import { httpTransport } from '$lib/client/sync/http-transport';
import { PROTOCOL_VERSION, SCHEMA_VERSION } from '$lib/sync';
import {
	describeEachDatabase,
	PASSWORD,
	seedOwner,
	sessionCookieOf,
	startTestServer,
	type SeededOwner,
	type TestServer
} from './harness';
import { AT, planFields } from './sync-fixtures';

/**
 * The browser's client of the API (`callApi`, the sync engine's `httpTransport`) against the
 * real app: the paths it fills in from the route templates, the bodies and queries it sends and
 * the answers it reads are the server's, typed from the server's route definitions (ADR 17).
 * `fetch` is the browser's, handed to the app in-process with the session cookie a browser
 * would keep.
 */

describeEachDatabase('the browser’s API client', (dialect) => {
	let server: TestServer;
	let owner: SeededOwner;
	let cookie: string | null = null;
	const sent: string[] = [];

	beforeAll(async () => {
		server = await startTestServer(dialect);
		owner = await seedOwner(server, 'c');
	});
	afterAll(async () => server.close());

	beforeAll(() => {
		vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
			sent.push(`${init.method} ${url}`);
			const response = await server.request(init.method ?? 'GET', url, {
				headers: Object.fromEntries(new Headers(init.headers)),
				cookie,
				...(typeof init.body === 'string' ? { raw: init.body } : {})
			});
			cookie = sessionCookieOf(response) ?? cookie;
			return response;
		});
	});
	afterEach(() => void sent.splice(0));
	afterAll(() => vi.unstubAllGlobals());

	it('signs in, and calls a route whose :id `apiPath` fills in', async () => {
		const signedIn = await callApi('POST', '/auth/sign-in', {
			email: owner.users.manager.email,
			password: PASSWORD
		});
		expect(signedIn.ok && signedIn.data.user?.role).toBe('manager');

		const kg = owner.kindergartens[0]!;
		const one = await callApi('GET', apiPath('/kindergartens/:id', { id: kg.id }));
		const groups = await callApi('GET', apiPath('/kindergartens/:id/groups', { id: kg.id }));
		expect(sent).toEqual([
			'POST /api/v1/auth/sign-in',
			`GET /api/v1/kindergartens/${kg.id}`,
			`GET /api/v1/kindergartens/${kg.id}/groups`
		]);
		expect(one.ok && one.data.kindergarten.id).toBe(kg.id);
		expect(groups.ok && groups.data.groups.map((g) => g.id).sort()).toEqual([...kg.groups].sort());
	});

	it('answers a refusal as a value with the reason, and encodes what it puts in a path', async () => {
		const wrong = await callApi('GET', apiPath('/groups/:id', { id: '../kindergartens' }));
		expect(sent).toEqual(['GET /api/v1/groups/..%2Fkindergartens']);
		expect(wrong).toEqual({ ok: false, status: 404, reason: 'not_found', fields: {} });
		const path = apiPath('/kindergartens/:id/groups', { id: owner.kindergartens[0]!.id });
		const invalid = await callApi('POST', path, { name: 'Ny', ageMin: 4, ageMax: 2 });
		expect(invalid).toMatchObject({ ok: false, status: 422, reason: 'invalid_value' });
		expect(!invalid.ok && invalid.fields['ageMax']).toBe('age_max_before_min');
	});

	it('pushes a plan and pulls it back through the sync transport, with its query', async () => {
		const clientId = uuidv7();
		const recordId = uuidv7();
		const group = owner.kindergartens[0]!.groups[0]!;
		const pushed = await httpTransport.push({
			protocol: PROTOCOL_VERSION,
			schema: SCHEMA_VERSION,
			clientId,
			mutations: [
				{
					id: 1,
					recordId,
					type: 'plan',
					op: 'put',
					baseRev: null,
					fields: planFields(group),
					at: AT
				}
			]
		});
		expect(pushed.ok && pushed.data.results.map((r) => r.status)).toEqual(['applied']);
		const pulled = await httpTransport.pull({
			cursor: 0,
			clientId,
			protocol: PROTOCOL_VERSION,
			schema: SCHEMA_VERSION
		});
		expect(sent[1]).toBe(
			`GET /api/v1/sync/pull?cursor=0&clientId=${clientId}&protocol=${PROTOCOL_VERSION}&schema=${SCHEMA_VERSION}`
		);
		expect(pulled.ok && pulled.data.changes.map((c) => c.recordId)).toContain(recordId);
	});
});
