import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations, expectTouchTargets, plannerTablet } from './fixtures';

/**
 * Issue 15, the manager's desk: the approval queue. A staff member's new plan waits for the
 * manager (counted in the navigation); asking for changes takes a written reason, which staff
 * see on the plan; a change by staff puts it back in the queue; approving takes it out. The
 * week view and the plan list say where each plan stands, and the list filters by it.
 */

const STAFF = 'ansatt@demo.lekeplan.no';
const MANAGER = 'styrer@demo.lekeplan.no';

/** Reloads, so the tablet pulls what colleagues changed, and waits until it has. */
async function synced(page: Page, path: string) {
	await page.goto(path);
	await expect(page.getByTestId('sync-status')).toHaveText('Synkronisert');
	await page.reload();
	await expect(page.getByTestId('sync-status')).toHaveText('Synkronisert');
}

test('the manager’s queue: waiting, sent back with a reason, changed, approved', async ({
	browser
}) => {
	const title = `Til godkjenning ${Date.now().toString(36)}`;
	const staff = await plannerTablet(browser, STAFF);
	await staff.getByRole('link', { name: /^Ny plan Mandag/ }).click();
	await staff.getByLabel('Tittel').fill(title);
	await staff.getByRole('checkbox', { name: 'Natur, miljø og teknologi' }).check();
	await staff.getByRole('button', { name: 'Lagre plan' }).click();
	await expect(staff.getByRole('heading', { level: 1, name: title })).toBeVisible();
	await expect(staff.getByTestId('sync-status')).toHaveText('Synkronisert');
	const planPath = new URL(staff.url()).pathname;

	const manager = await plannerTablet(browser, MANAGER);
	await synced(manager, '/');
	await expect(manager.getByRole('link', { name: /^Godkjenning \(\d+ venter?\)$/ })).toBeVisible();
	await manager.getByRole('link', { name: /^Godkjenning/ }).click();
	await expect(
		manager.getByRole('heading', { level: 1, name: 'Planer til godkjenning' })
	).toBeVisible();
	const waiting = manager.getByTestId('approvals-decide');
	await expect(waiting.getByRole('link', { name: new RegExp(title) })).toBeVisible();
	await expectNoAxeViolations(manager);
	await expectTouchTargets(manager);

	// The filters live in the address and take the plan out when it does not fit them.
	const card = waiting.getByRole('link', { name: new RegExp(title) });
	const meta = (await card.textContent()) ?? '';
	const own = ['Knøttene', 'Humla', 'Ørneredet'].find((g) => meta.includes(g))!;
	const other = own === 'Humla' ? 'Ørneredet' : 'Humla';
	await manager.getByLabel('Avdeling').selectOption({ label: other });
	await expect(manager).toHaveURL(/[?&]group=/);
	await expect(card).toHaveCount(0);
	await manager.reload();
	await expect(manager.getByLabel('Avdeling').locator('option:checked')).toHaveText(other);
	await manager.getByLabel('Avdeling').selectOption({ label: own });
	await expect(card).toBeVisible();

	// Asking for changes needs a reason; staff see it.
	await manager.goto(planPath);
	await manager.getByRole('button', { name: 'Be om endringer' }).click();
	await manager.getByRole('button', { name: 'Send tilbake med ønsket endring' }).click();
	await expect(manager.locator('#approval-note-error')).toHaveText(
		'Skriv hva som bør endres, så de ansatte vet det.'
	);
	await expect(manager.getByLabel('Hva bør endres?')).toBeFocused();
	await manager.getByLabel('Hva bør endres?').fill('Kortere økt, høyst 20 minutter.');
	await manager.getByRole('button', { name: 'Send tilbake med ønsket endring' }).click();
	await expect(
		manager.getByRole('status').filter({ hasText: 'Du har bedt om endringer.' })
	).toBeVisible();
	await expect(manager.getByTestId('sync-status')).toHaveText('Synkronisert');
	await manager.goto('/approvals');
	await expect(
		manager.getByTestId('approvals-sent-back').getByRole('link', { name: new RegExp(title) })
	).toBeVisible();

	await synced(staff, planPath);
	await expect(staff.getByTestId('approval-note')).toHaveText(
		'Ønsket endring: «Kortere økt, høyst 20 minutter.»'
	);
	await expect(staff.getByRole('link', { name: /^Godkjenning/ })).toHaveCount(0);
	// The week view says where the plan stands, in words.
	await staff.goto('/');
	await expect(staff.locator('.plan-card').filter({ hasText: title })).toContainText(
		'Sendt tilbake for endringer'
	);
	await staff.goto(planPath);
	await staff.getByRole('link', { name: 'Rediger' }).click();
	await staff.getByLabel('Slutter').fill('09:50');
	await staff.getByRole('button', { name: 'Lagre plan' }).click();
	await expect(staff.getByRole('heading', { level: 1, name: title })).toBeVisible();
	await expect(staff.getByTestId('sync-status')).toHaveText('Synkronisert');

	// Changed by staff: back in the queue, marked as changed; approving takes it out.
	await synced(manager, '/approvals');
	const back = waiting.locator('li').filter({ hasText: title });
	await expect(back).toContainText('Endret etter forrige vurdering');
	await back.getByRole('link').click();
	await manager.getByRole('button', { name: 'Godkjenn planen' }).click();
	await expect(
		manager.getByRole('status').filter({ hasText: 'Planen er godkjent.' })
	).toBeVisible();
	await manager.goto('/approvals');
	await expect(
		manager.getByRole('heading', { level: 1, name: 'Planer til godkjenning' })
	).toBeVisible();
	await expect(manager.getByRole('link', { name: new RegExp(title) })).toHaveCount(0);

	// The plan list shows the state and filters by it, in the address like its other filters.
	await manager.goto('/plans');
	const listed = manager.locator('.plan-card').filter({ hasText: title });
	await expect(listed.getByTestId('approval-state')).toHaveText('Godkjent');
	await manager
		.getByLabel('Godkjenning', { exact: true })
		.selectOption({ label: 'Venter på godkjenning' });
	await expect(manager).toHaveURL(/[?&]approval=waiting/);
	await expect(listed).toHaveCount(0);
	await manager.getByLabel('Godkjenning', { exact: true }).selectOption({ label: 'Godkjent' });
	await expect(listed).toBeVisible();
	await manager.reload();
	await expect(listed).toBeVisible();
	await expect(
		manager
			.getByTestId('plan-results')
			.getByTestId('approval-state')
			.filter({ hasNotText: 'Godkjent' })
	).toHaveCount(0);

	await staff.context().close();
	await manager.context().close();
});
