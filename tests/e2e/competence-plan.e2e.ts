import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, expectTouchTargets, signInWith } from './fixtures';

/**
 * The owner's competence plan (issue 14): the owner admin adds entries (a mistake is named
 * beside its field and nothing is saved), and each kindergarten's manager reads what concerns
 * their kindergarten, not another's, without a way to change it.
 */

test('the owner admin plans; the manager sees their part, read-only', async ({ page, browser }) => {
	test.slow();
	const run = Date.now().toString(36);
	const education = `Digital kompetanse i barnehagen ${run}`;
	const focus = `Personvern på to personalmøter ${run}`;
	const elsewhere = `Kurs i Blåbærtoppen ${run}`;

	await signInWith(page, 'eier@demo.lekeplan.no');
	await expect(page).not.toHaveURL(/\/sign-in$/);
	await page.goto('/admin');
	await page.getByRole('link', { name: 'Kompetanseplan' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Kompetanseplan' })).toBeVisible();
	await expectNoAxeViolations(page);

	// Further education without a kindergarten or places, ending before it starts: each named.
	await page.getByLabel('Type').selectOption({ label: 'Videreutdanning' });
	await page.getByLabel('Tittel').fill(education);
	await page.getByLabel('Fra dato').fill('2027-08-15');
	await page.getByLabel('Til dato').fill('2027-06-15');
	await page.getByRole('button', { name: 'Lagre tiltaket' }).click();
	await expect(page.getByRole('alert')).toHaveText(
		'Se over feltene som er merket. Ingenting er lagret.'
	);
	const kindergarten = page.getByLabel('Barnehage', { exact: true });
	await expect(kindergarten).toBeFocused();
	await expect(kindergarten).toHaveAccessibleDescription(/Fyll ut dette feltet\./);
	await expect(page.getByLabel('Antall plasser')).toHaveAccessibleDescription(
		/Fyll ut dette feltet\./
	);
	await expect(page.getByLabel('Til dato')).toHaveAccessibleDescription(
		/Slutt må være etter start\./
	);
	await expect(page.getByText(education)).toHaveCount(0);
	await expectNoAxeViolations(page);

	// Put right, it is saved and listed under its kind.
	await kindergarten.selectOption({ label: 'Solsikken barnehage' });
	await page.getByLabel('Antall plasser').fill('2');
	await page.getByLabel('Samarbeidspartner eller tilbyder').fill('Universitetet i Stavanger');
	await page.getByLabel('Til dato').fill('2028-06-15');
	await page.getByRole('button', { name: 'Lagre tiltaket' }).click();
	await expect(
		page.getByTestId('plan-furtherEducation').getByText(education, { exact: true })
	).toBeVisible();

	// A focus area for every kindergarten, and a course for the other kindergarten.
	await page.getByLabel('Type').selectOption({ label: 'Satsingsområde' });
	await page.getByLabel('Tittel').fill(focus);
	await page
		.getByLabel('Kompetanseområde')
		.selectOption({ label: 'Personvern, bilder og samtykke' });
	await page.getByLabel('Status').selectOption({ label: 'Pågår' });
	await page.getByRole('button', { name: 'Lagre tiltaket' }).click();
	await expect(page.getByTestId('plan-focusArea').getByText(focus, { exact: true })).toBeVisible();
	await page.getByLabel('Type').selectOption({ label: 'Kurs' });
	await page.getByLabel('Tittel').fill(elsewhere);
	await page.getByLabel('Barnehage', { exact: true }).selectOption({
		label: 'Blåbærtoppen barnehage'
	});
	await page.getByRole('button', { name: 'Lagre tiltaket' }).click();
	await expect(page.getByTestId('plan-course').getByText(elsewhere, { exact: true })).toBeVisible();
	await expectNoAxeViolations(page);
	await expectTouchTargets(page);

	// The manager of Solsikken: the focus area and their further education, not the other's course.
	const context = await browser.newContext({ locale: 'nb-NO' });
	const manager = await context.newPage();
	try {
		await signInWith(manager, 'styrer@demo.lekeplan.no');
		await expect(manager).not.toHaveURL(/\/sign-in$/);
		await manager.goto('/competence/review');
		await manager.getByRole('link', { name: 'Se eierens kompetanseplan for barnehagen' }).click();
		await expect(
			manager.getByRole('heading', { level: 1, name: 'Eierens kompetanseplan' })
		).toBeVisible();
		const focusEntry = manager.getByRole('listitem').filter({ hasText: focus });
		await expect(focusEntry).toContainText('Alle barnehagene');
		await expect(focusEntry).toContainText('Pågår');
		const educationEntry = manager.getByRole('listitem').filter({ hasText: education });
		await expect(educationEntry).toContainText('Universitetet i Stavanger');
		await expect(educationEntry).toContainText('2 plasser');
		await expect(manager.getByText(elsewhere)).toHaveCount(0);
		await expect(manager.getByRole('button', { name: /Endre|Slett/ })).toHaveCount(0);
		await expectNoAxeViolations(manager);
		await expectTouchTargets(manager);
	} finally {
		await context.close();
	}
});
