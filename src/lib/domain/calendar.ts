/**
 * Calendar arithmetic on plain `YYYY-MM-DD` dates. Plans are about a day in the kindergarten,
 * not an instant, so dates never pass through a time zone: a plan made on a tablet in Tromsø
 * reads the same day on the owner's server.
 */

export const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
export const CLOCK_TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

function toUtc(date: string): Date {
	const [y = 0, m = 1, d = 1] = date.split('-').map(Number);
	return new Date(Date.UTC(y, m - 1, d));
}

function fromUtc(date: Date): string {
	return date.toISOString().slice(0, 10);
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * A `YYYY-MM-DD` date that exists in the Gregorian calendar, from year 100 (`Date.UTC` reads
 * years below 100 as 19xx, and this has always refused them). Arithmetic, no `Date`: the server
 * checks it for every plan a tablet pushes.
 */
export function isValidDate(date: string): boolean {
	if (!ISO_DATE.test(date)) return false;
	const year = Number(date.slice(0, 4));
	const month = Number(date.slice(5, 7));
	const day = Number(date.slice(8, 10));
	if (year < 100 || month < 1 || month > 12 || day < 1) return false;
	const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
	return day <= (month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1]!);
}

export function addDays(date: string, days: number): string {
	const d = toUtc(date);
	d.setUTCDate(d.getUTCDate() + days);
	return fromUtc(d);
}

/** The day of the week of `date`: Monday = 0 … Sunday = 6. */
export function weekdayIndex(date: string): number {
	return (toUtc(date).getUTCDay() + 6) % 7;
}

/** The Monday of the ISO week holding `date`. */
export function startOfWeek(date: string): string {
	return addDays(date, -weekdayIndex(date));
}

/** ISO 8601 week number, as printed on Norwegian calendars ("uke 48"). */
export function isoWeekNumber(date: string): number {
	const thursday = addDays(startOfWeek(date), 3);
	const yearStart = toUtc(`${thursday.slice(0, 4)}-01-01`);
	return Math.floor((toUtc(thursday).getTime() - yearStart.getTime()) / 86_400_000 / 7) + 1;
}

/** The dates of the week starting at `monday`, Monday to Sunday. */
export function weekDates(monday: string): string[] {
	return Array.from({ length: 7 }, (_, i) => addDays(monday, i));
}

/** Minutes since midnight of an `HH:MM` clock time. */
export function minutesOfDay(time: string): number {
	// As `const [h = 0, m = 0] = time.split(':').map(Number)` reads it, without the arrays: the
	// server checks a thousand plans' times in one push.
	const colon = time.indexOf(':');
	if (colon === -1) return Number(time) * 60;
	const next = time.indexOf(':', colon + 1);
	return (
		Number(time.slice(0, colon)) * 60 +
		Number(time.slice(colon + 1, next === -1 ? undefined : next))
	);
}

/** Today's date on the device's own calendar. */
export function localToday(now: Date = new Date()): string {
	const y = now.getFullYear();
	const m = String(now.getMonth() + 1).padStart(2, '0');
	const d = String(now.getDate()).padStart(2, '0');
	return `${y}-${m}-${d}`;
}
