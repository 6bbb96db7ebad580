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

test("the owner's guidance edit reaches a tablet at its next sync", async ({ browser }) => {
	const staff = await tablet(browser, STAFF);
	await staff.goto('/guidance');
	const oldest = staff.getByRole('region', { name: '5–6 år' });
	await expect(oldest.getByText('Lekeplan holder dagen opp mot 60 minutter.')).toBeVisible();
	await expect(staff.getByTestId('guidance-owner-edited')).toHaveCount(0);

	const ownerContext = await browser.newContext({ locale: 'nb-NO' });
	const owner = await ownerContext.newPage();
	await owner.goto('/sign-in');
	await owner.getByLabel('E-post').fill('eier@demo.lekeplan.no');
	await owner.getByLabel('Passord').fill(PASSWORD);
	await owner.getByRole('button', { name: 'Logg inn' }).click();
	await expect(owner).not.toHaveURL(/\/sign-in$/);
	await owner.goto('/admin/guidance');
	await expect(owner.getByRole('heading', { level: 1, name: 'Skjermråd' })).toBeVisible();
	await expect(owner.getByTestId('guidance-in-force')).toHaveText(/standardråd/);
	await expectNoAxeViolations(owner);
	await expectTouchTargets(owner);

	// A mistake is named beside the field, gets the focus, and nothing is saved.
	const minutes = owner.getByLabel('Minutter per dag, 5–6 år');
	await minutes.fill('2000');
	await owner.getByRole('button', { name: 'Lagre som ny versjon' }).click();
	await expect(owner.locator('#guidance-limit-5-6-error')).toHaveText(
		'Tallet er for stort: høyst 1440.'
	);
	await expect(minutes).toBeFocused();
	await expect(minutes).toHaveAttribute('aria-invalid', 'true');
	await expectNoAxeViolations(owner);

	// By keyboard: type the right figure and save with Enter.
	await minutes.fill('45');
	await minutes.press('Enter');
	await expect(owner.getByText(/Versjon 2 er lagret/)).toBeVisible();
	await expect(owner.getByTestId('guidance-in-force')).toHaveText(/deres versjon 2/);

	// The tablet syncs when it comes back to the app, and holds the day against 45 minutes.
	await staff.reload();
	await expect(staff.getByTestId('sync-status')).toHaveText('Synkronisert');
	await expect(oldest.getByText('Lekeplan holder dagen opp mot 45 minutter.')).toBeVisible();
	await expect(staff.getByTestId('guidance-owner-edited')).toHaveText(/versjon 2/);

	// Put the default back for the other tests of this run.
	await owner.getByRole('button', { name: 'Fyll inn standardrådene' }).click();
	await owner.getByRole('button', { name: 'Lagre som ny versjon' }).click();
	await expect(owner.getByText(/Versjon 3 er lagret/)).toBeVisible();
	await ownerContext.close();
	await staff.context().close();
});
