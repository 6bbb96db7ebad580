import { z } from 'zod/mini';
import { PERIOD } from './item-bank';

/**
 * A person's answers to the self-assessment for one period, as the tablet keeps them until they
 * are sent (issue 14, ADR 32): a synced record type (`competenceAnswers`) that only goes up. The
 * tablet writes it with its outbox entry in one transaction; the server stores the answers in
 * its competence tables (never in the change log) and no pull ever carries them back. Loaded on
 * first use, by the competence page and the sync engine.
 */

const level = z
	.number()
	.check(
		z.refine(Number.isInteger, 'not_integer'),
		z.minimum(1, 'too_small'),
		z.maximum(6, 'too_big')
	);

export const competenceAnswerSetSchema = z.strictObject({
	id: z.uuid({ error: 'invalid_id' }),
	period: z.string().check(z.regex(PERIOD, 'invalid_period')),
	/** The item bank's version the form was made from (the device's, when it was answered). */
	bankVersion: z
		.number()
		.check(z.refine(Number.isInteger, 'not_integer'), z.minimum(1, 'too_small')),
	/** Item id → level 1..6: every item the person was asked. */
	answers: z.record(z.string().check(z.maxLength(80, 'too_long')), level),
	createdAt: z.iso.datetime(),
	updatedAt: z.iso.datetime(),
	deletedAt: z.null(),
	/** Present on no answer set: the server takes it without a revision (nothing to pull). */
	syncRev: z.optional(z.number()),
	/** Kept by the server beside the record type's other fields; never sent. */
	kindergartenId: z.optional(z.string())
});
export type CompetenceAnswerSet = z.infer<typeof competenceAnswerSetSchema>;

/** The fields a tablet sends: everything else is the server's or the device's own. */
export const competenceAnswerFieldsSchema = z.strictObject({
	period: competenceAnswerSetSchema.shape.period,
	bankVersion: competenceAnswerSetSchema.shape.bankVersion,
	answers: competenceAnswerSetSchema.shape.answers
});
