import type { ServerDeps } from '../deps';
import type { Actor } from '../auth/sessions';
import { ApiError, parseWith } from '../api/http';
import { audit } from '../audit';
import { authorize } from '../access';
import { privacyNoticeBody } from '../schemas';
import {
	isPrivacyNoticeLocale,
	noticeFor,
	PRIVACY_NOTICE_LOCALES,
	type PrivacyNoticeLocale
} from '$lib/domain/privacy-notice';

/**
 * The owner's privacy notice (issues 16 and 17): one text per app language, written by an owner
 * admin; read by everyone signed in to the owner's server, parents too. A language the owner has
 * not written yet is absent: the reader gets another (noticeFor), marked with its language.
 */

export interface PrivacyNoticeText {
	locale: PrivacyNoticeLocale;
	body: string;
	updatedAt: string;
	/** Who saved it last (their display name), for the admin's page. */
	updatedBy: string;
}

export interface PrivacyNoticeView {
	texts: PrivacyNoticeText[];
	/** The owner's name, for the template's blanks. */
	ownerName: string;
}

async function textsOf(deps: ServerDeps, ownerId: string): Promise<PrivacyNoticeText[]> {
	const rows = await deps.db
		.selectFrom('privacyNotices')
		.leftJoin('users', 'users.id', 'privacyNotices.updatedBy')
		.select([
			'privacyNotices.locale',
			'privacyNotices.body',
			'privacyNotices.updatedAt',
			'users.displayName'
		])
		.where('privacyNotices.ownerId', '=', ownerId)
		.execute();
	return PRIVACY_NOTICE_LOCALES.flatMap((locale) => {
		const row = rows.find((r) => r.locale === locale);
		return row
			? [{ locale, body: row.body, updatedAt: row.updatedAt, updatedBy: row.displayName ?? '' }]
			: [];
	});
}

/** The notice of the caller's owner, in every language it is written in. Anyone signed in. */
export async function readPrivacyNotice(
	deps: ServerDeps,
	actor: Actor
): Promise<PrivacyNoticeView> {
	const owner = await deps.db
		.selectFrom('owners')
		.select('name')
		.where('id', '=', actor.ownerId)
		.executeTakeFirstOrThrow();
	return { texts: await textsOf(deps, actor.ownerId), ownerName: owner.name };
}

/** The text a reader of `locale` gets (theirs, else nb, nn, en), or null when none is written. */
export async function privacyNoticeFor(
	deps: ServerDeps,
	ownerId: string,
	locale: string
): Promise<PrivacyNoticeText | null> {
	return noticeFor(await textsOf(deps, ownerId), locale);
}

/**
 * Saves the text of one language. 404 `unknown_locale` for a language the notice is not written
 * in; 409 `version_conflict` (with the text now saved) when someone saved since `baseUpdatedAt`.
 */
export async function savePrivacyNotice(
	deps: ServerDeps,
	actor: Actor,
	locale: string,
	body: unknown
): Promise<PrivacyNoticeView> {
	await authorize(deps, actor, 'privacy.manage');
	if (!isPrivacyNoticeLocale(locale)) throw new ApiError(404, 'unknown_locale');
	const input = parseWith(privacyNoticeBody, body);
	await deps.db.transaction().execute(async (trx) => {
		const current = await trx
			.selectFrom('privacyNotices')
			.select(['body', 'updatedAt'])
			.where('ownerId', '=', actor.ownerId)
			.where('locale', '=', locale)
			.executeTakeFirst();
		if ((current?.updatedAt ?? null) !== input.baseUpdatedAt) {
			throw new ApiError(409, 'version_conflict', undefined, undefined, {
				current: current ?? null
			});
		}
		// The time is the text's version: a save in the same millisecond as the last still moves it.
		const clock = deps.clock.now().getTime();
		const last = current ? Date.parse(current.updatedAt) : -Infinity;
		const now = new Date(Math.max(clock, last + 1)).toISOString();
		if (current) {
			await trx
				.updateTable('privacyNotices')
				.set({ body: input.body, updatedAt: now, updatedBy: actor.userId })
				.where('ownerId', '=', actor.ownerId)
				.where('locale', '=', locale)
				.execute();
		} else {
			await trx
				.insertInto('privacyNotices')
				.values({
					ownerId: actor.ownerId,
					locale,
					body: input.body,
					updatedAt: now,
					updatedBy: actor.userId
				})
				.execute();
		}
		await audit(trx, deps.clock, {
			action: 'privacy_notice_changed',
			ownerId: actor.ownerId,
			actorUserId: actor.userId,
			targetType: 'privacy_notice',
			targetId: locale,
			kindergartenId: null
		});
	});
	return readPrivacyNotice(deps, actor);
}
