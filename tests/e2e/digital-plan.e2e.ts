import { expect, test } from '@playwright/test';
import {
	expectNoAxeViolations,
	expectTouchTargets,
	plannerTablet,
	tabTo,
	waitForServiceWorker
} from './fixtures';

/**
 * The kindergarten's digital plan (issue 15, ADR 34): the manager writes this year's plan on
 * their tablet, it syncs, and a staff member's tablet has it to read, offline too.
 */

const MANAGER = 'styrer@demo.lekeplan.no';
const STAFF = 'ansatt@demo.lekeplan.no';

/** This kindergarten year, as the page names it (it starts on 1 August). */
function thisYear(): string {
	const today = new Date();
	const start = today.getMonth() >= 7 ? today.getFullYear() : today.getFullYear() - 1;
	return `${start}–${start + 1}`;
}

test("the manager writes this year's digital plan; a staff tablet reads it offline", async ({
	browser
}) => {
	const year = thisYear();
	const tools = `Fire nettbrett og en projektor ${Date.now().toString(36)}`;
	const manager = await plannerTablet(browser, MANAGER);
	// Reached from the navigation by keyboard.
	const link = manager.getByRole('link', { name: 'Digital plan', exact: true }).first();
	if (!(await link.isVisible())) await manager.getByRole('button', { name: 'Meny' }).click();
	await tabTo(manager, link);
	await manager.keyboard.press('Enter');
	await expect(
		manager.getByRole('heading', { level: 1, name: 'Barnehagens digitale plan' })
	).toBeVisible();
	// A run before this one on the same server left its plans: this test writes this year's anew.
	const earlier = manager.getByRole('button', { name: /^Slett planen for / });
	while ((await earlier.count()) > 0) {
		const before = await earlier.count();
		await earlier.first().click();
		await expect(earlier).toHaveCount(before - 1);
	}
	await manager.getByRole('button', { name: `Skriv planen for ${year}` }).click();
	await expect(manager.getByLabel('Barnehageår')).toBeFocused();

	// Sent with an empty goal: the messages beside its fields, nothing saved.
	await manager.getByRole('button', { name: 'Lagre planen' }).click();
	const goal = manager.getByTestId('goal-0');
	await expect(goal.getByRole('textbox', { name: 'Hva vil dere oppnå' })).toBeFocused();
	await expect(goal).toContainText('Fyll ut dette feltet.');
	await expect(goal).toContainText('Velg minst ett fagområde.');
	await expect(manager.getByTestId('digiplan')).toHaveCount(0);

	await goal
		.getByRole('textbox', { name: 'Hva vil dere oppnå' })
		.fill('Barna lager egne fortellinger med stop-motion');
	await goal.getByRole('checkbox', { name: 'Kunst, kultur og kreativitet' }).check();
	await goal.getByRole('checkbox', { name: /^Kreativ og skapende bruk sammen/ }).check();
	await manager
		.getByLabel('Hva personalet skal lære')
		.fill('Personvern og samtykke ved bildedeling.');
	await manager.getByLabel('Verktøy og utstyr arbeidet bygger på').fill(tools);
	await manager.getByLabel('Hvordan arbeidet vurderes').fill('Hver avdeling på personalmøtet.');
	await manager.getByRole('button', { name: 'Legg til dato for vurdering' }).click();
	await expect(manager.getByLabel('Vurdering 1')).toBeFocused();
	await manager.getByLabel('Vurdering 1').fill(`${year.slice(5)}-06-10`);
	await expectNoAxeViolations(manager);
	await manager.getByRole('button', { name: 'Lagre planen' }).click();

	const written = manager.getByRole('article').filter({ hasText: tools });
	await expect(written.getByRole('heading', { level: 2 })).toHaveText(`Digital plan ${year}`);
	await expect(written.getByRole('heading', { level: 2 })).toBeFocused();
	await expect(manager.getByTestId('sync-status')).toHaveText('Synkronisert');
	// One plan a year: the page offers the next year's, not a second of this one.
	await expect(manager.getByRole('button', { name: `Skriv planen for ${year}` })).toHaveCount(0);

	// A staff member's tablet pulls it, and reads it with the network gone.
	const staff = await plannerTablet(browser, STAFF);
	await waitForServiceWorker(staff);
	await staff.context().setOffline(true);
	await staff.goto('/digital-plan');
	const read = staff.getByRole('article').filter({ hasText: tools });
	await expect(read.getByRole('heading', { level: 2, name: `Digital plan ${year}` })).toBeVisible();
	await expect(read).toContainText('Barna lager egne fortellinger med stop-motion');
	await expect(read.getByRole('listitem').filter({ hasText: 'stop-motion' })).toContainText(
		/Fagområder\s*Kunst, kultur og kreativitet/
	);
	await expect(read).toContainText('Personvern og samtykke ved bildedeling.');
	await expect(read).toContainText('Hver avdeling på personalmøtet.');
	// Staff read it; only the manager writes it.
	await expect(staff.getByRole('button', { name: /^Skriv planen/ })).toHaveCount(0);
	await expect(read.getByRole('button')).toHaveCount(0);
	await expectNoAxeViolations(staff);
	await expectTouchTargets(staff);
	await staff.context().close();
	await manager.context().close();
});
