import { privacyNoticeFor } from '$lib/server/use-cases/privacy-notice';
import { randomFillSync } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { uuidv7 } from '$lib/domain/ids';
import { newParentCode, formatParentCode } from '$lib/domain/parent-code';
import type { SummaryContent } from '$lib/domain/parent-summary';
import { hashToken } from '$lib/server/auth/tokens';
import { currentActor, type Actor } from '$lib/server/auth/sessions';
import { ApiError } from '$lib/server/api/http';
import {
	askQuestion,
	joinAsNewParent,
	joinWithCode,
	listOwnQuestions,
	listParentSummaries,
	parentGroups,
	readParentSummary
} from '$lib/server/use-cases/parent-reading';
import {
	describeEachDatabase,
	seedOwner,
	startTestServer,
	type SeededOwner,
	type TestServer
} from './harness';

/**
 * The parents' side (issue 17, ADR 39): a parent joins a group with the code a manager made
 * (refused when unknown, revoked or expired), and reads only the published summaries of the
 * groups they joined: nothing of another group, kindergarten or owner, nothing withdrawn. They
 * ask the kindergarten and see only their own questions.
 */

const content = (start: string): SummaryContent => ({
	period: {
		kind: 'week',
		start,
		end: `${start.slice(0, 8)}${String(Number(start.slice(8)) + 6).padStart(2, '0')}`
	},
	held: 3,
	planned: 1,
	areas: [{ id: 'communication', plans: 2 }],
	clauses: [{ id: 'explore', plans: 3 }],
	tools: [{ name: 'Bee-Bot', plans: 2 }],
	screen: [{ mode: 'creative', minutes: 45, plans: 2 }],
	withAdult: 2,
	guidance: {
		band: '4-5',
		dailyLimitMinutes: 60,
		maxDayMinutes: 25,
		daysOverLimit: 0,
		sources: [{ name: 'Helsedirektoratet', year: 2022, advice: 'limit', maxMinutesPerDay: 60 }]
	}
});

const actorOf = (user: SeededOwner['users']['manager']): Actor => ({
	userId: user.id,
	ownerId: user.ownerId,
	role: user.role,
	kindergartenId: user.kindergartenId,
	groupId: user.groupId,
	displayName: user.role,
	email: user.email
});

const random = (bytes: Uint8Array) => randomFillSync(bytes);

async function reason(promise: Promise<unknown>): Promise<string> {
	try {
		await promise;
	} catch (error) {
		if (error instanceof ApiError) return `${error.status} ${error.reason}`;
		throw error;
	}
	return 'ok';
}

describeEachDatabase('parents read their groups’ summaries', (dialect) => {
	let server: TestServer;
	let a: SeededOwner;
	let b: SeededOwner;
	const codes: Record<string, string> = {};
	const summaries: Record<string, string> = {};

	async function makeCode(owner: SeededOwner, k: number, g: number, over: object = {}) {
		const code = newParentCode(random);
		const now = server.clock.now();
		await server.deps.db
			.insertInto('parentCodes')
			.values({
				id: uuidv7(),
				codeHash: hashToken(code),
				ownerId: owner.id,
				kindergartenId: owner.kindergartens[k]!.id,
				groupId: owner.kindergartens[k]!.groups[g]!,
				createdBy: owner.users.manager.id,
				createdAt: now.toISOString(),
				expiresAt: new Date(now.getTime() + 30 * 86_400_000).toISOString(),
				revokedAt: null,
				...over
			})
			.execute();
		return code;
	}

	async function publish(owner: SeededOwner, k: number, g: number, start: string, over = {}) {
		const id = uuidv7();
		await server.deps.db
			.insertInto('parentSummaries')
			.values({
				id,
				ownerId: owner.id,
				kindergartenId: owner.kindergartens[k]!.id,
				groupId: owner.kindergartens[k]!.groups[g]!,
				periodKind: 'week',
				periodStart: start,
				content: JSON.stringify(content(start)),
				staffText: 'Vi har laget en stopmotionfilm om høsten.',
				staffTextLocale: 'nb',
				publishedBy: owner.users.manager.id,
				publishedAt: server.clock.now().toISOString(),
				withdrawnAt: null,
				...over
			})
			.execute();
		return id;
	}

	async function newParent(code: string, email: string, address = '10.0.0.1'): Promise<Actor> {
		const { token } = await joinAsNewParent(
			server.deps,
			code,
			{ displayName: 'Kari Foresatt', email, password: 'correct horse battery' },
			address,
			null
		);
		const request = new Request('http://localhost/p', {
			headers: { cookie: `lekeplan_session=${token}` }
		});
		const actor = await currentActor(server.deps, request);
		if (!actor) throw new Error('no session');
		return actor;
	}

	beforeAll(async () => {
		server = await startTestServer(dialect);
		a = await seedOwner(server, 'a');
		b = await seedOwner(server, 'b');
		codes.a00 = await makeCode(a, 0, 0);
		codes.a01 = await makeCode(a, 0, 1);
		codes.a10 = await makeCode(a, 1, 0);
		codes.b00 = await makeCode(b, 0, 0);
		codes.revoked = await makeCode(a, 0, 0, { revokedAt: server.clock.now().toISOString() });
		codes.expired = await makeCode(a, 0, 0, {
			expiresAt: new Date(server.clock.now().getTime() - 1000).toISOString()
		});
		summaries.a00old = await publish(a, 0, 0, '2026-11-02');
		summaries.a00new = await publish(a, 0, 0, '2026-11-16');
		summaries.a00withdrawn = await publish(a, 0, 0, '2026-11-09', {
			withdrawnAt: server.clock.now().toISOString()
		});
		summaries.a01 = await publish(a, 0, 1, '2026-11-16');
		summaries.a10 = await publish(a, 1, 0, '2026-11-16');
		summaries.b00 = await publish(b, 0, 0, '2026-11-16');
	});
	afterAll(async () => {
		await server.close();
	});

	it('joins with a code typed in any case, with the dash or without', async () => {
		const typed = formatParentCode(codes.a00!).toLowerCase();
		const parent = await newParent(typed, 'kari@example.no');
		expect(parent.role).toBe('parent');
		expect(parent.groupId).toBe(a.kindergartens[0]!.groups[0]);
		expect((await parentGroups(server.deps, parent)).map((g) => g.id)).toEqual([
			a.kindergartens[0]!.groups[0]
		]);
	});

	it('refuses unknown, revoked and expired codes alike, and changes nothing', async () => {
		const before = await server.deps.db.selectFrom('users').select('id').execute();
		const form = { displayName: 'Ola', email: 'ola@example.no', password: 'correct horse battery' };
		for (const code of [codes.revoked!, codes.expired!, 'ABCD-EFGH', 'not a code']) {
			expect(await reason(joinAsNewParent(server.deps, code, form, '10.0.0.2', null))).toBe(
				'404 code_not_found'
			);
		}
		const after = await server.deps.db.selectFrom('users').select('id').execute();
		expect(after.length).toBe(before.length);
	});

	it('slows down an address that keeps guessing codes', async () => {
		const form = {
			displayName: 'Ola',
			email: 'ola2@example.no',
			password: 'correct horse battery'
		};
		const answers: string[] = [];
		for (let i = 0; i < 7; i++) {
			answers.push(await reason(joinAsNewParent(server.deps, 'ZZZZ-ZZZZ', form, '10.9.9.9', null)));
		}
		expect(answers.slice(0, 5)).toEqual(Array(5).fill('404 code_not_found'));
		expect(answers.at(-1)).toBe('429 too_many_attempts');
		// Another address is not slowed by it.
		expect(await reason(newParent(codes.a00!, 'other@example.no', '10.0.0.3'))).toBe('ok');
	});

	it('refuses a taken email and a bad form with reasons, making nobody', async () => {
		const bad = { displayName: '', email: 'nope', password: 'short' };
		try {
			await joinAsNewParent(server.deps, codes.a00!, bad, '10.0.0.4', null);
			expect.unreachable();
		} catch (error) {
			expect(error).toBeInstanceOf(ApiError);
			expect((error as ApiError).fields).toEqual({
				displayName: 'required',
				email: 'invalid_email',
				password: 'password_too_short'
			});
		}
		const taken = {
			displayName: 'Kari',
			email: 'KARI@example.no',
			password: 'correct horse battery'
		};
		expect(await reason(joinAsNewParent(server.deps, codes.a00!, taken, '10.0.0.4', null))).toBe(
			'409 email_unavailable'
		);
	});

	it('reads only the published summaries of their own groups, newest first', async () => {
		const parent = await newParent(codes.a00!, 'reader@example.no', '10.0.0.5');
		const list = await listParentSummaries(server.deps, parent);
		expect(list.map((s) => s.id)).toEqual([summaries.a00new, summaries.a00old]);
		const one = await readParentSummary(server.deps, parent, summaries.a00new!);
		expect(one.content.tools[0]?.name).toBe('Bee-Bot');
		expect(one.staffTextLocale).toBe('nb');
		// Another group, another kindergarten, another owner, a withdrawn one, a missing one.
		for (const id of [
			summaries.a01,
			summaries.a10,
			summaries.b00,
			summaries.a00withdrawn,
			uuidv7()
		]) {
			expect(await reason(readParentSummary(server.deps, parent, id!))).toBe('404 not_found');
		}
	});

	it('adds another group with a code of the same owner, never another owner’s', async () => {
		const parent = await newParent(codes.a00!, 'two@example.no', '10.0.0.6');
		expect(await reason(joinWithCode(server.deps, parent, codes.b00!, '10.0.0.6'))).toBe(
			'404 code_not_found'
		);
		await joinWithCode(server.deps, parent, codes.a01!, '10.0.0.6');
		const again = await joinWithCode(server.deps, parent, codes.a01!, '10.0.0.6');
		expect(again.already).toBe(true);
		const list = await listParentSummaries(server.deps, parent);
		expect(new Set(list.map((s) => s.id))).toEqual(
			new Set([summaries.a00new, summaries.a00old, summaries.a01])
		);
		// Removed from a group: its summaries are gone for them.
		await server.deps.db
			.updateTable('parentMemberships')
			.set({ removedAt: server.clock.now().toISOString() })
			.where('userId', '=', parent.userId)
			.where('groupId', '=', a.kindergartens[0]!.groups[1]!)
			.execute();
		expect(await reason(readParentSummary(server.deps, parent, summaries.a01!))).toBe(
			'404 not_found'
		);
	});

	it('staff and managers are not parents here', async () => {
		for (const role of ['staff', 'manager'] as const) {
			expect(await reason(listParentSummaries(server.deps, actorOf(a.users[role])))).toBe(
				'403 forbidden'
			);
		}
	});

	it('asks the kindergarten: refused when empty, too long or with a personal number', async () => {
		const parent = await newParent(codes.a00!, 'asker@example.no', '10.0.0.7');
		const group = a.kindergartens[0]!.groups[0]!;
		const ask = (body: string, groupId = group) =>
			reason(askQuestion(server.deps, parent, { groupId, body }));
		expect(await ask('   ')).toBe('422 invalid_value');
		expect(await ask('x'.repeat(1001))).toBe('422 invalid_value');
		expect(await ask('Barnet mitt har nummer 15076500565, er det greit?')).toBe(
			'422 invalid_value'
		);
		expect(await ask('Hvilke apper bruker dere?', a.kindergartens[0]!.groups[1])).toBe(
			'404 not_found'
		);
		expect(await ask('Hvilke apper bruker dere?')).toBe('ok');
		const other = await newParent(codes.a00!, 'other-asker@example.no', '10.0.0.8');
		expect((await listOwnQuestions(server.deps, parent)).map((q) => q.body)).toEqual([
			'Hvilke apper bruker dere?'
		]);
		expect(await listOwnQuestions(server.deps, other)).toEqual([]);
		const stored = await server.deps.db
			.selectFrom('parentQuestions')
			.selectAll()
			.where('askedBy', '=', parent.userId)
			.execute();
		expect(stored).toHaveLength(1);
		expect(stored[0]?.kindergartenId).toBe(a.kindergartens[0]!.id);
	});

	it('shows the owner’s privacy notice in the locale asked, else bokmål, else none', async () => {
		expect(await privacyNoticeFor(server.deps, a.id, 'nn')).toBeNull();
		await server.deps.db
			.insertInto('privacyNotices')
			.values({
				ownerId: a.id,
				locale: 'nb',
				body: 'Vi behandler personopplysninger slik …',
				updatedBy: a.users.ownerAdmin.id,
				updatedAt: server.clock.now().toISOString()
			})
			.execute();
		expect((await privacyNoticeFor(server.deps, a.id, 'ar'))?.locale).toBe('nb');
		expect(await privacyNoticeFor(server.deps, b.id, 'nb')).toBeNull();
	});
});
