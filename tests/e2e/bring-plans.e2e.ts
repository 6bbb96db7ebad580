import { expect, test, type Browser, type Page } from '@playwright/test';
import {
	expectNoAxeViolations,
	expectTouchTargets,
	signInWith,
	waitForServiceWorker
} from './fixtures';

/**
 * Issue 12, point 4: plans made on a tablet before anyone signed in no longer vanish when a
 * planner signs in. The person is asked whether to bring them into the account (then they sync,
 * and a colleague sees them) or leave them on the tablet (then they are there after sign-out,
 * and not asked about again).
 */

const STAFF = 'ansatt@demo.lekeplan.no';
const STAFF_2 = 'ansatt2@demo.lekeplan.no';

/** A fresh tablet, started empty with the group «Humla» (the demo server has one too) and a plan. */
async function tabletWithOwnPlan(browser: Browser, title: string): Promise<Page> {
	const context = await browser.newContext({ locale: 'nb-NO', serviceWorkers: 'allow' });
	const page = await context.newPage();
	await page.goto('/');
	await page.getByLabel('Barnehagens navn').fill('Nettbrettets barnehage');
	await page.getByLabel('Avdelingens navn').fill('Humla');
	await page.getByLabel('Yngste barn (år)').selectOption('3');
	await page.getByLabel('Eldste barn (år)').selectOption('5');
	await page.getByRole('button', { name: 'Start tomt' }).click();
	await page.getByRole('link', { name: /^Ny plan Mandag/ }).click();
	await page.getByLabel('Tittel').fill(title);
	await page.getByRole('checkbox', { name: 'Natur, miljø og teknologi' }).check();
	await page.getByRole('button', { name: 'Lagre plan' }).click();
	await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
	await waitForServiceWorker(page);
	return page;
}

const question = (page: Page) =>
	page.getByRole('heading', { level: 1, name: 'Planer fra før du logget inn' });

async function findPlan(page: Page, title: string) {
	await page.goto('/plans');
	await page.getByLabel('Søk i planer').fill(title);
	return page.locator('.plan-card-title').filter({ hasText: title });
}

test('plans made before signing in are brought into the account and reach a colleague', async ({
	browser
}) => {
	const title = `Fra nettbrettet ${Date.now().toString(36)}`;
	const page = await tabletWithOwnPlan(browser, title);
	await signInWith(page, STAFF);

	await expect(question(page)).toBeVisible();
	await expect(
		page.getByText('Dette nettbrettet har 1 plan som ble laget før noen logget inn.')
	).toBeVisible();
	// The account's group of the same name is chosen for them; the person may choose another.
	const group = page.getByLabel('Avdeling for planen fra «Humla» (1 plan)');
	await expect(group.locator('option:checked')).toHaveText('Humla (3–5 år)');
	await expectNoAxeViolations(page);
	await expectTouchTargets(page);
	await page.getByRole('button', { name: 'Ta med planen' }).click();
	await expect(
		page.getByRole('status').filter({ hasText: '1 plan er tatt med inn i kontoen din' })
	).toBeVisible();
	await expect(page.getByRole('heading', { level: 1, name: /^Uke \d+ for / })).toBeVisible();
	await expect(page.getByTestId('sync-status')).toHaveText('Synkronisert');
	await expect(await findPlan(page, title)).toHaveCount(1);

	// A colleague's tablet gets it from the server, in Humla.
	const colleague = await browser.newContext({ locale: 'nb-NO' });
	const other = await colleague.newPage();
	await signInWith(other, STAFF_2);
	await expect(other.getByRole('heading', { level: 1, name: /^Uke \d+ for / })).toBeVisible();
	await expect(other.getByTestId('sync-status')).toHaveText('Synkronisert');
	const card = await findPlan(other, title);
	await expect(card).toHaveCount(1);
	await expect(other.getByRole('link', { name: new RegExp(title) })).toContainText('Humla');

	// Moved, not copied: after sign-out the tablet's own planner no longer holds it.
	await page.goto('/sign-out');
	await page.getByRole('button', { name: 'Send og logg ut' }).click();
	// Back on the tablet's own kindergarten, nobody signed in.
	await expect(page.getByRole('heading', { level: 1, name: /^Uke \d+ for Humla$/ })).toBeVisible();
	await page.goto('/plans');
	await page.getByLabel('Søk i planer').fill(title);
	await expect(page.locator('.result-count')).toHaveText('0 planer');
	await page.context().close();
	await colleague.close();
});

test('plans left on the tablet are there after sign-out and not asked about again', async ({
	browser
}) => {
	const title = `Blir på brettet ${Date.now().toString(36)}`;
	const page = await tabletWithOwnPlan(browser, title);
	await signInWith(page, STAFF);
	await expect(question(page)).toBeVisible();
	await page.getByRole('button', { name: 'La dem ligge på nettbrettet' }).click();
	await expect(
		page.getByRole('status').filter({ hasText: 'Planene ligger fortsatt' })
	).toBeVisible();
	await expect(page.getByRole('heading', { level: 1, name: /^Uke \d+ for / })).toBeVisible();
	await expect(await findPlan(page, title)).toHaveCount(0);

	await page.goto('/sign-out');
	await page.getByRole('button', { name: 'Send og logg ut' }).click();
	// Back on the tablet's own kindergarten, nobody signed in.
	await expect(page.getByRole('heading', { level: 1, name: /^Uke \d+ for Humla$/ })).toBeVisible();
	await expect(await findPlan(page, title)).toHaveCount(1);

	await signInWith(page, STAFF);
	await expect(page.getByRole('heading', { level: 1, name: /^Uke \d+ for / })).toBeVisible();
	await expect(question(page)).toHaveCount(0);
	await page.context().close();
});
