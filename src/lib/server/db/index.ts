import { Migrator, type Kysely } from 'kysely';
import { migrationProvider } from './migrations';
import { openPostgres } from './postgres';
import { openSqlite } from './sqlite';
import type { Database } from './schema';

export type { Database, Role } from './schema';
export { ROLES, AUDIT_ACTIONS } from './schema';

export type Dialect = 'sqlite' | 'postgres';

export interface OpenedDatabase {
	db: Kysely<Database>;
	dialect: Dialect;
}

/**
 * The adapter selector, the only module that knows both databases: PostgreSQL when
 * `databaseUrl` is a postgres URL, else the SQLite file.
 */
export function openDatabase(options: {
	databaseUrl?: string;
	sqliteFile: string;
}): OpenedDatabase {
	const url = options.databaseUrl?.trim();
	if (url && /^postgres(ql)?:\/\//.test(url)) return { db: openPostgres(url), dialect: 'postgres' };
	return { db: openSqlite(options.sqliteFile), dialect: 'sqlite' };
}

export class MigrationError extends Error {
	constructor(
		readonly migration: string | undefined,
		cause: unknown
	) {
		super(`Migration ${migration ?? '(unknown)'} failed`, { cause });
		this.name = 'MigrationError';
	}
}

/** Brings the schema up to date; runs on every start. Returns the names applied now. */
export async function migrateToLatest(db: Kysely<Database>): Promise<string[]> {
	const migrator = new Migrator({ db, provider: migrationProvider });
	const { error, results } = await migrator.migrateToLatest();
	const failed = results?.find((r) => r.status === 'Error');
	if (error) throw new MigrationError(failed?.migrationName, error);
	return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
