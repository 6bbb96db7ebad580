import { readFileSync } from 'node:fs';
import {
	expect,
	test,
	type APIRequestContext,
	type Browser,
	type BrowserContext
} from '@playwright/test';
import { expectNoAxeViolations, expectTouchTargets } from './fixtures';

/**
 * The competence figures a manager and an owner administrator see (issue 14, ADR 25), with
 * people who answered through the API: a kindergarten where four answered (hidden, and why)
 * and one where five did (shown). Each run makes its own kindergartens and people, so the
 * tests hold on a server other tests have used.
 */
const PASSWORD = 'lekeplan-demo';

interface Bank {
	version: number;
	items: Array<{ id: string; audience: string; retiredIn: string | null }>;
}
const bank = JSON.parse(
	readFileSync(
		new URL('../../src/lib/domain/competence/content/bank.json', import.meta.url),
		'utf8'
	)
) as Bank;

async function signedInContext(browser: Browser, email: string): Promise<BrowserContext> {
	const context = await browser.newContext({ locale: 'nb-NO' });
	const signIn = await context.request.post('/api/v1/auth/sign-in', {
		data: { email, password: PASSWORD }
	});
	expect(signIn.status()).toBe(200);
	return context;
}

/** A person invited by the owner admin, signed in in a context of their own. */
async function invited(
	browser: Browser,
	owner: APIRequestContext,
	kindergartenId: string,
	role: 'staff' | 'manager',
	name: string
): Promise<BrowserContext> {
	const made = await owner.post('/api/v1/invitations', {
		data: { role, kindergartenId, displayName: name }
	});
	expect(made.status()).toBe(201);
	const { invitation } = (await made.json()) as { invitation: { token: string } };
	const context = await browser.newContext({ locale: 'nb-NO' });
	const email = `${name.toLowerCase().replace(/[^a-z0-9]+/g, '.')}@example.no`;
	const accepted = await context.request.post('/api/v1/invitations/accept', {
		data: { token: invitation.token, email, password: PASSWORD }
	});
	expect(accepted.status()).toBe(201);
	return context;
}

/** Sends a staff member's answers for the period: every staff item in force, at one level. */
async function answer(request: APIRequestContext, period: string, level: number) {
	const items = bank.items.filter(
		(i) => i.audience === 'staff' && (i.retiredIn === null || i.retiredIn > period)
	);
	const sent = await request.put(`/api/v1/competence/mine/${period}`, {
		data: {
			bankVersion: bank.version,
			// Two levels, so the figures are a distribution and not a unanimous range.
			answers: Object.fromEntries(items.map((item, n) => [item.id, n % 2 === 0 ? level : 1]))
		}
	});
	expect(sent.status()).toBe(200);
}

interface Kindergarten {
	id: string;
	name: string;
	manager: BrowserContext;
}

/** A new kindergarten with a manager (who does not answer) and `respondents` staff who do. */
async function kindergartenWith(
	browser: Browser,
	owner: APIRequestContext,
	period: string,
	name: string,
	respondents: number
): Promise<Kindergarten> {
	const made = await owner.post('/api/v1/kindergartens', { data: { name } });
	expect(made.status()).toBe(201);
	const { kindergarten } = (await made.json()) as { kindergarten: { id: string } };
	const manager = await invited(browser, owner, kindergarten.id, 'manager', `Styrer ${name}`);
	for (let n = 1; n <= respondents; n++) {
		const staff = await invited(browser, owner, kindergarten.id, 'staff', `Ansatt ${n} ${name}`);
		await answer(staff.request, period, 2 + (n % 4));
		await staff.close();
	}
	return { id: kindergarten.id, name, manager };
}

/**
 * Four and five respondents in two new kindergartens, and one in the demo kindergarten: two
 * hidden kindergartens under the owner's total, so the five are not hidden as its complement.
 */
async function setUpRespondents(browser: Browser) {
	const suffix = Date.now().toString(36);
	const ownerContext = await signedInContext(browser, 'eier@demo.lekeplan.no');
	const owner = ownerContext.request;
	const overview = await owner.get('/api/v1/competence/overview');
	expect(overview.status()).toBe(200);
	const { period } = (await overview.json()) as { period: string };
	const demoStaff = await signedInContext(browser, 'ansatt2@demo.lekeplan.no');
	await answer(demoStaff.request, period, 4);
	await demoStaff.close();
	const four = await kindergartenWith(browser, owner, period, `Firkløver ${suffix}`, 4);
	const five = await kindergartenWith(browser, owner, period, `Femkanten ${suffix}`, 5);
	return { ownerContext, period, four, five };
}

test("the manager's review shows five respondents' figures, and hides four's with the reason", async ({
	browser
}) => {
	test.slow();
	const { ownerContext, four, five } = await setUpRespondents(browser);

	const fivePage = await five.manager.newPage();
	await fivePage.goto('/competence/review');
	await expect(
		fivePage.getByRole('heading', { level: 1, name: 'Kompetanse i barnehagen' })
	).toBeVisible();
	const staff = fivePage.getByRole('region', { name: 'Alle som har svart' });
	await expect(staff.getByText('5 personer har svart.')).toBeVisible();
	const areas = staff.getByRole('table', { name: /Per område/ });
	await expect(areas.getByRole('row')).toHaveCount(11); // a header and ten staff areas
	await expect(areas.getByRole('row').nth(1).getByRole('cell').first()).toHaveText(/^\d(,\d+)?$/);
	await expect(staff.getByRole('table', { name: /Per utsagn/ })).toBeVisible();
	await expect(fivePage.getByTestId('hidden-staff')).toHaveCount(0);
	// The manager did not answer: the management items are hidden, and the page says why.
	await expect(fivePage.getByTestId('hidden-managers')).toHaveText(
		'Ingen har svart i denne perioden ennå.'
	);
	await expectNoAxeViolations(fivePage);
	await expectTouchTargets(fivePage);

	const fourPage = await four.manager.newPage();
	await fourPage.goto('/competence/review');
	await expect(fourPage.getByTestId('hidden-staff')).toHaveText('Skjult: færre enn fem har svart.');
	await expect(fourPage.getByRole('table')).toHaveCount(0);
	await expect(fourPage.getByText(/personer har svart/)).toHaveCount(0);
	await expectNoAxeViolations(fourPage);
	await expectTouchTargets(fourPage);

	await Promise.all([ownerContext.close(), four.manager.close(), five.manager.close()]);
});

test('the owner admin sees every kindergarten and all together, and downloads the CSV', async ({
	browser
}) => {
	test.slow();
	const { ownerContext, period, four, five } = await setUpRespondents(browser);
	const page = await ownerContext.newPage();
	await page.goto('/competence/review');
	const overview = page.getByRole('region', { name: 'Oversikt over barnehagene' });
	await expect(overview.getByRole('heading', { level: 3, name: 'Alle barnehagene' })).toBeVisible();

	// Five answered: a chart whose text alternative holds the figures, and the table beside it.
	const fiveSection = overview.getByRole('region', { name: five.name });
	await expect(fiveSection.getByText('Alle som har svart: 5 personer har svart.')).toBeVisible();
	const chart = fiveSection.getByRole('img', {
		name: new RegExp(`^${five.name}, Alle som har svart: gjennomsnittlig nivå per område`)
	});
	await expect(chart).toBeVisible();
	const table = fiveSection.getByRole('table', {
		name: `${five.name}, Alle som har svart: gjennomsnittlig nivå per område fra 1 til 6`
	});
	await expect(table.getByRole('row')).toHaveCount(11);
	const firstRow = table.getByRole('row').nth(1);
	const area = (await firstRow.getByRole('rowheader').textContent())!.trim();
	const mean = (await firstRow.getByRole('cell').first().textContent())!.trim();
	await expect(chart).toHaveAttribute('aria-label', new RegExp(`${area} ${mean}`));

	// Four answered: no figure, and why.
	const fourSection = overview.getByRole('region', { name: four.name });
	await expect(
		fourSection.getByText('Alle som har svart: Skjult: færre enn fem har svart.')
	).toBeVisible();
	await expect(fourSection.getByRole('table')).toHaveCount(0);
	await expect(fourSection.getByRole('img')).toHaveCount(0);
	await expectNoAxeViolations(page);
	await expectTouchTargets(page);

	// The CSV comes from the server: the same figures, the hidden ones empty with the reason.
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		overview.getByRole('link', { name: 'Last ned oversikten (CSV)' }).click()
	]);
	expect(download.suggestedFilename()).toBe(`lekeplan-kompetanse-${period}.csv`);
	const csv = readFileSync(await download.path(), 'utf8').replace(/^\ufeff/, '');
	const lines = csv.trimEnd().split('\r\n');
	expect(lines[0]).toBe(
		'Periode,Barnehage,Del,Område,Områdekode,Antall som har svart,Gjennomsnitt,Endring siden sist,Merknad'
	);
	const fiveRow = lines.find((l) => l.includes(`,${five.name},Alle som har svart,${area},`));
	expect(fiveRow).toMatch(new RegExp(`,5,${mean.replace(',', '\\.')},`));
	const fourRows = lines.filter((l) => l.includes(`,${four.name},Alle som har svart,`));
	expect(fourRows.length).toBe(10);
	for (const row of fourRows) expect(row).toMatch(/,,,,Skjult: færre enn fem har svart\.$/);

	// On a phone: nothing scrolls sideways, and nothing is lost to axe or small targets.
	await page.setViewportSize({ width: 360, height: 740 });
	await page.reload();
	await expect(overview.getByRole('region', { name: five.name }).getByRole('img')).toBeVisible();
	const width = await page.evaluate(() => document.documentElement.scrollWidth);
	expect(width, 'the review page scrolls sideways at 360 px').toBeLessThanOrEqual(360);
	// Nor the overview inside its panel (which would scroll rather than widen the page).
	expect(await overview.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
	await expectNoAxeViolations(page);
	await expectTouchTargets(page);

	await Promise.all([ownerContext.close(), four.manager.close(), five.manager.close()]);
});
