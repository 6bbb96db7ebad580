import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from '$lib/domain/ids';
import { BODY_LIMIT_BYTES } from '$lib/server/api/http';
import type { Role } from '$lib/server/db';
import {
	describeEachDatabase,
	PASSWORD,
	seedOwner,
	signIn,
	startTestServer,
	type RequestOptions,
	type SeededOwner,
	type TestServer
} from './harness';
import { expectUnchanged, snapshot } from './snapshot';
import { AT, planFields, TestClient } from './sync-fixtures';
import { MAX_PUSH_BYTES } from '$lib/sync';

/**
 * The bad-input battery (docs/design/bad-input.md): every endpoint that reads a body, fed malformed
 * and truncated JSON, the wrong kind of JSON, wrong types, extra and missing fields, long strings,
 * oversized bodies and the wrong content type, by a caller allowed to call it. Each answer is
 * the documented 4xx with a JSON reason, never a 5xx, and nothing changes: not the data, not
 * the sessions, not the audit log.
 */

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Body = Record<string, Json>;
type Expected = [status: number, code: string];

type FieldKind = 'text' | 'number' | 'boolean' | 'id' | 'role' | 'array';

interface FieldSpec {
	kind: FieldKind;
	required: boolean;
	/** The answer to a 10,000-character string in this field, and the field's code. */
	long: Expected;
	/** The answer to text holding NUL or a lone surrogate (default: 400 invalid_character). */
	badText?: Expected;
}

interface Fixture {
	owner: SeededOwner;
	invitationToken: string;
	/** An unresolved sync conflict in the staff's kindergarten. */
	conflictId: string;
}

interface BodyEndpoint {
	method: 'POST' | 'PATCH';
	path: (f: Fixture) => string;
	/** Who may call it (null: anyone, signed in or not). */
	caller: Role | null;
	/** A body that parses; the battery spoils one thing at a time. */
	valid: (f: Fixture) => Body;
	fields: Record<string, FieldSpec>;
	/** The body limit in bytes, when not the API's default (BODY_LIMIT_BYTES). */
	limit?: number;
	/** Cases of this endpoint's own, beside the battery. */
	more?: Case[];
}

const text = (long: Expected, badText?: Expected): FieldSpec => ({
	kind: 'text',
	required: true,
	long,
	...(badText ? { badText } : {})
});
const optional = (spec: FieldSpec): FieldSpec => ({ ...spec, required: false });
const TOO_LONG: Expected = [422, 'too_long'];
const INVALID_ID: Expected = [400, 'invalid_id'];
const number: FieldSpec = { kind: 'number', required: true, long: [400, 'Invalid input'] };
const role: FieldSpec = { kind: 'role', required: true, long: [400, 'Invalid input'] };
const id: FieldSpec = { kind: 'id', required: false, long: INVALID_ID };
const array: FieldSpec = { kind: 'array', required: true, long: [400, 'Invalid input'] };

/** A valid mutation: a new plan in the staff's group. */
const newPlan = (f: Fixture) => ({
	id: 1,
	recordId: uuidv7(),
	type: 'plan',
	op: 'put',
	baseRev: null,
	fields: planFields(f.owner.kindergartens[0]!.groups[0]!),
	at: AT
});

/** The push body with its one mutation spoiled. */
const spoiled =
	(change: Record<string, Json | undefined>) =>
	(v: Body): RequestOptions => {
		const [first] = v['mutations'] as Body[];
		const mutation = Object.fromEntries(
			Object.entries({ ...first, ...change }).filter(([, value]) => value !== undefined)
		) as Body;
		return { body: { ...v, mutations: [mutation] } };
	};

const SYNC_CASES: Case[] = [
	...(
		[
			['a bad record id', { recordId: 'abc' }, 'mutations.recordId', 'invalid_id'],
			['a record id that is a number', { recordId: 42 }, 'mutations.recordId', 'invalid_type'],
			['no record id', { recordId: undefined }, 'mutations.recordId'],
			['an unknown record type', { type: 'user' }, 'mutations.type', 'invalid_option'],
			['an unknown operation', { op: 'update' }, 'mutations.op', 'invalid_option'],
			['a base revision as text', { baseRev: '3' }, 'mutations.baseRev', 'invalid_type'],
			['a mutation id as text', { id: '1' }, 'mutations.id', 'invalid_type'],
			['fields as a list', { fields: [] }, 'mutations.fields'],
			['fields as text', { fields: 'title' }, 'mutations.fields', 'invalid_type'],
			[
				'a field name of 65 characters',
				{ fields: { ['x'.repeat(65)]: 1 } },
				`mutations.fields.${'x'.repeat(65)}`,
				'invalid_key'
			],
			['a time that is not one', { at: 'i går' }, 'mutations.at', 'invalid_format'],
			['no time', { at: undefined }, 'mutations.at'],
			['an extra key in the mutation', { clientId: uuidv7() }, 'mutations', 'unknown_field']
		] as Array<[string, Record<string, Json | undefined>, string, string?]>
	).map(([name, change, field, code]): Case => ({
		name: `a mutation with ${name}`,
		options: spoiled(change),
		expected: [400, 'invalid_body'],
		field: [field, code]
	})),
	...(
		[
			['a negative mutation id', { id: -1 }, 'mutations.id', 'too_small'],
			['a fractional mutation id', { id: 1.5 }, 'mutations.id', 'not_integer'],
			['a negative base revision', { baseRev: -3 }, 'mutations.baseRev', 'too_small']
		] as Array<[string, Record<string, Json>, string, string]>
	).map(([name, change, field, code]): Case => ({
		name: `a mutation with ${name}`,
		options: spoiled(change),
		expected: [422, 'invalid_value'],
		field: [field, code]
	})),
	...(['null', '42', '"put"', '[]'] as const).map((item): Case => ({
		name: `a mutation that is ${item}`,
		options: (v) => raw(JSON.stringify({ ...v, mutations: [] }).replace('[]', `[${item}]`)),
		expected: [400, 'invalid_body'],
		field: ['mutations']
	}))
];

const ENDPOINTS: Record<string, BodyEndpoint> = {
	'sign-in': {
		method: 'POST',
		path: () => '/api/v1/auth/sign-in',
		caller: null,
		valid: (f) => ({ email: f.owner.users.staff.email, password: 'not the password' }),
		fields: { email: text(TOO_LONG), password: text(TOO_LONG) }
	},
	'kindergarten create': {
		method: 'POST',
		path: () => '/api/v1/kindergartens',
		caller: 'ownerAdmin',
		valid: () => ({ name: 'Ny barnehage' }),
		fields: { name: text(TOO_LONG) }
	},
	'kindergarten rename': {
		method: 'PATCH',
		path: (f) => `/api/v1/kindergartens/${f.owner.kindergartens[1]!.id}`,
		caller: 'ownerAdmin',
		valid: () => ({ name: 'Nytt navn' }),
		fields: { name: text(TOO_LONG) }
	},
	'group create': {
		method: 'POST',
		path: (f) => `/api/v1/kindergartens/${f.owner.kindergartens[1]!.id}/groups`,
		caller: 'ownerAdmin',
		valid: () => ({ name: 'Ny avdeling', ageMin: 1, ageMax: 3 }),
		fields: { name: text(TOO_LONG), ageMin: number, ageMax: number }
	},
	'group update': {
		method: 'PATCH',
		path: (f) => `/api/v1/groups/${f.owner.kindergartens[1]!.groups[1]!}`,
		caller: 'ownerAdmin',
		valid: () => ({ name: 'Omdøpt avdeling', ageMin: 2, ageMax: 4 }),
		fields: { name: text(TOO_LONG), ageMin: number, ageMax: number }
	},
	'user update': {
		method: 'PATCH',
		path: (f) => `/api/v1/users/${f.owner.users.staff.id}`,
		caller: 'ownerAdmin',
		valid: (f) => ({
			role: 'manager',
			kindergartenId: f.owner.kindergartens[1]!.id,
			groupId: null,
			disabled: true
		}),
		fields: {
			role: optional(role),
			kindergartenId: id,
			groupId: id,
			disabled: { kind: 'boolean', required: false, long: [400, 'Invalid input'] }
		}
	},
	'invitation create': {
		method: 'POST',
		path: () => '/api/v1/invitations',
		caller: 'ownerAdmin',
		valid: (f) => ({
			role: 'staff',
			kindergartenId: f.owner.kindergartens[0]!.id,
			groupId: null,
			displayName: 'Ny ansatt'
		}),
		fields: { role, kindergartenId: id, groupId: id, displayName: text(TOO_LONG) }
	},
	'invitation lookup': {
		method: 'POST',
		path: () => '/api/v1/invitations/lookup',
		caller: null,
		valid: (f) => ({ token: f.invitationToken }),
		fields: { token: text(TOO_LONG) }
	},
	'sync push': {
		method: 'POST',
		path: () => '/api/v1/sync/push',
		// Not staff: the battery's valid user update disables the staff member.
		caller: 'manager',
		// A fresh client for every case: the valid body would be taken once per client.
		valid: (f) => ({ protocol: 1, schema: 1, clientId: uuidv7(), mutations: [newPlan(f)] }),
		fields: {
			protocol: number,
			schema: number,
			clientId: { ...id, required: true },
			mutations: array
		},
		limit: MAX_PUSH_BYTES,
		more: SYNC_CASES
	},
	'sync conflict resolve': {
		method: 'POST',
		path: (f) => `/api/v1/sync/conflicts/${f.conflictId}/resolve`,
		caller: 'manager',
		valid: () => ({ choice: 'theirs' }),
		fields: { choice: role }
	},
	'invitation accept': {
		method: 'POST',
		path: () => '/api/v1/invitations/accept',
		caller: null,
		valid: (f) => ({
			token: f.invitationToken,
			email: 'ny.ansatt@test.lekeplan.no',
			password: 'et langt nok passord',
			displayName: 'Ny Ansatt'
		}),
		fields: {
			token: text(TOO_LONG),
			email: text(TOO_LONG, [422, 'invalid_email']),
			password: text([422, 'password_too_long']),
			displayName: optional(text(TOO_LONG))
		}
	}
};

/** Values of the wrong type for each kind of field. */
const WRONG_TYPES: Record<FieldKind, Json[]> = {
	text: [42, true, null, ['text'], { text: 'text' }],
	number: ['3', true, null, [3], { value: 3 }],
	boolean: [{}, 'true', 1, null, [true]],
	id: [42, true, {}, [uuidv7()]],
	role: [42, true, null, {}, ['staff']],
	array: [42, 'text', null, {}, true]
};

interface Case {
	name: string;
	options: (valid: Body) => RequestOptions;
	expected: Expected;
	/** A field the error must name, with its code when it is known. */
	field?: [string, string?];
}

const JSON_TYPE = { 'content-type': 'application/json' };
const raw = (
	body: string | Uint8Array | ReadableStream<Uint8Array>,
	headers: Record<string, string> = JSON_TYPE
) => ({
	raw: body,
	headers
});

/**
 * A body sent in chunks with no declared length (`Transfer-Encoding: chunked`), `text` and then
 * `extra` more bytes of spaces. The server must read it to its end to answer (adapter-node
 * resets the connection of a body whose stream is cancelled): a cancel fails the request.
 */
function chunked(text: string, extra: number): ReadableStream<Uint8Array> {
	const chunks = [new TextEncoder().encode(text)];
	for (let left = extra; left > 0; left -= 64 * 1024) {
		chunks.push(new Uint8Array(Math.min(left, 64 * 1024)).fill(0x20));
	}
	return new ReadableStream<Uint8Array>({
		pull(controller) {
			const next = chunks.shift();
			if (next) controller.enqueue(next);
			else controller.close();
		},
		cancel() {
			throw new Error('the body was cancelled (a reset), not read to its end');
		}
	});
}

/** The battery for one endpoint: every way its body can be wrong. */
function casesFor(endpoint: BodyEndpoint): Case[] {
	const cases: Case[] = [];
	const add = (name: string, options: Case['options'], expected: Expected, field?: Case['field']) =>
		cases.push({ name, options, expected, ...(field ? { field } : {}) });
	const malformed: Expected = [400, 'malformed_json'];
	const invalid: Expected = [400, 'invalid_body'];

	add('malformed JSON', () => raw('{'), malformed);
	add('truncated JSON', () => raw('{"name": "Ab'), malformed);
	add('the valid body, truncated', (v) => raw(JSON.stringify(v).slice(0, -1)), malformed);
	add('an empty body', () => raw(''), malformed);
	add('no body at all', () => ({ headers: JSON_TYPE }), malformed);
	add('single quotes', () => raw("{'name': 'Ab'}"), malformed);
	add('a trailing comma', (v) => raw(`${JSON.stringify(v).slice(0, -1)},}`), malformed);
	add('two documents', (v) => raw(`${JSON.stringify(v)}${JSON.stringify(v)}`), malformed);
	add('invalid UTF-8', () => raw(new Uint8Array([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d])), malformed);

	for (const [kind, body] of [
		['an array', '[]'],
		['the valid body in an array', null],
		['a string', '"text"'],
		['null', 'null'],
		['a number', '42'],
		['a boolean', 'true'],
		['deeply nested arrays', `${'['.repeat(20_000)}${']'.repeat(20_000)}`]
	] as const) {
		add(`JSON of the wrong kind: ${kind}`, (v) => raw(body ?? `[${JSON.stringify(v)}]`), invalid);
	}

	for (const [field, spec] of Object.entries(endpoint.fields)) {
		for (const wrong of WRONG_TYPES[spec.kind]) {
			add(
				`${field}: ${JSON.stringify(wrong)} (wrong type)`,
				(v) => ({ body: { ...v, [field]: wrong } }),
				invalid,
				[field]
			);
		}
		if (spec.required) {
			add(
				`${field} missing`,
				(v) => ({ body: Object.fromEntries(Object.entries(v).filter(([k]) => k !== field)) }),
				invalid,
				[field]
			);
		}
		const [longStatus, longCode] = spec.long;
		add(
			`${field}: a 10,000-character string`,
			(v) => ({ body: { ...v, [field]: 'x'.repeat(10_000) } }),
			[longStatus, longStatus === 400 ? 'invalid_body' : 'invalid_value'],
			[field, longCode === 'Invalid input' ? undefined : longCode]
		);
		if (spec.kind === 'text') {
			const [status, code] = spec.badText ?? [400, 'invalid_character'];
			const reason = status === 400 ? 'invalid_body' : 'invalid_value';
			/** The valid value with a character slipped in after its first. */
			const spoil = (v: Body, char: string) => {
				const value = v[field];
				return (typeof value === 'string' ? value : 'Ab').replace(/^(.)/, `$1${char}`);
			};
			for (const [label, char] of [
				['NUL', '\u0000'],
				['a lone surrogate', '\ud800']
			] as const) {
				add(
					`${field}: text with ${label}`,
					(v) => ({ body: { ...v, [field]: spoil(v, char) } }),
					[status, reason],
					[field, code]
				);
			}
		}
	}

	add('an extra field', (v) => ({ body: { ...v, extra: true } }), invalid);
	add('an extra ownerId', (v) => ({ body: { ...v, ownerId: uuidv7() } }), invalid);
	add('an extra id', (v) => ({ body: { ...v, id: uuidv7() } }), invalid);
	add(
		'a __proto__ key',
		(v) => raw(`{"__proto__":{"role":"ownerAdmin"},${JSON.stringify(v).slice(1)}`),
		invalid
	);

	const tooLarge: Expected = [413, 'body_too_large'];
	const padding = (v: Body, char: string, count: number) => ({ ...v, padding: char.repeat(count) });
	const limit = endpoint.limit ?? BODY_LIMIT_BYTES;
	const over = limit + 6000;
	const kb = `${Math.round(over / 1000)} KB`;
	add(`a ${kb} body`, (v) => raw(JSON.stringify(padding(v, 'x', over))), tooLarge);
	add(
		`a ${kb} body that says so in Content-Length`,
		(v) => {
			const body = JSON.stringify(padding(v, 'x', over));
			return raw(body, { ...JSON_TYPE, 'content-length': String(Buffer.byteLength(body)) });
		},
		tooLarge
	);
	add(
		`a chunked body (no Content-Length) ${kb} long`,
		(v) => raw(chunked(JSON.stringify(v), over)),
		tooLarge
	);
	add(
		'a body over the limit in bytes, not in characters',
		(v) => raw(JSON.stringify(padding(v, 'ø', Math.ceil(limit * 0.6)))),
		tooLarge
	);

	const unsupported: Expected = [415, 'unsupported_media_type'];
	for (const type of [
		'text/plain',
		'application/x-www-form-urlencoded',
		'multipart/form-data; boundary=x',
		'text/json',
		'application/json-patch+json',
		'application/jsonp'
	]) {
		add(
			`content-type ${type}`,
			(v) =>
				raw(
					type.startsWith('application/x-www')
						? new URLSearchParams(v as Record<string, string>).toString()
						: JSON.stringify(v),
					{ 'content-type': type }
				),
			unsupported
		);
	}
	// A string body gets text/plain from fetch; bytes go without any content-type at all.
	add('no content-type', (v) => raw(new TextEncoder().encode(JSON.stringify(v)), {}), unsupported);
	add('the default content-type of a string body', (v) => raw(JSON.stringify(v), {}), unsupported);
	cases.push(...(endpoint.more ?? []));
	return cases;
}

interface ErrorBody {
	error: { status: number; reason: string; fields?: Record<string, string> };
}

/** The documented 4xx, as JSON with a reason, never a 5xx. */
async function expectError(
	response: Response,
	[status, reason]: Expected,
	label: string
): Promise<ErrorBody['error']> {
	const text = await response.text();
	expect(response.status, `${label}: ${text}`).toBe(status);
	expect(response.status).toBeLessThan(500);
	expect(response.headers.get('content-type')).toMatch(/^application\/json/);
	const body = JSON.parse(text) as ErrorBody;
	expect(body.error.status).toBe(status);
	expect(body.error.reason, `${label}: ${text}`).toBe(reason);
	return body.error;
}

/** Any id: a pull must refuse an owner in its query, whoever's it is. */
const fixtureOwner = () => uuidv7();

describeEachDatabase('bad input', (dialect) => {
	let server: TestServer;
	let fixture: Fixture;
	const cookies: Partial<Record<Role, string>> = {};

	const call = (method: string, path: string, options: RequestOptions = {}, as?: Role | null) =>
		server.request(method, path, {
			...options,
			cookie: as ? cookies[as]! : null,
			address: '10.1.1.1'
		});

	/** Sends a request and checks the answer and that nothing whatever changed. */
	async function refused(
		label: string,
		send: () => Promise<Response>,
		expected: Expected,
		field?: Case['field']
	): Promise<ErrorBody['error']> {
		const before = await snapshot(server, { sessions: true });
		const error = await expectError(await send(), expected, label);
		if (field) {
			const [name, code] = field;
			expect(error.fields, `${label}: fields`).toHaveProperty([name]);
			if (code) expect(error.fields?.[name], `${label}: field code`).toBe(code);
		}
		await expectUnchanged(server, before, { message: label });
		return error;
	}

	beforeAll(async () => {
		server = await startTestServer(dialect);
		const owner = await seedOwner(server, 'a');
		for (const role of ['ownerAdmin', 'manager', 'staff', 'parent'] as const) {
			cookies[role] = await signIn(server, owner.users[role].email);
		}
		const invited = await server.request('POST', '/api/v1/invitations', {
			cookie: cookies.ownerAdmin!,
			body: { role: 'staff', kindergartenId: owner.kindergartens[0]!.id, displayName: 'Invitert' }
		});
		expect(invited.status).toBe(201);
		const { invitation } = (await invited.json()) as { invitation: { token: string } };
		// A text conflict: two tablets change a plan's goals from the same base.
		const one = new TestClient(server, cookies.staff!);
		const two = new TestClient(server, cookies.manager!);
		const planId = uuidv7();
		const groupId = owner.kindergartens[0]!.groups[0]!;
		const { results } = await one.push([one.put(planId, null, planFields(groupId))]);
		await one.push([one.put(planId, results[0]!.rev!, { goals: 'En' })]);
		await two.push([two.put(planId, results[0]!.rev!, { goals: 'To' })]);
		const conflicts = await server.deps.db.selectFrom('syncConflicts').select('id').execute();
		expect(conflicts).toHaveLength(1);
		fixture = { owner, invitationToken: invitation.token, conflictId: conflicts[0]!.id };
	});
	afterAll(async () => server.close());

	for (const [name, endpoint] of Object.entries(ENDPOINTS)) {
		describe(`${name}: ${endpoint.method}`, () => {
			for (const c of casesFor(endpoint)) {
				it(`${c.name} → ${c.expected.join(' ')}`, async () => {
					const path = endpoint.path(fixture);
					const options = c.options(endpoint.valid(fixture));
					await refused(
						`${endpoint.method} ${path} ${c.name}`,
						() => call(endpoint.method, path, options, endpoint.caller),
						c.expected,
						c.field
					);
				});
			}
		});
	}

	it('still accepts each valid body (so the refusals above are about the spoiled part)', async () => {
		for (const [name, endpoint] of Object.entries(ENDPOINTS)) {
			if (name === 'sign-in' || name === 'invitation accept') continue;
			const response = await call(
				endpoint.method,
				endpoint.path(fixture),
				{ body: endpoint.valid(fixture) },
				endpoint.caller
			);
			expect(response.status, name).toBeLessThan(300);
		}
	});

	describe('ids in paths', () => {
		const BAD_IDS = [
			'abc',
			'123',
			'not-a-uuid',
			'01890a5d-ac96-774b-bcce-b302099a8057x',
			'01890A5D-AC96-774B-BCCE-B302099A8057',
			'01890a5dac96774bbccee302099a8057',
			"1'%20OR%20'1'%3D'1",
			'%E0%A4%A',
			'%',
			'%ZZ',
			'%00',
			'%2F..%2F..%2Fetc%2Fpasswd',
			'%F0%9F%98%80',
			'x'.repeat(5000)
		];
		const ID_ROUTES: Array<[string, string, Body | undefined, Role?]> = [
			['GET', '/api/v1/kindergartens/:id', undefined],
			['PATCH', '/api/v1/kindergartens/:id', { name: 'Nytt navn' }],
			['DELETE', '/api/v1/kindergartens/:id', undefined],
			['GET', '/api/v1/kindergartens/:id/groups', undefined],
			['POST', '/api/v1/kindergartens/:id/groups', { name: 'Ny', ageMin: 1, ageMax: 3 }],
			['GET', '/api/v1/groups/:id', undefined],
			['PATCH', '/api/v1/groups/:id', { name: 'Ny', ageMin: 1, ageMax: 3 }],
			['DELETE', '/api/v1/groups/:id', undefined],
			['PATCH', '/api/v1/users/:id', { role: 'staff' }],
			['DELETE', '/api/v1/invitations/:id', undefined],
			['POST', '/api/v1/sync/conflicts/:id/resolve', { choice: 'theirs' }, 'manager']
		];
		for (const [method, route, body, as = 'ownerAdmin'] of ID_ROUTES) {
			it(`${method} ${route}: an id that is not a UUID is 404 not_found`, async () => {
				for (const bad of BAD_IDS) {
					const path = route.replace(':id', bad);
					await refused(
						`${method} ${path.slice(0, 80)}`,
						() => call(method, path, body ? { body } : {}, as),
						[404, 'not_found']
					);
				}
			});
		}
	});

	it('answers 404 not_found for unknown paths, signed in or not', async () => {
		const kg = fixture.owner.kindergartens[0]!;
		for (const path of [
			'/api/v1/nope',
			'/api/v1',
			'/api/v1/',
			'/api/v2/kindergartens',
			'/api/v1/kindergartens/',
			'/api/v1/KINDERGARTENS',
			'/api/v1/groups',
			'/api/v1/kindergartens//groups',
			`/api/v1/kindergartens/${kg.id}/groups/${kg.groups[0]!}`,
			`/api/v1/kindergartens/${kg.id}/`,
			'/api/v1/me/',
			'/api/v1/invitations/lookup/extra',
			'/api/v1/auth',
			'/api/v1/auth/sign-in/',
			'/api/v1/audit.json'
		]) {
			for (const as of [null, 'ownerAdmin'] as const) {
				for (const method of ['GET', 'POST', 'DELETE']) {
					await refused(
						`${method} ${path} as ${as ?? 'anonymous'}`,
						() => call(method, path, method === 'POST' ? { body: { name: 'x' } } : {}, as),
						[404, 'not_found']
					);
				}
			}
		}
	});

	it('answers 405 method_not_allowed with an Allow header, before asking who calls', async () => {
		const kg = fixture.owner.kindergartens[0]!;
		const someId = uuidv7();
		const cases: Array<[string, string, string]> = [
			['PUT', '/api/v1/kindergartens', 'GET, POST'],
			['DELETE', '/api/v1/kindergartens', 'GET, POST'],
			['PATCH', '/api/v1/kindergartens', 'GET, POST'],
			['PUT', `/api/v1/kindergartens/${kg.id}`, 'GET, PATCH, DELETE'],
			['POST', `/api/v1/kindergartens/${kg.id}`, 'GET, PATCH, DELETE'],
			['DELETE', `/api/v1/kindergartens/${kg.id}/groups`, 'GET, POST'],
			['PATCH', `/api/v1/kindergartens/${kg.id}/groups`, 'GET, POST'],
			['POST', `/api/v1/groups/${kg.groups[0]!}`, 'GET, PATCH, DELETE'],
			['POST', '/api/v1/users', 'GET'],
			['GET', `/api/v1/users/${someId}`, 'PATCH'],
			['DELETE', `/api/v1/users/${someId}`, 'PATCH'],
			['PATCH', '/api/v1/invitations', 'GET, POST'],
			['GET', `/api/v1/invitations/${someId}`, 'DELETE'],
			['GET', '/api/v1/invitations/lookup', 'POST'],
			['GET', '/api/v1/invitations/accept', 'POST'],
			// The static path is matched before `/invitations/:id`, whose DELETE it is not.
			['DELETE', '/api/v1/invitations/lookup', 'POST'],
			['DELETE', '/api/v1/invitations/accept', 'POST'],
			['GET', '/api/v1/auth/sign-in', 'POST'],
			['DELETE', '/api/v1/auth/sign-out', 'POST'],
			['POST', '/api/v1/audit', 'GET'],
			['POST', '/api/v1/me', 'GET'],
			['HEAD', '/api/v1/me', 'GET'],
			['GET', '/api/v1/sync/push', 'POST'],
			['PUT', '/api/v1/sync/push', 'POST'],
			['POST', '/api/v1/sync/pull', 'GET'],
			['DELETE', '/api/v1/sync/conflicts', 'GET'],
			['GET', `/api/v1/sync/conflicts/${someId}/resolve`, 'POST'],
			['OPTIONS', '/api/v1/kindergartens', 'GET, POST']
		];
		for (const [method, path, allow] of cases) {
			for (const as of [null, 'ownerAdmin'] as const) {
				const before = await snapshot(server, { sessions: true });
				const response = await call(method, path, {}, as);
				await expectError(response, [405, 'method_not_allowed'], `${method} ${path}`);
				expect(response.headers.get('allow'), `${method} ${path}`).toBe(allow);
				await expectUnchanged(server, before);
			}
		}
	});

	describe('the sync pull’s query: 400 invalid_query, naming the parameter', () => {
		const clientId = uuidv7();
		const query = (params: Record<string, string | string[] | null>) => {
			const all: Record<string, string | string[] | null> = {
				cursor: '0',
				protocol: '1',
				schema: '1',
				clientId,
				...params
			};
			const search = new URLSearchParams();
			for (const [key, value] of Object.entries(all)) {
				for (const v of value === null ? [] : Array.isArray(value) ? value : [value]) {
					search.append(key, v);
				}
			}
			return `/api/v1/sync/pull?${search.toString()}`;
		};
		const BAD_NUMBERS = [
			'',
			'-1',
			'1.5',
			'1.0',
			'abc',
			'1e3',
			'0x10',
			'+1',
			'01',
			' 1',
			'1 ',
			'99999999999999999999',
			'9007199254740993',
			'NaN',
			'Infinity',
			'\u0000',
			'１'
		];
		const CASES: Array<[string, Record<string, string | string[] | null>, string, string]> = [
			['no cursor', { cursor: null }, 'cursor', 'required'],
			...BAD_NUMBERS.map((bad): [string, Record<string, string>, string, string] => [
				`cursor ${JSON.stringify(bad)}`,
				{ cursor: bad },
				'cursor',
				'not_whole_number'
			]),
			['two cursors', { cursor: ['0', '5'] }, 'cursor', 'duplicate'],
			['no protocol', { protocol: null }, 'protocol', 'required'],
			['protocol "one"', { protocol: 'one' }, 'protocol', 'not_whole_number'],
			['no schema', { schema: null }, 'schema', 'required'],
			['schema "1.5"', { schema: '1.5' }, 'schema', 'not_whole_number'],
			['no client id', { clientId: null }, 'clientId', 'required'],
			['a client id that is not one', { clientId: 'abc' }, 'clientId', 'invalid_id'],
			['an unknown parameter', { since: '0' }, 'since', 'unknown_field'],
			['an ownerId', { ownerId: fixtureOwner() }, 'ownerId', 'unknown_field'],
			['a kindergartenId', { kindergartenId: uuidv7() }, 'kindergartenId', 'unknown_field']
		];
		for (const [name, params, field, code] of CASES) {
			it(`${name} → 400 invalid_query`, async () => {
				const error = await refused(name, () => call('GET', query(params), {}, 'manager'), [
					400,
					'invalid_query'
				]);
				expect(error.fields?.[field], JSON.stringify(error.fields)).toBe(code);
			});
		}

		it('still answers the valid query (so the refusals above are about the spoiled part)', async () => {
			const response = await call('GET', query({}), {}, 'manager');
			expect(response.status).toBe(200);
		});

		it('answers a cursor from the future with 400 cursor_from_future', async () => {
			await refused(
				'cursor 10^15',
				() => call('GET', query({ cursor: '1000000000000000', clientId: uuidv7() }), {}, 'manager'),
				[400, 'cursor_from_future']
			);
		});
	});

	describe('rules of meaning: 422 invalid_value', () => {
		const group = () => `/api/v1/groups/${fixture.owner.kindergartens[1]!.groups[0]!}`;
		const groups = () => `/api/v1/kindergartens/${fixture.owner.kindergartens[1]!.id}/groups`;

		it('refuses an age band whose upper end is not above its lower end', async () => {
			for (const [method, path] of [
				['POST', groups()],
				['PATCH', group()]
			] as const) {
				for (const [ageMin, ageMax] of [
					[3, 3],
					[4, 2],
					[5, 1]
				]) {
					const error = await refused(
						`${method} ages ${ageMin}-${ageMax}`,
						() => call(method, path, { body: { name: 'Avdeling', ageMin, ageMax } }, 'ownerAdmin'),
						[422, 'invalid_value']
					);
					expect(error.fields).toEqual({ ageMax: 'age_max_before_min' });
				}
			}
		});

		it('refuses ages out of range or not whole', async () => {
			for (const [body, fields] of [
				[{ ageMin: -1, ageMax: 3 }, { ageMin: 'too_small' }],
				[{ ageMin: 1, ageMax: 7 }, { ageMax: 'too_big' }],
				[{ ageMin: 1.5, ageMax: 3 }, { ageMin: 'not_integer' }],
				[{ ageMin: 6, ageMax: 6 }, { ageMin: 'too_big' }]
			] as const) {
				const error = await refused(
					`ages ${JSON.stringify(body)}`,
					() => call('POST', groups(), { body: { name: 'Avdeling', ...body } }, 'ownerAdmin'),
					[422, 'invalid_value']
				);
				expect(error.fields).toMatchObject(fields);
			}
		});

		it('refuses an empty or blank name', async () => {
			for (const name of ['', '   ', '\t\n']) {
				const error = await refused(
					`name ${JSON.stringify(name)}`,
					() => call('POST', '/api/v1/kindergartens', { body: { name } }, 'ownerAdmin'),
					[422, 'invalid_value']
				);
				expect(error.fields).toEqual({ name: 'required' });
			}
		});

		it('refuses a personal identity number in any name', async () => {
			const kgs = fixture.owner.kindergartens;
			const attempts: Array<[string, string, string, (name: string) => Body]> = [
				['POST', '/api/v1/kindergartens', 'name', (name) => ({ name })],
				['PATCH', `/api/v1/kindergartens/${kgs[1]!.id}`, 'name', (name) => ({ name })],
				['POST', groups(), 'name', (name) => ({ name, ageMin: 1, ageMax: 3 })],
				['PATCH', group(), 'name', (name) => ({ name, ageMin: 1, ageMax: 3 })],
				[
					'POST',
					'/api/v1/invitations',
					'displayName',
					(displayName) => ({ role: 'staff', kindergartenId: kgs[0]!.id, displayName })
				],
				[
					'POST',
					'/api/v1/invitations/accept',
					'displayName',
					(displayName) => ({
						token: fixture.invitationToken,
						email: 'pnr@test.lekeplan.no',
						password: 'et langt nok passord',
						displayName
					})
				]
			];
			for (const [method, path, field, body] of attempts) {
				for (const name of ['15076500565', 'Ole 15076500565', 'Ole 150765 00565']) {
					const error = await refused(
						`${method} ${path} ${field}=${name}`,
						() =>
							call(
								method,
								path,
								{ body: body(name) },
								path.endsWith('accept') ? null : 'ownerAdmin'
							),
						[422, 'invalid_value']
					);
					expect(error.fields).toEqual({ [field]: 'personal_number' });
				}
			}
		});

		it('refuses a password of 7 or 65 characters on accept, and the invitation stays open', async () => {
			for (const [password, code] of [
				['x'.repeat(7), 'password_too_short'],
				['x'.repeat(65), 'password_too_long']
			] as const) {
				const error = await refused(
					`password of ${password.length}`,
					() =>
						call('POST', '/api/v1/invitations/accept', {
							body: { token: fixture.invitationToken, email: 'kort@test.lekeplan.no', password }
						}),
					[422, 'invalid_value']
				);
				expect(error.fields).toEqual({ password: code });
			}
			const lookup = await call('POST', '/api/v1/invitations/lookup', {
				body: { token: fixture.invitationToken }
			});
			expect(lookup.status).toBe(200);
		});

		it('refuses an email that is not one, and an empty token', async () => {
			const error = await refused(
				'email nope',
				() =>
					call('POST', '/api/v1/invitations/accept', {
						body: { token: fixture.invitationToken, email: 'nope', password: 'langt passord' }
					}),
				[422, 'invalid_value']
			);
			expect(error.fields).toEqual({ email: 'invalid_email' });
			const empty = await refused(
				'empty token',
				() => call('POST', '/api/v1/invitations/lookup', { body: { token: '' } }),
				[422, 'invalid_value']
			);
			expect(empty.fields).toEqual({ token: 'required' });
		});

		it('refuses scopes that do not fit the role, and changing one’s own access', async () => {
			const { owner } = fixture;
			const invitation = await refused(
				'owner admin with a kindergarten',
				() =>
					call(
						'POST',
						'/api/v1/invitations',
						{
							body: {
								role: 'ownerAdmin',
								kindergartenId: owner.kindergartens[0]!.id,
								displayName: 'X'
							}
						},
						'ownerAdmin'
					),
				[422, 'invalid_value']
			);
			expect(invitation.fields).toEqual({ kindergartenId: 'scope_not_allowed' });
			const parent = await refused(
				'parent without a group',
				() =>
					call(
						'POST',
						'/api/v1/invitations',
						{ body: { role: 'parent', displayName: 'X' } },
						'ownerAdmin'
					),
				[422, 'invalid_value']
			);
			expect(parent.fields).toEqual({ groupId: 'required' });
			const self = await refused(
				'own role',
				() =>
					call(
						'PATCH',
						`/api/v1/users/${owner.users.ownerAdmin.id}`,
						{ body: { role: 'staff', kindergartenId: owner.kindergartens[0]!.id } },
						'ownerAdmin'
					),
				[422, 'invalid_value']
			);
			expect(self.fields).toEqual({ _: 'cannot_change_own_access' });
		});

		it('refuses an empty change to a user as a body without content (400)', async () => {
			const error = await refused(
				'empty user change',
				() =>
					call(
						'PATCH',
						`/api/v1/users/${fixture.owner.users.staff.id}`,
						{ body: {} },
						'ownerAdmin'
					),
				[400, 'invalid_body']
			);
			expect(error.fields).toEqual({ _: 'empty_change' });
		});
	});

	describe('conflicts: 409', () => {
		it('does not say whether another account has an email: the invitation ends as if used', async () => {
			const invite = async () => {
				const made = await call(
					'POST',
					'/api/v1/invitations',
					{
						body: {
							role: 'staff',
							kindergartenId: fixture.owner.kindergartens[0]!.id,
							displayName: 'Ny'
						}
					},
					'ownerAdmin'
				);
				return ((await made.json()) as { invitation: { token: string } }).invitation.token;
			};
			// What a used invitation answers.
			const used = await invite();
			const first = await call('POST', '/api/v1/invitations/accept', {
				body: { token: used, email: 'ledig@test.lekeplan.no', password: PASSWORD }
			});
			expect(first.status).toBe(201);
			const again = await call('POST', '/api/v1/invitations/accept', {
				body: { token: used, email: 'ledig2@test.lekeplan.no', password: PASSWORD }
			});
			const usedAnswer = { status: again.status, body: await again.text() };
			expect(usedAnswer.status).toBe(404);

			for (const email of [
				fixture.owner.users.parent.email,
				fixture.owner.users.parent.email.toUpperCase()
			]) {
				const token = await invite();
				const taken = await call('POST', '/api/v1/invitations/accept', {
					body: { token, email, password: PASSWORD }
				});
				// Byte for byte what a used invitation answers: nothing about the email.
				expect({ status: taken.status, body: await taken.text() }).toEqual(usedAnswer);
				// And it is used up: a second try with a free email gets the same.
				const retry = await call('POST', '/api/v1/invitations/accept', {
					body: { token, email: `ny.${uuidv7()}@test.lekeplan.no`, password: PASSWORD }
				});
				expect(retry.status).toBe(404);
				const lookup = await call('POST', '/api/v1/invitations/lookup', { body: { token } });
				expect(lookup.status).toBe(404);
			}
		});

		it('refuses to delete a kindergarten that still has groups, or a group that has people', async () => {
			const { owner } = fixture;
			for (const kg of owner.kindergartens) {
				await refused(
					`delete kindergarten ${kg.id}`,
					() => call('DELETE', `/api/v1/kindergartens/${kg.id}`, {}, 'ownerAdmin'),
					[409, 'kindergarten_not_empty']
				);
			}
			await refused(
				'delete the parent’s group',
				() => call('DELETE', `/api/v1/groups/${owner.users.parent.groupId!}`, {}, 'ownerAdmin'),
				[409, 'group_not_empty']
			);
		});
	});

	it('takes a body exactly at the size limit, and refuses one byte more', async () => {
		const shell = JSON.stringify({ name: '' });
		const atLimit = JSON.stringify({ name: 'x'.repeat(BODY_LIMIT_BYTES - shell.length) });
		expect(Buffer.byteLength(atLimit)).toBe(BODY_LIMIT_BYTES);
		const overLimit = JSON.stringify({ name: 'x'.repeat(BODY_LIMIT_BYTES - shell.length + 1) });
		const within = await refused(
			'at the limit',
			() => call('POST', '/api/v1/kindergartens', raw(atLimit), 'ownerAdmin'),
			[422, 'invalid_value']
		);
		expect(within.fields).toEqual({ name: 'too_long' });
		await refused(
			'one byte over',
			() => call('POST', '/api/v1/kindergartens', raw(overLimit), 'ownerAdmin'),
			[413, 'body_too_large']
		);
	});

	it('revokes an invitation once: revoking again changes nothing', async () => {
		const invited = await call(
			'POST',
			'/api/v1/invitations',
			{
				body: {
					role: 'staff',
					kindergartenId: fixture.owner.kindergartens[0]!.id,
					displayName: 'Trekkes'
				}
			},
			'ownerAdmin'
		);
		const { invitation } = (await invited.json()) as { invitation: { id: string } };
		const path = `/api/v1/invitations/${invitation.id}`;
		expect((await call('DELETE', path, {}, 'ownerAdmin')).status).toBe(204);
		server.clock.advance(60_000);
		const before = await snapshot(server);
		expect((await call('DELETE', path, {}, 'ownerAdmin')).status).toBe(204);
		await expectUnchanged(server, before);
	});
});
