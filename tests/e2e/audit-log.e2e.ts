import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './fixtures';

/**
 * The owner admin reads the audit log (issue 13): events in words, the person who acted, the
 * time in Norwegian time, the record concerned and what changed; refused requests as one row
 * with their count; filters; and a CSV download.
 */

const PORT = Number(process.env.E2E_PORT ?? 4173);
const APP = `http://localhost:${PORT}`;

test('the owner admin reads who changed what, filters the log and downloads it', async ({
	page
}) => {
	// Ali (staff) is refused a few times; then Eva (owner admin) renames a group.
	const staff = await page.context().browser()!.newContext({ baseURL: APP });
	const ali = await staff.request.post('/api/v1/auth/sign-in', {
		data: { email: 'ansatt@demo.lekeplan.no', password: 'lekeplan-demo' }
	});
	expect(ali.status()).toBe(200);
	for (let i = 0; i < 30; i++)
		expect((await staff.request.get('/api/v1/users')).status()).toBe(403);
	await staff.close();

	await page.goto('/sign-in');
	await page.getByLabel('E-post').fill('eier@demo.lekeplan.no');
	await page.getByLabel('Passord').fill('lekeplan-demo');
	await page.getByRole('button', { name: 'Logg inn' }).click();
	await expect(page).not.toHaveURL(/\/sign-in$/);
	const { kindergartens } = (await (await page.request.get('/api/v1/kindergartens')).json()) as {
		kindergartens: Array<{ id: string; name: string }>;
	};
	// A group of its own in the second kindergarten, so no other test's demo data changes.
	const stamp = Date.now();
	const newName = `Humlebolet ${stamp}`;
	const blabaer = kindergartens.find((k) => k.name === 'Blåbærtoppen barnehage')!;
	const made = await page.request.post(`/api/v1/kindergartens/${blabaer.id}/groups`, {
		data: { name: `Revehiet ${stamp}`, ageMin: 3, ageMax: 6 },
		headers: { origin: APP }
	});
	expect(made.status()).toBe(201);
	const { group: group } = (await made.json()) as {
		group: { id: string; name: string; ageMin: number; ageMax: number };
	};
	const renamed = await page.request.patch(`/api/v1/groups/${group.id}`, {
		data: { name: newName, ageMin: 2, ageMax: group.ageMax },
		headers: { origin: APP }
	});
	expect(renamed.status()).toBe(200);

	await page.goto('/admin/audit');
	const rows = page.getByTestId('audit-entry');
	const change = rows.filter({ hasText: 'Avdeling endret' }).filter({ hasText: newName });
	await expect(change).toContainText('Eva Eier');
	await expect(change).toContainText('Blåbærtoppen barnehage');
	await expect(change).toContainText(`Navn: ${group.name} → ${newName}`);
	await expect(change).toContainText(`Alder fra: ${group.ageMin} → 2`);
	// Norwegian time: the <time> holds UTC, the text the wall clock in Oslo.
	const iso = await change.locator('time').getAttribute('datetime');
	const oslo = new Intl.DateTimeFormat('nb-NO', {
		timeZone: 'Europe/Oslo',
		dateStyle: 'short',
		timeStyle: 'medium'
	}).format(new Date(iso!));
	await expect(change.locator('time')).toHaveText(oslo);

	// Thirty refusals are one row, which says how many. (Other tests running beside this one may
	// be refused as Ali Ansatt too, for other requests: their rows are apart.)
	const refused = rows
		.filter({ hasText: 'Avvist forespørsel' })
		.filter({ hasText: 'Ali Ansatt' })
		.filter({ hasText: /30 ganger/ });
	await expect(refused).toHaveCount(1);
	await expect(refused).toContainText(/30 ganger/);
	await expect(refused).toContainText('rollen har ikke lov');
	await expectNoAxeViolations(page);

	// Only group changes.
	await page.getByLabel('Hendelse', { exact: true }).selectOption({ label: 'Avdeling endret' });
	await page.getByRole('button', { name: 'Vis', exact: true }).click();
	await expect(rows.filter({ hasText: newName })).toHaveCount(1);
	await expect(rows.filter({ hasNotText: 'Avdeling endret' })).toHaveCount(0);

	// The download holds the same, in the page's language.
	const href = await page.getByRole('link', { name: /Last ned som CSV/ }).getAttribute('href');
	expect(href).toContain('action=group_changed');
	expect(href).toContain('lang=nb');
	const csv = await (await page.request.get(href!)).text();
	expect(csv).toContain('Avdeling endret,group_changed,Eva Eier,eier@demo.lekeplan.no');
});
