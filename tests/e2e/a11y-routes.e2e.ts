import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { expectNoAxeViolations, expectTouchTargets } from './fixtures';

/**
 * Axe-core on every route of the app, in each of its states, in every locale the app ships
 * (issue 20, point 8): the route list is read from src/routes, so a new page without a state
 * here fails the first test. A page is checked once it has settled (its heading shown, nothing
 * loading). The locale is the person's stored choice (paraglide's localStorage strategy).
 */

const LOCALES = ['nb', 'nn', 'en'] as const;
type Locale = (typeof LOCALES)[number];
const PASSWORD = 'lekeplan-demo';
const DEMO = {
	staff: 'ansatt@demo.lekeplan.no',
	manager: 'styrer@demo.lekeplan.no',
	ownerAdmin: 'eier@demo.lekeplan.no'
};

type Audience = 'device' | 'staff' | 'manager' | 'ownerAdmin' | 'anonymous';

interface State {
	/** The route as SvelteKit names it: its folder under src/routes. */
	route: string;
	/** What is on the page. */
	state: string;
	visit: (page: Page, ctx: Context) => Promise<void>;
}

interface Context {
	browser: Browser;
	locale: Locale;
	/** A plan the person may see (its detail page's address). */
	plan?: string;
}

const ROUTES_DIR = join(process.cwd(), 'src/routes');

/** Every page route: a folder under src/routes with a +page.svelte. */
function pageRoutes(dir = ROUTES_DIR): string[] {
	const found: string[] = [];
	for (const name of readdirSync(dir)) {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) found.push(...pageRoutes(path));
		else if (name === '+page.svelte')
			found.push(`/${relative(ROUTES_DIR, dir)}`.replace(/\/$/, ''));
	}
	return found;
}

/** The page has settled: a heading, nothing marked as loading. */
async function settled(page: Page): Promise<void> {
	await expect(page.locator('h1').first()).toBeVisible();
	await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
}

async function open(page: Page, path: string): Promise<void> {
	await page.goto(path);
	await settled(page);
}

/** Submits the page's main form empty, so every message beside its fields shows. */
async function submitEmpty(page: Page, errorId: string): Promise<void> {
	await page.locator('main button[type="submit"]').first().click();
	await expect(page.locator(`#${errorId}`)).toBeVisible();
}

async function signIn(page: Page, email: string): Promise<void> {
	await open(page, '/sign-in');
	await page.locator('input[type="email"]').fill(email);
	await page.locator('input[type="password"]').fill(PASSWORD);
	await page.locator('main button[type="submit"]').click();
	await expect(page).not.toHaveURL(/\/sign-in$/);
	await settled(page);
}

/** A plan of the week view (evaluated, so its evaluation page opens). */
async function aPlan(page: Page): Promise<string> {
	await open(page, '/plans?status=evaluated');
	const href = await page.locator('.plan-card a').first().getAttribute('href');
	expect(href).toMatch(/^\/plans\/[0-9a-f-]{36}$/);
	return href!;
}

/** The planner's pages, the same for a device with demo data and a signed-in planner. */
const PLANNER: State[] = [
	{ route: '/(planner)', state: 'week view', visit: (p) => open(p, '/') },
	{ route: '/(planner)/plans', state: 'list', visit: (p) => open(p, '/plans') },
	{ route: '/(planner)/plans/new', state: 'empty form', visit: (p) => open(p, '/plans/new') },
	{
		route: '/(planner)/plans/new',
		state: 'with messages',
		visit: async (p) => {
			await open(p, '/plans/new');
			await submitEmpty(p, 'plan-title-error');
		}
	},
	{ route: '/(planner)/plans/[id=uuid]', state: 'detail', visit: (p, c) => open(p, c.plan!) },
	{
		route: '/(planner)/plans/[id=uuid]',
		state: 'not found',
		visit: (p) => open(p, '/plans/00000000-0000-7000-8000-000000000000')
	},
	{
		route: '/(planner)/plans/[id=uuid]/edit',
		state: 'form',
		visit: (p, c) => open(p, `${c.plan!}/edit`)
	},
	{
		route: '/(planner)/plans/[id=uuid]/evaluate',
		state: 'form',
		visit: (p, c) => open(p, `${c.plan!}/evaluate`)
	},
	{ route: '/(planner)/settings', state: 'page', visit: (p) => open(p, '/settings') },
	{ route: '/(planner)/guidance', state: 'page', visit: (p) => open(p, '/guidance') },
	{ route: '/(planner)/library', state: 'list', visit: (p) => open(p, '/library') },
	{
		route: '/(planner)/library/[id=activity]',
		state: 'built-in activity',
		visit: (p) => open(p, '/library/bee-bot-story-mat')
	},
	{
		route: '/(planner)/library/[id=activity]/plan',
		state: 'stop-motion series',
		visit: (p) => open(p, '/library/stop-motion-plasticine-animals/plan')
	},
	{
		route: '/(planner)/library/new',
		state: 'with messages',
		visit: async (p) => {
			await open(p, '/library/new');
			await submitEmpty(p, 'activity-title-error');
		}
	},
	{
		route: '/(planner)/library/[id=activity]/edit',
		state: 'an own activity (a copy of a built-in one)',
		visit: async (p) => {
			await open(p, '/library/new?copy=bee-bot-number-line');
			await p.locator('main button[type="submit"]').first().click();
			await expect(p).toHaveURL(/\/library\/[0-9a-f-]{36}$/);
			await settled(p);
			await open(p, `${new URL(p.url()).pathname}/edit`);
		}
	},
	{ route: '/(planner)/conflicts', state: 'none to resolve', visit: (p) => open(p, '/conflicts') },
	{ route: '/(planner)/refused', state: 'none refused', visit: (p) => open(p, '/refused') },
	{ route: '(not found)', state: 'unknown path', visit: (p) => open(p, '/no-such-page') }
];

/** What a signed-in person has beyond the planner. */
const ACCOUNT: State[] = [
	{ route: '/(account)/account', state: 'signed in', visit: (p) => open(p, '/account') }
];

const ADMIN: State[] = [
	...['/admin', '/admin/users', '/admin/invitations', '/admin/audit', '/admin/guidance'].map(
		(path): State => ({
			route: `/(admin)${path}`,
			state: 'owner admin',
			visit: (p) => open(p, path)
		})
	),
	...ACCOUNT
];

const ANONYMOUS: State[] = [
	{ route: '/(planner)', state: 'welcome (first start)', visit: (p) => open(p, '/') },
	{ route: '/(account)/sign-in', state: 'form', visit: (p) => open(p, '/sign-in') },
	{
		route: '/(account)/sign-in',
		state: 'with messages',
		visit: async (p) => {
			await open(p, '/sign-in');
			await p.locator('main button[type="submit"]').click();
			await expect(p.locator('[role="alert"], [aria-invalid="true"]').first()).toBeVisible();
		}
	},
	{
		route: '/(account)/invite/[token]',
		state: 'invalid link',
		visit: async (p) => {
			await open(p, '/invite/not-a-real-token');
			await expect(p.getByRole('alert')).toBeVisible();
		}
	},
	{
		route: '/(account)/invite/[token]',
		state: 'valid link',
		visit: async (p, c) => open(p, await invitationLink(c.browser))
	},
	{
		route: '/(account)/sign-out',
		state: 'signed out already',
		visit: (p) => open(p, '/sign-out')
	}
];

/** A fresh invitation made by the demo owner admin (through the API), as its path. */
async function invitationLink(browser: Browser): Promise<string> {
	const context = await browser.newContext();
	try {
		const api = context.request;
		const signedIn = await api.post('/api/v1/auth/sign-in', {
			data: { email: DEMO.ownerAdmin, password: PASSWORD }
		});
		expect(signedIn.status()).toBe(200);
		const { kindergartens } = (await (await api.get('/api/v1/kindergartens')).json()) as {
			kindergartens: Array<{ id: string }>;
		};
		const made = await api.post('/api/v1/invitations', {
			data: { role: 'staff', kindergartenId: kindergartens[0]!.id, displayName: 'Axe Ansatt' }
		});
		expect(made.status()).toBe(201);
		const { invitation } = (await made.json()) as { invitation: { url: string } };
		return new URL(invitation.url).pathname;
	} finally {
		await context.close();
	}
}

const AUDIENCES: Record<Audience, State[]> = {
	device: PLANNER,
	staff: [
		...PLANNER.filter((s) => !s.route.startsWith('/(planner)/library/[id=activity]/edit')),
		...ACCOUNT,
		{
			route: '/(account)/sign-out',
			state: 'a planner signing out',
			visit: (p) => open(p, '/sign-out')
		},
		{
			route: '/(account)/competence',
			state: 'the self-assessment',
			visit: (p) => open(p, '/competence')
		}
	],
	manager: [
		{
			route: '/(planner)/plans/[id=uuid]',
			state: 'detail with approval',
			visit: (p, c) => open(p, c.plan!)
		},
		{ route: '/(planner)', state: 'week view', visit: (p) => open(p, '/') },
		{
			route: '/(account)/competence/review',
			state: 'figures hidden (fewer than five)',
			visit: (p) => open(p, '/competence/review')
		},
		...ACCOUNT
	],
	ownerAdmin: ADMIN,
	anonymous: ANONYMOUS
};

test('every page route has states here', () => {
	const covered = new Set(Object.values(AUDIENCES).flatMap((states) => states.map((s) => s.route)));
	const missing = pageRoutes().filter((route) => !covered.has(route));
	expect(missing, 'page routes axe never visits').toEqual([]);
	expect(pageRoutes().length).toBeGreaterThan(20);
});

async function checkEvery(page: Page, states: State[], ctx: Context): Promise<void> {
	for (const s of states) {
		await test.step(`${s.route}: ${s.state}`, async () => {
			await s.visit(page, ctx);
			await expect(page.locator('html')).toHaveAttribute('lang', ctx.locale);
			await expectNoAxeViolations(page);
			await expectTouchTargets(page);
		});
	}
}

for (const locale of LOCALES) {
	test.describe(`axe in ${locale}`, () => {
		// Many pages, each through axe-core: on a busy 2-core machine a group takes minutes.
		test.setTimeout(10 * 60_000);
		test.beforeEach(async ({ page }) => {
			await page.addInitScript((l) => localStorage.setItem('PARAGLIDE_LOCALE', l), locale);
		});

		test('a device with the demo kindergarten', async ({ page, browser }) => {
			await open(page, '/');
			await page.getByRole('button', { name: /Last inn eksempeldata|Load sample data/ }).click();
			await expect(page.locator('.plan-card').first()).toBeVisible();
			await checkEvery(page, PLANNER, { browser, locale, plan: await aPlan(page) });
		});

		for (const role of ['staff', 'manager', 'ownerAdmin'] as const) {
			test(`signed in as ${role}`, async ({ page, browser }) => {
				await signIn(page, DEMO[role]);
				const ctx: Context = { browser, locale };
				if (role !== 'ownerAdmin') ctx.plan = await aPlan(page);
				await checkEvery(page, AUDIENCES[role], ctx);
			});
		}

		test('not signed in: welcome, sign-in, invitations', async ({ page, browser }) => {
			await checkEvery(page, ANONYMOUS, { browser, locale });
		});
	});
}
