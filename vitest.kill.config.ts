import { defineConfig } from 'vitest/config';

/**
 * The kill test (tests/kill/): the production build in ./build, run as a child process and
 * killed with SIGKILL mid-push, on SQLite and on PostgreSQL. It talks HTTP only, so it needs
 * none of the app's Vite plugins. Run by `npm run test:kill` after the e2e run has built.
 */
export default defineConfig({
	test: {
		include: ['tests/kill/**/*.test.ts'],
		environment: 'node',
		// One database after the other: each run restarts its server 20 times on 2 cores.
		fileParallelism: false,
		testTimeout: 180_000,
		hookTimeout: 60_000,
		expect: { requireAssertions: true }
	}
});
