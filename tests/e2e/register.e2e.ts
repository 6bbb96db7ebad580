import { expect, test } from '@playwright/test';
import { DEMO_PASSWORD, expectNoAxeViolations, expectTouchTargets, signInWith } from './fixtures';

/**
 * The owner's register of digital tools (issue 16, ADR 43): the owner admin assesses a tool the
 * register was seeded with (data processing agreement, a risk assessment with its date and link,
 * approved with a condition) and finds it in the list with who assessed it; then decides two
 * proposals a staff member made, declining one with a reason and taking the other in.
 */
test('the owner admin assesses a seeded tool and decides proposals', async ({
	page,
	playwright,
	baseURL
}) => {
	test.slow();
	const run = Date.now().toString(36);
	await signInWith(page, 'eier@demo.lekeplan.no');
	await expect(page).not.toHaveURL(/\/sign-in$/);
	await page.goto('/admin');
	await page.getByRole('link', { name: 'Verktøyregister', exact: true }).click();
	await expect(
		page.getByRole('heading', { level: 1, name: 'Register over digitale verktøy' })
	).toBeVisible();
	await page.getByRole('link', { name: 'Cubetto', exact: true }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Cubetto' })).toBeVisible();

	// Approved with conditions but none written: named beside the field, nothing saved.
	const decision = page.getByRole('combobox', { name: 'Beslutning' });
	await decision.selectOption({ label: 'Godkjent med vilkår' });
	const conditions = page.getByRole('textbox', { name: 'Vilkår' });
	await conditions.fill('');
	await page.getByRole('button', { name: 'Lagre oppføringen' }).click();
	await expect(conditions).toHaveAccessibleDescription(/Fyll ut dette feltet\./);
	await expect(conditions).toBeFocused();
	await expectNoAxeViolations(page);

	await page
		.getByRole('combobox', { name: 'Databehandleravtale' })
		.selectOption({ label: 'Ikke nødvendig' });
	await page.getByRole('checkbox', { name: 'Risikovurdering er gjort' }).check();
	await page.getByLabel('Dato for risikovurderingen').fill('2026-11-20');
	await page
		.getByRole('textbox', { name: 'Lenke til risikovurderingen' })
		.fill(`https://kommune.example/ros/cubetto-${run}`);
	await conditions.fill('Bare med en voksen til stede.');
	await page.getByRole('button', { name: 'Lagre oppføringen' }).click();
	await expect(page.getByText('«Cubetto» er lagret.')).toBeVisible();
	await expect(page.getByTestId('entry-assessed')).toContainText('av Eva Eier');
	await expect(page.getByTestId('entry-usage')).toBeVisible();
	await expectTouchTargets(page);

	// In the list: its decision in words, who assessed it.
	await page.getByRole('link', { name: 'Tilbake til registeret' }).click();
	await page
		.getByRole('combobox', { name: 'Vis beslutning' })
		.selectOption({ label: 'Godkjent med vilkår' });
	const cubetto = page.getByTestId('register-entry').filter({ hasText: 'Cubetto' });
	await expect(cubetto).toHaveCount(1);
	await expect(cubetto).toContainText('Godkjent med vilkår');
	await expect(cubetto.getByTestId('register-assessed')).toContainText('av Eva Eier');
	await expectNoAxeViolations(page);
	await expectTouchTargets(page);

	// A staff member proposes two tools (through the API, as their tablet would).
	const staff = await playwright.request.newContext({ baseURL: baseURL! });
	expect(
		(
			await staff.post('/api/v1/auth/sign-in', {
				data: { email: 'ansatt@demo.lekeplan.no', password: DEMO_PASSWORD }
			})
		).status()
	).toBe(200);
	for (const name of [`Mikroskop ${run}`, `Drone ${run}`]) {
		const proposed = await staff.post('/api/v1/register/proposals', {
			data: { name, kind: 'device', purpose: 'Se naturen på nært hold.', note: '' }
		});
		expect(proposed.status()).toBe(201);
	}

	await page.goto('/admin/register');
	await page.getByRole('link', { name: /^Forslag fra barnehagene/ }).click();
	await expect(
		page.getByRole('heading', { level: 1, name: 'Forslag til verktøyregisteret' })
	).toBeVisible();
	const open = page.getByTestId('proposals-open');
	const drone = open.getByTestId('proposal').filter({ hasText: `Drone ${run}` });
	await expect(drone).toContainText('Se naturen på nært hold.');
	// Declined without a reason: asked for one beside the field.
	await drone.getByRole('button', { name: `Avslå «Drone ${run}»` }).click();
	const reason = drone.getByRole('textbox', { name: 'Begrunnelse for et avslag' });
	await expect(reason).toHaveAccessibleDescription(/Fyll ut dette feltet\./);
	await reason.fill('Ikke egnet i barnehagen.');
	await drone.getByRole('button', { name: `Avslå «Drone ${run}»` }).click();
	await expect(page.getByText(`Forslaget «Drone ${run}» er avslått.`)).toBeVisible();

	await open
		.getByTestId('proposal')
		.filter({ hasText: `Mikroskop ${run}` })
		.getByRole('button', { name: `Ta inn «Mikroskop ${run}»` })
		.click();
	await expect(
		page.getByText(`«Mikroskop ${run}» er tatt inn i registeret, ikke vurdert ennå.`)
	).toBeVisible();
	const decided = page.getByTestId('proposals-decided');
	await expect(decided.getByTestId('proposal').filter({ hasText: `Drone ${run}` })).toContainText(
		'Begrunnelse: Ikke egnet i barnehagen.'
	);
	const micro = decided.getByTestId('proposal').filter({ hasText: `Mikroskop ${run}` });
	await expect(micro).toContainText('Tatt inn');
	await expectNoAxeViolations(page);
	await page.setViewportSize({ width: 360, height: 800 });
	expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
	await expectTouchTargets(page);

	// The new entry, not yet assessed.
	await micro.getByRole('link', { name: 'Åpne oppføringen' }).click();
	await expect(page.getByRole('heading', { level: 1, name: `Mikroskop ${run}` })).toBeVisible();
	await expect(page.getByTestId('entry-assessed')).toHaveText('Ikke vurdert ennå.');
	await expect(page.getByRole('combobox', { name: 'Beslutning' })).toHaveValue('notAssessed');

	// The staff member sees the decisions on their kindergarten's proposals.
	const seen = (await (await staff.get('/api/v1/register/proposals')).json()) as {
		proposals: Array<{ name: string; status: string; reason: string | null }>;
	};
	expect(seen.proposals.find((p) => p.name === `Drone ${run}`)).toMatchObject({
		status: 'declined',
		reason: 'Ikke egnet i barnehagen.'
	});
	await staff.dispose();
});
