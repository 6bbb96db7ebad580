import { readFile } from 'node:fs/promises';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { expectNoAxeViolations, expectTouchTargets, waitForServiceWorker } from './fixtures';

/** Tablets of the same kindergarten: the two demo staff members and the demo manager. */
const STAFF = 'ansatt@demo.lekeplan.no';
const STAFF_2 = 'ansatt2@demo.lekeplan.no';
const MANAGER = 'styrer@demo.lekeplan.no';
const PASSWORD = 'lekeplan-demo';

async function tablet(browser: Browser, email: string): Promise<Page> {
	const context = await browser.newContext({ locale: 'nb-NO', serviceWorkers: 'allow' });
	const page = await context.newPage();
	await signIn(page, email);
	return page;
}

async function signIn(page: Page, email: string): Promise<void> {
	await page.goto('/sign-in');
	await page.getByLabel('E-post').fill(email);
	await page.getByLabel('Passord').fill(PASSWORD);
	await page.getByRole('button', { name: 'Logg inn' }).click();
	// The planner reopens on the user's own database, with the kindergarten from the server.
	await expect(page.getByRole('heading', { level: 1, name: /^Uke \d+ for / })).toBeVisible();
	await expect(page.getByTestId('sync-status')).toHaveText('Synkronisert');
	// Offline later: the app shell must be precached by then.
	await waitForServiceWorker(page);
}

/** The name of the signed-in user's own database on this tablet (device-user.ts). */
async function userDatabase(page: Page): Promise<string> {
	const id = await page.evaluate(() => localStorage.getItem('lekeplan.deviceUser'));
	expect(id).toMatch(/^[0-9a-f-]{36}$/);
	return `lekeplan-user-${id}`;
}

/** The IndexedDB databases on this tablet. */
async function databases(page: Page): Promise<string[]> {
	return page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name ?? ''));
}

/** The sign-out page's message when changes could not be sent. */
const unsentAlert = (page: Page) =>
	page.getByRole('alert').filter({ hasText: /endring(er)? kunne ikke sendes/ });

async function newPlan(page: Page, title: string) {
	await page.getByRole('link', { name: /^Ny plan Mandag/ }).click();
	await page.getByLabel('Tittel').fill(title);
	await page.getByRole('checkbox', { name: 'Natur, miljø og teknologi' }).check();
	await page.getByRole('button', { name: 'Lagre plan' }).click();
	await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
}

test('a plan made offline reaches the other tablet after sync', async ({ browser }) => {
	const suffix = Date.now().toString(36);
	const a = await tablet(browser, STAFF);
	const b = await tablet(browser, STAFF_2);
	await a.context().setOffline(true);
	await newPlan(a, `Laget uten nett ${suffix}`);
	await expect(a.getByTestId('sync-status')).toHaveText(/Frakoblet: 1 endring ikke sendt/);
	await expectNoAxeViolations(a);
	await expectTouchTargets(a);

	await a.context().setOffline(false);
	await expect(a.getByTestId('sync-status')).toHaveText('Synkronisert');

	await b.reload();
	await expect(
		b.getByRole('link', { name: new RegExp(`Laget uten nett ${suffix}`) })
	).toBeVisible();
	await a.context().close();
	await b.context().close();
});

test('the same plan edited on two offline tablets by two staff: the conflicts appear and are resolved', async ({
	browser
}) => {
	const suffix = Date.now().toString(36);
	const a = await tablet(browser, STAFF);
	const b = await tablet(browser, STAFF_2);
	await newPlan(a, `Felles plan ${suffix}`);
	await expect(a.getByTestId('sync-status')).toHaveText('Synkronisert');
	await b.reload();
	await b.getByRole('link', { name: new RegExp(`Felles plan ${suffix}`) }).click();
	await expect(b.getByRole('heading', { level: 1, name: `Felles plan ${suffix}` })).toBeVisible();
	const planUrl = b.url();
	await a.goto(planUrl);
	await expect(a.getByTestId('sync-status')).toHaveText('Synkronisert');

	await a.context().setOffline(true);
	await b.context().setOffline(true);
	for (const [page, name] of [
		[a, 'Ali'],
		[b, 'Mina']
	] as const) {
		await page.getByRole('link', { name: 'Rediger' }).click();
		await page.getByLabel('Mål').fill(`Mål fra ${name}`);
		await page.getByLabel('Beskrivelse').fill(`Beskrivelse fra ${name}`);
		await page.getByRole('button', { name: 'Lagre plan' }).click();
		await expect(page.getByText(`Mål fra ${name}`)).toBeVisible();
	}

	await a.context().setOffline(false);
	await expect(a.getByTestId('sync-status')).toHaveText('Synkronisert');
	await b.context().setOffline(false);
	await expect(b.getByTestId('conflicts-link')).toBeVisible({ timeout: 15_000 });
	await b.getByTestId('conflicts-link').click();
	await expect(b.getByRole('heading', { level: 1, name: 'Konflikter' })).toBeVisible();
	const goals = b.getByRole('listitem').filter({ hasText: 'Feltet «Mål» ble endret to steder.' });
	const description = b
		.getByRole('listitem')
		.filter({ hasText: 'Feltet «Beskrivelse» ble endret to steder.' });
	// Each person's own text is theirs, and the other's is named, with when it was written.
	await expect(goals.getByRole('region', { name: 'Din versjon' })).toContainText('Mål fra Mina');
	await expect(goals.getByRole('region', { name: 'Versjonen til Ali Ansatt' })).toContainText(
		'Mål fra Ali'
	);
	await expect(goals.getByRole('region', { name: 'Versjonen til Ali Ansatt' })).toContainText(
		/Skrevet \d/
	);
	await expect(description.getByTestId('conflict-yours')).toHaveText('Beskrivelse fra Mina');
	await expect(description.getByTestId('conflict-other')).toHaveText('Beskrivelse fra Ali');
	await expectNoAxeViolations(b);
	await expectTouchTargets(b);

	// Ali sees the same conflict the other way round: his own text is "Din versjon" (it once
	// showed Mina's text under that heading).
	await a.goto('/conflicts');
	await a.reload();
	const goalsOnA = a
		.getByRole('listitem')
		.filter({ hasText: 'Feltet «Mål» ble endret to steder.' });
	await expect(goalsOnA.getByRole('region', { name: 'Din versjon' })).toContainText('Mål fra Ali', {
		timeout: 15_000
	});
	await expect(
		goalsOnA.getByRole('region', { name: 'Versjonen til Mina Medarbeider' })
	).toContainText('Mål fra Mina');
	await expect(goalsOnA.getByRole('button', { name: 'Behold din versjon' })).toBeVisible();

	// One is kept as Mina wrote it; the other is merged by hand, starting from both versions.
	await goals.getByRole('button', { name: 'Behold din versjon' }).click();
	await expect(goals).toHaveCount(0);
	const merge = description.getByLabel('Eller skriv en sammenslått versjon');
	await expect(merge).toHaveValue('Beskrivelse fra Ali\nBeskrivelse fra Mina');
	await merge.fill('Beskrivelse fra Ali og Mina');
	await description.getByRole('button', { name: 'Bruk den sammenslåtte' }).click();
	await expect(b.getByText('Ingen konflikter å løse.')).toBeVisible();

	await b.goto(planUrl);
	await expect(b.getByText('Beskrivelse fra Ali og Mina')).toBeVisible({ timeout: 15_000 });
	await a.goto(planUrl);
	await expect(a.getByTestId('sync-status')).toHaveText('Synkronisert');
	await a.reload();
	await expect(a.getByText('Mål fra Mina')).toBeVisible({ timeout: 15_000 });
	await expect(a.getByText('Beskrivelse fra Ali og Mina')).toBeVisible();
	await a.context().close();
	await b.context().close();
});

test("a manager's approval reaches staff", async ({ browser }) => {
	const suffix = Date.now().toString(36);
	const a = await tablet(browser, STAFF);
	const b = await tablet(browser, MANAGER);
	await newPlan(a, `Til godkjenning ${suffix}`);
	await expect(a.getByTestId('sync-status')).toHaveText('Synkronisert');
	const url = a.url();
	// Staff do not get the manager's buttons.
	await expect(a.getByRole('button', { name: 'Godkjenn planen' })).toHaveCount(0);

	await b.goto(url);
	await b.getByRole('button', { name: 'Godkjenn planen' }).click();
	await expect(b.getByTestId('approval')).toHaveText('Godkjent av Siri Styrer.');
	await expect(b.getByTestId('sync-status')).toHaveText('Synkronisert');

	await a.reload();
	await expect(a.getByTestId('approval')).toHaveText('Godkjent av Siri Styrer.', {
		timeout: 15_000
	});
	await a.context().close();
	await b.context().close();
});

test('signing out on a shared tablet with unsent changes says how many, exports them, and removes the data', async ({
	browser
}) => {
	const suffix = Date.now().toString(36);
	const a = await tablet(browser, STAFF);
	const database = await userDatabase(a);
	await a.context().setOffline(true);
	await newPlan(a, `Ikke sendt ${suffix}`);
	await a.goto('/sign-out').catch(() => undefined);
	await expect(a.getByText('1 endring venter nå')).toBeVisible();
	await expectNoAxeViolations(a);
	await expectTouchTargets(a);
	await a.getByRole('button', { name: 'Send og logg ut' }).click();
	await expect(unsentAlert(a)).toContainText('1 endring kunne ikke sendes');
	await expectNoAxeViolations(a);
	await expectTouchTargets(a);

	const download = a.waitForEvent('download');
	await a.getByRole('button', { name: 'Lagre endringene i en fil' }).click();
	const file = await download;
	expect(file.suggestedFilename()).toMatch(/^lekeplan-unsent-.*\.json$/);
	const saved = JSON.parse(await readFile(await file.path(), 'utf8')) as {
		unsentChanges: Array<{ recordId: string; fields: Record<string, unknown> }>;
		plans: Array<{ id: string; title: string }>;
	};
	expect(saved.plans.map((p) => p.title)).toEqual([`Ikke sendt ${suffix}`]);
	expect(saved.unsentChanges).toHaveLength(1);
	expect(saved.unsentChanges[0]!.recordId).toBe(saved.plans[0]!.id);
	expect(saved.unsentChanges[0]!.fields['title']).toBe(`Ikke sendt ${suffix}`);

	await a.context().setOffline(false);
	await a.getByRole('button', { name: 'Fjern dataene mine og logg ut' }).click();
	await expect(a.getByRole('heading', { name: 'Velkommen til Lekeplan' })).toBeVisible();
	expect(await databases(a)).not.toContain(database);
	await a.goto('/account');
	await expect(a.getByText('Du er ikke logget inn.')).toBeVisible();
	await a.context().close();
});

test('kept on a shared tablet, unsent changes are there when the user signs in again, and are sent', async ({
	browser
}) => {
	const suffix = Date.now().toString(36);
	const a = await tablet(browser, STAFF);
	const database = await userDatabase(a);
	await a.context().setOffline(true);
	await newPlan(a, `Beholdt ${suffix}`);
	await a.goto('/sign-out').catch(() => undefined);
	await a.getByRole('button', { name: 'Send og logg ut' }).click();
	await expect(unsentAlert(a)).toContainText('1 endring kunne ikke sendes');
	await a.getByRole('button', { name: 'Behold dem på nettbrettet og logg ut' }).click();
	await expect(a.getByRole('heading', { name: 'Velkommen til Lekeplan' })).toBeVisible();
	expect(await databases(a)).toContain(database);

	// Back online, the tablet is signed out on the server too: the next person finds nobody
	// signed in, not the last user's data.
	await a.context().setOffline(false);
	await a.goto('/account');
	await expect(a.getByText('Du er ikke logget inn.')).toBeVisible();
	await a.goto('/');
	await expect(a.getByRole('heading', { name: 'Velkommen til Lekeplan' })).toBeVisible();

	await signIn(a, STAFF);
	expect(await userDatabase(a)).toBe(database);
	await expect(a.getByRole('link', { name: new RegExp(`Beholdt ${suffix}`) })).toBeVisible();
	await expect(a.getByTestId('sync-status')).toHaveText('Synkronisert');
	const b = await tablet(browser, STAFF_2);
	await expect(b.getByRole('link', { name: new RegExp(`Beholdt ${suffix}`) })).toBeVisible();
	await a.context().close();
	await b.context().close();
});

test('signing out online sends everything first, then removes the data', async ({ browser }) => {
	const suffix = Date.now().toString(36);
	const a = await tablet(browser, STAFF);
	const database = await userDatabase(a);
	await a.context().setOffline(true);
	await newPlan(a, `Sendt ved utlogging ${suffix}`);
	await a.goto('/sign-out').catch(() => undefined);
	await expect(a.getByText('1 endring venter nå')).toBeVisible();
	// The network returns, and the tablet starts a sync; the person signs out while it runs.
	let answerPush: () => void = () => undefined;
	const pushAnswered = new Promise<void>((resolve) => (answerPush = resolve));
	await a.context().route('**/api/v1/sync/push', async (route) => {
		await pushAnswered;
		await route.continue();
	});
	const pushing = a.waitForRequest('**/api/v1/sync/push');
	await a.context().setOffline(false);
	await pushing;
	await a.getByRole('button', { name: 'Send og logg ut' }).click();
	await expect(a.getByRole('main').getByText('Synkroniserer')).toBeVisible();
	answerPush();
	await expect(a.getByRole('heading', { name: 'Velkommen til Lekeplan' })).toBeVisible();
	expect(await databases(a)).not.toContain(database);

	const b = await tablet(browser, STAFF_2);
	await expect(
		b.getByRole('link', { name: new RegExp(`Sendt ved utlogging ${suffix}`) })
	).toBeVisible();
	await a.context().close();
	await b.context().close();
});

test('signing out right after a reload of the sign-out page still finds the unsent changes', async ({
	browser
}) => {
	const suffix = Date.now().toString(36);
	const a = await tablet(browser, STAFF);
	const database = await userDatabase(a);
	// The server cannot be reached; who is signed in is answered only when the test says so.
	let answerMe: () => void = () => undefined;
	const meAsked = new Promise<void>((resolve) => (answerMe = resolve));
	await a.context().route('**/api/v1/**', async (route) => {
		if (new URL(route.request().url()).pathname === '/api/v1/me') await meAsked;
		await route.abort('internetdisconnected');
	});
	await newPlan(a, `Ikke sendt etter omlasting ${suffix}`);
	await a.goto('/sign-out');
	await a.getByRole('button', { name: 'Send og logg ut' }).click();
	// The session is still starting: sign-out waits for it rather than assume nothing is unsent.
	await expect(a.getByRole('main').getByText('Synkroniserer')).toBeVisible();
	answerMe();
	await expect(unsentAlert(a)).toContainText('1 endring kunne ikke sendes');
	expect(await databases(a)).toContain(database);
	await a.context().close();
});

test('signing out after the server session has ended says how many changes are unsent, and removes nothing by itself', async ({
	browser
}) => {
	const suffix = Date.now().toString(36);
	const a = await tablet(browser, STAFF);
	const database = await userDatabase(a);
	await a.context().setOffline(true);
	await newPlan(a, `Uten økt ${suffix}`);
	// While the tablet is offline, its session ends on the server (signed out elsewhere, or
	// timed out); then the network returns.
	expect((await a.request.post('/api/v1/auth/sign-out')).status()).toBe(204);
	await a.context().setOffline(false);
	await a.goto('/sign-out');
	await expect(a.getByText('Du er logget ut på serveren.')).toBeVisible();
	await expect(a.getByText('1 endring venter nå')).toBeVisible();
	await a.getByRole('button', { name: 'Send og logg ut' }).click();
	await expect(unsentAlert(a)).toContainText('1 endring kunne ikke sendes');
	expect(await databases(a)).toContain(database);
	await expectNoAxeViolations(a);

	await a.getByRole('button', { name: 'Behold dem på nettbrettet og logg ut' }).click();
	await expect(a.getByRole('heading', { name: 'Velkommen til Lekeplan' })).toBeVisible();
	expect(await databases(a)).toContain(database);
	await a.context().close();
});

test("the owner's guidance edit reaches a tablet at its next sync", async ({ browser }) => {
	const staff = await tablet(browser, STAFF);
	// The guidance page shows one age band, the one its address names.
	await staff.goto('/guidance?band=5-6');
	const oldest = staff.getByRole('region', { name: '5–6 år' });
	await expect(oldest.getByText('Lekeplan holder dagen opp mot 60 minutter.')).toBeVisible();
	await expect(staff.getByTestId('guidance-owner-edited')).toHaveCount(0);

	const ownerContext = await browser.newContext({ locale: 'nb-NO' });
	const owner = await ownerContext.newPage();
	await owner.goto('/sign-in');
	await owner.getByLabel('E-post').fill('eier@demo.lekeplan.no');
	await owner.getByLabel('Passord').fill(PASSWORD);
	await owner.getByRole('button', { name: 'Logg inn' }).click();
	await expect(owner).not.toHaveURL(/\/sign-in$/);
	await owner.goto('/admin/guidance');
	await expect(owner.getByRole('heading', { level: 1, name: 'Skjermråd' })).toBeVisible();
	await expect(owner.getByTestId('guidance-in-force')).toHaveText(/standardråd/);
	await expectNoAxeViolations(owner);
	await expectTouchTargets(owner);

	// A mistake is named beside the field, gets the focus, and nothing is saved.
	const minutes = owner.getByLabel('Minutter per dag, 5–6 år');
	await minutes.fill('2000');
	await owner.getByRole('button', { name: 'Lagre som ny versjon' }).click();
	await expect(owner.locator('#guidance-limit-5-6-error')).toHaveText(
		'Tallet er for stort: høyst 1440.'
	);
	await expect(minutes).toBeFocused();
	await expect(minutes).toHaveAttribute('aria-invalid', 'true');
	await expectNoAxeViolations(owner);

	// By keyboard: type the right figure and save with Enter. The shipped default is version 2,
	// so the owner's first save is version 3.
	await minutes.fill('45');
	await minutes.press('Enter');
	await expect(owner.getByText(/Versjon 3 er lagret/)).toBeVisible();
	await expect(owner.getByTestId('guidance-in-force')).toHaveText(/deres versjon 3/);

	// The tablet syncs when it comes back to the app, and holds the day against 45 minutes.
	await staff.reload();
	await expect(staff.getByTestId('sync-status')).toHaveText('Synkronisert');
	await expect(oldest.getByText('Lekeplan holder dagen opp mot 45 minutter.')).toBeVisible();
	await expect(staff.getByTestId('guidance-owner-edited')).toHaveText(/versjon 3/);

	// Put the default back for the other tests of this run.
	await owner.getByRole('button', { name: 'Fyll inn standardrådene' }).click();
	await owner.getByRole('button', { name: 'Lagre som ny versjon' }).click();
	await expect(owner.getByText(/Versjon 4 er lagret/)).toBeVisible();
	await ownerContext.close();
	await staff.context().close();
});
