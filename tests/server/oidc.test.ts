import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOidcClient } from '$lib/server/auth/oidc-client';
import { oidcCookieKey, openOidcCookie, sealOidcCookie } from '$lib/server/auth/oidc-cookie';
import { OIDC_COOKIE, type OidcClient } from '$lib/server/auth/oidc';
import {
	describeEachDatabase,
	seedOwner,
	sessionCookieOf,
	signIn,
	startTestServer,
	type SeededOwner,
	type TestServer
} from './harness';

/**
 * OpenID Connect sign-in against a real provider (oidc-provider) that this file starts on
 * loopback. A "browser" made of fetch and a cookie jar walks the authorization request; the
 * provider's interaction (login, consent) is completed by a small handler here. The token
 * endpoint can be told to hand out a doctored ID token (another audience, a forged signature…)
 * to show that each is refused.
 */

const APP_ORIGIN = 'http://localhost:3000';
const REDIRECT_URI = `${APP_ORIGIN}/api/v1/auth/oidc/callback`;
const CLIENT_ID = 'lekeplan';
const CLIENT_SECRET = 'a client secret that is long enough for the test provider';
const OTHER_CLIENT_ID = 'another-client';
const OTHER_CLIENT_SECRET = 'the secret of another client of the same provider';

// oidc-provider ships no type declarations: the little of it used here, typed by hand.
interface Interaction {
	prompt: { name: string };
	params: Record<string, unknown>;
	session?: { accountId: string };
	grantId?: string;
}
interface Grant {
	addOIDCScope(scope: string): void;
	save(): Promise<string>;
}
interface Provider {
	callback(): (req: IncomingMessage, res: ServerResponse) => Promise<void>;
	interactionDetails(req: IncomingMessage, res: ServerResponse): Promise<Interaction>;
	interactionFinished(
		req: IncomingMessage,
		res: ServerResponse,
		result: Record<string, unknown>,
		options?: { mergeWithLastSubmission?: boolean }
	): Promise<void>;
	Grant: {
		new (init: { accountId: string; clientId: string }): Grant;
		find(id: string): Promise<Grant | undefined>;
	};
}
type ProviderConstructor = new (issuer: string, configuration: Record<string, unknown>) => Provider;

type Claims = Record<string, unknown>;
/** How the token endpoint doctors the ID token it hands out, if at all. */
type Tamper = (idToken: string) => string;

let issuer: string;
let httpServer: Server;
let provider: Provider;
let handle: ((req: IncomingMessage, res: ServerResponse) => Promise<void>) | undefined;
let providerKey: KeyObject;
/** The subject the provider signs the next browser in as. */
let nextSubject = 'nobody';
let tamper: Tamper | null = null;

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

function decodeJwt(jwt: string): { header: Claims; payload: Claims; signature: string } {
	const [header = '', payload = '', signature = ''] = jwt.split('.');
	return {
		header: JSON.parse(Buffer.from(header, 'base64url').toString()) as Claims,
		payload: JSON.parse(Buffer.from(payload, 'base64url').toString()) as Claims,
		signature
	};
}

/** Signs RS256 (RSASSA-PKCS1-v1_5 with SHA-256). */
function signJwt(header: Claims, payload: Claims, key: KeyObject): string {
	const input = `${b64(header)}.${b64(payload)}`;
	return `${input}.${sign('sha256', Buffer.from(input), key).toString('base64url')}`;
}

/** Re-signs the ID token with the provider's own key after changing some claims. */
const withClaims =
	(change: Claims): Tamper =>
	(idToken) => {
		const { header, payload } = decodeJwt(idToken);
		return signJwt(header, { ...payload, ...change }, providerKey);
	};

/** Makes the token endpoint's JSON carry a doctored id_token. */
function rewriteTokenResponse(res: ServerResponse, change: Tamper): void {
	const end = res.end.bind(res) as (chunk?: unknown) => ServerResponse;
	res.end = ((chunk?: unknown) => {
		const text =
			typeof chunk === 'string' ? chunk : Buffer.isBuffer(chunk) ? chunk.toString() : null;
		if (text === null) return end(chunk);
		const body = JSON.parse(text) as Claims;
		if (typeof body['id_token'] !== 'string') return end(chunk);
		const changed = JSON.stringify({ ...body, id_token: change(body['id_token']) });
		res.setHeader('content-length', Buffer.byteLength(changed));
		return end(changed);
	}) as typeof res.end;
}

/** Completes the provider's login and consent prompts for `nextSubject`. */
async function interact(req: IncomingMessage, res: ServerResponse): Promise<void> {
	const details = await provider.interactionDetails(req, res);
	if (details.prompt.name === 'login') {
		await provider.interactionFinished(req, res, { login: { accountId: nextSubject } });
		return;
	}
	const grant =
		(details.grantId ? await provider.Grant.find(details.grantId) : undefined) ??
		new provider.Grant({
			accountId: details.session?.accountId ?? nextSubject,
			clientId: String(details.params['client_id'])
		});
	grant.addOIDCScope(String(details.params['scope']));
	await provider.interactionFinished(req, res, { consent: { grantId: await grant.save() } });
}

beforeAll(async () => {
	httpServer = createServer((req, res) => {
		const fail = (error: unknown) => {
			res.statusCode = 500;
			res.end(String(error));
		};
		if (req.url?.startsWith('/interaction/')) {
			interact(req, res).catch(fail);
			return;
		}
		if (tamper && req.method === 'POST' && req.url?.startsWith('/token')) {
			rewriteTokenResponse(res, tamper);
		}
		if (!handle) return fail('the provider is not ready');
		handle(req, res).catch(fail);
	});
	await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
	issuer = `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`;

	const keys = generateKeyPairSync('rsa', { modulusLength: 2048 });
	providerKey = keys.privateKey;
	const specifier = 'oidc-provider';
	const { default: Provider } = (await import(specifier)) as { default: ProviderConstructor };
	provider = new Provider(issuer, {
		clients: [
			{
				client_id: CLIENT_ID,
				client_secret: CLIENT_SECRET,
				redirect_uris: [REDIRECT_URI],
				grant_types: ['authorization_code'],
				response_types: ['code']
			},
			{
				client_id: OTHER_CLIENT_ID,
				client_secret: OTHER_CLIENT_SECRET,
				redirect_uris: [REDIRECT_URI],
				grant_types: ['authorization_code'],
				response_types: ['code']
			}
		],
		findAccount: (_ctx: unknown, sub: string) => ({
			accountId: sub,
			claims: () => Promise.resolve({ sub })
		}),
		interactions: {
			url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}`
		},
		features: { devInteractions: { enabled: false } },
		pkce: { required: () => true },
		jwks: {
			keys: [
				{ ...keys.privateKey.export({ format: 'jwk' }), kid: 'test-key', use: 'sig', alg: 'RS256' }
			]
		},
		cookies: { keys: ['a cookie signing key for the test provider'] },
		ttl: {
			AccessToken: 600,
			AuthorizationCode: 60,
			Grant: 600,
			IdToken: 600,
			Interaction: 600,
			Session: 600
		}
	});
	handle = provider.callback();
});

afterAll(async () => {
	await new Promise<void>((resolve) => {
		httpServer.closeAllConnections();
		httpServer.close(() => resolve());
	});
});

/** Follows the provider's redirects as a browser would, until it sends us back to the app. */
async function authorize(authorizationUrl: string, subject: string): Promise<URL> {
	nextSubject = subject;
	const jar = new Map<string, string>();
	let url = new URL(authorizationUrl);
	for (let hop = 0; hop < 12; hop++) {
		if (url.origin === APP_ORIGIN) return url;
		expect(url.origin).toBe(issuer);
		const response = await fetch(url, {
			redirect: 'manual',
			headers: { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') }
		});
		for (const line of response.headers.getSetCookie()) {
			const [pair = ''] = line.split(';');
			const at = pair.indexOf('=');
			const [name, value] = [pair.slice(0, at).trim(), pair.slice(at + 1)];
			if (!value || /max-age=0|expires=thu, 01 jan 1970/i.test(line)) jar.delete(name);
			else jar.set(name, value);
		}
		const location = response.headers.get('location');
		if (!location) {
			throw new Error(`the provider answered ${response.status}: ${await response.text()}`);
		}
		await response.body?.cancel();
		url = new URL(location, url);
	}
	throw new Error('too many redirects');
}

interface Flow {
	/** Where /start sent the browser. */
	authorizationUrl: URL;
	/** The value of the flow cookie /start set. */
	cookie: string;
	/** Where the provider sent the browser back to. */
	callback: URL;
}

function oidcCookieOf(response: Response): string {
	for (const line of response.headers.getSetCookie()) {
		const [pair = ''] = line.split(';');
		if (pair.startsWith(`${OIDC_COOKIE}=`)) return pair.slice(OIDC_COOKIE.length + 1);
	}
	throw new Error('no flow cookie');
}

/** /start, then the provider, up to the moment the browser would hit our callback. */
async function beginFlow(server: TestServer, subject: string, invitation?: string): Promise<Flow> {
	const query = invitation ? `?invitation=${encodeURIComponent(invitation)}` : '';
	const start = await server.request('GET', `/api/v1/auth/oidc/start${query}`);
	expect(start.status).toBe(302);
	const authorizationUrl = new URL(start.headers.get('location')!);
	const cookie = oidcCookieOf(start);
	const callback = await authorize(authorizationUrl.href, subject);
	return { authorizationUrl, cookie, callback };
}

function callback(server: TestServer, flow: Flow, cookie: string | null = flow.cookie) {
	return server.request('GET', `${flow.callback.pathname}${flow.callback.search}`, {
		cookie: cookie === null ? null : `${OIDC_COOKIE}=${cookie}`
	});
}

/** A refusal: back to the sign-in page with a reason, the flow cookie cleared, no session. */
function expectRefused(response: Response, reason: string): void {
	expect(response.status).toBe(302);
	expect(response.headers.get('location')).toBe(`/sign-in?error=${reason}`);
	expect(sessionCookieOf(response)).toBeNull();
	expect(response.headers.getSetCookie().join('\n')).toContain(`${OIDC_COOKIE}=; `);
}

let subjects = 0;
const newSubject = () => `feide-subject-${++subjects}-${Math.random().toString(36).slice(2)}`;

describeEachDatabase('OpenID Connect sign-in', (dialect) => {
	let server: TestServer;
	let owner: SeededOwner;
	let admin: string;
	let oidc: OidcClient;
	const key = oidcCookieKey(CLIENT_SECRET);

	beforeAll(async () => {
		oidc = await createOidcClient({
			issuer,
			clientId: CLIENT_ID,
			clientSecret: CLIENT_SECRET,
			redirectUri: REDIRECT_URI,
			allowInsecure: true
		});
		server = await startTestServer(dialect, { oidc });
		owner = await seedOwner(server, 'o');
		admin = await signIn(server, owner.users.ownerAdmin.email);
	});
	afterAll(async () => server.close());

	async function invite(role: 'staff' | 'manager' = 'staff'): Promise<string> {
		const response = await server.request('POST', '/api/v1/invitations', {
			cookie: admin,
			body: { role, kindergartenId: owner.kindergartens[0]!.id, displayName: 'Kari Nordmann' }
		});
		expect(response.status).toBe(201);
		return ((await response.json()) as { invitation: { token: string } }).invitation.token;
	}

	async function me(cookie: string | null) {
		const response = await server.request('GET', '/api/v1/me', { cookie });
		if (response.status !== 200) return null;
		return ((await response.json()) as { user: { userId: string; role: string } }).user;
	}

	async function invitationStatus(): Promise<string[]> {
		const response = await server.request('GET', '/api/v1/invitations', { cookie: admin });
		return ((await response.json()) as { invitations: Array<{ status: string }> }).invitations.map(
			(i) => i.status
		);
	}

	/** A subject linked to a new staff user through an invitation. */
	async function linkedSubject(): Promise<{ subject: string; userId: string }> {
		const subject = newSubject();
		const flow = await beginFlow(server, subject, await invite());
		const response = await callback(server, flow);
		expect(response.status).toBe(302);
		return { subject, userId: (await me(sessionCookieOf(response)))!.userId };
	}

	it('asks for a code with PKCE, state and nonce, the openid scope only, and seals the flow cookie', async () => {
		const token = await invite();
		const start = await server.request('GET', `/api/v1/auth/oidc/start?invitation=${token}`);
		expect(start.status).toBe(302);
		const url = new URL(start.headers.get('location')!);
		expect(`${url.origin}${url.pathname}`).toBe(`${issuer}/auth`);
		const params = url.searchParams;
		expect(params.get('response_type')).toBe('code');
		expect(params.get('client_id')).toBe(CLIENT_ID);
		expect(params.get('redirect_uri')).toBe(REDIRECT_URI);
		expect(params.get('scope')).toBe('openid');
		expect(params.get('code_challenge_method')).toBe('S256');
		expect(params.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
		expect(params.get('state')?.length).toBeGreaterThanOrEqual(32);
		expect(params.get('nonce')?.length).toBeGreaterThanOrEqual(32);
		// Nothing else is asked for: no claims, no national identity number scope (userid-nin).
		expect([...params.keys()].sort()).toEqual(
			[
				'client_id',
				'code_challenge',
				'code_challenge_method',
				'nonce',
				'redirect_uri',
				'response_type',
				'scope',
				'state'
			].sort()
		);

		const line = start.headers.getSetCookie().find((c) => c.startsWith(`${OIDC_COOKIE}=`))!;
		expect(line).toContain('HttpOnly');
		expect(line).toContain('SameSite=Lax');
		expect(line).toContain('Path=/api/v1/auth/oidc');
		expect(line).toContain('Max-Age=600');
		const cookie = oidcCookieOf(start);
		// Neither the invitation token nor the verifier can be read out of the cookie.
		expect(cookie).not.toContain(token);
		expect(Buffer.from(cookie, 'base64url').toString('latin1')).not.toContain(token);
		const flow = openOidcCookie(key, cookie, Date.now())!;
		expect(flow.invitationToken).toBe(token);
		expect(flow.state).toBe(params.get('state'));
		expect(flow.nonce).toBe(params.get('nonce'));
	});

	it('accepts an invitation through the provider: the invited role, and the identity keyed by (issuer, sub)', async () => {
		const subject = newSubject();
		const token = await invite('manager');
		const flow = await beginFlow(server, subject, token);
		expect(flow.callback.searchParams.get('code')).toBeTruthy();
		expect(flow.callback.searchParams.get('iss')).toBe(issuer);
		const response = await callback(server, flow);
		expect(response.status).toBe(302);
		expect(response.headers.get('location')).toBe('/');
		expect(response.headers.getSetCookie().join('\n')).toContain(`${OIDC_COOKIE}=; `);
		const session = sessionCookieOf(response);
		expect(session).not.toBeNull();
		const user = await me(session);
		expect(user?.role).toBe('manager');

		const identities = await server.deps.db
			.selectFrom('identities')
			.selectAll()
			.where('userId', '=', user!.userId)
			.execute();
		expect(identities).toHaveLength(1);
		expect(identities[0]).toMatchObject({ issuer, subject, userId: user!.userId });
		const row = await server.deps.db
			.selectFrom('users')
			.select(['passwordHash', 'email', 'ownerId'])
			.where('id', '=', user!.userId)
			.executeTakeFirstOrThrow();
		expect(row).toEqual({ passwordHash: null, email: null, ownerId: owner.id });
		expect(await invitationStatus()).toContain('accepted');

		// The next sign-in needs no invitation and finds the same user.
		const again = await callback(server, await beginFlow(server, subject));
		expect(again.status).toBe(302);
		expect(again.headers.get('location')).toBe('/');
		expect((await me(sessionCookieOf(again)))?.userId).toBe(user!.userId);
	});

	it('refuses an identity that no invitation linked to a user', async () => {
		const response = await callback(server, await beginFlow(server, newSubject()));
		expectRefused(response, 'identity_not_linked');
	});

	it('refuses a disabled user', async () => {
		const { subject, userId } = await linkedSubject();
		const disable = await server.request('PATCH', `/api/v1/users/${userId}`, {
			cookie: admin,
			body: { disabled: true }
		});
		expect(disable.status).toBe(200);
		expectRefused(await callback(server, await beginFlow(server, subject)), 'invalid_credentials');
	});

	it('does not link an identity twice, and leaves the second invitation unused', async () => {
		const { subject } = await linkedSubject();
		const before = (await invitationStatus()).filter((s) => s === 'pending').length;
		const flow = await beginFlow(server, subject, await invite());
		expectRefused(await callback(server, flow), 'identity_already_linked');
		expect((await invitationStatus()).filter((s) => s === 'pending').length).toBe(before + 1);
	});

	it('refuses a missing, tampered, foreign or expired flow cookie, and a changed state', async () => {
		const flow = await beginFlow(server, newSubject(), await invite());
		const sealed = openOidcCookie(key, flow.cookie, Date.now())!;
		const flipped = `${flow.cookie.slice(0, 20)}${flow.cookie[20] === 'A' ? 'B' : 'A'}${flow.cookie.slice(21)}`;
		const foreign = sealOidcCookie(oidcCookieKey('another secret'), sealed, Date.now());
		const expired = sealOidcCookie(key, sealed, Date.now() - 11 * 60_000);
		for (const cookie of [null, '', 'garbage', flipped, foreign, expired]) {
			expectRefused(await callback(server, flow, cookie), 'oidc_state_invalid');
		}
		const otherState = new URL(flow.callback);
		otherState.searchParams.set('state', 'not-the-state');
		expectRefused(await callback(server, { ...flow, callback: otherState }), 'oidc_state_invalid');
		// The flow itself was fine: its cookie still works, once.
		const response = await callback(server, flow);
		expect(response.headers.get('location')).toBe('/');
		expect(sessionCookieOf(response)).not.toBeNull();
		expect((await callback(server, flow)).headers.get('location')).toMatch(/^\/sign-in\?error=/);
	});

	it('refuses a code redeemed with another PKCE verifier', async () => {
		const flow = await beginFlow(server, newSubject(), await invite());
		const sealed = openOidcCookie(key, flow.cookie, Date.now())!;
		const otherVerifier = sealOidcCookie(
			key,
			{ ...sealed, verifier: 'another-verifier-another-verifier-another-verifier' },
			Date.now()
		);
		expectRefused(await callback(server, flow, otherVerifier), 'oidc_token_invalid');
	});

	it('refuses a sign-in the provider reports as denied', async () => {
		const flow = await beginFlow(server, newSubject(), await invite());
		const denied = new URL(REDIRECT_URI);
		denied.searchParams.set('error', 'access_denied');
		denied.searchParams.set('state', flow.callback.searchParams.get('state')!);
		denied.searchParams.set('iss', issuer);
		expectRefused(await callback(server, { ...flow, callback: denied }), 'oidc_denied');
	});

	it('refuses an ID token whose nonce is not the one the flow sent', async () => {
		const token = await invite();
		const flow = await beginFlow(server, newSubject(), token);
		const sealed = openOidcCookie(key, flow.cookie, Date.now())!;
		const otherNonce = sealOidcCookie(key, { ...sealed, nonce: 'another-nonce' }, Date.now());
		expectRefused(await callback(server, flow, otherNonce), 'oidc_nonce_mismatch');
		const failed = await server.deps.db
			.selectFrom('auditLog')
			.select('reason')
			.where('action', '=', 'sign_in_failed')
			.execute();
		expect(failed.map((r) => r.reason)).toContain('oidc_nonce_mismatch');
		expect(await invitationStatus()).toContain('pending');
	});

	const doctored: Array<[string, () => Tamper, string]> = [
		[
			'a nonce changed by the provider',
			() => withClaims({ nonce: 'another-nonce' }),
			'oidc_nonce_mismatch'
		],
		['another audience', () => withClaims({ aud: 'another-client' }), 'oidc_audience_mismatch'],
		[
			'an extra untrusted audience',
			() => withClaims({ aud: [CLIENT_ID, 'another-client'] }),
			'oidc_audience_mismatch'
		],
		['another issuer', () => withClaims({ iss: 'http://127.0.0.1:1' }), 'oidc_issuer_mismatch'],
		[
			'a signature by another key under the same key id',
			() => {
				const attacker = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
				return (idToken) => {
					const { header, payload } = decodeJwt(idToken);
					return signJwt(header, payload, attacker);
				};
			},
			'oidc_signature_invalid'
		],
		[
			'a corrupted signature',
			() => (idToken) => {
				const { signature } = decodeJwt(idToken);
				const bytes = Buffer.from(signature, 'base64url');
				bytes[0] = bytes[0]! ^ 0xff;
				return `${idToken.slice(0, idToken.lastIndexOf('.'))}.${bytes.toString('base64url')}`;
			},
			'oidc_signature_invalid'
		],
		[
			'no signature at all (alg none)',
			() => (idToken) => {
				const { header, payload } = decodeJwt(idToken);
				return `${b64({ ...header, alg: 'none' })}.${b64(payload)}.`;
			},
			'oidc_signature_invalid'
		]
	];

	for (const [what, make, reason] of doctored) {
		it(`refuses an ID token with ${what}`, async () => {
			const flow = await beginFlow(server, newSubject(), await invite());
			tamper = make();
			try {
				expectRefused(await callback(server, flow), reason);
			} finally {
				tamper = null;
			}
			const linked = await server.deps.db
				.selectFrom('identities')
				.select('subject')
				.where('subject', '=', nextSubject)
				.execute();
			expect(linked).toEqual([]);
		});
	}

	it('accepts the re-signed token when nothing was changed (the doctoring itself is sound)', async () => {
		const flow = await beginFlow(server, newSubject(), await invite());
		tamper = withClaims({});
		try {
			const response = await callback(server, flow);
			expect(response.headers.get('location')).toBe('/');
			expect(sessionCookieOf(response)).not.toBeNull();
		} finally {
			tamper = null;
		}
	});

	it('refuses a genuine ID token that the provider issued to another client', async () => {
		// Another client of the same provider signs someone in; its ID token is captured…
		const other = await createOidcClient({
			issuer,
			clientId: OTHER_CLIENT_ID,
			clientSecret: OTHER_CLIENT_SECRET,
			redirectUri: REDIRECT_URI,
			allowInsecure: true
		});
		const subject = newSubject();
		const { url, cookie } = await other.start(null);
		const otherCallback = await authorize(url, subject);
		let captured = '';
		tamper = (idToken) => (captured = idToken);
		try {
			expect(await other.finish(otherCallback, cookie)).toMatchObject({ issuer, subject });
		} finally {
			tamper = null;
		}
		expect(decodeJwt(captured).payload['aud']).toBe(OTHER_CLIENT_ID);

		// …and handed to us in place of ours, for the same person.
		const flow = await beginFlow(server, subject, await invite());
		tamper = () => captured;
		try {
			expectRefused(await callback(server, flow), 'oidc_audience_mismatch');
		} finally {
			tamper = null;
		}
	});
});

describe('OpenID Connect while the provider is away', () => {
	it('starts anyway, and answers 503 instead of failing the server', async () => {
		// A loopback port that nothing listens on any more.
		const closed = createServer();
		await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
		const gone = `http://127.0.0.1:${(closed.address() as AddressInfo).port}`;
		await new Promise<void>((resolve) => closed.close(() => resolve()));
		const lines: string[] = [];
		const away = await createOidcClient(
			{
				issuer: gone,
				clientId: CLIENT_ID,
				clientSecret: CLIENT_SECRET,
				redirectUri: REDIRECT_URI,
				allowInsecure: true
			},
			{ log: (line) => lines.push(line), timeoutSeconds: 2 }
		);
		await expect(away.start(null)).rejects.toMatchObject({
			status: 503,
			reason: 'oidc_unavailable'
		});
		const cookie = sealOidcCookie(
			oidcCookieKey(CLIENT_SECRET),
			{
				state: 'some-state',
				nonce: 'some-nonce',
				verifier: 'some-verifier',
				invitationToken: null
			},
			Date.now()
		);
		await expect(
			away.finish(new URL(`${REDIRECT_URI}?code=x&state=some-state`), cookie)
		).rejects.toMatchObject({ status: 503, reason: 'oidc_unavailable' });
		expect(lines.join('\n')).toContain(`discovery at ${gone} failed`);
	});

	it('refuses plain http to a provider unless told that it is a loopback test', async () => {
		const strict = await createOidcClient(
			{
				issuer,
				clientId: CLIENT_ID,
				clientSecret: CLIENT_SECRET,
				redirectUri: REDIRECT_URI,
				allowInsecure: false
			},
			{ log: () => undefined }
		);
		await expect(strict.start(null)).rejects.toMatchObject({ status: 503 });
	});
});
