import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from '$lib/domain/ids';
import { itemsFor } from '$lib/server/use-cases/competence';
import type { Figures, KindergartenReview, OwnerOverview } from '$lib/server/use-cases/competence';
import {
	describeEachDatabase,
	seedOwner,
	signIn,
	startTestServer,
	type SeededOwner,
	type TestServer
} from './harness';

/**
 * Professional digital competence on the server (issue 14): a person's own answers are theirs
 * (only they read and delete them), and everyone else gets counts, only for groups of at least
 * five and never one a smaller group can be worked out from.
 */

const PERIOD = '2026-2'; // the harness's clock: 28 November 2026

describeEachDatabase('competence self-assessment', (dialect) => {
	let server: TestServer;
	let a: SeededOwner;
	let b: SeededOwner;
	const cookies: Record<string, string> = {};

	/** A staff member (or manager) of `a`'s kindergarten `k`, signed in. */
	async function person(
		k: number,
		role: 'staff' | 'manager' = 'staff'
	): Promise<{ id: string; cookie: string }> {
		const { db } = server.deps;
		const { passwordHash } = await db
			.selectFrom('users')
			.select('passwordHash')
			.where('id', '=', a.users.staff.id)
			.executeTakeFirstOrThrow();
		const id = uuidv7();
		const now = server.clock.now().toISOString();
		const email = `${id}@test.lekeplan.no`;
		await db
			.insertInto('users')
			.values({
				id,
				ownerId: a.id,
				email,
				displayName: `Person ${id.slice(-4)}`,
				role,
				kindergartenId: a.kindergartens[k]!.id,
				groupId: null,
				passwordHash,
				disabledAt: null,
				createdAt: now,
				updatedAt: now
			})
			.execute();
		return { id, cookie: await signIn(server, email) };
	}

	/** Every item at `level`, except those given. */
	function answers(
		audience: 'staff' | 'manager',
		level: number,
		except: Record<string, number> = {}
	) {
		return Object.fromEntries(itemsFor(audience, PERIOD).map((i) => [i.id, except[i.id] ?? level]));
	}

	const submit = (cookie: string, body: unknown, period = PERIOD) =>
		server.request('PUT', `/api/v1/competence/mine/${period}`, { cookie, body });

	beforeAll(async () => {
		server = await startTestServer(dialect);
		a = await seedOwner(server, 'a');
		b = await seedOwner(server, 'b');
		for (const owner of [a, b]) {
			for (const role of ['ownerAdmin', 'manager', 'staff', 'parent'] as const) {
				cookies[`${role}.${owner === a ? 'a' : 'b'}`] = await signIn(
					server,
					owner.users[role].email
				);
			}
		}
	});
	afterAll(async () => server.close());

	describe('a person answers, reads, and deletes their own', () => {
		it('saves every item in force and gives it back only to the person', async () => {
			const sent = answers('staff', 3, { 'coding-play': 1 });
			const saved = await submit(cookies['staff.a']!, { bankVersion: 1, answers: sent });
			expect(saved.status, await saved.clone().text()).toBe(200);
			const mine = await server.request('GET', '/api/v1/competence/mine', {
				cookie: cookies['staff.a']!
			});
			expect(await mine.json()).toMatchObject({
				submissions: [{ period: PERIOD, audience: 'staff', answers: sent }]
			});
			const managers = await server.request('GET', '/api/v1/competence/mine', {
				cookie: cookies['manager.a']!
			});
			expect(await managers.json()).toEqual({ submissions: [] });
		});

		it('asks a manager the manager items too', async () => {
			const staffOnly = await submit(cookies['manager.a']!, {
				bankVersion: 1,
				answers: answers('staff', 4)
			});
			expect(staffOnly.status).toBe(422);
			const body = (await staffOnly.json()) as { error: { fields: Record<string, string> } };
			expect(body.error.fields).toMatchObject({ 'answers.guide-staff': 'required' });
			const all = await submit(cookies['manager.a']!, {
				bankVersion: 1,
				answers: answers('manager', 4)
			});
			expect(all.status).toBe(200);
		});

		it('refuses a missing, unknown or out-of-range answer, and a closed period, changing nothing', async () => {
			const before = await (
				await server.request('GET', '/api/v1/competence/mine', { cookie: cookies['staff.a']! })
			).text();
			const cases: Array<[unknown, string | undefined, number, string]> = [
				[{ bankVersion: 1, answers: answers('staff', 7) }, undefined, 422, 'invalid_value'],
				[
					{ bankVersion: 1, answers: { ...answers('staff', 2), 'guide-staff': 2 } },
					undefined,
					400,
					'unknown_item'
				],
				[
					{ bankVersion: 1, answers: { ...answers('staff', 2), 'no-such': 2 } },
					undefined,
					400,
					'unknown_item'
				],
				[{ bankVersion: 1, answers: answers('staff', 2.5) }, undefined, 422, 'invalid_value'],
				[{ bankVersion: 1 }, undefined, 400, 'invalid_body'],
				[{ bankVersion: 1, answers: answers('staff', 2) }, '2027-1', 422, 'period_closed'],
				[{ bankVersion: 1, answers: answers('staff', 2) }, '2025-2', 422, 'period_closed'],
				[{ bankVersion: 1, answers: answers('staff', 2) }, 'autumn', 400, 'invalid_period']
			];
			for (const [body, period, status, reason] of cases) {
				const response = await submit(cookies['staff.a']!, body, period);
				expect(response.status, JSON.stringify(body)).toBe(status);
				expect(((await response.json()) as { error: { reason: string } }).error.reason).toBe(
					reason
				);
			}
			const after = await (
				await server.request('GET', '/api/v1/competence/mine', { cookie: cookies['staff.a']! })
			).text();
			expect(after).toBe(before);
		});

		it('is refused to nobody signed in, an owner administrator and a parent', async () => {
			const anonymous = await server.request('PUT', `/api/v1/competence/mine/${PERIOD}`, {
				body: { bankVersion: 1, answers: answers('staff', 3) }
			});
			expect(anonymous.status).toBe(401);
			for (const who of ['ownerAdmin.a', 'parent.a']) {
				const response = await submit(cookies[who]!, {
					bankVersion: 1,
					answers: answers('staff', 3)
				});
				expect(response.status, who).toBe(403);
			}
		});

		it('deletes a period, and everything, of the person only', async () => {
			const mine = (cookie: string) =>
				server.request('GET', '/api/v1/competence/mine', { cookie }).then((r) => r.json());
			const other = await person(1);
			await submit(other.cookie, { bankVersion: 1, answers: answers('staff', 5) });
			expect(
				(
					await server.request('DELETE', `/api/v1/competence/mine/${PERIOD}`, {
						cookie: other.cookie
					})
				).status
			).toBe(204);
			expect(await mine(other.cookie)).toEqual({ submissions: [] });
			expect(
				((await mine(cookies['staff.a']!)) as { submissions: unknown[] }).submissions
			).toHaveLength(1);
		});
	});

	describe('the figures others see', () => {
		const review = async (cookie: string, k = 0) => {
			const response = await server.request(
				'GET',
				`/api/v1/competence/kindergartens/${a.kindergartens[k]!.id}?period=${PERIOD}`,
				{ cookie }
			);
			expect(response.status, await response.clone().text()).toBe(200);
			return (await response.json()) as KindergartenReview;
		};

		it('hides a kindergarten where four have answered, and shows it at five', async () => {
			// staff.a and manager.a have answered in kindergarten 0; two more make four.
			const extra = [await person(0), await person(0)];
			for (const p of extra)
				await submit(p.cookie, { bankVersion: 1, answers: answers('staff', 3) });
			expect((await review(cookies['manager.a']!)).staff).toEqual({
				shown: false,
				reason: 'too_few'
			});

			const fifth = await person(0);
			await submit(fifth.cookie, {
				bankVersion: 1,
				answers: answers('staff', 2, { 'coding-play': 1 })
			});
			const shown = await review(cookies['manager.a']!);
			const staff = shown.staff as Figures;
			expect(staff).toMatchObject({ shown: true, respondents: 5 });
			// coding-play: staff.a 1, the manager 4, two at 3, the fifth 1: not a gap (2 of 5 lowest).
			expect(staff.items.find((i) => i.itemId === 'coding-play')).toEqual({
				itemId: 'coding-play',
				summary: { kind: 'distribution', counts: [2, 0, 2, 1, 0, 0], total: 5 },
				gap: false
			});
			// One manager: the manager items are never shown for one kindergarten.
			expect(shown.managers).toEqual({ shown: false, reason: 'too_few' });
		});

		it('shows a unanimous item as a range, never as what everyone answered', async () => {
			for (let i = 0; i < 5; i++) {
				const p = await person(1);
				await submit(p.cookie, { bankVersion: 1, answers: answers('staff', 4) });
			}
			const item = ((await review(cookies['ownerAdmin.a']!, 1)).staff as Figures).items[0]!;
			expect(item.summary).toEqual({ kind: 'range', from: 3, to: 4, total: 5 });
			const area = ((await review(cookies['ownerAdmin.a']!, 1)).staff as Figures).areas[0]!;
			expect(area).toMatchObject({ summary: { kind: 'range', from: 3, to: 4 }, mean: null });
		});

		it('never carries a person, an id of one, or an answer of one', async () => {
			const text = JSON.stringify(await review(cookies['manager.a']!));
			const ids = await server.deps.db
				.selectFrom('users')
				.select('id')
				.where('ownerId', '=', a.id)
				.execute();
			for (const { id } of ids) expect(text).not.toContain(id);
			expect(text).not.toMatch(/answers|userId|email/);
		});

		it('gives the owner the total and each kindergarten under the same rules', async () => {
			const response = await server.request('GET', `/api/v1/competence/overview?period=${PERIOD}`, {
				cookie: cookies['ownerAdmin.a']!
			});
			expect(response.status).toBe(200);
			const overview = (await response.json()) as OwnerOverview;
			expect(overview.total.staff).toMatchObject({ shown: true, respondents: 10 });
			expect(overview.kindergartens.map((k) => [k.id, k.staff.shown])).toEqual(
				expect.arrayContaining([
					[a.kindergartens[0]!.id, true],
					[a.kindergartens[1]!.id, true]
				])
			);
			// One manager across the owner: fewer than five, so hidden everywhere.
			expect(overview.total.managers).toEqual({ shown: false, reason: 'too_few' });
			expect(overview.periods).toEqual([PERIOD]);
		});

		it('gives the same figures as CSV, hidden cells empty and the reason beside them', async () => {
			const get = (query: string, cookie = cookies['ownerAdmin.a']!) =>
				server.request('GET', `/api/v1/competence/overview/export${query}`, { cookie });
			const response = await get(`?period=${PERIOD}`);
			expect(response.status).toBe(200);
			expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
			expect(response.headers.get('content-disposition')).toBe(
				`attachment; filename="lekeplan-kompetanse-${PERIOD}.csv"`
			);
			expect(response.headers.get('cache-control')).toBe('no-store');
			const bytes = new Uint8Array(await response.clone().arrayBuffer());
			expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
			const text = (await response.text()).replace(/^\ufeff/, '');
			const [header, ...rows] = parseCsv(text);
			expect(header).toEqual([
				'Periode',
				'Barnehage',
				'Del',
				'Område',
				'Områdekode',
				'Antall som har svart',
				'Gjennomsnitt',
				'Endring siden sist',
				'Merknad'
			]);
			const overview = (await (
				await server.request('GET', `/api/v1/competence/overview?period=${PERIOD}`, {
					cookie: cookies['ownerAdmin.a']!
				})
			).json()) as OwnerOverview;
			const units = [
				['Alle barnehagene', overview.total] as const,
				...overview.kindergartens.map((k) => [k.name, k] as const)
			];
			for (const [name, unit] of units) {
				for (const [part, figures] of [
					['Alle som har svart', unit.staff],
					['Ledelsespunktene (styrere)', unit.managers]
				] as const) {
					const own = rows.filter((r) => r[1] === name && r[2] === part);
					expect(own.length, `${name} ${part}`).toBeGreaterThan(0);
					if (!figures.shown) {
						// Hidden: no figure at all, and why, on every one of its rows.
						for (const r of own) expect(r.slice(5, 8)).toEqual(['', '', '']);
						for (const r of own) expect(r[8]).toMatch(/^(Skjult|Ingen har svart)/);
						continue;
					}
					expect(own.map((r) => r[4])).toEqual(figures.areas.map((a) => a.area));
					for (const [i, a] of figures.areas.entries()) {
						expect(own[i]![5]).toBe(String(figures.respondents));
						expect(own[i]![6]).toBe(a.mean === null ? '' : String(a.mean));
						if (a.mean === null) expect(own[i]![8]).toMatch(/^Alle svarte likt/);
					}
				}
			}
			// What the other tests made: the total shown, the managers hidden, a unanimous area.
			expect(rows.find((r) => r[1] === 'Alle barnehagene')?.[5]).toBe('10');
			expect(
				rows.filter((r) => r[2] === 'Ledelsespunktene (styrere)').every((r) => r[5] === '')
			).toBe(true);
			expect(rows.some((r) => r[8]!.startsWith('Alle svarte likt'))).toBe(true);
			const ids = await server.deps.db
				.selectFrom('users')
				.select('id')
				.where('ownerId', '=', a.id)
				.execute();
			for (const { id } of ids) expect(text).not.toContain(id);

			const english = parseCsv(
				(await (await get(`?period=${PERIOD}&lang=en`)).text()).replace(/^\ufeff/, '')
			);
			expect(english[0]!.slice(0, 3)).toEqual(['Period', 'Kindergarten', 'Part']);
			expect(english[1]![1]).toBe('All kindergartens');
			expect((await get('?lang=de')).status).toBe(400);
			expect((await get('?period=x')).status).toBe(400);
			expect((await get('', cookies['manager.a'])).status).toBe(403);
			expect((await get('', cookies['staff.a'])).status).toBe(403);
			expect((await server.request('GET', '/api/v1/competence/overview/export')).status).toBe(401);
		});

		it('refuses staff, another kindergarten, another owner and a manager asking for the overview', async () => {
			const get = (cookie: string, path: string) =>
				server.request('GET', `/api/v1/competence${path}`, { cookie });
			expect(
				(await get(cookies['staff.a']!, `/kindergartens/${a.kindergartens[0]!.id}`)).status
			).toBe(403);
			expect(
				(await get(cookies['manager.a']!, `/kindergartens/${a.kindergartens[1]!.id}`)).status
			).toBe(404);
			expect(
				(await get(cookies['ownerAdmin.b']!, `/kindergartens/${a.kindergartens[0]!.id}`)).status
			).toBe(404);
			expect((await get(cookies['manager.a']!, '/overview')).status).toBe(403);
			expect((await get(cookies['ownerAdmin.a']!, '/overview?period=x')).status).toBe(400);
			void b;
		});
	});
});

/** A CSV text's rows: fields split at commas outside quotes, quotes undoubled. */
function parseCsv(text: string): string[][] {
	return text
		.split('\r\n')
		.filter((line) => line !== '')
		.map((line) =>
			[...line.matchAll(/(?:^|,)("(?:[^"]|"")*"|[^,]*)/g)].map(([, f]) =>
				f!.startsWith('"') ? f!.slice(1, -1).replaceAll('""', '"') : f!
			)
		);
}
