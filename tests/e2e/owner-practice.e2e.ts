import { readFile } from 'node:fs/promises';
import { expect, test, type APIRequestContext, type Browser } from '@playwright/test';
import {
	DEMO_PASSWORD,
	expectNoAxeViolations,
	expectTouchTargets,
	signInWith,
	tabTo
} from './fixtures';

/**
 * The owner's overview of digital practice (issue 15, ADR 33): two staff members of Solsikken
 * push plans from their tablets; the owner admin compares the kindergartens for a period, sees
 * Solsikken's figures beside the owner's average, and downloads every table as CSV; the page has
 * no axe violations and works by keyboard.
 */

function today(): string {
	const d = new Date();
	return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** A staff member's tablet, as far as the server sees it: a session that pushes plans. */
async function staffPushes(browser: Browser, email: string, plans: number, run: string) {
	const context = await browser.newContext();
	const request: APIRequestContext = context.request;
	const signIn = await request.post('/api/v1/auth/sign-in', {
		data: { email, password: DEMO_PASSWORD }
	});
	expect(signIn.status()).toBe(200);
	const me = (await (await request.get('/api/v1/me')).json()) as {
		user: { kindergartenId: string };
	};
	const { groups } = (await (
		await request.get(`/api/v1/kindergartens/${me.user.kindergartenId}/groups`)
	).json()) as { groups: { id: string; name: string }[] };
	const humla = groups.find((g) => g.name === 'Humla')!;
	const clientId = crypto.randomUUID();
	const mutations = Array.from({ length: plans }, (_, i) => ({
		id: i + 1,
		recordId: uuidv7Like(),
		type: 'plan',
		op: 'put',
		baseRev: null,
		at: new Date().toISOString(),
		fields: {
			groupId: humla.id,
			title: `Sammenligning ${run} ${i}`,
			date: today(),
			startTime: '09:30',
			endTime: '10:15',
			goals: '',
			description: '',
			learningAreas: ['quantities'],
			clauses: ['create'],
			tools: [],
			screenMode: 'creative',
			screenMinutes: 20,
			adultParticipates: true,
			privacy: { photographed: false, storage: '', consent: false, notes: '' },
			status: 'planned',
			evaluation: null
		}
	}));
	const push = await request.post('/api/v1/sync/push', {
		data: { protocol: 1, schema: 1, clientId, mutations }
	});
	expect(push.status(), await push.text()).toBe(200);
	await context.close();
}

/** A UUIDv7-shaped id (the server takes the client's record ids). */
function uuidv7Like(): string {
	const hex = Date.now().toString(16).padStart(12, '0');
	const rest = crypto.randomUUID().replaceAll('-', '').slice(12);
	const s = hex + '7' + rest.slice(1);
	const variant = ((parseInt(s[16]!, 16) & 0x3) | 0x8).toString(16);
	const full = s.slice(0, 16) + variant + s.slice(17, 32);
	return `${full.slice(0, 8)}-${full.slice(8, 12)}-${full.slice(12, 16)}-${full.slice(16, 20)}-${full.slice(20, 32)}`;
}

test("the owner admin compares the kindergartens' digital practice, and downloads it", async ({
	page,
	browser
}) => {
	test.slow();
	const run = Date.now().toString(36);
	await staffPushes(browser, 'ansatt@demo.lekeplan.no', 2, run);
	await staffPushes(browser, 'ansatt2@demo.lekeplan.no', 1, run);

	await signInWith(page, 'eier@demo.lekeplan.no');
	await expect(page).not.toHaveURL(/\/sign-in$/);
	await page.goto('/admin');
	await page.getByRole('link', { name: 'Digital praksis' }).click();
	await expect(
		page.getByRole('heading', { level: 1, name: 'Digital praksis i barnehagene' })
	).toBeVisible();

	// Other tests on this server make kindergartens of their own (one person's plans in one: hidden,
	// and with it one more figure, so that it cannot be worked out); this compares the demo's two.
	const demo = /^(Solsikken|Blåbærtoppen) barnehage$/;
	await expect(page.getByRole('checkbox', { name: 'Solsikken barnehage' })).toBeVisible();
	await expect(page.getByRole('button', { name: 'Vis', exact: true })).toBeEnabled();
	for (const box of await page.getByRole('checkbox').all()) {
		const label = await box.evaluate((el) => (el as HTMLInputElement).labels?.[0]?.textContent);
		if (!demo.test((label ?? '').trim())) await box.uncheck();
	}
	await page.getByRole('button', { name: 'Vis', exact: true }).click();

	// Solsikken's plans, by two people, are shown beside the owner's average of two kindergartens.
	const table = page.getByRole('table', { name: /Planlagt og gjennomført per barnehage/ });
	await expect(table.getByRole('rowheader')).toHaveCount(3);
	const solsikken = table.getByRole('row', { name: /Solsikken barnehage/ });
	await expect(solsikken).toBeVisible();
	const planned = Number(await solsikken.getByRole('cell').first().textContent());
	expect(planned).toBeGreaterThanOrEqual(3);
	const average = table.getByRole('row', { name: /Eierens snitt/ });
	await expect(average.getByRole('cell').first()).not.toHaveText('–');
	await expect(page.getByTestId('practice-rule')).toContainText('færre enn 2 personer');
	await expectNoAxeViolations(page);
	await expectTouchTargets(page);

	// Only Blåbærtoppen: Solsikken leaves the comparison.
	await page.getByRole('checkbox', { name: 'Solsikken barnehage' }).uncheck();
	await page.getByRole('button', { name: 'Vis', exact: true }).click();
	await expect(table.getByRole('row', { name: /Solsikken barnehage/ })).toHaveCount(0);
	await expect(table.getByRole('row', { name: /Blåbærtoppen barnehage/ })).toBeVisible();

	// A period the wrong way round is named beside its field, and nothing is asked of the server.
	await page.getByLabel('Fra', { exact: true }).fill('2026-12-10');
	await page.getByLabel('Til', { exact: true }).fill('2026-12-01');
	await expect(page.getByLabel('Til', { exact: true })).toHaveAccessibleDescription(
		/samme dag som fra-datoen eller senere|etter/i
	);

	// By keyboard: Solsikken back, the period put right, shown, and every table downloaded.
	await page.getByLabel('Fra', { exact: true }).fill(today());
	await page.getByLabel('Til', { exact: true }).fill(today());
	const box = page.getByRole('checkbox', { name: 'Solsikken barnehage' });
	await tabTo(page, box);
	await page.keyboard.press('Space');
	await expect(box).toBeChecked();
	await tabTo(page, page.getByRole('button', { name: 'Vis', exact: true }));
	await page.keyboard.press('Enter');
	// Today only, now: other tests' plans on other days of the period are not in it.
	await expect(solsikken.getByRole('cell').first()).toHaveText(/^\d+$/);
	expect(Number(await solsikken.getByRole('cell').first().textContent())).toBeGreaterThanOrEqual(3);
	const csvLink = page.getByRole('link', { name: 'Last ned alle tabellene (CSV)' });
	await tabTo(page, csvLink);
	const downloading = page.waitForEvent('download');
	await page.keyboard.press('Enter');
	const download = await downloading;
	const csv = await readFile(await download.path(), 'utf8');
	const lines = csv.replace(/^\ufeff/, '').split('\r\n');
	expect(lines[0]).toBe('Tabell,Tall,Nøkkel,Barnehage,Verdi,Merknad');
	expect(csv).toMatch(/\r\ntotals,planned,,Solsikken barnehage,\d+,\r\n/);
	expect(csv).toContain('learningAreas,planned,quantities,Solsikken barnehage,');
	await expectNoAxeViolations(page);
});
