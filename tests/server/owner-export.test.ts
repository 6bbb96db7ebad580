import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { z } from 'zod/mini';
import { uuidv7 } from '$lib/domain/ids';
import { EXPORT_TABLE_LABELS } from '$lib/components/export-labels';
import { ownerExportChunks } from '$lib/server/export/owner-export';
import { ImportError, importOwnerExport } from '$lib/server/export/owner-import';
import { seedRegister } from '$lib/server/use-cases/register';
import { REGISTER_SEED } from '$lib/domain/register';
import {
	EXPORT_TABLE_NAMES,
	EXPORT_TABLES,
	exportJsonSchema,
	NOT_EXPORTED,
	ownerExportSchema
} from '$lib/server/export/tables';
import {
	describeEachDatabase,
	PASSWORD,
	seedOwner,
	signIn,
	startTestServer,
	type SeededOwner,
	type TestServer
} from './harness';
import { planFields, TestClient } from './sync-fixtures';

/**
 * The owner's export and its import into an empty server (issue 16, ADR 42): a round trip on
 * each database gives back every row of every exported table, record by record, and nothing of
 * another owner; the document follows the published JSON Schema; a file cut short, or a
 * server that is not empty, changes nothing.
 */

async function exportText(server: TestServer, ownerId: string, pageSize = 3): Promise<string> {
	let text = '';
	for await (const chunk of ownerExportChunks(server.deps, ownerId, { pageSize })) text += chunk;
	return text;
}

/** The text's lines, as a file read a line at a time gives them. */
async function* linesOf(text: string): AsyncGenerator<string> {
	for (const line of text.split('\n')) yield await Promise.resolve(line);
}

type Doc = z.infer<typeof ownerExportSchema>;

describeEachDatabase("the owner's export", (dialect) => {
	let source: TestServer;
	let a: SeededOwner;
	let b: SeededOwner;
	let text = '';

	beforeAll(async () => {
		source = await startTestServer(dialect);
		a = await seedOwner(source, 'a');
		b = await seedOwner(source, 'b');
		for (const owner of [a, b]) {
			const cookie = await signIn(source, owner.users.staff.email);
			const tablet = new TestClient(source, cookie);
			const group = owner.kindergartens[0]!.groups[0]!;
			await tablet.push(
				Array.from({ length: 7 }, (_, i) =>
					tablet.put(uuidv7(), null, planFields(group, { title: `Plan ${i}` }))
				)
			);
		}
		const admin = await signIn(source, a.users.ownerAdmin.email);
		await source.request('PUT', '/api/v1/privacy-notice/nb', {
			cookie: admin,
			body: { body: 'Hva vi lagrer', baseUpdatedAt: null }
		});
		const staff = await signIn(source, a.users.staff.email);
		await source.request('POST', '/api/v1/me/deletion-request', { cookie: staff });
		// The register of tools, as the server's start gives every owner (ADR 43): the import
		// brings it along and adds nothing to it.
		await seedRegister(source.deps.db, dialect, source.clock, a.id);
		text = await exportText(source, a.id);
	});
	afterAll(async () => source.close());

	it('follows the published schema, one row to a line, with every table counted', () => {
		const doc = JSON.parse(text) as Doc;
		expect(ownerExportSchema.safeParse(doc).success).toBe(true);
		const published = JSON.parse(
			readFileSync('docs/schemas/owner-export-1.schema.json', 'utf8')
		) as unknown;
		expect(published).toEqual(exportJsonSchema());
		for (const table of EXPORT_TABLE_NAMES) {
			expect(doc.tables[table], table).toHaveLength(doc.counts[table]);
		}
		expect(doc.counts.syncRecords).toBe(7);
		expect(doc.counts.owners).toBe(1);
		expect(doc.counts.privacyNotices).toBe(1);
		expect(doc.counts.deletionRequests).toBe(1);
		expect(doc.counts.registerEntries).toBe(REGISTER_SEED.length);
		expect(text).not.toContain(b.id);
		// Each row its own line: what lets an import read a line at a time.
		expect(text.split('\n').length).toBeGreaterThan(
			Object.values(doc.counts).reduce((x, y) => x + y, 0)
		);
	});

	it('names every table on the export page, in order', () => {
		expect(Object.keys(EXPORT_TABLE_LABELS)).toEqual(EXPORT_TABLE_NAMES);
	});

	it('leaves out no table and no column of the database but those it names', async () => {
		const tables = await source.deps.db.introspection.getTables();
		const camel = (s: string) => s.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
		const names = tables.map((t) => camel(t.name)).filter((n) => !n.startsWith('kysely'));
		expect(names.sort()).toEqual([...EXPORT_TABLE_NAMES, ...NOT_EXPORTED].sort());
		for (const table of tables) {
			const name = camel(table.name) as keyof typeof EXPORT_TABLES;
			if (!(name in EXPORT_TABLES)) continue;
			expect(table.columns.map((c) => camel(c.name)).sort(), name).toEqual(
				Object.keys(EXPORT_TABLES[name].columns).sort()
			);
		}
	});

	describe('imported into an empty server', () => {
		let target: TestServer;
		beforeAll(async () => {
			target = await startTestServer(dialect);
		});
		afterAll(async () => target.close());

		it('refuses a file cut short, changing nothing', async () => {
			const cut = text.split('\n').slice(0, -8).join('\n');
			await expect(importOwnerExport(target.deps, linesOf(cut))).rejects.toThrow(ImportError);
			expect(await target.deps.db.selectFrom('owners').selectAll().execute()).toEqual([]);
			expect(await target.deps.db.selectFrom('syncRecords').selectAll().execute()).toEqual([]);
		});

		it('gives back every row, record by record; people sign in; tablets pull on', async () => {
			const result = await importOwnerExport(target.deps, linesOf(text), { batch: 2 });
			expect(result.ownerId).toBe(a.id);
			const again = JSON.parse(await exportText(target, a.id, 1000)) as Doc;
			const before = JSON.parse(text) as Doc;
			for (const table of EXPORT_TABLE_NAMES) {
				expect(again.tables[table], table).toEqual(before.tables[table]);
			}
			// The password hashes came along: the staff member signs in on the new server.
			const signedIn = await target.request('POST', '/api/v1/auth/sign-in', {
				body: { email: a.users.staff.email, password: PASSWORD }
			});
			expect(signedIn.status).toBe(200);
			// The sequence is past every revision brought in: a new write gets a higher one.
			const { value } = await target.deps.db
				.selectFrom('syncSequence')
				.select('value')
				.executeTakeFirstOrThrow();
			const revs = before.tables.syncRecords.map((r) => Number((r as { rev: number }).rev));
			expect(value).toBeGreaterThanOrEqual(Math.max(...revs));
		});

		it('refuses a second import: the server is no longer empty', async () => {
			await expect(importOwnerExport(target.deps, linesOf(text))).rejects.toMatchObject({
				reason: 'not_empty'
			});
		});
	});
});
