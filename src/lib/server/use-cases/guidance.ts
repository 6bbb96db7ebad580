import type { Selectable } from 'kysely';
import type { ServerDeps } from '../deps';
import type { Actor } from '../auth/sessions';
import type { GuidanceSetTable } from '../db/schema';
import { ApiError, parseWith } from '../api/http';
import { audit } from '../audit';
import { authorize } from '../access';
import { guidanceBody } from '../schemas';
import { guidanceSetSchema, type GuidanceInForce, type GuidanceSet } from '$lib/domain/guidance';
import { DEFAULT_GUIDANCE } from '$lib/domain/guidance-default';
import { uuidv7 } from '$lib/domain/ids';
import { storeSequence, takeSequence } from './sequence';
import { valueProblem } from './sync-records';

/**
 * The owner's screen-time guidance (docs/design/domain.md: "guidance is data with sources and an
 * owner can edit it"; ADR 11). An owner administrator saves a new version on the server; the
 * version gets a revision from the sync sequence, so every tablet of that owner pulls it with its
 * plans. Newest version wins: the shipped default until the owner edits, and a newer shipped
 * default over an older edit.
 */

/** Fields of a set that the server sets: the id tablets know it by, its version and date. */
const SERVER_SET_FIELDS = ['id', 'version', 'date'] as const;

type Row = Selectable<GuidanceSetTable>;

function parseStored(row: Row | undefined): GuidanceSet | null {
	if (!row) return null;
	const parsed = guidanceSetSchema.safeParse(JSON.parse(row.data));
	return parsed.success ? parsed.data : null;
}

function inForce(row: Row | undefined): GuidanceInForce {
	const edited = parseStored(row);
	if (edited && edited.version >= DEFAULT_GUIDANCE.version) {
		return { set: edited, edited: true, updatedAt: row?.updatedAt ?? null };
	}
	return { set: DEFAULT_GUIDANCE, edited: false, updatedAt: null };
}

async function rowOf(deps: ServerDeps, ownerId: string): Promise<Row | undefined> {
	return deps.db
		.selectFrom('guidanceSets')
		.selectAll()
		.where('ownerId', '=', ownerId)
		.executeTakeFirst();
}

/** The guidance in force for an owner, whoever asks (the owner's overview, ADR 33). */
export async function inForceFor(deps: ServerDeps, ownerId: string): Promise<GuidanceInForce> {
	return inForce(await rowOf(deps, ownerId));
}

/** The guidance in force for the administrator's owner. */
export async function currentGuidance(deps: ServerDeps, actor: Actor): Promise<GuidanceInForce> {
	await authorize(deps, actor, 'guidance.manage');
	return inForce(await rowOf(deps, actor.ownerId));
}

/**
 * Saves a new version. The edit must be made on the version in force (409 `version_conflict`
 * otherwise, with the version now in force: another administrator saved in between, and
 * nothing of theirs is overwritten unseen). The set is judged by the domain schema; the
 * server sets its id, version and date.
 */
export async function saveGuidance(
	deps: ServerDeps,
	actor: Actor,
	body: unknown
): Promise<GuidanceInForce> {
	await authorize(deps, actor, 'guidance.manage');
	const input = parseWith(guidanceBody, body);
	const sent = SERVER_SET_FIELDS.filter((field) => field in input.set);
	if (sent.length > 0) {
		throw new ApiError(
			400,
			'invalid_body',
			Object.fromEntries(sent.map((f) => [f, 'server_field']))
		);
	}
	// Text no database should hold (NUL, a lone surrogate), anywhere in the set.
	const problem = valueProblem(input.set);
	if (problem) throw new ApiError(400, 'invalid_body', { set: problem });
	const now = deps.clock.now();
	const at = now.toISOString();

	return deps.db.transaction().execute(async (trx) => {
		const sequence = await takeSequence(trx, deps.dialect);
		const row = await trx
			.selectFrom('guidanceSets')
			.selectAll()
			.where('ownerId', '=', actor.ownerId)
			.executeTakeFirst();
		const current = inForce(row).set;
		if (input.baseVersion !== current.version) {
			throw new ApiError(409, 'version_conflict', undefined, undefined, {
				version: current.version
			});
		}
		const set = parseWith(guidanceSetSchema, {
			...input.set,
			id: DEFAULT_GUIDANCE.id,
			version: current.version + 1,
			date: at.slice(0, 10)
		});
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
				.updateTable('guidanceSets')
				.set(values)
				.where('ownerId', '=', actor.ownerId)
				.execute();
		} else {
			await trx
				.insertInto('guidanceSets')
				.values({
					ownerId: actor.ownerId,
					recordId: uuidv7(now.getTime()),
					createdAt: at,
					...values
				})
				.execute();
		}
		await storeSequence(trx, rev);
		await audit(trx, deps.clock, {
			action: 'guidance_changed',
			ownerId: actor.ownerId,
			actorUserId: actor.userId,
			targetType: 'guidance',
			targetId: row?.recordId ?? null,
			reason: `version_${set.version}`
		});
		return { set, edited: true, updatedAt: at };
	});
}
