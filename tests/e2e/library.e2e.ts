import { expect, test, type Page } from '@playwright/test';
import {
	expectEach,
	expectNoAxeViolations,
	expectTouchTargets,
	startWithDemo,
	storedPlanCount,
	waitForServiceWorker
} from './fixtures';

test.beforeEach(async ({ page }) => {
	await startWithDemo(page);
});

async function openLibrary(page: Page) {
	await page.getByRole('link', { name: 'Aktiviteter', exact: true }).click();
	await expect(page.locator('.result-count')).toHaveText(/^\d+ aktiviteter$/);
}

const count = async (page: Page) =>
	Number((await page.locator('.result-count').textContent())?.split(' ')[0]);

test('browse and filter the library by toy, age, indoors or outdoors, learning area and text', async ({
	page
}) => {
	await openLibrary(page);
	const total = await count(page);
	expect(total).toBeGreaterThanOrEqual(20);

	await page.getByLabel('Leke eller verktøy').selectOption('cubetto');
	await expect(page.locator('.activity-card')).not.toHaveCount(total);
	await expectEach(
		page.locator('.activity-card .plan-card-meta'),
		'Cubetto',
		page.locator('.result-count')
	);

	await page.getByRole('button', { name: 'Nullstill filter' }).click();
	await page.getByLabel('Inne eller ute').selectOption('outdoor');
	await expect(page.getByRole('link', { name: /Skattejakt på kritt-rutenett ute/ })).toBeVisible();
	await expect(page.getByRole('link', { name: /Bee-Bot på tallinja/ })).toHaveCount(0);

	await page.getByRole('button', { name: 'Nullstill filter' }).click();
	await page.getByLabel('Alder').selectOption('2');
	await expect(page.getByRole('link', { name: /Den voksne er roboten/ })).toBeVisible();
	await expect(page.getByRole('link', { name: /Bee-Bot/ })).toHaveCount(0);

	await page.getByRole('button', { name: 'Nullstill filter' }).click();
	await page.getByLabel('Fagområde').selectOption('ethics');
	expect(await count(page)).toBeLessThan(total);

	await page.getByRole('button', { name: 'Nullstill filter' }).click();
	await page.getByLabel('Søk i aktiviteter').fill('labyrint');
	await expect(page.getByRole('link', { name: /Lag en labyrint til vennene dine/ })).toBeVisible();
	expect(await count(page)).toBeLessThan(total);
});

test('plan from a coding-toy activity: a prefilled plan for the group', async ({ page }) => {
	await openLibrary(page);
	await page.getByRole('link', { name: /Bee-Bot på tallinja/ }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Bee-Bot på tallinja' })).toBeVisible();
	await page.getByRole('link', { name: 'Planlegg denne' }).click();

	await expect(page.getByText('Fylt ut fra aktiviteten «Bee-Bot på tallinja»')).toBeVisible();
	await expect(page.getByLabel('Tittel')).toHaveValue('Bee-Bot på tallinja');
	await expect(page.getByLabel('Verktøy')).toHaveValue('Bee-Bot');
	await expect(page.getByLabel('Skjermbruk')).toHaveValue('screenFree');
	await expect(page.getByRole('checkbox', { name: 'Antall, rom og form' })).toBeChecked();
	await page.getByRole('button', { name: 'Lagre plan' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Bee-Bot på tallinja' })).toBeVisible();
	await expect(page.locator('.plan-detail .badge').first()).toHaveText('Planlagt');
});

test('"plan this" picks a group the activity suits, not the toddlers for a 4–6 activity', async ({
	page
}) => {
	await page.getByLabel('Avdeling').selectOption({ label: 'Knøttene (1–3 år)' });
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(/for Knøttene$/);
	await page.goto('/library/blue-bot-neighbourhood-map');
	await page.getByRole('link', { name: 'Planlegg denne' }).click();
	await expect(page.getByLabel('Tittel')).toHaveValue('Blue-Bot på tur i nærmiljøet');
	// «Mål» holds the activity's goals, not the questions to talk about with the children.
	const goals = page.getByRole('textbox', { name: 'Mål', exact: true });
	await expect(goals).toHaveValue(/^Kjenne igjen og tegne steder i nærmiljøet/);
	await expect(goals).toHaveValue(/\nBruke ord for retning og plassering/);
	await expect(goals).not.toHaveValue(/\?/);
	await expect(page.getByLabel('Avdeling')).toHaveValue(
		await page
			.getByLabel('Avdeling')
			.locator('option', { hasText: 'Ørneredet (5–6 år)' })
			.getAttribute('value')
			.then((v) => v ?? '')
	);
	await expect(page.locator('.editor-guidance')).not.toContainText('under 2 år');
});

test('the stop-motion series form, too, picks a group the activity suits', async ({ page }) => {
	const chosen = page.locator('#series-group option:checked');
	const planSeries = async (activity: string) => {
		await page.goto(`/library/${activity}`);
		await page.getByRole('link', { name: 'Planlegg denne' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Planlegg «/);
	};
	// From the toddlers (1–3 år): a 4–6 project goes to the group it suits, a 3–6 one to the
	// first group it suits.
	await page.getByLabel('Avdeling').selectOption({ label: 'Knøttene (1–3 år)' });
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(/for Knøttene$/);
	await planSeries('stop-motion-counting-film');
	await expect(chosen).toHaveText('Ørneredet (5–6 år)');
	await planSeries('stop-motion-plasticine-animals');
	await expect(chosen).toHaveText('Humla (3–5 år)');

	// A group the project suits stays chosen.
	await page.goto('/');
	await page.getByLabel('Avdeling').selectOption({ label: 'Humla (3–5 år)' });
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(/for Humla$/);
	await planSeries('stop-motion-counting-film');
	await expect(chosen).toHaveText('Humla (3–5 år)');
});

test('a stop-motion series lands on opening days only, and shows its dates first', async ({
	page
}) => {
	await page.goto('/library/stop-motion-plasticine-animals/plan');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Planlegg «/);
	// The case: from Wednesday 2 December 2026, every other day, the sessions once fell
	// on Sunday 6 and Saturday 12 December.
	await page.getByLabel('Første økt').fill('2026-12-02');
	await page.getByLabel('Hvor ofte').selectOption('2');
	const sessions = page.getByRole('region', { name: 'Øktene' }).getByRole('listitem');
	const expected = [
		'Onsdag 2.',
		'Fredag 4.',
		'Tirsdag 8.',
		'Torsdag 10.',
		'Mandag 14.',
		'Onsdag 16.'
	];
	await expect(sessions).toHaveCount(expected.length);
	for (const [i, day] of expected.entries()) {
		await expect(sessions.nth(i)).toContainText(day);
	}
	await expect(sessions.filter({ hasText: /Lørdag|Søndag/ })).toHaveCount(0);

	// Christmas: from 23 December every day skips the 25th, 26th and the weekend.
	await page.getByLabel('Første økt').fill('2026-12-23');
	await page.getByLabel('Hvor ofte').selectOption('1');
	await expect(sessions.nth(2)).toContainText('Mandag 28.');
	await expect(sessions.filter({ hasText: /Fredag 25\.|Lørdag|Søndag/ })).toHaveCount(0);
});

test('plan from a stop-motion activity: one plan per phase with a role rota, no names', async ({
	page
}) => {
	const before = await storedPlanCount(page);
	await page.goto('/library/stop-motion-plasticine-animals');
	await page.getByRole('link', { name: 'Planlegg denne' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Planlegg «/);

	await page.getByLabel('Antall barn').fill('0');
	await page.getByRole('button', { name: /^Lag \d+ planer$/ }).click();
	await expect(page.locator('#series-children-error')).toHaveText(/minst 1/);
	expect(await storedPlanCount(page)).toBe(before);

	await page.getByLabel('Avdeling').selectOption({ label: 'Humla (3–5 år)' });
	await page.getByLabel('Antall barn').fill('6');
	await page.getByLabel('Hvor ofte').selectOption('1');
	const rota = page.getByRole('table', { name: 'Rolleplan for 6 barn' });
	await expect(rota.getByRole('row')).toHaveCount(7);
	await expect(rota.getByRole('columnheader')).toHaveText([
		'Barn',
		'Runde 1',
		'Runde 2',
		'Runde 3',
		'Runde 4'
	]);
	// Every child gets every role over the turns.
	for (let child = 1; child <= 6; child++) {
		const cells = await rota
			.getByRole('row', { name: new RegExp(`^Barn ${child} `) })
			.getByRole('cell')
			.allTextContents();
		expect([...cells].sort()).toEqual(['Animatør', 'Fotograf', 'Knappetrykker', 'Lyd']);
	}
	await page.getByRole('button', { name: 'Lag 6 planer' }).click();
	await expect(page.getByRole('status').filter({ hasText: '6 planer er lagret.' })).toBeVisible();
	expect(await storedPlanCount(page)).toBe(before + 6);
	// The week view shows the group the series was made for, with its first session in view.
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(/for Humla$/);
	await expect(page).toHaveURL(/[?&]group=/);
	await expect(page.locator('.plan-card', { hasText: 'Plastelinadyr' }).first()).toBeVisible();

	await page.getByRole('link', { name: 'Planer', exact: true }).click();
	await page.getByLabel('Søk i planer').fill('plastelinadyr');
	await expect(page.locator('.plan-card')).toHaveCount(6);
	await page.locator('.plan-card a', { hasText: '(4/6)' }).click();
	await expect(page.getByText('Økt 4 av 6: Animering.')).toBeVisible();
	// Every session's goals are the activity's goals, not its questions.
	await expect(page.locator('.plan-detail')).toContainText(
		'Forme dyr i plastelina og bli kjent med hvordan dyrene ser ut og beveger seg.'
	);
	await expect(page.getByRole('table', { name: 'Rolleplan for 6 barn' })).toBeVisible();
});

test('the guidance warns as screen time grows past it, and strongly for the youngest', async ({
	page
}) => {
	await page.getByLabel('Avdeling').selectOption({ label: 'Humla (3–5 år)' });
	await expect(page.locator('.week-summary')).toContainText('Innenfor skjermrådene');

	// A long passive session: the editor shows the day's result as it is typed.
	await page.getByRole('link', { name: /^Ny plan Mandag/ }).click();
	await page.getByLabel('Tittel').fill('Filmdag');
	await page.getByRole('checkbox', { name: 'Kunst, kultur og kreativitet' }).check();
	await page.getByLabel('Starter').fill('09:00');
	await page.getByLabel('Slutter').fill('12:30');
	await page.getByLabel('Skjermbruk').selectOption('passive');
	await page.getByLabel('Skjermminutter').fill('45');
	const editorNote = page.locator('.editor-guidance');
	// 45 of 60 real minutes: within the sources' limit; "near" is Lekeplan's own view.
	await expect(editorNote).toContainText(
		'Innenfor skjermrådene, men nær grensen etter Lekeplans syn'
	);
	await expect(editorNote).toContainText('Nær grensen: fra 75 % av kildens grense.');
	await expect(editorNote).toContainText('Helsedirektoratet');
	await page.getByLabel('Skjermminutter').fill('200');
	await expect(editorNote).toContainText('Over skjermrådene');
	// Nothing is forbidden: staff decide.
	await page.getByRole('button', { name: 'Lagre plan' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Filmdag' })).toBeVisible();

	await page.getByRole('link', { name: 'Uke', exact: true }).click();
	// The sources' limits are daily: a week with a day over is over.
	await expect(page.locator('.week-summary')).toContainText('Over skjermrådene');
	await expect(page.locator('.week-summary')).toContainText(
		'1 dag er over kildens grense på 60 min om dagen.'
	);
	await expect(page.locator('.day').first()).toContainText('Over skjermrådene');

	await page.getByRole('link', { name: /^Ny plan Tirsdag/ }).click();
	await page.getByLabel('Tittel').fill('Filmdag igjen');
	await page.getByRole('checkbox', { name: 'Kunst, kultur og kreativitet' }).check();
	await page.getByLabel('Starter').fill('09:00');
	await page.getByLabel('Slutter').fill('12:00');
	await page.getByLabel('Skjermbruk').selectOption('passive');
	await page.getByLabel('Skjermminutter').fill('150');
	await page.getByRole('button', { name: 'Lagre plan' }).click();
	await page.getByRole('link', { name: 'Uke', exact: true }).click();
	await expect(page.locator('.week-summary')).toContainText('Over skjermrådene');
	await expect(page.locator('.week-summary')).toContainText(
		'2 dager er over kildens grense på 60 min om dagen.'
	);

	// The youngest group: any screen use gets the strong warning.
	await page.getByLabel('Avdeling').selectOption({ label: 'Knøttene (1–3 år)' });
	await page.getByRole('link', { name: /^Ny plan Onsdag/ }).click();
	await page.getByLabel('Skjermbruk').selectOption('creative');
	await page.getByLabel('Skjermminutter').fill('5');
	await expect(editorNote).toContainText('Over skjermrådene: skjerm frarådes for barn under 2 år');
	await expect(editorNote).toContainText('fraråder skjerm for barn under 2 år');
	await page.getByLabel('Skjermbruk').selectOption('screenFree');
	await expect(editorNote).toContainText('Innenfor skjermrådene');
});

test('the guidance page explains each age band with sources, in nynorsk too', async ({ page }) => {
	await page.getByRole('link', { name: 'Skjermråd', exact: true }).click();
	await expect(
		page.getByRole('heading', { level: 1, name: 'Skjermråd for barnehagen' })
	).toBeVisible();
	// One band at a time, each picked from the band picker.
	for (const band of ['0–1 år', '1–2 år', '2–3 år', '3–4 år', '4–5 år', '5–6 år']) {
		await page.getByRole('radio', { name: band, exact: true }).check();
		await expect(page.getByRole('heading', { level: 2, name: band })).toBeVisible();
		await expect(page.getByRole('table', { name: `Hva kildene sier for ${band}` })).toBeVisible();
	}
	await expect(page.getByText('må sjekkes').first()).toBeVisible();
	await expect(page.getByRole('link', { name: /WHO: Guidelines/ }).first()).toHaveAttribute(
		'href',
		/^https:\/\/www\.who\.int\//
	);

	await page.getByLabel('Språk').first().selectOption('nn');
	await expect(page.locator('html')).toHaveAttribute('lang', 'nn');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Skjermråd for barnehagen');
	await expect(
		page.getByText('Ein skjerm er ikkje berre ein skjerm', { exact: false }).first()
	).toBeVisible();
	await page.getByRole('radio', { name: '3–4 år', exact: true }).check();
	await expect(page.getByRole('group', { name: 'Vis råda for' })).toBeVisible();
	await expect(page.getByRole('heading', { level: 2, name: '3–4 år' })).toBeVisible();
	await expect(page.getByRole('heading', { level: 2, name: 'Kjelder' })).toHaveCount(1);
	await expectNoAxeViolations(page);
});

test('own activities: write one, copy a built-in one to adapt, plan from it', async ({ page }) => {
	await page.goto('/library/new');
	await page.getByRole('button', { name: 'Lagre aktivitet' }).click();
	await expect(page.locator('#activity-title-error')).toHaveText(/Fyll ut/);
	await expect(page.locator('#activity-steps-error')).toHaveText(/Fyll ut/);

	await page.getByLabel('Tittel').fill('Robotdans i gymsalen');
	await page.getByLabel('Kort beskrivelse').fill('Barna lager en dans med pilkort.');
	await page
		.getByRole('textbox', { name: 'Mål', exact: true })
		.fill('Følge en rekkefølge med kroppen\nBytte på å lede');
	await page.getByLabel('Materiell').fill('Pilkort\nMusikk');
	await page.getByLabel('Slik gjør dere').fill('Legg ut kortene.\nDans etter kortene.');
	await page.getByLabel('Snakk med barna om').fill('Hvilken rekkefølge?');
	await page.getByLabel('Tips til de ansatte').fill('Start med tre kort.');
	await page.getByRole('textbox', { name: 'Personvern' }).fill('Ingen bilder.');
	await page.getByLabel('Yngste barn (år)').fill('5');
	await page.getByLabel('Eldste barn (år)').fill('4');
	await page.getByRole('checkbox', { name: 'Kropp, bevegelse, mat og helse' }).check();
	await page.getByRole('button', { name: 'Lagre aktivitet' }).click();
	await expect(page.locator('#activity-ageMax-error')).toHaveText(/Eldste alder må være høyere/);
	await page.getByLabel('Eldste barn (år)').fill('6');
	await page.getByRole('button', { name: 'Lagre aktivitet' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Robotdans i gymsalen' })).toBeVisible();
	await expect(page.locator('.badge.own')).toHaveText('Vår barnehage');
	await expect(page.getByRole('region', { name: 'Mål' }).getByRole('listitem')).toHaveText([
		'Følge en rekkefølge med kroppen',
		'Bytte på å lede'
	]);

	await page.goto('/library/bee-bot-number-line');
	await page.getByRole('link', { name: 'Lag en kopi å tilpasse' }).click();
	await expect(page.getByLabel('Tittel')).toHaveValue('Bee-Bot på tallinja');
	// The copy keeps the built-in activity's goals, to adapt with the rest.
	await expect(page.getByRole('textbox', { name: 'Mål', exact: true })).toHaveValue(
		/^Telle steg og koble ett trykk til ett steg/
	);
	await page.getByLabel('Tittel').fill('Bee-Bot på vår tallinje');
	await page.getByRole('button', { name: 'Lagre aktivitet' }).click();
	await expect(
		page.getByRole('heading', { level: 1, name: 'Bee-Bot på vår tallinje' })
	).toBeVisible();

	await openLibrary(page);
	await page.getByLabel('Søk i aktiviteter').fill('tallinj');
	await expect(page.locator('.activity-card')).toHaveCount(2);
	await expect(
		page.locator('.activity-card', { hasText: 'Bee-Bot på vår tallinje' }).locator('.badge.own')
	).toBeVisible();

	await page
		.getByRole('link', { name: /Robotdans|Bee-Bot på vår tallinje/ })
		.first()
		.click();
	await page.getByRole('link', { name: 'Planlegg denne' }).click();
	await expect(page.getByLabel('Tittel')).not.toHaveValue('');
	await page.getByRole('button', { name: 'Lagre plan' }).click();
	await expect(page.locator('.plan-detail')).toBeVisible();
});

test('the library in nynorsk loads the nynorsk texts, not the bokmål or English ones', async ({
	page
}) => {
	await page.getByLabel('Språk').first().selectOption('nn');
	await expect(page.locator('html')).toHaveAttribute('lang', 'nn');
	// Every script the page loads from here on, with its text (the chunks' names are hashes).
	const scripts: Promise<string>[] = [];
	page.on('response', (response) => {
		if (response.url().endsWith('.js')) scripts.push(response.text().catch(() => ''));
	});
	await page.getByRole('link', { name: 'Aktivitetar', exact: true }).click();
	await expect(page.locator('.result-count')).toHaveText(/^\d+ aktivitetar$/);
	await expect(
		page.getByRole('link', { name: 'Bee-Bot på eventyrtur: Dei tre bukkane Bruse' })
	).toBeVisible();
	const loaded = await Promise.all(scripts);
	expect(loaded.some((js) => js.includes('Dei tre bukkane Bruse'))).toBe(true);
	expect(loaded.some((js) => js.includes('De tre bukkene Bruse'))).toBe(false);
	expect(loaded.some((js) => js.includes('The Three Billy Goats Gruff'))).toBe(false);
	// Nothing is marked as not yet translated in a language the app ships.
	await expect(page.getByText('Ikkje omsett enno')).toHaveCount(0);
});

test('the library works offline', async ({ page, context }) => {
	await waitForServiceWorker(page);
	await context.setOffline(true);
	await page.goto('/library');
	await expect(page.locator('.result-count')).toHaveText(/^\d+ aktiviteter$/);
	await page.getByLabel('Leke eller verktøy').selectOption('robot-mouse');
	await page.getByRole('link', { name: /Robotmusa finner osten/ }).click();
	await page.getByRole('link', { name: 'Planlegg denne' }).click();
	await page.getByRole('button', { name: 'Lagre plan' }).click();
	await expect(
		page.getByRole('heading', { level: 1, name: 'Robotmusa finner osten' })
	).toBeVisible();
	await page.goto('/guidance');
	await expect(
		page.getByRole('heading', { level: 1, name: 'Skjermråd for barnehagen' })
	).toBeVisible();
});

test('library and guidance pages: zero axe violations and 44 px targets', async ({ page }) => {
	// Many pages, each through axe-core: on a busy 2-core machine this takes over a minute.
	test.slow();
	const check = async () => {
		await expectNoAxeViolations(page);
		await expectTouchTargets(page);
	};
	await page.goto('/library');
	await expect(page.locator('.activity-card').first()).toBeVisible();
	await check();
	await page.goto('/library/cubetto-first-journey');
	await expect(page.getByRole('link', { name: 'Planlegg denne' })).toBeVisible();
	await check();
	await page.goto('/library/stop-motion-plasticine-animals');
	await expect(page.getByRole('link', { name: 'Planlegg denne' })).toBeVisible();
	await check();
	await page.getByRole('link', { name: 'Planlegg denne' }).click();
	await expect(page.getByRole('table')).toBeVisible();
	await check();
	await page.getByRole('button', { name: /^Lag \d+ planer$/ }).click();
	await expect(page.getByRole('status').filter({ hasText: 'planer er lagret' })).toBeVisible();
	await check(); // week with guidance notes
	await page.goto('/library/new');
	await page.getByRole('button', { name: 'Lagre aktivitet' }).click();
	await expect(page.locator('#activity-title-error')).toBeVisible();
	await check();
	await page.goto('/guidance');
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	await check();
	await page.goto('/library/no-such-activity');
	await expect(page.getByRole('heading', { name: 'Fant ikke aktiviteten.' })).toBeVisible();
	await check();
});
