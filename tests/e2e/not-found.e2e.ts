import { expect, test, type Page } from '@playwright/test';
import { waitForServiceWorker } from './fixtures';

/**
 * Issue 12, point 15: an unknown path is a 404 from the server, before and after the service
 * worker is installed (the worker serves the offline shell for the app's own pages only); and a
 * page loaded by nobody signed in logs no error: "who am I" answers nobody, not 401.
 */

/** Every console error and every failed response of the page, from now on. */
function collectErrors(page: Page): string[] {
	const errors: string[] = [];
	page.on('console', (message) => {
		if (message.type() === 'error') errors.push(`console: ${message.text()}`);
	});
	page.on('pageerror', (error) => errors.push(`page: ${error.message}`));
	page.on('response', (response) => {
		if (response.status() >= 400) errors.push(`${response.status()} ${response.url()}`);
	});
	return errors;
}

test('an unknown path answers 404 from the server, with the not-found page', async ({ page }) => {
	const first = await page.goto('/no-such-page');
	expect(first?.status()).toBe(404);
	await expect(page.getByRole('heading', { name: 'Siden finnes ikke.' })).toBeVisible();

	// Once the service worker controls the page it still asks the server for unknown paths.
	await page.goto('/');
	await waitForServiceWorker(page);
	await page.reload();
	expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
	for (const path of ['/no-such-page', '/plans/not-a-plan-id', '/settings/nothing']) {
		const response = await page.goto(path);
		expect(response?.status(), path).toBe(404);
		expect(response?.fromServiceWorker(), path).toBe(false);
		await expect(page.getByRole('heading', { name: 'Siden finnes ikke.' })).toBeVisible();
	}
	// The app's own pages still come from the worker's shell.
	const plans = await page.goto('/plans?status=planned');
	expect(plans?.fromServiceWorker()).toBe(true);
	expect(plans?.status()).toBe(200);
});

test('a page loaded by nobody signed in logs no error', async ({ page }) => {
	const errors = collectErrors(page);
	const me = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/me');
	await page.goto('/');
	expect((await me).status()).toBe(200);
	expect(await (await me).json()).toEqual({ user: null });
	await expect(page.getByRole('button', { name: 'Last inn eksempeldata' })).toBeVisible();
	await waitForServiceWorker(page);

	// Again with the service worker in charge, and on a second page.
	const again = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/me');
	await page.reload();
	await again;
	await page.goto('/sign-in');
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	expect(errors).toEqual([]);
});
