import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Sqlite from 'better-sqlite3';
import { CamelCasePlugin, Kysely, SqliteDialect, type SqliteDatabase } from 'kysely';
import type { Database } from './schema';

/**
 * The embedded default: one SQLite file. WAL lets readers run beside the writer;
 * `synchronous=FULL` makes a commit durable before it is acknowledged, so a killed server
 * never loses an acknowledged write (docs/design/bad-input.md).
 */
export function openSqlite(file: string): Kysely<Database> {
	if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
	const database = new Sqlite(file);
	database.pragma('journal_mode = WAL');
	database.pragma('synchronous = FULL');
	database.pragma('foreign_keys = ON');
	database.pragma('busy_timeout = 5000');
	return new Kysely<Database>({
		dialect: new SqliteDialect({ database: keepingStatements(database) }),
		plugins: [new CamelCasePlugin()]
	});
}

/** Statements kept, at most; and the longest SQL text kept (a multi-row insert is used once). */
const KEPT_STATEMENTS = 500;
const KEPT_SQL_CHARS = 4096;

/**
 * The database as Kysely's SQLite driver sees it, with its prepared statements kept by their SQL
 * text (least recently used first out). The driver prepares every query anew: on a pull of ten
 * changes, preparing was an eighth of the server's time (issue 18, the pull under load). The
 * driver runs one query at a time; a statement still busy (a stream being read) is not reused.
 */
export function keepingStatements(database: Sqlite.Database): SqliteDatabase {
	const kept = new Map<string, Sqlite.Statement>();
	return {
		close: () => database.close(),
		prepare(sql) {
			const found = kept.get(sql);
			if (found && !found.busy) {
				kept.delete(sql);
				kept.set(sql, found);
				return found;
			}
			const statement = database.prepare(sql);
			if (sql.length <= KEPT_SQL_CHARS) {
				kept.set(sql, statement);
				if (kept.size > KEPT_STATEMENTS) kept.delete(kept.keys().next().value!);
			}
			return statement;
		}
	};
}
