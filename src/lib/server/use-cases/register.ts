import type { Kysely, Transaction } from 'kysely';
import { z } from 'zod/mini';
import type { Database, Dialect } from '../db';
import type { ServerDeps } from '../deps';
import type { Clock } from '../clock';
import type { Actor } from '../auth/sessions';
import { ApiError, parseWith } from '../api/http';
import { audit } from '../audit';
import { authorize, refuse } from '../access';
import { isValidDate } from '$lib/domain/calendar';
import { uuidv7 } from '$lib/domain/ids';
import { freeText } from '$lib/domain/plan';
import {
	blankEntryFields,
	normaliseToolName,
	REGISTER_LIMITS,
	REGISTER_SEED,
	registerEntryFieldsSchema,
	registerIndex,
	toolProposalFieldsSchema,
	type ProposalStatus,
	type RegisterEntry,
	type RegisterEntryFields,
	type ToolDecision,
	type ToolKind
} from '$lib/domain/register';
import { osloWallClock } from './oslo-time';
import { refreshPlanFacts } from './plan-facts';
import { storeSequence, takeSequence } from './sequence';

/**
 * The owner's register of digital tools (issue 16, ADR 43): owner admins add and assess entries
 * (never delete them: a tool no longer wanted is deselected), everyone of the owner reads it,
 * staff and managers propose a tool and an owner admin decides. Every write takes the sync
 * sequence for the entry's `rev`, so tablets pull the register whole, and writes an audit row.
 * The register is seeded with the built-in libraries' tools (`seedRegister`), "not yet
 * assessed"; where tools that are not approved are planned comes from the plan facts (ADR 35).
 */

type Db = Kysely<Database> | Transaction<Database>;

/** The fields whose change is an assessment: it stamps `assessedAt` and `assessedBy`. */
const ASSESSMENT_FIELDS = [
	'decision',
	'conditions',
	'dataProcessingAgreement',
	'riskAssessment',
	'privacyImpactAssessment',
	'dataLocation',
	'personalData'
] as const satisfies ReadonlyArray<keyof RegisterEntryFields>;

function assessmentChanged(before: RegisterEntryFields, after: RegisterEntryFields): boolean {
	return ASSESSMENT_FIELDS.some((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]));
}

/**
 * The owner's entries, each with who last assessed it by name; in no particular order. Also
 * what a tablet's pull carries (sync/pull.ts).
 */
export async function entriesOf(db: Db, ownerId: string): Promise<RegisterEntry[]> {
	const rows = await db
		.selectFrom('registerEntries')
		.leftJoin('users', 'users.id', 'registerEntries.assessedBy')
		.select([
			'registerEntries.id',
			'registerEntries.seedKey',
			'registerEntries.data',
			'registerEntries.assessedAt',
			'registerEntries.updatedAt',
			'users.displayName'
		])
		.where('registerEntries.ownerId', '=', ownerId)
		.execute();
	return rows.map((row) => ({
		id: row.id,
		seedKey: row.seedKey,
		fields: JSON.parse(row.data) as RegisterEntryFields,
		assessedAt: row.assessedAt,
		assessedBy: row.assessedAt === null ? null : (row.displayName ?? ''),
		updatedAt: row.updatedAt
	}));
}

const byName = (a: RegisterEntry, b: RegisterEntry) =>
	a.fields.name.localeCompare(b.fields.name, 'nb') || a.id.localeCompare(b.id);

/** The owner's register, sorted by name (everyone of the owner but parents). */
export async function registerFor(deps: ServerDeps, actor: Actor): Promise<RegisterEntry[]> {
	await authorize(deps, actor, 'register.read');
	return (await entriesOf(deps.db, actor.ownerId)).sort(byName);
}

/** The normalised names an entry's fields answer to. */
function namesOf(fields: Pick<RegisterEntryFields, 'name' | 'aliases'>): string[] {
	return [fields.name, ...fields.aliases].map(normaliseToolName).filter(Boolean);
}

/** The other entry that already answers to one of these fields' names, if any. */
function clashOf(
	entries: readonly RegisterEntry[],
	fields: Pick<RegisterEntryFields, 'name' | 'aliases'>,
	exceptId: string | null
): RegisterEntry | undefined {
	const index = registerIndex(entries.filter((e) => e.id !== exceptId));
	for (const name of namesOf(fields)) {
		const other = index.get(name);
		if (other) return other;
	}
	return undefined;
}

/** A time after `last` (the entry's version: a save in the same millisecond still moves it). */
function versionAfter(deps: ServerDeps, last: string | null): string {
	const clock = deps.clock.now().getTime();
	return new Date(Math.max(clock, last ? Date.parse(last) + 1 : -Infinity)).toISOString();
}

async function findEntry(db: Db, ownerId: string, id: string): Promise<RegisterEntry | undefined> {
	return (await entriesOf(db, ownerId)).find((e) => e.id === id);
}

async function insertEntry(
	trx: Transaction<Database>,
	values: {
		ownerId: string;
		seedKey: string | null;
		fields: RegisterEntryFields;
		rev: number;
		at: string;
		by: string | null;
		assessed: boolean;
	}
): Promise<string> {
	const id = uuidv7();
	await trx
		.insertInto('registerEntries')
		.values({
			id,
			ownerId: values.ownerId,
			seedKey: values.seedKey,
			name: values.fields.name,
			decision: values.fields.decision,
			data: JSON.stringify(values.fields),
			rev: values.rev,
			assessedAt: values.assessed ? values.at : null,
			assessedBy: values.assessed ? values.by : null,
			createdAt: values.at,
			updatedAt: values.at,
			updatedBy: values.by
		})
		.execute();
	return id;
}

/** Adds an entry of the owner's own (owner admins). 409 `name_taken` when a name is another's. */
export async function addEntry(
	deps: ServerDeps,
	actor: Actor,
	body: unknown
): Promise<RegisterEntry> {
	await authorize(deps, actor, 'register.manage');
	const fields = parseWith(registerEntryFieldsSchema, body);
	const id = await deps.db.transaction().execute(async (trx) => {
		const sequence = await takeSequence(trx, deps.dialect);
		const entries = await entriesOf(trx, actor.ownerId);
		if (entries.length >= REGISTER_LIMITS.entries) throw new ApiError(409, 'register_full');
		const other = clashOf(entries, fields, null);
		if (other) throw new ApiError(409, 'name_taken', undefined, undefined, { entryId: other.id });
		const blank = blankEntryFields(fields.name, fields.kind);
		const rev = sequence + 1;
		const id = await insertEntry(trx, {
			ownerId: actor.ownerId,
			seedKey: null,
			fields,
			rev,
			at: versionAfter(deps, null),
			by: actor.userId,
			assessed: assessmentChanged(blank, fields)
		});
		await storeSequence(trx, rev);
		await audit(trx, deps.clock, {
			action: 'register_entry_added',
			ownerId: actor.ownerId,
			actorUserId: actor.userId,
			targetType: 'register_entry',
			targetId: id,
			kindergartenId: null,
			changes: { name: [null, fields.name], decision: [null, fields.decision] }
		});
		return id;
	});
	return (await findEntry(deps.db, actor.ownerId, id))!;
}

export const entryUpdateBody = z.strictObject({
	fields: registerEntryFieldsSchema,
	/** The entry's `updatedAt` the change was made on. */
	baseUpdatedAt: z.string({ error: 'required' })
});

/** The fields with a renamed entry's former name kept as an alias (and the new name not one). */
function keepingFormerName(
	before: RegisterEntryFields,
	fields: RegisterEntryFields
): RegisterEntryFields {
	const name = normaliseToolName(fields.name);
	const aliases = fields.aliases.filter((a) => normaliseToolName(a) !== name);
	const former = normaliseToolName(before.name);
	if (former !== name && !aliases.some((a) => normaliseToolName(a) === former)) {
		if (aliases.length >= REGISTER_LIMITS.aliases) {
			throw new ApiError(422, 'invalid_value', { aliases: 'too_many' });
		}
		aliases.push(before.name);
	}
	return { ...fields, aliases };
}

/**
 * Changes an entry (owner admins). 404 for one not the owner's; 409 `stale` (with the entry now
 * saved, `current`) when it changed since `baseUpdatedAt`; 409 `name_taken` when a name is
 * another entry's. A rename keeps the former name as an alias (ADR 43).
 */
export async function updateEntry(
	deps: ServerDeps,
	actor: Actor,
	id: string,
	body: unknown
): Promise<RegisterEntry> {
	await authorize(deps, actor, 'register.manage');
	if (!(await findEntry(deps.db, actor.ownerId, id))) {
		await refuse(deps, actor, 404, 'out_of_scope', { type: 'register_entry', id });
	}
	const input = parseWith(entryUpdateBody, body);
	await deps.db.transaction().execute(async (trx) => {
		const sequence = await takeSequence(trx, deps.dialect);
		const entries = await entriesOf(trx, actor.ownerId);
		const current = entries.find((e) => e.id === id)!;
		if (current.updatedAt !== input.baseUpdatedAt) {
			throw new ApiError(409, 'stale', undefined, undefined, { current });
		}
		const fields = keepingFormerName(current.fields, input.fields);
		const other = clashOf(entries, fields, id);
		if (other) throw new ApiError(409, 'name_taken', undefined, undefined, { entryId: other.id });
		const at = versionAfter(deps, current.updatedAt);
		const assessed = assessmentChanged(current.fields, fields);
		const rev = sequence + 1;
		await trx
			.updateTable('registerEntries')
			.set({
				name: fields.name,
				decision: fields.decision,
				data: JSON.stringify(fields),
				rev,
				updatedAt: at,
				updatedBy: actor.userId,
				...(assessed ? { assessedAt: at, assessedBy: actor.userId } : {})
			})
			.where('id', '=', id)
			.execute();
		await storeSequence(trx, rev);
		const changes: Record<string, [unknown, unknown]> = {};
		for (const key of ['name', 'decision'] as const) {
			if (current.fields[key] !== fields[key]) changes[key] = [current.fields[key], fields[key]];
		}
		await audit(trx, deps.clock, {
			action: 'register_entry_changed',
			ownerId: actor.ownerId,
			actorUserId: actor.userId,
			targetType: 'register_entry',
			targetId: id,
			kindergartenId: null,
			reason: assessed ? 'assessed' : null,
			changes
		});
	});
	return (await findEntry(deps.db, actor.ownerId, id))!;
}

/**
 * Adds the built-in libraries' tools the owner lacks (by `seedKey`), each "not yet assessed";
 * an entry the owner changed or renamed keeps its seed key and is never added again, and a seed
 * whose name another entry already answers to is left out. Cheap when nothing is missing (one
 * read); each added entry takes a revision. Returns how many were added.
 */
export async function seedRegister(
	db: Kysely<Database>,
	dialect: Dialect,
	clock: Clock,
	ownerId: string
): Promise<number> {
	const missing = async (trx: Db) => {
		const entries = await entriesOf(trx, ownerId);
		const keys = new Set(entries.map((e) => e.seedKey));
		return { entries, seeds: REGISTER_SEED.filter((s) => !keys.has(s.seedKey)) };
	};
	if ((await missing(db)).seeds.length === 0) return 0;
	const now = clock.now().toISOString();
	return db.transaction().execute(async (trx) => {
		let rev = await takeSequence(trx, dialect);
		const { entries, seeds } = await missing(trx);
		let added = 0;
		for (const seed of seeds) {
			if (clashOf(entries, seed.fields, null)) continue;
			rev += 1;
			await insertEntry(trx, {
				ownerId,
				seedKey: seed.seedKey,
				fields: seed.fields,
				rev,
				at: now,
				by: null,
				assessed: false
			});
			added += 1;
		}
		if (added === 0) return 0;
		await storeSequence(trx, rev);
		await audit(trx, clock, {
			action: 'register_seeded',
			ownerId,
			actorUserId: null,
			targetType: 'register',
			targetId: null,
			kindergartenId: null,
			reason: `count_${added}`
		});
		return added;
	});
}

/** Seeds the register of every owner on the server (at start, after the migrations). */
export async function seedEveryRegister(
	db: Kysely<Database>,
	dialect: Dialect,
	clock: Clock
): Promise<number> {
	const owners = await db.selectFrom('owners').select('id').orderBy('id').execute();
	let added = 0;
	for (const { id } of owners) added += await seedRegister(db, dialect, clock, id);
	return added;
}

/** Where a tool that is not approved is planned, per kindergarten. */
export interface ToolUsage {
	/** The register entry, or null for a tool the register does not know. */
	entryId: string | null;
	/** The entry's name, or the tool as one of the plans spells it. */
	name: string;
	/** The entry's decision; null when the tool is not in the register. */
	decision: ToolDecision | null;
	plans: number;
	kindergartens: Array<{ id: string; name: string; plans: number; nextDate: string }>;
}

export interface RegisterUsage {
	from: string;
	tools: ToolUsage[];
}

/**
 * For every entry that is not approved, and every tool the register does not know: the
 * kindergartens whose plans from `from` (default: today in Oslo) name it, how many plans and
 * the next date (owner admins). Read from the plan facts, brought up to date first (ADR 35).
 */
export async function registerUsage(
	deps: ServerDeps,
	actor: Actor,
	query: { from?: string | null }
): Promise<RegisterUsage> {
	await authorize(deps, actor, 'register.manage');
	const from = query.from ?? osloWallClock(deps.clock.now().toISOString()).slice(0, 10);
	if (!isValidDate(from)) throw new ApiError(400, 'invalid_query', { from: 'invalid_date' });
	await refreshPlanFacts(deps, actor.ownerId);
	const [entries, kindergartens, facts] = await Promise.all([
		entriesOf(deps.db, actor.ownerId),
		deps.db
			.selectFrom('kindergartens')
			.select(['id', 'name'])
			.where('ownerId', '=', actor.ownerId)
			.execute(),
		deps.db
			.selectFrom('planFacts')
			.select(['recordId', 'kindergartenId', 'day', 'tools'])
			.where('ownerId', '=', actor.ownerId)
			.where('day', '>=', from)
			.where('tools', '<>', '[]')
			.execute()
	]);
	const index = registerIndex(entries);
	const kindergartenName = new Map(kindergartens.map((k) => [k.id, k.name]));
	const tools = new Map<string, ToolUsage & { sample: string }>();
	for (const fact of facts) {
		if (!fact.day) continue;
		const seen = new Set<string>();
		for (const tool of JSON.parse(fact.tools ?? '[]') as string[]) {
			const entry = index.get(tool);
			if (entry?.fields.decision === 'approved') continue;
			const key = entry ? entry.id : `?${tool}`;
			if (seen.has(key)) continue;
			seen.add(key);
			let usage = tools.get(key);
			if (!usage) {
				usage = {
					entryId: entry?.id ?? null,
					name: entry?.fields.name ?? tool,
					decision: entry?.fields.decision ?? null,
					plans: 0,
					kindergartens: [],
					sample: fact.recordId
				};
				tools.set(key, usage);
			}
			usage.plans += 1;
			let place = usage.kindergartens.find((k) => k.id === fact.kindergartenId);
			if (!place) {
				place = {
					id: fact.kindergartenId,
					name: kindergartenName.get(fact.kindergartenId) ?? '',
					plans: 0,
					nextDate: fact.day
				};
				usage.kindergartens.push(place);
			}
			place.plans += 1;
			if (fact.day < place.nextDate) place.nextDate = fact.day;
		}
	}
	await spellUnknownTools(
		deps,
		[...tools.values()].filter((t) => t.entryId === null)
	);
	return {
		from,
		tools: [...tools.values()]
			.map(({ sample: _, ...usage }) => ({
				...usage,
				kindergartens: usage.kindergartens.sort((a, b) => a.name.localeCompare(b.name, 'nb'))
			}))
			.sort((a, b) => b.plans - a.plans || a.name.localeCompare(b.name, 'nb'))
	};
}

/** A tool the register does not know by one plan's spelling of it, not its normalised key. */
async function spellUnknownTools(
	deps: ServerDeps,
	unknown: Array<ToolUsage & { sample: string }>
): Promise<void> {
	if (unknown.length === 0) return;
	const rows = await deps.db
		.selectFrom('syncRecords')
		.select(['recordId', 'data'])
		.where(
			'recordId',
			'in',
			unknown.map((u) => u.sample)
		)
		.execute();
	const data = new Map(rows.map((r) => [r.recordId, r.data]));
	for (const usage of unknown) {
		const plan = JSON.parse(data.get(usage.sample) ?? '{}') as { tools?: unknown };
		const tools: unknown[] = Array.isArray(plan.tools) ? plan.tools : [];
		const spelt = tools.find((t) => typeof t === 'string' && normaliseToolName(t) === usage.name);
		if (typeof spelt === 'string') usage.name = spelt.trim();
	}
}

/** A proposal as its readers see it. */
export interface ToolProposal {
	id: string;
	kindergartenId: string;
	kindergartenName: string;
	/** The proposer's name. */
	proposedBy: string;
	name: string;
	kind: ToolKind;
	purpose: string;
	note: string;
	proposedAt: string;
	status: ProposalStatus;
	decidedAt: string | null;
	decidedBy: string | null;
	reason: string | null;
	entryId: string | null;
}

async function proposalsWhere(
	deps: ServerDeps,
	ownerId: string,
	filter: { kindergartenId?: string; id?: string }
): Promise<ToolProposal[]> {
	let query = deps.db
		.selectFrom('toolProposals as p')
		.innerJoin('kindergartens as k', 'k.id', 'p.kindergartenId')
		.leftJoin('users as by', 'by.id', 'p.proposedBy')
		.leftJoin('users as dec', 'dec.id', 'p.decidedBy')
		.select([
			'p.id',
			'p.kindergartenId',
			'k.name as kindergartenName',
			'by.displayName as proposer',
			'p.name',
			'p.kind',
			'p.purpose',
			'p.note',
			'p.proposedAt',
			'p.status',
			'p.decidedAt',
			'dec.displayName as decider',
			'p.reason',
			'p.entryId'
		])
		.where('p.ownerId', '=', ownerId);
	if (filter.kindergartenId) query = query.where('p.kindergartenId', '=', filter.kindergartenId);
	if (filter.id) query = query.where('p.id', '=', filter.id);
	const rows = await query.execute();
	return rows
		.map((r) => ({
			id: r.id,
			kindergartenId: r.kindergartenId,
			kindergartenName: r.kindergartenName,
			proposedBy: r.proposer ?? '',
			name: r.name,
			kind: r.kind as ToolKind,
			purpose: r.purpose,
			note: r.note,
			proposedAt: r.proposedAt,
			status: r.status as ProposalStatus,
			decidedAt: r.decidedAt,
			decidedBy: r.decidedAt === null ? null : (r.decider ?? ''),
			reason: r.reason,
			entryId: r.entryId
		}))
		.sort(
			(a, b) =>
				Number(b.status === 'open') - Number(a.status === 'open') ||
				(a.status === 'open'
					? a.proposedAt.localeCompare(b.proposedAt)
					: (b.decidedAt ?? '').localeCompare(a.decidedAt ?? ''))
		);
}

/**
 * A staff member or manager proposes a tool for the register, for their kindergarten. 409
 * `already_in_register` (with its `entryId`) when the register knows the name; 409
 * `already_proposed` when an open proposal of the owner has it.
 */
export async function propose(
	deps: ServerDeps,
	actor: Actor,
	body: unknown
): Promise<ToolProposal> {
	await authorize(deps, actor, 'register.propose');
	if (!actor.kindergartenId) return refuse(deps, actor, 403, 'no_kindergarten');
	const kindergartenId = actor.kindergartenId;
	const fields = parseWith(toolProposalFieldsSchema, body);
	const id = uuidv7();
	await deps.db.transaction().execute(async (trx) => {
		// The sequence serialises proposals with the register's writes (no rev is taken).
		await takeSequence(trx, deps.dialect);
		const entry = registerIndex(await entriesOf(trx, actor.ownerId)).get(
			normaliseToolName(fields.name)
		);
		if (entry) {
			throw new ApiError(409, 'already_in_register', undefined, undefined, { entryId: entry.id });
		}
		const open = await trx
			.selectFrom('toolProposals')
			.select(['id', 'name'])
			.where('ownerId', '=', actor.ownerId)
			.where('status', '=', 'open')
			.execute();
		const same = open.find((p) => normaliseToolName(p.name) === normaliseToolName(fields.name));
		if (same) {
			throw new ApiError(409, 'already_proposed', undefined, undefined, { proposalId: same.id });
		}
		await trx
			.insertInto('toolProposals')
			.values({
				id,
				ownerId: actor.ownerId,
				kindergartenId,
				proposedBy: actor.userId,
				...fields,
				proposedAt: deps.clock.now().toISOString(),
				status: 'open',
				decidedAt: null,
				decidedBy: null,
				reason: null,
				entryId: null
			})
			.execute();
		await audit(trx, deps.clock, {
			action: 'register_tool_proposed',
			ownerId: actor.ownerId,
			actorUserId: actor.userId,
			targetType: 'tool_proposal',
			targetId: id,
			kindergartenId
		});
	});
	return (await proposalsWhere(deps, actor.ownerId, { id }))[0]!;
}

/**
 * The proposals: an owner admin's are the owner's, open first (oldest first), then the decided,
 * newest first; a staff member's or manager's are their kindergarten's.
 */
export async function proposals(deps: ServerDeps, actor: Actor): Promise<ToolProposal[]> {
	if (actor.role === 'ownerAdmin') {
		await authorize(deps, actor, 'register.manage');
		return proposalsWhere(deps, actor.ownerId, {});
	}
	await authorize(deps, actor, 'register.propose');
	if (!actor.kindergartenId) return refuse(deps, actor, 403, 'no_kindergarten');
	return proposalsWhere(deps, actor.ownerId, { kindergartenId: actor.kindergartenId });
}

export const decisionBody = z.strictObject({
	decision: z.enum(['accepted', 'declined'], { error: 'required' }),
	/** Why it was declined, in the owner admin's words (required then). */
	reason: z.optional(freeText(REGISTER_LIMITS.text))
});

/**
 * An owner admin decides a proposal: accepted, it becomes a new entry, not yet assessed (or is
 * matched to the entry that has its name by now); declined, with a reason. 404 for one not the
 * owner's; 409 `already_decided`.
 */
export async function decideProposal(
	deps: ServerDeps,
	actor: Actor,
	id: string,
	body: unknown
): Promise<ToolProposal> {
	await authorize(deps, actor, 'register.manage');
	const [found] = await proposalsWhere(deps, actor.ownerId, { id });
	if (!found) return refuse(deps, actor, 404, 'out_of_scope', { type: 'tool_proposal', id });
	const input = parseWith(decisionBody, body);
	const reason = input.reason ?? '';
	if (input.decision === 'declined' && reason === '') {
		throw new ApiError(422, 'invalid_value', { reason: 'required' });
	}
	await deps.db.transaction().execute(async (trx) => {
		const sequence = await takeSequence(trx, deps.dialect);
		const row = await trx
			.selectFrom('toolProposals')
			.selectAll()
			.where('id', '=', id)
			.executeTakeFirstOrThrow();
		if (row.status !== 'open') throw new ApiError(409, 'already_decided');
		const at = deps.clock.now().toISOString();
		let entryId: string | null = null;
		if (input.decision === 'accepted') {
			const entries = await entriesOf(trx, actor.ownerId);
			const fields = blankEntryFields(row.name, row.kind as ToolKind, row.purpose);
			const existing = clashOf(entries, fields, null);
			if (existing) {
				entryId = existing.id;
			} else {
				const rev = sequence + 1;
				entryId = await insertEntry(trx, {
					ownerId: actor.ownerId,
					seedKey: null,
					fields,
					rev,
					at: versionAfter(deps, null),
					by: actor.userId,
					assessed: false
				});
				await storeSequence(trx, rev);
				await audit(trx, deps.clock, {
					action: 'register_entry_added',
					ownerId: actor.ownerId,
					actorUserId: actor.userId,
					targetType: 'register_entry',
					targetId: entryId,
					kindergartenId: null,
					reason: 'proposal',
					changes: { name: [null, fields.name], decision: [null, fields.decision] }
				});
			}
		}
		await trx
			.updateTable('toolProposals')
			.set({
				status: input.decision,
				decidedAt: at,
				decidedBy: actor.userId,
				reason: input.decision === 'declined' ? reason : null,
				entryId
			})
			.where('id', '=', id)
			.execute();
		await audit(trx, deps.clock, {
			action: 'register_proposal_decided',
			ownerId: actor.ownerId,
			actorUserId: actor.userId,
			targetType: 'tool_proposal',
			targetId: id,
			kindergartenId: row.kindergartenId,
			reason: input.decision
		});
	});
	return (await proposalsWhere(deps, actor.ownerId, { id }))[0]!;
}
