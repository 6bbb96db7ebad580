import type { Browser, BrowserContextOptions } from '@playwright/test';
import type { PageBundles } from './browser';
import type { Options } from './options';
import type { ImportResult } from './measurements/import';
import type { FilterResult, WeekViewResult } from './measurements/pages';
import type { FirstPageResult } from './measurements/first-page';
import type { FirstSyncResult } from './measurements/first-sync';
import type { FirstSyncFromServerResults } from './measurements/first-sync-server';
import type { ServerSyncResult } from './measurements/server-sync';
import type { LighthouseResult } from './measurements/lighthouse';
import type { ThrottledResults } from './measurements/throttled-sync';
import type { ManagerOverviewResult } from './measurements/manager-overview';
import type { ParentPageResult } from './measurements/parent-page';

/** What the runner gives a measurement: the options, and (in the browser phase) Chromium. */
export interface ServerPhase {
	options: Options;
}

/** The last phase: the served app, with the bench's Chromium closed. */
export interface AlonePhase extends ServerPhase {
	/** The built app the runner serves. */
	origin: string;
}

export interface BrowserPhase extends ServerPhase {
	browser: Browser;
	/** bench/page/ bundled with the app's modules (bench/browser.ts). */
	bundles: PageBundles;
	/** The built app the runner serves. */
	origin: string;
	/** CONTEXT_OPTIONS with the served app as baseURL. */
	contextOptions: BrowserContextOptions;
}

/** Every figure of a full run, as written to bench-results/latest.json. */
export interface Results {
	importing: ImportResult;
	weekView: WeekViewResult;
	filter: FilterResult;
	firstPage: FirstPageResult;
	firstSync: FirstSyncResult;
	firstSyncFromServer: FirstSyncFromServerResults;
	server: ServerSyncResult;
	lighthouse: LighthouseResult;
	/** Absent from records made before it was measured. */
	throttled?: ThrottledResults;
	/** Absent from records made before it was measured. */
	managerOverview?: ManagerOverviewResult | { skipped: string };
	/** Absent from records made before it was measured. */
	parentPage?: ParentPageResult;
}

/** One row of the printed table: measure, result, target, met. */
export type Row = [string, string, string, string];

export const TARGETS = {
	importRatio: 1.5,
	/** The first page's JavaScript, the service worker not counted (ADR 12). */
	firstPageJsKb: 100,
	/** Every script the first visit downloads: the page's and the service worker (issue 20). */
	firstVisitKb: 100,
	/** Issue 17: a parent's summary page, rendered on the server (ADR 39): under this. */
	parentPageJsKb: 20,
	pushRatio: 3,
	pullRatio: 2,
	firstSyncRatio: 2,
	/** The owner's competence overview against a raw GROUP BY of its counts (issue 14). */
	competenceOverviewRatio: 2,
	/** The owner's overview of digital practice against its GROUP BY as raw SQL (issue 15). */
	practiceOverviewRatio: 2,
	/** The manager's overview in Chromium: navigation to figures shown (issue 15). */
	managerOverviewMs: 1000,
	/** Lighthouse's mobile scores (issue 12, point 17). */
	lighthousePerformance: 95,
	lighthouseAccessibility: 100,
	lighthouseTbtMs: 150,
	/** Issue 18: a first sync's bytes on the wire against the same plans as gzipped JSON. */
	firstSyncWireRatio: 1.1,
	/** Issue 18: a push and the pull after it, against the push alone (nothing sent twice). */
	pushThenPullRatio: 1.1,
	/** Issue 18: time on the slow line against its transfer floor. */
	throttledFloorRatio: 1.5,
	/** Issue 18: the pull of 10 under 50 clients, at least this share of the no-op's rate. */
	pullUnderLoadShareSqlite: 0.3,
	pullUnderLoadSharePostgres: 0.2
};

/** The two databases every server-side measurement runs on. */
export const DATABASES = ['sqlite', 'postgres'] as const;
export type Database = (typeof DATABASES)[number];

/**
 * One measurement: how it runs, the table's rows it shows (in the order of `MEASUREMENTS`), and
 * which targets it meets. The server phase runs first, before Chromium starts, so that the
 * server's figures do not share the machine with the browser. The alone phase runs last, after
 * the bench's Chromium is closed: a measurement that starts a browser of its own (Lighthouse)
 * would otherwise share the machine with the bench's, and whatever its pages still run.
 */
export type Measurement = (
	| { phase: 'server'; run(ctx: ServerPhase): Promise<Partial<Results>> }
	| { phase: 'browser'; run(ctx: BrowserPhase): Promise<Partial<Results>> }
	| { phase: 'alone'; run(ctx: AlonePhase): Promise<Partial<Results>> }
) & {
	rows(results: Results, options: Options): Row[];
	/** Whether each of its targets is met (null: not measured). */
	met?(results: Results): Record<string, boolean | null>;
};

/** A result's figure in the table's form: `1,234.5 ms`. */
export const fmt = (n: number) => `${n.toLocaleString('en-US', { maximumFractionDigits: 1 })} ms`;

export const yes = (ok: boolean) => (ok ? 'yes' : 'NO');
