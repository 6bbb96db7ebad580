import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, plannerTablet } from './fixtures';

/**
 * Issue 17 from end to end, through both sides' own pages: the manager publishes a summary on
 * the tablet and makes a code; a parent joins with it on a phone, reads the summary (in bokmål,
 * then nynorsk), asks a question; the manager answers it in the app; the parent sees the answer.
 */
test('a manager publishes, a parent joins and asks, the manager answers', async ({ browser }) => {
	test.slow();
	const run = Date.now().toString(36);
	const text = `Vi laget stopmotion med leire denne uka ${run}.`;
	const question = `Hvilke apper bruker dere til film? ${run}`;
	const answer = `Vi bruker en app på nettbrettet, alltid sammen med en voksen ${run}.`;

	// The manager publishes this week's summary for the group shown, and makes a code for it.
	const manager = await plannerTablet(browser, 'styrer@demo.lekeplan.no');
	await manager.getByRole('link', { name: 'For foresatte' }).first().click();
	await expect(manager.getByRole('heading', { level: 1, name: 'For foresatte' })).toBeVisible();
	const group = (await manager
		.getByLabel('Avdeling', { exact: true })
		.locator('option:checked')
		.textContent())!;
	// This month's summary: other tests publish weeks (and far-off periods) for the same group.
	await manager.getByLabel('Periode', { exact: true }).selectOption('month');
	await manager.getByLabel('Tekst fra de ansatte').fill(text);
	await manager.getByRole('button', { name: 'Publiser for foresatte' }).click();
	await expect(manager.getByText(/^Publisert( på nytt)?[.:]/)).toBeVisible();
	await manager.getByRole('button', { name: `Lag kode for ${group.trim()}` }).click();
	const code = (await manager.getByTestId('pd-code').textContent())!.trim();
	expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);

	// A parent joins with the code on a phone and reads the summary.
	const phone = await browser.newContext({
		locale: 'nb-NO',
		viewport: { width: 360, height: 740 }
	});
	const parent = await phone.newPage();
	await parent.goto(`/join/${code}`);
	await parent.getByLabel('Navnet ditt').fill(`Foresatt ${run}`);
	await parent.getByLabel('E-post').fill(`foresatt.${run}@example.no`);
	await parent.getByLabel('Passord').fill('correct horse battery');
	await parent.getByRole('button', { name: 'Lag konto og bli med' }).click();
	await expect(parent).toHaveURL(/\/p$/);
	// The one month summary of the group (other tests publish weeks): the page's default month.
	await parent.getByTestId('summary-list').getByRole('link').filter({ hasNotText: 'Uke' }).click();
	await expect(parent.getByRole('heading', { level: 1 })).toContainText(group.trim());
	await expect(parent.locator('blockquote[lang="nb"]')).toContainText(text);
	await expect(parent.getByRole('heading', { name: 'Hva barna gjorde' })).toBeVisible();
	await expectNoAxeViolations(parent);

	// In nynorsk: the structured parts change language; the staff's text stays as written.
	await parent.locator('#parent-language').selectOption('nn');
	await parent.locator('.language-form button').click();
	await expect(parent.getByRole('heading', { name: 'Kva borna gjorde' })).toBeVisible();
	await expect(parent.locator('blockquote[lang="nb"]')).toContainText(text);
	await parent.locator('#parent-language').selectOption('nb');
	await parent.locator('.language-form button').click();

	// The parent asks the kindergarten.
	await parent.goto('/p/questions');
	await parent.getByLabel('Spørsmålet eller kommentaren din').fill(question);
	await parent.getByRole('button', { name: 'Send', exact: true }).click();
	await expect(parent.getByRole('status')).toContainText('Sendt');

	// The manager sees the question in the app, and answers it.
	await manager.reload();
	const asked = manager.getByRole('article').filter({ hasText: question });
	await expect(asked).toBeVisible();
	await asked.getByLabel('Svar', { exact: true }).fill(answer);
	await asked.getByRole('button', { name: 'Send svar' }).click();
	await expect(asked.getByText(`Svaret: ${answer}`)).toBeVisible();

	// The parent sees the answer.
	await parent.reload();
	await expect(parent.getByText(answer)).toBeVisible();
	await expectNoAxeViolations(parent);
	await phone.close();
	await manager.context().close();
});
