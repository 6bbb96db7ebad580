import { seedRegister } from '../use-cases/register';
import { sql } from 'kysely';
import { z } from 'zod/mini';
import type { ServerDeps } from '../deps';
import {
	EXPORT_FORMAT,
	EXPORT_TABLE_NAMES,
	EXPORT_TABLES,
	EXPORT_VERSION,
	type ExportTable
} from './tables';

/**
 * An owner's export (owner-export.ts) read into an empty server, a line at a time, in one
 * transaction: a file that is cut short, out of order, or has a row the schema refuses changes
 * nothing, and the error names the line. The server's sync sequence is moved past the highest
 * revision brought in, so the owner's tablets pull on from where they were.
 */

export class ImportError extends Error {
	constructor(
		readonly reason: string,
		readonly line: number,
		readonly detail = ''
	) {
		super(`${reason} at line ${line}${detail ? `: ${detail}` : ''}`);
		this.name = 'ImportError';
	}
}

const rowSchemas = Object.fromEntries(
	EXPORT_TABLE_NAMES.map((t) => [t, z.strictObject(EXPORT_TABLES[t].columns)])
) as unknown as Record<ExportTable, z.ZodMiniType<Record<string, unknown>>>;

const headerSchema = z.object({
	format: z.literal(EXPORT_FORMAT),
	version: z.literal(EXPORT_VERSION),
	ownerId: z.string(),
	counts: z.record(z.string(), z.int())
});

export interface ImportResult {
	ownerId: string;
	counts: Record<ExportTable, number>;
}

/** Tables whose rows carry a revision of the sync sequence. */
const REVISIONED: readonly ExportTable[] = [
	'syncRecords',
	'guidanceSets',
	'competenceItemSets',
	'registerEntries',
	'kindergartenEquipment'
];

export async function importOwnerExport(
	deps: ServerDeps,
	lines: AsyncIterable<string>,
	options: { batch?: number; onTable?: (table: ExportTable, rows: number) => void } = {}
): Promise<ImportResult> {
	const size = options.batch ?? 500;
	const existing = await deps.db.selectFrom('owners').select('id').limit(1).executeTakeFirst();
	if (existing) throw new ImportError('not_empty', 0, 'the server already has an owner');
	const result = await deps.db.transaction().execute(async (trx) => {
		let header: z.infer<typeof headerSchema> | null = null;
		let table: ExportTable | null = null;
		let next = 0;
		let ended = false;
		let batch: Array<Record<string, unknown>> = [];
		let maxRev = 0;
		const counts = {} as Record<ExportTable, number>;
		let n = 0;
		const flush = async () => {
			if (table === null || batch.length === 0) return;
			await trx.insertInto(table).values(batch).execute();
			batch = [];
		};
		for await (const raw of lines) {
			n += 1;
			const line = raw.trimEnd();
			if (line === '') continue;
			if (header === null) {
				let parsed: unknown;
				try {
					parsed = JSON.parse(`${line}}}`);
				} catch {
					throw new ImportError('not_an_export', n);
				}
				const result = headerSchema.safeParse(parsed);
				if (!result.success) throw new ImportError('not_an_export', n);
				header = result.data;
				continue;
			}
			if (ended) throw new ImportError('text_after_end', n);
			const start = /^,?"(\w+)":\[$/.exec(line);
			if (start) {
				if (table !== null) throw new ImportError('table_not_closed', n, table);
				const name = start[1] as ExportTable;
				if (name !== EXPORT_TABLE_NAMES[next]) {
					throw new ImportError('unexpected_table', n, `${name}, not ${EXPORT_TABLE_NAMES[next]}`);
				}
				next += 1;
				table = name;
				counts[name] = 0;
				continue;
			}
			if (line === ']') {
				if (table === null) throw new ImportError('unexpected_line', n);
				await flush();
				if (counts[table] !== header.counts[table]) {
					throw new ImportError(
						'count_mismatch',
						n,
						`${table}: ${counts[table]} rows, the header says ${header.counts[table]}`
					);
				}
				options.onTable?.(table, counts[table]);
				table = null;
				continue;
			}
			if (line === '}}') {
				if (table !== null || next !== EXPORT_TABLE_NAMES.length) {
					throw new ImportError('missing_table', n, EXPORT_TABLE_NAMES[next] ?? table ?? '');
				}
				ended = true;
				continue;
			}
			if (table === null) throw new ImportError('unexpected_line', n);
			let value: unknown;
			try {
				value = JSON.parse(line.startsWith(',') ? line.slice(1) : line);
			} catch {
				throw new ImportError('invalid_json', n, table);
			}
			const row = rowSchemas[table].safeParse(value);
			if (!row.success) {
				const issue = row.error.issues[0];
				throw new ImportError('invalid_row', n, `${table}.${issue?.path.join('.') ?? ''}`);
			}
			if ('ownerId' in row.data && row.data['ownerId'] !== header.ownerId) {
				throw new ImportError('another_owner', n, table);
			}
			if (REVISIONED.includes(table)) maxRev = Math.max(maxRev, Number(row.data['rev']));
			batch.push(row.data);
			counts[table] += 1;
			if (batch.length >= size) await flush();
		}
		if (header === null) throw new ImportError('not_an_export', n, 'the file is empty');
		if (!ended) throw new ImportError('cut_short', n);
		await sql`update sync_sequence set value = ${maxRev} where id = 1 and value < ${maxRev}`.execute(
			trx
		);
		return { ownerId: header.ownerId, counts };
	});
	// An export of an older server has no register: the built-in libraries' tools, as at start.
	await seedRegister(deps.db, deps.dialect, deps.clock, result.ownerId);
	return result;
}
