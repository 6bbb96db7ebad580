import { expect, test, type Page } from '@playwright/test';
import { fillMinimalPlan, startWithDemo, storedPlanCount } from './fixtures';

const LONG = 'x'.repeat(10_000);
/** A synthetic but well-formed fødselsnummer (valid check digits). */
const PERSONAL_NUMBER = '15076500565';

test.beforeEach(async ({ page }) => {
	await startWithDemo(page);
});

/**
 * Fills a valid plan, applies one bad input, saves, and expects the message beside the field
 * and nothing stored.
 */
async function expectRefused(
	page: Page,
	spoil: (page: Page) => Promise<void>,
	errorId: string,
	message: RegExp
) {
	const before = await storedPlanCount(page);
	await page.goto('/plans/new');
	await fillMinimalPlan(page, 'Gyldig tittel');
	await spoil(page);
	await page.getByRole('button', { name: 'Lagre plan' }).click();
	await expect(page.locator(`#${errorId}`)).toHaveText(message);
	await expect(page.getByRole('alert').filter({ hasText: 'Planen ble ikke lagret' })).toBeVisible();
	await expect(page).toHaveURL(/\/plans\/new$/);
	expect(await storedPlanCount(page)).toBe(before);
}

const cases: Array<[string, (page: Page) => Promise<void>, string, RegExp]> = [
	['empty title', (p) => p.getByLabel('Tittel').fill(''), 'plan-title-error', /Fyll ut/],
	['blank title', (p) => p.getByLabel('Tittel').fill('    '), 'plan-title-error', /Fyll ut/],
	[
		'10,000-character title',
		(p) => p.getByLabel('Tittel').fill(LONG),
		'plan-title-error',
		/høyst 120 tegn/
	],
	['empty date', (p) => p.getByLabel('Dato').fill(''), 'plan-date-error', /Fyll ut/],
	['empty start', (p) => p.getByLabel('Starter').fill(''), 'plan-start-error', /Fyll ut/],
	[
		'end before start',
		async (p) => {
			await p.getByLabel('Starter').fill('10:00');
			await p.getByLabel('Slutter').fill('09:30');
		},
		'plan-end-error',
		/Slutt må være etter start/
	],
	[
		'end equal to start',
		async (p) => {
			await p.getByLabel('Starter').fill('10:00');
			await p.getByLabel('Slutter').fill('10:00');
		},
		'plan-end-error',
		/Slutt må være etter start/
	],
	[
		'10,000-character goals',
		(p) => p.getByLabel('Mål').fill(LONG),
		'plan-goals-error',
		/høyst 2000 tegn/
	],
	[
		'10,000-character description',
		(p) => p.getByLabel('Beskrivelse').fill(LONG),
		'plan-description-error',
		/høyst 4000 tegn/
	],
	[
		'no learning area',
		(p) => p.getByRole('checkbox', { name: 'Natur, miljø og teknologi' }).uncheck(),
		'plan-areas-error',
		/Velg minst ett fagområde/
	],
	[
		'10,000-character tool',
		(p) => p.getByLabel('Verktøy').fill(LONG),
		'plan-tools-error',
		/høyst 60 tegn/
	],
	[
		'negative screen minutes',
		(p) => p.getByLabel('Skjermminutter').fill('-5'),
		'plan-screen-minutes-error',
		/Kan ikke være negativt/
	],
	[
		'fractional screen minutes',
		(p) => p.getByLabel('Skjermminutter').fill('2.5'),
		'plan-screen-minutes-error',
		/helt tall/
	],
	[
		'empty screen minutes',
		(p) => p.getByLabel('Skjermminutter').fill(''),
		'plan-screen-minutes-error',
		/Fyll ut/
	],
	[
		'screen minutes longer than the activity',
		(p) => p.getByLabel('Skjermminutter').fill('90'),
		'plan-screen-minutes-error',
		/flere enn aktivitetens varighet/
	],
	[
		'photographed without consent',
		async (p) => {
			await p.getByRole('checkbox', { name: 'Barn blir fotografert eller filmet' }).check();
			await p.getByLabel('Hvor lagres bilder og film?').fill('Godkjent lagring');
		},
		'plan-consent-error',
		/uten samtykke/
	],
	[
		'photographed with no storage named',
		async (p) => {
			await p.getByRole('checkbox', { name: 'Barn blir fotografert eller filmet' }).check();
			await p.getByRole('checkbox', { name: /Samtykke til denne situasjonen/ }).check();
		},
		'plan-storage-error',
		/Skriv hvor/
	],
	[
		'10,000-character storage',
		(p) => p.getByLabel('Hvor lagres bilder og film?').fill(LONG),
		'plan-storage-error',
		/høyst 1000 tegn/
	],
	[
		'10,000-character privacy notes',
		(p) => p.getByLabel('Merknader om personvern').fill(LONG),
		'plan-privacy-notes-error',
		/høyst 1000 tegn/
	],
	[
		'evaluated without an evaluation',
		async (p) => {
			await p.getByLabel('Status').selectOption('evaluated');
		},
		'plan-status-error',
		/Skriv vurderingen/
	],
	[
		'a personal identity number in free text',
		(p) => p.getByLabel('Mål').fill(`Ole, fnr ${PERSONAL_NUMBER}, skal være med`),
		'plan-goals-error',
		/fødselsnummer/
	]
];

for (const [name, spoil, errorId, message] of cases) {
	test(`plan form refuses ${name}`, async ({ page }) => {
		await expectRefused(page, spoil, errorId, message);
	});
}

test('a fixed field clears its message as the person types', async ({ page }) => {
	await page.goto('/plans/new');
	await page.getByRole('button', { name: 'Lagre plan' }).click();
	await expect(page.locator('#plan-title-error')).toBeVisible();
	await page.getByLabel('Tittel').fill('Nå med tittel');
	await expect(page.locator('#plan-title-error')).toHaveCount(0);
	await expect(page.getByLabel('Tittel')).not.toHaveAttribute('aria-invalid', 'true');
});

test('evaluation form refuses an empty and a 10,000-character answer', async ({ page }) => {
	await page.goto('/plans?status=evaluated');
	await page.locator('.plan-card a').first().click();
	await page.getByRole('link', { name: 'Skriv vurdering' }).click();
	const detail = page.url().replace(/\/evaluate$/, '');

	await page.getByLabel('Hva fungerte?').fill('');
	await page.getByRole('button', { name: 'Lagre vurdering' }).click();
	await expect(page.locator('#evaluation-whatWorked-error')).toHaveText(/Fyll ut/);
	await expect(page.getByLabel('Hva fungerte?')).toBeFocused();

	await page.getByLabel('Hva fungerte?').fill('Fint');
	await page.getByLabel('Hva følger vi opp?').fill(LONG);
	await page.getByRole('button', { name: 'Lagre vurdering' }).click();
	await expect(page.locator('#evaluation-followUp-error')).toHaveText(/høyst 2000 tegn/);
	await page.goto(detail);
	await expect(page.getByText(LONG.slice(0, 50))).toHaveCount(0);
});

test('settings refuse an empty kindergarten name and a bad group', async ({ page }) => {
	await page.goto('/settings');
	await page.getByLabel('Barnehagens navn').fill('');
	await page.getByRole('button', { name: 'Lagre navn' }).click();
	await expect(page.locator('#settings-kindergarten-name-error')).toHaveText(/Fyll ut/);

	await page.getByLabel('Avdelingens navn').fill(LONG);
	await page.getByRole('button', { name: 'Lagre avdeling' }).click();
	await expect(page.locator('#group-form-name-error')).toHaveText(/høyst 80 tegn/);
	await expect(page.locator('.group-list li')).toHaveCount(3);

	// A group with plans cannot be deleted: that would orphan its plans.
	await page.getByRole('button', { name: 'Slett Knøttene' }).click();
	await expect(page.getByRole('alert')).toHaveText(/kan ikke slettes/);
	await expect(page.locator('.group-list li')).toHaveCount(3);

	await page.reload();
	await expect(page.getByLabel('Barnehagens navn')).toHaveValue('Solsikken barnehage');
});
