import { expect, test } from '@playwright/test';
import { expectEach, fillMinimalPlan, startWithDemo, storedPlanCount } from './fixtures';

test.beforeEach(async ({ page }) => {
	await startWithDemo(page);
});

test('the demo kindergarten shows a week of plans for the chosen group', async ({ page }) => {
	await expect(page.locator('.plan-card').first()).toBeVisible();
	await page.getByLabel('Avdeling').selectOption({ label: 'Humla (3–5 år)' });
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(/for Humla$/);
	// The choice is remembered on the device.
	await page.reload();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(/for Humla$/);
});

test('create, edit, evaluate, duplicate, and delete with undo', async ({ page }) => {
	// Create from the week view, on a given day.
	await page.getByRole('link', { name: /^Ny plan Mandag/ }).click();
	await expect(page.getByRole('heading', { name: 'Ny plan' })).toBeVisible();
	await fillMinimalPlan(page, 'Bee-Bot-skattejakt');
	await page.getByLabel('Mål').fill('Telle steg og snakke om retninger');
	await page.getByLabel('Verktøy').fill('Bee-Bot, Skattekart');
	await page.getByLabel('Status').selectOption('planned');
	await page.getByRole('button', { name: 'Lagre plan' }).click();

	await expect(page.getByRole('heading', { level: 1, name: 'Bee-Bot-skattejakt' })).toBeVisible();
	await expect(page.getByText('Telle steg og snakke om retninger')).toBeVisible();
	await expect(page.getByText('Bee-Bot, Skattekart')).toBeVisible();
	await expect(page.getByRole('status').filter({ hasText: 'Planen er lagret.' })).toBeVisible();

	// Edit.
	await page.getByRole('link', { name: 'Rediger' }).click();
	await expect(page.getByLabel('Tittel')).toHaveValue('Bee-Bot-skattejakt');
	await page.getByLabel('Tittel').fill('Bee-Bot-skattejakt i gymsalen');
	await page.getByLabel('Skjermbruk').selectOption('creative');
	await page.getByLabel('Skjermminutter').fill('10');
	await page.getByRole('button', { name: 'Lagre plan' }).click();
	await expect(
		page.getByRole('heading', { level: 1, name: 'Bee-Bot-skattejakt i gymsalen' })
	).toBeVisible();
	await expect(page.getByText('Skapende produksjon, 10 min')).toBeVisible();

	// Evaluate.
	await page.getByRole('link', { name: 'Skriv vurdering' }).click();
	await page.getByLabel('Hva fungerte?').fill('Barna hjalp hverandre med å telle.');
	await page.getByLabel('Hvordan deltok barna?').fill('Alle prøvde.');
	await page.getByLabel('Hva følger vi opp?').fill('Lage egen matte.');
	await page.getByRole('button', { name: 'Lagre vurdering' }).click();
	await expect(page.getByText('Barna hjalp hverandre med å telle.')).toBeVisible();
	await expect(page.locator('.plan-detail .badge').first()).toHaveText('Vurdert');
	const id = page.url().split('/').pop();

	// Duplicate: a new draft without the evaluation.
	await page.getByRole('button', { name: 'Lag kopi' }).click();
	await expect(
		page.getByRole('heading', { level: 1, name: 'Bee-Bot-skattejakt i gymsalen (kopi)' })
	).toBeVisible();
	expect(page.url()).not.toContain(id);
	await expect(page.locator('.plan-detail .badge').first()).toHaveText('Utkast');
	await expect(page.getByText('Ikke vurdert ennå.')).toBeVisible();

	// Delete the copy, then undo.
	await page.getByRole('button', { name: 'Slett' }).click();
	const toast = page.getByRole('status').filter({ hasText: 'er slettet' });
	await expect(toast).toBeVisible();
	await expect(page.getByRole('link', { name: /\(kopi\)/ })).toHaveCount(0);
	await toast.getByRole('button', { name: 'Angre' }).click();
	await expect(page.getByRole('link', { name: /\(kopi\)/ })).toBeVisible();
	await expect(
		page.locator('.plan-card-title').getByText('Bee-Bot-skattejakt i gymsalen', { exact: true })
	).toBeVisible();

	// Deleting without undo keeps it gone after a reload.
	await page.getByRole('link', { name: /\(kopi\)/ }).click();
	await page.getByRole('button', { name: 'Slett' }).click();
	await page.reload();
	await expect(page.getByRole('link', { name: /\(kopi\)/ })).toHaveCount(0);
});

test('a plan for a later day cannot be evaluated yet, and says from when it can', async ({
	page
}) => {
	const tomorrow = await page.evaluate(() => {
		const d = new Date();
		d.setDate(d.getDate() + 1);
		return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
	});
	await page.goto(`/plans/new?date=${tomorrow}`);
	await fillMinimalPlan(page, 'Robotløype i morgen');
	await page.getByRole('button', { name: 'Lagre plan' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Robotløype i morgen' })).toBeVisible();
	await expect(page.getByRole('link', { name: 'Skriv vurdering' })).toHaveCount(0);
	await expect(page.getByTestId('evaluation-opens')).toContainText('Vurderingen kan skrives fra');

	// Opened by its address, the evaluation says the same and offers no form.
	await page.goto(`${page.url()}/evaluate`);
	await expect(page.getByTestId('evaluation-opens')).toBeVisible();
	await expect(page.getByLabel('Hva fungerte?')).toHaveCount(0);
	await page.getByRole('link', { name: 'Tilbake til planen' }).click();
	await expect(page.locator('.plan-detail .badge').first()).not.toHaveText('Vurdert');
});

test('search and filter plans by text, group, learning area, status and tool', async ({ page }) => {
	await page.getByRole('link', { name: 'Planer', exact: true }).click();
	const count = page.locator('.result-count');
	await expect(count).toHaveText(/^\d+ planer$/);
	const total = Number((await count.textContent())?.split(' ')[0]);

	await page.getByLabel('Søk i planer').fill('stopmotion snegla');
	await expect(page.locator('.plan-card').first()).toContainText('Stopmotion');
	const stop = Number((await count.textContent())?.split(' ')[0]);
	expect(stop).toBeGreaterThan(0);
	expect(stop).toBeLessThan(total);
	await expectEach(page.locator('.plan-card-title'), 'Stopmotion', count);

	await page.getByLabel('Søk i planer').fill('');
	await page.getByLabel('Verktøy', { exact: true }).selectOption('Cubetto');
	await expect(count).not.toHaveText(`${total} planer`);
	await expectEach(page.locator('.plan-card-title'), 'Cubetto', count);
	await page.getByRole('button', { name: 'Nullstill filter' }).click();
	await expect(count).toHaveText(`${total} planer`);

	await page.getByLabel('Avdeling').selectOption({ label: 'Knøttene' });
	await page.getByLabel('Fagområde').selectOption({ label: 'Kunst, kultur og kreativitet' });
	await expect(page.getByText('Ingen planer passer til søket.')).toBeVisible();

	await page.getByRole('button', { name: 'Nullstill filter' }).click();
	await page.getByLabel('Status').selectOption({ label: 'Utkast' });
	await expect(count).not.toHaveText(`${total} planer`);
	await expectEach(page.locator('.plan-card .badge'), /^\s*Utkast\s*$/);
	// Filters are in the address, so a reload keeps them.
	await page.reload();
	await expect(page.getByLabel('Status')).toHaveValue('draft');
});

test('what is typed survives the tablet being closed before saving', async ({ page, context }) => {
	const before = await storedPlanCount(page);
	await page.goto('/plans/new');
	await page.getByLabel('Tittel').fill('Halvskrevet plan');
	await page.getByLabel('Beskrivelse').fill('Vi skal bygge en labyrint av');
	await expect(page.getByText('Utkast lagret på nettbrettet')).toBeVisible();
	await page.close();

	const tablet = await context.newPage();
	await tablet.goto('/plans/new');
	await expect(tablet.getByText('Vi hentet fram det du skrev sist')).toBeVisible();
	await expect(tablet.getByLabel('Tittel')).toHaveValue('Halvskrevet plan');
	await expect(tablet.getByLabel('Beskrivelse')).toHaveValue('Vi skal bygge en labyrint av');
	// A draft is not a plan until it is saved.
	expect(await storedPlanCount(tablet)).toBe(before);

	await tablet.getByRole('checkbox', { name: 'Antall, rom og form' }).check();
	await tablet.getByRole('button', { name: 'Lagre plan' }).click();
	await expect(tablet.getByRole('heading', { level: 1, name: 'Halvskrevet plan' })).toBeVisible();
	expect(await storedPlanCount(tablet)).toBe(before + 1);
	// Saved: the draft is gone, so a new plan starts empty.
	await tablet.goto('/plans/new');
	await expect(tablet.getByLabel('Tittel')).toHaveValue('');
	await expect(tablet.getByText('Vi hentet fram det du skrev sist')).toHaveCount(0);
});

test('starting empty names the kindergarten and its first group', async ({ browser }) => {
	const context = await browser.newContext();
	const page = await context.newPage();
	await page.goto('/');
	await page.getByRole('button', { name: 'Start tomt' }).click();
	await expect(page.locator('#kindergarten-name-error')).toHaveText(/Fyll ut dette feltet/);
	await expect(page.locator('#welcome-group-name-error')).toHaveText(/Fyll ut dette feltet/);
	await page.getByLabel('Barnehagens navn').fill('Tussebo barnehage');
	await page.getByLabel('Avdelingens navn').fill('Blåklokka');
	await page.getByLabel('Yngste barn (år)').selectOption('3');
	await page.getByLabel('Eldste barn (år)').selectOption('2');
	await page.getByRole('button', { name: 'Start tomt' }).click();
	await expect(page.locator('#welcome-group-age-max-error')).toHaveText(
		/Eldste alder må være høyere/
	);
	await page.getByLabel('Eldste barn (år)').selectOption('5');
	await page.getByRole('button', { name: 'Start tomt' }).click();
	await expect(
		page.getByRole('heading', { level: 1, name: /^Uke \d+ for Blåklokka$/ })
	).toBeVisible();
	await context.close();
});
