import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, expectTouchTargets, signInWith } from './fixtures';

/**
 * The owner's privacy notice (issues 16 and 17): the owner admin starts from the template,
 * fills a blank and saves it in nynorsk; a staff member reads it from their account page, told
 * it is only written in nynorsk while their app speaks bokmål. Sent empty, it names the field
 * and saves nothing.
 */
test('the owner writes the privacy notice from the template; staff read it', async ({
	page,
	browser
}) => {
	test.slow();
	const run = Date.now().toString(36);
	await signInWith(page, 'eier@demo.lekeplan.no');
	await expect(page).not.toHaveURL(/\/sign-in$/);
	await page.goto('/admin');
	await page.getByRole('link', { name: 'Personvern', exact: true }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Personvernerklæring' })).toBeVisible();
	await page.getByLabel('Erklæringens språk').selectOption({ label: 'Nynorsk' });

	// Sent empty: the field says why, nothing is saved.
	await page.getByLabel('Tekst (Nynorsk)').fill('');
	await page.getByRole('button', { name: 'Lagre (Nynorsk)' }).click();
	await expect(page.getByLabel('Tekst (Nynorsk)')).toHaveAccessibleDescription(
		/Fyll ut dette feltet\./
	);
	await expectNoAxeViolations(page);

	await page.getByRole('button', { name: 'Start fra malen' }).click();
	const field = page.getByLabel('Tekst (Nynorsk)');
	await expect(field).toHaveValue(/^Personvernerklæring for Lekeplan hos /);
	const text = (await field.inputValue()).replace(
		'[kontaktperson, e-post og telefon]',
		`personvern-${run}@demo.lekeplan.no`
	);
	await field.fill(text);
	await page.getByRole('button', { name: 'Lagre (Nynorsk)' }).click();
	await expect(page.getByText('Personvernerklæringen er lagret (Nynorsk).')).toBeVisible();
	await expect(page.getByTestId('privacy-state')).toContainText('Eva Eier');

	await page.setViewportSize({ width: 360, height: 800 });
	expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
	await expectTouchTargets(page);

	const staff = await browser.newContext({ locale: 'nb-NO' });
	const tablet = await staff.newPage();
	await signInWith(tablet, 'ansatt@demo.lekeplan.no');
	await expect(tablet).not.toHaveURL(/\/sign-in$/);
	await tablet.goto('/account');
	await tablet.getByRole('link', { name: 'Personvern', exact: true }).click();
	await expect(tablet.getByRole('heading', { level: 1, name: 'Personvern' })).toBeVisible();
	const notice = tablet.getByTestId('privacy-notice');
	await expect(notice).toHaveAttribute('lang', 'nn');
	await expect(notice).toContainText('Denne teksten finnes bare på ett annet språk: Nynorsk.');
	await expect(notice).toContainText(`personvern-${run}@demo.lekeplan.no`);
	await expect(notice).toContainText('Kva vi lagrar');
	await expectNoAxeViolations(tablet);
	await staff.close();
});
