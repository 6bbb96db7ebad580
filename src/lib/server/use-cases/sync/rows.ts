import { CompiledQuery, type Selectable, type Transaction } from 'kysely';
import type { ServerDeps } from '../../deps';
import type { Database } from '../../db';
import type { SyncRecordTable } from '../../db/schema';
import type { SyncScope } from '../../access';
import { sameValue, type RecordType, type StoredRecord } from '$lib/sync';

/**
 * A record's row in `sync_records`: read as the merge sees it, compared field by field, made
 * anew for a revision, and written in multi-row statements of SQL text made here.
 */

export type Db = Transaction<Database>;
export type RecordRow = Selectable<SyncRecordTable>;

export function stored(row: RecordRow): StoredRecord {
	return {
		data: JSON.parse(row.data) as Record<string, unknown>,
		fieldRevs: JSON.parse(row.fieldRevs) as Record<string, number>,
		fieldClients: JSON.parse(row.fieldClients) as Record<string, string>,
		rev: row.rev,
		deletedAt: row.deletedAt
	};
}

/**
 * A value whose JSON text is its own and no other's (apart from -0 and 0, which are `===`):
 * two of them are the same JSON value (`sameValue`) exactly when they are `===`.
 */
function simple(value: unknown): boolean {
	const type = typeof value;
	return (
		value === undefined ||
		value === null ||
		type === 'string' ||
		type === 'boolean' ||
		(type === 'number' && Number.isFinite(value))
	);
}

/** `sameValue`, without serializing the values when they are identical or both simple. */
function sameField(a: unknown, b: unknown): boolean {
	if (a === b) return true;
	if (simple(a) && simple(b)) return false;
	return sameValue(a, b);
}

/**
 * Whether two JSON values are the same, compared in place: no text is made of them, which
 * `sameValue` does for every value (a push asks this of every field of a thousand records).
 * Object key order does not matter. It may say "not the same" where `sameValue` would not (a key
 * whose value is `undefined` on one side only), never the other way round.
 */
export function sameJson(a: unknown, b: unknown): boolean {
	if (a === b) return true;
	if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
	if (Array.isArray(a)) {
		if (!Array.isArray(b) || a.length !== b.length) return false;
		for (let i = 0; i < a.length; i++) if (!sameJson(a[i], b[i])) return false;
		return true;
	}
	if (Array.isArray(b)) return false;
	const x = a as Record<string, unknown>;
	const y = b as Record<string, unknown>;
	const keys = Object.keys(x);
	if (keys.length !== Object.keys(y).length) return false;
	for (const key of keys) if (!Object.hasOwn(y, key) || !sameJson(x[key], y[key])) return false;
	return true;
}

/** Keys whose value differs between two versions of a record's fields. */
export function changedKeys(
	before: Record<string, unknown>,
	after: Record<string, unknown>
): string[] {
	const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
	return [...keys].filter((k) => !sameField(before[k], after[k]));
}

export interface WriteContext {
	scope: SyncScope;
	userId: string;
	/** Who the changed fields are recorded as written by: a client id, or `conflict:<id>`. */
	writer: string;
	now: string;
}

/**
 * For a list of field names, the pieces of the JSON text of an object with each of them set to
 * one value: `{"a":` … `,"b":` … `}`, to be joined with that value's JSON. A new record's
 * revisions and writers are such objects, and the records of a batch mostly share one list of
 * fields (in one order), so the pieces are made again only when the list is another than the
 * last one's: comparing two lists of the same field names costs less than a key made of them.
 */
let lastFields: readonly string[] = [];
let lastPieces: string[] = ['{}'];

function objectPieces(fields: readonly string[]): string[] {
	if (!sameList(fields, lastFields)) {
		const pieces = fields.map((field, i) => `${i === 0 ? '{' : ','}${JSON.stringify(field)}:`);
		pieces.push('}');
		lastFields = [...fields];
		lastPieces = pieces;
	}
	return lastPieces;
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
	if (a.length !== b.length) return false;
	for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
	return true;
}

/** The JSON text of an object with each of `fields` set to the value whose JSON is `value`. */
function objectOfOne(fields: readonly string[], value: string): string {
	return fields.length === 0 ? '{}' : objectPieces(fields).join(value);
}

/**
 * `objectOfOne` for the writer, which is the same for every record of a batch: the last text
 * made is given again while the list and the writer are the same.
 */
let lastWriters = { pieces: lastPieces, value: '', text: '{}' };

function writersOf(fields: readonly string[], writer: string): string {
	if (fields.length === 0) return '{}';
	const pieces = objectPieces(fields);
	if (pieces !== lastWriters.pieces || writer !== lastWriters.value) {
		lastWriters = { pieces, value: writer, text: pieces.join(JSON.stringify(writer)) };
	}
	return lastWriters.text;
}

/**
 * The row of a record written at revision `rev`: the fields in `changed` get `rev` and
 * `ctx.writer`. Nothing is written yet: see `writeRows`.
 */
export function recordRow(
	ctx: WriteContext,
	previous: RecordRow | null,
	record: {
		recordId: string;
		type: RecordType;
		data: Record<string, unknown>;
		changed: string[];
		deletedAt: string | null;
		rev: number;
	}
): RecordRow {
	let fieldRevs: string;
	let fieldClients: string;
	if (previous) {
		const revs = JSON.parse(previous.fieldRevs) as Record<string, number>;
		const clients = JSON.parse(previous.fieldClients) as Record<string, string>;
		for (const field of record.changed) {
			revs[field] = record.rev;
			clients[field] = ctx.writer;
		}
		fieldRevs = JSON.stringify(revs);
		fieldClients = JSON.stringify(clients);
	} else {
		// A new record: every changed field (record fields, each once) has `rev` and the writer,
		// as the branch above would write it, without the objects.
		fieldRevs = objectOfOne(record.changed, String(record.rev));
		fieldClients = writersOf(record.changed, ctx.writer);
	}
	const groupId = record.data['groupId'];
	return {
		recordId: record.recordId,
		// Competence answers never become a record (ADR 32): `Batch.answers` takes them first.
		type: record.type,
		ownerId: ctx.scope.ownerId,
		kindergartenId: ctx.scope.kindergartenId,
		groupId: record.type === 'plan' && typeof groupId === 'string' ? groupId : null,
		data: JSON.stringify(record.data),
		fieldRevs,
		fieldClients,
		rev: record.rev,
		deletedAt: record.deletedAt,
		createdAt: previous?.createdAt ?? ctx.now,
		updatedBy: ctx.userId,
		updatedAt: ctx.now,
		shared: sharedColumn(record.type, record.data)
	};
}

/** The `shared` column of a record's row: its data's `shared` as 1 or 0, else null (ADR 38). */
export function sharedColumn(type: RecordType, data: Record<string, unknown>): number | null {
	if (type !== 'activity' || typeof data['shared'] !== 'boolean') return null;
	return data['shared'] ? 1 : 0;
}

/** The columns of `sync_records`, in the order `rowValues` gives them. */
const RECORD_COLUMNS = [
	'record_id',
	'type',
	'owner_id',
	'kindergarten_id',
	'group_id',
	'data',
	'field_revs',
	'field_clients',
	'rev',
	'deleted_at',
	'created_at',
	'updated_by',
	'updated_at',
	'shared'
] as const;

function rowValues(row: RecordRow): unknown[] {
	return [
		row.recordId,
		row.type,
		row.ownerId,
		row.kindergartenId,
		row.groupId,
		row.data,
		row.fieldRevs,
		row.fieldClients,
		row.rev,
		row.deletedAt,
		row.createdAt,
		row.updatedBy,
		row.updatedAt,
		row.shared
	];
}

/**
 * Bound parameters one statement may carry: SQLite's limit (SQLITE_MAX_VARIABLE_NUMBER, 32,766
 * since 3.32) is the lower of the two (PostgreSQL's is 65,535).
 */
const MAX_PARAMETERS = 32_766;
/** Rows one multi-row statement writes. */
const ROWS_PER_STATEMENT = Math.floor(MAX_PARAMETERS / RECORD_COLUMNS.length);

/** A row written over the one with its record id replaces every column, as an update would. */
const UPSERT =
	' on conflict (record_id) do update set ' +
	RECORD_COLUMNS.slice(1)
		.map((c) => `${c} = excluded.${c}`)
		.join(', ');

/**
 * The text of a statement writing `rows` rows: `insert … values (…), (…)`, and for rows that
 * may exist the upsert. Written here rather than by Kysely's builder: for a batch of a thousand
 * records, building and compiling the statement's syntax tree cost as much as running it.
 */
function insertText(dialect: ServerDeps['dialect'], rows: number, upsert: boolean): string {
	const key = `${dialect} ${rows} ${upsert}`;
	let text = INSERT_TEXTS.get(key);
	if (text === undefined) {
		text = writeInsertText(dialect, rows, upsert);
		// A push of a full batch, and single rows, come back again and again; keep a few.
		if (INSERT_TEXTS.size >= 16) INSERT_TEXTS.clear();
		INSERT_TEXTS.set(key, text);
	}
	return text;
}

const INSERT_TEXTS = new Map<string, string>();

function writeInsertText(dialect: ServerDeps['dialect'], rows: number, upsert: boolean): string {
	const width = RECORD_COLUMNS.length;
	const tuples: string[] = [];
	for (let r = 0; r < rows; r++) {
		const marks: string[] = [];
		for (let c = 1; c <= width; c++) marks.push(dialect === 'postgres' ? `$${r * width + c}` : '?');
		tuples.push(`(${marks.join(', ')})`);
	}
	return (
		`insert into sync_records (${RECORD_COLUMNS.join(', ')}) values ${tuples.join(', ')}` +
		(upsert ? UPSERT : '')
	);
}

/**
 * Writes rows in multi-row statements of at most `ROWS_PER_STATEMENT`: rows of new records are
 * inserted, rows of records that exist are written over theirs. Each record at most once.
 */
export async function writeRows(
	trx: Db,
	dialect: ServerDeps['dialect'],
	rows: RecordRow[],
	existing: ReadonlySet<string>
): Promise<void> {
	for (const upsert of [false, true]) {
		const chosen = rows.filter((r) => existing.has(r.recordId) === upsert);
		for (let i = 0; i < chosen.length; i += ROWS_PER_STATEMENT) {
			const part = chosen.slice(i, i + ROWS_PER_STATEMENT);
			const text = insertText(dialect, part.length, upsert);
			await trx.executeQuery(CompiledQuery.raw(text, part.flatMap(rowValues)));
		}
	}
}

export async function groupsOf(trx: Db, scope: SyncScope): Promise<Set<string>> {
	const rows = await trx
		.selectFrom('groups')
		.select('id')
		.where('ownerId', '=', scope.ownerId)
		.where('kindergartenId', '=', scope.kindergartenId)
		.execute();
	return new Set(rows.map((r) => r.id));
}
