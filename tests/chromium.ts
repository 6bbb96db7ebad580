/// <reference types="node" />
import type { LaunchOptions } from '@playwright/test';

/**
 * The one Chromium the end-to-end tests (playwright.config.ts) and the benchmark (bench/) launch:
 * Debian's, since browsers cannot be downloaded here; `CHROMIUM_PATH` points elsewhere.
 */
export const CHROMIUM_PATH = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

/** Headless, and quiet: nothing of its own on the network while it is measured or tested. */
export const CHROMIUM_ARGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync'
];

export const chromiumLaunchOptions: LaunchOptions = {
	executablePath: CHROMIUM_PATH,
	args: CHROMIUM_ARGS
};
