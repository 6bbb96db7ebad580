/** The runner's command line (`npm run bench -- …`). */

/** Steps that `--only` runs alone (printed, not written to bench-results/latest.json). */
export const ONLY = [
	'first-page',
	'parent-page',
	'first-sync',
	'slow-line',
	'lighthouse',
	'owner-practice',
	'manager-overview'
] as const;
export type Only = (typeof ONLY)[number];

export interface Options {
	build: boolean;
	plans: number;
	rounds: number;
	loadSeconds: number;
	only: Only | null;
}

export const USAGE =
	'usage: npm run bench -- [--no-build] [--plans N] [--rounds N] [--load-seconds N]\n' +
	`       npm run bench -- --only ${ONLY.join('|')} [--no-build]`;

const isOnly = (value: string | undefined): value is Only =>
	(ONLY as readonly (string | undefined)[]).includes(value);

/** The options, or `null` when the usage was asked for. */
export function parseArgs(argv: string[]): Options | null {
	const options: Options = { build: true, plans: 5000, rounds: 5, loadSeconds: 10, only: null };
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i]!;
		const [flag, inline] = arg.split('=', 2);
		const value = () => {
			const raw = inline ?? argv[++i];
			const n = Number(raw);
			if (!Number.isInteger(n) || n < 1) throw new Error(`${flag} needs a positive integer`);
			return n;
		};
		if (flag === '--no-build') options.build = false;
		else if (flag === '--plans') options.plans = value();
		else if (flag === '--rounds') options.rounds = value();
		else if (flag === '--load-seconds') options.loadSeconds = value();
		else if (flag === '--only') {
			const only = inline ?? argv[++i];
			if (!isOnly(only)) throw new Error(`--only takes one of ${ONLY.join(', ')}`);
			options.only = only;
		} else if (flag === '--help' || flag === '-h') return null;
		else throw new Error(`unknown argument ${arg}`);
	}
	return options;
}
