import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations, expectTouchTargets, signInWith } from './fixtures';

/**
 * The owner admin deletes a kindergarten with all its data (issue 16, ADR 44): a new
 * kindergarten's staff member plans on a tablet and syncs; the owner admin sees what will go,
 * types the name and deletes it; the tablet, at its next start, removes the kindergarten's data
 * and says so. The demo kindergarten is never touched: other tests use it.
 */

/** A JSON call from the page itself (same origin, its session cookie). */
async function api<T>(page: Page, method: string, path: string, body?: unknown): Promise<T> {
	const answer = await page.evaluate(
		async ({ method, path, body }) => {
			const response = await fetch(`/api/v1${path}`, {
				method,
				...(body !== undefined
					? { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }
					: {})
			});
			return { status: response.status, text: await response.text() };
		},
		{ method, path, body }
	);
	expect(answer.status, answer.text).toBeLessThan(300);
	return (answer.text ? JSON.parse(answer.text) : null) as T;
}

test('a deleted kindergarten’s plans leave the tablet at its next sync', async ({ browser }) => {
	test.slow();
	const suffix = Date.now().toString(36);
	const name = `Slettes barnehage ${suffix}`;
	const title = `Plan som forsvinner ${suffix}`;

	const admin = await (await browser.newContext({ locale: 'nb-NO' })).newPage();
	await signInWith(admin, 'eier@demo.lekeplan.no');
	await expect(admin).not.toHaveURL(/\/sign-in$/);
	const { kindergarten } = await api<{ kindergarten: { id: string } }>(
		admin,
		'POST',
		'/kindergartens',
		{ name }
	);
	await api(admin, 'POST', `/kindergartens/${kindergarten.id}/groups`, {
		name: `Bjørnene ${suffix}`,
		ageMin: 3,
		ageMax: 6
	});
	const { invitation } = await api<{ invitation: { token: string } }>(
		admin,
		'POST',
		'/invitations',
		{ role: 'staff', kindergartenId: kindergarten.id, displayName: 'Siri Slett' }
	);

	// The staff member's tablet: the invitation accepted, a plan made and synced.
	const tabletContext = await browser.newContext({ locale: 'nb-NO', serviceWorkers: 'allow' });
	// Accepted through the context's own requests (its cookies), before the tablet opens a page:
	// a page open while the session starts may reload itself under the next navigation.
	const accepted = await tabletContext.request.post('/api/v1/invitations/accept', {
		data: {
			token: invitation.token,
			email: `siri.${suffix}@test.lekeplan.no`,
			password: 'et langt nok passord'
		}
	});
	expect(accepted.status()).toBe(201);
	const tablet = await tabletContext.newPage();
	await tablet.goto('/');
	await expect(tablet.getByRole('heading', { level: 1, name: /^Uke \d+ for / })).toBeVisible();
	await expect(tablet.getByTestId('sync-status')).toHaveText('Synkronisert');
	await tablet.getByRole('link', { name: /^Ny plan Mandag/ }).click();
	await tablet.getByLabel('Tittel').fill(title);
	await tablet.getByRole('checkbox', { name: 'Natur, miljø og teknologi' }).check();
	await tablet.getByRole('button', { name: 'Lagre plan' }).click();
	await expect(tablet.getByRole('heading', { level: 1, name: title })).toBeVisible();
	await expect(tablet.getByTestId('sync-status')).toHaveText('Synkronisert');
	const userDatabase = `lekeplan-user-${await tablet.evaluate(() => localStorage.getItem('lekeplan.deviceUser'))}`;

	// The owner admin: what will go, a wrong name refused beside the field, then the deletion.
	await admin.goto('/admin');
	await admin.getByRole('link', { name: `Slett ${name} …` }).click();
	await expect(
		admin.getByRole('heading', { level: 1, name: `Slett «${name}» med alle data` })
	).toBeVisible();
	const preview = admin.getByTestId('deletion-preview');
	await expect(preview.locator('div').filter({ hasText: /^Planer/ })).toContainText('1');
	await expect(preview.locator('div').filter({ hasText: /^Avdelinger/ })).toContainText('1');
	await expect(preview.locator('div').filter({ hasText: /^Ansatte/ })).toContainText('1');
	await expect(admin.getByRole('link', { name: 'Til eksporten' })).toHaveAttribute(
		'href',
		'/admin/export'
	);
	const confirm = admin.getByLabel(`Skriv navnet «${name}» for å bekrefte`);
	await confirm.fill('Feil navn');
	await admin.getByRole('button', { name: `Slett «${name}» og alle data` }).click();
	await expect(admin.getByText(`Navnet stemmer ikke. Skriv «${name}» nøyaktig.`)).toBeVisible();
	await expectNoAxeViolations(admin);
	await expectTouchTargets(admin);
	await confirm.fill(name);
	await admin.getByRole('button', { name: `Slett «${name}» og alle data` }).click();
	await expect(admin).toHaveURL(/\/admin$/);
	await expect(admin.getByRole('heading', { level: 2, name })).toHaveCount(0);
	await expect(admin.getByRole('heading', { level: 2, name: 'Solsikken barnehage' })).toBeVisible();

	// The tablet starts again: it learns the kindergarten is gone, and its data goes.
	await tablet.reload();
	await expect(
		tablet.getByText(
			`Eieren har slettet «${name}» med alle data. Planene og alt annet fra barnehagen er fjernet fra dette nettbrettet.`
		)
	).toBeVisible();
	await expect(tablet.getByText(title)).toHaveCount(0);
	const databases = await tablet.evaluate(async () =>
		(await indexedDB.databases()).map((d) => d.name ?? '')
	);
	expect(databases).not.toContain(userDatabase);
	expect(await tablet.evaluate(() => localStorage.getItem('lekeplan.deviceUser'))).toBeNull();
	await expectNoAxeViolations(tablet);
	await tablet.getByRole('button', { name: 'Jeg forstår' }).click();
	await expect(tablet.getByText(/Eieren har slettet/)).toHaveCount(0);

	await tabletContext.close();
	await admin.context().close();
});
