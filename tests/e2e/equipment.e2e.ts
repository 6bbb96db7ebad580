import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, expectTouchTargets, plannerTablet } from './fixtures';

/**
 * The kindergarten's equipment (issue 16): the manager counts the Bee-Bots (3 work, 1 needs
 * repair) on the equipment page, and after a reload the counts are the server's. Needs the
 * owner's register seeded with the libraries' tools (`seedRegister`, ADR 43).
 */
test('the manager counts the Bee-Bots, and a reload shows the counts', async ({ browser }) => {
	test.slow();
	const page = await plannerTablet(browser, 'styrer@demo.lekeplan.no');
	await page.getByRole('link', { name: 'Utstyr', exact: true }).first().click();
	await expect(page.getByRole('heading', { level: 1, name: 'Utstyr' })).toBeVisible();
	const beeBot = page.getByRole('listitem').filter({
		has: page.getByRole('heading', { level: 2, name: 'Bee-Bot', exact: true })
	});
	await expect(beeBot).toBeVisible();
	await expectNoAxeViolations(page);
	await expectTouchTargets(page);

	await beeBot.getByLabel('Virker').fill('3');
	await beeBot.getByLabel('Må repareres').fill('1');
	await beeBot.getByLabel('Mangler').fill('0');
	await beeBot.getByRole('button', { name: 'Lagre Bee-Bot' }).click();
	await expect(page.getByText('Bee-Bot er lagret.')).toBeVisible();

	await page.reload();
	await expect(beeBot.getByLabel('Virker')).toHaveValue('3');
	await expect(beeBot.getByLabel('Må repareres')).toHaveValue('1');
	await expect(beeBot.getByLabel('Mangler')).toHaveValue('0');

	// A count out of range is named beside its field, and nothing is saved.
	await beeBot.getByLabel('Virker').fill('-2');
	await beeBot.getByRole('button', { name: 'Lagre Bee-Bot' }).click();
	await expect(beeBot.getByText('Skriv et tall fra 0 til 999.')).toBeVisible();
	await page.reload();
	await expect(beeBot.getByLabel('Virker')).toHaveValue('3');
	await page.context().close();
});
