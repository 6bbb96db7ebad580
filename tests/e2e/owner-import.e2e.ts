import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { ROOT, ServerProcess } from '../kill/server-process';
import { DEMO_PASSWORD, fillMinimalPlan, plannerTablet, signInWith } from './fixtures';

/**
 * An owner's export imported into an empty server (issue 16, ADR 42): the owner admin exports
 * from the e2e server; `npm run import` writes the file into a new SQLite file (its server
 * stopped); the production build started on it lets the demo manager sign in and shows the same
 * plans; a second import into that server, no longer empty, is refused with its message.
 */

type Row = Record<string, unknown>;

/** `npm run import -- file` into a SQLite file: its exit code and what it printed. */
function runImport(sqlite: string, file: string) {
	const result = spawnSync(
		process.execPath,
		[join(ROOT, 'node_modules/tsx/dist/cli.mjs'), 'scripts/import-owner.ts', file],
		{
			cwd: ROOT,
			env: { ...process.env, SQLITE_FILE: sqlite, DATABASE_URL: '', DEMO_DATA: 'false' },
			encoding: 'utf8',
			timeout: 120_000
		}
	);
	return { status: result.status, out: `${result.stdout}${result.stderr}` };
}

test('an export imported into an empty server shows the same plans there', async ({
	page,
	browser
}) => {
	test.slow();
	const dir = mkdtempSync(join(tmpdir(), 'lekeplan-import-'));
	const sqlite = join(dir, 'imported.sqlite');
	const file = join(dir, 'export.json');
	let server: ServerProcess | null = null;
	const title = `Importert plan ${Date.now().toString(36)}`;
	try {
		// The demo manager plans on a tablet, and the plan reaches the server.
		const planner = await plannerTablet(browser, 'styrer@demo.lekeplan.no');
		await planner.getByRole('link', { name: /^Ny plan Mandag/ }).click();
		await fillMinimalPlan(planner, title);
		await planner.getByRole('button', { name: 'Lagre plan' }).click();
		await expect(planner.getByRole('heading', { level: 1, name: title })).toBeVisible();
		await expect(planner.getByTestId('sync-status')).toHaveText('Synkronisert');
		await planner.context().close();

		await signInWith(page, 'eier@demo.lekeplan.no');
		await expect(page).not.toHaveURL(/\/sign-in$/);
		const exported = await page.request.get('/api/v1/export');
		expect(exported.status()).toBe(200);
		const text = await exported.text();
		writeFileSync(file, text);
		const doc = JSON.parse(text) as { tables: { syncRecords: Row[]; users: Row[] } };
		const manager = doc.tables.users.find((u) => u['email'] === 'styrer@demo.lekeplan.no')!;
		const titles = doc.tables.syncRecords
			.filter(
				(r) =>
					r['type'] === 'plan' &&
					r['deletedAt'] === null &&
					r['kindergartenId'] === manager['kindergartenId']
			)
			.map((r) => (JSON.parse(r['data'] as string) as { title: string }).title);
		expect(titles).toContain(title);

		// Into an empty file, its server not running.
		const first = runImport(sqlite, file);
		expect(first.out).toContain('Imported owner');
		expect(first.status).toBe(0);

		server = await ServerProcess.start({ SQLITE_FILE: sqlite }, { DEMO_DATA: 'false' });
		const context = await browser.newContext({ baseURL: server.base, locale: 'nb-NO' });
		const tablet = await context.newPage();
		await tablet.goto('/sign-in');
		await tablet.getByLabel('E-post').fill('styrer@demo.lekeplan.no');
		await tablet.getByLabel('Passord').fill(DEMO_PASSWORD);
		await tablet.getByRole('button', { name: 'Logg inn' }).click();
		await expect(tablet.getByRole('heading', { level: 1, name: /^Uke \d+ for / })).toBeVisible();
		await expect(tablet.getByTestId('sync-status')).toHaveText('Synkronisert');
		await tablet.goto('/plans');
		// The same plans' titles as the first server has for the kindergarten.
		for (const shown of [title, ...new Set(titles)].slice(0, 5)) {
			await expect(tablet.getByText(shown, { exact: true }).first()).toBeVisible();
		}
		await context.close();
		await server.kill();
		server = null;

		// The server now has an owner: a second import changes nothing and says why.
		const again = runImport(sqlite, file);
		expect(again.status).toBe(1);
		expect(again.out).toContain('Nothing imported: not_empty');
		expect(again.out).toContain('the server already has an owner');
	} finally {
		await server?.kill();
		rmSync(dir, { recursive: true, force: true });
	}
});
