import { expect, test } from '@playwright/test';
import { startWithDemo } from './fixtures';

test('switching language shows the app in nynorsk and English, and the choice persists', async ({
	page
}) => {
	await startWithDemo(page);
	const nav = page.getByRole('navigation', { name: /Hovedmeny|Hovudmeny|Main menu/ });
	await expect(nav.getByRole('link')).toHaveText([
		'Uke',
		'Planer',
		'Aktiviteter',
		'Skjermråd',
		'Innstillinger'
	]);

	await page.getByLabel('Språk').first().selectOption('nn');
	await expect(page.locator('html')).toHaveAttribute('lang', 'nn');
	await expect(nav.getByRole('link').first()).toHaveText('Veke');
	await page.goto('/plans/new');
	await expect(page.getByRole('checkbox', { name: 'Kropp, rørsle, mat og helse' })).toBeVisible();
	await expect(page.getByRole('checkbox', { name: 'Antal, rom og form' })).toBeVisible();

	await page.getByLabel('Språk').first().selectOption('en');
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('New plan');
	await expect(page.getByRole('checkbox', { name: 'Quantities, spaces and shapes' })).toBeVisible();
	await page.getByRole('button', { name: 'Save plan' }).click();
	await expect(page.locator('#plan-title-error')).toHaveText(/Fill in this field|required/i);

	// The choice survives a reload and a new visit.
	await page.goto('/');
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	await expect(nav.getByRole('link')).toHaveText([
		'Week',
		'Plans',
		'Activities',
		'Screen advice',
		'Settings'
	]);
});
