import { sql, type Selectable } from 'kysely';
import type { ServerDeps } from '../../deps';
import type { Actor } from '../../auth/sessions';
import type { Database } from '../../db';
import { ApiError, JsonBytes, Utf8Writer } from '../../api/http';
import { refuse, type SyncScope } from '../../access';
import {
	COMPACT_PULL_PROTOCOL,
	MAX_KNOWN_RANGES,
	PULL_PAGE,
	PULL_PAGE_CHARS,
	pushRequestSchema,
	REGISTER_SCHEMA,
	SHARED_ACTIVITIES_SCHEMA,
	type Change,
	type PullResponse
} from '$lib/sync';
import {
	compactRecordJsonParts,
	fullRecordJson,
	fullRecordJsonParts,
	jsonString
} from '../sync-records';
import { guidanceSetSchema } from '$lib/domain/guidance';
import { ownerItemSetSchema } from '$lib/domain/competence/owner-items';
import {
	registerEntryFieldsSchema,
	type EquipmentSet,
	type ToolRegister
} from '$lib/domain/register';
import { checkVersions } from './checks';
import { entriesOf } from '../register';
import type { RecordRow } from './rows';

const PULL_PARAMS = ['cursor', 'protocol', 'schema', 'clientId', 'known'] as const;
type PullParam = (typeof PULL_PARAMS)[number];

export interface PullQuery {
	cursor: number;
	protocol: number;
	schema: number;
	clientId: string;
	/**
	 * Optional: revisions the tablet holds exactly (ranges `a-b`, comma-separated, at most
	 * MAX_KNOWN_RANGES), which this pull leaves out (issue 18). As the client sends it, text.
	 */
	known?: Array<[number, number]>;
}

const RANGE = /^(0|[1-9][0-9]{0,15})-(0|[1-9][0-9]{0,15})$/;

/** `a-b,c-d`: each a whole-number range with a ≤ b; null when anything else. */
function knownRanges(text: string): Array<[number, number]> | null {
	const parts = text.split(',');
	if (parts.length > MAX_KNOWN_RANGES) return null;
	const ranges: Array<[number, number]> = [];
	for (const part of parts) {
		const match = RANGE.exec(part);
		if (!match) return null;
		const [from, to] = [Number(match[1]), Number(match[2])];
		if (!Number.isSafeInteger(to) || from > to) return null;
		ranges.push([from, to]);
	}
	return ranges;
}

const WHOLE = /^(0|[1-9][0-9]{0,15})$/;
/** A client id as the push accepts it. */
const CLIENT_ID = pushRequestSchema.shape.clientId;

/**
 * The pull's query string, strictly: each parameter once, no others, whole numbers written
 * plainly (`1e3`, `+1`, `01`, `-1` and `1.0` are refused). 400 `invalid_query` names the
 * parameters; a protocol or schema version out of range is 426 whatever else is wrong.
 */
export function parsePullQuery(params: URLSearchParams): PullQuery {
	const fields: Record<string, string> = {};
	const values = new Map<PullParam, string>();
	for (const [key, value] of params) {
		if (!(PULL_PARAMS as readonly string[]).includes(key)) fields[key] = 'unknown_field';
		else if (values.has(key as PullParam)) fields[key] = 'duplicate';
		else values.set(key as PullParam, value);
	}
	const whole = (name: PullParam): number | null => {
		const text = values.get(name);
		if (text === undefined) fields[name] ??= 'required';
		else if (!WHOLE.test(text) || !Number.isSafeInteger(Number(text))) {
			fields[name] ??= 'not_whole_number';
		} else return Number(text);
		return null;
	};
	const cursor = whole('cursor');
	const protocol = whole('protocol');
	const schema = whole('schema');
	checkVersions(protocol, schema);
	const clientId = values.get('clientId');
	if (clientId === undefined) fields['clientId'] ??= 'required';
	else if (!CLIENT_ID.safeParse(clientId).success) fields['clientId'] ??= 'invalid_id';
	const knownText = values.get('known');
	const known = knownText === undefined ? undefined : knownRanges(knownText);
	if (known === null) fields['known'] ??= 'invalid_ranges';
	if (Object.keys(fields).length > 0) throw new ApiError(400, 'invalid_query', fields);
	return {
		cursor: cursor!,
		protocol: protocol!,
		schema: schema!,
		clientId: clientId!,
		...(known ? { known } : {})
	};
}

/** What a pull reads of a record: what a `Change` holds (not the scope and writers). */
const PULLED_COLUMNS = [
	'recordId',
	'type',
	'kindergartenId',
	'data',
	'fieldRevs',
	'rev',
	'deletedAt',
	'createdAt',
	'updatedBy',
	'updatedAt'
] as const;
type PulledRow = Pick<RecordRow, (typeof PULLED_COLUMNS)[number]>;
/**
 * What a compact change (protocol 2) is written from: not the field revisions, which it leaves
 * out, nor the kindergarten, which its answer says once. Not read: on a page of 2,000 plans they
 * were a third of the text the database sent.
 */
const COMPACT_COLUMNS = PULLED_COLUMNS.filter((c) => c !== 'fieldRevs' && c !== 'kindergartenId');
type CompactRow = Omit<PulledRow, 'fieldRevs' | 'kindergartenId'>;

/** `columns` as a select list: each column of `sync_records` under its name in the row. */
const selectList = (columns: readonly string[]) =>
	sql.raw(
		columns.map((c) => `${c.replace(/[A-Z]/g, (l) => `_${l.toLowerCase()}`)} as "${c}"`).join(', ')
	);
const PULLED_SELECT = selectList(PULLED_COLUMNS);
const COMPACT_SELECT = selectList(COMPACT_COLUMNS);

/** The columns a page of a pull by `query` reads: fewer for compact changes. */
const pageColumns = (query: PullQuery) =>
	query.protocol >= COMPACT_PULL_PROTOCOL
		? { names: COMPACT_COLUMNS, list: COMPACT_SELECT }
		: { names: PULLED_COLUMNS, list: PULLED_SELECT };

/**
 * Writes a change as JSON: the `Change` the row stands for, built from the stored JSON of
 * `data` and `fieldRevs` without parsing them (see `fullRecordJson`). Five writes a change: the
 * short pieces joined, the stored texts written as they are (joining them would copy them).
 */
function writeChange(
	out: Utf8Writer,
	item: PulledRow | CompactRow,
	comma: boolean,
	compact: boolean
): void {
	if (compact) {
		writeCompactChange(out, item, comma);
		return;
	}
	// Read with every column (`pageColumns`), as a page of full changes is.
	const row = item as PulledRow;
	const [open, fields, close] = fullRecordJsonParts(row.type, row.data, {
		id: row.recordId,
		kindergartenId: row.kindergartenId,
		createdAt: row.createdAt,
		updatedAt: row.updatedAt,
		deletedAt: row.deletedAt
	});
	out.write(
		`${comma ? ',' : ''}{"recordId":${jsonString(row.recordId)},"type":${jsonString(row.type)},` +
			`"rev":${JSON.stringify(row.rev)},"data":${open}`
	);
	if (fields !== '') out.write(fields);
	out.write(`${close},"fieldRevs":`);
	out.write(row.fieldRevs);
	out.write(`,"deletedAt":${jsonString(row.deletedAt)},"updatedBy":${jsonString(row.updatedBy)}}`);
}

/**
 * A change as protocol 2 writes it (issue 18): no `fieldRevs`, and `data` without `id`,
 * `kindergartenId` and `deletedAt`, which the change and the answer say once (`expandPull`
 * puts them back). Two fifths of a plan's answer were these repeats; compressed, a fifth.
 */
function writeCompactChange(out: Utf8Writer, row: CompactRow, comma: boolean): void {
	const [open, fields, close] = compactRecordJsonParts(row.type, row.data, {
		createdAt: row.createdAt,
		updatedAt: row.updatedAt
	});
	out.write(
		`${comma ? ',' : ''}{"recordId":${jsonString(row.recordId)},"type":${jsonString(row.type)},` +
			`"rev":${JSON.stringify(row.rev)},"data":${open}`
	);
	if (fields !== '') out.write(fields);
	out.write(
		`${close},"deletedAt":${jsonString(row.deletedAt)},"updatedBy":${jsonString(row.updatedBy)}}`
	);
}

/** One change of a page: a record row, or a change already written as JSON (the guidance). */
type PageItem = { rev: number; row: PulledRow | CompactRow } | { rev: number; json: string };

/** Characters of a change's stored text that its answer carries: what PULL_PAGE_CHARS counts. */
const textOf = (item: PageItem) =>
	'json' in item
		? item.json.length
		: item.row.data.length + ((item.row as Partial<PulledRow>).fieldRevs?.length ?? 0);

/** How many of the changes (in order) make one page: PULL_PAGE, or fewer by PULL_PAGE_CHARS. */
function pageSize(changes: readonly PageItem[]): number {
	let chars = 0;
	const most = Math.min(changes.length, PULL_PAGE);
	for (let i = 0; i < most; i++) {
		chars += textOf(changes[i]!);
		if (chars > PULL_PAGE_CHARS) return i + 1;
	}
	return most;
}

/** Characters a change's answer adds to its stored text: ids, times, keys (a generous guess). */
const CHANGE_OVERHEAD = 400;

/**
 * A pull's answer as JSON: `PullResponse`, its changes as `writeChange` writes them, written
 * straight into UTF-8 bytes (`Utf8Writer`).
 */
function pullJson(page: {
	changes: PageItem[];
	head: number;
	cursor: number;
	hasMore: boolean;
	/** Protocol 2: the scope's kindergarten, which compact changes leave out of their data. */
	compactFor: string | null;
}) {
	let chars = 128;
	for (const item of page.changes) chars += textOf(item) + CHANGE_OVERHEAD;
	const out = new Utf8Writer(chars);
	out.push('{"changes":[');
	const compact = page.compactFor !== null;
	page.changes.forEach((item, i) => {
		if ('row' in item) writeChange(out, item.row, i > 0, compact);
		else out.write(i > 0 ? `,${item.json}` : item.json);
	});
	out.push(
		`],"head":${JSON.stringify(page.head)},"cursor":${JSON.stringify(page.cursor)},` +
			`"hasMore":${JSON.stringify(page.hasMore)}` +
			(compact ? `,"kindergartenId":${jsonString(page.compactFor)}}` : '}')
	);
	return new JsonBytes<PullResponse>(out.bytes());
}

/**
 * The revisions the tablet holds exactly, left out of the page: a record whose revision is
 * still one of them has not changed since the tablet wrote it (issue 18).
 */
function leftOut(known: PullQuery['known']) {
	if (!known || known.length === 0) return sql``;
	return sql` and not (${sql.join(
		// No revision is past an integer column's largest value (PostgreSQL would refuse the query).
		known.map(
			([from, to]) =>
				sql`rev between ${Math.min(from, MAX_INTEGER)} and ${Math.min(to, MAX_INTEGER)}`
		),
		sql` or `
	)})`;
}

/** The owner's guidance (use-cases/guidance.ts) as a pulled change. */
function guidanceChange(row: Selectable<Database['guidanceSets']>): Change | null {
	const parsed = guidanceSetSchema.safeParse(JSON.parse(row.data));
	if (!parsed.success) return null;
	return {
		recordId: row.recordId,
		type: 'guidance',
		rev: row.rev,
		data: parsed.data,
		fieldRevs: {},
		deletedAt: null,
		updatedBy: row.updatedBy
	};
}

/** The largest value of an `integer` column on both databases (PostgreSQL's int4). */
const MAX_INTEGER = 2 ** 31 - 1;

/**
 * The cursor as the queries compare it: one past any integer column reads nothing (PostgreSQL
 * would refuse it), and is refused after the head is read (`cursor_from_future`).
 */
const queriedCursor = (query: PullQuery) => Math.min(query.cursor, MAX_INTEGER);

/** A shared activity of another kindergarten: its row, whether still shared, and whose it is. */
type SharedRow = PulledRow & { shared: number; sharedFrom: string };

/**
 * The owner's other kindergartens' activities ever shared, changed above the cursor, as pulled
 * changes (ADR 38): one still shared with `sharedFrom` (its kindergarten's name) added, one
 * withdrawn as a tombstone ("gone for you"), which hides it in this kindergarten's library and
 * touches no plan made from it. A separate query on the partial index `sync_records_shared`
 * (activities ever shared only), so the main pull's query stays as it is and this one reads
 * nothing when nothing is shared.
 */
async function sharedActivities(
	deps: ServerDeps,
	scope: SyncScope,
	cursor: number,
	sequence: number
): Promise<PageItem[]> {
	const { rows } = await sql<SharedRow>`
		select ${PULLED_SELECT}, shared as "shared",
			(select k.name from kindergartens k where k.id = sync_records.kindergarten_id) as "sharedFrom"
		from sync_records
		where owner_id = ${scope.ownerId} and shared is not null
			and kindergarten_id <> ${scope.kindergartenId}
			and rev > ${cursor} and rev <= ${sequence}
		order by rev limit ${PULL_PAGE + 1}`.execute(deps.db.withoutPlugins());
	return rows.map((row) => {
		const deletedAt = row.shared === 1 ? row.deletedAt : (row.deletedAt ?? row.updatedAt);
		const data = JSON.parse(
			fullRecordJson('activity', row.data, {
				id: row.recordId,
				kindergartenId: row.kindergartenId,
				createdAt: row.createdAt,
				updatedAt: row.updatedAt,
				deletedAt
			})
		) as Record<string, unknown>;
		const change: Change = {
			recordId: row.recordId,
			type: 'activity',
			rev: row.rev,
			data: { ...data, sharedFrom: row.sharedFrom },
			fieldRevs: JSON.parse(row.fieldRevs) as Record<string, number>,
			deletedAt,
			updatedBy: row.updatedBy
		};
		return { rev: row.rev, json: JSON.stringify(change) };
	});
}

/** The owner's own competence items (use-cases/competence-items.ts) as a pulled change. */
function competenceItemsChange(row: Selectable<Database['competenceItemSets']>): Change | null {
	const parsed = ownerItemSetSchema.safeParse(JSON.parse(row.data));
	if (!parsed.success) return null;
	return {
		recordId: row.recordId,
		type: 'competenceItems',
		rev: row.rev,
		data: parsed.data,
		fieldRevs: {},
		deletedAt: null,
		updatedBy: row.updatedBy
	};
}

/** Puts a change among the page's changes (in revision order) at its place. */
function insertByRev(changes: PageItem[], item: PageItem): void {
	const at = changes.findIndex((c) => c.rev > item.rev);
	changes.splice(at === -1 ? changes.length : at, 0, item);
}

/** A change the server writes whole (the register, the equipment): no field revisions. */
function wholeChange(
	type: 'toolRegister' | 'equipment',
	recordId: string,
	rev: number,
	data: ToolRegister | EquipmentSet
): PageItem {
	const change: Change = {
		recordId,
		type,
		rev,
		data,
		fieldRevs: {},
		deletedAt: null,
		updatedBy: null
	};
	return { rev, json: JSON.stringify(change) };
}

/**
 * The owner's register of digital tools, whole, as one change at its newest revision (ADR 43):
 * each entry's stored fields, and who assessed it by name. An entry whose stored fields no
 * longer fit the schema is left out rather than sent for the tablet to refuse.
 */
async function toolRegisterChange(
	deps: ServerDeps,
	ownerId: string,
	rev: number
): Promise<PageItem> {
	// An entry whose stored fields no longer fit the schema is left out, not sent to be refused.
	const entries = (await entriesOf(deps.db, ownerId)).filter(
		(entry) => registerEntryFieldsSchema.safeParse(entry.fields).success
	);
	return wholeChange('toolRegister', ownerId, rev, { entries });
}

/** The kindergarten's equipment, whole, as one change at its newest revision (ADR 43). */
async function equipmentChange(
	deps: ServerDeps,
	kindergartenId: string,
	rev: number
): Promise<PageItem> {
	const items = await deps.db
		.selectFrom('kindergartenEquipment')
		.select(['entryId', 'works', 'needsRepair', 'missing', 'note', 'updatedAt'])
		.where('kindergartenId', '=', kindergartenId)
		.orderBy('entryId')
		.execute();
	return wholeChange('equipment', kindergartenId, rev, { kindergartenId, items });
}

/** What a pull reads first: the head, the first row of `pageQuery`. */
interface PullHead {
	sequence: number;
	purgedThrough: number;
	clientUserId: string | null;
	clientScope: string | null;
	guidanceRev: number | null;
	sharedRev: number | null;
	competenceItemsRev: number | null;
	registerRev: number | null;
	equipmentRev: number | null;
}

/**
 * A row of `pageQuery`: the head, as the JSON array `headOf` reads (its record columns null), or
 * a record (`head` null). The head is one column, not one for each of its values: each column
 * of a union is in every row, and on PostgreSQL ten more columns, all null, made a page of 2,000
 * plans take a third longer to read (issue 18: the pull against a raw select).
 */
type PageRow = { head: string | null } & (PulledRow | CompactRow);

/** The head's values, in the order of its JSON array (`pageQuery`). */
function headOf(text: string): PullHead {
	const [
		sequence,
		purgedThrough,
		clientUserId,
		clientScope,
		guidanceRev,
		sharedRev,
		competenceItemsRev,
		registerRev,
		equipmentRev
	] = JSON.parse(text) as [number, number, ...Array<string | number | null>];
	return {
		sequence,
		purgedThrough,
		clientUserId: clientUserId as string | null,
		clientScope: clientScope as string | null,
		guidanceRev: guidanceRev as number | null,
		sharedRev: sharedRev as number | null,
		competenceItemsRev: competenceItemsRev as number | null,
		registerRev: registerRev as number | null,
		equipmentRev: equipmentRev as number | null
	};
}

/** `null as "…"` for each of `columns`: the record's columns in the head's row of `pageQuery`. */
const nulls = (columns: readonly string[]) =>
	sql.raw(columns.map((c) => `null as "${c}"`).join(', '));

/**
 * The pull's head: the sequence, this client (a client id is one user's), the revisions of the
 * owner's guidance and own competence items, the first revision above the cursor of another
 * kindergarten's shared activity (ADR 38; asked only of a client that takes them, on the partial
 * index `sync_records_shared`), and the newest revisions of the register and the kindergarten's
 * equipment (ADR 43; each the last key of its index), as one JSON array (`headOf`). Written
 * out, not built: every pull asks it.
 *
 * `together` (PostgreSQL, where each round trip was a third of a pull under load; issue 18):
 * the page's records too, in the same statement, up to the sequence it reads. One statement
 * reads one snapshot, so every revision at or below that sequence is committed (writers take
 * the sequence under a lock), as when the records are read after the head, up to its sequence.
 * Records are read whatever the head says; a pull the head refuses drops them.
 */
function pageQuery(scope: SyncScope, query: PullQuery, together: boolean) {
	const cursor = queriedCursor(query);
	const sharedRev =
		query.schema >= SHARED_ACTIVITIES_SCHEMA
			? sql`(select min(r.rev) from sync_records r
				where r.owner_id = ${scope.ownerId} and r.shared is not null
					and r.kindergarten_id <> ${scope.kindergartenId} and r.rev > ${cursor})`
			: sql`null`;
	const readsRegister = query.schema >= REGISTER_SCHEMA;
	const registerRev = readsRegister
		? sql`(select max(e.rev) from register_entries e where e.owner_id = ${scope.ownerId})`
		: sql`null`;
	const equipmentRev = readsRegister
		? sql`(select max(q.rev) from kindergarten_equipment q
				where q.kindergarten_id = ${scope.kindergartenId})`
		: sql`null`;
	// PostgreSQL's `json_build_array` is a `json` (which the driver would parse), taken as text;
	// SQLite's `json_array` is text. Only PostgreSQL reads the records `together`.
	const [array, asText] = together ? ['json_build_array', '::text'] : ['json_array', ''];
	const head = sql<PageRow>`
		select ${sql.raw(array)}(s.value, s.purged_through, c.user_id, c.scope,
			(select g.rev from guidance_sets g where g.owner_id = ${scope.ownerId}),
			${sharedRev},
			(select i.rev from competence_item_sets i where i.owner_id = ${scope.ownerId}),
			${registerRev},
			${equipmentRev})${sql.raw(asText)} as "head"
			${together ? sql`, ${nulls(pageColumns(query).names)}` : sql``}
		from sync_sequence s left join sync_clients c on c.client_id = ${query.clientId}
		where s.id = 1`;
	if (!together) return head;
	return sql<PageRow>`${head}
		union all
		select null, p.* from (
			${recordsQuery(scope, query, sql`(select value from sync_sequence where id = 1)`)}
		) p`;
}

/** The page's records: the first above the cursor in revision order, up to `upTo`. */
function recordsQuery(scope: SyncScope, query: PullQuery, upTo: unknown) {
	return sql<PulledRow | CompactRow>`
		select ${pageColumns(query).list} from sync_records
		where owner_id = ${scope.ownerId} and kindergarten_id = ${scope.kindergartenId}
			and rev > ${queriedCursor(query)} and rev <= ${upTo}${leftOut(query.known)}
		order by rev limit ${PULL_PAGE + 1}`;
}

/**
 * Changes in the caller's kindergarten above the cursor, and the owner's guidance and own
 * competence items when they changed, in revision order, one page at a time.
 * The page is read up to the sequence read with the head (`pageQuery`): every revision at or
 * below a committed sequence value is committed (writers take the sequence under a lock), so
 * the cursor returned never passes a change the caller has not been given.
 *
 * A cursor belongs to the kindergarten the client last pulled from 0 for. When the caller's
 * kindergarten is another (they were moved), any cursor but 0 is 409 `reset_required`; the
 * pull from 0 then records the new scope. So is a cursor below the last tombstone removed after
 * the horizon (horizon.ts).
 */
export async function pull(
	deps: ServerDeps,
	actor: Actor,
	scope: SyncScope,
	params: URLSearchParams
): Promise<JsonBytes<PullResponse>> {
	const query = parsePullQuery(params);
	const readsShares = query.schema >= SHARED_ACTIVITIES_SCHEMA;
	// Run without the camel-case plugin, which would otherwise rename every key of every row.
	// On PostgreSQL the head and the records in one round trip; SQLite, in the process, runs
	// them one after the other (as one statement, a page of 2,000 plans took half as long again).
	const together = deps.dialect === 'postgres';
	const db = deps.db.withoutPlugins();
	const { rows } = await pageQuery(scope, query, together).execute(db);
	const headRow = rows.find((row) => row.head !== null);
	if (!headRow) throw new Error('sync_sequence has no row');
	const head = headOf(headRow.head!);
	// A union's rows come in no promised order, and sorting them in the statement made the
	// database sort a page of plans, texts and all: the records are put in revision order here
	// (in order already, as both databases give them, this is one pass).
	const records = together
		? rows.filter((row) => row.head === null).sort((a, b) => a.rev - b.rev)
		: (await recordsQuery(scope, query, head.sequence).execute(db)).rows;
	if (head.clientUserId !== null && head.clientUserId !== actor.userId) {
		await refuse(deps, actor, 403, 'client_of_another_user', {
			type: 'sync_client',
			id: query.clientId
		});
	}
	const { sequence, purgedThrough } = head;
	const known = head.clientUserId !== null;
	const cursorScope = head.clientScope;
	if (query.cursor > sequence) throw new ApiError(400, 'cursor_from_future');
	if (query.cursor > 0 && cursorScope !== scope.kindergartenId) {
		throw new ApiError(409, 'reset_required', undefined, undefined, {
			because: known ? 'scope_changed' : 'unknown_client'
		});
	}
	// A tombstone at or below `purgedThrough` is gone: a cursor below it may have missed a
	// deletion, and only a fresh download shows what is no longer there.
	if (query.cursor > 0 && query.cursor < purgedThrough) {
		throw new ApiError(409, 'reset_required', undefined, undefined, { because: 'cursor_expired' });
	}
	// The owner's guidance (one row per owner) goes in revision order among the records; it is
	// read only when it changed above the cursor.
	const { guidanceRev } = head;
	const guidance =
		guidanceRev !== null && guidanceRev > query.cursor && guidanceRev <= sequence
			? await deps.db
					.selectFrom('guidanceSets')
					.selectAll()
					.where('ownerId', '=', scope.ownerId)
					// A version saved since the sequence was read comes with the next pull.
					.where('rev', '<=', sequence)
					.executeTakeFirst()
			: undefined;
	// So are the owner's own competence items (ADR 37).
	const { competenceItemsRev } = head;
	const competenceItems =
		competenceItemsRev !== null &&
		competenceItemsRev > query.cursor &&
		competenceItemsRev <= sequence
			? await deps.db
					.selectFrom('competenceItemSets')
					.selectAll()
					.where('ownerId', '=', scope.ownerId)
					.where('rev', '<=', sequence)
					.executeTakeFirst()
			: undefined;
	const changes: PageItem[] = records.map((row) => ({ rev: row.rev, row }));
	const guidanceAsChange = guidance ? guidanceChange(guidance) : null;
	const itemsAsChange = competenceItems ? competenceItemsChange(competenceItems) : null;
	for (const change of [guidanceAsChange, itemsAsChange]) {
		if (change) insertByRev(changes, { rev: change.rev, json: JSON.stringify(change) });
	}
	// The owner's register and the kindergarten's equipment (ADR 43), each whole, read only when
	// it changed above the cursor (a client before schema 8 is never sent them).
	const changed = (rev: number | null): rev is number =>
		rev !== null && rev > query.cursor && rev <= sequence;
	const { registerRev, equipmentRev } = head;
	const wholes = await Promise.all([
		changed(registerRev) ? toolRegisterChange(deps, scope.ownerId, registerRev) : null,
		changed(equipmentRev) ? equipmentChange(deps, scope.kindergartenId, equipmentRev) : null
	]);
	for (const item of wholes) if (item) insertByRev(changes, item);
	// Other kindergartens' shared activities (ADR 38), read apart and merged in revision order;
	// read only when one changed above the cursor.
	const { sharedRev } = head;
	if (readsShares && sharedRev !== null && sharedRev <= sequence) {
		const shares = await sharedActivities(deps, scope, query.cursor, sequence);
		if (shares.length > 0) {
			changes.push(...shares);
			changes.sort((a, b) => a.rev - b.rev);
		}
	}
	const size = pageSize(changes);
	const hasMore = changes.length > size;
	const page = changes.slice(0, size);
	// A pull from 0 records the kindergarten its client's cursors now belong to: written while
	// the answer is (on PostgreSQL by another of the pool's connections), and awaited before it
	// is sent, so a failed write fails the pull.
	const recording =
		query.cursor === 0 && cursorScope !== scope.kindergartenId
			? recordScope(deps, actor, query.clientId, scope)
			: null;
	try {
		return pullJson({
			changes: page,
			// Read with the rest of the head above: how far a tablet's progress bar has to go.
			head: sequence,
			// Past the last page, the cursor moves to the sequence read: nothing at or below it is
			// left for this scope, and the next pull need not look at other kindergartens' revisions.
			cursor: hasMore ? page[page.length - 1]!.rev : sequence,
			hasMore,
			compactFor: query.protocol >= COMPACT_PULL_PROTOCOL ? scope.kindergartenId : null
		});
	} finally {
		await recording;
	}
}

/** The client's cursors belong to `scope` from now on (a pull from 0; see `pull`). */
async function recordScope(
	deps: ServerDeps,
	actor: Actor,
	clientId: string,
	scope: SyncScope
): Promise<void> {
	const now = deps.clock.now().toISOString();
	await deps.db
		.insertInto('syncClients')
		.values({
			clientId,
			userId: actor.userId,
			lastMutationId: 0,
			scope: scope.kindergartenId,
			createdAt: now,
			updatedAt: now
		})
		.onConflict((oc) =>
			oc
				.column('clientId')
				.doUpdateSet({ scope: scope.kindergartenId, updatedAt: now })
				.where('syncClients.userId', '=', actor.userId)
		)
		.execute();
}
