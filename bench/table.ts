import { MEASUREMENTS } from './measurements';
import { WARM_UP_NAVIGATIONS } from './measurements/pages';
import type { Results, Row } from './measurement';
import type { Options } from './options';

/** The printed table of a full run: each measurement's rows, in the order of MEASUREMENTS. */
export function printTable(results: Results, options: Options): void {
	const rows: Row[] = [
		['Measure', 'Result', 'Target', 'Met'],
		...MEASUREMENTS.flatMap((m) => m.rows(results, options))
	];
	const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
	const line = (r: Row) => r.map((cell, c) => cell.padEnd(widths[c]!)).join(' │ ');
	console.log('');
	console.log(line(rows[0]!));
	console.log(widths.map((w) => '─'.repeat(w)).join('─┼─'));
	for (const r of rows.slice(1)) console.log(line(r));
	console.log('');
	console.log(
		`Medians of ${options.rounds} runs (import: after one warm-up round; navigations: after ` +
			`${WARM_UP_NAVIGATIONS} warm-up loads, page served by the service worker). Times run from ` +
			'the navigation start or the input event, in Chromium; "—": no target given. Navigation ' +
			'times are noisy on a loaded machine: compare several runs.'
	);
	console.log(
		`Sync: medians of ${options.rounds} rounds after one warm-up round, fresh databases or ` +
			'kindergartens per round. Server figures run through the API handler in-process (push: ' +
			'1,000 mutations in batches of MAX_BATCH; pull: every page from cursor 0); the raw ' +
			'baselines are the fastest plain code for the same rows (push: one multi-row insert of cached ' +
			"SQL text; pull: the app's columns as SQL text, without the camel-case plugin), each in " +
			"one transaction, beside the earlier baselines through Kysely's builder; on SQLite the write-ahead log " +
			'is checkpointed, untimed, before each timed write. Under load: autocannon, 50 ' +
			'connections on loopback, ' +
			`${options.loadSeconds} s after a 2 s warm-up, against node:http + the API's Hono app.`
	);
}

/** Whether each target is met (null: not measured). */
export function metTargets(results: Results): Record<string, boolean | null> {
	return Object.assign({}, ...MEASUREMENTS.map((m) => m.met?.(results) ?? {})) as Record<
		string,
		boolean | null
	>;
}
