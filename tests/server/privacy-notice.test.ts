import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { privacyNoticeFor, type PrivacyNoticeView } from '$lib/server/use-cases/privacy-notice';
import {
	describeEachDatabase,
	seedOwner,
	signIn,
	startTestServer,
	type SeededOwner,
	type TestServer
} from './harness';
import { expectUnchanged, snapshot } from './snapshot';

/**
 * The owner's privacy notice (issues 16 and 17): an owner admin writes it per language; everyone
 * signed in to that owner reads it, parents too; nothing of another owner's; a save never
 * overwrites another admin's unseen; bad text is refused with a reason and changes nothing.
 */

type ErrorBody = { error: { reason: string; fields?: Record<string, string> } };

describeEachDatabase('the privacy notice', (dialect) => {
	let server: TestServer;
	let a: SeededOwner;
	let b: SeededOwner;
	const cookies: Record<string, string> = {};

	const read = async (cookie: string) =>
		(await (
			await server.request('GET', '/api/v1/privacy-notice', { cookie })
		).json()) as PrivacyNoticeView;
	const save = (cookie: string, locale: string, body: unknown) =>
		server.request('PUT', `/api/v1/privacy-notice/${locale}`, { cookie, body });

	beforeAll(async () => {
		server = await startTestServer(dialect);
		a = await seedOwner(server, 'a');
		b = await seedOwner(server, 'b');
		for (const role of ['ownerAdmin', 'manager', 'staff', 'parent'] as const) {
			cookies[`${role}.a`] = await signIn(server, a.users[role].email);
		}
		cookies['ownerAdmin.b'] = await signIn(server, b.users.ownerAdmin.email);
	});
	afterAll(async () => server.close());

	describe('in order, on one clock', () => {
		it('is unwritten at first, and says whose it is', async () => {
			const view = await read(cookies['parent.a']!);
			expect(view.texts).toEqual([]);
			expect(view.ownerName).toBe('Eier a');
		});

		it('is saved in one language, audited, and read by every role of the owner', async () => {
			const response = await save(cookies['ownerAdmin.a']!, 'nn', {
				body: 'Kva vi lagrar\n\nKvifor vi lagrar det',
				baseUpdatedAt: null
			});
			expect(response.status).toBe(200);
			const { displayName } = await server.deps.db
				.selectFrom('users')
				.select('displayName')
				.where('id', '=', a.users.ownerAdmin.id)
				.executeTakeFirstOrThrow();
			for (const role of ['manager', 'staff', 'parent'] as const) {
				const view = await read(cookies[`${role}.a`]!);
				expect(view.texts).toEqual([
					expect.objectContaining({
						locale: 'nn',
						body: 'Kva vi lagrar\n\nKvifor vi lagrar det',
						updatedBy: displayName
					})
				]);
			}
			const audit = await server.deps.db
				.selectFrom('auditLog')
				.select(['action', 'targetId', 'actorUserId'])
				.where('action', '=', 'privacy_notice_changed')
				.execute();
			expect(audit).toEqual([
				{ action: 'privacy_notice_changed', targetId: 'nn', actorUserId: a.users.ownerAdmin.id }
			]);
			// Another owner's people read nothing of it.
			expect((await read(cookies['ownerAdmin.b']!)).texts).toEqual([]);
		});

		it('refuses a save made on an older text (409), keeping the newer one', async () => {
			const [first] = (await read(cookies['ownerAdmin.a']!)).texts;
			const newer = await save(cookies['ownerAdmin.a']!, 'nn', {
				body: 'Ny tekst',
				baseUpdatedAt: first!.updatedAt
			});
			expect(newer.status).toBe(200);
			const before = await snapshot(server);
			const stale = await save(cookies['ownerAdmin.a']!, 'nn', {
				body: 'Gammal tekst',
				baseUpdatedAt: first!.updatedAt
			});
			expect(stale.status).toBe(409);
			expect(((await stale.json()) as ErrorBody).error.reason).toBe('version_conflict');
			await expectUnchanged(server, before);
			expect((await read(cookies['staff.a']!)).texts[0]!.body).toBe('Ny tekst');
		});

		it('refuses an empty, too long or identifying text and an unknown language, changing nothing', async () => {
			const before = await snapshot(server);
			const cases: Array<[string, unknown, number, string, Record<string, string>?]> = [
				['nb', { body: '   ', baseUpdatedAt: null }, 422, 'invalid_value', { body: 'required' }],
				[
					'nb',
					{ body: 'x'.repeat(20_001), baseUpdatedAt: null },
					422,
					'invalid_value',
					{ body: 'too_long' }
				],
				[
					'nb',
					{ body: 'Spør 01012012302 om alt', baseUpdatedAt: null },
					422,
					'invalid_value',
					{ body: 'personal_number' }
				],
				['nb', { text: 'feil felt' }, 400, 'invalid_body'],
				['se', { body: 'Gielda', baseUpdatedAt: null }, 404, 'unknown_locale']
			];
			for (const [locale, body, status, reason, fields] of cases) {
				const response = await save(cookies['ownerAdmin.a']!, locale, body);
				expect(response.status, JSON.stringify(body).slice(0, 60)).toBe(status);
				const error = ((await response.json()) as ErrorBody).error;
				expect(error.reason).toBe(reason);
				if (fields) expect(error.fields).toEqual(fields);
			}
			await expectUnchanged(server, before);
		});

		it("gives a reader their language's text, else the one written", async () => {
			await save(cookies['ownerAdmin.a']!, 'en', { body: 'What we store', baseUpdatedAt: null });
			expect((await privacyNoticeFor(server.deps, a.id, 'en'))?.body).toBe('What we store');
			expect((await privacyNoticeFor(server.deps, a.id, 'ar'))?.locale).toBe('nn');
			expect(await privacyNoticeFor(server.deps, b.id, 'nb')).toBeNull();
		});
	});
});
