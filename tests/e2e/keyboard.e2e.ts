import { expect, test } from '@playwright/test';
import { startWithDemo, tabTo } from './fixtures';

test('keyboard only: from the week view to a saved plan', async ({ page }) => {
	await startWithDemo(page);
	await page.reload();

	// The skip link leads past the header.
	await tabTo(page, page.getByRole('link', { name: 'Hopp til innholdet' }));
	await page.keyboard.press('Enter');
	await expect(page.locator('main')).toBeFocused();

	await tabTo(page, page.getByRole('link', { name: /^Ny plan Tirsdag/ }));
	await page.keyboard.press('Enter');
	await expect(page.getByRole('heading', { level: 1, name: 'Ny plan' })).toBeVisible();

	await tabTo(page, page.getByLabel('Tittel'));
	await page.keyboard.type('Rutenett med tape');
	await tabTo(page, page.getByRole('checkbox', { name: 'Kropp, bevegelse, mat og helse' }));
	await page.keyboard.press('Space');
	await tabTo(page, page.getByLabel('Status'));
	await page.keyboard.press('ArrowDown');
	await tabTo(page, page.getByRole('button', { name: 'Lagre plan' }));
	await page.keyboard.press('Enter');

	await expect(page.getByRole('heading', { level: 1, name: 'Rutenett med tape' })).toBeVisible();
	await expect(page.locator('.plan-detail .badge').first()).toHaveText('Planlagt');
	await expect(page.getByText('Kropp, bevegelse, mat og helse')).toBeVisible();
});

test('a failed save moves focus to the first field with a problem', async ({ page }) => {
	await startWithDemo(page);
	await page.goto('/plans/new');
	await tabTo(page, page.getByRole('button', { name: 'Lagre plan' }));
	await page.keyboard.press('Enter');
	await expect(page.getByLabel('Tittel')).toBeFocused();
	await expect(page.getByLabel('Tittel')).toHaveAttribute('aria-describedby', 'plan-title-error');
});
