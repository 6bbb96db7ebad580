import { z } from 'zod/mini';
import { isValidDate } from '../calendar';
import { id, name } from '../organisation';
import { COMPETENCE_AREAS } from './item-bank';

/**
 * The owner's competence plan (issue 14, ADR 29): focus areas across the kindergartens,
 * further-education places and courses per kindergarten, partnerships (e.g. with a university
 * college, as in Udir's scheme for local competence development), each with dates and a
 * status. Written by the owner's administrators on the server; each kindergarten's manager
 * reads the entries that concern their kindergarten (its own and those for every kindergarten).
 */

export const OWNER_PLAN_KINDS = ['focusArea', 'furtherEducation', 'course', 'partnership'] as const;
export type OwnerPlanKind = (typeof OWNER_PLAN_KINDS)[number];

export const OWNER_PLAN_STATUSES = ['planned', 'ongoing', 'done', 'cancelled'] as const;
export type OwnerPlanStatus = (typeof OWNER_PLAN_STATUSES)[number];

export const OWNER_PLAN_LIMITS = { title: 160, partner: 160, note: 600, places: 500 } as const;

const date = z
	.string({ error: 'required' })
	.check(z.minLength(1, 'required'), z.refine(isValidDate, 'invalid_date'));

/** One entry as the owner admin writes it (the server adds id, owner and times). */
export const ownerPlanEntrySchema = z
	.strictObject({
		kind: z.enum(OWNER_PLAN_KINDS),
		/** The kindergarten it concerns; null: every kindergarten of the owner. */
		kindergartenId: z.nullable(id),
		area: z.nullable(z.enum(COMPETENCE_AREAS)),
		title: name(OWNER_PLAN_LIMITS.title),
		/** The institution or partner, e.g. a university college. */
		partner: z.nullable(name(OWNER_PLAN_LIMITS.partner)),
		/** Further-education places, or course seats. */
		places: z.nullable(
			z
				.number()
				.check(
					z.refine(Number.isInteger, 'not_integer'),
					z.minimum(1, 'too_small'),
					z.maximum(OWNER_PLAN_LIMITS.places, 'too_big')
				)
		),
		startsOn: z.nullable(date),
		endsOn: z.nullable(date),
		status: z.enum(OWNER_PLAN_STATUSES),
		note: z.nullable(name(OWNER_PLAN_LIMITS.note))
	})
	.check(
		z.superRefine((e, ctx) => {
			const need = (path: string) =>
				ctx.addIssue({ code: 'custom', path: [path], message: 'required' });
			if (e.kind === 'focusArea' && e.area === null) need('area');
			if ((e.kind === 'furtherEducation' || e.kind === 'course') && e.kindergartenId === null) {
				need('kindergartenId');
			}
			if (e.kind === 'furtherEducation' && e.places === null) need('places');
			if (e.kind === 'partnership' && e.partner === null) need('partner');
			if (e.startsOn !== null && e.endsOn !== null && e.endsOn < e.startsOn) {
				ctx.addIssue({ code: 'custom', path: ['endsOn'], message: 'end_before_start' });
			}
		})
	);
export type OwnerPlanInput = z.infer<typeof ownerPlanEntrySchema>;

export type OwnerPlanEntry = OwnerPlanInput & { id: string; updatedAt: string };

/** The entries that concern one kindergarten: its own and those for every kindergarten. */
export function concerning<E extends Pick<OwnerPlanEntry, 'kindergartenId'>>(
	entries: readonly E[],
	kindergartenId: string
): E[] {
	return entries.filter((e) => e.kindergartenId === null || e.kindergartenId === kindergartenId);
}

/** The plan's order: by kind, then start date (undated last), then title. */
export function planOrder(a: OwnerPlanEntry, b: OwnerPlanEntry): number {
	return (
		OWNER_PLAN_KINDS.indexOf(a.kind) - OWNER_PLAN_KINDS.indexOf(b.kind) ||
		(a.startsOn ?? '9999').localeCompare(b.startsOn ?? '9999') ||
		a.title.localeCompare(b.title)
	);
}
