import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { expect, test, type Browser, type Page } from '@playwright/test';
import {
	earlierPeriod,
	expectNoAxeViolations,
	expectTouchTargets,
	fiveAnsweredEarlier
} from './fixtures';

/**
 * Axe-core on every route of the app, in each of its states, in every locale the app ships
 * (issue 20, point 8): the route list is read from src/routes, so a new page without a state
 * here fails the first test. A page is checked once it has settled (its heading shown, nothing
 * loading). The locale is the person's stored choice (paraglide's localStorage strategy).
 * One browser context per audience and locale, signed in once; every state is checked and
 * those that fail are named together at the end.
 */

const LOCALES = ['nb', 'nn', 'en'] as const;
type Locale = (typeof LOCALES)[number];
const PASSWORD = 'lekeplan-demo';
const DEMO = {
	staff: 'ansatt@demo.lekeplan.no',
	manager: 'styrer@demo.lekeplan.no',
	ownerAdmin: 'eier@demo.lekeplan.no'
};

/** What the week says once a deleted plan is brought back. */
const RESTORED: Record<Locale, string> = {
	nb: 'Planen er hentet tilbake.',
	nn: 'Planen er henta tilbake.',
	en: 'The plan has been restored.'
};

type Audience = 'device' | 'staff' | 'manager' | 'ownerAdmin' | 'anonymous';

interface State {
	/** The route as SvelteKit names it: its folder under src/routes. */
	route: string;
	/** What is on the page. */
	state: string;
	visit: (page: Page, ctx: Context) => Promise<void>;
	/** Puts back what the visit changed, once the page is checked. */
	after?: (page: Page, ctx: Context) => Promise<void>;
}

interface Context {
	browser: Browser;
	locale: Locale;
	/** A plan the person may see (its detail page's address). */
	plan?: string;
	/** An own activity (its page's address), made on the first visit that needs it. */
	activity?: string;
}

const ROUTES_DIR = join(process.cwd(), 'src/routes');

/**
 * Every page route: a folder under src/routes with a +page.svelte. The parents' pages have
 * languages of their own (eight): parent-pages.e2e.ts checks each of them in every one.
 */
function pageRoutes(dir = ROUTES_DIR): string[] {
	const found: string[] = [];
	for (const name of readdirSync(dir)) {
		if (name === '(parents)') continue;
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

/** A plan of the demo kindergarten's week (evaluated, so its evaluation page opens). */
async function aPlan(page: Page): Promise<string> {
	await open(page, '/plans?status=evaluated');
	const link = page.locator('.plan-card a').first();
	await expect(link).toHaveAttribute('href', /^\/plans\/[0-9a-f-]{36}$/);
	return (await link.getAttribute('href'))!;
}

/**
 * A new plan of today from a library activity, for a signed-in planner (the server has no demo
 * plans); today's plan can be evaluated.
 */
async function aNewPlan(page: Page): Promise<string> {
	await open(page, '/plans/new?activity=bee-bot-number-line');
	await expect(page.locator('#plan-title')).not.toHaveValue('');
	await page.locator('main button[type="submit"]').first().click();
	await expect(page).toHaveURL(/\/plans\/[0-9a-f-]{36}$/);
	return new URL(page.url()).pathname;
}

/** A plan of a day a month ahead, whose evaluation cannot be written yet. */
async function aLaterPlan(page: Page): Promise<string> {
	const later = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
	await open(page, `/plans/new?activity=bee-bot-number-line&date=${later}`);
	await expect(page.locator('#plan-title')).not.toHaveValue('');
	await page.locator('main button[type="submit"]').first().click();
	await expect(page).toHaveURL(/\/plans\/[0-9a-f-]{36}$/);
	return new URL(page.url()).pathname;
}

/** An own activity: a copy of a built-in one, saved (once per group), as its page's address. */
async function ownActivity(page: Page, ctx: Context): Promise<string> {
	if (ctx.activity) return ctx.activity;
	await open(page, '/library/new?copy=bee-bot-number-line');
	await expect(page.locator('#activity-title')).not.toHaveValue('');
	await page.locator('main button[type="submit"]').first().click();
	await expect(page).toHaveURL(/\/library\/[0-9a-f-]{36}$/);
	ctx.activity = new URL(page.url()).pathname;
	return ctx.activity;
}

/** The planner's pages, the same for a device with demo data and a signed-in planner. */
const PLANNER: State[] = [
	{ route: '/(planner)', state: 'week view', visit: (p) => open(p, '/') },
	{
		route: '/(planner)/plans',
		state: 'list',
		visit: async (p) => {
			await open(p, '/plans');
			await expect(p.locator('.plan-card').first()).toBeVisible();
		}
	},
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
		visit: async (p, c) => {
			await open(p, `${c.plan!}/edit`);
			await expect(p.locator('#plan-title')).not.toHaveValue('');
		}
	},
	{
		route: '/(planner)/plans/[id=uuid]/evaluate',
		state: 'form',
		visit: async (p, c) => {
			await open(p, `${c.plan!}/evaluate`);
			await expect(p.locator('main form textarea').first()).toBeVisible();
		}
	},
	{
		route: '/(planner)/plans/[id=uuid]/evaluate',
		state: 'not open yet (a plan a month ahead)',
		visit: async (p) => {
			await open(p, `${await aLaterPlan(p)}/evaluate`);
			await expect(p.getByTestId('evaluation-opens')).toBeVisible();
		}
	},
	{
		route: '/(planner)',
		state: 'a plan just deleted, with its undo',
		visit: async (p, c) => {
			await open(p, c.plan!);
			await p.locator('main button.danger').click();
			await expect(p.getByRole('button', { name: /^(Angre|Undo)$/ })).toBeVisible();
			await settled(p);
		},
		after: async (p, c) => {
			await p.getByRole('button', { name: /^(Angre|Undo)$/ }).click();
			await expect(p.getByRole('status').filter({ hasText: RESTORED[c.locale] })).toBeVisible();
		}
	},
	{
		route: '/(planner)/plans/new',
		state: 'from a library activity',
		visit: async (p) => {
			await open(p, '/plans/new?activity=bee-bot-number-line');
			await expect(p.locator('#plan-title')).not.toHaveValue('');
		}
	},
	{
		route: '/(planner)/settings',
		state: 'page',
		visit: async (p) => {
			await open(p, '/settings');
			await expect(p.locator('main h2').first()).toBeVisible();
		}
	},
	{ route: '/(planner)/guidance', state: 'page', visit: (p) => open(p, '/guidance') },
	{
		route: '/(planner)/library',
		state: 'list',
		visit: async (p) => {
			await open(p, '/library');
			await expect(p.locator('.activity-card').first()).toBeVisible();
		}
	},
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
	{ route: '/(planner)/library/new', state: 'empty form', visit: (p) => open(p, '/library/new') },
	{
		route: '/(planner)/library/new',
		state: 'with messages',
		visit: async (p) => {
			await open(p, '/library/new');
			await submitEmpty(p, 'activity-title-error');
		}
	},
	{
		route: '/(planner)/library/new',
		state: 'a copy of a built-in activity to adjust',
		visit: async (p) => {
			await open(p, '/library/new?copy=bee-bot-number-line');
			await expect(p.locator('#activity-title')).not.toHaveValue('');
		}
	},
	{
		route: '/(planner)/library/[id=activity]',
		state: 'an own activity',
		visit: async (p, c) => open(p, await ownActivity(p, c))
	},
	{
		route: '/(planner)/library/[id=activity]/edit',
		state: 'an own activity (a copy of a built-in one)',
		visit: async (p, c) => {
			await open(p, `${await ownActivity(p, c)}/edit`);
			await expect(p.locator('#activity-title')).not.toHaveValue('');
		}
	},
	{
		route: '/(planner)/library/[id=activity]/edit',
		state: 'with messages',
		visit: async (p, c) => {
			await open(p, `${await ownActivity(p, c)}/edit`);
			await p.locator('#activity-title').fill('');
			await submitEmpty(p, 'activity-title-error');
		}
	},
	{
		route: '/(planner)/library/[id=activity]/edit',
		state: 'not found',
		visit: (p) => open(p, '/library/00000000-0000-7000-8000-000000000000/edit')
	},
	{ route: '/(planner)/conflicts', state: 'none to resolve', visit: (p) => open(p, '/conflicts') },
	{ route: '/(planner)/refused', state: 'none refused', visit: (p) => open(p, '/refused') },
	{
		// Signed out: a sign-in link; staff: the kindergarten's plans, read from the tablet.
		route: '/(planner)/competence/plan',
		state: 'the competence development plan as the person may read it',
		visit: (p) => open(p, '/competence/plan')
	},
	{
		// Signed out: a sign-in link; staff: the kindergarten's digital plans, read from the tablet.
		route: '/(planner)/digital-plan',
		state: "the kindergarten's digital plan as the person may read it",
		visit: (p) => open(p, '/digital-plan')
	},
	{
		// Signed out: a sign-in link; staff and manager: the owner's register, read from the tablet.
		route: '/(planner)/register',
		state: "the owner's register as the person may read it",
		visit: (p) => open(p, '/register')
	},
	{ route: '(not found)', state: 'unknown path', visit: (p) => open(p, '/no-such-page') }
];

/** The manager writing the competence development plan (ADR 28): messages, a filled form, saved. */
const DEVELOPMENT_PLAN: State[] = [
	{
		route: '/(planner)/competence/plan',
		state: 'a new plan sent empty: its messages',
		visit: async (p) => {
			await open(p, '/competence/plan');
			await p.locator('main button.primary').first().click();
			await p.locator('main form button[type="submit"]').click();
			await expect(p.locator('#devplan-title-error')).toBeVisible();
		}
	},
	{
		route: '/(planner)/competence/plan',
		state: 'a plan with a focus area and an action, then saved',
		visit: async (p) => {
			await p.locator('#devplan-title').fill('Digital kompetanse');
			await p.locator('#focus-privacy').check();
			await p.locator('#devplan-add-action').click();
			await p.locator('main form fieldset.action input[type="text"]').first().fill('Udirs pakke');
		},
		after: async (p) => {
			await p.locator('main form button[type="submit"]').click();
			await expect(p.getByTestId('devplan').first()).toBeVisible();
		}
	},
	{
		route: '/(planner)/competence/plan',
		state: "the manager's plans, to edit",
		visit: async (p) => {
			await open(p, '/competence/plan');
			await expect(p.getByTestId('devplan').first()).toBeVisible();
		}
	}
];

/**
 * The manager writing the kindergarten's digital plan (ADR 34): messages, a filled form. Not
 * saved: digital-plan.e2e.ts saves this year's plan, and there is one a year.
 */
const DIGITAL_PLAN: State[] = [
	{
		route: '/(planner)/digital-plan',
		state: 'a new plan sent with an empty goal: its messages',
		visit: async (p) => {
			await open(p, '/digital-plan');
			const write = p.locator('main button.primary').first();
			await write.click();
			await p.locator('main form button[type="submit"]').click();
			await expect(p.locator('main form .error').first()).toBeVisible();
		}
	},
	{
		route: '/(planner)/digital-plan',
		state: 'a plan with a goal and an evaluation date',
		visit: async (p) => {
			await p.locator('main form textarea').first().fill('Barna lager egne fortellinger');
			await p.locator('main form input[type="checkbox"]').first().check();
			await p.locator('#digiplan-add-date').click();
		},
		after: async (p) => {
			await p.locator('main form .actions button[type="button"]').click();
		}
	}
];

/** States the signed-in staff member would see exactly as the device does: checked there only. */
const DEVICE_ONLY = new Set([
	'/(planner)/library/new: empty form',
	'/(planner)/library/new: a copy of a built-in activity to adjust',
	'/(planner)/library/[id=activity]: an own activity',
	'/(planner)/library/[id=activity]/edit: an own activity (a copy of a built-in one)',
	'/(planner)/library/[id=activity]/edit: with messages',
	'/(planner)/library/[id=activity]/edit: not found',
	'/(planner)/plans/[id=uuid]/evaluate: not open yet (a plan a month ahead)',
	'/(planner)/plans/new: from a library activity'
]);

/** What a signed-in person has beyond the planner. */
const ACCOUNT: State[] = [
	{ route: '/(account)/account', state: 'signed in', visit: (p) => open(p, '/account') },
	{ route: '/(account)/privacy', state: 'signed in', visit: (p) => open(p, '/privacy') }
];

const ADMIN: State[] = [
	...[
		'/admin',
		'/admin/users',
		'/admin/invitations',
		'/admin/audit',
		'/admin/guidance',
		'/admin/competence-plan',
		'/admin/competence-items',
		'/admin/practice',
		'/admin/privacy',
		'/admin/register',
		'/admin/register/new',
		'/admin/register/proposals',
		'/admin/requests',
		'/admin/export'
	].map((path): State => ({
		route: `/(admin)${path}`,
		state: 'owner admin',
		visit: (p) => open(p, path)
	})),
	{
		// The demo kindergarten's confirmation page, left without deleting it.
		route: '/(admin)/admin/delete-kindergarten/[id=uuid]',
		state: 'what goes, the export offered, a wrong name named beside the field',
		visit: async (p) => {
			await open(p, '/admin');
			await p.locator('main a.button.danger').first().click();
			await expect(p.getByTestId('deletion-preview')).toBeVisible();
			await p.locator('#deletion-confirm-name').fill('Ikke navnet');
			await p.locator('main form button[type="submit"]').click();
			await expect(p.locator('#deletion-confirm-name-error')).toBeVisible();
		}
	},
	{
		route: '/(admin)/admin/competence-plan',
		state: 'an entry sent without a title: named beside the field',
		visit: async (p) => {
			await open(p, '/admin/competence-plan');
			await p.locator('main form button[type="submit"]').click();
			await expect(p.locator('#plan-title-error')).toBeVisible();
			await expect(p.getByRole('alert')).toBeVisible();
		}
	},
	{
		route: '/(admin)/admin/register/[id=uuid]',
		state: 'a seeded entry',
		visit: async (p) => {
			await open(p, '/admin/register');
			await p
				.getByTestId('register-entries')
				.getByRole('link', { name: 'Bee-Bot', exact: true })
				.click();
			await settled(p);
			await expect(p.locator('#entry-decision')).toBeVisible();
		}
	},
	{
		route: '/(admin)/admin/register/new',
		state: 'sent empty: named beside the field',
		visit: async (p) => {
			await open(p, '/admin/register/new');
			await submitEmpty(p, 'entry-name-error');
		}
	},
	...ACCOUNT
];

const ANONYMOUS: State[] = [
	{ route: '/(planner)', state: 'welcome (first start)', visit: (p) => open(p, '/') },
	{
		route: '/(planner)',
		state: 'welcome, started empty without a name',
		visit: async (p) => {
			await open(p, '/');
			await submitEmpty(p, 'kindergarten-name-error');
		}
	},
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
		route: '/(account)/invite/[token]',
		state: 'valid link, with messages',
		visit: async (p) => {
			// The same invitation, still open: sent empty, every field says what is wrong.
			await p.locator('main button[type="submit"]').click();
			await expect(p.locator('[aria-invalid="true"]').first()).toBeVisible();
		}
	},
	{
		route: '/(account)/account',
		state: 'not signed in',
		visit: (p) => open(p, '/account')
	},
	{
		route: '/(account)/competence',
		state: 'not signed in',
		visit: (p) => open(p, '/competence')
	},
	{
		route: '/(account)/competence/review',
		state: 'not signed in',
		visit: (p) => open(p, '/competence/review')
	},
	{
		route: '/(admin)/admin',
		state: 'not signed in',
		visit: async (p) => {
			await open(p, '/admin');
			await expect(p.getByRole('alert')).toBeVisible();
		}
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

/** The self-assessment's form is shown, with its questions. */
async function openSelfAssessment(page: Page): Promise<void> {
	await open(page, '/competence');
	await expect(page.locator('fieldset.item').first()).toBeVisible();
}

/** A planner's competence pages: the form, its message, the profile once sent. */
const COMPETENCE: State[] = [
	{ route: '/(account)/competence', state: 'the self-assessment', visit: openSelfAssessment },
	{
		route: '/(account)/competence',
		state: 'sent with answers missing',
		visit: async (p) => {
			await openSelfAssessment(p);
			await p.locator('main form button[type="submit"]').click();
			await expect(p.getByRole('alert')).toBeVisible();
		}
	},
	{
		route: '/(account)/competence',
		state: 'answered and sent: the profile',
		visit: async (p) => {
			await openSelfAssessment(p);
			// Every question at level 3, by clicking its radio button (a change event each).
			await p
				.locator('fieldset.item input[type="radio"][value="3"]')
				.evaluateAll((radios) => radios.forEach((r) => (r as HTMLInputElement).click()));
			await p.locator('main form button[type="submit"]').click();
			await expect(p.locator('figure.competence-chart table')).toBeVisible();
			await expect(p.getByRole('status').filter({ hasText: /./ }).first()).toBeVisible();
		}
	},
	{
		route: '/(account)/competence',
		state: 'deleting the answers: asked to confirm',
		visit: async (p) => {
			await p.locator('[aria-labelledby="competence-profile"] .form-actions button').nth(1).click();
			await expect(p.locator('main button.danger')).toBeVisible();
		}
	}
];

/**
 * Last on a device: a plan of its own (a demo plan changed), then a planner signing in is asked
 * whether to bring it into the account (issue 12, point 4); the plans are left on the device.
 */
const BRING_PLANS: State = {
	route: '/(planner)/bring-plans',
	state: 'asked on sign-in about the tablet’s own plans',
	visit: async (p, c) => {
		await open(p, `${c.plan!}/edit`);
		await p.locator('#plan-title').fill('Vår egen plan');
		await p.locator('main button[type="submit"]').first().click();
		await expect(p).toHaveURL(/\/plans\/[0-9a-f-]{36}$/);
		await signIn(p, DEMO.staff);
		await expect(p).toHaveURL(/\/bring-plans/);
		await expect(p.locator('main select')).toBeVisible();
	},
	after: async (p) => {
		await p.locator('main .form-actions button').nth(1).click();
		await expect(p).not.toHaveURL(/\/bring-plans/);
	}
};

const AUDIENCES: Record<Audience, State[]> = {
	device: [...PLANNER, BRING_PLANS],
	staff: [
		// The library's own activities, and the states a device shows the same, once (device).
		...PLANNER.filter((s) => !DEVICE_ONLY.has(`${s.route}: ${s.state}`)),
		...ACCOUNT,
		...COMPETENCE,
		{
			route: '/(account)/competence/owner-plan',
			state: 'not for staff',
			visit: async (p) => {
				await open(p, '/competence/owner-plan');
				await expect(p.getByRole('alert')).toBeVisible();
			}
		},
		{
			route: '/(account)/competence/review',
			state: 'not for staff',
			visit: async (p) => {
				await open(p, '/competence/review');
				await expect(p.getByRole('alert')).toBeVisible();
			}
		},
		{
			route: '/(admin)/admin',
			state: 'not for staff',
			visit: async (p) => {
				await open(p, '/admin');
				await expect(p.getByRole('alert')).toBeVisible();
			}
		},
		{
			route: '/(planner)/approvals',
			state: 'not for staff',
			visit: (p) => open(p, '/approvals')
		},
		{
			route: '/(planner)/overview',
			state: 'not for staff',
			visit: async (p) => {
				await open(p, '/overview');
				await expect(p.getByRole('alert')).toBeVisible();
			}
		},
		{
			// The seeded staff member is not allowed to publish summaries for parents (issue 17).
			route: '/(planner)/parents',
			state: 'not allowed to publish',
			visit: async (p) => {
				await open(p, '/parents');
				await expect(p.getByRole('alert')).toBeVisible();
			}
		},
		{
			route: '/(account)/sign-out',
			state: 'a planner signing out',
			visit: (p) => open(p, '/sign-out')
		},
		{
			route: '/(planner)/equipment',
			state: 'the equipment, read only',
			visit: async (p) => {
				await open(p, '/equipment');
				await expect(p.locator('main h1')).toBeVisible();
				await expect(p.locator('main [aria-busy="true"]')).toHaveCount(0);
			}
		}
	],
	manager: [
		{
			route: '/(planner)/plans/[id=uuid]',
			state: 'detail with approval',
			visit: (p, c) => open(p, c.plan!)
		},
		{
			route: '/(planner)/plans/[id=uuid]',
			state: 'asking for changes, the reason missing',
			visit: async (p, c) => {
				await open(p, c.plan!);
				await p.locator('button[aria-controls="approval-changes"]').click();
				await p.locator('#approval-changes button[type="submit"]').click();
				await expect(p.locator('#approval-note-error')).toBeVisible();
			}
		},
		{
			route: '/(planner)/approvals',
			state: 'the queue, a plan waiting',
			visit: async (p) => {
				await open(p, '/approvals');
				await expect(p.getByTestId('approvals-decide').locator('li').first()).toBeVisible();
			}
		},
		{ route: '/(planner)', state: 'week view', visit: (p) => open(p, '/') },
		...DEVELOPMENT_PLAN,
		...DIGITAL_PLAN,
		{
			route: '/(planner)/overview',
			state: 'the figures of the last eight weeks, a plan in them',
			visit: async (p) => {
				await open(p, '/overview');
				await expect(p.getByTestId('overview-totals')).toBeVisible();
			}
		},
		{
			route: '/(planner)/parents',
			state: "the parents' desk: summary, published, codes, parents, questions",
			visit: async (p) => {
				await open(p, '/parents');
				await expect(p.locator('#pd-summary')).toBeVisible();
				await expect(p.locator('#pd-publishers')).toBeVisible();
			}
		},
		{
			route: '/(planner)/equipment',
			state: 'the counts per device and toy, a count out of range named beside its field',
			visit: async (p) => {
				await open(p, '/equipment');
				await expect(p.locator('main [aria-busy="true"]')).toHaveCount(0);
				const works = p.locator('main input[id$="-works"]').first();
				if ((await works.count()) > 0) {
					await works.fill('-1');
					await p.locator('main form button[type="submit"]').first().click();
					await expect(p.locator('main [id$="-works-error"]').first()).toBeVisible();
				}
			}
		},
		{
			route: '/(planner)/overview',
			state: 'a period that ends before it starts',
			visit: async (p) => {
				await open(p, '/overview?from=2026-12-01&to=2026-11-01');
				await expect(p.locator('#overview-to-error')).toBeVisible();
			}
		},
		{
			route: '/(account)/competence/review',
			state: 'figures hidden (fewer than five)',
			visit: async (p) => {
				await open(p, '/competence/review');
				await expect(p.getByTestId('hidden-staff')).toBeVisible();
			}
		},
		{
			route: '/(account)/competence/review',
			state: 'figures shown (five answered the period before)',
			visit: async (p, c) => {
				await fiveAnsweredEarlier(c.browser);
				await open(p, '/competence/review');
				await p.locator('#review-period').selectOption(earlierPeriod());
				await expect(p.locator('table.figures')).toHaveCount(2);
			}
		},
		{
			route: '/(account)/competence/owner-plan',
			state: "the owner's plan for the manager's kindergarten",
			visit: async (p) => {
				await open(p, '/competence/owner-plan');
				await expect(p.locator('main a.button[href="/competence/review"]')).toBeVisible();
			}
		},
		{
			route: '/(account)/competence',
			state: 'the self-assessment for managers',
			visit: openSelfAssessment
		},
		...ACCOUNT
	],
	ownerAdmin: [
		...ADMIN,
		{
			route: '/(account)/competence/review',
			state: 'an owner admin choosing the kindergarten',
			visit: async (p) => {
				await open(p, '/competence/review');
				await expect(p.locator('#review-kindergarten')).toBeVisible();
				await expect(p.getByTestId('hidden-staff')).toBeVisible();
			}
		},
		{
			route: '/(account)/competence',
			state: 'not for owner admins',
			visit: (p) => open(p, '/competence')
		}
	],
	anonymous: ANONYMOUS
};

test('every page route has states here', () => {
	const covered = new Set(Object.values(AUDIENCES).flatMap((states) => states.map((s) => s.route)));
	const missing = pageRoutes().filter((route) => !covered.has(route));
	expect(missing, 'page routes axe never visits').toEqual([]);
	expect(pageRoutes().length).toBeGreaterThan(20);
});

/** Checks every state, then names each that failed (one run shows them all). */
async function checkEvery(page: Page, states: State[], ctx: Context): Promise<void> {
	const failures: string[] = [];
	for (const s of states) {
		await test.step(`${s.route}: ${s.state}`, async () => {
			try {
				await s.visit(page, ctx);
				await expect(page.locator('html')).toHaveAttribute('lang', ctx.locale);
				await expectNoAxeViolations(page);
				await expectTouchTargets(page);
				await s.after?.(page, ctx);
			} catch (error) {
				failures.push(`${s.route} (${s.state}): ${(error as Error).message}`);
			}
		});
	}
	expect(failures, `states failing in ${ctx.locale}`).toEqual([]);
}

for (const locale of LOCALES) {
	test.describe(`axe in ${locale}`, () => {
		// Up to 30 states through axe-core in one group: about a minute on a busy 2-core machine.
		test.setTimeout(4 * 60_000);
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
				if (role !== 'ownerAdmin') ctx.plan = await aNewPlan(page);
				await checkEvery(page, AUDIENCES[role], ctx);
			});
		}

		test('not signed in: welcome, sign-in, invitations', async ({ page, browser }) => {
			await checkEvery(page, ANONYMOUS, { browser, locale });
		});
	});
}
