import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import { expect, type Browser, type Locator, type Page } from '@playwright/test';

/** The WCAG levels the project promises (README): 2.0, 2.1 and 2.2 at A and AA. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** Opens the app on a fresh device and loads the demo kindergarten from the welcome screen. */
export async function startWithDemo(page: Page): Promise<void> {
	await page.goto('/');
	await page.getByRole('button', { name: 'Last inn eksempeldata' }).click();
	await expect(
		page.getByRole('heading', { level: 1, name: /^Uke \d+ for Knøttene$/ })
	).toBeVisible();
}

/** The demo accounts' password (src/lib/server/demo.ts). */
export const DEMO_PASSWORD = 'lekeplan-demo';

/** Signs in with the sign-in form (bokmål), as a demo account; where it lands is the caller's. */
export async function signInWith(page: Page, email: string): Promise<void> {
	await page.goto('/sign-in');
	await page.getByLabel('E-post').fill(email);
	await page.getByLabel('Passord').fill(DEMO_PASSWORD);
	await page.getByRole('button', { name: 'Logg inn' }).click();
}

/** A tablet of its own (a browser context) with a planner signed in: on the week view, synced. */
export async function plannerTablet(browser: Browser, email: string): Promise<Page> {
	const context = await browser.newContext({ locale: 'nb-NO', serviceWorkers: 'allow' });
	const page = await context.newPage();
	await signInWith(page, email);
	await expect(page.getByRole('heading', { level: 1, name: /^Uke \d+ for / })).toBeVisible();
	await expect(page.getByTestId('sync-status')).toHaveText('Synkronisert');
	return page;
}

/**
 * Waits until the service worker has finished activating, so the app shell is precached.
 * (`ready` can resolve while the worker is still `activating`: docs/design/toolchain.md.)
 */
export async function waitForServiceWorker(page: Page): Promise<void> {
	await page.evaluate(async () => {
		const registration = await navigator.serviceWorker.ready;
		const worker = registration.active;
		if (!worker || worker.state === 'activated') return;
		await new Promise<void>((resolve) => {
			worker.addEventListener('statechange', () => {
				if (worker.state === 'activated') resolve();
			});
		});
	});
}

/** Counts the plans stored on the device (deleted ones included), straight from IndexedDB. */
export async function storedPlanCount(page: Page): Promise<number> {
	return page.evaluate(
		() =>
			new Promise<number>((resolve, reject) => {
				const open = indexedDB.open('lekeplan');
				open.onerror = () => reject(open.error ?? new Error('open failed'));
				open.onsuccess = () => {
					const db = open.result;
					const request = db.transaction('plans').objectStore('plans').count();
					request.onsuccess = () => {
						resolve(request.result);
						db.close();
					};
					request.onerror = () => reject(request.error ?? new Error('count failed'));
				};
			})
	);
}

/** Fills the fields a valid plan needs, leaving the rest at their defaults. */
export async function fillMinimalPlan(page: Page, title: string): Promise<void> {
	await page.getByLabel('Tittel').fill(title);
	await page.getByRole('checkbox', { name: 'Natur, miljø og teknologi' }).check();
}

/**
 * Runs axe-core and expects no violations, naming any that occur. Legacy mode runs axe in the
 * page itself: the default opens a blank page per run to merge the results of frames, and the
 * app has no frames (a second or more a check on a loaded machine).
 */
export async function expectNoAxeViolations(page: Page): Promise<void> {
	const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).setLegacyMode().analyze();
	const summary = results.violations.map(
		(v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`
	);
	expect(summary, `axe violations on ${page.url()}`).toEqual([]);
}

/** Every visible interactive control must be at least 44×44 CSS px (tablets, WCAG 2.5.5). */
export async function expectTouchTargets(page: Page): Promise<void> {
	const small = await page.evaluate(() => {
		const selector =
			'a[href], button, input:not([type="hidden"]), select, textarea, summary, [tabindex]:not([tabindex="-1"])';
		return [...document.querySelectorAll<HTMLElement>(selector)]
			.filter((el) => {
				const style = getComputedStyle(el);
				const box = el.getBoundingClientRect();
				return style.visibility !== 'hidden' && style.display !== 'none' && box.width > 0;
			})
			.map((el) => ({ el, box: el.getBoundingClientRect() }))
			.filter(({ box }) => box.width < 44 || box.height < 44)
			.map(
				({ el, box }) =>
					`${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''} "${(el.textContent ?? '').trim().slice(0, 30)}" ${Math.round(box.width)}×${Math.round(box.height)}`
			);
	});
	expect(small, `controls smaller than 44×44 px on ${page.url()}`).toEqual([]);
}

/** Presses Tab until `target` has focus; fails if it is not reached in `max` presses. */
export async function tabTo(page: Page, target: Locator, max = 80): Promise<void> {
	for (let i = 0; i < max; i++) {
		if (await target.evaluate((el) => el === document.activeElement)) return;
		await page.keyboard.press('Tab');
	}
	throw new Error(`Did not reach ${target.toString()} with ${max} Tab presses`);
}

/**
 * Every item of a filtered list shows `text`, and the list is not empty (a loop over an empty
 * list asserts nothing), and the result count above it says as many as are shown. Retries until
 * the filter has run.
 */
export async function expectEach(items: Locator, text: string | RegExp, resultCount?: Locator) {
	await expect(items).not.toHaveCount(0);
	await expect(items.filter({ hasNotText: text })).toHaveCount(0);
	const shown = await items.count();
	expect(shown).toBeGreaterThan(0);
	if (resultCount) await expect(resultCount).toHaveText(new RegExp(`^${shown} `));
}

/** The period before the current one, as the competence pages name it (`2026-1`). */
export function earlierPeriod(): string {
	const today = new Date();
	return today.getMonth() < 6 ? `${today.getFullYear() - 1}-2` : `${today.getFullYear()}-1`;
}

/**
 * Five new staff members in the demo manager's kindergarten who answered the self-assessment
 * for the period before this one (through the API), so the review shows its figures for that
 * period while this one stays hidden (fewer than five). Made at most once per worker.
 */
export function fiveAnsweredEarlier(browser: Browser): Promise<void> {
	fiveAnswered ??= answerAsFive(browser);
	return fiveAnswered;
}
let fiveAnswered: Promise<void> | undefined;

async function answerAsFive(browser: Browser): Promise<void> {
	const bank = JSON.parse(readFileSync('src/lib/domain/competence/content/bank.json', 'utf8')) as {
		version: number;
		items: Array<{ id: string; audience: string; retiredIn: unknown }>;
	};
	const items = bank.items.filter((i) => i.audience === 'staff' && !i.retiredIn);
	const admin = await browser.newContext();
	try {
		const signedIn = await admin.request.post('/api/v1/auth/sign-in', {
			data: { email: 'eier@demo.lekeplan.no', password: 'lekeplan-demo' }
		});
		expect(signedIn.status()).toBe(200);
		const { users } = (await (await admin.request.get('/api/v1/users')).json()) as {
			users: Array<{ email: string; kindergartenId: string | null }>;
		};
		const kindergartenId = users.find((u) => u.email === 'styrer@demo.lekeplan.no')!.kindergartenId;
		for (let n = 0; n < 5; n++) {
			const made = await admin.request.post('/api/v1/invitations', {
				data: { role: 'staff', kindergartenId, displayName: `Femte ${n + 1}` }
			});
			expect(made.status()).toBe(201);
			const { invitation } = (await made.json()) as { invitation: { url: string } };
			const person = await browser.newContext();
			try {
				const accepted = await person.request.post('/api/v1/invitations/accept', {
					data: {
						token: new URL(invitation.url).pathname.split('/').pop(),
						email: `femte-${n + 1}-${Date.now()}@demo.lekeplan.no`,
						password: 'lekeplan-femte-ansatt',
						displayName: `Femte ${n + 1}`
					}
				});
				expect(accepted.status()).toBe(201);
				const answers = Object.fromEntries(items.map((item, i) => [item.id, 1 + ((i + n) % 6)]));
				const sent = await person.request.put(`/api/v1/competence/mine/${earlierPeriod()}`, {
					data: { bankVersion: bank.version, answers }
				});
				expect(sent.status()).toBe(200);
			} finally {
				await person.close();
			}
		}
	} finally {
		await admin.close();
	}
}
