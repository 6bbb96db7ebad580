import { afterAll, beforeAll, expect, it } from 'vitest';
import {
	describeEachDatabase,
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
});
