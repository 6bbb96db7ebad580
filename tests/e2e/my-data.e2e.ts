import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, signInWith } from './fixtures';

/**
 * A person's own data (issue 16): a staff member downloads what is stored about them and asks
 * for deletion from their account page; the owner admin sees the request, confirms it by the
 * person's name, and carries it out; the person can no longer sign in.
 */
test('a person downloads their data and asks for deletion; the owner carries it out', async ({
	page,
	browser
}) => {
	test.slow();
	const run = Date.now().toString(36);
	const name = `Slett Meg ${run}`;
	const email = `slett.${run}@example.no`;

	await signInWith(page, 'eier@demo.lekeplan.no');
	await expect(page).not.toHaveURL(/\/sign-in$/);
	const kindergartens = await page.request.get('/api/v1/kindergartens');
	const [first] = ((await kindergartens.json()) as { kindergartens: Array<{ id: string }> })
		.kindergartens;
	const made = await page.request.post('/api/v1/invitations', {
		data: { role: 'staff', kindergartenId: first!.id, displayName: name }
	});
	const { invitation } = (await made.json()) as { invitation: { token: string } };
	const context = await browser.newContext({ locale: 'nb-NO' });
	const accepted = await context.request.post('/api/v1/invitations/accept', {
		data: { token: invitation.token, email, password: 'lekeplan-demo' }
	});
	expect(accepted.status()).toBe(201);

	const tablet = await context.newPage();
	await tablet.goto('/account');
	await expect(tablet.getByRole('heading', { level: 2, name: 'Dine data' })).toBeVisible();
	const download = tablet.waitForEvent('download');
	await tablet.getByRole('button', { name: 'Last ned dataene mine' }).click();
	const file = await download;
	expect(file.suggestedFilename()).toMatch(/^lekeplan-\d{4}-\d{2}-\d{2}\.json$/);
	const data = JSON.parse(readFileSync(await file.path(), 'utf8')) as {
		account: { email: string; displayName: string };
	};
	expect(data.account).toMatchObject({ email, displayName: name });

	await tablet.getByRole('button', { name: 'Be om sletting' }).click();
	await expect(tablet.getByRole('alert')).toContainText('Vil du be om at kontoen din');
	await expectNoAxeViolations(tablet);
	await tablet.getByRole('button', { name: 'Be om sletting' }).click();
	await expect(tablet.getByTestId('deletion-pending')).toContainText('Du ba om sletting');

	await page.goto('/admin');
	await page.getByRole('link', { name: 'Forespørsler', exact: true }).click();
	await expect(
		page.getByRole('heading', { level: 1, name: 'Forespørsler om sletting' })
	).toBeVisible();
	const row = page.getByTestId('deletion-requests').getByRole('listitem').filter({ hasText: name });
	await row.getByRole('button', { name: `Slett ${name}` }).click();
	await expect(row.getByRole('alert')).toContainText(`Slette kontoen og dataene til ${name}?`);
	await expectNoAxeViolations(page);
	await row.getByRole('button', { name: `Slett ${name}` }).click();
	await expect(page.getByText('Dataene til personen er slettet.')).toBeVisible();
	await expect(page.getByTestId('deletion-requests').getByText(name)).toHaveCount(0);

	// The person's session is gone, and their password no longer signs in.
	const me = await context.request.get('/api/v1/me');
	expect(((await me.json()) as { user: unknown }).user).toBeNull();
	const again = await context.request.post('/api/v1/auth/sign-in', {
		data: { email, password: 'lekeplan-demo' }
	});
	expect(again.status()).toBe(401);
	await context.close();
});
