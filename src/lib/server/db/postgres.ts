import pg from 'pg';
import {
	CamelCasePlugin,
	Kysely,
	PostgresDialect,
	type PostgresPool,
	type PostgresPoolClient
} from 'kysely';
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
		dialect: new PostgresDialect({ pool: keepingPlans(pool) }),
		plugins: [new CamelCasePlugin()]
	});
}

/** Statements named, at most; and the longest SQL text named (a multi-row insert is used once). */
const KEPT_STATEMENTS = 500;
const KEPT_SQL_CHARS = 4096;
/** Statements worth keeping: queries and writes, not `begin`, DDL or `pragma`-like commands. */
const KEPT_KIND = /^\s*(select|insert|update|delete|with)\s/i;

/**
 * The pool as Kysely's PostgreSQL driver sees it, each query run as a named prepared statement
 * (its name given by its SQL text), as the SQLite adapter keeps its statements
 * (`keepingStatements`). The driver sends every query unnamed, which PostgreSQL parses and plans
 * anew each time: on a pull of ten changes under 50 clients, that was most of the database's
 * work (issue 18, the pull under load). A connection parses a named statement once and keeps it
 * while it lives; the pool's connections are few (10).
 *
 * A statement whose tables changed shape since it was prepared (`select *` after a migration
 * added a column) fails with "cached plan must not change result type": that text is then sent
 * unnamed from then on, and the one query fails as it would have without this.
 */
export function keepingPlans(pool: pg.Pool): PostgresPool {
	const names = new Map<string, string>();
	const unnamed = new Set<string>();
	let named = 0;
	const nameOf = (text: string): string | undefined => {
		let name = names.get(text);
		if (
			name === undefined &&
			names.size < KEPT_STATEMENTS &&
			text.length <= KEPT_SQL_CHARS &&
			!unnamed.has(text) &&
			KEPT_KIND.test(text)
		) {
			name = `lekeplan_${++named}`;
			names.set(text, name);
		}
		return name;
	};
	const wrap = (client: pg.PoolClient) => ({
		query(text: string | pg.Submittable, values?: unknown[]) {
			// A cursor (a streamed query) goes as it is.
			if (typeof text !== 'string') return client.query(text);
			const name = nameOf(text);
			if (name === undefined) return client.query(text, values);
			return client.query({ name, text, values }).catch((error: unknown) => {
				if ((error as { code?: string }).code === '0A000') {
					names.delete(text);
					unnamed.add(text);
				}
				throw error;
			});
		},
		release: (discard?: boolean) => client.release(discard)
	});
	// One wrapper a connection: the driver knows a connection by the object it is handed.
	const wrappers = new WeakMap<pg.PoolClient, PostgresPoolClient>();
	return {
		async connect() {
			const client = await pool.connect();
			let wrapper = wrappers.get(client);
			if (!wrapper) wrappers.set(client, (wrapper = wrap(client) as unknown as PostgresPoolClient));
			return wrapper;
		},
		end: () => pool.end()
	};
}
