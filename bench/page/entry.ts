/**
 * The page's half of the benchmark. The runner bundles this file with Vite (bench/browser.ts)
 * and injects it into a page of the running app, so IndexedDB is the app's origin's. It exposes
 * the app's real repositories, sync engine and domain code as `window.bench`; nothing here is
 * part of the app bundle.
 */
import { seedApp, counts, filterBaseline } from './app';
import { cleanUp } from './databases';
import {
	prepareServerSync,
	prepareSync,
	seedServer,
	serverSyncRound,
	syncRound
} from './first-sync';
import { importRound } from './import';
import { prepare } from './plans';
import {
	seedVaried,
	throttledFirstSync,
	throttledIncrementalPull,
	throttledPull,
	throttledPushAndPull
} from './throttled';

const bench = {
	prepare,
	importRound,
	cleanUp,
	prepareSync,
	syncRound,
	seedServer,
	prepareServerSync,
	serverSyncRound,
	seedApp,
	counts,
	filterBaseline,
	seedVaried,
	throttledFirstSync,
	throttledPushAndPull,
	throttledIncrementalPull,
	throttledPull
};

export type Bench = typeof bench;

declare global {
	interface Window {
		bench?: Bench;
	}
}

window.bench = bench;
