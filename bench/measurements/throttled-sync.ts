import type { BrowserContext, Page, Request } from '@playwright/test';
import { startServer, stopServer, type AppServer } from '../app-server';
import { CONTEXT_OPTIONS, injectBench, openAppSettled } from '../browser';
import { TARGETS, yes, type Measurement, type Row } from '../measurement';
import { median, round1, round2 } from '../stats';
import { progress } from '../util';
import { DEMO_STAFF, scratchDatabase } from './first-sync-server';

/**
 * 5c. Sync on a slow line (issue 18): the app's engine and HTTP transport in Chromium against the
 * built server (SQLite), unthrottled and with the page's network throttled through the DevTools
 * protocol to a "slow 4G" line. Three steps, each with its time and the bytes on the wire (bodies
 * as encoded, and headers, both ways): the first sync of FIRST_SYNC_PLANS varied plans into a
 * fresh tablet, an edit of PUSH_EDITS of them pushed (with the pull the engine makes after it),
 * and an incremental pull of INCREMENTAL_PLANS written by another tablet. The plans' texts are
 * generated word by word (bench/page/varied-plans.ts), so they compress as real texts do.
 */

const FIRST_SYNC_PLANS = 10_000;
const PUSH_EDITS = 1_000;
const INCREMENTAL_PLANS = 100;

/** The line of issue 18: about 1.6 Mbit/s down, 0.75 Mbit/s up, 150 ms round trip. */
export const SLOW_4G = { downKbit: 1_600, upKbit: 750, rttMs: 150 } as const;
const PROFILES = ['unthrottled', 'slow4g'] as const;
type Profile = (typeof PROFILES)[number];

/** Sync requests of one step, as they went over the wire. */
interface Traffic {
	requests: number;
	upBytes: number;
	downBytes: number;
	pushBytes: number;
	pullBytes: number;
}

export interface StepFigures extends Traffic {
	ms: number;
	/** Throttled only: the bytes at the line's speed, plus a round trip per request. */
	floorMs?: number;
	ratioToFloor?: number;
}

export interface ThrottledProfileResult {
	rounds: number;
	firstSync: StepFigures;
	pushThenPull: StepFigures;
	incrementalPull: StepFigures;
}

export interface ThrottledResult {
	plans: number;
	/** The plans as the tablet stores them, as JSON, and that JSON gzipped. */
	jsonBytes: number;
	gzipBytes: number;
	profiles: Record<Profile, ThrottledProfileResult>;
}

export type ThrottledResults = ThrottledResult | { skipped: string };

const SYNC_URL = /\/api\/v1\/sync\/(push|pull)/;

/** Counts what the page's sync requests put on the wire while `step` runs. */
async function traffic<T>(page: Page, step: () => Promise<T>): Promise<{ out: T } & Traffic> {
	const sizes: Promise<void>[] = [];
	const counted: Traffic = { requests: 0, upBytes: 0, downBytes: 0, pushBytes: 0, pullBytes: 0 };
	let started = 0;
	const onRequest = (request: Request) => {
		if (SYNC_URL.test(request.url())) started += 1;
	};
	const onFinished = (request: Request) => {
		const kind = SYNC_URL.exec(request.url())?.[1];
		if (!kind) return;
		sizes.push(
			(async () => {
				const size = await request.sizes();
				const up = size.requestBodySize + size.requestHeadersSize;
				const down = size.responseBodySize + size.responseHeadersSize;
				counted.requests += 1;
				counted.upBytes += up;
				counted.downBytes += down;
				if (kind === 'push') counted.pushBytes += up + down;
				else counted.pullBytes += up + down;
			})()
		);
	};
	page.on('request', onRequest);
	page.on('requestfinished', onFinished);
	page.on('requestfailed', onFinished);
	try {
		const out = await step();
		// A pull read as a stream (ADR 36) can be done in the app before Playwright reports its
		// request finished: wait for every sync request the step started.
		const deadline = Date.now() + 30_000;
		while (sizes.length < started && Date.now() < deadline) {
			await new Promise((r) => setTimeout(r, 20));
		}
		if (sizes.length < started) {
			throw new Error(`${started - sizes.length} of ${started} sync requests never finished`);
		}
		await Promise.all(sizes);
		return { out, ...counted };
	} finally {
		page.off('request', onRequest);
		page.off('requestfinished', onFinished);
		page.off('requestfailed', onFinished);
	}
}

function floorOf(t: Traffic): number {
	const seconds =
		(t.downBytes * 8) / (SLOW_4G.downKbit * 1000) + (t.upBytes * 8) / (SLOW_4G.upKbit * 1000);
	return seconds * 1000 + t.requests * SLOW_4G.rttMs;
}

/** The median round of a step (by time), with its floor when throttled. */
function figures(rounds: Array<{ ms: number } & Traffic>, throttled: boolean): StepFigures {
	const ms = median(rounds.map((r) => r.ms));
	const middle = [...rounds].sort((a, b) => a.ms - b.ms)[Math.floor((rounds.length - 1) / 2)]!;
	const base = {
		ms: round1(ms),
		requests: middle.requests,
		upBytes: middle.upBytes,
		downBytes: middle.downBytes,
		pushBytes: middle.pushBytes,
		pullBytes: middle.pullBytes
	};
	if (!throttled) return base;
	const floorMs = floorOf(middle);
	return { ...base, floorMs: round1(floorMs), ratioToFloor: round2(middle.ms / floorMs) };
}

async function throttle(context: BrowserContext, page: Page, profile: Profile): Promise<void> {
	const cdp = await context.newCDPSession(page);
	await cdp.send('Network.enable');
	await cdp.send(
		'Network.emulateNetworkConditions',
		profile === 'slow4g'
			? {
					offline: false,
					latency: SLOW_4G.rttMs,
					downloadThroughput: (SLOW_4G.downKbit * 1000) / 8,
					uploadThroughput: (SLOW_4G.upKbit * 1000) / 8
				}
			: { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 }
	);
}

async function measureProfile(
	context: BrowserContext,
	page: Page,
	profile: Profile,
	rounds: number
): Promise<ThrottledProfileResult> {
	await throttle(context, page, profile);
	const firstSyncs: Array<{ ms: number } & Traffic> = [];
	const pushes: Array<{ ms: number } & Traffic> = [];
	const pulls: Array<{ ms: number } & Traffic> = [];
	for (let r = 0; r < rounds; r++) {
		const first = await traffic(page, () =>
			page.evaluate(() => window.bench!.throttledFirstSync(true))
		);
		firstSyncs.push({ ...first, ms: first.out.ms });
		const pushed = await traffic(page, () =>
			page.evaluate((n) => window.bench!.throttledPushAndPull(n), PUSH_EDITS)
		);
		if (pushed.out.pushed !== PUSH_EDITS) {
			throw new Error(`pushed ${pushed.out.pushed} edits, expected ${PUSH_EDITS}`);
		}
		pushes.push({ ...pushed, ms: pushed.out.ms });
		// Written by another tablet outside the throttled step's count (untimed).
		await page.evaluate((n) => window.bench!.throttledIncrementalPull(n), INCREMENTAL_PLANS);
		const pulled = await traffic(page, () => page.evaluate(() => window.bench!.throttledPull()));
		if (pulled.out.pulled < INCREMENTAL_PLANS) {
			throw new Error(`pulled ${pulled.out.pulled} changes, expected ${INCREMENTAL_PLANS}`);
		}
		pulls.push({ ...pulled, ms: pulled.out.ms });
		const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(2)} MB`;
		progress(
			`sync (${profile}), round ${r + 1}/${rounds}: first sync ${first.out.ms.toFixed(0)} ms, ${mb(first.downBytes + first.upBytes)}; ` +
				`push ${PUSH_EDITS} then pull ${pushed.out.ms.toFixed(0)} ms, push ${mb(pushed.pushBytes)}, pull ${mb(pushed.pullBytes)}; ` +
				`pull of ${pulled.out.pulled}: ${pulled.out.ms.toFixed(0)} ms, ${mb(pulled.downBytes + pulled.upBytes)}`
		);
	}
	const throttled = profile === 'slow4g';
	return {
		rounds,
		firstSync: figures(firstSyncs, throttled),
		pushThenPull: figures(pushes, throttled),
		incrementalPull: figures(pulls, throttled)
	};
}

export const throttledSync: Measurement = {
	phase: 'browser',
	async run({ browser, bundles, options }) {
		const database = await scratchDatabase('sqlite');
		let server: AppServer | undefined;
		let context: BrowserContext | undefined;
		// Each first sync takes long on the slow line: at most three rounds.
		const rounds = Math.min(options.rounds, 3);
		try {
			progress(
				`5c/7 sync of ${FIRST_SYNC_PLANS} varied plans, unthrottled and on a slow line, ${rounds} rounds`
			);
			server = await startServer({ ...database.env, DEMO_DATA: 'true' });
			context = await browser.newContext({
				...CONTEXT_OPTIONS,
				serviceWorkers: 'block',
				baseURL: server.origin,
				bypassCSP: true
			});
			const page = await context.newPage();
			await openAppSettled(page);
			await injectBench(page, bundles.bench);
			const seeded = await page.evaluate(([account, n]) => window.bench!.seedVaried(account, n), [
				DEMO_STAFF,
				FIRST_SYNC_PLANS
			] as const);
			progress(
				`sync on a slow line: ${seeded.applied} varied plans pushed into ${seeded.groups} groups`
			);
			const sizes = await page.evaluate(() => window.bench!.throttledFirstSync(false));
			const profiles = {} as Record<Profile, ThrottledProfileResult>;
			for (const profile of PROFILES) {
				profiles[profile] = await measureProfile(context, page, profile, rounds);
			}
			await page.evaluate(() => window.bench!.cleanUp());
			return {
				throttled: {
					plans: sizes.stored,
					jsonBytes: sizes.jsonBytes,
					gzipBytes: sizes.gzipBytes,
					profiles
				}
			};
		} catch (error) {
			const reason = error instanceof Error ? error.message : String(error);
			progress(`sync on a slow line: NOT MEASURED: ${reason}`);
			return { throttled: { skipped: reason.split('\n')[0]! } };
		} finally {
			await context?.close().catch(() => {});
			if (server) await stopServer(server);
			await database.remove();
		}
	},
	rows({ throttled }) {
		if (throttled === undefined) return [];
		if ('skipped' in throttled) {
			return [['Sync on a slow line', `not measured: ${throttled.skipped}`, '—', 'NO']];
		}
		const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(2)} MB`;
		const t = throttled;
		const fast = t.profiles.unthrottled;
		const slow = t.profiles.slow4g;
		const firstBytes = slow.firstSync.downBytes + slow.firstSync.upBytes;
		const pushAlone = slow.pushThenPull.pushBytes;
		const pushAndPull = slow.pushThenPull.pushBytes + slow.pushThenPull.pullBytes;
		const line = `${SLOW_4G.downKbit / 1000} Mbit/s down, ${SLOW_4G.upKbit / 1000} up, ${SLOW_4G.rttMs} ms`;
		const step = (name: string, f: StepFigures): Row => [
			`Slow line (${line}): ${name}: time / transfer floor`,
			`${f.ratioToFloor?.toFixed(2) ?? '?'}× (${Math.round(f.ms).toLocaleString('en-US')} ms / ${Math.round(f.floorMs ?? 0).toLocaleString('en-US')} ms; ${mb(f.downBytes + f.upBytes)}, ${f.requests} requests)`,
			`≤ ${TARGETS.throttledFloorRatio}×`,
			yes((f.ratioToFloor ?? Infinity) <= TARGETS.throttledFloorRatio)
		];
		return [
			[
				`Varied plans for the sync measurements: ${t.plans.toLocaleString('en-US')} as JSON / gzipped`,
				`${mb(t.jsonBytes)} / ${mb(t.gzipBytes)} (${((100 * t.gzipBytes) / t.jsonBytes).toFixed(1)} %)`,
				'—',
				'—'
			],
			[
				'First sync: bytes on the wire / the same plans as gzipped JSON',
				`${(firstBytes / t.gzipBytes).toFixed(2)}× (${mb(firstBytes)} / ${mb(t.gzipBytes)})`,
				`≤ ${TARGETS.firstSyncWireRatio}×`,
				yes(firstBytes / t.gzipBytes <= TARGETS.firstSyncWireRatio)
			],
			[
				`Push of ${PUSH_EDITS.toLocaleString('en-US')} edits and the pull after it: bytes / the push alone`,
				`${(pushAndPull / pushAlone).toFixed(2)}× (${mb(pushAndPull)} / ${mb(pushAlone)})`,
				`≤ ${TARGETS.pushThenPullRatio}×`,
				yes(pushAndPull / pushAlone <= TARGETS.pushThenPullRatio)
			],
			step(`first sync of ${t.plans.toLocaleString('en-US')}`, slow.firstSync),
			step(`push of ${PUSH_EDITS.toLocaleString('en-US')} edits, then the pull`, slow.pushThenPull),
			step(`pull of ${INCREMENTAL_PLANS}`, slow.incrementalPull),
			[
				'Unthrottled, same steps: first sync / push then pull / incremental pull',
				`${Math.round(fast.firstSync.ms).toLocaleString('en-US')} ms / ${Math.round(fast.pushThenPull.ms).toLocaleString('en-US')} ms / ${Math.round(fast.incrementalPull.ms).toLocaleString('en-US')} ms`,
				'—',
				'—'
			]
		];
	},
	met({ throttled }) {
		if (throttled === undefined || 'skipped' in throttled) {
			return { firstSyncWireRatio: null, pushThenPullRatio: null, throttledFloorRatio: null };
		}
		const slow = throttled.profiles.slow4g;
		const firstBytes = slow.firstSync.downBytes + slow.firstSync.upBytes;
		const steps = [slow.firstSync, slow.pushThenPull, slow.incrementalPull];
		return {
			firstSyncWireRatio: firstBytes / throttled.gzipBytes <= TARGETS.firstSyncWireRatio,
			pushThenPullRatio:
				(slow.pushThenPull.pushBytes + slow.pushThenPull.pullBytes) / slow.pushThenPull.pushBytes <=
				TARGETS.pushThenPullRatio,
			throttledFloorRatio: steps.every(
				(s) => (s.ratioToFloor ?? Infinity) <= TARGETS.throttledFloorRatio
			)
		};
	}
};
