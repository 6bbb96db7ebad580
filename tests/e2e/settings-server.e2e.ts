import { expect, test, type Browser, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './fixtures';

/**
 * Issue 12, point 5: a signed-in planner's kindergarten and groups are the server's. Staff read
 * them in Innstillinger and are offered no change, no "Slett" and no demo data; a manager's
 * change goes to the server (audited) and lasts: after a reload, and for a colleague.
 */

const PASSWORD = 'lekeplan-demo';
const STAFF = 'ansatt@demo.lekeplan.no';
const MANAGER = 'styrer@demo.lekeplan.no';
const OWNER_ADMIN = 'eier@demo.lekeplan.no';

async function planner(browser: Browser, email: string): Promise<Page> {
	const context = await browser.newContext({ locale: 'nb-NO', serviceWorkers: 'allow' });
	const page = await context.newPage();
	await page.goto('/sign-in');
	await page.getByLabel('E-post').fill(email);
	await page.getByLabel('Passord').fill(PASSWORD);
	await page.getByRole('button', { name: 'Logg inn' }).click();
	await expect(page.getByRole('heading', { level: 1, name: /^Uke \d+ for / })).toBeVisible();
	return page;
}

const groupList = (page: Page) =>
	page.getByRole('region', { name: 'Avdelinger' }).getByRole('listitem');

test('staff read the server’s kindergarten and groups, and change nothing', async ({ browser }) => {
	const page = await planner(browser, STAFF);
	await page.goto('/settings');
	await expect(page.getByRole('heading', { level: 1, name: 'Innstillinger' })).toBeVisible();
	await expect(page.getByText('Det er styreren eller eieren som endrer dem.')).toBeVisible();
	await expect(page.getByText('Solsikken barnehage')).toBeVisible();
	await expect(groupList(page).filter({ hasText: 'Humla' })).toBeVisible();
	await expect(page.getByLabel('Barnehagens navn')).toHaveCount(0);
	await expect(page.getByRole('button', { name: /^(Endre|Slett) / })).toHaveCount(0);
	await expect(page.getByRole('button', { name: 'Lagre avdeling' })).toHaveCount(0);
	await expect(page.getByRole('button', { name: 'Erstatt med eksempeldata' })).toHaveCount(0);
	await expectNoAxeViolations(page);
	await page.context().close();
});

test('a manager’s change to a group is made on the server, audited, and lasts', async ({
	browser
}) => {
	const suffix = Math.random().toString(36).slice(2, 7);
	const made = `Maurtua ${suffix}`;
	const renamed = `Ekornet ${suffix}`;
	const manager = await planner(browser, MANAGER);
	await manager.goto('/settings');
	await expect(manager.getByText('Endringer du gjør her lagres der')).toBeVisible();
	await expect(manager.getByRole('button', { name: 'Erstatt med eksempeldata' })).toHaveCount(0);

	await manager.getByLabel('Avdelingens navn').fill(made);
	await manager.getByRole('button', { name: 'Lagre avdeling' }).click();
	await expect(groupList(manager).filter({ hasText: made })).toBeVisible();
	await manager.getByRole('button', { name: `Endre ${made}` }).click();
	await manager.getByLabel('Avdelingens navn').fill(renamed);
	await manager.getByRole('button', { name: 'Lagre avdeling' }).click();
	await expect(groupList(manager).filter({ hasText: renamed })).toBeVisible();

	await manager.reload();
	await expect(groupList(manager).filter({ hasText: renamed })).toBeVisible();
	await expect(groupList(manager).filter({ hasText: made })).toHaveCount(0);

	// A colleague's tablet has it from the server.
	const staff = await planner(browser, STAFF);
	await staff.goto('/settings');
	await expect(groupList(staff).filter({ hasText: renamed })).toBeVisible();

	// The owner reads who changed what in the audit log.
	const owner = await browser.newContext();
	const signIn = await owner.request.post('/api/v1/auth/sign-in', {
		data: { email: OWNER_ADMIN, password: PASSWORD }
	});
	expect(signIn.status()).toBe(200);
	const log = await owner.request.get('/api/v1/audit?action=group_changed');
	const { entries } = (await log.json()) as {
		entries: Array<{ actorName: string; changes: Record<string, unknown> }>;
	};
	expect(entries).toContainEqual(
		expect.objectContaining({
			actorName: 'Siri Styrer',
			changes: expect.objectContaining({ name: [made, renamed] })
		})
	);

	// Removed again (an empty group), on the server too.
	await manager.getByRole('button', { name: `Slett ${renamed}` }).click();
	await expect(groupList(manager).filter({ hasText: renamed })).toHaveCount(0);
	await manager.reload();
	await expect(groupList(manager).filter({ hasText: 'Humla' })).toBeVisible();
	await expect(groupList(manager).filter({ hasText: renamed })).toHaveCount(0);
	await Promise.all([manager.context().close(), staff.context().close(), owner.close()]);
});
