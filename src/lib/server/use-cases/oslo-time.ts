/**
 * Days and times as a Norwegian owner reads them: Europe/Oslo, summer time included. The
 * database keeps UTC (ISO-8601 text); these turn a local day into its UTC bounds and a UTC time
 * into local text.
 */

const ZONE = 'Europe/Oslo';

const parts = new Intl.DateTimeFormat('en-GB', {
	timeZone: ZONE,
	hourCycle: 'h23',
	year: 'numeric',
	month: '2-digit',
	day: '2-digit',
	hour: '2-digit',
	minute: '2-digit',
	second: '2-digit'
});

/** Oslo's offset from UTC at an instant, in milliseconds (+1 h in winter, +2 h in summer). */
function offsetAt(instant: number): number {
	const p = Object.fromEntries(parts.formatToParts(instant).map((x) => [x.type, x.value]));
	const local = Date.UTC(
		Number(p['year']),
		Number(p['month']) - 1,
		Number(p['day']),
		Number(p['hour']),
		Number(p['minute']),
		Number(p['second'])
	);
	return local - Math.floor(instant / 1000) * 1000;
}

/** The UTC instant (ISO) at which the Oslo day `date` (YYYY-MM-DD) plus `addDays` begins. */
export function osloDayStart(date: string, addDays = 0): string {
	const [y, m, d] = date.split('-').map(Number) as [number, number, number];
	const midnightAsUtc = Date.UTC(y, m - 1, d + addDays);
	// The offset an hour before midnight is the day before's: midnight is never in a DST gap.
	return new Date(midnightAsUtc - offsetAt(midnightAsUtc - 3_600_000)).toISOString();
}

/** `2026-12-01 10:00:00`: a UTC time (ISO) as Oslo's wall clock shows it. */
export function osloWallClock(iso: string): string {
	const instant = Date.parse(iso);
	return new Date(instant + offsetAt(instant)).toISOString().replace('T', ' ').slice(0, 19);
}
