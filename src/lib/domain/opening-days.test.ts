import { describe, expect, it } from 'vitest';
import {
	easterSunday,
	isOpeningDay,
	nextOpeningDay,
	norwegianPublicHolidays,
	sessionDates
} from './opening-days';

describe('Norwegian public holidays', () => {
	it('puts Easter Sunday where the almanac does', () => {
		expect(easterSunday(2024)).toBe('2024-03-31');
		expect(easterSunday(2025)).toBe('2025-04-20');
		expect(easterSunday(2026)).toBe('2026-04-05');
		expect(easterSunday(2027)).toBe('2027-03-28');
		expect(easterSunday(2038)).toBe('2038-04-25'); // the latest possible date
		expect(easterSunday(2285)).toBe('2285-03-22'); // the earliest possible date
	});

	it('lists the twelve days of 2026, the moving feasts included', () => {
		expect(norwegianPublicHolidays(2026)).toEqual([
			'2026-01-01',
			'2026-04-02',
			'2026-04-03',
			'2026-04-05',
			'2026-04-06',
			'2026-05-01',
			'2026-05-14',
			'2026-05-17',
			'2026-05-24',
			'2026-05-25',
			'2026-12-25',
			'2026-12-26'
		]);
	});

	it('keeps a kindergarten closed on weekends and holidays, open on other weekdays', () => {
		expect(isOpeningDay('2026-12-02')).toBe(true); // a Wednesday
		expect(isOpeningDay('2026-12-05')).toBe(false); // Saturday
		expect(isOpeningDay('2026-12-06')).toBe(false); // Sunday
		expect(isOpeningDay('2026-05-14')).toBe(false); // Ascension Day, a Thursday
		expect(isOpeningDay('2026-12-24')).toBe(true); // Christmas Eve is no public holiday
		expect(isOpeningDay('2026-12-05', [1, 2, 3, 4, 5, 6])).toBe(true);
		expect(nextOpeningDay('2026-12-25')).toBe('2026-12-28');
		expect(() => nextOpeningDay('2026-12-25', [])).toThrow(RangeError);
	});
});

describe('session dates of a series', () => {
	it('never lands on a weekend: every other day from Wednesday 2 December 2026', () => {
		// The case: the old arithmetic gave Sunday 6 and Saturday 12 December.
		expect(sessionDates('2026-12-02', 6, 2)).toEqual([
			'2026-12-02',
			'2026-12-04',
			'2026-12-08',
			'2026-12-10',
			'2026-12-14',
			'2026-12-16'
		]);
	});

	it('skips Christmas and the Easter days', () => {
		expect(sessionDates('2026-12-23', 3, 1)).toEqual(['2026-12-23', '2026-12-24', '2026-12-28']);
		expect(sessionDates('2026-04-01', 2, 1)).toEqual(['2026-04-01', '2026-04-07']);
	});

	it('keeps the weekday of a weekly series, moved past a holiday only that week', () => {
		expect(sessionDates('2026-05-07', 4, 7)).toEqual([
			'2026-05-07',
			'2026-05-15', // Thursday 14 May is Ascension Day
			'2026-05-21',
			'2026-05-28'
		]);
	});

	it('starts on the next opening day when the first date is a closed one', () => {
		expect(sessionDates('2026-12-05', 2, 1)).toEqual(['2026-12-07', '2026-12-08']);
	});
});
