/**
 * The days a kindergarten is open: Monday to Friday by default, never on a Norwegian public
 * holiday (lov om helligdager og helligdagsfred § 2, and 1 and 17 May by lov om 1. og 17. mai som
 * høgtidsdager). The moving feasts follow Easter Sunday, computed for the Gregorian calendar, so
 * no table of years runs out. Plain `YYYY-MM-DD` dates, as everywhere in the domain.
 */
import { addDays, weekdayIndex } from './calendar';

/** ISO weekday numbers: Monday 1 … Sunday 7. */
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

export const DEFAULT_OPENING_WEEKDAYS: readonly Weekday[] = [1, 2, 3, 4, 5];

/** Easter Sunday of `year` (the anonymous Gregorian algorithm, "Meeus/Jones/Butcher"). */
export function easterSunday(year: number): string {
	const a = year % 19;
	const b = Math.floor(year / 100);
	const c = year % 100;
	const d = Math.floor(b / 4);
	const e = b % 4;
	const f = Math.floor((b + 8) / 25);
	const g = Math.floor((b - f + 1) / 3);
	const h = (19 * a + b - d - g + 15) % 30;
	const i = Math.floor(c / 4);
	const k = c % 4;
	const l = (32 + 2 * e + 2 * i - h - k) % 7;
	const m = Math.floor((a + 11 * h + 22 * l) / 451);
	const month = Math.floor((h + l - 7 * m + 114) / 31);
	const day = ((h + l - 7 * m + 114) % 31) + 1;
	return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Norway's public holidays of `year`, in date order. */
export function norwegianPublicHolidays(year: number): string[] {
	const y = String(year).padStart(4, '0');
	const easter = easterSunday(year);
	return [
		`${y}-01-01`, // nyttårsdag
		addDays(easter, -3), // skjærtorsdag
		addDays(easter, -2), // langfredag
		easter, // første påskedag
		addDays(easter, 1), // andre påskedag
		`${y}-05-01`, // offentlig høytidsdag
		`${y}-05-17`, // grunnlovsdag
		addDays(easter, 39), // Kristi himmelfartsdag
		addDays(easter, 49), // første pinsedag
		addDays(easter, 50), // andre pinsedag
		`${y}-12-25`, // første juledag
		`${y}-12-26` // andre juledag
	].sort();
}

const holidayCache = new Map<number, ReadonlySet<string>>();

export function isPublicHoliday(date: string): boolean {
	const year = Number(date.slice(0, 4));
	let holidays = holidayCache.get(year);
	if (!holidays) {
		holidays = new Set(norwegianPublicHolidays(year));
		holidayCache.set(year, holidays);
	}
	return holidays.has(date);
}

export function isOpeningDay(
	date: string,
	weekdays: readonly Weekday[] = DEFAULT_OPENING_WEEKDAYS
): boolean {
	return weekdays.includes((weekdayIndex(date) + 1) as Weekday) && !isPublicHoliday(date);
}

/** `date` itself when the kindergarten is open then, else the next day it is. */
export function nextOpeningDay(
	date: string,
	weekdays: readonly Weekday[] = DEFAULT_OPENING_WEEKDAYS
): string {
	if (weekdays.length === 0) throw new RangeError('A kindergarten opens on at least one weekday');
	let day = date;
	while (!isOpeningDay(day, weekdays)) day = addDays(day, 1);
	return day;
}

/**
 * The dates of `count` sessions from `firstDate`, all on opening days. Under a week apart,
 * `daysBetween` counts opening days ("every other day" is every other day the kindergarten is
 * open, so a Friday session is followed by Tuesday's); a week or more apart keeps the weekday,
 * moved to the next opening day when a holiday falls on it, and never before the session ahead.
 */
export function sessionDates(
	firstDate: string,
	count: number,
	daysBetween: number,
	weekdays: readonly Weekday[] = DEFAULT_OPENING_WEEKDAYS
): string[] {
	const dates: string[] = [];
	let previous = '';
	for (let index = 0; index < count; index++) {
		let date: string;
		if (index === 0) {
			date = nextOpeningDay(firstDate, weekdays);
		} else if (daysBetween < 7) {
			date = previous;
			for (let step = 0; step < Math.max(1, daysBetween); step++) {
				date = nextOpeningDay(addDays(date, 1), weekdays);
			}
		} else {
			const nominal = nextOpeningDay(addDays(firstDate, index * daysBetween), weekdays);
			date = nominal > previous ? nominal : nextOpeningDay(addDays(previous, 1), weekdays);
		}
		dates.push(date);
		previous = date;
	}
	return dates;
}
