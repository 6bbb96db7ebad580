import { randomUUID } from 'node:crypto';
import { expect, request, test, type Page } from '@playwright/test';
import { DEMO_PASSWORD, fillMinimalPlan, signInWith } from './fixtures';

/**
 * Issue 18: a first sync cut off mid-way resumes from the last page it stored, not from zero,
 * and ends with every plan there once. The kindergarten is made for the test, so its thousands
 * of plans are nobody else's.
 */

/** More than one pull page (PULL_PAGE is 2,000 changes). */
const PLANS = 2_500;

/** A kindergarten, a group and a staff member of their own, made by the demo owner admin. */
async function newStaffMember(baseURL: string, suffix: string) {
	const owner = await request.newContext({ baseURL });
	const ok = async <T>(
		answer: Promise<{ ok(): boolean; status(): number; json(): Promise<T> }>
	) => {
		const response = await answer;
		expect(response.ok(), `answered ${response.status()}`).toBe(true);
		return response.json();
	};
	await ok(
		owner.post('/api/v1/auth/sign-in', {
			data: { email: 'eier@demo.lekeplan.no', password: DEMO_PASSWORD }
		})
	);
	const { kindergarten } = await ok<{ kindergarten: { id: string } }>(
		owner.post('/api/v1/kindergartens', { data: { name: `Langt unna ${suffix}` } })
	);
	await ok(
		owner.post(`/api/v1/kindergartens/${kindergarten.id}/groups`, {
			data: { name: 'Maurene', ageMin: 3, ageMax: 6 }
		})
	);
	const { invitation } = await ok<{ invitation: { token: string } }>(
		owner.post('/api/v1/invitations', {
			data: { role: 'staff', kindergartenId: kindergarten.id, displayName: `Sam ${suffix}` }
		})
	);
	const email = `sam.${suffix}@example.no`;
	const invited = await request.newContext({ baseURL });
	await ok(
		invited.post('/api/v1/invitations/accept', {
			data: { token: invitation.token, email, password: DEMO_PASSWORD }
		})
	);
	await owner.dispose();
	await invited.dispose();
	return email;
}

/** The plans stored in the signed-in planner's database on this tablet (deleted ones too). */
async function plansOnTablet(page: Page): Promise<number> {
	return page.evaluate(
		() =>
			new Promise<number>((resolve, reject) => {
				const name = `lekeplan-user-${localStorage.getItem('lekeplan.deviceUser')}`;
				const open = indexedDB.open(name);
				open.onerror = () => reject(open.error ?? new Error('open failed'));
				open.onsuccess = () => {
					const count = open.result.transaction('plans').objectStore('plans').count();
					count.onsuccess = () => {
						resolve(count.result);
						open.result.close();
					};
					count.onerror = () => reject(count.error ?? new Error('count failed'));
				};
			})
	);
}

test('a first sync cut off mid-way resumes from the last stored page, and every plan arrives once', async ({
	browser,
	baseURL
}) => {
	test.setTimeout(240_000);
	const suffix = Date.now().toString(36);
	const email = await newStaffMember(baseURL!, suffix);

	// The first tablet writes one plan; its push is the pattern for the thousands more that the
	// same person sends from it (as a day's worth of tablets would have over the years).
	const first = await (await browser.newContext({ locale: 'nb-NO' })).newPage();
	await signInWith(first, email);
	await expect(first.getByTestId('sync-status')).toHaveText('Synkronisert');
	await first.goto('/plans/new');
	await fillMinimalPlan(first, `Mønster ${suffix}`);
	const pushed = first.waitForRequest(
		(r) => r.url().includes('/api/v1/sync/push') && r.method() === 'POST'
	);
	await first.getByRole('button', { name: 'Lagre plan' }).click();
	const pattern = (await pushed).postDataJSON() as {
		protocol: number;
		schema: number;
		mutations: Array<Record<string, unknown>>;
	};
	await expect(first.getByTestId('sync-status')).toHaveText('Synkronisert');
	const clientId = randomUUID();
	for (let from = 0; from < PLANS; from += 1000) {
		const mutations = Array.from({ length: Math.min(1000, PLANS - from) }, (_, i) => ({
			...pattern.mutations[0],
			id: from + i + 1,
			recordId: randomUUID(),
			baseRev: null
		}));
		const answer = await first.request.post('/api/v1/sync/push', {
			data: { protocol: pattern.protocol, schema: pattern.schema, clientId, mutations }
		});
		expect(answer.status()).toBe(200);
	}

	// A second tablet signs in: its first sync is two pages. The network goes the moment the
	// second page is asked for, and comes back.
	const second = await (await browser.newContext({ locale: 'nb-NO' })).newPage();
	const cursors: number[] = [];
	let cut = false;
	await second.context().route('**/api/v1/sync/pull?**', async (route) => {
		const cursor = Number(new URL(route.request().url()).searchParams.get('cursor'));
		cursors.push(cursor);
		if (cursor > 0 && !cut) {
			cut = true;
			await route.abort('internetdisconnected');
		} else await route.continue();
	});
	await signInWith(second, email);
	await expect(second.getByRole('heading', { level: 1, name: /^Uke \d+ for / })).toBeVisible();
	await expect(second.getByTestId('sync-status')).toHaveText('Synkronisert', { timeout: 120_000 });

	expect(cut).toBe(true);
	// From 0, then the second page, cut; then the second page again: not from 0.
	const afterFirst = cursors.find((c) => c > 0)!;
	expect(cursors.slice(0, 3)).toEqual([0, afterFirst, afterFirst]);
	expect(cursors.filter((c) => c === 0)).toHaveLength(1);
	expect(await plansOnTablet(second)).toBe(PLANS + 1);
	await first.context().close();
	await second.context().close();
});
