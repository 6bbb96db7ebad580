import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/**
 * Vitest as the runner of the server half of `npm run bench` (bench/server/, started by
 * bench/measurements/server-sync.ts): the server code is run as the tests/server suites run it
 * (Vite's transforms, `$lib` imports), and tests/server/harness.ts starts it on both databases.
 * Only `*.bench-run.ts` files in bench/ run here; the normal `vitest run` (vite.config.ts)
 * includes none of them.
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export default defineConfig({
	root,
	resolve: { alias: { $lib: path.join(root, 'src/lib') } },
	test: {
		include: ['bench/**/*.bench-run.ts'],
		environment: 'node',
		pool: 'forks',
		// The server's own V8 flag (`npm run serve`, ADR 13): the handler measured here runs as it
		// runs there. The raw baselines run in the same process, with the same flag.
		// --expose-gc: the owner's export's heap is read after full collections (server/export.ts).
		// BENCH_CPU_PROF=dir: a V8 CPU profile of the run, written there (where the time goes).
		execArgv: [
			'--max-semi-space-size=32',
			'--expose-gc',
			...(process.env['BENCH_CPU_PROF']
				? ['--cpu-prof', `--cpu-prof-dir=${process.env['BENCH_CPU_PROF']}`]
				: [])
		],
		fileParallelism: false,
		testTimeout: 30 * 60_000,
		hookTimeout: 5 * 60_000
	}
});
