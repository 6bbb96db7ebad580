import pg from 'pg';
import { CamelCasePlugin, Kysely, PostgresDialect } from 'kysely';
import type { Database } from './schema';

/** PostgreSQL, when DATABASE_URL names one. */
export function openPostgres(connectionString: string): Kysely<Database> {
	const pool = new pg.Pool({ connectionString, max: 10 });
	// An idle connection that the server ends (a restart, an administrator, a dropped test
	// database) must not crash the process: the pool replaces it on the next query.
	pool.on('error', (error: Error & { code?: string }) => {
		if (error.code !== '57P01') console.warn('PostgreSQL connection lost:', error.message);
	});
	return new Kysely<Database>({
		dialect: new PostgresDialect({ pool }),
		plugins: [new CamelCasePlugin()]
	});
}
