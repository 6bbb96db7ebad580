import { z } from 'zod/mini';
import { id, name } from '$lib/domain/organisation';
import { containsPersonalNumber } from '$lib/domain/personal-number';
import { ROLES } from './db';
import { PERIOD } from '$lib/domain/competence/item-bank';
import { PRIVACY_NOTICE_MAX } from '$lib/domain/privacy-notice';
import { equipmentItemFieldsSchema } from '$lib/domain/register';
import { PASSWORD_MAX, PASSWORD_MIN } from './auth/passwords';
import { RESOLUTIONS } from './use-cases/sync';

/** Request bodies. Strict: an unknown field is a 400, never silently ignored. */

const years = (min: number, max: number) =>
	z
		.number()
		.check(
			z.refine(Number.isInteger, 'not_integer'),
			z.minimum(min, 'too_small'),
			z.maximum(max, 'too_big')
		);

export const kindergartenBody = z.strictObject({ name: name(120) });

export const groupBody = z
	.strictObject({ name: name(80), ageMin: years(0, 5), ageMax: years(1, 6) })
	.check(
		z.superRefine((g, ctx) => {
			if (g.ageMax <= g.ageMin) {
				ctx.addIssue({ code: 'custom', path: ['ageMax'], message: 'age_max_before_min' });
			}
		})
	);

export const email = z.string().check(
	z.trim(),
	z.toLowerCase(),
	z.maxLength(254, 'too_long'),
	z.email('invalid_email'),
	z.refine((s) => !containsPersonalNumber(s), 'personal_number')
);

export const password = z
	.string()
	.check(
		z.minLength(PASSWORD_MIN, 'password_too_short'),
		z.maxLength(PASSWORD_MAX, 'password_too_long')
	);

export const signInBody = z.strictObject({
	email: z.string().check(z.maxLength(254, 'too_long')),
	password: z.string().check(z.maxLength(1024, 'too_long'))
});

export const userPatchBody = z
	.strictObject({
		role: z.optional(z.enum(ROLES)),
		kindergartenId: z.optional(z.nullable(id)),
		groupId: z.optional(z.nullable(id)),
		disabled: z.optional(z.boolean())
	})
	.check(z.refine((b) => Object.keys(b).length > 0, { error: 'empty_change', path: ['_'] }));

export const invitationBody = z.strictObject({
	role: z.enum(ROLES),
	kindergartenId: z.optional(z.nullable(id)),
	groupId: z.optional(z.nullable(id)),
	displayName: name(80)
});

/** An invitation token as a link carries it. */
export const invitationToken = z
	.string()
	.check(z.minLength(1, 'required'), z.maxLength(200, 'too_long'));

export const acceptBody = z.strictObject({
	token: invitationToken,
	email,
	password,
	displayName: z.optional(name(80))
});

/** How a sync conflict is resolved; `value` only with `merged` (ADR 9). */
export const resolveBody = z.strictObject({
	choice: z.enum(RESOLUTIONS),
	value: z.optional(z.unknown())
});

/**
 * A new version of the owner's screen-time guidance: the version it was edited from (a
 * stale one is 409), and the set's fields. `id`, `version` and `date` are the server's; the
 * set itself is judged by the domain's guidanceSetSchema (use-cases/guidance.ts).
 */
export const guidanceBody = z.strictObject({
	baseVersion: z
		.number()
		.check(z.refine(Number.isSafeInteger, 'not_integer'), z.minimum(1, 'too_small')),
	set: z.record(z.string().check(z.maxLength(64)), z.unknown())
});

/** Retiring a competence item (issue 14, ADR 37): the first period it is no longer asked in. */
export const competenceRetirementBody = z.strictObject({
	retiredIn: z.string().check(z.regex(PERIOD, 'invalid_period'))
});

/** One person's self-assessment for a period (issue 14): each item's level, 1 to 6. */
export const competenceAnswersBody = z.strictObject({
	bankVersion: z
		.number()
		.check(z.refine(Number.isInteger, 'not_integer'), z.minimum(1, 'too_small')),
	answers: z.record(
		z.string().check(z.maxLength(80, 'too_long')),
		z
			.number()
			.check(
				z.refine(Number.isInteger, 'not_integer'),
				z.minimum(1, 'too_small'),
				z.maximum(6, 'too_big')
			)
	)
});

/** A code parents join a group with: the group it lets them into (issue 17). */
export const parentCodeBody = z.strictObject({ groupId: id });

export const ANSWER_MAX = 2000;

/** The manager's answer to a parent's question: no identity number in it. */
export const questionAnswerBody = z.strictObject({
	answer: z.string().check(
		z.trim(),
		z.minLength(1, 'required'),
		z.maxLength(ANSWER_MAX, 'too_long'),
		z.refine((s) => !containsPersonalNumber(s), 'personal_number')
	)
});

/**
 * A privacy notice's text in one language (issues 16 and 17), saved on the version the writer
 * started from (`baseUpdatedAt`, null for a first text): another admin's save in between is a
 * 409, never overwritten unseen.
 */
export const privacyNoticeBody = z.strictObject({
	body: z.string().check(
		z.trim(),
		z.minLength(1, 'required'),
		z.maxLength(PRIVACY_NOTICE_MAX, 'too_long'),
		z.refine((s) => !containsPersonalNumber(s), 'personal_number')
	),
	baseUpdatedAt: z.nullable(z.string().check(z.maxLength(40)))
});

/** A kindergarten's pieces of one device or toy by state, and the row's time as the page read it. */
export const equipmentBody = z.strictObject({
	...equipmentItemFieldsSchema.shape,
	/** The stored row's `updatedAt` the change was made on; null for a device not yet counted. */
	baseUpdatedAt: z.nullable(z.string().check(z.maxLength(40, 'too_long')))
});

/** Deleting a kindergarten with all its data: its name typed as the confirmation. */
export const kindergartenDeletionBody = z.strictObject({
	confirmName: z.string().check(z.maxLength(200, 'too_long'))
});
