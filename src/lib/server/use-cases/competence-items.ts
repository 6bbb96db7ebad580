import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db';
import type { ServerDeps } from '../deps';
import type { Actor } from '../auth/sessions';
import { ApiError, parseWith } from '../api/http';
import { audit } from '../audit';
import { authorize, refuse } from '../access';
import { competenceRetirementBody } from '../schemas';
import { ITEM_BANK, periodOf } from '$lib/domain/competence/bank';
import {
	EMPTY_ITEM_SET,
	itemSetVersion,
	ownItemFieldsSchema,
	ownerItemSetSchema,
	withOwnerItems,
	type OwnItem,
	type OwnerItemSet
} from '$lib/domain/competence/owner-items';
import { inForce, MAX_MINUTES } from '$lib/domain/competence/item-bank';
import { uuidv7 } from '$lib/domain/ids';
import { osloWallClock } from './oslo-time';
import { storeSequence, takeSequence } from './sequence';

/**
 * The owner's own competence items and retirements (issue 14, ADR 37). An owner admin adds an
 * item (texts in nb, nn and en) or retires any item, shipped or own, from a period on; nothing is
 * ever removed, so old answers keep their meaning. Each change saves the owner's whole set with
 * a revision from the sync sequence (like the guidance, ADR 11), so every tablet of the owner
 * pulls it and answers offline with the owner's items.
 */

type Db = Kysely<Database> | Transaction<Database>;

/** The owner's set, or null when the owner has changed nothing. */
export async function ownerItemSet(db: Db, ownerId: string): Promise<OwnerItemSet | null> {
	const row = await db
		.selectFrom('competenceItemSets')
		.select('data')
		.where('ownerId', '=', ownerId)
		.executeTakeFirst();
	if (!row) return null;
	const parsed = ownerItemSetSchema.safeParse(JSON.parse(row.data));
	return parsed.success ? parsed.data : null;
}

export interface ItemSetView {
	set: OwnerItemSet;
	/** The item set version a form made now has (the answer set's `bankVersion`). */
	itemSetVersion: number;
	/** The first period an item may be retired from now: the current one. */
	earliestRetirement: string;
}

function currentPeriod(deps: ServerDeps): string {
	return periodOf(osloWallClock(deps.clock.now().toISOString()).slice(0, 10));
}

function viewOf(deps: ServerDeps, set: OwnerItemSet): ItemSetView {
	return {
		set,
		itemSetVersion: itemSetVersion(ITEM_BANK, set),
		earliestRetirement: currentPeriod(deps)
	};
}

/** The owner's items and retirements (owner admins). */
export async function itemSet(deps: ServerDeps, actor: Actor): Promise<ItemSetView> {
	await authorize(deps, actor, 'competenceItems.manage');
	return viewOf(deps, (await ownerItemSet(deps.db, actor.ownerId)) ?? EMPTY_ITEM_SET);
}

/** Saves a changed set under the sync sequence, with its audit row; the new set. */
async function save(
	deps: ServerDeps,
	actor: Actor,
	change: (
		set: OwnerItemSet,
		version: number
	) => {
		set: OwnerItemSet;
		audit: {
			action: 'competence_item_added' | 'competence_item_retired';
			id: string;
			reason?: string;
		};
	}
): Promise<OwnerItemSet> {
	const at = deps.clock.now().toISOString();
	return deps.db.transaction().execute(async (trx) => {
		const sequence = await takeSequence(trx, deps.dialect);
		const row = await trx
			.selectFrom('competenceItemSets')
			.select(['recordId'])
			.where('ownerId', '=', actor.ownerId)
			.executeTakeFirst();
		const before = (await ownerItemSet(trx, actor.ownerId)) ?? EMPTY_ITEM_SET;
		const version = before.version + 1;
		const { set, audit: what } = change(before, itemSetVersion(ITEM_BANK, { ...before, version }));
		const rev = sequence + 1;
		const values = {
			data: JSON.stringify(set),
			version: set.version,
			rev,
			updatedBy: actor.userId,
			updatedAt: at
		};
		if (row) {
			await trx
				.updateTable('competenceItemSets')
				.set(values)
				.where('ownerId', '=', actor.ownerId)
				.execute();
		} else {
			await trx
				.insertInto('competenceItemSets')
				.values({ ownerId: actor.ownerId, recordId: uuidv7(), createdAt: at, ...values })
				.execute();
		}
		await storeSequence(trx, rev);
		await audit(trx, deps.clock, {
			action: what.action,
			ownerId: actor.ownerId,
			actorUserId: actor.userId,
			targetType: 'competence_item',
			targetId: what.id,
			reason: what.reason ?? null
		});
		return set;
	});
}

/** Adds an own item, asked from now on. 400/422 naming each field at fault. */
export async function addItem(deps: ServerDeps, actor: Actor, body: unknown): Promise<ItemSetView> {
	await authorize(deps, actor, 'competenceItems.manage');
	const fields = parseWith(ownItemFieldsSchema, body);
	const id = `own-${uuidv7()}`;
	const set = await save(deps, actor, (before, version) => {
		const item: OwnItem = { ...fields, id, addedAt: version };
		// The form says how long it takes and takes at most MAX_MINUTES (survey fatigue): a
		// manager answers the staff items and the manager items.
		const bank = withOwnerItems(ITEM_BANK, { ...before, items: [...before.items, item] });
		const asked = inForce(bank, 'staff').length + inForce(bank, 'manager').length;
		if (Math.ceil((asked * bank.secondsPerItem) / 60) > MAX_MINUTES) {
			throw new ApiError(409, 'form_too_long', undefined, undefined, { minutes: MAX_MINUTES });
		}
		return {
			set: { ...before, version: before.version + 1, items: [...before.items, item] },
			audit: { action: 'competence_item_added', id }
		};
	});
	return viewOf(deps, set);
}

/**
 * Retires an item (shipped or own) from a period on: the current period or a later one, never
 * an earlier (answers already given keep their meaning). 404 for an item nobody has; 409
 * `already_retired` for one retired already (by the shipped bank or the owner).
 */
export async function retireItem(
	deps: ServerDeps,
	actor: Actor,
	itemId: string,
	body: unknown
): Promise<ItemSetView> {
	await authorize(deps, actor, 'competenceItems.manage');
	// An item nobody has (or another owner's) is refused like every record out of scope.
	const known = await ownerItemSet(deps.db, actor.ownerId);
	const exists =
		ITEM_BANK.items.some((i) => i.id === itemId) || known?.items.some((i) => i.id === itemId);
	if (!exists)
		await refuse(deps, actor, 404, 'out_of_scope', { type: 'competence_item', id: itemId });
	const { retiredIn } = parseWith(competenceRetirementBody, body);
	const now = currentPeriod(deps);
	if (retiredIn < now) throw new ApiError(422, 'invalid_value', { retiredIn: 'past' });
	// Two years ahead is far enough to plan; further is most likely a typing slip.
	if (retiredIn > `${Number(now.slice(0, 4)) + 2}-2`) {
		throw new ApiError(422, 'invalid_value', { retiredIn: 'too_far' });
	}
	const set = await save(deps, actor, (before, version) => {
		const shipped = ITEM_BANK.items.find((i) => i.id === itemId);
		const own = before.items.find((i) => i.id === itemId);
		if (!shipped && !own) throw new ApiError(404, 'not_found');
		if (shipped?.retiredIn || before.retired[itemId]) throw new ApiError(409, 'already_retired');
		return {
			set: {
				...before,
				version: before.version + 1,
				retired: { ...before.retired, [itemId]: { retiredIn, atVersion: version } }
			},
			audit: { action: 'competence_item_retired', id: itemId, reason: retiredIn }
		};
	});
	return viewOf(deps, set);
}
