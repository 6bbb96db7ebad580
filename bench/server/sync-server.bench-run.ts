// The server half of `npm run bench` (bench/measurements/server-sync.ts runs it once per
// database, BENCH_DIALECT, with `vitest run --config bench/vitest.config.ts`; it is not a test,
// and the normal `vitest run` never picks it up). On SQLite and on PostgreSQL, through the real
// API handler: push (push.ts), pull (pull.ts) and pull under load (load.ts).
// Results go to the JSON file named by BENCH_SERVER_OUT; progress lines start with `@@bench `
// on stderr, for the runner to show (report.ts). Every database, directory, server and child
// process made here is removed again, also when a measurement fails; what is still open is
// listed in BENCH_SERVER_STATE, so that the runner can clean up after a run that was killed.
import { writeFileSync } from 'node:fs';
import { afterAll, it } from 'vitest';
import { DIALECTS } from '../../tests/server/harness';
import { measureCompetence } from './competence';
import { startServer } from './database';
import { freshCaller } from './fixtures';
import { killLoadClients, measureLoad } from './load';
import { measurePractice } from './practice';
import { measurePull } from './pull';
import { measurePush } from './push';
import { progress } from './report';
import type { PracticeResult, ServerDatabaseResult } from './results';

const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 5);
/**
 * Push and pull take well under a second a round, and their raw baselines vary up to 1.7× from
 * one round to the next on this machine, so a median of 5 sits where one slow round puts it:
 * three times the rounds (15 by default) for these two, for a steadier median at a few seconds.
 */
const SYNC_ROUNDS = Number(process.env['BENCH_SYNC_ROUNDS'] ?? ROUNDS * 3);
const LOAD_SECONDS = Number(process.env['BENCH_LOAD_SECONDS'] ?? 10);
const OUT = process.env['BENCH_SERVER_OUT'];
/** BENCH_DIALECT: one database per run (the runner runs one process for each). */
const ONLY = process.env['BENCH_DIALECT'];
/** BENCH_COMPETENCE_ONLY=1: the competence overview alone (a quick look; not the runner's). */
const COMPETENCE_ONLY = process.env['BENCH_COMPETENCE_ONLY'] === '1';
/** BENCH_PRACTICE_ONLY=1: the owner's practice overview alone (`npm run bench -- --only owner-practice`). */
const PRACTICE_ONLY = process.env['BENCH_PRACTICE_ONLY'] === '1';
/** BENCH_SYNC_ONLY=1: push, pull and the pull under load alone, printed (a quick look; not the runner's). */
const SYNC_ONLY = process.env['BENCH_SYNC_ONLY'] === '1';

const results: Record<string, ServerDatabaseResult> = {};
const practiceResults: Record<string, PracticeResult | { skipped: string }> = {};

afterAll(() => {
	killLoadClients();
	if (OUT && PRACTICE_ONLY) {
		writeFileSync(OUT, JSON.stringify({ rounds: ROUNDS, practice: practiceResults }, null, '\t'));
	} else if (OUT) {
		writeFileSync(OUT, JSON.stringify({ rounds: ROUNDS, databases: results }, null, '\t'));
	}
});

for (const dialect of DIALECTS.filter((d) => ONLY === undefined || d === ONLY)) {
	it(`measures sync on ${dialect}`, { timeout: 30 * 60_000 }, async () => {
		let server: Awaited<ReturnType<typeof startServer>>;
		try {
			server = await startServer(dialect);
		} catch (error) {
			const reason = error instanceof Error ? error.message : String(error);
			results[dialect] = { skipped: `could not start: ${reason}` };
			practiceResults[dialect] = { skipped: `could not start: ${reason}` };
			progress(`${dialect}: NOT MEASURED: ${reason}`);
			return;
		}
		try {
			progress(`${dialect}: database ${server.name}`);
			if (COMPETENCE_ONLY) {
				const competence = await measureCompetence(server, dialect, ROUNDS);
				progress(`${dialect}: competence ${JSON.stringify(competence)}`);
				return;
			}
			if (PRACTICE_ONLY) {
				practiceResults[dialect] = await measurePractice(server, dialect, ROUNDS);
				return;
			}
			const push = await measurePush(server, dialect, SYNC_ROUNDS);
			const caller = await freshCaller(server);
			const pull = await measurePull(server, dialect, caller, SYNC_ROUNDS);
			const concurrency = await measureLoad(server, dialect, caller, LOAD_SECONDS);
			if (SYNC_ONLY) {
				progress(`${dialect}: push ${JSON.stringify(push)}`);
				progress(`${dialect}: pull ${JSON.stringify(pull)}`);
				progress(`${dialect}: load ${JSON.stringify(concurrency)}`);
				return;
			}
			const competence = await measureCompetence(server, dialect, ROUNDS);
			const practice = await measurePractice(server, dialect, ROUNDS);
			results[dialect] = { push, pull, concurrency, competence, practice };
		} finally {
			await server.close();
		}
	});
}
