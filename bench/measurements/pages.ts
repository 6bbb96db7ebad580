import type { Page } from '@playwright/test';
import { injectBench } from '../browser';
import { fmt, type Measurement } from '../measurement';
import { median, round1, round2 } from '../stats';
import { progress } from '../util';

/**
 * 2. Navigation to a rendered week view with N plans in the database (and with none); 3.
 * filtering N plans by text on /plans, from the input event to the new result count, with the
 * pure domain filterPlans as the baseline. One module, as they share one context: the filter
 * runs on the database the week view seeded.
 */

export interface WeekViewResult {
	plans: number;
	plansInShownWeek: number;
	navigations: number;
	withPlansMs: number[];
	withPlansMedianMs: number;
	withPlansMinMs: number;
	noPlansMs: number[];
	noPlansMedianMs: number;
	noPlansMinMs: number;
}

export interface FilterResult {
	plans: number;
	words: Array<{ word: string; matches: number; uiMs: number; filterPlansMs: number }>;
	uiMedianMs: number;
	filterPlansMedianMs: number;
	plansPageFirstCountMs: number;
}

/** Words typed into the /plans search box; each finds some of the demo texts, none finds all. */
const WORDS = ['bee-bot', 'plastilina', 'skogen', 'gymsalen', 'lydbok'];
/** Navigations not counted before each series, so the measured ones all start warm. */
export const WARM_UP_NAVIGATIONS = 3;

type Mark = 'weekGrid' | 'weekCards' | 'plansCount';

/** Navigates and returns the probe's mark `name` (ms since navigation start). */
async function timedNavigation(page: Page, url: string, name: Mark): Promise<number> {
	await page.goto(url, { waitUntil: 'commit' });
	const handle = await page.waitForFunction((n) => window.__benchMarks?.[n], name, {
		timeout: 60_000
	});
	return (await handle.jsonValue())!;
}

async function waitForServiceWorker(page: Page): Promise<void> {
	await page.waitForFunction(
		async () =>
			(await navigator.serviceWorker.getRegistration())?.active?.state === 'activated' &&
			navigator.serviceWorker.controller !== null,
		null,
		{ timeout: 60_000, polling: 250 }
	);
}

export const pages: Measurement = {
	phase: 'browser',
	async run({ browser, contextOptions, bundles, options }) {
		progress(`2/7 and 3/7 week view and /plans filter with ${options.plans} plans`);
		const context = await browser.newContext({ ...contextOptions, bypassCSP: true });
		await context.addInitScript({ content: bundles.probes });
		try {
			const page = await context.newPage();
			await page.goto('/');
			await page.getByRole('button', { name: 'Last inn eksempeldata' }).waitFor();
			progress('week view: waiting for the service worker to take control');
			await waitForServiceWorker(page);

			// Reference: the demo organisation with no plans.
			await injectBench(page, bundles.bench);
			await page.evaluate((n) => window.bench!.prepare(n), options.plans);
			const emptyStored = await page.evaluate(() => window.bench!.seedApp(false));
			if (emptyStored !== 0) throw new Error(`expected no plans, found ${emptyStored}`);
			for (let w = 0; w < WARM_UP_NAVIGATIONS; w++) await timedNavigation(page, '/', 'weekGrid');
			const empty: number[] = [];
			for (let r = 0; r < options.rounds; r++) {
				empty.push(await timedNavigation(page, '/', 'weekGrid'));
				progress(
					`week view, no plans: navigation ${r + 1}/${options.rounds}: ${empty.at(-1)!.toFixed(0)} ms`
				);
			}

			// The database with N plans.
			await injectBench(page, bundles.bench);
			const prepared = await page.evaluate((n) => window.bench!.prepare(n), options.plans);
			progress(
				`week view: seeding the app's database with ${prepared.plans} plans, ${prepared.thisWeekFirstGroup} of them this week in the selected group`
			);
			// With very few plans this week may have none to show: then wait for the loaded grid only.
			const mark = prepared.thisWeekFirstGroup > 0 ? 'weekCards' : 'weekGrid';
			const stored = await page.evaluate(() => window.bench!.seedApp(true));
			if (stored !== options.plans)
				throw new Error(`seeded ${stored} plans, expected ${options.plans}`);
			const expected = await page.evaluate((words) => window.bench!.counts(words), WORDS);
			const baseline = await page.evaluate(
				(words) => window.bench!.filterBaseline(words, 5),
				WORDS
			);
			progress(
				`filter baseline (filterPlans in the page): ${WORDS.map((w, i) => `${w} ${baseline[i]!.toFixed(1)} ms`).join(', ')}`
			);
			for (let w = 0; w < WARM_UP_NAVIGATIONS; w++) await timedNavigation(page, '/', mark);
			const full: number[] = [];
			for (let r = 0; r < options.rounds; r++) {
				full.push(await timedNavigation(page, '/', mark));
				progress(
					`week view, ${options.plans} plans: navigation ${r + 1}/${options.rounds}: ${full.at(-1)!.toFixed(0)} ms`
				);
			}
			const shownInWeek = await page.locator('ol.week-grid .plan-card').count();

			// 3. The /plans filter.
			const listReady = await timedNavigation(page, '/plans', 'plansCount');
			await page.waitForFunction(
				(n) =>
					document.querySelector('.result-count')?.textContent?.replace(/\D/g, '') === String(n),
				options.plans,
				{ timeout: 60_000 }
			);
			progress(`/plans: first count shown after ${listReady.toFixed(0)} ms`);
			const typed: number[] = [];
			for (const [i, word] of WORDS.entries()) {
				const ms = await page.evaluate((args) => window.__benchProbes!.typeAndWait(args), {
					word,
					expected: expected[i]!,
					all: options.plans
				});
				typed.push(ms);
				progress(`/plans: "${word}" → ${expected[i]} plans shown after ${ms.toFixed(1)} ms`);
			}
			const weekView: WeekViewResult = {
				plans: options.plans,
				plansInShownWeek: shownInWeek,
				navigations: options.rounds,
				withPlansMs: full.map(round1),
				withPlansMedianMs: round1(median(full)),
				withPlansMinMs: round1(Math.min(...full)),
				noPlansMs: empty.map(round1),
				noPlansMedianMs: round1(median(empty)),
				noPlansMinMs: round1(Math.min(...empty))
			};
			const filter: FilterResult = {
				plans: options.plans,
				words: WORDS.map((word, i) => ({
					word,
					matches: expected[i]!,
					uiMs: round1(typed[i]!),
					filterPlansMs: round2(baseline[i]!)
				})),
				uiMedianMs: round1(median(typed)),
				filterPlansMedianMs: round2(median(baseline)),
				plansPageFirstCountMs: round1(listReady)
			};
			return { weekView, filter };
		} finally {
			await context.close();
		}
	},
	rows({ weekView, filter }, options) {
		return [
			[
				`Navigation → week view, ${options.plans} plans`,
				`${fmt(weekView.withPlansMedianMs)} (min ${fmt(weekView.withPlansMinMs)}; ${weekView.plansInShownWeek} cards in week)`,
				'—',
				'—'
			],
			[
				'Navigation → week view, no plans (reference)',
				`${fmt(weekView.noPlansMedianMs)} (min ${fmt(weekView.noPlansMinMs)})`,
				'—',
				'—'
			],
			[
				`Filter ${options.plans} plans by text on /plans (input → count)`,
				fmt(filter.uiMedianMs),
				'—',
				'—'
			],
			[
				`filterPlans() on ${options.plans} plans (baseline)`,
				`${fmt(filter.filterPlansMedianMs)} (UI ${(filter.uiMedianMs / filter.filterPlansMedianMs).toFixed(1)}×)`,
				'—',
				'—'
			]
		];
	}
};
