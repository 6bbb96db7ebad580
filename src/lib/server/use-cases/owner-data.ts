import type { ServerDeps } from '../deps';
import type { Actor } from '../auth/sessions';
import { ApiError } from '../api/http';
import { audit } from '../audit';
import { authorize } from '../access';
import { exportCounts, ownerExportChunks, ownerTableCsvChunks } from '../export/owner-export';
import { EXPORT_TABLE_NAMES, type ExportTable } from '../export/tables';

/**
 * The owner admin's export of everything of their owner (issue 16, ADR 42): the whole as JSON,
 * or one table as CSV, streamed. Only owner admins export; each export is an audit row.
 */

export interface StreamedFile {
	chunks: AsyncGenerator<string>;
	filename: string;
	contentType: string;
	/** Rows the file will hold: what the page's progress counts against. */
	rows: number;
}

export async function ownerExport(deps: ServerDeps, actor: Actor): Promise<StreamedFile> {
	await authorize(deps, actor, 'organisation.manage');
	const counts = await exportCounts(deps, actor.ownerId);
	await audit(deps.db, deps.clock, {
		action: 'export',
		ownerId: actor.ownerId,
		actorUserId: actor.userId,
		targetType: 'owner',
		targetId: actor.ownerId,
		reason: 'owner_json',
		kindergartenId: null
	});
	const day = deps.clock.now().toISOString().slice(0, 10);
	return {
		chunks: ownerExportChunks(deps, actor.ownerId),
		filename: `lekeplan-export-${day}.json`,
		contentType: 'application/json; charset=utf-8',
		rows: Object.values(counts).reduce((a, b) => a + b, 0)
	};
}

export function isExportTable(name: string): name is ExportTable {
	return (EXPORT_TABLE_NAMES as readonly string[]).includes(name);
}

export async function ownerTableCsv(
	deps: ServerDeps,
	actor: Actor,
	table: string
): Promise<StreamedFile> {
	await authorize(deps, actor, 'organisation.manage');
	if (!isExportTable(table)) throw new ApiError(404, 'unknown_table');
	const counts = await exportCounts(deps, actor.ownerId);
	await audit(deps.db, deps.clock, {
		action: 'export',
		ownerId: actor.ownerId,
		actorUserId: actor.userId,
		targetType: 'table',
		targetId: table,
		reason: 'owner_csv',
		kindergartenId: null
	});
	const day = deps.clock.now().toISOString().slice(0, 10);
	return {
		chunks: ownerTableCsvChunks(deps, actor.ownerId, table),
		filename: `lekeplan-${table}-${day}.csv`,
		contentType: 'text/csv; charset=utf-8',
		rows: counts[table]
	};
}
