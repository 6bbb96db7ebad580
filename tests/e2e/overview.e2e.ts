import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations, expectTouchTargets, plannerTablet } from './fixtures';

/**
 * Issue 15, the manager's desk: the kindergarten's overview for a period. A manager plans two
 * activities in a week of their own (a past week drawn for this run, so the server's other
 * plans stay out of it), evaluates one, and reads the figures: totals, learning areas, screen
 * use, what to follow up; opens the plans behind a figure; downloads a table as CSV. Staff are
 * told the page is the manager's.
 */

const STAFF = 'ansatt@demo.lekeplan.no';
const MANAGER = 'styrer@demo.lekeplan.no';

/** A Monday between 2001 and 2020 for this run, and the week's Sunday. */
function pastWeek(): { monday: string; sunday: string; tuesday: string } {
	const day = (n: number) =>
		new Date(Date.UTC(2001, 0, 1) + n * 86_400_000).toISOString().slice(0, 10);
	const week = Math.floor(Math.random() * 1000) * 7; // 2001-01-01 is a Monday
	return { monday: day(week), tuesday: day(week + 1), sunday: day(week + 6) };
}

async function planFrom(page: Page, activity: string, date: string, title: string) {
	await page.goto(`/plans/new?activity=${activity}&date=${date}`);
	await expect(page.getByLabel('Tittel')).not.toHaveValue('');
	await page.getByLabel('Tittel').fill(title);
	await page.getByRole('button', { name: 'Lagre plan' }).click();
	await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
	return new URL(page.url()).pathname;
}

test('the manager’s overview: figures, the plans behind one, a table as CSV', async ({
	browser
}) => {
	test.slow();
	const { monday, tuesday, sunday } = pastWeek();
	const tag = Date.now().toString(36);
	const manager = await plannerTablet(browser, MANAGER);

	// Two plans of the week: a screen-free Bee-Bot session, evaluated with something to follow
	// up, and a Blue-Bot session with ten minutes of an interactive app.
	const beeBot = `Tallinje ${tag}`;
	const beeBotPath = await planFrom(manager, 'bee-bot-number-line', monday, beeBot);
	await manager.goto(`${beeBotPath}/evaluate`);
	await manager.getByLabel('Hva fungerte?').fill('Alle fikk styre roboten.');
	await manager.getByLabel('Hva følger vi opp?').fill(`Lengre tallinje neste gang ${tag}`);
	await manager.getByRole('button', { name: 'Lagre vurdering' }).click();
	await expect(
		manager.getByRole('status').filter({ hasText: 'Vurderingen er lagret.' })
	).toBeVisible();
	const blueBot = `Blue-Bot med app ${tag}`;
	await planFrom(manager, 'blue-bot-tablet-app', tuesday, blueBot);

	// The overview is in the manager's navigation; the period is in the address.
	await manager.goto('/');
	await manager.getByRole('link', { name: 'Oversikt' }).click();
	await expect(
		manager.getByRole('heading', { level: 1, name: 'Barnehagens digitale praksis' })
	).toBeVisible();
	await manager.getByLabel('Fra', { exact: true }).fill(monday);
	await manager.getByLabel('Til', { exact: true }).fill(sunday);
	await expect(manager).toHaveURL(new RegExp(`from=${monday}&to=${sunday}`));

	const totals = manager.getByTestId('overview-totals');
	await expect(totals).toContainText('Planlagt: 2');
	await expect(totals).toContainText('Gjennomført: 1');
	await expect(totals).toContainText('Vurdert: 1');
	await expect(manager.getByTestId('overview-shares')).toContainText(
		'Skjermfri digital lek: 50 % av planene.'
	);
	await expect(manager.getByTestId('overview-evaluated')).toHaveText(
		'1 av 1 gjennomførte planer er vurdert.'
	);
	await expect(manager.getByTestId('overview-follow-ups')).toContainText(
		`«Lengre tallinje neste gang ${tag}»`
	);
	// The learning areas' table beside the chart: both plans serve "Antall, rom og form".
	const areas = manager.getByRole('table', { name: /^Planlagt og gjennomført per fagområde/ });
	const quantities = areas.getByRole('row', { name: /^Antall, rom og form/ });
	await expect(quantities.getByRole('cell')).toHaveText(['2', '1']);
	// The chart says the same in its text alternative.
	await expect(
		manager.getByRole('img', {
			name: /^Planlagt og gjennomført per fagområde:.*Antall, rom og form 2 planlagt, 1 gjennomført/
		})
	).toBeVisible();
	await expectNoAxeViolations(manager);
	await expectTouchTargets(manager);

	// CSV of the screen-use table: the same figures, in the browser, no server needed.
	const [download] = await Promise.all([
		manager.waitForEvent('download'),
		manager.getByRole('button', { name: 'Last ned som CSV: Planer per type skjermbruk' }).click()
	]);
	expect(download.suggestedFilename()).toBe(`lekeplan-skjermbruk-${monday}-${sunday}.csv`);
	const csv = readFileSync(await download.path(), 'utf8');
	expect(csv.split('\r\n')).toEqual([
		'\ufeffSkjermbruk,Planer,Andel av planene (%),Skjermminutter',
		'Passiv skjermtitting,0,0,0',
		'Interaktiv app,1,50,10',
		'Skapende produksjon,0,0,0',
		'Kommunikasjon,0,0,0',
		'Skjermfri digital lek,1,50,0',
		''
	]);

	// The plans behind a figure: the plan list with the filters that give exactly them.
	await quantities.getByRole('link', { name: /Planlagt: 2$/ }).click();
	await expect(manager).toHaveURL(
		new RegExp(`/plans\\?area=quantities&from=${monday}&to=${sunday}$`)
	);
	await expect(manager.getByLabel('Fagområde')).toHaveValue('quantities');
	await expect(manager.getByLabel('Fra dato')).toHaveValue(monday);
	await expect(manager.getByTestId('plan-results').locator('.plan-card-title')).toHaveText([
		blueBot,
		beeBot
	]);
	await manager.goBack();
	await manager.getByRole('link', { name: 'Åpne planene bak tallet: Vurdert: 1' }).click();
	await expect(manager.getByTestId('plan-results').locator('.plan-card-title')).toHaveText([
		beeBot
	]);

	// A period that ends before it starts: said beside the field, no figures.
	await manager.goto(`/overview?from=${sunday}&to=${monday}`);
	await expect(manager.locator('#overview-to-error')).toHaveText(
		'Til-datoen må være samme dag som fra-datoen eller senere.'
	);
	await expect(manager.getByTestId('overview-totals')).toHaveCount(0);

	// Staff have no overview in their navigation, and are told whose page it is.
	const staff = await plannerTablet(browser, STAFF);
	await expect(staff.getByRole('link', { name: 'Oversikt' })).toHaveCount(0);
	await staff.goto('/overview');
	await expect(staff.getByRole('alert')).toHaveText('Bare styreren ser barnehagens oversikt.');

	await staff.context().close();
	await manager.context().close();
});
