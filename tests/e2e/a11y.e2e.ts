import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations, expectTouchTargets, startWithDemo } from './fixtures';

async function checkPage(page: Page) {
	await expectNoAxeViolations(page);
	await expectTouchTargets(page);
}

test('welcome screen', async ({ page }) => {
	await page.goto('/');
	await expect(page.getByRole('heading', { name: 'Velkommen til Lekeplan' })).toBeVisible();
	await checkPage(page);
	await page.getByRole('button', { name: 'Start tomt' }).click();
	await expect(page.locator('#kindergarten-name-error')).toBeVisible();
	await checkPage(page);
});

test('every page of the planner, in every state worth checking', async ({ page }) => {
	// Many pages, each through axe-core: on a busy 2-core machine this takes over a minute.
	test.slow();
	await startWithDemo(page);
	await checkPage(page); // week

	await page.goto('/plans');
	await expect(page.locator('.plan-card').first()).toBeVisible();
	await checkPage(page);

	await page.goto('/plans/new');
	await expect(page.getByLabel('Tittel')).toBeVisible();
	await checkPage(page);
	await page.getByRole('button', { name: 'Lagre plan' }).click();
	await expect(page.locator('#plan-title-error')).toBeVisible();
	await checkPage(page); // with messages beside the fields

	// An evaluated plan: its day has come, so its evaluation can be opened below.
	await page.goto('/plans?status=evaluated');
	await page.locator('.plan-card a').first().click();
	await expect(page.getByRole('link', { name: 'Rediger' })).toBeVisible();
	await checkPage(page); // detail
	const detail = page.url();

	await page.getByRole('button', { name: 'Slett' }).click();
	await expect(page.getByRole('button', { name: 'Angre' })).toBeVisible();
	await checkPage(page); // week with the undo toast
	await page.getByRole('button', { name: 'Angre' }).click();
	await expect(
		page.getByRole('status').filter({ hasText: 'Planen er hentet tilbake.' })
	).toBeVisible();

	await page.goto(`${detail}/edit`);
	await expect(page.getByLabel('Tittel')).not.toHaveValue('');
	await checkPage(page);

	await page.goto(`${detail}/evaluate`);
	await expect(page.getByLabel('Hva fungerte?')).toBeVisible();
	await checkPage(page);

	await page.goto('/settings');
	await expect(page.getByRole('heading', { name: 'Avdelinger' })).toBeVisible();
	await checkPage(page);

	await page.goto('/plans/00000000-0000-7000-8000-000000000000');
	await expect(page.getByRole('heading', { name: /Fant ikke planen/ })).toBeVisible();
	await checkPage(page);

	await page.goto('/no-such-page');
	await expect(page.getByRole('heading', { name: 'Siden finnes ikke.' })).toBeVisible();
	await checkPage(page);
});

test('pages in nynorsk and English pass too', async ({ page }) => {
	await startWithDemo(page);
	for (const locale of ['nn', 'en']) {
		await page
			.getByLabel(/Språk|Language/)
			.first()
			.selectOption(locale);
		await expect(page.locator('html')).toHaveAttribute('lang', locale);
		await page.goto('/plans/new');
		await expect(page.locator('#plan-title')).toBeVisible();
		await checkPage(page);
		await page.goto('/');
		await expect(page.locator('.plan-card').first()).toBeVisible();
		await checkPage(page);
	}
});
