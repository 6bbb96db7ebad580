import Sqlite from 'better-sqlite3';
import { expect, test, type Page } from '@playwright/test';
import {
	expectNoAxeViolations,
	expectTouchTargets,
	plannerTablet,
	waitForServiceWorker
} from './fixtures';

/**
 * The kindergarten's side of the parents' pages (issue 17, ADR 40): the manager writes a
 * summary's text (a draft kept on the tablet through a reload), is told that publishing needs
 * the server while offline, publishes, withdraws nothing, makes a join code (shown once, with its
 * link), and answers a parent's question (seeded straight into the e2e database: the parents'
 * own form is another page's).
 */

/** The e2e server's SQLite file (playwright.config.ts). */
const DATABASE = 'data/e2e.sqlite';

/** A parent's question to the demo kindergarten's first group, as if asked by the demo parent. */
function seedQuestion(body: string): void {
	const db = new Sqlite(DATABASE);
	try {
		db.pragma('busy_timeout = 5000');
		const parent = db
			.prepare(
				"select id, owner_id as ownerId, kindergarten_id as kindergartenId, group_id as groupId from users where email = 'forelder@demo.lekeplan.no'"
			)
			.get() as { id: string; ownerId: string; kindergartenId: string; groupId: string };
		db.prepare(
			`insert into parent_questions (id, owner_id, kindergarten_id, group_id, asked_by, body, asked_at)
			 values (?, ?, ?, ?, ?, ?, ?)`
		).run(
			crypto.randomUUID(),
			parent.ownerId,
			parent.kindergartenId,
			parent.groupId,
			parent.id,
			body,
			new Date().toISOString()
		);
	} finally {
		db.close();
	}
}

async function fitsPhone(page: Page): Promise<void> {
	await page.setViewportSize({ width: 360, height: 740 });
	expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
	await expectNoAxeViolations(page);
	await expectTouchTargets(page);
	await page.setViewportSize({ width: 1024, height: 768 });
}

test('the manager drafts offline, publishes, makes a code and answers a parent', async ({
	browser
}) => {
	test.slow();
	const run = Date.now().toString(36);
	const text = `Vi har utforsket lys og skygge med lommelykter ${run}.`;
	const page = await plannerTablet(browser, 'styrer@demo.lekeplan.no');

	await page.getByRole('link', { name: 'For foresatte' }).first().click();
	await expect(page.getByRole('heading', { level: 1, name: 'For foresatte' })).toBeVisible();
	await expect(page.getByRole('heading', { level: 2, name: 'Oppsummeringen' })).toBeVisible();
	await expect(page.getByText('Oppsummeringen har ingen barns navn eller bilder')).toBeVisible();
	await expectNoAxeViolations(page);

	// A draft, kept on the tablet through a reload.
	await page.getByLabel('Tekst fra de ansatte').fill(text);
	await page.getByRole('button', { name: 'Lagre utkast' }).click();
	await expect(page.getByText('Utkastet er lagret på dette nettbrettet.')).toBeVisible();
	await page.reload();
	await expect(page.getByLabel('Tekst fra de ansatte')).toHaveValue(text);

	// Offline: the page and its draft come back on a reload, and publishing says it needs the
	// server.
	await waitForServiceWorker(page);
	await page.context().setOffline(true);
	await page.reload();
	await expect(page.getByLabel('Tekst fra de ansatte')).toHaveValue(text);
	await expect(page.getByText('Denne delen trenger kontakt med serveren.')).toBeVisible();
	await page.getByRole('button', { name: 'Publiser for foresatte' }).click();
	await expect(page.getByText('Publisering trenger kontakt med serveren.')).toBeVisible();
	await page.context().setOffline(false);
	await expect(page.getByText('Denne delen trenger kontakt med serveren.')).toHaveCount(0);

	// Online: published, and listed.
	await page.getByRole('button', { name: 'Publiser for foresatte' }).click();
	await expect(page.getByText(/^Publisert( på nytt)?[.:]/)).toBeVisible();
	const published = page.getByRole('region', { name: 'Publiserte oppsummeringer' });
	await expect(published.getByRole('button', { name: /^Trekk tilbake / }).first()).toBeVisible();

	// A code, shown once with its link.
	const make = page.getByRole('button', { name: /^Lag kode for / });
	await make.click();
	const code = page.getByTestId('pd-code');
	await expect(code).toHaveText(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
	const shown = (await code.textContent())!;
	await expect(page.getByRole('link', { name: new RegExp(`/join/${shown}$`) })).toBeVisible();
	await expect(page.getByText('Skriv den ned eller skriv ut nå')).toBeVisible();
	await page.emulateMedia({ media: 'print' });
	await expect(page.getByRole('navigation', { name: 'Hovedmeny' })).toBeHidden();
	await page.emulateMedia({ media: 'screen' });
	await fitsPhone(page);
	await page.reload();
	await expect(page.getByText(shown)).toHaveCount(0);
	await expect(page.getByRole('button', { name: /^Trekk tilbake koden: / }).first()).toBeVisible();

	// A parent's question, answered.
	const question = `Hvor mye skjerm bruker dere i uka? ${run}`;
	seedQuestion(question);
	await page.reload();
	const asked = page.getByRole('article').filter({ hasText: question });
	await expect(asked).toBeVisible();
	await expect(asked.getByText('Ikke besvart')).toBeVisible();
	await asked.getByRole('button', { name: 'Send svar' }).click();
	await expect(asked.getByText('Skriv et svar.')).toBeVisible();
	await asked.getByLabel('Svar', { exact: true }).fill('Rundt en halvtime, alltid med en voksen.');
	await asked.getByRole('button', { name: 'Send svar' }).click();
	await expect(asked.getByText('Svaret: Rundt en halvtime, alltid med en voksen.')).toBeVisible();
	await expect(asked.getByLabel('Rett svaret')).toBeVisible();
	await expectNoAxeViolations(page);
	await fitsPhone(page);
	await page.context().close();
});

test('a staff member publishes once the manager allows it, and sees the summary part only', async ({
	browser
}) => {
	test.slow();
	const run = Date.now().toString(36);
	const name = `Pia Publiserer ${run}`;
	const email = `pia.${run}@example.no`;

	// A new staff member of the demo manager's kindergarten, invited by the owner admin.
	const admin = await browser.newContext();
	try {
		const signIn = (who: string) =>
			admin.request.post('/api/v1/auth/sign-in', {
				data: { email: who, password: 'lekeplan-demo' }
			});
		expect((await signIn('styrer@demo.lekeplan.no')).status()).toBe(200);
		const me = (await (await admin.request.get('/api/v1/me')).json()) as {
			user: { kindergartenId: string };
		};
		expect((await signIn('eier@demo.lekeplan.no')).status()).toBe(200);
		const made = await admin.request.post('/api/v1/invitations', {
			data: { role: 'staff', kindergartenId: me.user.kindergartenId, displayName: name }
		});
		expect(made.status()).toBe(201);
		const { invitation } = (await made.json()) as { invitation: { token: string } };
		const accepted = await admin.request.post('/api/v1/invitations/accept', {
			data: { token: invitation.token, email, password: 'lekeplan-demo' }
		});
		expect(accepted.status()).toBe(201);
	} finally {
		await admin.close();
	}

	const staff = await plannerTablet(browser, email);
	await staff.goto('/parents');
	await expect(staff.getByRole('alert')).toHaveText(
		'Styreren har ikke gitt deg rett til å publisere oppsummeringer for foresatte.'
	);

	const manager = await plannerTablet(browser, 'styrer@demo.lekeplan.no');
	await manager.goto('/parents');
	const allow = manager.getByRole('checkbox', { name: `${name} kan publisere` });
	await allow.check();
	await manager.reload();
	await expect(allow).toBeChecked();

	await staff.goto('/');
	await staff.getByRole('link', { name: 'For foresatte' }).first().click();
	await expect(staff.getByRole('heading', { level: 2, name: 'Oppsummeringen' })).toBeVisible();
	await expect(staff.getByRole('heading', { level: 2, name: 'Koder for foresatte' })).toHaveCount(
		0
	);
	await expect(staff.getByRole('heading', { level: 2, name: /^Spørsmål/ })).toHaveCount(0);
	await staff.getByLabel('Tekst fra de ansatte').fill(`Vi bygde med klosser og Bee-Bot ${run}.`);
	await staff.getByRole('button', { name: 'Publiser for foresatte' }).click();
	await expect(staff.getByText(/^Publisert( på nytt)?[.:]/)).toBeVisible();
	await expectNoAxeViolations(staff);

	// Stopped again: the staff member is refused.
	await allow.uncheck();
	await manager.reload();
	await expect(allow).not.toBeChecked();
	await staff.reload();
	await expect(staff.getByRole('alert')).toBeVisible();
	await manager.context().close();
	await staff.context().close();
});
