import { injectBench } from '../browser';
import { fmt, TARGETS, type Measurement } from '../measurement';
import { median, round1, round2 } from '../stats';
import { progress } from '../util';

/** 1. Importing N plans through PlanRepository.importMany (zod + bulkPut) against raw bulkPut. */

export interface ImportResult {
	plans: number;
	rounds: number;
	repositoryMs: number[];
	rawMs: number[];
	repositoryMedianMs: number;
	rawMedianMs: number;
	ratio: number;
	ratioPerRound: number[];
}

export const importing: Measurement = {
	phase: 'browser',
	async run({ browser, contextOptions, bundles, options }) {
		progress(`1/7 import of ${options.plans} plans, ${options.rounds} rounds`);
		const context = await browser.newContext({ ...contextOptions, bypassCSP: true });
		try {
			const page = await context.newPage();
			await page.goto('/');
			await injectBench(page, bundles.bench);
			const prepared = await page.evaluate((n) => window.bench!.prepare(n), options.plans);
			progress(
				`import: ${prepared.plans} plans from ${prepared.firstDate} to ${prepared.lastDate}`
			);
			const warm = await page.evaluate(() => window.bench!.importRound(true));
			progress(
				`import: warm-up round repository ${warm.repositoryMs.toFixed(0)} ms, raw ${warm.rawMs.toFixed(0)} ms (not counted)`
			);
			const repository: number[] = [];
			const raw: number[] = [];
			for (let r = 0; r < options.rounds; r++) {
				const repositoryFirst = r % 2 === 0;
				const round = await page.evaluate(
					(first) => window.bench!.importRound(first),
					repositoryFirst
				);
				if (round.stored.some((s) => s !== options.plans))
					throw new Error(
						`import stored ${round.stored.join('/')} plans, expected ${options.plans}`
					);
				repository.push(round.repositoryMs);
				raw.push(round.rawMs);
				progress(
					`import: round ${r + 1}/${options.rounds} (${repositoryFirst ? 'repository first' : 'raw first'}): repository ${round.repositoryMs.toFixed(0)} ms, raw ${round.rawMs.toFixed(0)} ms`
				);
			}
			await page.evaluate(() => window.bench!.cleanUp());
			const repositoryMedian = median(repository);
			const rawMedian = median(raw);
			const importing: ImportResult = {
				plans: options.plans,
				rounds: options.rounds,
				repositoryMs: repository.map(round1),
				rawMs: raw.map(round1),
				repositoryMedianMs: round1(repositoryMedian),
				rawMedianMs: round1(rawMedian),
				ratio: round2(repositoryMedian / rawMedian),
				ratioPerRound: repository.map((ms, i) => round2(ms / raw[i]!))
			};
			return { importing };
		} finally {
			await context.close();
		}
	},
	rows({ importing }, options) {
		return [
			[
				`Import ${options.plans} plans: importMany / raw bulkPut`,
				`${importing.ratio.toFixed(2)}× (${fmt(importing.repositoryMedianMs)} / ${fmt(importing.rawMedianMs)})`,
				`≤ ${TARGETS.importRatio}×`,
				importing.ratio <= TARGETS.importRatio ? 'yes' : 'NO'
			]
		];
	},
	met: ({ importing }) => ({ importRatio: importing.ratio <= TARGETS.importRatio })
};
