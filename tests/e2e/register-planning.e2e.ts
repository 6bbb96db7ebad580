import { expect, test, type APIRequestContext } from '@playwright/test';
import type { RegisterEntry } from '$lib/domain/register';
import {
	DEMO_PASSWORD,
	expectNoAxeViolations,
	expectTouchTargets,
	fillMinimalPlan,
	plannerTablet,
	waitForServiceWorker
} from './fixtures';

/**
 * Planning against the owner's register (issue 16, ADR 43): the owner deselects Bee-Bot on the
 * server, a staff tablet pulls the register and warns about it while planning, offline too; the
 * manager sees the warning in the approval queue; the register page reads it at 360 px.
 */

const OWNER_ADMIN = 'eier@demo.lekeplan.no';
const MANAGER = 'styrer@demo.lekeplan.no';
const STAFF = 'ansatt@demo.lekeplan.no';

/** The owner admin sets an entry's decision through the API (what the admin pages do). */
async function decide(request: APIRequestContext, name: string, decision: string) {
	const signIn = await request.post('/api/v1/auth/sign-in', {
		data: { email: OWNER_ADMIN, password: DEMO_PASSWORD }
	});
	expect(signIn.status()).toBe(200);
	const listed = await request.get('/api/v1/register');
	expect(listed.status()).toBe(200);
	const { entries } = (await listed.json()) as { entries: RegisterEntry[] };
	const entry = entries.find((e) => e.fields.name === name);
	expect(entry, `${name} in the demo owner's register`).toBeDefined();
	if (entry!.fields.decision === decision) return;
	const saved = await request.put(`/api/v1/register/entries/${entry!.id}`, {
		data: {
			fields: { ...entry!.fields, decision },
			baseUpdatedAt: entry!.updatedAt
		}
	});
	expect(saved.status()).toBe(200);
}

test('a deselected tool is a warning while planning, offline too, and in the approval queue', async ({
	browser,
	playwright,
	baseURL
}) => {
	const owner = await playwright.request.newContext({ baseURL: baseURL! });
	await decide(owner, 'Bee-Bot', 'deselected');
	await owner.dispose();

	const staff = await plannerTablet(browser, STAFF);
	await waitForServiceWorker(staff);
	await staff.context().setOffline(true);

	// Planning offline: each tool's standing in the register, as typed.
	const title = `Robotløype ${Date.now().toString(36)}`;
	await staff.goto('/plans/new');
	await fillMinimalPlan(staff, title);
	await staff.getByLabel('Verktøy', { exact: true }).fill('Bee-Bot, Pappesker');
	const standings = staff.locator('#editor-tool-standings');
	await expect(standings.getByRole('listitem').filter({ hasText: 'Bee-Bot' })).toContainText(
		'Valgt bort av eieren'
	);
	await expect(standings.getByRole('listitem').filter({ hasText: 'Pappesker' })).toContainText(
		'Ikke i registeret'
	);
	await expectNoAxeViolations(staff);
	await staff.getByRole('button', { name: 'Lagre plan' }).click();

	// The plan page says the same.
	await expect(staff.getByRole('heading', { level: 1, name: title })).toBeVisible();
	await expect(
		staff.locator('#plan-tool-standings').getByRole('listitem').filter({ hasText: 'Bee-Bot' })
	).toContainText('Valgt bort av eieren');

	// Online again, the plan goes to the server; the manager's queue names the tool.
	await staff.context().setOffline(false);
	await expect(staff.getByTestId('sync-status')).toHaveText('Synkronisert');
	const manager = await plannerTablet(browser, MANAGER);
	await manager.goto('/approvals');
	const queued = manager
		.getByTestId('approvals-decide')
		.getByRole('listitem')
		.filter({
			has: manager.getByRole('link', { name: title })
		});
	await expect(queued).toContainText('Verktøy å se på:');
	await expect(queued).toContainText(/Bee-Bot:\s*⚠?\s*Valgt bort av eieren/);
	await expect(queued).not.toContainText('Pappesker');
	await expectNoAxeViolations(manager);
	await manager.context().close();

	// The register page, offline, on a phone's width.
	await staff.context().setOffline(true);
	await staff.setViewportSize({ width: 360, height: 740 });
	await staff.goto('/register');
	await expect(staff.getByRole('heading', { level: 1, name: 'Verktøy' })).toBeVisible();
	await staff.getByRole('searchbox', { name: 'Søk i registeret' }).fill('bee bot');
	const entry = staff.getByTestId('register-entry').filter({
		has: staff.getByRole('heading', { level: 2, name: 'Bee-Bot' })
	});
	await expect(entry).toContainText('Valgt bort');
	await expect(staff.getByTestId('register-entry')).toHaveCount(1);
	const width = await staff.evaluate(() => document.documentElement.scrollWidth);
	expect(width).toBeLessThanOrEqual(360);
	await expectNoAxeViolations(staff);
	await expectTouchTargets(staff);
	await staff.context().close();
});
