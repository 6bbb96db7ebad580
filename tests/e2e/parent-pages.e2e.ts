import Database from 'better-sqlite3';
import { createHash, randomUUID } from 'node:crypto';
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations, expectTouchTargets } from './fixtures';

/**
 * The parents' pages (issue 17, ADR 39) on a phone (360×740): rendered on the server without
 * JavaScript, joined with a code, read in nynorsk, Northern Sami and Arabic (mirrored), printed,
 * a question asked and its answer seen. Axe-core finds nothing on any parent page in any of
 * the eight languages. The code and the summaries are written into the e2e server's SQLite
 * database here: the manager's side (publishing, codes, answers) is tested on its own.
 */

const WIDTH = 360;
test.use({ viewport: { width: WIDTH, height: 740 } });
test.describe.configure({ mode: 'serial' });

const LOCALES = ['nb', 'nn', 'en', 'se', 'pl', 'uk', 'ar', 'so'] as const;
const PASSWORD = 'correct horse battery';
const CODE = 'KNTT2345';
const REVOKED = 'RVKD2345';
const EMAIL = `parent-${Date.now()}@example.no`;

let summaryId = '';
let withdrawnId = '';
let otherGroupSummaryId = '';

function database() {
	const db = new Database('data/e2e.sqlite');
	db.pragma('busy_timeout = 5000');
	return db;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('base64url');

function content(start: string, end: string) {
	return JSON.stringify({
		period: { kind: 'week', start, end },
		held: 4,
		planned: 1,
		areas: [
			{ id: 'communication', plans: 3 },
			{ id: 'nature', plans: 2 }
		],
		clauses: [{ id: 'explore', plans: 4 }],
		tools: [{ name: 'Bee-Bot', plans: 2 }],
		screen: [
			{ mode: 'creative', minutes: 40, plans: 2 },
			{ mode: 'screenFree', minutes: 60, plans: 2 }
		],
		withAdult: 2,
		guidance: {
			band: '2-3',
			dailyLimitMinutes: 60,
			maxDayMinutes: 20,
			daysOverLimit: 0,
			sources: [{ name: 'Helsedirektoratet', year: 2022, advice: 'limit', maxMinutesPerDay: 60 }]
		}
	});
}

test.beforeAll(() => {
	const db = database();
	const group = db
		.prepare(
			`select g.id, g.kindergarten_id as k, g.owner_id as o from groups g where g.name = 'Knøttene'`
		)
		.get() as { id: string; k: string; o: string };
	const other = db.prepare(`select id from groups where name = 'Humla'`).get() as { id: string };
	const manager = db
		.prepare(`select id from users where email = 'styrer@demo.lekeplan.no'`)
		.get() as { id: string };
	const now = new Date().toISOString();
	const later = new Date(Date.now() + 30 * 86_400_000).toISOString();
	const code = db.prepare(
		`insert or ignore into parent_codes (id, code_hash, owner_id, kindergarten_id, group_id, created_by, created_at, expires_at, revoked_at)
		 values (?, ?, ?, ?, ?, ?, ?, ?, ?)`
	);
	code.run(randomUUID(), sha256(CODE), group.o, group.k, group.id, manager.id, now, later, null);
	code.run(randomUUID(), sha256(REVOKED), group.o, group.k, group.id, manager.id, now, later, now);
	const summary = db.prepare(
		`insert into parent_summaries (id, owner_id, kindergarten_id, group_id, period_kind, period_start, content, staff_text, staff_text_locale, published_by, published_at, withdrawn_at)
		 values (?, ?, ?, ?, 'week', ?, ?, ?, 'nb', ?, ?, ?)`
	);
	const year = 2030 + Math.floor(Math.random() * 60);
	summaryId = randomUUID();
	withdrawnId = randomUUID();
	otherGroupSummaryId = randomUUID();
	const text = 'Vi laget en stopmotionfilm om ekornet.\nBarna styrte kameraet selv.';
	summary.run(
		summaryId,
		group.o,
		group.k,
		group.id,
		`${year}-03-02`,
		content(`${year}-03-02`, `${year}-03-08`),
		text,
		manager.id,
		now,
		null
	);
	summary.run(
		withdrawnId,
		group.o,
		group.k,
		group.id,
		`${year}-03-09`,
		content(`${year}-03-09`, `${year}-03-15`),
		'Trukket',
		manager.id,
		now,
		now
	);
	summary.run(
		otherGroupSummaryId,
		group.o,
		group.k,
		other.id,
		`${year}-03-02`,
		content(`${year}-03-02`, `${year}-03-08`),
		'Humla',
		manager.id,
		now,
		null
	);
	db.close();
});

async function fitsPhone(page: Page): Promise<void> {
	const width = await page.evaluate(() => document.documentElement.scrollWidth);
	expect(width, `${page.url()} scrolls sideways`).toBeLessThanOrEqual(WIDTH);
	await expectNoAxeViolations(page);
	await expectTouchTargets(page);
}

/** No script of any kind on a parent page (ADR 39). */
async function expectNoScript(page: Page): Promise<void> {
	expect(await page.locator('script').count(), `scripts on ${page.url()}`).toBe(0);
}

async function signInParent(page: Page): Promise<void> {
	// By ids: the page may be in any of the eight languages.
	await page.goto('/p/sign-in');
	await page.locator('#email').fill(EMAIL);
	await page.locator('#password').fill(PASSWORD);
	await page.locator('main form button[type=submit]').click();
	await expect(page).toHaveURL(/\/p$/);
}

test('a new parent joins with the code on a phone, and reads the summary', async ({ page }) => {
	await page.goto('/join');
	await expectNoScript(page);
	await fitsPhone(page);
	await page.getByLabel('Kode').fill('not-a-code');
	await page.getByRole('button', { name: 'Fortsett' }).click();
	await expect(page.getByRole('alert')).toContainText('åtte bokstaver og tall');
	await page.getByLabel('Kode').fill('kntt-2345');
	await page.getByRole('button', { name: 'Fortsett' }).click();
	await expect(page).toHaveURL(/\/join\/KNTT-2345$/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Bli med i Knøttene');
	await fitsPhone(page);

	// A bad form is answered beside its fields, nothing made.
	await page.getByLabel('Navnet ditt').fill('Kari Foresatt');
	await page.getByLabel('E-post').fill('ikke-epost');
	await page.getByLabel('Passord').fill(PASSWORD);
	await page.locator('#email').evaluate((el) => el.removeAttribute('type'));
	await page.getByRole('button', { name: 'Lag konto og bli med' }).click();
	await expect(page.locator('#email-problem')).toBeVisible();
	await fitsPhone(page);

	await page.getByLabel('E-post').fill(EMAIL);
	await page.getByLabel('Passord').fill(PASSWORD);
	await page.getByRole('button', { name: 'Lag konto og bli med' }).click();
	await expect(page).toHaveURL(/\/p$/);
	// Its group's published summary is listed; the withdrawn one and the other group's are not
	// (other tests may have published more for the group: only these three are this test's).
	const list = page.getByTestId('summary-list');
	await expect(list.locator(`a[href="/p/summaries/${summaryId}"]`)).toHaveCount(1);
	for (const id of [withdrawnId, otherGroupSummaryId]) {
		await expect(list.locator(`a[href="/p/summaries/${id}"]`)).toHaveCount(0);
	}
	await expectNoScript(page);
	await fitsPhone(page);

	await list.locator(`a[href="/p/summaries/${summaryId}"]`).click();
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Knøttene');
	await expect(page.getByText('Bee-Bot')).toBeVisible();
	await expect(page.locator('blockquote[lang="nb"]')).toContainText('stopmotionfilm om ekornet');
	await expect(page.getByText(/Ingen navn og ingen bilder/)).toBeVisible();
	await expectNoScript(page);
	await fitsPhone(page);

	// A withdrawn summary and another group's are not there.
	for (const id of [withdrawnId, otherGroupSummaryId]) {
		const response = await page.goto(`/p/summaries/${id}`);
		expect(response?.status()).toBe(404);
	}
});

test('a revoked or unknown code is refused with a clear message', async ({ page }) => {
	for (const code of ['RVKD-2345', 'ZZZZ-9999']) {
		await page.goto(`/join/${code}`);
		await expect(page.getByRole('alert')).toContainText('Denne koden virker ikke');
		await fitsPhone(page);
	}
});

test('read in nynorsk, Northern Sami (a draft) and Arabic (mirrored)', async ({ page }) => {
	await signInParent(page);
	await page.goto(`/p/summaries/${summaryId}`);
	const choose = async (locale: string) => {
		await page.locator('#parent-language').selectOption(locale);
		await page.locator('.language-form button').click();
		await expect(page.locator('html')).toHaveAttribute('lang', locale);
	};

	await choose('nn');
	await expect(page).toHaveURL(new RegExp(`/p/summaries/${summaryId}$`));
	await expect(page.getByRole('heading', { name: 'Kva borna gjorde' })).toBeVisible();
	await expect(page.getByText('Kommunikasjon, språk og tekst')).toBeVisible();
	await expect(page.getByTestId('draft-notice')).toHaveCount(0);

	await choose('se');
	await expect(page.getByTestId('draft-notice')).toBeVisible();
	await expect(page.locator('#parent-language option[value="se"]')).toContainText(
		'Davvisámegiella'
	);
	// Marked a draft in the page's own language (messages/parents/se.json).
	await expect(page.locator('#parent-language option[value="se"]')).toContainText(
		'jorgalusa evttohus'
	);
	await expect(page.getByRole('heading', { name: 'Maid mánát barge' })).toBeVisible();
	await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');

	await choose('ar');
	await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
	await expect(page.getByRole('heading', { name: 'ماذا فعل الأطفال' })).toBeVisible();
	// Mirrored: the navigation starts at the right edge, the site name is right-aligned.
	const first = await page.getByRole('navigation').getByRole('link').first().boundingBox();
	expect(first!.x + first!.width).toBeGreaterThan(WIDTH - 40);
	expect(first!.x).toBeGreaterThan(WIDTH / 3);
	// The staff text keeps its own language and direction.
	await expect(page.locator('blockquote')).toHaveAttribute('dir', 'ltr');
	await fitsPhone(page);

	// Remembered on the next page and the next visit.
	await page.goto('/p/questions');
	await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
	await choose('nb');
});

test('prints without navigation or forms', async ({ page }) => {
	await signInParent(page);
	await page.goto(`/p/summaries/${summaryId}`);
	await page.emulateMedia({ media: 'print' });
	await expect(page.getByRole('navigation')).toBeHidden();
	await expect(page.locator('.language-form')).toBeHidden();
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	await expect(page.getByText('Bee-Bot')).toBeVisible();
	await page.emulateMedia({ media: 'screen' });
	await expect(page.getByRole('navigation')).toBeVisible();
});

test('asks a question, is refused a personal number, and sees the answer', async ({ page }) => {
	await signInParent(page);
	await page.goto('/p/questions');
	await expect(page.getByText(/Ikke skriv om et barn med navn/)).toBeVisible();
	await page.getByLabel('Spørsmålet eller kommentaren din').fill('Nummeret er 15076500565');
	await page.getByRole('button', { name: 'Send' }).click();
	await expect(page.getByRole('alert')).toContainText('personnummer');
	await fitsPhone(page);
	await page.getByLabel('Spørsmålet eller kommentaren din').fill('Hvilke apper bruker dere?');
	await page.getByRole('button', { name: 'Send' }).click();
	await expect(page.getByRole('status')).toContainText('Sendt');
	await expect(page.getByTestId('questions')).toContainText('Hvilke apper bruker dere?');
	await expect(page.getByTestId('questions')).toContainText('Ikke besvart ennå.');

	// The manager answers (their page is the app's; here straight into the table).
	const db = database();
	db.prepare(
		`update parent_questions set answer = ?, answered_by = (select id from users where email = 'styrer@demo.lekeplan.no'), answered_at = ? where body = ?`
	).run('Vi bruker Bee-Bot og en tegneapp.', new Date().toISOString(), 'Hvilke apper bruker dere?');
	db.close();
	await page.reload();
	await expect(page.getByTestId('questions')).toContainText('Vi bruker Bee-Bot og en tegneapp.');
	await fitsPhone(page);
});

test('a parent signed in to the app is sent to their own pages', async ({ page }) => {
	await page.goto('/sign-in');
	await page.getByLabel('E-post').fill(EMAIL);
	await page.getByLabel('Passord').fill(PASSWORD);
	await page.getByRole('button', { name: 'Logg inn' }).click();
	await expect(page).toHaveURL(/\/p$/);
	await expect(page.getByRole('navigation')).not.toContainText('Planlegg');
	await page.goto('/');
	await expect(page).toHaveURL(/\/p$/);
});

/** Every parent page route, from src/routes/(parents). */
function parentRoutes(dir = join(process.cwd(), 'src/routes/(parents)')): string[] {
	const found: string[] = [];
	for (const name of readdirSync(dir)) {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) found.push(...parentRoutes(path));
		else if (name === '+page.svelte')
			found.push(`/${relative(join(process.cwd(), 'src/routes/(parents)'), dir)}`);
	}
	return found;
}

test('axe finds nothing on any parent page in any language', async ({ page, context, baseURL }) => {
	test.setTimeout(6 * 60_000);
	const pages: Array<[route: string, path: string, signedIn: boolean]> = [
		['/join', '/join', false],
		['/join/[code]', '/join/KNTT-2345', false],
		['/join/[code]', '/join/ZZZZ-9999', false],
		['/p/sign-in', '/p/sign-in', false],
		['/join/[code]', '/join/KNTT-2345', true],
		['/p', '/p', true],
		['/p/summaries/[id]', `/p/summaries/${summaryId}`, true],
		['/p/questions', '/p/questions', true],
		['/p/privacy', '/p/privacy', true]
	];
	expect(new Set(parentRoutes())).toEqual(new Set(pages.map(([route]) => route)));
	const failures: string[] = [];
	for (const signedIn of [false, true]) {
		if (signedIn) await signInParent(page);
		for (const locale of LOCALES) {
			await context.addCookies([{ name: 'lekeplan_parent_locale', value: locale, url: baseURL! }]);
			for (const [, path] of pages.filter(([, , s]) => s === signedIn)) {
				// A refused code counts as a guess (and five slow the address down): two languages.
				if (path.includes('ZZZZ') && locale !== 'nb' && locale !== 'ar') continue;
				try {
					await page.goto(path);
					await expect(page.locator('html')).toHaveAttribute('lang', locale);
					await expect(page.locator('h1')).toBeVisible();
					await fitsPhone(page);
				} catch (error) {
					failures.push(`${path} (${locale}): ${(error as Error).message}`);
				}
			}
		}
	}
	expect(failures).toEqual([]);
});
