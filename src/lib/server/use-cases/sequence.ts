import type { Transaction } from 'kysely';
import type { ServerDeps } from '../deps';
import type { Database } from '../db';

/**
 * The one server sequence every synced write takes its revision from (ADR 9): taken first in
 * the writing transaction and held to commit, so revisions are handed out in commit order and
 * no commit lands below a cursor a pull has already returned.
 */

type Db = Transaction<Database>;

/**
 * Takes the sequence for this transaction and returns its value. PostgreSQL: a row lock held
 * to commit. SQLite: a write as the transaction's first statement takes the database's write
 * lock at once, as BEGIN IMMEDIATE would (and Kysely runs one transaction at a time on its
 * single connection anyway).
 */
export async function takeSequence(trx: Db, dialect: ServerDeps['dialect']): Promise<number> {
	if (dialect === 'postgres') {
		const row = await trx
			.selectFrom('syncSequence')
			.select('value')
			.where('id', '=', 1)
			.forUpdate()
			.executeTakeFirstOrThrow();
		return row.value;
	}
	await trx
		.updateTable('syncSequence')
		.set((eb) => ({ value: eb.ref('value') }))
		.where('id', '=', 1)
		.execute();
	const row = await trx
		.selectFrom('syncSequence')
		.select('value')
		.where('id', '=', 1)
		.executeTakeFirstOrThrow();
	return row.value;
}

export async function storeSequence(trx: Db, value: number): Promise<void> {
	await trx.updateTable('syncSequence').set({ value }).where('id', '=', 1).execute();
}
