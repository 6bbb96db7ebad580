import { sql } from 'kysely';
import { startTestServer, type Dialect, type TestServer } from '../../tests/server/harness';
import { open, saveState, without } from './report';

/** The harness's server, with its database recorded as open until it is closed. */
export async function startServer(dialect: Dialect): Promise<TestServer & { name: string }> {
	const server = await startTestServer(dialect);
	let name: string;
	if (dialect === 'postgres') {
		const { rows } = await sql<{ name: string }>`select current_database() as name`.execute(
			server.deps.db
		);
		name = rows[0]!.name;
		open.postgresDatabases.push(name);
	} else {
		const { rows } = await sql<{ file: string }>`select file from pragma_database_list`.execute(
			server.deps.db
		);
		name = rows[0]!.file;
		open.sqliteFiles.push(name);
	}
	saveState();
	return {
		...server,
		name,
		close: async () => {
			await server.close();
			open.postgresDatabases = without(open.postgresDatabases, name);
			open.sqliteFiles = without(open.sqliteFiles, name);
			saveState();
		}
	};
}

/**
 * Before each timed write on SQLite, untimed: copies the write-ahead log into the database
 * file, so that the work left by untimed steps (the fixtures, the clean-up of the raw rows)
 * does not land in the next timed commit, which would otherwise run SQLite's automatic
 * checkpoint for it (PostgreSQL checkpoints in the background anyway).
 */
export async function settle(server: TestServer): Promise<void> {
	if (server.deps.dialect === 'sqlite') {
		await sql`pragma wal_checkpoint(RESTART)`.execute(server.deps.db);
	}
}

export async function sequenceOf(server: TestServer): Promise<number> {
	const row = await server.deps.db
		.selectFrom('syncSequence')
		.select('value')
		.where('id', '=', 1)
		.executeTakeFirstOrThrow();
	return row.value;
}
