import pg from 'pg';
import { CamelCasePlugin, Kysely, PostgresDialect } from 'kysely';
import type { Database } from './schema';

/** PostgreSQL, when DATABASE_URL names one. */
export function openPostgres(connectionString: string): Kysely<Database> {
	const pool = new pg.Pool({ connectionString, max: 10 });
	return new Kysely<Database>({
		dialect: new PostgresDialect({ pool }),
		plugins: [new CamelCasePlugin()]
	});
}
