import { afterAll, beforeAll, expect, it } from 'vitest';
import {
	describeEachDatabase,
	PASSWORD,
	seedOwner,
	sessionCookieOf,
	signIn,
	startTestServer,
	type SeededOwner,
	type TestServer
} from './harness';

interface Created {
	invitation: { id: string; token: string };
}

describeEachDatabase('invitations', (dialect) => {
	let server: TestServer;
	let owner: SeededOwner;
	let admin: string;

	beforeAll(async () => {
		server = await startTestServer(dialect);
		owner = await seedOwner(server, 'i');
		admin = await signIn(server, owner.users.ownerAdmin.email);
	});
	afterAll(async () => server.close());

	const invite = async (body: Record<string, unknown>) => {
		const response = await server.request('POST', '/api/v1/invitations', { cookie: admin, body });
		expect(response.status).toBe(201);
		return ((await response.json()) as Created).invitation;
	};

	it('signs the new user in even when sign-ins from that address are being rate-limited', async () => {
		const invitation = await invite({
			role: 'staff',
			kindergartenId: owner.kindergartens[1]!.id,
			displayName: 'Ny Ansatt'
		});
		for (let i = 0; i < 60; i++) {
			await server.request('POST', '/api/v1/auth/sign-in', {
				body: { email: 'nobody@example.no', password: 'wrong password' },
				address: '10.9.9.9'
			});
		}
		const accepted = await server.request('POST', '/api/v1/invitations/accept', {
			body: { token: invitation.token, email: 'ny@example.no', password: 'et godt passord' },
			address: '10.9.9.9'
		});
		expect(accepted.status).toBe(201);
		const me = await server.request('GET', '/api/v1/me', { cookie: sessionCookieOf(accepted) });
		expect(((await me.json()) as { user: { role: string } }).user.role).toBe('staff');
	});

	it('a kindergarten whose invitations are all used, revoked or expired can be deleted', async () => {
		const created = await server.request('POST', '/api/v1/kindergartens', {
			cookie: admin,
			body: { name: 'Kortvarig barnehage' }
		});
		const { kindergarten } = (await created.json()) as { kindergarten: { id: string } };
		const pending = await invite({
			role: 'manager',
			kindergartenId: kindergarten.id,
			displayName: 'Styrer'
		});
		const blocked = await server.request('DELETE', `/api/v1/kindergartens/${kindergarten.id}`, {
			cookie: admin
		});
		expect(blocked.status).toBe(409);
		await server.request('DELETE', `/api/v1/invitations/${pending.id}`, { cookie: admin });
		await invite({ role: 'staff', kindergartenId: kindergarten.id, displayName: 'Utløper' });
		server.clock.advance(15 * 86_400_000);
		const admin2 = await signIn(server, owner.users.ownerAdmin.email);
		const deleted = await server.request('DELETE', `/api/v1/kindergartens/${kindergarten.id}`, {
			cookie: admin2
		});
		expect(deleted.status).toBe(204);
		admin = admin2;
	});

	it('an invitation works once', async () => {
		const invitation = await invite({
			role: 'parent',
			groupId: owner.kindergartens[0]!.groups[1]!,
			displayName: 'Forelder'
		});
		const first = await server.request('POST', '/api/v1/invitations/accept', {
			body: { token: invitation.token, email: 'forelder.i@example.no', password: 'et godt passord' }
		});
		expect(first.status).toBe(201);
		const again = await server.request('POST', '/api/v1/invitations/accept', {
			body: { token: invitation.token, email: 'andre.i@example.no', password: 'et godt passord' }
		});
		expect(again.status).toBe(404);
		expect(((await again.json()) as { error: { reason: string } }).error.reason).toBe(
			'invitation_not_found'
		);
	});

	it('says nothing of whether another account has an email (issue 13)', async () => {
		const used = await invite({
			role: 'staff',
			kindergartenId: owner.kindergartens[0]!.id,
			displayName: 'Brukt'
		});
		const usedFirst = await server.request('POST', '/api/v1/invitations/accept', {
			body: { token: used.token, email: 'brukt.i@example.no', password: 'et godt passord' }
		});
		expect(usedFirst.status).toBe(201);
		const usedAgain = await server.request('POST', '/api/v1/invitations/accept', {
			body: { token: used.token, email: 'ny.i@example.no', password: 'et godt passord' }
		});

		// Another account has the email (written in other letters): the answer is the one a used
		// invitation gets, word for word; no `email_taken`.
		const invitation = await invite({
			role: 'staff',
			kindergartenId: owner.kindergartens[0]!.id,
			displayName: 'Tatt'
		});
		const taken = await server.request('POST', '/api/v1/invitations/accept', {
			body: {
				token: invitation.token,
				email: ` ${owner.users.manager.email.toUpperCase()} `,
				password: 'et godt passord'
			}
		});
		expect(taken.status).toBe(usedAgain.status);
		expect(await taken.text()).toBe(await usedAgain.text());
		expect(taken.headers.get('set-cookie')).toBeNull();

		// The invitation is spent, as a used one: the same answer for any email after it.
		const retry = await server.request('POST', '/api/v1/invitations/accept', {
			body: { token: invitation.token, email: 'fri.i@example.no', password: 'et godt passord' }
		});
		expect(retry.status).toBe(404);
		const lookup = await server.request('POST', '/api/v1/invitations/lookup', {
			body: { token: invitation.token }
		});
		expect(lookup.status).toBe(404);
		// The account that has the email is untouched: the manager still signs in as before.
		await signIn(server, owner.users.manager.email, PASSWORD);
		// The owner sees the refusal in the log.
		const log = await server.request('GET', '/api/v1/audit?action=access_refused', {
			cookie: admin
		});
		const { entries } = (await log.json()) as {
			entries: Array<{ targetId: string | null; reason: string | null }>;
		};
		expect(entries).toContainEqual(
			expect.objectContaining({ targetId: invitation.id, reason: 'email_unavailable' })
		);
	});
});
