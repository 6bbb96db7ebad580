import { afterAll, beforeAll, expect, it } from 'vitest';
import { sql } from 'kysely';
import { describeEachDatabase, startTestServer, type TestServer } from './harness';

/**
 * Statements kept by their SQL text (issue 18, the pull under load): prepared once on SQLite
 * (`keepingStatements`) and named on PostgreSQL (`keepingPlans`), and still right when the
 * table they read changes shape.
 */
describeEachDatabase('kept statements', (dialect) => {
	let server: TestServer;
	beforeAll(async () => {
		server = await startTestServer(dialect);
		await sql`create table kept_probe (id integer primary key, name text)`.execute(server.deps.db);
		await sql`insert into kept_probe (id, name) values (1, 'Bee-Bot')`.execute(server.deps.db);
	});
	afterAll(async () => server.close());

	const probe = (id: number) =>
		sql<Record<string, unknown>>`select * from kept_probe where id = ${id}`;

	it('answers the same query with other values from the kept statement', async () => {
		await sql`insert into kept_probe (id, name) values (2, 'Cubetto')`.execute(server.deps.db);
		const names = [];
		for (const id of [1, 2, 1, 2]) {
			const { rows } = await probe(id).execute(server.deps.db);
			names.push(rows[0]?.['name']);
		}
		expect(names).toEqual(['Bee-Bot', 'Cubetto', 'Bee-Bot', 'Cubetto']);
		if (dialect === 'postgres') {
			// On one connection: the query is named there, once, whatever its values.
			const statements = await server.deps.db.connection().execute(async (db) => {
				await probe(1).execute(db);
				await probe(2).execute(db);
				const { rows } = await sql<{ name: string; statement: string }>`
					select name, statement from pg_prepared_statements`.execute(db);
				return rows.filter((row) => row.statement.startsWith('select * from kept_probe'));
			});
			expect(statements).toHaveLength(1);
			expect(statements[0]!.name).toMatch(/^lekeplan_\d+$/);
		}
	});

	it('reads a table that gained a column, at the latest on the second try', async () => {
		// Kept on every connection the pool may hand out.
		await Promise.all(Array.from({ length: 12 }, () => probe(1).execute(server.deps.db)));
		await sql`alter table kept_probe add column age_min integer`.execute(server.deps.db);
		await sql`update kept_probe set age_min = 3 where id = 1`.execute(server.deps.db);
		const first = await probe(1)
			.execute(server.deps.db)
			.then(({ rows }) => rows[0])
			.catch((error: unknown) => error as Error);
		// PostgreSQL may refuse a statement planned before the change once ("cached plan must not
		// change result type"); the text is then sent unnamed. SQLite prepares it again itself.
		if (first instanceof Error) {
			expect(dialect).toBe('postgres');
			expect(first.message).toContain('cached plan must not change result type');
		} else {
			expect(first).toMatchObject({ name: 'Bee-Bot', ageMin: 3 });
		}
		const { rows } = await probe(1).execute(server.deps.db);
		expect(rows[0]).toMatchObject({ name: 'Bee-Bot', ageMin: 3 });
	});
});
