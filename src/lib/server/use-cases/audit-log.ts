import { sql, type SelectQueryBuilder } from 'kysely';
import { z } from 'zod/mini';
import type { ServerDeps } from '../deps';
import type { Database } from '../db';
import { AUDIT_ACTIONS, type AuditLogTable } from '../db/schema';
import type { Actor } from '../auth/sessions';
import { authorize } from '../access';
import { ApiError } from '../api/http';
import { isUuid } from '$lib/domain/ids';
import { isValidDate } from '$lib/domain/calendar';
import { osloDayStart } from './oslo-time';

/**
 * The owner's audit log as an owner admin reads it (issue 13): newest first, a page at a time,
 * filtered by event, person, kindergarten and dates (days in Europe/Oslo), with the people,
 * kindergartens and records named. Refusals (`access_refused`, `sign_in_failed`) come grouped,
 * one row per person, event, reason, kind of record and day with their count, so no number of
 * refused requests can push other events out of sight. The CSV download has every row, ungrouped.
 */

/** Events that come many at a time and are shown grouped. */
export const GROUPED_ACTIONS = ['access_refused', 'sign_in_failed'] as const;

export const AUDIT_PAGE = 50;
/** Most rows one CSV download holds (the newest). */
export const AUDIT_CSV_ROWS = 100_000;

const day = z.string().check(z.refine(isValidDate, 'invalid_date'));
const uuid = z.string().check(z.refine(isUuid, 'invalid_id'));

/** The log's query string. Unknown parameters are refused, as in a body. */
export const auditQuery = z
	.strictObject({
		action: z.optional(z.enum(AUDIT_ACTIONS)),
		person: z.optional(uuid),
		kindergarten: z.optional(uuid),
		from: z.optional(day),
		to: z.optional(day),
		/** The `next` of the page before: entries older than it. */
		before: z.optional(uuid),
		limit: z.optional(
			z.pipe(
				z.string().check(z.regex(/^\d{1,3}$/, 'not_integer')),
				z.transform((s) => Number(s))
			)
		)
	})
	.check(
		z.superRefine((q, ctx) => {
			if (q.from && q.to && q.to < q.from) {
				ctx.addIssue({ code: 'custom', path: ['to'], message: 'before_from' });
			}
			if (q.limit !== undefined && (q.limit < 1 || q.limit > 200)) {
				ctx.addIssue({ code: 'custom', path: ['limit'], message: 'too_big' });
			}
		})
	);
export type AuditQuery = z.infer<typeof auditQuery>;

/** Reads the query string; a parameter twice, unknown or malformed is 400 `invalid_query`. */
export function parseAuditQuery(params: URLSearchParams): AuditQuery {
	const raw: Record<string, string> = {};
	for (const [key, value] of params) {
		if (key in raw) throw new ApiError(400, 'invalid_query', { [key]: 'repeated' });
		if (value !== '') raw[key] = value;
	}
	const parsed = auditQuery.safeParse(raw);
	if (parsed.success) return parsed.data;
	const fields: Record<string, string> = {};
	for (const issue of parsed.error.issues) {
		const key =
			issue.path.map(String).join('.') ||
			(issue.code === 'unrecognized_keys' ? issue.keys.join(',') : '_');
		fields[key] ??= issue.message.includes(' ') ? issue.code : issue.message;
	}
	throw new ApiError(400, 'invalid_query', fields);
}

export interface AuditEntryView {
	/** The newest row's id (the cursor for the next page). */
	id: string;
	/** When it happened (the newest, for a group). */
	at: string;
	/** A group's oldest; the same as `at` for one event. */
	firstAt: string;
	/** How many events the entry stands for (more than one only for grouped refusals). */
	count: number;
	action: string;
	reason: string | null;
	actorUserId: string | null;
	actorName: string | null;
	actorEmail: string | null;
	kindergartenId: string | null;
	kindergartenName: string | null;
	targetType: string | null;
	/** Null for a group of events about several records. */
	targetId: string | null;
	/** The record's name or title where the server has it, else null. */
	targetName: string | null;
	/** field → [before, after], kindergartens and groups by name. */
	changes: Record<string, [unknown, unknown]> | null;
}

type Row = Pick<
	AuditLogTable,
	| 'id'
	| 'at'
	| 'action'
	| 'reason'
	| 'actorUserId'
	| 'kindergartenId'
	| 'targetType'
	| 'targetId'
	| 'changes'
> & { firstAt: string; count: number | string };

type LogQuery = SelectQueryBuilder<Database, 'auditLog', object>;

function filtered(query: LogQuery, actor: Actor, q: AuditQuery): LogQuery {
	let out = query.where('auditLog.ownerId', '=', actor.ownerId);
	if (q.action) out = out.where('auditLog.action', '=', q.action);
	if (q.person) out = out.where('auditLog.actorUserId', '=', q.person);
	if (q.kindergarten) out = out.where('auditLog.kindergartenId', '=', q.kindergarten);
	if (q.from) out = out.where('auditLog.at', '>=', osloDayStart(q.from, 0));
	if (q.to) out = out.where('auditLog.at', '<', osloDayStart(q.to, 1));
	return out;
}

/** One group per event, except refusals: one per person, event, reason, kind of record, UTC day. */
const groupKey = sql<string>`case when action in ('access_refused', 'sign_in_failed')
	then action || '|' || coalesce(actor_user_id, '') || '|' || coalesce(reason, '') || '|' ||
		coalesce(target_type, '') || '|' || substr(at, 1, 10)
	else id end`;

/** A page of the log, newest first; `next` is the cursor of the page after it, if any. */
export async function readAuditLog(
	deps: ServerDeps,
	actor: Actor,
	params: URLSearchParams
): Promise<{ entries: AuditEntryView[]; next: string | null }> {
	await authorize(deps, actor, 'audit.read');
	const q = parseAuditQuery(params);
	const limit = q.limit ?? AUDIT_PAGE;
	let query = filtered(deps.db.selectFrom('auditLog'), actor, q)
		.select([
			sql<string>`max(id)`.as('id'),
			sql<string>`max(at)`.as('at'),
			sql<string>`min(at)`.as('firstAt'),
			sql<number | string>`count(*)`.as('count'),
			'action',
			'reason',
			'actorUserId',
			'targetType',
			sql<string | null>`max(kindergarten_id)`.as('kindergartenId'),
			sql<string | null>`case when count(*) = 1 then max(target_id) end`.as('targetId'),
			sql<string | null>`case when count(*) = 1 then max(changes) end`.as('changes')
		])
		.groupBy([groupKey, 'action', 'reason', 'actorUserId', 'targetType'])
		.orderBy(sql`max(id)`, 'desc')
		.limit(limit + 1);
	if (q.before) query = query.having(sql`max(id)`, '<', q.before);
	const rows = (await query.execute()) as Row[];
	const page = rows.slice(0, limit);
	return {
		entries: await named(deps, page),
		next: rows.length > limit ? (page.at(-1)?.id ?? null) : null
	};
}

/** Every row the filters select (newest first, at most AUDIT_CSV_ROWS), ungrouped and named. */
export async function auditRows(
	deps: ServerDeps,
	actor: Actor,
	params: URLSearchParams
): Promise<AuditEntryView[]> {
	await authorize(deps, actor, 'audit.read');
	const q = parseAuditQuery(params);
	let query = filtered(deps.db.selectFrom('auditLog'), actor, q)
		.select([
			'id',
			'at',
			'at as firstAt',
			sql<number>`1`.as('count'),
			'action',
			'reason',
			'actorUserId',
			'targetType',
			'kindergartenId',
			'targetId',
			'changes'
		])
		.orderBy('id', 'desc')
		.limit(AUDIT_CSV_ROWS);
	if (q.before) query = query.where('id', '<', q.before);
	return named(deps, await query.execute());
}

/** The rows with the names of their people, kindergartens, groups and records. */
async function named(deps: ServerDeps, rows: Row[]): Promise<AuditEntryView[]> {
	const ids = {
		user: new Set<string>(),
		kindergarten: new Set<string>(),
		group: new Set<string>()
	};
	const other = { invitation: new Set<string>(), record: new Set<string>() };
	const parsed = rows.map((row) => {
		const changes = row.changes
			? (JSON.parse(row.changes) as Record<string, [unknown, unknown]>)
			: null;
		if (row.actorUserId) ids.user.add(row.actorUserId);
		if (row.kindergartenId) ids.kindergarten.add(row.kindergartenId);
		if (row.targetId) {
			const type = row.targetType;
			if (type === 'user' || type === 'kindergarten' || type === 'group')
				ids[type].add(row.targetId);
			else if (type === 'invitation') other.invitation.add(row.targetId);
			else if (
				type === 'plan' ||
				type === 'activity' ||
				type === 'developmentPlan' ||
				type === 'digitalPlan'
			)
				other.record.add(row.targetId);
		}
		for (const [field, values] of Object.entries(changes ?? {})) {
			const kind =
				field === 'kindergartenId' ? 'kindergarten' : field === 'groupId' ? 'group' : null;
			if (kind) for (const v of values) if (typeof v === 'string') ids[kind].add(v);
		}
		return { row, changes };
	});
	const users = await lookup(ids.user, (list) =>
		deps.db
			.selectFrom('users')
			.select(['id', 'displayName as name', 'email'])
			.where('id', 'in', list)
			.execute()
	);
	const kindergartens = await lookup(ids.kindergarten, (list) =>
		deps.db.selectFrom('kindergartens').select(['id', 'name']).where('id', 'in', list).execute()
	);
	const groups = await lookup(ids.group, (list) =>
		deps.db.selectFrom('groups').select(['id', 'name']).where('id', 'in', list).execute()
	);
	const invitations = await lookup(other.invitation, (list) =>
		deps.db
			.selectFrom('invitations')
			.select(['id', 'displayName as name'])
			.where('id', 'in', list)
			.execute()
	);
	const records = await lookup(other.record, async (list) =>
		(
			await deps.db
				.selectFrom('syncRecords')
				.select(['recordId as id', 'data'])
				.where('recordId', 'in', list)
				.execute()
		).map((r) => ({ id: r.id, name: titleOf(r.data) }))
	);
	const targetName = (type: string | null, id: string | null): string | null => {
		if (!id) return null;
		const table =
			type === 'user'
				? users
				: type === 'kindergarten'
					? kindergartens
					: type === 'group'
						? groups
						: type === 'invitation'
							? invitations
							: type === 'plan' ||
								  type === 'activity' ||
								  type === 'developmentPlan' ||
								  type === 'digitalPlan'
								? records
								: null;
		return table?.get(id)?.name ?? null;
	};
	return parsed.map(({ row, changes }) => {
		const person = row.actorUserId ? users.get(row.actorUserId) : undefined;
		return {
			id: row.id,
			at: row.at,
			firstAt: row.firstAt,
			count: Number(row.count),
			action: row.action,
			reason: row.reason,
			actorUserId: row.actorUserId,
			actorName: person?.name ?? null,
			actorEmail: person?.email ?? null,
			kindergartenId: row.kindergartenId,
			kindergartenName: row.kindergartenId
				? (kindergartens.get(row.kindergartenId)?.name ?? null)
				: null,
			targetType: row.targetType,
			targetId: row.targetId,
			targetName: targetName(row.targetType, row.targetId),
			changes: changes ? namedChanges(changes, kindergartens, groups) : null
		};
	});
}

interface Named {
	id: string;
	name: string | null;
	email?: string | null;
}

async function lookup(
	ids: Set<string>,
	read: (list: string[]) => Promise<Named[]>
): Promise<Map<string, Named>> {
	const found = new Map<string, Named>();
	const list = [...ids];
	for (let i = 0; i < list.length; i += 500) {
		for (const row of await read(list.slice(i, i + 500))) found.set(row.id, row);
	}
	return found;
}

function titleOf(data: string): string | null {
	try {
		const title = (JSON.parse(data) as { title?: unknown }).title;
		return typeof title === 'string' ? title : null;
	} catch {
		return null;
	}
}

/** Changes with kindergartens and groups by name (their id when they no longer exist). */
function namedChanges(
	changes: Record<string, [unknown, unknown]>,
	kindergartens: Map<string, Named>,
	groups: Map<string, Named>
): Record<string, [unknown, unknown]> {
	const out: Record<string, [unknown, unknown]> = {};
	for (const [field, [before, after]] of Object.entries(changes)) {
		const table = field === 'kindergartenId' ? kindergartens : field === 'groupId' ? groups : null;
		const name = (v: unknown) => (table && typeof v === 'string' ? (table.get(v)?.name ?? v) : v);
		out[field] = [name(before), name(after)];
	}
	return out;
}
