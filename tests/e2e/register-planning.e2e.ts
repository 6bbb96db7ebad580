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

	// Offline, a proposal is not sent, and the page says why.
	const form = staff.getByTestId('propose-form');
	await form.getByLabel('Navn på verktøyet').fill('Pappesker');
	await form.getByLabel('Hva dere vil bruke det til').fill('Bygge baner til robotene.');
	await form.getByRole('button', { name: 'Send forslaget' }).click();
	await expect(form.getByRole('alert')).toContainText('Du er frakoblet');
	await staff.context().close();
});

test('staff propose a tool the register does not know, from the plan that names it', async ({
	browser
}) => {
	const staff = await plannerTablet(browser, STAFF);
	const tool = `Lydbok ${Date.now().toString(36)}`;
	const title = `Lytting ${Date.now().toString(36)}`;
	await staff.goto('/plans/new');
	await fillMinimalPlan(staff, title);
	await staff.getByLabel('Verktøy', { exact: true }).fill(tool);
	await staff.getByRole('button', { name: 'Lagre plan' }).click();
	await expect(staff.getByRole('heading', { level: 1, name: title })).toBeVisible();

	// The plan page flags the tool and offers to propose it, its name filled in.
	await staff.getByRole('link', { name: `Foreslå «${tool}» for registeret` }).click();
	await expect(staff).toHaveURL(/\/register\?propose=/);
	const form = staff.getByTestId('propose-form');
	await expect(form.getByLabel('Navn på verktøyet')).toHaveValue(tool);
	// A purpose is needed: said beside the field, nothing sent.
	await form.getByRole('button', { name: 'Send forslaget' }).click();
	await expect(form.getByLabel('Hva dere vil bruke det til')).toBeFocused();
	await form.getByLabel('Hva dere vil bruke det til').fill('Høre eventyr i hvilen.');
	await form.getByRole('button', { name: 'Send forslaget' }).click();
	const sent = staff.getByTestId('my-proposal').filter({ hasText: tool });
	await expect(sent).toContainText('Åpent');
	await expect(form.getByLabel('Navn på verktøyet')).toHaveValue('');
	await expectNoAxeViolations(staff);
	await staff.context().close();
});
