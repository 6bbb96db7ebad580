import type { ServerDeps } from '../deps';
import type { Actor } from '../auth/sessions';
import { ApiError } from '../api/http';
import { audit } from '../audit';
import { authorize } from '../access';
import { hashToken } from '../auth/tokens';
import { hashPassword, PASSWORD_MAX, PASSWORD_MIN } from '../auth/passwords';
import { startSession } from '../auth/sessions';
import { recordFailure, secondsToWait, throttleKeys } from '../auth/throttle';
import { uuidv7 } from '$lib/domain/ids';
import { normalizeParentCode } from '$lib/domain/parent-code';
import { summaryContentSchema, type SummaryContent } from '$lib/domain/parent-summary';
import { questionProblem } from '$lib/domain/parent-question';
import { containsPersonalNumber } from '$lib/domain/personal-number';

/**
 * What a parent reads and does on their own pages (issue 17, ADR 39): joining a group with the
 * code a manager made, the published summaries of their groups, their questions and the answers,
 * and the owner's privacy notice. The pages are rendered on the server (src/routes/(parents)) and
 * call these functions directly; every refusal is an ApiError with a reason code the page says in
 * the parent's language.
 */

/** Failures to open a code count against this account key, per address (auth/throttle.ts). */
const CODE_THROTTLE_ACCOUNT = 'parent-code';

export interface CodeGroup {
	codeId: string;
	ownerId: string;
	kindergartenId: string;
	groupId: string;
	groupName: string;
	kindergartenName: string;
}

/** Waits out (429) an address that has guessed codes too often. */
async function throttleCode(deps: ServerDeps, address: string) {
	const keys = throttleKeys(CODE_THROTTLE_ACCOUNT, address);
	const wait = await secondsToWait(deps, keys);
	if (wait > 0) {
		throw new ApiError(429, 'too_many_attempts', undefined, { 'retry-after': String(wait) });
	}
	return keys;
}

/**
 * The group a typed code lets a parent join. Unknown, revoked and expired codes get the same
 * 404 `code_not_found` (nothing tells which), and each counts as a failed attempt, like a wrong
 * password: an address that keeps guessing is slowed down (429 `too_many_attempts`).
 */
export async function openParentCode(
	deps: ServerDeps,
	typed: string,
	address: string
): Promise<CodeGroup> {
	const keys = await throttleCode(deps, address);
	const code = normalizeParentCode(typed);
	const row = code
		? await deps.db
				.selectFrom('parentCodes')
				.innerJoin('groups', 'groups.id', 'parentCodes.groupId')
				.innerJoin('kindergartens', 'kindergartens.id', 'parentCodes.kindergartenId')
				.select([
					'parentCodes.id as codeId',
					'parentCodes.ownerId',
					'parentCodes.kindergartenId',
					'parentCodes.groupId',
					'parentCodes.expiresAt',
					'parentCodes.revokedAt',
					'groups.name as groupName',
					'groups.kindergartenId as groupKindergartenId',
					'kindergartens.name as kindergartenName'
				])
				.where('parentCodes.codeHash', '=', hashToken(code))
				.executeTakeFirst()
		: undefined;
	const usable =
		row !== undefined &&
		row.revokedAt === null &&
		new Date(row.expiresAt) > deps.clock.now() &&
		row.groupKindergartenId === row.kindergartenId;
	// A code that works clears nothing: a parent who has one must not be able to reset the count
	// of their guesses at others with it.
	if (!usable) {
		await recordFailure(deps, keys);
		throw new ApiError(404, 'code_not_found');
	}
	return {
		codeId: row.codeId,
		ownerId: row.ownerId,
		kindergartenId: row.kindergartenId,
		groupId: row.groupId,
		groupName: row.groupName,
		kindergartenName: row.kindergartenName
	};
}

export interface NewParent {
	displayName: string;
	email: string;
	password: string;
}

export type NewParentProblem = Partial<
	Record<keyof NewParent, 'required' | 'too_long' | 'invalid_email' | 'password_too_short'>
>;

/** What is wrong with a new parent's form, field by field (empty when nothing). */
export function newParentProblems(input: NewParent): NewParentProblem {
	const problems: NewParentProblem = {};
	const name = input.displayName.trim();
	if (!name) problems.displayName = 'required';
	else if (name.length > 80) problems.displayName = 'too_long';
	const email = input.email.trim();
	if (!email) problems.email = 'required';
	else if (
		email.length > 254 ||
		!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) ||
		containsPersonalNumber(email)
	)
		problems.email = 'invalid_email';
	if (input.password.length < PASSWORD_MIN) problems.password = 'password_too_short';
	else if (input.password.length > PASSWORD_MAX) problems.password = 'too_long';
	return problems;
}

/**
 * A new parent joins with a code: a user with role `parent` (their first group's kindergarten and
 * group), the membership, and a session (its token for the cookie). An email another account
 * has is refused (409 `email_unavailable`) and counts as a failed attempt of the address.
 */
export async function joinAsNewParent(
	deps: ServerDeps,
	typedCode: string,
	input: NewParent,
	address: string,
	previousToken: string | null
): Promise<{ token: string; userId: string }> {
	const problems = newParentProblems(input);
	if (Object.keys(problems).length > 0) {
		throw new ApiError(422, 'invalid_value', problems);
	}
	const group = await openParentCode(deps, typedCode, address);
	const email = input.email.trim().toLowerCase();
	const passwordHash = await hashPassword(input.password);
	const now = deps.clock.now().toISOString();
	const userId = uuidv7();
	const taken = await deps.db.transaction().execute(async (trx) => {
		const existing = await trx
			.selectFrom('users')
			.select('id')
			.where('email', '=', email)
			.executeTakeFirst();
		if (existing) return true;
		await trx
			.insertInto('users')
			.values({
				id: userId,
				ownerId: group.ownerId,
				email,
				displayName: input.displayName.trim(),
				role: 'parent',
				kindergartenId: group.kindergartenId,
				groupId: group.groupId,
				passwordHash,
				disabledAt: null,
				createdAt: now,
				updatedAt: now
			})
			.execute();
		await trx
			.insertInto('parentMemberships')
			.values({
				userId,
				groupId: group.groupId,
				kindergartenId: group.kindergartenId,
				codeId: group.codeId,
				joinedAt: now,
				removedAt: null
			})
			.execute();
		await audit(trx, deps.clock, {
			action: 'invitation_accepted',
			ownerId: group.ownerId,
			actorUserId: userId,
			targetType: 'parent_code',
			targetId: group.codeId,
			kindergartenId: group.kindergartenId,
			reason: 'parent_joined'
		});
		return false;
	});
	if (taken) {
		await recordFailure(deps, throttleKeys(CODE_THROTTLE_ACCOUNT, address));
		throw new ApiError(409, 'email_unavailable');
	}
	const token = await startSession(deps, userId, previousToken);
	return { token, userId };
}

/**
 * A signed-in parent adds a group with a code. Only within the owner whose account they have
 * (another owner's code: 404 like an unknown one). Joining a group they follow already changes
 * nothing; one they left is followed again.
 */
export async function joinWithCode(
	deps: ServerDeps,
	actor: Actor,
	typedCode: string,
	address: string
): Promise<{ groupId: string; already: boolean }> {
	await authorize(deps, actor, 'summaries.read');
	const group = await openParentCode(deps, typedCode, address);
	if (group.ownerId !== actor.ownerId) throw new ApiError(404, 'code_not_found');
	const now = deps.clock.now().toISOString();
	return deps.db.transaction().execute(async (trx) => {
		const row = await trx
			.selectFrom('parentMemberships')
			.select(['removedAt'])
			.where('userId', '=', actor.userId)
			.where('groupId', '=', group.groupId)
			.executeTakeFirst();
		if (row && row.removedAt === null) return { groupId: group.groupId, already: true };
		if (row) {
			await trx
				.updateTable('parentMemberships')
				.set({ removedAt: null, joinedAt: now, codeId: group.codeId })
				.where('userId', '=', actor.userId)
				.where('groupId', '=', group.groupId)
				.execute();
		} else {
			await trx
				.insertInto('parentMemberships')
				.values({
					userId: actor.userId,
					groupId: group.groupId,
					kindergartenId: group.kindergartenId,
					codeId: group.codeId,
					joinedAt: now,
					removedAt: null
				})
				.execute();
		}
		await audit(trx, deps.clock, {
			action: 'invitation_accepted',
			ownerId: group.ownerId,
			actorUserId: actor.userId,
			targetType: 'parent_code',
			targetId: group.codeId,
			kindergartenId: group.kindergartenId,
			reason: 'parent_joined'
		});
		return { groupId: group.groupId, already: false };
	});
}

export interface ParentGroup {
	id: string;
	name: string;
	kindergartenId: string;
	kindergartenName: string;
}

/**
 * The groups a parent follows: their memberships not removed, of groups that still exist in the
 * parent's owner and kindergarten.
 */
export async function parentGroups(deps: ServerDeps, actor: Actor): Promise<ParentGroup[]> {
	await authorize(deps, actor, 'summaries.read');
	const rows = await deps.db
		.selectFrom('groups')
		.innerJoin('kindergartens', 'kindergartens.id', 'groups.kindergartenId')
		.select([
			'groups.id',
			'groups.name',
			'groups.kindergartenId',
			'kindergartens.name as kindergartenName'
		])
		.where('groups.ownerId', '=', actor.ownerId)
		.where('kindergartens.ownerId', '=', actor.ownerId)
		.where((eb) =>
			eb(
				'groups.id',
				'in',
				eb
					.selectFrom('parentMemberships')
					.select('parentMemberships.groupId')
					.where('parentMemberships.userId', '=', actor.userId)
					.where('parentMemberships.removedAt', 'is', null)
					.whereRef('parentMemberships.kindergartenId', '=', 'groups.kindergartenId')
			)
		)
		.orderBy('groups.name')
		.execute();
	return rows;
}

export interface SummaryListItem {
	id: string;
	groupId: string;
	groupName: string;
	periodKind: 'week' | 'month';
	periodStart: string;
	periodEnd: string;
	publishedAt: string;
}

/** The published (not withdrawn) summaries of a parent's groups, newest period first. */
export async function listParentSummaries(
	deps: ServerDeps,
	actor: Actor
): Promise<SummaryListItem[]> {
	const groups = await parentGroups(deps, actor);
	if (groups.length === 0) return [];
	const rows = await deps.db
		.selectFrom('parentSummaries')
		.select(['id', 'groupId', 'periodKind', 'periodStart', 'content', 'publishedAt'])
		.where('ownerId', '=', actor.ownerId)
		.where(
			'groupId',
			'in',
			groups.map((g) => g.id)
		)
		.where('withdrawnAt', 'is', null)
		.orderBy('periodStart', 'desc')
		.orderBy('publishedAt', 'desc')
		.execute();
	const names = new Map(groups.map((g) => [g.id, g.name]));
	const items: SummaryListItem[] = [];
	for (const row of rows) {
		const content = parseContent(row.content);
		if (!content) continue;
		items.push({
			id: row.id,
			groupId: row.groupId,
			groupName: names.get(row.groupId) ?? '',
			periodKind: content.period.kind,
			periodStart: content.period.start,
			periodEnd: content.period.end,
			publishedAt: row.publishedAt
		});
	}
	return items;
}

function parseContent(text: string): SummaryContent | null {
	try {
		const parsed = summaryContentSchema.safeParse(JSON.parse(text));
		return parsed.success ? parsed.data : null;
	} catch {
		return null;
	}
}

export interface ParentSummaryView {
	id: string;
	groupId: string;
	groupName: string;
	kindergartenName: string;
	content: SummaryContent;
	staffText: string;
	staffTextLocale: string;
	publishedAt: string;
}

/**
 * One published summary of one of the parent's groups. Another group's, kindergarten's or
 * owner's summary, a withdrawn one and a missing one are the same 404 (nothing to probe).
 */
export async function readParentSummary(
	deps: ServerDeps,
	actor: Actor,
	id: string
): Promise<ParentSummaryView> {
	const groups = await parentGroups(deps, actor);
	const row = await deps.db
		.selectFrom('parentSummaries')
		.selectAll()
		.where('id', '=', id)
		.executeTakeFirst();
	const group = row && groups.find((g) => g.id === row.groupId);
	const content = row ? parseContent(row.content) : null;
	if (
		!row ||
		!group ||
		row.ownerId !== actor.ownerId ||
		row.kindergartenId !== group.kindergartenId ||
		row.withdrawnAt !== null ||
		!content
	) {
		throw new ApiError(404, 'not_found');
	}
	return {
		id: row.id,
		groupId: row.groupId,
		groupName: group.name,
		kindergartenName: group.kindergartenName,
		content,
		staffText: row.staffText,
		staffTextLocale: row.staffTextLocale,
		publishedAt: row.publishedAt
	};
}

export interface ParentQuestionView {
	id: string;
	groupId: string;
	groupName: string;
	body: string;
	askedAt: string;
	answer: string | null;
	answeredAt: string | null;
}

/** The parent's own questions (never another parent's), newest first, with the answers. */
export async function listOwnQuestions(
	deps: ServerDeps,
	actor: Actor
): Promise<ParentQuestionView[]> {
	await authorize(deps, actor, 'summaries.read');
	return deps.db
		.selectFrom('parentQuestions')
		.innerJoin('groups', 'groups.id', 'parentQuestions.groupId')
		.select([
			'parentQuestions.id',
			'parentQuestions.groupId',
			'groups.name as groupName',
			'parentQuestions.body',
			'parentQuestions.askedAt',
			'parentQuestions.answer',
			'parentQuestions.answeredAt'
		])
		.where('parentQuestions.askedBy', '=', actor.userId)
		.where('parentQuestions.ownerId', '=', actor.ownerId)
		.orderBy('parentQuestions.askedAt', 'desc')
		.execute();
}

/**
 * A parent asks the kindergarten of one of their groups. The text is refused when empty, too
 * long or holding a personal number (422 with the field's reason); a group the parent does not
 * follow is a 404.
 */
export async function askQuestion(
	deps: ServerDeps,
	actor: Actor,
	input: { groupId: string; body: string }
): Promise<{ id: string }> {
	const groups = await parentGroups(deps, actor);
	const problem = questionProblem(input.body);
	if (problem) throw new ApiError(422, 'invalid_value', { body: problem });
	const group = groups.find((g) => g.id === input.groupId);
	if (!group) throw new ApiError(404, 'not_found');
	const id = uuidv7();
	await deps.db
		.insertInto('parentQuestions')
		.values({
			id,
			ownerId: actor.ownerId,
			kindergartenId: group.kindergartenId,
			groupId: group.id,
			askedBy: actor.userId,
			body: input.body.trim(),
			askedAt: deps.clock.now().toISOString(),
			answer: null,
			answeredBy: null,
			answeredAt: null
		})
		.execute();
	return { id };
}
