/// <reference types="node" />
import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './tests/chromium';

/** E2E_PORT lets two checkouts on one machine run their suites side by side. */
const PORT = Number(process.env.E2E_PORT ?? 4173);

/**
 * End-to-end tests run the production build (adapter-node) in Debian's Chromium: there is no
 * service worker in `vite dev`, and browsers cannot be downloaded here (docs/design/toolchain.md).
 * The launcher (path, `CHROMIUM_PATH`, flags) is tests/chromium.ts, shared with the benchmark.
 */
export default defineConfig({
	testDir: 'tests/e2e',
	testMatch: '**/*.e2e.ts',
	fullyParallel: false,
	workers: 2,
	// One retry, reported as "flaky" in the list: two tests failed once each in a full run of
	// session 7 (sync-state's refused change, competence's resume) and passed alone; a test that
	// fails twice still fails the run. See the closing note of session 7.
	retries: 1,
	reporter: process.env.CI ? [['list']] : [['list']],
	timeout: 60_000,
	use: {
		baseURL: `http://localhost:${PORT}`,
		serviceWorkers: 'allow',
		locale: 'nb-NO',
		timezoneId: 'Europe/Oslo',
		viewport: { width: 1024, height: 768 },
		launchOptions: chromiumLaunchOptions
	},
	webServer: {
		// A fresh SQLite database with the demo owner for every run (data/ is git-ignored).
		command: `npm run build && rm -f data/e2e.sqlite* && node build`,
		url: `http://localhost:${PORT}`,
		env: {
			PORT: String(PORT),
			ORIGIN: `http://localhost:${PORT}`,
			SQLITE_FILE: 'data/e2e.sqlite',
			BODY_SIZE_LIMIT: '1M',
			DEMO_DATA: 'true'
		},
		reuseExistingServer: !process.env.CI,
		timeout: 180_000
	}
});
