import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { expectNoAxeViolations, expectTouchTargets, signInWith } from './fixtures';

/**
 * The owner's own competence statements (issue 14, ADR 37): the owner admin adds one (a form
 * sent empty names each field and saves nothing), a staff member's tablet pulls it and they
 * answer it; the owner retires it, it is gone from the form, and the answer given still counts.
 */

/** A staff member of the owner's first kindergarten, invited anew, signed in on a tablet. */
async function newStaff(browser: Browser, owner: Page, name: string): Promise<BrowserContext> {
	const kindergartens = await owner.request.get('/api/v1/kindergartens');
	const [first] = ((await kindergartens.json()) as { kindergartens: Array<{ id: string }> })
		.kindergartens;
	const made = await owner.request.post('/api/v1/invitations', {
		data: { role: 'staff', kindergartenId: first!.id, displayName: name }
	});
	expect(made.status()).toBe(201);
	const { invitation } = (await made.json()) as { invitation: { token: string } };
	const context = await browser.newContext({ locale: 'nb-NO' });
	const accepted = await context.request.post('/api/v1/invitations/accept', {
		data: {
			token: invitation.token,
			email: `${name.toLowerCase().replace(/[^a-z0-9]+/g, '.')}@example.no`,
			password: 'lekeplan-demo'
		}
	});
	expect(accepted.status()).toBe(201);
	return context;
}

test('the owner adds a statement, staff answer it; retired, it leaves the form and still counts', async ({
	page,
	browser
}) => {
	test.slow();
	const run = Date.now().toString(36);
	const statement = `Jeg lager lydbøker sammen med barna ${run}.`;

	await signInWith(page, 'eier@demo.lekeplan.no');
	await expect(page).not.toHaveURL(/\/sign-in$/);
	await page.goto('/admin');
	await page.getByRole('link', { name: 'Påstander', exact: true }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Kompetansepåstander' })).toBeVisible();
	await expect(page.getByTestId('items-minutes')).toContainText('høyst 15');
	await expectNoAxeViolations(page);

	// Sent empty: each field named, the first focused, nothing saved.
	await page.getByRole('button', { name: 'Legg til påstanden' }).click();
	await expect(page.getByRole('alert')).toHaveText(
		'Se over feltene som er merket. Ingenting er lagret.'
	);
	await expect(page.getByLabel('Hvem svarer')).toBeFocused();
	await expect(page.getByLabel('Påstanden på nynorsk')).toHaveAccessibleDescription(
		/Fyll ut dette feltet\./
	);
	await expectNoAxeViolations(page);

	await page.getByLabel('Hvem svarer').selectOption({ label: 'Alle ansatte' });
	await page
		.getByLabel('Kompetanseområde')
		.selectOption({ label: 'Skapende og kodende lek med barna' });
	await page.getByLabel('Kompetanse i DigCompEdu').selectOption('3.3');
	await page.getByLabel(/Område i Udirs rammeverk/).selectOption('pedagogy');
	await page.getByLabel('Påstanden på bokmål').fill(statement);
	await page.getByLabel('Påstanden på nynorsk').fill(`Eg lagar lydbøker saman med borna ${run}.`);
	await page
		.getByLabel('Påstanden på engelsk')
		.fill(`I make audio books with the children ${run}.`);
	await page.getByRole('button', { name: 'Legg til påstanden' }).click();
	await expect(page.getByTestId('own-items').getByText(statement)).toBeVisible();

	// 360 px wide: nothing scrolls sideways, every target 44 px.
	await page.setViewportSize({ width: 360, height: 800 });
	expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
	await expectTouchTargets(page);
	await page.setViewportSize({ width: 1280, height: 800 });

	// A staff member's tablet pulls it with its sync; they answer it with the rest.
	const staff = await newStaff(browser, page, `Lydbok ${run}`);
	const tablet = await staff.newPage();
	await tablet.goto('/competence');
	const item = tablet.locator('fieldset.item', { hasText: statement });
	await expect(async () => {
		await tablet.reload();
		await expect(item).toBeVisible({ timeout: 3000 });
	}).toPass();
	await tablet
		.locator('fieldset.item input[type="radio"][value="4"]')
		.evaluateAll((radios) => radios.forEach((r) => (r as HTMLInputElement).click()));
	await item.locator('input[value="2"]').check();
	await tablet.getByRole('button', { name: 'Send svarene' }).click();
	await expect(tablet.getByText('Svarene er sendt. Takk!')).toBeVisible();
	const ownId = (await item.getAttribute('data-testid'))!.replace(/^item-/, '');

	// The owner retires it from this period on; it is listed as retired.
	await page.getByLabel('Påstand', { exact: true }).selectOption({ label: statement });
	await page.getByRole('button', { name: 'Ta ut påstanden' }).click();
	await expect(page.getByTestId('retired-items').getByText(statement)).toBeVisible();
	await expectNoAxeViolations(page);

	// Gone from the form once the tablet has synced; the answer given still counts.
	await expect(async () => {
		await tablet.reload();
		await expect(tablet.locator('fieldset.item').first()).toBeVisible({ timeout: 3000 });
		await expect(item).toHaveCount(0);
	}).toPass();
	const mine = await tablet.request.get('/api/v1/competence/mine');
	const { submissions } = (await mine.json()) as {
		submissions: Array<{ answers: Record<string, number> }>;
	};
	expect(submissions.at(-1)!.answers[ownId]).toBe(2);
	await staff.close();
});
