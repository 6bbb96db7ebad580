import { uuidv7 } from '$lib/domain/ids';
import { blankEntryFields, type ToolKind } from '$lib/domain/register';
import type { TestServer } from './harness';

/** A register entry, as the register's own code would store it (written here directly). */
export async function insertEntry(
	server: TestServer,
	ownerId: string,
	name = `Bee-Bot ${uuidv7().slice(-6)}`,
	kind: ToolKind = 'codingToy'
): Promise<string> {
	const id = uuidv7();
	const now = server.clock.now().toISOString();
	const { value } = await server.deps.db
		.selectFrom('syncSequence')
		.select('value')
		.executeTakeFirstOrThrow();
	await server.deps.db
		.insertInto('registerEntries')
		.values({
			id,
			ownerId,
			seedKey: null,
			name,
			decision: 'notAssessed',
			data: JSON.stringify(blankEntryFields(name, kind)),
			rev: value + 1,
			assessedAt: null,
			assessedBy: null,
			createdAt: now,
			updatedAt: now,
			updatedBy: null
		})
		.execute();
	await server.deps.db
		.updateTable('syncSequence')
		.set({ value: value + 1 })
		.execute();
	return id;
}
