import { expect, test, type Browser, type Page } from '@playwright/test';
import {
	expectNoAxeViolations,
	earlierPeriod,
	expectTouchTargets,
	fiveAnsweredEarlier,
	startWithDemo,
	waitForServiceWorker
} from './fixtures';

/**
 * Issue 12, point 11: no page scrolls sideways on a phone, and the header's navigation folds
 * into a menu. Every page, in the states worth seeing, at 360×740: the document is no wider
 * than the screen, and axe-core finds nothing at that width.
 */
const WIDTH = 360;
test.use({ viewport: { width: WIDTH, height: 740 } });

const PASSWORD = 'lekeplan-demo';

async function fitsPhone(page: Page): Promise<void> {
	const width = await page.evaluate(() => document.documentElement.scrollWidth);
	expect(width, `${page.url()} scrolls sideways`).toBeLessThanOrEqual(WIDTH);
	await expectNoAxeViolations(page);
	await expectTouchTargets(page);
}

async function signIn(page: Page, email: string): Promise<void> {
	await page.goto('/sign-in');
	await page.getByLabel('E-post').fill(email);
	await page.getByLabel('Passord').fill(PASSWORD);
	await page.getByRole('button', { name: 'Logg inn' }).click();
	await expect(page).not.toHaveURL(/\/sign-in$/);
}

/** An entry of the demo owner's competence plan for every kindergarten (through the API). */
async function ownerPlanEntry(browser: Browser): Promise<string> {
	const title = `Videreutdanning i profesjonsfaglig digital kompetanse ${Date.now()}`;
	const admin = await browser.newContext();
	try {
		const signedIn = await admin.request.post('/api/v1/auth/sign-in', {
			data: { email: 'eier@demo.lekeplan.no', password: PASSWORD }
		});
		expect(signedIn.status()).toBe(200);
		const added = await admin.request.post('/api/v1/competence/plan', {
			data: {
				kind: 'partnership',
				kindergartenId: null,
				area: 'leadership',
				title,
				partner: 'Høgskulen på Vestlandet, Institutt for barnehagelærerutdanning',
				places: null,
				startsOn: '2027-01-10',
				endsOn: '2027-12-20',
				status: 'ongoing',
				note: null
			}
		});
		expect(added.status()).toBe(201);
	} finally {
		await admin.close();
	}
	return title;
}

const menuButton = (page: Page) => page.getByRole('button', { name: 'Meny' });
const mainNav = (page: Page) => page.getByRole('navigation', { name: 'Hovedmeny' });

test('the first pages and the sign-in pages fit a phone', async ({ page }) => {
	test.slow();
	await page.goto('/');
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	await fitsPhone(page);
	await page.goto('/sign-in');
	await expect(page.getByRole('heading', { level: 1, name: 'Logg inn' })).toBeVisible();
	await fitsPhone(page);
	await page.goto('/invite/not-a-real-token');
	await expect(page.getByRole('alert')).toBeVisible();
	await fitsPhone(page);
});

test('the parents’ join and sign-in pages fit a phone (the rest: parent-pages.e2e.ts)', async ({
	page
}) => {
	for (const path of ['/join', '/join/ABCD-EFGH', '/p/sign-in']) {
		await page.goto(path);
		await expect(page.locator('h1')).toBeVisible();
		await fitsPhone(page);
	}
});

test('the header folds its navigation into a menu a keyboard can use', async ({ page }) => {
	test.slow();
	await startWithDemo(page);
	const button = menuButton(page);
	await expect(button).toHaveAttribute('aria-expanded', 'false');
	await expect(mainNav(page)).toBeHidden();
	// The header itself stays within the screen: the links no longer spill out of it.
	const header = await page.getByRole('banner').boundingBox();
	expect(header!.width).toBeLessThanOrEqual(WIDTH);

	// Keyboard: open with Enter, Tab into the links, Escape closes and returns to the button.
	await button.focus();
	await page.keyboard.press('Enter');
	await expect(button).toHaveAttribute('aria-expanded', 'true');
	await expect(button).toHaveAttribute('aria-controls', 'main-nav');
	const links = mainNav(page).getByRole('link');
	await expect(links).toHaveText(['Uke', 'Planer', 'Aktiviteter', 'Skjermråd', 'Innstillinger']);
	await page.keyboard.press('Tab');
	await expect(links.first()).toBeFocused();
	await fitsPhone(page); // open: every link a 44 px target, nothing sideways
	await page.keyboard.press('Escape');
	await expect(button).toHaveAttribute('aria-expanded', 'false');
	await expect(button).toBeFocused();
	await expect(mainNav(page)).toBeHidden();

	// A link taken closes the menu on the page it leads to.
	await button.click();
	await mainNav(page).getByRole('link', { name: 'Skjermråd' }).click();
	await expect(page).toHaveURL(/\/guidance$/);
	await expect(button).toHaveAttribute('aria-expanded', 'false');
	await expect(mainNav(page)).toBeHidden();

	// On a tablet the links are in the header and there is no menu button.
	await page.setViewportSize({ width: 1024, height: 768 });
	await expect(menuButton(page)).toBeHidden();
	await expect(mainNav(page).getByRole('link', { name: 'Planer' })).toBeVisible();
});

test('the planner’s week, lists, settings, guidance and library fit a phone', async ({ page }) => {
	// Many pages, each through axe-core: on a busy 2-core machine this takes over a minute.
	test.slow();
	await startWithDemo(page);
	await fitsPhone(page); // week

	for (const [path, ready] of [
		['/plans', page.locator('.plan-card').first()],
		['/plans/new', page.getByLabel('Tittel')],
		['/settings', page.getByRole('heading', { name: 'Avdelinger' })],
		['/guidance', page.getByRole('heading', { level: 1 })],
		['/library', page.locator('.activity-card').first()],
		['/library/new', page.getByLabel('Tittel')],
		['/library/bee-bot-number-line', page.getByRole('link', { name: 'Planlegg denne' })],
		['/plans/new?activity=bee-bot-number-line', page.getByLabel('Tittel')],
		['/conflicts', page.getByRole('heading', { level: 1 })],
		['/refused', page.getByRole('heading', { level: 1 })],
		['/plans/00000000-0000-7000-8000-000000000000', page.getByRole('heading', { level: 1 })],
		['/no-such-page', page.getByRole('heading', { level: 1 })]
	] as const) {
		await page.goto(path);
		await expect(ready).toBeVisible();
		await fitsPhone(page);
	}
});

test('a plan, its form with messages, its editor and its evaluation fit a phone', async ({
	page
}) => {
	test.slow();
	await startWithDemo(page);
	// The plan form with its messages beside the fields.
	await page.goto('/plans/new');
	await page.getByRole('button', { name: 'Lagre plan' }).click();
	await expect(page.locator('#plan-title-error')).toBeVisible();
	await fitsPhone(page);

	// A plan, its editor and its evaluation.
	await page.goto('/plans?status=evaluated');
	await page.locator('.plan-card a').first().click();
	await expect(page.getByRole('link', { name: 'Rediger' })).toBeVisible();
	await fitsPhone(page);
	const plan = page.url();
	for (const [path, ready] of [
		[`${plan}/edit`, page.getByLabel('Tittel')],
		[`${plan}/evaluate`, page.getByLabel('Hva fungerte?')]
	] as const) {
		await page.goto(path);
		await expect(ready).toBeVisible();
		await fitsPhone(page);
	}
});

test('a stop-motion series with its rota and an own activity fit a phone', async ({ page }) => {
	test.slow();
	await startWithDemo(page);
	// A stop-motion series: the form with its role rota, then a plan of the series with it.
	await page.goto('/library/stop-motion-plasticine-animals/plan');
	await page.getByLabel('Antall barn').fill('8');
	// On a phone the rota is a list per child, not a table cut off at the screen's edge.
	await expect(page.getByRole('list', { name: 'Rolleplan for 8 barn' })).toBeVisible();
	await expect(page.getByRole('table', { name: 'Rolleplan for 8 barn' })).toBeHidden();
	await fitsPhone(page);
	await page.getByRole('button', { name: /^Lag \d+ planer$/ }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Uke \d+ for /);
	await page.goto('/plans');
	await page.getByLabel('Søk i planer').fill('plastelinadyr');
	// The animation session is the one with the rota.
	await page.locator('.plan-card a', { hasText: '(4/6)' }).click();
	await expect(page.getByRole('list', { name: 'Rolleplan for 8 barn' })).toBeVisible();
	await fitsPhone(page);

	// An own activity (a copy of a built-in one) and its editor.
	await page.goto('/library/bee-bot-number-line');
	await page.getByRole('link', { name: 'Lag en kopi å tilpasse' }).click();
	await expect(page.getByLabel('Tittel')).not.toHaveValue('');
	await fitsPhone(page);
	await page.getByRole('button', { name: 'Lagre aktivitet' }).click();
	await expect(page.locator('.badge.own')).toBeVisible();
	await fitsPhone(page);
	await page.goto(`${page.url()}/edit`);
	await expect(page.getByLabel('Tittel')).not.toHaveValue('');
	await fitsPhone(page);
});

test('the manager’s overview fits a phone: its tables scroll in their own region', async ({
	page
}) => {
	test.slow();
	await signIn(page, 'styrer@demo.lekeplan.no');
	await expect(page.getByRole('heading', { level: 1, name: /^Uke \d+ for / })).toBeVisible();
	await page.goto('/overview');
	await expect(page.getByTestId('overview-totals')).toBeVisible();
	await expect(page.getByRole('table').first()).toBeVisible();
	await fitsPhone(page);
	// The kindergarten's equipment, counted per device and toy.
	await page.goto('/equipment');
	await expect(page.getByRole('heading', { level: 1, name: 'Utstyr' })).toBeVisible();
	await expect(page.locator('main [aria-busy="true"]')).toHaveCount(0);
	await fitsPhone(page);
	await page.goto('/overview?from=2026-12-01&to=2026-11-01');
	await expect(page.locator('#overview-to-error')).toBeVisible();
	await fitsPhone(page);
});

test('the account and administration pages fit a phone', async ({ page }) => {
	test.slow();
	await signIn(page, 'eier@demo.lekeplan.no');
	await page.goto('/account');
	await expect(page.getByRole('heading', { level: 1, name: 'Min konto' })).toBeVisible();
	await fitsPhone(page);
	for (const path of [
		'/admin',
		'/admin/users',
		'/admin/invitations',
		'/admin/guidance',
		'/admin/audit',
		'/admin/competence-plan',
		'/admin/competence-items',
		'/admin/practice',
		'/admin/privacy',
		'/admin/register',
		'/admin/register/new',
		'/admin/register/proposals',
		'/admin/requests',
		'/admin/export'
	]) {
		await page.goto(path);
		await expect(page.getByRole('navigation', { name: 'Administrasjon' })).toBeVisible();
		await expect(page.locator('.panel, table').first()).toBeVisible();
		await fitsPhone(page);
	}
	// A register entry's page: every field of its form.
	await page.goto('/admin/register');
	await page
		.getByTestId('register-entries')
		.getByRole('link', { name: 'Stativ eller animasjonsboks', exact: true })
		.click();
	await expect(page.getByRole('combobox', { name: 'Beslutning' })).toBeVisible();
	// Deleting a kindergarten: the confirmation page (the demo kindergarten stays).
	await page.goto('/admin');
	await page
		.getByRole('link', { name: /^Slett .* …$/ })
		.first()
		.click();
	await expect(page.getByTestId('deletion-preview')).toBeVisible();
	await fitsPhone(page);
});

test('a signed-in planner offline: one indicator in the header, every page still fits', async ({
	page
}) => {
	test.slow();
	await signIn(page, 'ansatt@demo.lekeplan.no');
	await expect(page.getByRole('heading', { level: 1, name: /^Uke \d+ for / })).toBeVisible();
	await expect(page.getByTestId('sync-status')).toHaveText('Synkronisert', { timeout: 30_000 });
	await waitForServiceWorker(page);
	const banner = page.getByRole('banner');
	// Online too, one indicator: the sync state, no separate "connected".
	await expect(banner.getByRole('status')).toHaveCount(1);

	await page.context().setOffline(true);
	await expect(page.getByTestId('sync-status')).toHaveText(/Frakoblet/);
	await expect(banner.getByText(/Frakoblet/)).toHaveCount(1);
	await expect(banner.getByRole('status')).toHaveCount(1);
	await fitsPhone(page);

	await page.goto('/sign-out');
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	await fitsPhone(page);
	await page.context().setOffline(false);
});

test('the competence pages fit a phone: the self-assessment, the profile, the review', async ({
	page,
	browser
}) => {
	// About 150 radio buttons through axe-core: slow on a loaded machine.
	test.slow();
	await signIn(page, 'ansatt@demo.lekeplan.no');
	await page.goto('/competence');
	const items = page.locator('fieldset.item');
	await expect(items.first()).toBeVisible();
	await fitsPhone(page);

	// Sent with nothing answered: the message says what is missing.
	await page.getByRole('button', { name: 'Send svarene' }).click();
	await expect(page.getByRole('alert')).toContainText('Svar på alle punktene først');
	await fitsPhone(page);

	// Every question answered and sent: the profile, as a chart and a table, and at level 2
	// everywhere, suggestions for every area (their long links and lines must fit too).
	await page
		.locator('fieldset.item input[type="radio"][value="2"]')
		.evaluateAll((radios) => radios.forEach((r) => (r as HTMLInputElement).click()));
	await page.getByRole('button', { name: 'Send svarene' }).click();
	await expect(page.getByText('Svarene er sendt. Takk!')).toBeVisible();
	await expect(page.getByRole('img', { name: /gjennomsnittlig nivå per område/i })).toBeVisible();
	await expect(page.getByTestId('suggestions-creative').locator('a').first()).toBeVisible();
	await fitsPhone(page);

	// The review, for the manager and for the owner admin (who also picks the kindergarten);
	// the manager's with its figures too: a table of areas and one of every question.
	await fiveAnsweredEarlier(browser);
	const planTitle = await ownerPlanEntry(browser);
	for (const email of ['styrer@demo.lekeplan.no', 'eier@demo.lekeplan.no']) {
		await page.context().clearCookies();
		await signIn(page, email);
		await page.goto('/competence/review');
		await expect(
			page.getByRole('heading', { level: 1, name: 'Kompetanse i barnehagen' })
		).toBeVisible();
		await expect(page.getByTestId('hidden-staff')).toBeVisible();
		await fitsPhone(page);
		if (email.startsWith('styrer')) {
			await page.getByLabel('Periode').selectOption(earlierPeriod());
			await expect(page.locator('table.figures')).toHaveCount(2);
			await fitsPhone(page);
			// The owner's competence plan as the manager reads it, long words and all.
			await page.goto('/competence/owner-plan');
			await expect(page.getByText(planTitle)).toBeVisible();
			await fitsPhone(page);
		}
	}
});

test('the competence development plan fits a phone: the form with an action, the plan', async ({
	page
}) => {
	test.slow();
	await signIn(page, 'styrer@demo.lekeplan.no');
	await page.goto('/competence/plan');
	await page.getByRole('button', { name: 'Ny kompetanseutviklingsplan' }).click();
	await page.getByLabel('Navn på planen').fill('Plan på telefonen');
	await page
		.getByRole('checkbox', { name: /^Trygg bruk av delte nettbrett|^Personvern/ })
		.first()
		.check();
	await page.getByRole('button', { name: 'Legg til tiltak' }).click();
	await page.getByLabel('Hva skal gjøres').fill('Stop-motion-verksted med Filiorums ressurs');
	await page.getByLabel('Ansvarlig').selectOption({ label: 'En person (skriv navnet)' });
	await page.getByLabel('Navnet på den ansvarlige').fill('Kari');
	await fitsPhone(page);
	await page.getByRole('button', { name: 'Lagre planen' }).click();
	await expect(page.getByRole('article').filter({ hasText: 'Plan på telefonen' })).toBeVisible();
	await fitsPhone(page);
});

test("the kindergarten's digital plan fits a phone: the form with a goal and a date", async ({
	page
}) => {
	test.slow();
	await signIn(page, 'styrer@demo.lekeplan.no');
	await page.goto('/digital-plan');
	await page
		.getByRole('button', { name: /^Skriv planen for / })
		.first()
		.click();
	await page.getByLabel('Hva vil dere oppnå').fill('Barna lager egne fortellinger med stop-motion');
	await page.getByRole('checkbox', { name: 'Kunst, kultur og kreativitet' }).check();
	await page.getByRole('button', { name: 'Legg til dato for vurdering' }).click();
	await fitsPhone(page);
	await page.getByRole('button', { name: 'Avbryt' }).click();
	await fitsPhone(page);
});

test("the owner's register fits a phone: searched, and a plan's tools against it", async ({
	page
}) => {
	test.slow();
	await signIn(page, 'ansatt@demo.lekeplan.no');
	await page.goto('/register');
	await expect(page.getByTestId('register-entry').first()).toBeVisible();
	await fitsPhone(page);
	await page.getByRole('searchbox', { name: 'Søk i registeret' }).fill('robot');
	await expect(page.getByTestId('register-entry').first()).toBeVisible();
	await fitsPhone(page);
	await page.goto('/plans/new');
	await page.getByLabel('Verktøy', { exact: true }).fill('Bee-Bot, Code & Go Robotmus, Pappesker');
	await expect(page.locator('#editor-tool-standings').getByRole('listitem')).toHaveCount(3);
	await fitsPhone(page);
});

test("the parents' desk fits a phone: summary, preview, codes, questions", async ({ page }) => {
	test.slow();
	await signIn(page, 'styrer@demo.lekeplan.no');
	await page.goto('/parents');
	await expect(page.locator('#pd-summary')).toBeVisible();
	await expect(page.locator('#pd-publishers')).toBeVisible();
	await page.getByLabel('Tekst fra de ansatte').fill('Vi har bygget med Bee-Bot hele uka.');
	await fitsPhone(page);
});
