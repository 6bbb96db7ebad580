import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations, expectTouchTargets } from './fixtures';

/**
 * The competence self-assessment (issue 14): a staff member answers by keyboard, leaves and
 * comes back to the answers kept on the tablet, submits while offline (the answers wait in the
 * tablet's outbox, ADR 32), and sees them sent by the sync engine when the tablet is back
 * online, then their profile as a table beside the chart.
 */

async function signInAsStaff(page: Page) {
	await page.goto('/sign-in');
	await page.getByLabel('E-post').fill('ansatt@demo.lekeplan.no');
	await page.getByLabel('Passord').fill('lekeplan-demo');
	await page.getByRole('button', { name: 'Logg inn' }).click();
	await expect(page).not.toHaveURL(/\/sign-in$/);
}

/** Answers `count` items from the first unanswered one, by keyboard only: a level, then Tab. */
async function answerByKeyboard(page: Page, count: number, level: number) {
	for (let i = 0; i < count; i++) {
		// In a radio group, Space picks the focused option and the arrows move the choice.
		await page.keyboard.press('Space');
		for (let l = 1; l < level; l++) await page.keyboard.press('ArrowDown');
		await page.keyboard.press('Tab');
	}
}

test('a staff member answers, resumes, submits offline and sees the profile', async ({
	page,
	context
}) => {
	// About 150 radio buttons: axe-core takes its time over them on a loaded machine.
	test.slow();
	await signInAsStaff(page);
	await page.goto('/account');
	await page.getByRole('link', { name: 'Min digitale kompetanse' }).click();
	await expect(
		page.getByRole('heading', { level: 1, name: 'Min digitale kompetanse' })
	).toBeVisible();
	await expect(page.getByText(/Tar omtrent \d+ minutter/)).toBeVisible();
	const items = page.locator('fieldset.item');
	const total = await items.count();
	expect(total).toBeGreaterThanOrEqual(24);
	await expectNoAxeViolations(page);
	await expectTouchTargets(page);

	// Sending with nothing answered names what is missing, and changes nothing.
	await page.getByRole('button', { name: 'Send svarene' }).click();
	await expect(page.getByRole('alert')).toHaveText(
		`Svar på alle punktene først: ${total} mangler.`
	);
	await expect(page.locator('input[type=radio]').first()).toBeFocused();

	await answerByKeyboard(page, 10, 3);
	await expect(page.getByText(`10 av ${total} besvart`)).toBeVisible();

	// Leave and come back through the app's links: the answers are still there, on the tablet.
	await page.locator('a.account-link').click();
	await expect(page).toHaveURL(/\/account$/);
	await page.getByRole('link', { name: 'Min digitale kompetanse' }).click();
	await expect(page.getByText('Svarene du begynte på, er hentet fram igjen.')).toBeVisible();
	await expect(page.getByText(`10 av ${total} besvart`)).toBeVisible();

	// Offline: leave and resume once more, answer the rest, and submit. The answers go into the
	// tablet's outbox (ADR 32): shown as waiting, counted among the unsent changes, even after
	// leaving the page; the sync engine sends them once the tablet is online.
	await context.setOffline(true);
	await page.locator('a.account-link').click();
	await expect(page).toHaveURL(/\/account$/);
	await page.getByRole('link', { name: 'Min digitale kompetanse' }).click();
	await expect(page.getByText('Svarene du begynte på, er hentet fram igjen.')).toBeVisible();
	await expect(page.getByText(`10 av ${total} besvart`)).toBeVisible();
	await items.nth(10).locator('input[type=radio]').first().focus();
	await answerByKeyboard(page, total - 10, 2);
	await page.getByRole('button', { name: 'Send svarene' }).click();
	const waiting = page.getByTestId('competence-waiting');
	await expect(waiting).toContainText('venter på å bli sendt');
	await expect(page.locator('fieldset.item')).toHaveCount(0);
	await expect(page.getByTestId('sync-status')).toContainText('1');
	await expectNoAxeViolations(page);
	// Still waiting after leaving the page and coming back, offline.
	await page.locator('a.account-link').click();
	await expect(page).toHaveURL(/\/account$/);
	await page.getByRole('link', { name: 'Min digitale kompetanse' }).click();
	await expect(waiting).toContainText('venter på å bli sendt');

	await context.setOffline(false);
	await expect(page.getByText('Svarene er sendt. Takk!')).toBeVisible();
	await expect(waiting).toHaveCount(0);

	const profile = page.getByRole('table');
	await expect(profile.getByRole('row')).toHaveCount(11); // a header and ten staff areas
	await expect(profile.getByRole('row', { name: /Personvern, bilder og samtykke/ })).toContainText(
		/[23]/
	);
	await expect(page.getByRole('img', { name: /gjennomsnittlig nivå per område/i })).toBeVisible();
	await expectNoAxeViolations(page);
});

test("the manager's review hides what fewer than five answered, and says why", async ({ page }) => {
	test.slow();
	await page.goto('/sign-in');
	await page.getByLabel('E-post').fill('styrer@demo.lekeplan.no');
	await page.getByLabel('Passord').fill('lekeplan-demo');
	await page.getByRole('button', { name: 'Logg inn' }).click();
	await expect(page).not.toHaveURL(/\/sign-in$/);
	await page.goto('/account');
	await page.getByRole('link', { name: 'Se barnehagens kompetanse' }).click();
	await expect(
		page.getByRole('heading', { level: 1, name: 'Kompetanse i barnehagen' })
	).toBeVisible();
	// The demo kindergarten has fewer than five staff: no figure, and the reason in words.
	await expect(page.getByTestId('hidden-staff')).toHaveText(
		/Skjult: færre enn fem har svart\.|Ingen har svart i denne perioden ennå\./
	);
	await expect(page.getByTestId('hidden-managers')).toBeVisible();
	await expect(page.getByRole('table')).toHaveCount(0);
	await expectNoAxeViolations(page);
	await expectTouchTargets(page);
});
