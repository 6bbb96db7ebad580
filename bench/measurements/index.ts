import type { Measurement } from '../measurement';
import { firstPage } from './first-page';
import { firstSync } from './first-sync';
import { firstSyncFromServer } from './first-sync-server';
import { importing } from './import';
import { lighthouseMeasurement } from './lighthouse';
import { managerOverview } from './manager-overview';
import { pages } from './pages';
import { parentPage } from './parent-page';
import { serverSync } from './server-sync';
import { throttledSync } from './throttled-sync';

/**
 * Every measurement, in the order of the printed table. The runner runs the server phase first
 * (sync on the server, before Chromium starts), then the browser phase in this order.
 */
export const MEASUREMENTS: readonly Measurement[] = [
	importing,
	pages,
	firstPage,
	parentPage,
	firstSync,
	firstSyncFromServer,
	throttledSync,
	managerOverview,
	serverSync,
	lighthouseMeasurement
];
