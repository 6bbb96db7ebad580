import { afterAll, beforeAll, expect, it } from 'vitest';
import {
	describeEachDatabase,
	PASSWORD,
	seedOwner,
	startTestServer,
	type SeededOwner,
	type TestServer
} from './harness';

/**
 * Slowing down password guessing without locking the right person out (issue 13, ADR 8):
 * growing delays by account and by address, counted in the database; a person with the right
 * password from an address that has not been failing gets in at once.
 */

describeEachDatabase('the sign-in throttle', (dialect) => {
	let server: TestServer;
	let owner: SeededOwner;
	let address = 0;
	/** A fresh address for each use, so tests do not share one. */
	const nextAddress = () => `10.20.${Math.floor(address / 250)}.${(address++ % 250) + 1}`;

	beforeAll(async () => {
		server = await startTestServer(dialect);
		owner = await seedOwner(server, 't');
	});
	afterAll(async () => server.close());

	const attempt = (email: string, password: string, from: string) =>
		server.request('POST', '/api/v1/auth/sign-in', { body: { email, password }, address: from });

	/** Fails until the server asks to wait; returns each wait it asked for, in seconds. */
	async function waitsWhileGuessing(email: string, from: string, guesses: number) {
		const waits: number[] = [];
		for (let i = 0; i < guesses; i++) {
			let response = await attempt(email, 'wrong password', from);
			if (response.status === 429) {
				const wait = Number(response.headers.get('retry-after'));
				waits.push(wait);
				server.clock.advance(wait * 1000);
				response = await attempt(email, 'wrong password', from);
			}
			expect(response.status).toBe(401);
		}
		return waits;
	}

	it('slows guesses from one address with growing delays, and lets the right password in after', async () => {
		const email = owner.users.manager.email;
		const from = nextAddress();
		const waits = await waitsWhileGuessing(email, from, 10);
		// Five free, then 1, 2, 4, 8, 16 seconds: each wait twice the last.
		expect(waits).toEqual([1, 2, 4, 8, 16]);
		const limited = await attempt(email, PASSWORD, from);
		expect(limited.status).toBe(429);
		expect(((await limited.json()) as { error: { reason: string } }).error.reason).toBe(
			'too_many_attempts'
		);
		server.clock.advance(Number(limited.headers.get('retry-after')) * 1000);
		expect((await attempt(email, PASSWORD, from)).status).toBe(200);
		// The right password clears the account's count: the next mistake is free again.
		expect((await attempt(email, 'wrong password', from)).status).toBe(401);
		expect((await attempt(email, PASSWORD, from)).status).toBe(200);
	});

	it('does not lock out the right person, on an address that has not been failing', async () => {
		const email = owner.users.staff.email;
		// Someone guesses the staff member's password from one address, then from twenty.
		await waitsWhileGuessing(email, nextAddress(), 12);
		for (let i = 0; i < 20; i++) {
			expect((await attempt(email, 'wrong password', nextAddress())).status).toBe(401);
		}
		// Every failing address is now slowed for this account, even on its first repeat …
		const attacker = nextAddress();
		expect((await attempt(email, 'wrong password', attacker)).status).toBe(401);
		expect((await attempt(email, 'wrong password', attacker)).status).toBe(429);
		// … while the staff member, from their own tablet, with the right password, gets in.
		expect((await attempt(email, PASSWORD, nextAddress())).status).toBe(200);
	});

	it('slows a shared network that fails a lot by at most a minute, never locks it out', async () => {
		const shared = nextAddress();
		for (let i = 0; i < 60; i++) {
			const response = await attempt(`nobody${i}@example.no`, 'wrong password', shared);
			if (response.status === 429) {
				expect(Number(response.headers.get('retry-after'))).toBeLessThanOrEqual(60);
				server.clock.advance(Number(response.headers.get('retry-after')) * 1000);
			}
		}
		const colleague = await attempt(owner.users.ownerAdmin.email, PASSWORD, shared);
		if (colleague.status === 429) {
			const wait = Number(colleague.headers.get('retry-after'));
			expect(wait).toBeLessThanOrEqual(60);
			server.clock.advance(wait * 1000);
			expect((await attempt(owner.users.ownerAdmin.email, PASSWORD, shared)).status).toBe(200);
		} else {
			expect(colleague.status).toBe(200);
		}
	});

	it('answers an unknown email exactly as a known one', async () => {
		const known = owner.users.parent.email;
		const unknown = 'finnes.ikke@test.lekeplan.no';
		const answers = async (email: string) => {
			const from = nextAddress();
			const seen: string[] = [];
			for (let i = 0; i < 8; i++) {
				const response = await attempt(email, 'wrong password', from);
				seen.push(`${response.status} ${response.headers.get('retry-after') ?? ''}`);
			}
			return seen;
		};
		expect(await answers(unknown)).toEqual(await answers(known));
	});

	it('forgets a count an hour after its last failure', async () => {
		const email = owner.users.manager.email;
		const from = nextAddress();
		await waitsWhileGuessing(email, from, 8);
		server.clock.advance(61 * 60_000);
		// Five free again.
		for (let i = 0; i < 5; i++) {
			expect((await attempt(email, 'wrong password', from)).status).toBe(401);
		}
		expect((await attempt(email, 'wrong password', from)).status).toBe(429);
	});

	it('keeps no email or address in the clear', async () => {
		const rows = await server.deps.db.selectFrom('signInThrottle').selectAll().execute();
		expect(rows.length).toBeGreaterThan(0);
		const text = JSON.stringify(rows);
		expect(text).not.toContain('@');
		expect(text).not.toContain('10.20.');
	});
});
