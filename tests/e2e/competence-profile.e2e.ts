import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { earlierPeriod, expectNoAxeViolations, expectTouchTargets, signInWith } from './fixtures';

/**
 * The person's own competence profile (issue 14): after answering, the chart and its table
 * with the change since the person's previous period, and for a weak area the library
 * activities and public resources to learn from, each with what it is, the links working.
 */

const bank = JSON.parse(readFileSync('src/lib/domain/competence/content/bank.json', 'utf8')) as {
	version: number;
	items: Array<{ id: string; audience: string; area: string; retiredIn: unknown }>;
};
const resources = JSON.parse(
	readFileSync('src/lib/domain/competence/content/resources.json', 'utf8')
) as { resources: Array<{ url: string; areas: string[]; texts: { nb: { title: string } } }> };
const staffItems = bank.items.filter((i) => i.audience === 'staff' && !i.retiredIn);

test('answers → the profile: chart, table, change, and suggestions for the weak area', async ({
	page
}) => {
	test.slow();
	await signInWith(page, 'ansatt@demo.lekeplan.no');
	await expect(page).not.toHaveURL(/\/sign-in$/);
	// The period before: every item at level 3 (through the API, as a person did then).
	const earlier = await page.request.put(`/api/v1/competence/mine/${earlierPeriod()}`, {
		data: {
			bankVersion: bank.version,
			answers: Object.fromEntries(staffItems.map((i) => [i.id, 3]))
		}
	});
	expect(earlier.status()).toBe(200);

	// This period, on the page: level 4 everywhere but privacy, where every item is at level 1.
	await page.goto('/competence');
	await expect(page.locator('fieldset.item').first()).toBeVisible();
	await page
		.locator('fieldset.item input[type="radio"][value="4"]')
		.evaluateAll((radios) => radios.forEach((r) => (r as HTMLInputElement).click()));
	for (const item of staffItems.filter((i) => i.area === 'privacy')) {
		await page.getByTestId(`item-${item.id}`).locator('input[value="1"]').check();
	}
	await page.getByRole('button', { name: 'Send svarene' }).click();
	await expect(page.getByText('Svarene er sendt. Takk!')).toBeVisible();

	// The table: the mean per area, the change since the earlier period in brackets.
	const table = page.getByRole('table');
	await expect(table.getByRole('columnheader').nth(1)).toHaveText(
		/Gjennomsnitt \(endring siden (våren|høsten) \d{4}\)/
	);
	await expect(table.getByRole('row', { name: /Digital dømmekraft/ })).toContainText('4 (+1)');
	await expect(table.getByRole('row', { name: /Personvern, bilder og samtykke/ })).toContainText(
		/1 \([−-]2\)/
	);
	// The chart says the same in its text alternative.
	await expect(
		page.getByRole('img', { name: /Personvern, bilder og samtykke 1 \([−-]2\)/ })
	).toBeVisible();

	// Suggestions for the weak area only, each with what it is.
	await expect(page.getByTestId('suggestions-judgement')).toHaveCount(0);
	const privacy = page.getByTestId('suggestions-privacy');
	await expect(privacy.getByRole('heading')).toHaveText('Personvern, bilder og samtykke (snitt 1)');
	const forPrivacy = resources.resources.filter((r) => r.areas.includes('privacy'));
	for (const resource of forPrivacy) {
		const link = privacy.getByRole('link', { name: resource.texts.nb.title });
		await expect(link).toHaveAttribute('href', resource.url);
		await expect(link.locator('xpath=..')).toContainText(/\w+ \w+ \w+/);
	}
	await expect(
		privacy.getByRole('link', { name: 'Udirs kompetansepakke: Personvern' })
	).toBeVisible();
	const activities = privacy.locator('a[href^="/library/"]');
	await expect(activities).toHaveCount(3);
	await expectNoAxeViolations(page);
	await expectTouchTargets(page);

	// A suggested activity's link opens it in the library.
	const first = activities.first();
	const title = (await first.textContent())!.trim();
	await expect(first).toHaveAttribute('href', /^\/library\/stop-motion-/);
	await first.click();
	await expect(page).toHaveURL(/\/library\/stop-motion-/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
});
