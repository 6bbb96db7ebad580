import { sql, type RawBuilder } from 'kysely';
import type { ServerDeps } from '../deps';
import { csvField } from '$lib/domain/csv';
import {
	EXPORT_FORMAT,
	EXPORT_TABLE_NAMES,
	EXPORT_TABLES,
	EXPORT_VERSION,
	INTEGER_COLUMNS,
	type ExportTable
} from './tables';

/**
 * An owner's whole data as one JSON document (issue 16, ADR 42), written a page of rows at a time
 * (never all in memory), one row to a line, so an import can read it a line at a time too:
 *
 *     {"format":"lekeplan-owner-export","version":1,…,"counts":{…},"tables":{
 *     "owners":[
 *     {…a row…}
 *     ,{…a row…}
 *     ]
 *     ,"kindergartens":[
 *     …
 *     ]
 *     }}
 *
 * The document follows docs/schemas/owner-export-1.schema.json.
 */

const snake = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
const tableOf = (table: ExportTable) => sql.table(snake(table));

/** Which rows of a table are the owner's. */
function scope(table: ExportTable, ownerId: string): RawBuilder<unknown> {
	const users = sql`select id from users where owner_id = ${ownerId}`;
	const kindergartens = sql`select id from kindergartens where owner_id = ${ownerId}`;
	switch (table) {
		case 'owners':
			return sql`id = ${ownerId}`;
		case 'identities':
		case 'syncClients':
			return sql`user_id in (${users})`;
		case 'syncRejections':
			return sql`client_id in (select client_id from sync_clients where user_id in (${users}))`;
		case 'competenceAnswers':
			return sql`submission_id in (select id from competence_submissions where owner_id = ${ownerId})`;
		case 'summaryPublishers':
		case 'parentMemberships':
			return sql`kindergarten_id in (${kindergartens})`;
		default:
			return sql`owner_id = ${ownerId}`;
	}
}

/** Rows per table of the owner, counted before the export begins (its progress is against these). */
export async function exportCounts(
	deps: ServerDeps,
	ownerId: string
): Promise<Record<ExportTable, number>> {
	const counts = {} as Record<ExportTable, number>;
	for (const table of EXPORT_TABLE_NAMES) {
		const { rows } = await sql<{
			n: number | string;
		}>`select count(*) as n from ${tableOf(table)} where ${scope(table, ownerId)}`.execute(deps.db);
		counts[table] = Number(rows[0]?.n ?? 0);
	}
	return counts;
}

/** One page of a table's rows after `after` (the last row's key values), in key order. */
async function page(
	deps: ServerDeps,
	table: ExportTable,
	ownerId: string,
	after: unknown[] | null,
	size: number
): Promise<Array<Record<string, unknown>>> {
	const spec = EXPORT_TABLES[table];
	const columns = sql.join(Object.keys(spec.columns).map((c) => sql.ref(snake(c))));
	const keys = spec.key.map((k) => sql.ref(snake(k)));
	const past =
		after === null
			? sql`1 = 1`
			: keys.length === 1
				? sql`${keys[0]} > ${after[0]}`
				: sql`(${sql.join(keys)}) > (${sql.join(after.map((v) => sql`${v}`))})`;
	const { rows } = await sql<Record<string, unknown>>`select ${columns} from ${tableOf(
		table
	)} where ${scope(table, ownerId)} and ${past} order by ${sql.join(keys)} limit ${size}`.execute(
		deps.db
	);
	return rows;
}

/** A row in the spec's column order, whatever the driver gave (PostgreSQL may give numbers as text). */
function normalized(table: ExportTable, row: Record<string, unknown>): Record<string, unknown> {
	const out: Record<string, unknown> = {};
	const integers = INTEGER_COLUMNS[table];
	for (const column of Object.keys(EXPORT_TABLES[table].columns)) {
		const value = row[column] ?? null;
		out[column] = integers.has(column) && value !== null ? Number(value) : value;
	}
	return out;
}

export interface ExportProgress {
	table: ExportTable;
	rows: number;
	total: number;
}

/** A table's rows of the owner, a page at a time, in key order. */
async function* pages(
	deps: ServerDeps,
	table: ExportTable,
	ownerId: string,
	size: number
): AsyncGenerator<Array<Record<string, unknown>>> {
	const keys = EXPORT_TABLES[table].key as readonly string[];
	let after: unknown[] | null = null;
	for (;;) {
		const rows = await page(deps, table, ownerId, after, size);
		if (rows.length === 0) return;
		yield rows.map((row) => normalized(table, row));
		if (rows.length < size) return;
		const last = rows[rows.length - 1]!;
		after = keys.map((k) => last[k]);
	}
}

/**
 * The owner's export as text chunks, a page of rows each. `onPage` hears how far it is (rows
 * written of all tables' total). Reads a page at a time: memory stays flat in the owner's size.
 */
export async function* ownerExportChunks(
	deps: ServerDeps,
	ownerId: string,
	options: { pageSize?: number; onPage?: (progress: ExportProgress) => void } = {}
): AsyncGenerator<string> {
	const size = options.pageSize ?? 1000;
	const counts = await exportCounts(deps, ownerId);
	const total = Object.values(counts).reduce((a, b) => a + b, 0);
	const header = {
		format: EXPORT_FORMAT,
		version: EXPORT_VERSION,
		exportedAt: deps.clock.now().toISOString(),
		ownerId,
		counts
	};
	yield `${JSON.stringify(header).slice(0, -1)},"tables":{\n`;
	let written = 0;
	for (const [i, table] of EXPORT_TABLE_NAMES.entries()) {
		yield `${i === 0 ? '' : ','}"${table}":[\n`;
		let first = true;
		for await (const rows of pages(deps, table, ownerId, size)) {
			let chunk = '';
			for (const row of rows) {
				chunk += `${first ? '' : ','}${JSON.stringify(row)}\n`;
				first = false;
			}
			written += rows.length;
			options.onPage?.({ table, rows: written, total });
			yield chunk;
		}
		yield ']\n';
	}
	yield '}}\n';
}

/**
 * One table of the owner as CSV (csv.ts: BOM, CRLF, text never read as a formula): the
 * columns' names, then a line a row, written a page at a time.
 */
export async function* ownerTableCsvChunks(
	deps: ServerDeps,
	ownerId: string,
	table: ExportTable,
	pageSize = 1000
): AsyncGenerator<string> {
	const columns = Object.keys(EXPORT_TABLES[table].columns);
	yield `\ufeff${columns.map(csvField).join(',')}\r\n`;
	for await (const rows of pages(deps, table, ownerId, pageSize)) {
		yield rows
			.map(
				(row) => `${columns.map((c) => csvField(row[c] as string | number | null)).join(',')}\r\n`
			)
			.join('');
	}
}
