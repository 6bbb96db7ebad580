import type { Page } from '@playwright/test';
import type { Bench } from '../page/entry';
import { median, round1, round2 } from '../stats';
import { progress } from '../util';

/** The round loop and figures the two first-sync measurements (5a, 5b) share. */

/** Changes pulled by the first sync of a fresh client (5a, 5b). */
export const SYNC_CHANGES = 10_000;

type Round = Awaited<ReturnType<Bench['syncRound']>>;

export interface RoundFigures {
	rounds: number;
	syncMs: number[];
	rawMs: number[];
	syncMedianMs: number;
	rawMedianMs: number;
	ratio: number;
	ratioPerRound: number[];
}

/**
 * A warm-up round (not counted) and `rounds` rounds of `window.bench[method](syncFirst)`, the
 * engine and the raw baseline taking turns at going first; each round is checked.
 */
export async function syncRounds(
	page: Page,
	method: 'syncRound' | 'serverSyncRound',
	label: string,
	check: (round: Round) => void,
	rounds: number
): Promise<{ engine: number[]; raw: number[] }> {
	const warm = await page.evaluate(([m, first]) => window.bench![m](first), [
		method,
		true
	] as const);
	check(warm);
	progress(
		`${label}: warm-up round engine ${warm.syncMs.toFixed(0)} ms, raw ${warm.rawMs.toFixed(0)} ms (not counted)`
	);
	const engine: number[] = [];
	const raw: number[] = [];
	for (let r = 0; r < rounds; r++) {
		const syncFirst = r % 2 === 0;
		const round = await page.evaluate(([m, first]) => window.bench![m](first), [
			method,
			syncFirst
		] as const);
		check(round);
		engine.push(round.syncMs);
		raw.push(round.rawMs);
		progress(
			`${label}: round ${r + 1}/${rounds} (${syncFirst ? 'engine first' : 'raw first'}): engine ${round.syncMs.toFixed(0)} ms, raw ${round.rawMs.toFixed(0)} ms`
		);
	}
	return { engine, raw };
}

/** The rounds' times, their medians and the ratio of the medians. */
export function roundFigures(engine: number[], raw: number[]): RoundFigures {
	const engineMedian = median(engine);
	const rawMedian = median(raw);
	return {
		rounds: engine.length,
		syncMs: engine.map(round1),
		rawMs: raw.map(round1),
		syncMedianMs: round1(engineMedian),
		rawMedianMs: round1(rawMedian),
		ratio: round2(engineMedian / rawMedian),
		ratioPerRound: engine.map((ms, i) => round2(ms / raw[i]!))
	};
}
