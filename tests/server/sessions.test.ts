import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateToLatest } from '$lib/server/db';
import {
	describeEachDatabase,
	PASSWORD,
	seedOwner,
	sessionCookieOf,
	signIn,
	startTestServer,
	whoIs,
	type SeededOwner,
	type TestServer
} from './harness';

describeEachDatabase('migrations', (dialect) => {
	it('migrate an empty database up, and a second run changes nothing', async () => {
		const server = await startTestServer(dialect);
		try {
			const tables = await server.deps.db.introspection.getTables();
			const names = tables.map((t) => t.name).filter((n) => !n.startsWith('kysely_'));
			expect(names.sort()).toEqual(
				[
					'audit_log',
					'competence_answers',
					'competence_item_sets',
					'competence_plan_entries',
					'competence_submissions',
					'deletion_requests',
					'groups',
					'guidance_sets',
					'identities',
					'invitations',
					'kindergarten_equipment',
					'kindergartens',
					'owners',
					'parent_codes',
					'parent_memberships',
					'parent_questions',
					'parent_summaries',
					'plan_facts',
					'plan_facts_state',
					'privacy_notices',
					'register_entries',
					'removed_kindergartens',
					'sessions',
					'summary_publishers',
					'sign_in_throttle',
					'sync_clients',
					'sync_conflicts',
					'sync_records',
					'sync_rejections',
					'sync_sequence',
					'tool_proposals',
					'users'
				].sort()
			);
			expect(await migrateToLatest(server.deps.db)).toEqual([]);
		} finally {
			await server.close();
		}
	});
});

describeEachDatabase('sign-in and sessions', (dialect) => {
	let server: TestServer;
	let owner: SeededOwner;

	beforeAll(async () => {
		server = await startTestServer(dialect);
		owner = await seedOwner(server, 'a');
	});
	afterAll(async () => server.close());

	it('signs in with the right password and sets a safe session cookie', async () => {
		const response = await server.request('POST', '/api/v1/auth/sign-in', {
			body: { email: owner.users.staff.email.toUpperCase(), password: PASSWORD }
		});
		expect(response.status).toBe(200);
		const setCookie = response.headers.getSetCookie().join('\n');
		expect(setCookie).toMatch(/lekeplan_session=[A-Za-z0-9_-]{43}/);
		expect(setCookie).toContain('HttpOnly');
		expect(setCookie).toContain('SameSite=Lax');
		expect(setCookie).not.toContain('Secure');
		const me = await server.request('GET', '/api/v1/me', { cookie: sessionCookieOf(response) });
		expect(me.status).toBe(200);
		expect(((await me.json()) as { user: { role: string } }).user.role).toBe('staff');
	});

	it('answers who am I for nobody with `user: null`, not an error (issue 12)', async () => {
		for (const cookie of [null, 'lekeplan_session=no-such-session']) {
			const response = await server.request('GET', '/api/v1/me', { cookie });
			expect(response.status).toBe(200);
			expect(await response.json()).toEqual({ user: null });
		}
	});

	it('stores only a hash of the session id', async () => {
		const cookie = await signIn(server, owner.users.manager.email);
		const token = cookie.split('=')[1]!;
		const rows = await server.deps.db.selectFrom('sessions').select('idHash').execute();
		expect(rows.some((r) => r.idHash === token)).toBe(false);
		expect(rows.length).toBeGreaterThan(0);
	});

	it('refuses a wrong password, an unknown email and a disabled user with the same answer', async () => {
		const wrong = await server.request('POST', '/api/v1/auth/sign-in', {
			body: { email: owner.users.staff.email, password: 'not the password' },
			address: '10.0.0.1'
		});
		const unknown = await server.request('POST', '/api/v1/auth/sign-in', {
			body: { email: 'nobody@test.lekeplan.no', password: PASSWORD },
			address: '10.0.0.1'
		});
		expect(wrong.status).toBe(401);
		expect(unknown.status).toBe(401);
		expect(await wrong.json()).toEqual(await unknown.json());
	});

	it('rotates the session at sign-in: the old id stops working', async () => {
		const first = await signIn(server, owner.users.parent.email);
		const again = await server.request('POST', '/api/v1/auth/sign-in', {
			body: { email: owner.users.parent.email, password: PASSWORD },
			cookie: first
		});
		const second = sessionCookieOf(again)!;
		expect(second).not.toBe(first);
		expect(await whoIs(server, first)).toBeNull();
		expect(await whoIs(server, second)).not.toBeNull();
	});

	it('ends an idle session, and one past its absolute lifetime however active', async () => {
		const cookie = await signIn(server, owner.users.staff.email);
		server.clock.advance(server.deps.sessions.idleMs - 60_000);
		expect(await whoIs(server, cookie)).not.toBeNull();
		server.clock.advance(server.deps.sessions.idleMs + 1000);
		expect(await whoIs(server, cookie)).toBeNull();

		const active = await signIn(server, owner.users.staff.email);
		const step = server.deps.sessions.idleMs / 2;
		let elapsed = 0;
		while (elapsed + step < server.deps.sessions.absoluteMs) {
			server.clock.advance(step);
			elapsed += step;
			expect(await whoIs(server, active)).not.toBeNull();
		}
		server.clock.advance(step);
		expect(await whoIs(server, active)).toBeNull();
	});

	it('revokes the session on sign-out', async () => {
		const cookie = await signIn(server, owner.users.staff.email);
		const out = await server.request('POST', '/api/v1/auth/sign-out', { cookie });
		expect(out.status).toBe(204);
		expect(out.headers.getSetCookie().join()).toContain('Max-Age=0');
		expect(await whoIs(server, cookie)).toBeNull();
	});

	it('revokes every session of a user who is disabled', async () => {
		const staff = await signIn(server, owner.users.staff.email);
		const admin = await signIn(server, owner.users.ownerAdmin.email);
		const disable = await server.request('PATCH', `/api/v1/users/${owner.users.staff.id}`, {
			cookie: admin,
			body: { disabled: true }
		});
		expect(disable.status).toBe(200);
		expect(await whoIs(server, staff)).toBeNull();
		const again = await server.request('POST', '/api/v1/auth/sign-in', {
			body: { email: owner.users.staff.email, password: PASSWORD },
			address: '10.0.0.9'
		});
		expect(again.status).toBe(401);
		await server.request('PATCH', `/api/v1/users/${owner.users.staff.id}`, {
			cookie: admin,
			body: { disabled: false }
		});
		expect((await signIn(server, owner.users.staff.email)).length).toBeGreaterThan(20);
	});

	it('answers 429 with Retry-After after repeated failures, and lets in again later', async () => {
		const email = owner.users.manager.email;
		const attempt = (password: string) =>
			server.request('POST', '/api/v1/auth/sign-in', {
				body: { email, password },
				address: '10.0.0.2'
			});
		for (let i = 0; i < 5; i++) expect((await attempt('wrong password')).status).toBe(401);
		const limited = await attempt(PASSWORD);
		expect(limited.status).toBe(429);
		const retry = Number(limited.headers.get('retry-after'));
		expect(retry).toBeGreaterThan(0);
		expect(((await limited.json()) as { error: { reason: string } }).error.reason).toBe(
			'too_many_attempts'
		);
		server.clock.advance(retry * 1000 + 1000);
		expect((await attempt(PASSWORD)).status).toBe(200);
	});

	it('logs sign-ins and failed sign-ins in UTC without payloads', async () => {
		const rows = await server.deps.db
			.selectFrom('auditLog')
			.selectAll()
			.where('action', 'in', ['sign_in', 'sign_in_failed'])
			.execute();
		expect(rows.some((r) => r.action === 'sign_in')).toBe(true);
		expect(rows.some((r) => r.action === 'sign_in_failed' && r.reason === 'wrong_password')).toBe(
			true
		);
		for (const row of rows) {
			expect(row.at).toMatch(/Z$/);
			expect(JSON.stringify(row)).not.toContain(PASSWORD);
		}
	});
});

describe('the Secure flag', () => {
	it('is set behind HTTPS', async () => {
		const server = await startTestServer('sqlite', { origin: 'https://lekeplan.example' });
		try {
			const owner = await seedOwner(server, 'h');
			const response = await server.request('POST', '/api/v1/auth/sign-in', {
				body: { email: owner.users.staff.email, password: PASSWORD }
			});
			expect(response.headers.getSetCookie().join()).toContain('Secure');
		} finally {
			await server.close();
		}
	});
});
