import { describe, expect, it } from 'vitest';
import {
	addDays,
	isoWeekNumber,
	isValidDate,
	localToday,
	minutesOfDay,
	startOfWeek,
	weekDates
} from './calendar';

describe('addDays', () => {
	it('moves within a month', () => {
		expect(addDays('2026-11-10', 5)).toBe('2026-11-15');
	});

	it('crosses into the next month', () => {
		expect(addDays('2026-01-31', 1)).toBe('2026-02-01');
		expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
		expect(addDays('2026-11-28', 7)).toBe('2026-12-05');
	});

	it('crosses the end of the year both ways', () => {
		expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
		expect(addDays('2027-01-01', -1)).toBe('2026-12-31');
		expect(addDays('2026-12-28', 14)).toBe('2027-01-11');
	});

	it('knows leap years', () => {
		expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
		expect(addDays('2028-02-29', 1)).toBe('2028-03-01');
	});

	it('is unaffected by the daylight saving change in Norway', () => {
		// Clocks go back on 2026-10-25 in Europe/Oslo; a plain date must not drift.
		expect(addDays('2026-10-24', 1)).toBe('2026-10-25');
		expect(addDays('2026-10-25', 1)).toBe('2026-10-26');
		expect(addDays('2026-03-28', 2)).toBe('2026-03-30');
	});
});

describe('startOfWeek', () => {
	it('gives the Monday of the week, from any weekday', () => {
		expect(startOfWeek('2026-11-23')).toBe('2026-11-23'); // Monday
		expect(startOfWeek('2026-11-25')).toBe('2026-11-23'); // Wednesday
		expect(startOfWeek('2026-11-28')).toBe('2026-11-23'); // Saturday
		expect(startOfWeek('2026-11-29')).toBe('2026-11-23'); // Sunday belongs to the week before
	});

	it('reaches back across a month and a year', () => {
		expect(startOfWeek('2026-12-03')).toBe('2026-11-30');
		expect(startOfWeek('2027-01-01')).toBe('2026-12-28');
	});
});

describe('isoWeekNumber', () => {
	it('numbers weeks as Norwegian calendars do', () => {
		expect(isoWeekNumber('2026-11-28')).toBe(48);
		expect(isoWeekNumber('2026-01-01')).toBe(1);
	});

	it('puts 2026-12-31 and 2027-01-01 in week 53 of 2026', () => {
		expect(isoWeekNumber('2026-12-31')).toBe(53);
		expect(isoWeekNumber('2027-01-01')).toBe(53);
		expect(isoWeekNumber('2027-01-03')).toBe(53);
		expect(isoWeekNumber('2027-01-04')).toBe(1);
	});

	it('puts early January in the last week of the year before', () => {
		// 2021-01-03 is a Sunday in week 53 of 2020.
		expect(isoWeekNumber('2021-01-03')).toBe(53);
		// 2024-12-30 is a Monday in week 1 of 2025.
		expect(isoWeekNumber('2024-12-30')).toBe(1);
	});
});

describe('isValidDate', () => {
	it('accepts real dates', () => {
		expect(isValidDate('2026-11-28')).toBe(true);
		expect(isValidDate('2028-02-29')).toBe(true);
	});

	it('agrees with the calendar of Date, day by day, around leap years and century years', () => {
		const viaDate = (date: string) => {
			const [y = 0, m = 1, d = 1] = date.split('-').map(Number);
			return new Date(Date.UTC(y, m - 1, d)).toISOString().slice(0, 10) === date;
		};
		const pad = (n: number, width: number) => String(n).padStart(width, '0');
		for (const year of [99, 100, 1900, 2000, 2023, 2024, 2026, 2100, 2400, 9999]) {
			for (let month = 0; month <= 13; month++) {
				for (let day = 0; day <= 32; day++) {
					const date = `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
					expect(isValidDate(date), date).toBe(viaDate(date));
				}
			}
		}
	});

	it('rejects dates that do not exist', () => {
		expect(isValidDate('2026-02-30')).toBe(false);
		expect(isValidDate('2026-02-29')).toBe(false);
		expect(isValidDate('2026-04-31')).toBe(false);
		expect(isValidDate('2026-13-01')).toBe(false);
		expect(isValidDate('2026-00-10')).toBe(false);
	});

	it('rejects text that is not YYYY-MM-DD', () => {
		expect(isValidDate('2026-1-05')).toBe(false);
		expect(isValidDate('28.11.2026')).toBe(false);
		expect(isValidDate('')).toBe(false);
		expect(isValidDate('2026-11-28T10:00')).toBe(false);
	});
});

describe('weekDates', () => {
	it('lists Monday to Sunday, across a month end', () => {
		expect(weekDates('2026-11-30')).toEqual([
			'2026-11-30',
			'2026-12-01',
			'2026-12-02',
			'2026-12-03',
			'2026-12-04',
			'2026-12-05',
			'2026-12-06'
		]);
	});
});

describe('minutesOfDay and localToday', () => {
	it('counts minutes since midnight', () => {
		expect(minutesOfDay('00:00')).toBe(0);
		expect(minutesOfDay('09:30')).toBe(570);
		expect(minutesOfDay('23:59')).toBe(1439);
		// Read as the split it replaced reads it, whatever the text.
		for (const text of ['', '7', '7:', ':5', '1:2:3', 'a:b', ' 8 : 15 ', '08:30:00']) {
			const [h = 0, m = 0] = text.split(':').map(Number);
			expect(minutesOfDay(text)).toEqual(h * 60 + m);
		}
	});

	it("reads today's date from the device calendar", () => {
		expect(localToday(new Date(2026, 10, 28, 23, 59))).toBe('2026-11-28');
		expect(localToday(new Date(2027, 0, 1, 0, 0))).toBe('2027-01-01');
	});
});
