import { expect } from 'vitest';
import type { AuditAction, AuditLogTable, Database } from '$lib/server/db/schema';
import type { TestServer } from './harness';

/**
 * "Nothing changed": a copy of the server's tables, taken before a request and compared after
 * it. The audit log is kept apart, because a refusal is allowed to append to it (and only
 * `access_refused` rows); sessions are left out unless asked for, because reading with a
 * session may touch its `last_seen_at`.
 */

export const DATA_TABLES = [
	'owners',
	'kindergartens',
	'groups',
	'users',
	'identities',
	'invitations',
	'syncRecords',
	'syncSequence',
	'syncClients',
	'syncConflicts',
	'syncRejections',
	'guidanceSets',
	'competenceSubmissions',
	'competenceAnswers',
	'competencePlanEntries',
	'competenceItemSets',
	'parentSummaries',
	'summaryPublishers',
	'parentCodes',
	'parentMemberships',
	'parentQuestions',
	'privacyNotices',
	'registerEntries',
	'kindergartenEquipment',
	'toolProposals',
	'removedKindergartens'
] as const satisfies ReadonlyArray<keyof Database>;

type Table = (typeof DATA_TABLES)[number] | 'sessions';

export interface Snapshot {
	tables: Partial<Record<Table, string[]>>;
	auditIds: Set<string>;
}

/** Every row of every data table, as canonical JSON lines sorted so order never matters. */
export async function snapshot(
	server: TestServer,
	options: { sessions?: boolean } = {}
): Promise<Snapshot> {
	const tables: Snapshot['tables'] = {};
	const names: Table[] = [...DATA_TABLES, ...(options.sessions ? (['sessions'] as const) : [])];
	for (const table of names) {
		const rows = await server.deps.db.selectFrom(table).selectAll().execute();
		tables[table] = rows.map((row) => canonical(row)).sort();
	}
	const audit = await server.deps.db.selectFrom('auditLog').select('id').execute();
	return { tables, auditIds: new Set(audit.map((r) => r.id)) };
}

function canonical(row: object): string {
	return JSON.stringify(Object.entries(row).sort(([a], [b]) => a.localeCompare(b)));
}

/** The audit rows written since a snapshot. */
export async function auditSince(server: TestServer, before: Snapshot): Promise<AuditLogTable[]> {
	const rows = await server.deps.db.selectFrom('auditLog').selectAll().execute();
	return rows.filter((row) => !before.auditIds.has(row.id));
}

/**
 * Asserts that no data table changed since `before`, and that the audit log grew only by
 * rows whose action is in `auditAllowed` (none by default). Returns the new audit rows.
 */
export async function expectUnchanged(
	server: TestServer,
	before: Snapshot,
	options: { auditAllowed?: readonly AuditAction[]; message?: string } = {}
): Promise<AuditLogTable[]> {
	const after = await snapshot(server, { sessions: 'sessions' in before.tables });
	for (const table of Object.keys(before.tables) as Table[]) {
		expect(after.tables[table], `${options.message ?? ''} table ${table} changed`).toEqual(
			before.tables[table]
		);
	}
	const added = await auditSince(server, before);
	const allowed = new Set<string>(options.auditAllowed ?? []);
	expect(
		added.filter((row) => !allowed.has(row.action)).map((row) => row.action),
		`${options.message ?? ''} unexpected audit rows`
	).toEqual([]);
	return added;
}
