// The bench's committed record (issue 20): a full run writes every figure to docs/benchmarks.json
// and puts its table, made from that file, into README.md and docs/benchmarks.md between the
// markers `<!-- bench:table:start -->` and `<!-- bench:table:end -->`. So each published figure has
// its run on record. Run alone (`npm run bench:tables`), it writes the tables again from the record
// without measuring.
import { execFileSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import * as prettier from 'prettier';
import type { Results, Row } from './measurement';
import { MEASUREMENTS } from './measurements';
import type { Options } from './options';
import { ROOT } from './util';

export const RECORD = path.join(ROOT, 'docs/benchmarks.json');
const TABLE_FILES = ['README.md', 'docs/benchmarks.md'];
const START = '<!-- bench:table:start -->';
const END = '<!-- bench:table:end -->';

export interface BenchRecord {
	date: string;
	/** The commit measured, `+dirty` when the work tree had changes. */
	commit: string;
	options: Options;
	machine: { cpus: number; model: string; loadAverage: number[] };
	chromium: string;
	node: string;
	targets: Record<string, number>;
	met: Record<string, boolean | null>;
	results: Results;
}

function commit(): string {
	try {
		const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT })
			.toString()
			.trim();
		const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], {
			cwd: ROOT
		})
			.toString()
			.trim();
		return dirty ? `${head}+dirty` : head;
	} catch {
		return 'unknown';
	}
}

export function machine(): BenchRecord['machine'] {
	const all = cpus();
	return {
		cpus: all.length,
		model: all[0]?.model ?? 'unknown',
		loadAverage: loadavg().map((l) => Math.round(l * 100) / 100)
	};
}

/** Writes the record and the tables made from it. */
export async function writeRecord(record: Omit<BenchRecord, 'commit'>): Promise<void> {
	const full: BenchRecord = { ...record, commit: commit() };
	await writeFile(RECORD, await format(`${JSON.stringify(full, null, '\t')}\n`, RECORD));
	await writeTables(full);
}

const cell = (text: string) => text.replace(/\|/g, '\\|');

/** The record as a Markdown table: the rows the runner prints, in the same order. */
export function tableOf(record: BenchRecord): string {
	const rows: Row[] = MEASUREMENTS.flatMap((m) => m.rows(record.results, record.options));
	// Push and pull on the server run more rounds than the rest (BENCH_SYNC_ROUNDS).
	const syncRounds = Object.values(record.results.server?.databases ?? {})
		.map((d) => (d && 'push' in d ? d.push.rounds : undefined))
		.find((r) => r !== undefined && r !== record.options.rounds);
	const sync = syncRounds === undefined ? '' : ` (push and pull on the server: ${syncRounds})`;
	const lines = [
		`Run of ${record.date.slice(0, 10)} on commit ${record.commit} (\`docs/benchmarks.json\`): ` +
			`${record.options.plans.toLocaleString('en-US')} plans, medians of ${record.options.rounds}${sync}; ` +
			`${record.machine.cpus} cores, load average ${record.machine.loadAverage.join(', ')} at the end. ` +
			'Ratios are against baselines measured in the same run.',
		'',
		'| measure | result | target | met |',
		'| --- | --- | --- | --- |',
		...rows.map((r) => `| ${r.map(cell).join(' | ')} |`)
	];
	return lines.join('\n');
}

async function format(text: string, filepath: string): Promise<string> {
	const config = (await prettier.resolveConfig(filepath)) ?? {};
	return prettier.format(text, { ...config, filepath });
}

/** Replaces what stands between the markers in README.md and docs/benchmarks.md. */
export async function writeTables(record: BenchRecord): Promise<void> {
	const table = tableOf(record);
	for (const name of TABLE_FILES) {
		const file = path.join(ROOT, name);
		const text = await readFile(file, 'utf8');
		// The markers on lines of their own: prose may name them in passing.
		const start = text.search(new RegExp(`^${START}$`, 'm'));
		const end = text.search(new RegExp(`^${END}$`, 'm'));
		if (start < 0 || end < start) throw new Error(`${name} has no ${START} … ${END}`);
		const updated = `${text.slice(0, start + START.length)}\n\n${table}\n\n${text.slice(end)}`;
		await writeFile(file, await format(updated, file));
	}
}

// `npm run bench:tables`: the tables again from the committed record.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
	const record = JSON.parse(await readFile(RECORD, 'utf8')) as BenchRecord;
	await writeTables(record);
	console.log(`wrote the tables of ${record.date} into ${TABLE_FILES.join(' and ')}`);
}
