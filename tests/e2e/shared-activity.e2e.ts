import { expect, test, type Browser, type Page } from '@playwright/test';
import {
	DEMO_PASSWORD,
	expectNoAxeViolations,
	expectTouchTargets,
	plannerTablet,
	signInWith
} from './fixtures';

/**
 * Sharing an activity across the owner's kindergartens (issue 15, ADR 38): the manager of
 * Solsikken shares an own activity; a staff member of Blåbærtoppen sees it marked with where it
 * comes from, with no edit, and plans it; the manager withdraws the share; it is gone from
 * Blåbærtoppen's library and the plan made from it stays.
 */

const MANAGER = 'styrer@demo.lekeplan.no';
const OWNER_ADMIN = 'eier@demo.lekeplan.no';

/** A tablet of a new staff member of Blåbærtoppen, invited by the owner admin: synced. */
async function otherKindergartenTablet(browser: Browser, stamp: string): Promise<Page> {
	const admin = await (await browser.newContext({ locale: 'nb-NO' })).newPage();
	await signInWith(admin, OWNER_ADMIN);
	await expect(admin).not.toHaveURL(/\/sign-in$/);
	const origin = new URL(admin.url()).origin;
	const { kindergartens } = (await (await admin.request.get('/api/v1/kindergartens')).json()) as {
		kindergartens: Array<{ id: string; name: string }>;
	};
	const blabaer = kindergartens.find((k) => k.name === 'Blåbærtoppen barnehage')!;
	const invited = await admin.request.post('/api/v1/invitations', {
		data: { role: 'staff', kindergartenId: blabaer.id, displayName: `Berit Blåbær ${stamp}` },
		headers: { origin }
	});
	expect(invited.status()).toBe(201);
	const { invitation } = (await invited.json()) as { invitation: { url: string } };
	await admin.context().close();

	const context = await browser.newContext({ locale: 'nb-NO', serviceWorkers: 'allow' });
	const page = await context.newPage();
	await page.goto(new URL(invitation.url).pathname);
	await page.getByLabel('E-post').fill(`berit.${stamp}@example.no`);
	await page.getByLabel('Velg et passord').fill(`${DEMO_PASSWORD}-${stamp}`);
	await page.getByRole('button', { name: 'Lag konto' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Min konto' })).toBeVisible();
	await page.goto('/');
	await expect(page.getByRole('heading', { level: 1, name: /^Uke \d+ for / })).toBeVisible();
	await expect(page.getByTestId('sync-status')).toHaveText('Synkronisert');
	return page;
}

/** Reloads a tablet's page, which syncs on start, and waits for the sync. */
async function syncByReload(page: Page, path: string): Promise<void> {
	await page.goto(path);
	await expect(page.getByTestId('sync-status')).toHaveText('Synkronisert');
}

test('share an activity and plan it in another kindergarten; withdrawn, the plan stays', async ({
	browser
}) => {
	const stamp = Date.now().toString(36);
	const title = `Delt Bee-Bot-løype ${stamp}`;

	// Solsikken's manager makes an own activity (a copy of a built-in one) and shares it.
	const manager = await plannerTablet(browser, MANAGER);
	await manager.goto('/library/bee-bot-number-line');
	await manager.getByRole('link', { name: 'Lag en kopi å tilpasse' }).click();
	await manager.getByLabel('Tittel').fill(title);
	await manager.getByRole('button', { name: 'Lagre aktivitet' }).click();
	await expect(manager.getByRole('heading', { level: 1, name: title })).toBeVisible();
	await expect(manager.getByText('Vår barnehage', { exact: true })).toBeVisible();
	const share = manager.getByRole('button', { name: 'Del med eierens andre barnehager' });
	await share.focus();
	await manager.keyboard.press('Enter');
	await expect(manager.getByText('Delt med eierens barnehager', { exact: true })).toBeVisible();
	await expect(manager.getByRole('button', { name: 'Trekk tilbake delingen' })).toBeVisible();
	await expectNoAxeViolations(manager);
	await expectTouchTargets(manager);
	await expect(manager.getByTestId('sync-status')).toHaveText('Synkronisert');

	// A staff member of Blåbærtoppen finds it in the library, marked with where it comes from.
	const other = await otherKindergartenTablet(browser, stamp);
	await other.goto('/library');
	await other.getByLabel('Søk i aktiviteter').fill(stamp);
	const card = other.getByRole('listitem').filter({ hasText: title });
	await expect(card).toHaveCount(1);
	await expect(card).toContainText('Delt fra Solsikken barnehage');
	await card.getByRole('link', { name: title }).click();
	await expect(other.getByRole('heading', { level: 1, name: title })).toBeVisible();
	await expect(
		other.getByText(/^Denne aktiviteten er delt fra Solsikken barnehage\./)
	).toBeVisible();
	await expect(other.getByRole('link', { name: 'Rediger' })).toHaveCount(0);
	await expect(other.getByRole('button', { name: 'Slett' })).toHaveCount(0);
	await expect(other.getByRole('link', { name: 'Lag en kopi å tilpasse' })).toBeVisible();
	await expectNoAxeViolations(other);
	await expectTouchTargets(other);
	await other.setViewportSize({ width: 360, height: 740 });
	expect(await other.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

	// Planned there: the plan is Blåbærtoppen's own.
	await other.getByRole('link', { name: 'Planlegg denne' }).click();
	await expect(other.getByLabel('Tittel')).toHaveValue(title);
	await other.getByRole('button', { name: 'Lagre plan' }).click();
	await expect(other.getByRole('heading', { level: 1, name: title })).toBeVisible();
	const planUrl = other.url();
	await expect(other.getByTestId('sync-status')).toHaveText('Synkronisert');

	// The manager withdraws the share.
	await manager.getByRole('button', { name: 'Trekk tilbake delingen' }).click();
	await expect(
		manager.getByRole('button', { name: 'Del med eierens andre barnehager' })
	).toBeVisible();
	await expect(manager.getByTestId('sync-status')).toHaveText('Synkronisert');

	// Gone from Blåbærtoppen's library; the plan made from it stays as it was.
	await syncByReload(other, '/library');
	await other.getByLabel('Søk i aktiviteter').fill(stamp);
	await expect(other.getByRole('listitem').filter({ hasText: title })).toHaveCount(0);
	await other.goto(new URL(planUrl).pathname);
	await expect(other.getByRole('heading', { level: 1, name: title })).toBeVisible();

	await manager.context().close();
	await other.context().close();
});
