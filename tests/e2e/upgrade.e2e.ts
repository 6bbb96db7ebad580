import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { expect, test } from '@playwright/test';
import { SHIPPED } from '../../src/lib/client/db/shipped-schemas';
import { startWithDemo, storedPlanCount } from './fixtures';

/**
 * A tablet that last ran an older version of the app keeps what it holds when the new version
 * opens its database (ADR 47: the schema is declared once, and Dexie upgrades from what the
 * database itself has). In Chromium's own IndexedDB; database.test.ts checks every table and
 * index of every shipped version on fake-indexeddb.
 */

// Dexie's browser build, put into a page of the app's origin that does not run the app.
const dexie = readFileSync(createRequire(import.meta.url).resolve('dexie/dist/dexie.js'), 'utf8');

// No service worker: it would answer the probe page below with the app.
test.use({ serviceWorkers: 'block' });

for (const version of [1, 5]) {
	test(`the plans of a database made by version ${version} are there after the upgrade`, async ({
		page
	}) => {
		await startWithDemo(page);
		const heading = await page.getByRole('heading', { level: 1 }).textContent();
		const firstCard = await page.locator('.plan-card-title').first().textContent();
		const plans = await storedPlanCount(page);
		expect(plans).toBeGreaterThan(0);

		// The same data, in a database as version `version` declared it.
		await page.route('**/upgrade-probe', (route) =>
			route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>probe</title>' })
		);
		await page.goto('/upgrade-probe');
		await page.addScriptTag({ content: dexie });
		const kept = await page.evaluate(
			async ({ shipped, version }) => {
				const Dexie = (window as unknown as { Dexie: typeof import('dexie').Dexie }).Dexie;
				const now = new Dexie('lekeplan');
				await now.open();
				const rows: Record<string, unknown[]> = {};
				for (const table of now.tables) rows[table.name] = await table.toArray();
				now.close();
				await Dexie.delete('lekeplan');
				const old = new Dexie('lekeplan');
				shipped.slice(0, version).forEach((stores, i) => old.version(i + 1).stores(stores));
				await old.open();
				let count = 0;
				for (const table of old.tables) {
					await table.bulkPut(rows[table.name] ?? []);
					count += (rows[table.name] ?? []).length;
				}
				const verno = old.verno;
				old.close();
				return { verno, count };
			},
			{ shipped: SHIPPED, version }
		);
		expect(kept.verno).toBe(version);
		expect(kept.count).toBeGreaterThanOrEqual(plans);

		// The app opens it at today's version: the same week, the same plans.
		await page.goto('/');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading ?? '');
		await expect(page.locator('.plan-card-title').first()).toHaveText(firstCard ?? '');
		expect(await storedPlanCount(page)).toBe(plans);
		const verno = await page.evaluate(
			() =>
				new Promise<number>((resolve, reject) => {
					const open = indexedDB.open('lekeplan');
					open.onsuccess = () => {
						resolve(open.result.version);
						open.result.close();
					};
					open.onerror = () => reject(open.error ?? new Error('open failed'));
				})
		);
		// Dexie keeps version n as IndexedDB version 10 n.
		expect(verno).toBe(SHIPPED.length * 10);
	});
}
