import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { expectNoAxeViolations, expectTouchTargets, waitForServiceWorker } from './fixtures';

/**
 * What the tablet shows of its sync beyond "synced": a change the server refused, a server that
 * fails for a while, and a server that needs a newer app (docs/design/sync-protocol.md).
 */
const PASSWORD = 'lekeplan-demo';
const OWNER_ADMIN = 'eier@demo.lekeplan.no';
const STAFF = 'ansatt@demo.lekeplan.no';

/** The week view of a planner who has synced once, with the app shell precached. */
async function openPlanner(page: Page): Promise<void> {
	await page.goto('/');
	await expect(page.getByRole('heading', { level: 1, name: /^Uke \d+ for / })).toBeVisible();
	await expect(page.getByTestId('sync-status')).toHaveText('Synkronisert');
	await waitForServiceWorker(page);
}

async function signedIn(browser: Browser, email: string): Promise<Page> {
	const context = await browser.newContext({ locale: 'nb-NO', serviceWorkers: 'allow' });
	const signIn = await context.request.post('/api/v1/auth/sign-in', {
		data: { email, password: PASSWORD }
	});
	expect(signIn.status()).toBe(200);
	return context.newPage();
}

async function newPlan(page: Page, title: string): Promise<void> {
	await page.getByRole('link', { name: /^Ny plan Mandag/ }).click();
	await page.getByLabel('Tittel').fill(title);
	await page.getByRole('checkbox', { name: 'Natur, miljø og teknologi' }).check();
	await page.getByRole('button', { name: 'Lagre plan' }).click();
	await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
}

/** Answers every sync request (push and pull) of a tablet as the server's version check would. */
async function serverNeedsNewerApp(context: BrowserContext): Promise<() => Promise<void>> {
	const pattern = '**/api/v1/sync/{push,pull}**';
	await context.route(pattern, (route) =>
		route.fulfill({
			status: 426,
			contentType: 'application/json',
			body: JSON.stringify({ error: { status: 426, reason: 'protocol_unsupported' } })
		})
	);
	return () => context.unroute(pattern);
}

test('a change the server refuses is shown with its reason until it is read and dismissed', async ({
	browser
}) => {
	const suffix = Date.now().toString(36);
	// The owner's administrator invites a manager to the demo kindergarten.
	const owner = (await signedIn(browser, OWNER_ADMIN)).context().request;
	const { kindergartens } = (await (await owner.get('/api/v1/kindergartens')).json()) as {
		kindergartens: Array<{ id: string; name: string }>;
	};
	const kindergarten = kindergartens.find((k) => k.name === 'Solsikken barnehage')!;
	const invited = await owner.post('/api/v1/invitations', {
		data: { role: 'manager', kindergartenId: kindergarten.id, displayName: `Mona ${suffix}` }
	});
	expect(invited.status()).toBe(201);
	const { invitation } = (await invited.json()) as { invitation: { token: string } };

	const tabletContext = await browser.newContext({ locale: 'nb-NO', serviceWorkers: 'allow' });
	const accepted = await tabletContext.request.post('/api/v1/invitations/accept', {
		data: { token: invitation.token, email: `mona.${suffix}@example.no`, password: PASSWORD }
	});
	expect(accepted.status()).toBe(201);
	const { user } = (await accepted.json()) as { user: { userId: string } };
	const tablet = await tabletContext.newPage();
	await openPlanner(tablet);
	const title = `Robotløype ${suffix}`;
	await newPlan(tablet, title);
	await expect(tablet.getByTestId('sync-status')).toHaveText('Synkronisert');

	// Offline, the manager approves the plan; meanwhile the owner makes them staff.
	await tabletContext.setOffline(true);
	await tablet.getByRole('button', { name: 'Godkjenn planen' }).click();
	await expect(tablet.getByTestId('approval')).toHaveText(`Godkjent av Mona ${suffix}.`);
	const demoted = await owner.patch(`/api/v1/users/${user.userId}`, {
		data: { role: 'staff', kindergartenId: kindergarten.id }
	});
	expect(demoted.status()).toBe(200);

	// Back online the server refuses the approval: the plan shows the server's version again,
	// and the header says a change was refused; it never says "synced" while that is unread.
	await tabletContext.setOffline(false);
	const refused = tablet.getByTestId('rejections-link');
	await expect(refused).toHaveText('Avvist av serveren: 1');
	await expect(tablet.getByTestId('approval')).toHaveCount(0);
	await expect(tablet.getByTestId('sync-status')).toHaveText('Ikke alt er lagret på serveren');

	await refused.click();
	await expect(
		tablet.getByRole('heading', { level: 1, name: 'Endringer serveren avviste' })
	).toBeVisible();
	const change = tablet.getByTestId('refused-change');
	await expect(change.getByRole('heading', { level: 2 })).toHaveText(
		`Endringen din av «${title}» ble ikke lagret på serveren`
	);
	await expect(change).toContainText('Endret: Godkjenning');
	await expect(change.getByTestId('refused-state')).toHaveText(
		'Nettbrettet viser nå det som er lagret på serveren. Gjør endringen på nytt hvis den fortsatt trengs.'
	);
	await expect(change.getByTestId('refused-reason')).toHaveText(
		'Du har ikke lov til å endre dette.'
	);
	await expect(change).toContainText('Bare en styrer kan godkjenne planer eller be om endringer.');
	await expectNoAxeViolations(tablet);
	await expectTouchTargets(tablet);

	// Dismissed by keyboard once read: gone from the list and from the header.
	await change.getByRole('button', { name: 'Lest, fjern fra listen' }).focus();
	await tablet.keyboard.press('Enter');
	await expect(tablet.getByText('Ingen avviste endringer.')).toBeVisible();
	await expect(refused).toHaveCount(0);
	await expect(tablet.getByTestId('sync-status')).toHaveText('Synkronisert');
	await tabletContext.close();
	await owner.dispose();
});

test('a failing server shows why in the badge, and the tablet syncs again by itself', async ({
	browser
}) => {
	// The tablet retries after 2, 5, 15 and then 60 s (RETRY_MS): waiting for the next retry may
	// take up to a minute.
	test.slow();
	const page = await signedIn(browser, STAFF);
	await openPlanner(page);
	const context = page.context();
	// A proxy in front of the server answers 503 with a page of its own, not the API's JSON.
	await context.route('**/api/v1/sync/pull**', (route) =>
		route.fulfill({ status: 503, contentType: 'text/html', body: '<h1>Service Unavailable</h1>' })
	);
	await newPlan(page, `Mens serveren var nede ${Date.now().toString(36)}`);
	await expect(page.getByTestId('sync-status')).toHaveText(
		'Synkronisering feilet: Serveren har en feil akkurat nå. Vi prøver igjen om litt.'
	);
	await expectNoAxeViolations(page);

	await context.unroute('**/api/v1/sync/pull**');
	await expect(page.getByTestId('sync-status')).toHaveText('Synkronisert', { timeout: 75_000 });
	await context.close();
});

test('after a 426 the update prompt keeps the unsent change, updates, and the change is sent', async ({
	browser
}) => {
	const page = await signedIn(browser, STAFF);
	await openPlanner(page);
	const serverUpdated = await serverNeedsNewerApp(page.context());
	await newPlan(page, `Før oppdateringen ${Date.now().toString(36)}`);
	await expect(page.getByTestId('sync-status')).toHaveText('Oppdater appen for å sende 1 endring');
	const prompt = page.getByRole('alert').filter({ hasText: 'Serveren krever en nyere versjon' });
	await expect(prompt).toBeVisible();
	// There is no "later": the tablet cannot sync until it is updated.
	await expect(prompt.getByRole('button')).toHaveCount(1);
	await expectNoAxeViolations(page);
	await expectTouchTargets(page);

	// The new version is on the server now; accepting the prompt loads it and sends the change.
	await serverUpdated();
	const reloaded = page.waitForEvent('load');
	await prompt.getByRole('button', { name: 'Last inn på nytt' }).click();
	await reloaded;
	await expect(page.getByTestId('sync-status')).toHaveText('Synkronisert');
	await page.context().close();
});
