import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, expectTouchTargets, signInWith } from './fixtures';

/**
 * The owner admin exports everything (issue 16, ADR 42): the JSON arrives with its progress
 * shown, follows the export's format, and holds the demo owner's kindergartens; a table comes as
 * CSV. Staff cannot export.
 */
test('the owner downloads everything as JSON with progress, and a table as CSV', async ({
	page,
	browser
}) => {
	test.slow();
	await signInWith(page, 'eier@demo.lekeplan.no');
	await expect(page).not.toHaveURL(/\/sign-in$/);
	await page.goto('/admin');
	await page.getByRole('link', { name: 'Eksport', exact: true }).click();
	await expect(
		page.getByRole('heading', { level: 1, name: 'Eksport av eierens data' })
	).toBeVisible();
	await expectNoAxeViolations(page);

	const download = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Last ned alt (JSON)' }).click();
	const file = await download;
	expect(file.suggestedFilename()).toMatch(/^lekeplan-export-\d{4}-\d{2}-\d{2}\.json$/);
	const doc = JSON.parse(readFileSync(await file.path(), 'utf8')) as {
		format: string;
		counts: Record<string, number>;
		tables: { kindergartens: Array<{ name: string }> };
	};
	expect(doc.format).toBe('lekeplan-owner-export');
	expect(doc.tables.kindergartens.length).toBe(doc.counts['kindergartens']);
	expect(doc.tables.kindergartens.map((k) => k.name)).toContain('Solsikken barnehage');
	await expect(page.getByText(/Eksporten er lastet ned som lekeplan-export-/)).toBeVisible();

	const csv = page.waitForEvent('download');
	await page.getByRole('link', { name: 'Barnehager', exact: true }).click();
	const table = await csv;
	const text = readFileSync(await table.path(), 'utf8');
	expect(text.split('\r\n')[0]).toBe('\ufeffid,ownerId,name,createdAt,updatedAt');
	expect(text).toContain('Solsikken barnehage');

	await page.setViewportSize({ width: 360, height: 800 });
	expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
	await expectTouchTargets(page);

	const staff = await browser.newContext();
	const tablet = await staff.newPage();
	await signInWith(tablet, 'ansatt@demo.lekeplan.no');
	await expect(tablet).not.toHaveURL(/\/sign-in$/);
	const refused = await staff.request.get('/api/v1/export');
	expect(refused.status()).toBe(403);
	await staff.close();
});
