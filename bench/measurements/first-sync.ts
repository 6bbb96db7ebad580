import { injectBench } from '../browser';
import { fmt, type Measurement } from '../measurement';
import { progress } from '../util';
import { roundFigures, SYNC_CHANGES, syncRounds, type RoundFigures } from './sync-rounds';

/**
 * 5a. For reference, the client alone: a first sync of SYNC_CHANGES changes into a fresh client,
 * the app's engine with a transport serving the pages from memory, against raw bulkPut of the
 * same plans.
 */

export interface FirstSyncResult extends RoundFigures {
	changes: number;
	pages: number;
}

export const firstSync: Measurement = {
	phase: 'browser',
	async run({ browser, contextOptions, bundles, options }) {
		progress(
			`5a/7 first sync of ${SYNC_CHANGES} changes into a fresh client, pages from memory, ${options.rounds} rounds`
		);
		const context = await browser.newContext({ ...contextOptions, bypassCSP: true });
		try {
			const page = await context.newPage();
			await page.goto('/');
			await injectBench(page, bundles.bench);
			const prepared = await page.evaluate((n) => window.bench!.prepareSync(n), SYNC_CHANGES);
			progress(
				`first sync: ${prepared.changes} changes in ${prepared.pages} pages of ${prepared.pageSize} (${(prepared.bytes / 1024 / 1024).toFixed(1)} MB as JSON)`
			);
			const { engine, raw } = await syncRounds(
				page,
				'syncRound',
				'first sync',
				(round) => {
					if (round.pulled !== SYNC_CHANGES || round.stored.some((s) => s !== SYNC_CHANGES))
						throw new Error(
							`first sync pulled ${round.pulled} and stored ${round.stored.join('/')} plans, expected ${SYNC_CHANGES}`
						);
				},
				options.rounds
			);
			await page.evaluate(() => window.bench!.cleanUp());
			const firstSync: FirstSyncResult = {
				changes: SYNC_CHANGES,
				pages: prepared.pages,
				...roundFigures(engine, raw)
			};
			return { firstSync };
		} finally {
			await context.close();
		}
	},
	rows({ firstSync }) {
		return [
			[
				`First sync of ${firstSync.changes.toLocaleString('en-US')} changes, client only (pages in memory) / raw bulkPut (reference)`,
				`${firstSync.ratio.toFixed(2)}× (${fmt(firstSync.syncMedianMs)} / ${fmt(firstSync.rawMedianMs)})`,
				'—',
				'—'
			]
		];
	}
};
