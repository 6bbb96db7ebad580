import { CompiledQuery, sql, type Selectable, type Transaction } from 'kysely';
import type { ServerDeps } from '../deps';
import type { Actor } from '../auth/sessions';
import type { Database } from '../db';
import type { SyncRecordTable } from '../db/schema';
import { ApiError, JsonText, parseWith, Utf8Writer, type JsonOut } from '../api/http';
import { audit } from '../audit';
import { refuse, type SyncScope } from '../access';
import { uuidv7 } from '$lib/domain/ids';
import {
	MAX_BATCH,
	PULL_PAGE,
	PULL_PAGE_CHARS,
	SUPPORTED_PROTOCOL,
	SUPPORTED_SCHEMA,
	mergeMutation,
	pushRequestSchema,
	sameValue,
	type Change,
	type ConflictView,
	type MergeConflict,
	type Mutation,
	type MutationResult,
	type PullResponse,
	type PushResponse,
	type RecordType,
	type StoredRecord,
	type SyncReason
} from '$lib/sync';
import {
	jsonString,
	writeFullRecordJson,
	validateRecord,
	fieldProblems,
	valueProblem
} from './sync-records';
import { storeSequence, takeSequence } from './sequence';
import { auditDecision, judgeApproval, stampApproval } from './approval';
import { guidanceSetSchema } from '$lib/domain/guidance';

/**
 * The server side of sync (DESIGN.md §4, ADR 9). Every write takes the one server sequence
 * under a lock first, so revisions are handed out in commit order and no commit ever lands
 * below a cursor a pull has already returned. Owner and kindergarten always come from the
 * session (`SyncScope`), never from a mutation.
 */

type Db = Transaction<Database>;
type RecordRow = Selectable<SyncRecordTable>;

/** Most unresolved conflicts one list returns (oldest first). */
export const CONFLICT_LIST_LIMIT = 500;

// ---------------------------------------------------------------- shared pieces

function isObject(value: unknown): value is Record<string, unknown> {
	return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** A client too old (or too new) for this server: 426, before anything else is read. */
function checkVersions(protocol: unknown, schema: unknown): void {
	const outside = (v: unknown, range: { min: number; max: number }) =>
		typeof v === 'number' && Number.isInteger(v) && (v < range.min || v > range.max);
	if (outside(protocol, SUPPORTED_PROTOCOL) || outside(schema, SUPPORTED_SCHEMA)) {
		throw new ApiError(426, 'protocol_unsupported', undefined, undefined, {
			supported: { protocol: SUPPORTED_PROTOCOL, schema: SUPPORTED_SCHEMA }
		});
	}
}

/** The client's row; a client id is one user's, and another user presenting it is refused. */
async function clientOf(deps: ServerDeps, actor: Actor, clientId: string) {
	const row = await deps.db
		.selectFrom('syncClients')
		.selectAll()
		.where('clientId', '=', clientId)
		.executeTakeFirst();
	if (row && row.userId !== actor.userId) {
		await refuse(deps, actor, 403, 'client_of_another_user', { type: 'sync_client', id: clientId });
	}
	return row ?? null;
}

function stored(row: RecordRow): StoredRecord {
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

/** Keys whose value differs between two versions of a record's fields. */
function changedKeys(before: Record<string, unknown>, after: Record<string, unknown>): string[] {
	const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
	return [...keys].filter((k) => !sameField(before[k], after[k]));
}

interface WriteContext {
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
 * fields, so the pieces are made once per list rather than once per record.
 */
const OBJECT_PIECES = new Map<string, string[]>();

function objectPieces(fields: readonly string[]): string[] {
	const key = fields.join('\u0000');
	let pieces = OBJECT_PIECES.get(key);
	if (pieces === undefined) {
		pieces = fields.map((field, i) => `${i === 0 ? '{' : ','}${JSON.stringify(field)}:`);
		pieces.push('}');
		// Field names are the record types' (a mutation with any other is rejected before this),
		// so the lists are few; the bound only guards memory.
		if (OBJECT_PIECES.size >= 1000) OBJECT_PIECES.clear();
		OBJECT_PIECES.set(key, pieces);
	}
	return pieces;
}

/** The JSON text of an object with each of `fields` set to the value whose JSON is `value`. */
function objectOfOne(fields: readonly string[], value: string): string {
	return fields.length === 0 ? '{}' : objectPieces(fields).join(value);
}

/**
 * The row of a record written at revision `rev`: the fields in `changed` get `rev` and
 * `ctx.writer`. Nothing is written yet: see `writeRows`.
 */
function recordRow(
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
		fieldClients = objectOfOne(record.changed, JSON.stringify(ctx.writer));
	}
	const groupId = record.data['groupId'];
	return {
		recordId: record.recordId,
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
		updatedAt: ctx.now
	};
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
	'updated_at'
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
		row.updatedAt
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
async function writeRows(
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

async function groupsOf(trx: Db, scope: SyncScope): Promise<Set<string>> {
	const rows = await trx
		.selectFrom('groups')
		.select('id')
		.where('ownerId', '=', scope.ownerId)
		.where('kindergartenId', '=', scope.kindergartenId)
		.execute();
	return new Set(rows.map((r) => r.id));
}

// ---------------------------------------------------------------- push

/**
 * Applies a batch of one client's mutations in one transaction: skips those already taken,
 * refuses a gap (409, nothing changed), and takes each new one as applied, rejected (with a
 * reason, stored, and the queue moves on) or conflict (kept for a person to resolve).
 */
export async function push(
	deps: ServerDeps,
	actor: Actor,
	scope: SyncScope,
	body: unknown
): Promise<PushResponse> {
	if (isObject(body)) {
		checkVersions(body['protocol'], body['schema']);
		const mutations = body['mutations'];
		if (Array.isArray(mutations) && mutations.length > MAX_BATCH) {
			throw new ApiError(413, 'batch_too_large', undefined, undefined, { max: MAX_BATCH });
		}
	}
	const request = parseWith(pushRequestSchema, body);
	await clientOf(deps, actor, request.clientId);
	const now = deps.clock.now().toISOString();

	return deps.db.transaction().execute(async (trx) => {
		const sequence = await takeSequence(trx, deps.dialect);
		const client = await trx
			.selectFrom('syncClients')
			.selectAll()
			.where('clientId', '=', request.clientId)
			.executeTakeFirst();
		// Checked above; a client id taken by another user in the meantime is refused unlogged.
		if (client && client.userId !== actor.userId) throw new ApiError(403, 'forbidden');
		const last = client?.lastMutationId ?? 0;
		const { mutations } = request;
		const first = mutations[0];
		const consecutive = mutations.every((m, i) => i === 0 || m.id === mutations[i - 1]!.id + 1);
		if (first && (first.id > last + 1 || !consecutive)) {
			throw new ApiError(409, 'mutation_gap', undefined, undefined, {
				expected: last + 1,
				lastMutationId: last
			});
		}
		const results: MutationResult[] = [];
		const fresh: Mutation[] = [];
		for (const m of mutations) {
			if (m.id <= last) results.push({ id: m.id, status: 'skipped' });
			else fresh.push(m);
		}
		if (fresh.length === 0) return { results, lastMutationId: last };

		const batch = new Batch(trx, deps, actor, scope, request.clientId, sequence, now);
		await batch.load(fresh.map((m) => m.recordId));
		for (const m of fresh) results.push(await batch.apply(m));
		await batch.finish();

		const lastMutationId = fresh[fresh.length - 1]!.id;
		if (client) {
			await trx
				.updateTable('syncClients')
				.set({ lastMutationId, updatedAt: now })
				.where('clientId', '=', request.clientId)
				.execute();
		} else {
			await trx
				.insertInto('syncClients')
				.values({
					clientId: request.clientId,
					userId: actor.userId,
					lastMutationId,
					scope: null,
					createdAt: now,
					updatedAt: now
				})
				.execute();
		}
		return { results, lastMutationId };
	});
}

type Checked =
	| { ok: true; data: Record<string, unknown> }
	| { ok: false; reason: SyncReason; fields?: Record<string, string> };

/** One push's work inside its transaction: the records it touches, and the sequence. */
class Batch {
	readonly #records = new Map<string, RecordRow>();
	/** Records that were in the database before this batch. */
	readonly #existing = new Set<string>();
	/** Rows this batch wrote, each record's last, in the order first written: stored by `finish`. */
	readonly #written = new Map<string, RecordRow>();
	#groups: Set<string> | null = null;
	#sequence: number;
	readonly #start: number;
	readonly #write: WriteContext;

	constructor(
		readonly trx: Db,
		readonly deps: ServerDeps,
		readonly actor: Actor,
		readonly scope: SyncScope,
		readonly clientId: string,
		sequence: number,
		readonly now: string
	) {
		this.#sequence = sequence;
		this.#start = sequence;
		this.#write = { scope, userId: actor.userId, writer: clientId, now };
	}

	async load(recordIds: string[]): Promise<void> {
		const ids = [...new Set(recordIds)];
		for (let i = 0; i < ids.length; i += 500) {
			const rows = await this.trx
				.selectFrom('syncRecords')
				.selectAll()
				.where('recordId', 'in', ids.slice(i, i + 500))
				.execute();
			for (const row of rows) {
				this.#records.set(row.recordId, row);
				this.#existing.add(row.recordId);
			}
		}
	}

	/**
	 * Writes the records this batch changed, in multi-row statements, and the sequence. Until
	 * now the batch's own later mutations read its writes from memory (`#records`): nothing in
	 * the transaction reads `sync_records` after `load`.
	 */
	async finish(): Promise<void> {
		await writeRows(this.trx, this.deps.dialect, [...this.#written.values()], this.#existing);
		if (this.#sequence !== this.#start) await storeSequence(this.trx, this.#sequence);
	}

	async apply(sent: Mutation): Promise<MutationResult> {
		let m = sent;
		const row = this.#records.get(m.recordId) ?? null;
		if (
			row &&
			(row.ownerId !== this.scope.ownerId || row.kindergartenId !== this.scope.kindergartenId)
		) {
			await this.refused(m.type, m.recordId);
			return this.reject(m, 'out_of_scope');
		}
		if (row && row.type !== m.type) return this.reject(m, 'invalid_record', { type: 'wrong_type' });
		const current = row ? stored(row) : null;
		if (m.op === 'put') {
			const problem = fieldProblems(m.type, m.fields);
			if (problem) return this.reject(m, problem.reason, problem.fields);
			// Approving a plan is the manager's (styrer's) decision, judged by what it changes (ADR 23).
			const fields =
				m.type === 'plan' ? judgeApproval(this.actor, current?.data ?? null, m.fields) : m.fields;
			if (!fields) {
				await this.refused(m.type, m.recordId);
				return this.reject(m, 'forbidden_field', { approval: 'manager_only' });
			}
			m = { ...m, fields };
			// An edit of a record this server no longer has: its tombstone passed the horizon.
			if (!row && m.baseRev !== null) return this.reject(m, 'not_found');
		} else {
			if (Object.keys(m.fields).length > 0) {
				return this.reject(m, 'invalid_record', { fields: 'not_allowed' });
			}
			if (!row) return this.reject(m, 'not_found');
		}

		const outcome = mergeMutation(current, m, m.type, this.clientId);

		if (m.op === 'delete') {
			// Deleting what is already deleted changes nothing, and is what the client wanted.
			if (!outcome.deleted || !row || !current) return { id: m.id, status: 'applied' };
			const rev = this.store(m, row, current.data, [], this.now);
			return { id: m.id, status: 'applied', rev };
		}

		if (m.op === 'restore') {
			if (outcome.deleted !== false || !row || !current) return { id: m.id, status: 'applied' };
			const checked = await this.check(m.type, m.recordId, current.data, row);
			if (!checked.ok) return this.reject(m, checked.reason, checked.fields);
			const changed = changedKeys(current.data, checked.data);
			const rev = this.store(m, row, checked.data, changed, null);
			return { id: m.id, status: 'applied', rev };
		}

		if (outcome.data === null) {
			// An edit of a deleted record: delete wins; the edit waits as a conflict to restore.
			await this.conflicts(m, outcome.conflicts);
			return { id: m.id, status: 'conflict', reason: 'deleted' };
		}
		const checked = await this.check(m.type, m.recordId, outcome.data, row);
		if (!checked.ok) return this.reject(m, checked.reason, checked.fields);
		if (m.type === 'plan') {
			checked.data = stampApproval(this.actor, current?.data ?? null, checked.data, this.now);
			await auditDecision(
				this.trx,
				this.deps.clock,
				this.actor,
				this.scope,
				m.recordId,
				current?.data ?? null,
				checked.data
			);
		}
		// A new record: every field it has is new (a checked record holds no undefined values).
		const changed = current ? changedKeys(current.data, checked.data) : Object.keys(checked.data);
		let rev: number | undefined;
		if (changed.length > 0 || !row) {
			rev = this.store(m, row, checked.data, changed, null);
			const overwritten = outcome.overwritten.filter((f) => changed.includes(f));
			if (overwritten.length > 0) {
				await audit(this.trx, this.deps.clock, {
					action: 'sync_overwrite',
					ownerId: this.scope.ownerId,
					actorUserId: this.actor.userId,
					targetType: m.type,
					targetId: m.recordId,
					reason: overwritten.join(',')
				});
			}
		}
		if (outcome.conflicts.length > 0) {
			await this.conflicts(m, outcome.conflicts);
			return { id: m.id, status: 'conflict', reason: 'text_conflict', ...(rev ? { rev } : {}) };
		}
		return { id: m.id, status: 'applied', ...(rev ? { rev } : {}) };
	}

	/** The merged record against its schema and, for a plan, its group against the scope. */
	async check(
		type: RecordType,
		recordId: string,
		data: Record<string, unknown>,
		row: RecordRow | null
	): Promise<Checked> {
		const validation = validateRecord(type, data, {
			id: recordId,
			kindergartenId: this.scope.kindergartenId,
			createdAt: row?.createdAt ?? this.now,
			updatedAt: this.now,
			deletedAt: null
		});
		if (!validation.ok) return { ok: false, reason: 'invalid_record', fields: validation.fields };
		if (type === 'plan') {
			this.#groups ??= await groupsOf(this.trx, this.scope);
			const groupId = validation.data['groupId'] as string;
			if (!this.#groups.has(groupId)) {
				await this.refused('group', groupId);
				return { ok: false, reason: 'out_of_scope', fields: { groupId: 'out_of_scope' } };
			}
		}
		return validation;
	}

	store(
		m: Mutation,
		row: RecordRow | null,
		data: Record<string, unknown>,
		changed: string[],
		deletedAt: string | null
	): number {
		const rev = ++this.#sequence;
		const written = recordRow(this.#write, row, {
			recordId: m.recordId,
			type: m.type,
			data,
			changed,
			deletedAt,
			rev
		});
		this.#records.set(m.recordId, written);
		this.#written.set(m.recordId, written);
		return rev;
	}

	async conflicts(m: Mutation, conflicts: MergeConflict[]): Promise<void> {
		for (const conflict of conflicts) {
			await this.trx
				.insertInto('syncConflicts')
				.values({
					id: uuidv7(this.deps.clock.now().getTime()),
					recordId: m.recordId,
					type: m.type,
					field: conflict.field,
					kind: conflict.kind,
					serverValue: JSON.stringify(conflict.serverValue ?? null),
					clientValue: JSON.stringify(conflict.clientValue ?? null),
					clientId: this.clientId,
					mutationId: m.id,
					userId: this.actor.userId,
					ownerId: this.scope.ownerId,
					kindergartenId: this.scope.kindergartenId,
					createdAt: this.now,
					resolvedAt: null,
					resolvedBy: null,
					resolution: null
				})
				.execute();
		}
	}

	async reject(
		m: Mutation,
		reason: SyncReason,
		fields?: Record<string, string>
	): Promise<MutationResult> {
		await this.trx
			.insertInto('syncRejections')
			.values({ clientId: this.clientId, mutationId: m.id, reason, createdAt: this.now })
			.execute();
		return { id: m.id, status: 'rejected', reason, ...(fields ? { fields } : {}) };
	}

	/** An id outside the caller's scope is logged like every other refusal (ADR 8). */
	async refused(type: string, id: string): Promise<void> {
		await audit(this.trx, this.deps.clock, {
			action: 'access_refused',
			ownerId: this.actor.ownerId,
			actorUserId: this.actor.userId,
			targetType: type,
			targetId: id,
			reason: 'out_of_scope'
		});
	}
}

// ---------------------------------------------------------------- pull

const PULL_PARAMS = ['cursor', 'protocol', 'schema', 'clientId'] as const;
type PullParam = (typeof PULL_PARAMS)[number];

export interface PullQuery {
	cursor: number;
	protocol: number;
	schema: number;
	clientId: string;
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
	if (Object.keys(fields).length > 0) throw new ApiError(400, 'invalid_query', fields);
	return { cursor: cursor!, protocol: protocol!, schema: schema!, clientId: clientId! };
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
/** `PULLED_COLUMNS` as a select list: each column of `sync_records` under its name in the row. */
const PULLED_SELECT = sql.raw(
	PULLED_COLUMNS.map((c) => `${c.replace(/[A-Z]/g, (l) => `_${l.toLowerCase()}`)} as "${c}"`).join(
		', '
	)
);

/**
 * Appends a change as JSON to `out`: the `Change` the row stands for, built from the stored JSON
 * of `data` and `fieldRevs` without parsing them (see `fullRecordJson`).
 */
function writeChangeJson(out: JsonOut, row: PulledRow): void {
	out.push(
		`{"recordId":${jsonString(row.recordId)},"type":${jsonString(row.type)},` +
			`"rev":${JSON.stringify(row.rev)},"data":`
	);
	writeFullRecordJson(out, row.type, row.data, {
		id: row.recordId,
		kindergartenId: row.kindergartenId,
		createdAt: row.createdAt,
		updatedAt: row.updatedAt,
		deletedAt: row.deletedAt
	});
	out.push(
		',"fieldRevs":',
		row.fieldRevs,
		`,"deletedAt":${jsonString(row.deletedAt)},"updatedBy":${jsonString(row.updatedBy)}}`
	);
}

/** One change of a page: a record row, or a change already written as JSON (the guidance). */
type PageItem = { rev: number; row: PulledRow } | { rev: number; json: string };

/** Characters of a change's stored text: what PULL_PAGE_CHARS counts. */
const textOf = (item: PageItem) =>
	'json' in item ? item.json.length : item.row.data.length + item.row.fieldRevs.length;

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
 * A pull's answer as JSON: `PullResponse`, its changes as `writeChangeJson` writes them, written
 * straight into UTF-8 bytes (`Utf8Writer`).
 */
function pullJson(page: { changes: PageItem[]; head: number; cursor: number; hasMore: boolean }) {
	let chars = 64;
	for (const item of page.changes) chars += textOf(item) + CHANGE_OVERHEAD;
	const out = new Utf8Writer(chars);
	out.push('{"changes":[');
	page.changes.forEach((item, i) => {
		if (i > 0) out.push(',');
		if ('json' in item) out.push(item.json);
		else writeChangeJson(out, item.row);
	});
	out.push(
		`],"head":${JSON.stringify(page.head)},"cursor":${JSON.stringify(page.cursor)},` +
			`"hasMore":${JSON.stringify(page.hasMore)}}`
	);
	return new JsonText<PullResponse>(out.bytes());
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

/**
 * Changes in the caller's kindergarten above the cursor, and the owner's guidance when it
 * changed, in revision order, one page at a time.
 * The sequence is read first and the page is read up to it: every revision at or below a
 * committed sequence value is committed (writers take the sequence under a lock), so the
 * cursor returned never passes a change the caller has not been given.
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
): Promise<JsonText<PullResponse>> {
	const query = parsePullQuery(params);
	// One round trip for what the pull needs to know first: the sequence, this client (a client
	// id is one user's), and the revision of the owner's guidance.
	const head = await deps.db
		.selectFrom('syncSequence')
		.leftJoin('syncClients', (join) => join.on('syncClients.clientId', '=', query.clientId))
		.select((eb) => [
			'syncSequence.value as sequence',
			'syncSequence.purgedThrough',
			'syncClients.userId as clientUserId',
			'syncClients.scope as clientScope',
			eb
				.selectFrom('guidanceSets')
				.select('guidanceSets.rev')
				.where('guidanceSets.ownerId', '=', scope.ownerId)
				.as('guidanceRev')
		])
		.where('syncSequence.id', '=', 1)
		.executeTakeFirstOrThrow();
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
	// Written with its columns' names as the rows are read, and run without the camel-case
	// plugin, which would otherwise rename every key of every row of the page.
	const { rows: records } = await sql<PulledRow>`
		select ${PULLED_SELECT} from sync_records
		where owner_id = ${scope.ownerId} and kindergarten_id = ${scope.kindergartenId}
			and rev > ${query.cursor} and rev <= ${sequence}
		order by rev limit ${PULL_PAGE + 1}`.execute(deps.db.withoutPlugins());
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
	const changes: PageItem[] = records.map((row) => ({ rev: row.rev, row }));
	const guidanceAsChange = guidance ? guidanceChange(guidance) : null;
	if (guidanceAsChange) {
		const at = changes.findIndex((c) => c.rev > guidanceAsChange.rev);
		const item = { rev: guidanceAsChange.rev, json: JSON.stringify(guidanceAsChange) };
		changes.splice(at === -1 ? changes.length : at, 0, item);
	}
	const size = pageSize(changes);
	const hasMore = changes.length > size;
	const page = changes.slice(0, size);
	if (query.cursor === 0 && cursorScope !== scope.kindergartenId) {
		const now = deps.clock.now().toISOString();
		await deps.db
			.insertInto('syncClients')
			.values({
				clientId: query.clientId,
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
	return pullJson({
		changes: page,
		// Read with the rest of the head above: how far a tablet's progress bar has to go.
		head: sequence,
		// Past the last page, the cursor moves to the sequence read: nothing at or below it is
		// left for this scope, and the next pull need not look at other kindergartens' revisions.
		cursor: hasMore ? page[page.length - 1]!.rev : sequence,
		hasMore
	});
}

// ---------------------------------------------------------------- conflicts

function conflictView(row: Selectable<Database['syncConflicts']>): ConflictView {
	return {
		id: row.id,
		recordId: row.recordId,
		type: row.type,
		field: row.field,
		kind: row.kind,
		serverValue: JSON.parse(row.serverValue) as unknown,
		clientValue: JSON.parse(row.clientValue) as unknown,
		createdAt: row.createdAt
	};
}

/** The caller's kindergarten's unresolved conflicts, oldest first. */
export async function listConflicts(deps: ServerDeps, scope: SyncScope): Promise<ConflictView[]> {
	const rows = await deps.db
		.selectFrom('syncConflicts')
		.selectAll()
		.where('ownerId', '=', scope.ownerId)
		.where('kindergartenId', '=', scope.kindergartenId)
		.where('resolvedAt', 'is', null)
		.orderBy('id')
		.limit(CONFLICT_LIST_LIMIT)
		.execute();
	return rows.map(conflictView);
}

export const RESOLUTIONS = ['mine', 'theirs', 'merged', 'restore', 'discard'] as const;
export type Resolution = (typeof RESOLUTIONS)[number];

const CHOICES: Record<'text' | 'deleted', readonly Resolution[]> = {
	text: ['mine', 'theirs', 'merged'],
	deleted: ['restore', 'discard']
};

export interface ResolveInput {
	choice: Resolution;
	value?: unknown;
}

export interface ResolveResult {
	id: string;
	resolution: Resolution;
	/** The record's new revision, when the choice wrote one. */
	rev: number | null;
}

/**
 * Resolves a conflict. A text conflict: `mine` writes the client's value, `merged` the value
 * sent, `theirs` keeps the server's. A deleted conflict: `restore` brings the record back with
 * the edit's fields, `discard` leaves it deleted. A write is a new revision like any push.
 */
export async function resolveConflict(
	deps: ServerDeps,
	actor: Actor,
	scope: SyncScope,
	id: string,
	input: ResolveInput
): Promise<ResolveResult> {
	const found = await deps.db
		.selectFrom('syncConflicts')
		.selectAll()
		.where('id', '=', id)
		.executeTakeFirst();
	if (!found || found.ownerId !== scope.ownerId || found.kindergartenId !== scope.kindergartenId) {
		return refuse(deps, actor, 404, 'out_of_scope', { type: 'sync_conflict', id });
	}
	if (!CHOICES[found.kind].includes(input.choice)) {
		throw new ApiError(422, 'invalid_value', { choice: 'invalid_choice' });
	}
	const hasValue = 'value' in input && input.value !== undefined;
	if (input.choice === 'merged' && !hasValue) {
		throw new ApiError(422, 'invalid_value', { value: 'required' });
	}
	if (input.choice !== 'merged' && hasValue) {
		throw new ApiError(422, 'invalid_value', { value: 'not_allowed' });
	}
	if (hasValue) {
		const problem = valueProblem(input.value);
		if (problem) throw new ApiError(400, 'invalid_body', { value: problem });
	}
	const now = deps.clock.now().toISOString();

	return deps.db.transaction().execute(async (trx) => {
		const sequence = await takeSequence(trx, deps.dialect);
		const conflict = await trx
			.selectFrom('syncConflicts')
			.selectAll()
			.where('id', '=', id)
			.executeTakeFirstOrThrow();
		if (conflict.resolvedAt) throw new ApiError(409, 'already_resolved');
		const row = await trx
			.selectFrom('syncRecords')
			.selectAll()
			.where('recordId', '=', conflict.recordId)
			.executeTakeFirst();
		if (!row || row.ownerId !== scope.ownerId || row.kindergartenId !== scope.kindergartenId) {
			throw new ApiError(409, 'record_missing');
		}
		const current = stored(row);
		let next: { data: Record<string, unknown>; deletedAt: string | null } | null = null;
		if (input.choice === 'mine' || input.choice === 'merged') {
			if (row.deletedAt) throw new ApiError(409, 'record_deleted');
			const value =
				input.choice === 'mine' ? (JSON.parse(conflict.clientValue) as unknown) : input.value;
			next = { data: { ...current.data, [conflict.field ?? '_']: value }, deletedAt: null };
		} else if (input.choice === 'restore') {
			const fields = JSON.parse(conflict.clientValue) as Record<string, unknown>;
			next = { data: { ...current.data, ...fields }, deletedAt: null };
		}

		let rev: number | null = null;
		if (next) {
			const validation = validateRecord(conflict.type, next.data, {
				id: row.recordId,
				kindergartenId: scope.kindergartenId,
				createdAt: row.createdAt,
				updatedAt: now,
				deletedAt: null
			});
			if (!validation.ok) throw new ApiError(422, 'invalid_value', validation.fields);
			if (conflict.type === 'plan') {
				validation.data = stampApproval(actor, current.data, validation.data, now);
				const groups = await groupsOf(trx, scope);
				if (!groups.has(validation.data['groupId'] as string)) {
					throw new ApiError(422, 'invalid_value', { groupId: 'out_of_scope' });
				}
			}
			const changed = changedKeys(current.data, validation.data);
			if (changed.length > 0 || row.deletedAt !== next.deletedAt) {
				rev = sequence + 1;
				const written = recordRow(
					{ scope, userId: actor.userId, writer: `conflict:${conflict.id}`, now },
					row,
					{
						recordId: row.recordId,
						type: conflict.type,
						data: validation.data,
						changed,
						deletedAt: next.deletedAt,
						rev
					}
				);
				await writeRows(trx, deps.dialect, [written], new Set([row.recordId]));
				await storeSequence(trx, rev);
			}
		}
		await trx
			.updateTable('syncConflicts')
			.set({ resolvedAt: now, resolvedBy: actor.userId, resolution: input.choice })
			.where('id', '=', id)
			.execute();
		await audit(trx, deps.clock, {
			action: 'sync_conflict_resolved',
			ownerId: scope.ownerId,
			actorUserId: actor.userId,
			targetType: conflict.type,
			targetId: conflict.recordId,
			reason: input.choice
		});
		return { id, resolution: input.choice, rev };
	});
}
