import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Sqlite from 'better-sqlite3';
import { CamelCasePlugin, Kysely, SqliteDialect } from 'kysely';
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
		dialect: new SqliteDialect({ database }),
		plugins: [new CamelCasePlugin()]
	});
}
