import { expect, test, type Browser, type Page } from '@playwright/test';
import { expectNoAxeViolations, expectTouchTargets, waitForServiceWorker } from './fixtures';

/**
 * The kindergarten's competence development plan (issue 14, ADR 28): the manager writes it on
 * their tablet, it syncs, and a staff member's tablet has it to read, offline too.
 */

const MANAGER = 'styrer@demo.lekeplan.no';
const STAFF = 'ansatt@demo.lekeplan.no';
const PASSWORD = 'lekeplan-demo';

async function tablet(browser: Browser, email: string): Promise<Page> {
	const context = await browser.newContext({ locale: 'nb-NO', serviceWorkers: 'allow' });
	const page = await context.newPage();
	await page.goto('/sign-in');
	await page.getByLabel('E-post').fill(email);
	await page.getByLabel('Passord').fill(PASSWORD);
	await page.getByRole('button', { name: 'Logg inn' }).click();
	await expect(page.getByRole('heading', { level: 1, name: /^Uke \d+ for / })).toBeVisible();
	await expect(page.getByTestId('sync-status')).toHaveText('Synkronisert');
	await waitForServiceWorker(page);
	return page;
}

test("the manager's development plan reaches a staff tablet and is read there offline", async ({
	browser
}) => {
	const title = `Kompetanseplan ${Date.now().toString(36)}`;
	const manager = await tablet(browser, MANAGER);
	await manager.getByRole('link', { name: 'Kompetanseplan' }).first().click();
	await expect(
		manager.getByRole('heading', { level: 1, name: 'Kompetanseutviklingsplan' })
	).toBeVisible();
	await manager.getByRole('button', { name: 'Ny kompetanseutviklingsplan' }).click();

	// Sent without a focus area or a name: the messages beside the fields, nothing saved.
	await manager.getByRole('button', { name: 'Lagre planen' }).click();
	await expect(manager.locator('#devplan-title-error')).toHaveText('Fyll ut dette feltet.');
	await expect(manager.locator('#focus-areas-error')).toHaveText('Velg minst ett fokusområde.');
	await expect(manager.getByLabel('Navn på planen')).toBeFocused();

	await manager.getByLabel('Navn på planen').fill(title);
	await manager.getByRole('checkbox', { name: /^Personvern, bilder og samtykke/ }).check();
	await manager.getByLabel('Hvorfor dette området').fill('Mange er usikre på samtykke til bilder.');
	await manager.getByRole('button', { name: 'Legg til tiltak' }).click();
	await expect(manager.getByLabel('Hva skal gjøres')).toBeFocused();
	await manager.getByLabel('Hva skal gjøres').fill('Udirs pakke om personvern på to personalmøter');
	await manager
		.getByLabel('Fokusområde', { exact: true })
		.selectOption({ label: 'Personvern, bilder og samtykke' });
	await manager.getByLabel('Ansvarlig').selectOption({ label: 'Pedagogiske ledere' });
	await manager.getByLabel('Status', { exact: true }).selectOption({ label: 'I gang' });
	await manager.getByLabel('Status for planen').selectOption({ label: 'Gjelder nå' });
	await expectNoAxeViolations(manager);
	await manager.getByRole('button', { name: 'Lagre planen' }).click();

	const written = manager.getByRole('article').filter({ hasText: title });
	await expect(written).toBeVisible();
	await expect(written).toContainText('Udirs pakke om personvern på to personalmøter');
	await expect(manager.getByTestId('sync-status')).toHaveText('Synkronisert');

	// A staff member's tablet pulls it, and reads it with the network gone.
	const staff = await tablet(browser, STAFF);
	await staff.context().setOffline(true);
	await staff.goto('/competence/plan');
	const read = staff.getByRole('article').filter({ hasText: title });
	await expect(read).toBeVisible();
	await expect(read.getByRole('heading', { level: 2, name: title })).toBeVisible();
	await expect(read).toContainText('Gjelder nå');
	await expect(read).toContainText('Mange er usikre på samtykke til bilder.');
	await expect(read.getByRole('listitem').filter({ hasText: 'Udirs pakke' })).toContainText(
		/Ansvarlig\s*Pedagogiske ledere[\s\S]*Status\s*I gang/
	);
	// Staff read it; only the manager writes it.
	await expect(staff.getByRole('button', { name: 'Ny kompetanseutviklingsplan' })).toHaveCount(0);
	await expect(read.getByRole('button')).toHaveCount(0);
	await expectNoAxeViolations(staff);
	await expectTouchTargets(staff);
	await staff.context().close();
	await manager.context().close();
});
