import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations, expectTouchTargets, plannerTablet } from './fixtures';

/** The demo owner printed at the server's first start (src/lib/server/demo.ts). */
const DEMO = {
	ownerAdmin: 'eier@demo.lekeplan.no',
	manager: 'styrer@demo.lekeplan.no',
	staff: 'ansatt@demo.lekeplan.no',
	parent: 'forelder@demo.lekeplan.no'
};
const PASSWORD = 'lekeplan-demo';

async function signIn(page: Page, email: string, password = PASSWORD) {
	await page.goto('/sign-in');
	await page.getByLabel('E-post').fill(email);
	await page.getByLabel('Passord').fill(password);
	await page.getByRole('button', { name: 'Logg inn' }).click();
	// Staff and managers land in the planner (their own database); everyone else on the account.
	await expect(page).not.toHaveURL(/\/sign-in$/);
	if (!page.url().endsWith('/account')) await page.goto('/account');
	await expect(page.getByRole('heading', { level: 1, name: 'Min konto' })).toBeVisible();
}

/** A parent signs in where everyone does, and is sent to the parents' own pages (issue 17). */
async function signInParent(page: Page) {
	await page.goto('/sign-in');
	await page.getByLabel('E-post').fill(DEMO.parent);
	await page.getByLabel('Passord').fill(PASSWORD);
	await page.getByRole('button', { name: 'Logg inn' }).click();
	await expect(page).toHaveURL(/\/p$/);
	await expect(page.getByRole('navigation', { name: 'Hovedmeny' })).toHaveCount(0);
}

/** Signs out from the account page; a planner goes through the shared-tablet sign-out. */
async function signOut(page: Page) {
	await page.goto('/account');
	await page.getByRole('button', { name: 'Logg ut' }).click();
	// A planner lands on the sign-out page, everyone else on the sign-in page.
	const send = page.getByRole('button', { name: 'Send og logg ut' });
	await expect(send.or(page.getByRole('heading', { level: 1, name: 'Logg inn' }))).toBeVisible();
	if (await send.isVisible()) await send.click();
	// Signed out once the page has moved on (to the welcome screen or the sign-in page).
	await expect(page).not.toHaveURL(/\/(account|sign-out)$/);
}

const nav = (page: Page) => page.getByRole('navigation', { name: 'Hovedmeny' });

test('each demo role sees only what it may', async ({ page }) => {
	await signIn(page, DEMO.staff);
	await expect(page.getByTestId('account-role')).toHaveText('Ansatt');
	await expect(page.getByRole('heading', { level: 2, name: 'Solsikken barnehage' })).toBeVisible();
	await expect(page.getByTestId('visible-groups').getByRole('listitem')).toHaveCount(3);
	await expect(nav(page).getByRole('link', { name: 'Administrasjon' })).toHaveCount(0);
	await page.goto('/admin');
	await expect(page.getByRole('alert')).toHaveText('Du har ikke tilgang til dette.');
	await signOut(page);

	await signIn(page, DEMO.manager);
	await expect(page.getByTestId('account-role')).toHaveText('Styrer');
	await expect(page.getByTestId('visible-groups').getByRole('listitem')).toHaveCount(3);
	await page.goto('/admin/users');
	await expect(page.getByRole('alert')).toHaveText('Du har ikke tilgang til dette.');
	await signOut(page);

	// A parent lands on their own pages (issue 17): their group, their navigation, no planner.
	await signInParent(page);
	await expect(page.getByText('Du følger: Humla.')).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Solsikken barnehage' })).toHaveCount(0);
	await page.goto('/');
	await expect(page).toHaveURL(/\/p$/);
	await page.getByRole('button', { name: 'Logg ut' }).click();
	await expect(page).toHaveURL(/\/p\/sign-in$/);

	await signIn(page, DEMO.ownerAdmin);
	await expect(page.getByTestId('account-role')).toHaveText('Eieradministrator');
	await nav(page).getByRole('link', { name: 'Administrasjon' }).click();
	await expect(page.getByRole('heading', { level: 2, name: 'Solsikken barnehage' })).toBeVisible();
	await expect(
		page.getByRole('heading', { level: 2, name: 'Blåbærtoppen barnehage' })
	).toBeVisible();
	await page.getByRole('link', { name: 'Brukere' }).click();
	await expect(page.locator('.user-line strong', { hasText: 'Ali Ansatt' })).toBeVisible();
	await page.getByRole('link', { name: 'Logg', exact: true }).click();
	// Events in words, not codes (issue 13).
	await expect(page.getByRole('cell', { name: 'Logget inn' }).first()).toBeVisible();
});

test('a planner whose session the server ended signs in again from the banner and is back on the week view', async ({
	browser
}) => {
	const tablet = await plannerTablet(browser, DEMO.staff);
	// The server forgets the session (signed out elsewhere, or timed out); the tablet keeps the
	// planner's database, and says so at its next start.
	expect((await tablet.request.post('/api/v1/auth/sign-out')).status()).toBe(204);
	await tablet.reload();
	const banner = tablet.getByRole('alert').filter({ hasText: 'Du er logget ut på serveren.' });
	await expect(banner).toBeVisible();
	await banner.getByRole('link', { name: 'Logg inn' }).click();
	await tablet.getByLabel('E-post').fill(DEMO.staff);
	await tablet.getByLabel('Passord').fill(PASSWORD);
	await tablet.getByRole('button', { name: 'Logg inn' }).click();
	// Back in the planner, the banner gone, syncing again: not left on the sign-in page.
	await expect(tablet.getByRole('heading', { level: 1, name: /^Uke \d+ for / })).toBeVisible();
	await expect(tablet.getByText('Du er logget ut på serveren.')).toHaveCount(0);
	await expect(tablet.getByTestId('sync-status')).toHaveText('Synkronisert');
	await tablet.context().close();
});

test('a first visit with the server reachable leads with signing in; demo and empty come second', async ({
	page
}) => {
	await page.goto('/');
	const main = page.getByRole('main');
	await expect(main.getByRole('heading', { level: 2 }).first()).toHaveText('Logg inn');
	await expect(
		main.getByRole('heading', { level: 2, name: 'Eller prøv uten konto' })
	).toBeVisible();
	await expect(main.getByRole('button', { name: 'Last inn eksempeldata' })).not.toHaveClass(
		/primary/
	);
	await main.getByRole('link', { name: 'Logg inn' }).click();
	await expect(page).toHaveURL(/\/sign-in$/);
});

test('sign-in with an empty field says which field is missing, and asks nobody', async ({
	page
}) => {
	await page.goto('/sign-in');
	const asked: string[] = [];
	page.on('request', (r) => {
		if (r.url().includes('/api/v1/auth/sign-in')) asked.push(r.url());
	});
	await page.getByRole('button', { name: 'Logg inn' }).click();
	await expect(page.locator('#sign-in-email-error')).toHaveText('Skriv e-postadressen din.');
	await expect(page.locator('#sign-in-password-error')).toHaveText('Skriv passordet ditt.');
	await expect(page.getByLabel('E-post')).toBeFocused();
	await expect(
		page.getByRole('alert').filter({ hasText: 'Feil e-post eller passord' })
	).toHaveCount(0);

	await page.getByLabel('E-post').fill(DEMO.staff);
	await page.getByRole('button', { name: 'Logg inn' }).click();
	await expect(page.locator('#sign-in-email-error')).toHaveCount(0);
	await expect(page.locator('#sign-in-password-error')).toHaveText('Skriv passordet ditt.');
	await expect(page.getByLabel('Passord')).toBeFocused();
	expect(asked).toEqual([]);
});

test('a wrong password gets a clear message and no access', async ({ page }) => {
	await page.goto('/sign-in');
	await page.getByLabel('E-post').fill(DEMO.staff);
	await page.getByLabel('Passord').fill('feil passord');
	await page.getByRole('button', { name: 'Logg inn' }).click();
	await expect(page.getByRole('alert')).toHaveText('Feil e-post eller passord.');
	await page.goto('/account');
	await expect(page.getByText('Du er ikke logget inn.')).toBeVisible();
});

test('the owner admin creates a kindergarten, a group and an invitation; the invited person signs up', async ({
	page,
	browser
}) => {
	const suffix = Date.now().toString(36);
	await signIn(page, DEMO.ownerAdmin);
	await page.goto('/admin');
	await page.getByLabel('Barnehagens navn').fill(`Nyskogen ${suffix}`);
	await page.getByRole('button', { name: 'Opprett barnehage' }).click();
	const section = page.locator('section', {
		has: page.getByRole('heading', { level: 2, name: `Nyskogen ${suffix}` })
	});
	await expect(section).toBeVisible();
	await section.getByLabel('Avdelingens navn').fill(`Ekorn ${suffix}`);
	await section.getByLabel('Yngste barn (år)').selectOption('2');
	await section.getByLabel('Eldste barn (år)').selectOption('4');
	await section.getByRole('button', { name: 'Lagre avdeling' }).click();
	await expect(section.getByText(`Ekorn ${suffix} (2–4 år)`)).toBeVisible();

	await page.getByRole('link', { name: 'Invitasjoner' }).click();
	await page.getByLabel('Navn', { exact: true }).fill(`Nora Ny ${suffix}`);
	await page.getByLabel('Rolle').selectOption('staff');
	await page.getByLabel('Barnehage').selectOption({ label: `Nyskogen ${suffix}` });
	await page.getByRole('button', { name: 'Lag invitasjon' }).click();
	const link = await page.getByTestId('invitation-link').textContent();
	expect(link).toMatch(/\/invite\/[A-Za-z0-9_-]{43}$/);
	await expect(page.locator('.user-line strong', { hasText: `Nora Ny ${suffix}` })).toBeVisible();

	const invited = await browser.newContext({ locale: 'nb-NO' });
	const tablet = await invited.newPage();
	await tablet.goto(new URL(link!).pathname);
	await expect(tablet.getByText(`Du er invitert som Ansatt i Nyskogen ${suffix}`)).toBeVisible();
	await tablet.getByLabel('E-post').fill(`nora.${suffix}@example.no`);
	await tablet.getByLabel('Velg et passord').fill('kort');
	await tablet.getByRole('button', { name: 'Lag konto' }).click();
	await expect(tablet.locator('#invite-password-error')).toHaveText(
		'Passordet må ha minst 8 tegn.'
	);
	await tablet.getByLabel('Velg et passord').fill('blåbær i skogen');
	await tablet.getByRole('button', { name: 'Lag konto' }).click();
	await expect(tablet.getByRole('heading', { level: 1, name: 'Min konto' })).toBeVisible();
	await expect(tablet.getByTestId('account-role')).toHaveText('Ansatt');
	await expect(tablet.getByRole('heading', { level: 2, name: `Nyskogen ${suffix}` })).toBeVisible();

	// The link works once.
	await tablet.goto(new URL(link!).pathname);
	await expect(tablet.getByRole('alert')).toContainText('Invitasjonen finnes ikke');
	await invited.close();
});

test('sign-in, account, admin and invitation pages: zero axe violations, 44 px targets', async ({
	page
}) => {
	const check = async () => {
		await expectNoAxeViolations(page);
		await expectTouchTargets(page);
	};
	await page.goto('/sign-in');
	await expect(page.getByRole('heading', { level: 1, name: 'Logg inn' })).toBeVisible();
	await check();
	await page.goto('/invite/not-a-real-token');
	await expect(page.getByRole('alert')).toBeVisible();
	await check();
	await signIn(page, DEMO.ownerAdmin);
	await check();
	for (const path of ['/admin', '/admin/users', '/admin/invitations', '/admin/audit']) {
		await page.goto(path);
		await expect(page.getByRole('navigation', { name: 'Administrasjon' })).toBeVisible();
		await expect(page.locator('.panel, table').first()).toBeVisible();
		await check();
	}
	await signOut(page);
	await signInParent(page);
	await check();
});
