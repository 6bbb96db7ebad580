import { expect, test, type Browser, type Page } from '@playwright/test';
import { expectNoAxeViolations, expectTouchTargets, waitForServiceWorker } from './fixtures';

/** Two tablets of the same kindergarten: the demo staff member and the demo manager. */
const STAFF = 'ansatt@demo.lekeplan.no';
const MANAGER = 'styrer@demo.lekeplan.no';
const PASSWORD = 'lekeplan-demo';

async function tablet(browser: Browser, email: string): Promise<Page> {
	const context = await browser.newContext({ locale: 'nb-NO', serviceWorkers: 'allow' });
	const page = await context.newPage();
	await page.goto('/sign-in');
	await page.getByLabel('E-post').fill(email);
	await page.getByLabel('Passord').fill(PASSWORD);
	await page.getByRole('button', { name: 'Logg inn' }).click();
	// The planner reopens on the user's own database, with the kindergarten from the server.
	await expect(page.getByRole('heading', { level: 1, name: /^Uke \d+ for / })).toBeVisible();
	await expect(page.getByTestId('sync-status')).toHaveText('Synkronisert');
	// Offline later: the app shell must be precached by then.
	await waitForServiceWorker(page);
	return page;
}

async function newPlan(page: Page, title: string) {
	await page.getByRole('link', { name: /^Ny plan Mandag/ }).click();
	await page.getByLabel('Tittel').fill(title);
	await page.getByRole('checkbox', { name: 'Natur, miljø og teknologi' }).check();
	await page.getByRole('button', { name: 'Lagre plan' }).click();
	await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
}

test('a plan made offline reaches the other tablet after sync', async ({ browser }) => {
	const suffix = Date.now().toString(36);
	const a = await tablet(browser, STAFF);
	const b = await tablet(browser, MANAGER);
	await a.context().setOffline(true);
	await newPlan(a, `Laget uten nett ${suffix}`);
	await expect(a.getByTestId('sync-status')).toHaveText(/Frakoblet: 1 endringer ikke sendt/);
	await expectNoAxeViolations(a);
	await expectTouchTargets(a);

	await a.context().setOffline(false);
	await expect(a.getByTestId('sync-status')).toHaveText('Synkronisert');

	await b.reload();
	await expect(
		b.getByRole('link', { name: new RegExp(`Laget uten nett ${suffix}`) })
	).toBeVisible();
	await a.context().close();
	await b.context().close();
});

test('the same plan edited on two offline tablets: the conflict appears and is resolved', async ({
	browser
}) => {
	const suffix = Date.now().toString(36);
	const a = await tablet(browser, STAFF);
	const b = await tablet(browser, MANAGER);
	await newPlan(a, `Felles plan ${suffix}`);
	await expect(a.getByTestId('sync-status')).toHaveText('Synkronisert');
	await b.reload();
	await b.getByRole('link', { name: new RegExp(`Felles plan ${suffix}`) }).click();
	await expect(b.getByRole('heading', { level: 1, name: `Felles plan ${suffix}` })).toBeVisible();
	const planUrl = b.url();
	await a.goto(planUrl);
	await expect(a.getByTestId('sync-status')).toHaveText('Synkronisert');

	await a.context().setOffline(true);
	await b.context().setOffline(true);
	for (const [page, goal] of [
		[a, 'Mål fra Ali'],
		[b, 'Mål fra Siri']
	] as const) {
		await page.getByRole('link', { name: 'Rediger' }).click();
		await page.getByLabel('Mål').fill(goal);
		await page.getByRole('button', { name: 'Lagre plan' }).click();
		await expect(page.getByText(goal)).toBeVisible();
	}

	await a.context().setOffline(false);
	await expect(a.getByTestId('sync-status')).toHaveText('Synkronisert');
	await b.context().setOffline(false);
	await expect(b.getByTestId('conflicts-link')).toBeVisible({ timeout: 15_000 });
	await b.getByTestId('conflicts-link').click();
	await expect(b.getByRole('heading', { level: 1, name: 'Konflikter' })).toBeVisible();
	await expect(b.getByTestId('conflict-mine')).toHaveText('Mål fra Siri');
	await expect(b.getByTestId('conflict-theirs')).toHaveText('Mål fra Ali');
	await expectNoAxeViolations(b);
	await expectTouchTargets(b);
	await b.getByRole('button', { name: 'Behold min' }).click();
	await expect(b.getByText('Ingen konflikter å løse.')).toBeVisible();

	await a.goto(planUrl);
	await expect(a.getByTestId('sync-status')).toHaveText('Synkronisert');
	await a.reload();
	await expect(a.getByText('Mål fra Siri')).toBeVisible({ timeout: 15_000 });
	await a.context().close();
	await b.context().close();
});

test("a manager's approval reaches staff", async ({ browser }) => {
	const suffix = Date.now().toString(36);
	const a = await tablet(browser, STAFF);
	const b = await tablet(browser, MANAGER);
	await newPlan(a, `Til godkjenning ${suffix}`);
	await expect(a.getByTestId('sync-status')).toHaveText('Synkronisert');
	const url = a.url();
	// Staff do not get the manager's buttons.
	await expect(a.getByRole('button', { name: 'Godkjenn planen' })).toHaveCount(0);

	await b.goto(url);
	await b.getByRole('button', { name: 'Godkjenn planen' }).click();
	await expect(b.getByTestId('approval')).toHaveText('Godkjent av Siri Styrer.');
	await expect(b.getByTestId('sync-status')).toHaveText('Synkronisert');

	await a.reload();
	await expect(a.getByTestId('approval')).toHaveText('Godkjent av Siri Styrer.', {
		timeout: 15_000
	});
	await a.context().close();
	await b.context().close();
});

test('signing out on a shared tablet with unsent changes says how many, and removes the data', async ({
	browser
}) => {
	const suffix = Date.now().toString(36);
	const a = await tablet(browser, STAFF);
	await a.context().setOffline(true);
	await newPlan(a, `Ikke sendt ${suffix}`);
	await a.goto('/sign-out').catch(() => undefined);
	await a.getByRole('button', { name: 'Send og logg ut' }).click();
	await expect(a.getByRole('alert')).toContainText('1 endringer kunne ikke sendes');
	await expectNoAxeViolations(a);
	await expectTouchTargets(a);
	const download = a.waitForEvent('download');
	await a.getByRole('button', { name: 'Lagre endringene i en fil' }).click();
	expect((await download).suggestedFilename()).toMatch(/^lekeplan-unsent-.*\.json$/);
	await a.context().setOffline(false);
	await a.getByRole('button', { name: /Fjern dataene mine og logg ut/ }).click();
	await expect(a.getByRole('heading', { name: 'Velkommen til Lekeplan' })).toBeVisible();
	await a.context().close();
});
