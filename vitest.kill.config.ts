import { defineConfig } from 'vitest/config';

/**
 * The tests of the production build (tests/kill/): ./build run as a child process, on SQLite and
 * on PostgreSQL. The kill test kills it with SIGKILL mid-push; the HTTP edge test checks what
 * it answers at the HTTP level (headers, body limits, other origins). They talk HTTP only, so
 * they need none of the app's Vite plugins. Run by `npm run test:kill` after the e2e run has built.
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
