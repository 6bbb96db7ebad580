import { expect, test } from '@playwright/test';
import { fillMinimalPlan, startWithDemo, waitForServiceWorker } from './fixtures';

test('after one visit the app works offline: see, create and edit plans', async ({
	page,
	context
}) => {
	await startWithDemo(page);
	await waitForServiceWorker(page);
	await expect(page.getByTestId('connectivity')).toHaveText(/Tilkoblet/);

	await context.setOffline(true);
	await expect(page.getByTestId('connectivity')).toHaveText(/Frakoblet/);
	await page.reload();
	await expect(
		page.getByRole('heading', { level: 1, name: /^Uke \d+ for Knøttene$/ })
	).toBeVisible();
	await expect(page.locator('.plan-card').first()).toBeVisible();
	await expect(page.getByTestId('connectivity')).toHaveText(/Frakoblet/);

	// A deep link typed while offline is served by the precached shell.
	await page.goto('/plans/new');
	await fillMinimalPlan(page, 'Laget uten nett');
	await page.getByRole('button', { name: 'Lagre plan' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Laget uten nett' })).toBeVisible();
	const detailUrl = page.url();

	await page.getByRole('link', { name: 'Rediger' }).click();
	await page.getByLabel('Tittel').fill('Endret uten nett');
	await page.getByRole('button', { name: 'Lagre plan' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Endret uten nett' })).toBeVisible();

	await page.reload();
	await expect(page.getByRole('heading', { level: 1, name: 'Endret uten nett' })).toBeVisible();
	await page.goto('/plans');
	await expect(page.getByRole('link', { name: /Endret uten nett/ })).toBeVisible();

	await context.setOffline(false);
	await page.goto(detailUrl);
	await expect(page.getByRole('heading', { level: 1, name: 'Endret uten nett' })).toBeVisible();
	await expect(page.getByTestId('connectivity')).toHaveText(/Tilkoblet/);
});

test('the app is installable: manifest with name, theme colour and a maskable icon', async ({
	page,
	request
}) => {
	await page.goto('/');
	const href = await page.locator('link[rel="manifest"]').getAttribute('href');
	expect(href).toBeTruthy();
	const manifest = (await (await request.get(href!)).json()) as {
		name: string;
		theme_color: string;
		display: string;
		icons: Array<{ src: string; sizes: string; purpose?: string }>;
	};
	expect(manifest.name).toBe('Lekeplan');
	expect(manifest.theme_color).toMatch(/^#[0-9a-f]{6}$/i);
	expect(manifest.display).toBe('standalone');
	expect(manifest.icons.some((i) => i.purpose === 'maskable')).toBe(true);
	for (const icon of manifest.icons) {
		const response = await request.get(icon.src);
		expect(response.ok(), icon.src).toBe(true);
		expect(response.headers()['content-type']).toBe('image/png');
	}
});
