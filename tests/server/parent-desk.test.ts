import { afterAll, beforeAll, expect, it } from 'vitest';
import { uuidv7 } from '$lib/domain/ids';
import { DEFAULT_GUIDANCE } from '$lib/domain/guidance-default';
import { buildSummary, monthPeriod, weekPeriod } from '$lib/domain/parent-summary-build';
import { normalizeParentCode } from '$lib/domain/parent-code';
import { hashToken } from '$lib/server/auth/tokens';
import type { ParentCodeView, QuestionView, SummaryView } from '$lib/server/use-cases/parent-desk';
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
 * The kindergarten's side of the parents' pages (issue 17, ADR 40): a manager (or staff the
 * manager allows) publishes a group's summary, replaces and withdraws it; the manager makes,
 * lists and revokes join codes (the code shown once), lists and removes the parents of a group,
 * and answers their questions. Nothing of another kindergarten or owner is reachable.
 */

type ErrorBody = { error: { reason: string; fields?: Record<string, string> } };

describeEachDatabase('the parents desk', (dialect) => {
	let server: TestServer;
	let a: SeededOwner;
	let b: SeededOwner;
	const cookie: Record<string, string> = {};

	async function signInAll() {
		for (const role of ['manager', 'staff', 'parent', 'ownerAdmin'] as const) {
			cookie[role] = await signIn(server, a.users[role].email);
		}
		cookie['foreign'] = await signIn(server, b.users.manager.email);
	}

	beforeAll(async () => {
		server = await startTestServer(dialect);
		a = await seedOwner(server, 'a');
		b = await seedOwner(server, 'b');
		await signInAll();
	});
	afterAll(() => server?.close());

	const own = () => a.kindergartens[0]!.groups[0]!;
	const publish = (who: string, body: unknown) =>
		server.request('POST', '/api/v1/summaries', { cookie: cookie[who]!, body });
	const summaryOf = (groupId: string, date = '2026-11-24', text = 'Vi utforsket lys.') => ({
		groupId,
		content: buildSummary([], { id: groupId, ageMin: 3 }, DEFAULT_GUIDANCE, weekPeriod(date)),
		staffText: text,
		staffTextLocale: 'nb'
	});
	const list = async (who = 'manager') => {
		const response = await server.request('GET', '/api/v1/summaries', { cookie: cookie[who]! });
		expect(response.status).toBe(200);
		return ((await response.json()) as { summaries: SummaryView[] }).summaries;
	};
	const reason = async (response: Response) => ((await response.json()) as ErrorBody).error;

	it('the manager publishes; the same group and period again replaces it', async () => {
		const first = await publish('manager', summaryOf(own()));
		expect(first.status).toBe(201);
		const { summary } = (await first.json()) as { summary: SummaryView };
		expect(summary).toMatchObject({
			groupId: own(),
			period: { kind: 'week', start: '2026-11-23', end: '2026-11-29' },
			staffText: 'Vi utforsket lys.',
			staffTextLocale: 'nb'
		});
		const again = await publish('manager', summaryOf(own(), '2026-11-26', 'Rettet tekst.'));
		expect(again.status).toBe(200);
		const listed = await list();
		expect(listed.filter((s) => s.groupId === own())).toHaveLength(1);
		expect(listed[0]).toMatchObject({ id: summary.id, staffText: 'Rettet tekst.' });
		const audited = await server.deps.db
			.selectFrom('auditLog')
			.select('reason')
			.where('action', '=', 'summary_published')
			.where('targetId', '=', summary.id)
			.execute();
		expect(audited.map((r) => r.reason).sort()).toEqual(['replaced', null].sort());
	});

	it('a month is its own period beside the weeks', async () => {
		const body = {
			...summaryOf(own()),
			content: buildSummary(
				[],
				{ id: own(), ageMin: 3 },
				DEFAULT_GUIDANCE,
				monthPeriod('2026-11-05')
			)
		};
		expect((await publish('manager', body)).status).toBe(201);
		expect((await list()).map((s) => s.period.kind).sort()).toEqual(['month', 'week']);
	});

	it('refuses a period that is not one, a personal number, and another kindergarten’s group', async () => {
		const before = await snapshot(server);
		const wrong = summaryOf(own());
		wrong.content.period.start = '2026-11-24';
		const bad = await publish('manager', wrong);
		expect(bad.status).toBe(422);
		expect((await reason(bad)).fields).toEqual({ 'content.period': 'invalid_period' });

		const personal = await publish(
			'manager',
			summaryOf(own(), '2026-11-24', 'Spør om 01012012302')
		);
		expect(personal.status).toBe(422);
		expect((await reason(personal)).fields).toEqual({ staffText: 'personal_number' });

		expect((await publish('manager', summaryOf(a.kindergartens[1]!.groups[0]!))).status).toBe(404);
		expect((await publish('manager', summaryOf(b.kindergartens[0]!.groups[0]!))).status).toBe(404);
		expect((await publish('manager', summaryOf(uuidv7()))).status).toBe(404);
		await expectUnchanged(server, before, { auditAllowed: ['access_refused'] });
	});

	it('staff publish only once the manager allows it, and no longer once stopped', async () => {
		const staff = a.users.staff.id;
		const desk = async () =>
			(await (
				await server.request('GET', '/api/v1/parent-desk', { cookie: cookie['staff']! })
			).json()) as {
				publish: boolean;
				manage: boolean;
			};
		expect(await desk()).toEqual({ publish: false, manage: false });
		const refused = await publish('staff', summaryOf(a.kindergartens[0]!.groups[1]!));
		expect(refused.status).toBe(403);
		expect(
			(await server.request('GET', '/api/v1/summaries', { cookie: cookie['staff']! })).status
		).toBe(403);

		const allow = await server.request('PUT', `/api/v1/summary-publishers/${staff}`, {
			cookie: cookie['manager']!
		});
		expect(allow.status).toBe(204);
		const who = (await (
			await server.request('GET', '/api/v1/summary-publishers', { cookie: cookie['manager']! })
		).json()) as { staff: Array<{ userId: string; allowed: boolean }> };
		expect(who.staff).toContainEqual(expect.objectContaining({ userId: staff, allowed: true }));
		expect(await desk()).toEqual({ publish: true, manage: false });
		expect((await publish('staff', summaryOf(a.kindergartens[0]!.groups[1]!))).status).toBe(201);

		// Staff may not let others publish, nor make codes.
		expect(
			(
				await server.request('PUT', `/api/v1/summary-publishers/${staff}`, {
					cookie: cookie['staff']!
				})
			).status
		).toBe(403);
		expect(
			(
				await server.request('POST', '/api/v1/parent-codes', {
					cookie: cookie['staff']!,
					body: { groupId: own() }
				})
			).status
		).toBe(403);

		expect(
			(
				await server.request('DELETE', `/api/v1/summary-publishers/${staff}`, {
					cookie: cookie['manager']!
				})
			).status
		).toBe(204);
		expect((await publish('staff', summaryOf(a.kindergartens[0]!.groups[1]!))).status).toBe(403);
		// A staff member of another owner is not the manager's to allow.
		expect(
			(
				await server.request('PUT', `/api/v1/summary-publishers/${b.users.staff.id}`, {
					cookie: cookie['manager']!
				})
			).status
		).toBe(404);
		// A manager publishes anyway: not a staff member to allow.
		const manager = await server.request(
			'PUT',
			`/api/v1/summary-publishers/${a.users.manager.id}`,
			{
				cookie: cookie['manager']!
			}
		);
		expect(manager.status).toBe(422);
		expect((await reason(manager)).reason).toBe('not_staff');
	});

	it('withdrawing takes a summary off the list; another kindergarten cannot', async () => {
		const [summary] = await list();
		const foreign = await server.request('DELETE', `/api/v1/summaries/${summary!.id}`, {
			cookie: cookie['foreign']!
		});
		expect(foreign.status).toBe(404);
		const withdrawn = await server.request('DELETE', `/api/v1/summaries/${summary!.id}`, {
			cookie: cookie['manager']!
		});
		expect(withdrawn.status).toBe(204);
		expect((await list()).map((s) => s.id)).not.toContain(summary!.id);
		const row = await server.deps.db
			.selectFrom('parentSummaries')
			.select('withdrawnAt')
			.where('id', '=', summary!.id)
			.executeTakeFirstOrThrow();
		expect(row.withdrawnAt).not.toBeNull();
	});

	it('a code is shown once with its link, then listed by status only, and revoked', async () => {
		const made = await server.request('POST', '/api/v1/parent-codes', {
			cookie: cookie['manager']!,
			body: { groupId: own() }
		});
		expect(made.status).toBe(201);
		const { code } = (await made.json()) as {
			code: ParentCodeView & { code: string; url: string };
		};
		expect(code.code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
		expect(code.url).toBe(`http://localhost:3000/join/${code.code}`);
		expect(code.status).toBe('pending');
		const stored = await server.deps.db
			.selectFrom('parentCodes')
			.select('codeHash')
			.where('id', '=', code.id)
			.executeTakeFirstOrThrow();
		expect(stored.codeHash).toBe(hashToken(normalizeParentCode(code.code)!));

		const listing = await server.request('GET', '/api/v1/parent-codes', {
			cookie: cookie['manager']!
		});
		const text = await listing.text();
		expect(text).not.toContain(code.code);
		expect(text).not.toContain(normalizeParentCode(code.code)!);
		const { codes } = JSON.parse(text) as { codes: ParentCodeView[] };
		expect(codes).toContainEqual(expect.objectContaining({ id: code.id, status: 'pending' }));

		expect(
			(
				await server.request('DELETE', `/api/v1/parent-codes/${code.id}`, {
					cookie: cookie['foreign']!
				})
			).status
		).toBe(404);
		expect(
			(
				await server.request('DELETE', `/api/v1/parent-codes/${code.id}`, {
					cookie: cookie['manager']!
				})
			).status
		).toBe(204);
		const after = (await (
			await server.request('GET', '/api/v1/parent-codes', { cookie: cookie['manager']! })
		).json()) as { codes: ParentCodeView[] };
		expect(after.codes.find((c) => c.id === code.id)?.status).toBe('revoked');

		// After 90 days an unrevoked code is expired.
		const later = (await (
			await server.request('POST', '/api/v1/parent-codes', {
				cookie: cookie['manager']!,
				body: { groupId: own() }
			})
		).json()) as { code: ParentCodeView };
		server.clock.advance(91 * 86_400_000);
		await signInAll();
		const expired = (await (
			await server.request('GET', '/api/v1/parent-codes', { cookie: cookie['manager']! })
		).json()) as { codes: ParentCodeView[] };
		expect(expired.codes.find((c) => c.id === later.code.id)?.status).toBe('expired');

		// Not for a group of another kindergarten.
		const sibling = await server.request('POST', '/api/v1/parent-codes', {
			cookie: cookie['manager']!,
			body: { groupId: a.kindergartens[1]!.groups[0]! }
		});
		expect(sibling.status).toBe(404);
	});

	it('lists the parents of a group and removes one', async () => {
		const parent = a.users.parent;
		await server.deps.db
			.insertInto('parentMemberships')
			.values({
				userId: parent.id,
				groupId: own(),
				kindergartenId: a.kindergartens[0]!.id,
				codeId: null,
				joinedAt: '2026-11-20T10:00:00.000Z',
				removedAt: null
			})
			.execute();
		const listed = await server.request('GET', `/api/v1/groups/${own()}/parents`, {
			cookie: cookie['manager']!
		});
		expect(listed.status).toBe(200);
		expect(((await listed.json()) as { parents: unknown[] }).parents).toEqual([
			{
				userId: parent.id,
				groupId: own(),
				displayName: 'parent a',
				joinedAt: '2026-11-20T10:00:00.000Z'
			}
		]);
		expect(
			(
				await server.request('GET', `/api/v1/groups/${own()}/parents`, {
					cookie: cookie['foreign']!
				})
			).status
		).toBe(404);
		expect(
			(
				await server.request('DELETE', `/api/v1/groups/${own()}/parents/${parent.id}`, {
					cookie: cookie['manager']!
				})
			).status
		).toBe(204);
		const after = (await (
			await server.request('GET', `/api/v1/groups/${own()}/parents`, { cookie: cookie['manager']! })
		).json()) as { parents: unknown[] };
		expect(after.parents).toEqual([]);
		expect(
			(
				await server.request('DELETE', `/api/v1/groups/${own()}/parents/${parent.id}`, {
					cookie: cookie['manager']!
				})
			).status
		).toBe(404);
	});

	it('questions come unanswered first, newest first; an answer is given and corrected', async () => {
		const ask = async (body: string, askedAt: string, answer: string | null = null) => {
			const id = uuidv7();
			await server.deps.db
				.insertInto('parentQuestions')
				.values({
					id,
					ownerId: a.id,
					kindergartenId: a.kindergartens[0]!.id,
					groupId: own(),
					askedBy: a.users.parent.id,
					body,
					askedAt,
					answer,
					answeredBy: answer ? a.users.manager.id : null,
					answeredAt: answer ? askedAt : null
				})
				.execute();
			return id;
		};
		const answered = await ask('Gammelt spørsmål', '2026-11-25T08:00:00.000Z', 'Svar');
		const older = await ask('Hvor lenge bruker dere skjerm?', '2026-11-20T08:00:00.000Z');
		const newer = await ask('Hvilke apper?', '2026-11-26T08:00:00.000Z');
		const questions = async (who = 'manager') => {
			const response = await server.request('GET', '/api/v1/parent-questions', {
				cookie: cookie[who]!
			});
			return {
				status: response.status,
				list: response.ok
					? ((await response.json()) as { questions: QuestionView[] }).questions
					: []
			};
		};
		expect((await questions()).list.map((q) => q.id)).toEqual([newer, older, answered]);
		expect((await questions('staff')).status).toBe(403);
		expect((await questions('foreign')).list).toEqual([]);

		const answer = (who: string, id: string, body: unknown) =>
			server.request('PUT', `/api/v1/parent-questions/${id}/answer`, {
				cookie: cookie[who]!,
				body
			});
		const empty = await answer('manager', newer, { answer: '   ' });
		expect(empty.status).toBe(422);
		expect((await answer('foreign', newer, { answer: 'Kapret' })).status).toBe(404);
		const first = await answer('manager', newer, { answer: 'Vi bruker Bee-Bot og lupe.' });
		expect(first.status).toBe(200);
		expect(((await first.json()) as { question: QuestionView }).question).toMatchObject({
			id: newer,
			answer: 'Vi bruker Bee-Bot og lupe.'
		});
		expect((await answer('manager', newer, { answer: 'Vi bruker Bee-Bot.' })).status).toBe(200);
		const list = (await questions()).list;
		expect(list.map((q) => q.id)).toEqual([older, newer, answered]);
		expect(list.find((q) => q.id === newer)?.answer).toBe('Vi bruker Bee-Bot.');
		const audited = await server.deps.db
			.selectFrom('auditLog')
			.select('reason')
			.where('action', '=', 'parent_question_answered')
			.where('targetId', '=', newer)
			.execute();
		expect(audited.map((r) => r.reason).sort()).toEqual(['corrected', null].sort());
	});
});
