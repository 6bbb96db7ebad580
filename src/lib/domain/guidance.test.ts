import { describe, expect, it } from 'vitest';
import {
	assessDay,
	assessWeek,
	countedMinutes,
	figureFor,
	guidanceSetSchema,
	type ScreenUse
} from './guidance';
import { DEFAULT_GUIDANCE as set } from './guidance-default';
import { DEFAULT_GUIDANCE_NOTES } from './guidance-notes';

const use = (
	screenMode: ScreenUse['screenMode'],
	screenMinutes: number,
	adultParticipates = true
): ScreenUse => ({ screenMode, screenMinutes, adultParticipates });

const threeToFive = { ageMin: 3 };

describe('the default guidance set', () => {
	it('is valid data with an id, a version and a limit for every age band', () => {
		const parsed = guidanceSetSchema.safeParse(set);
		expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
		expect(set.id).toBe('lekeplan-default');
		expect(set.version).toBeGreaterThanOrEqual(1);
		expect(set.limits.map((l) => l.band)).toEqual(['0-1', '1-2', '2-3', '3-4', '4-5', '5-6']);
	});

	it('names each source with a year, a link and a scope, and keeps "verify" marks', () => {
		for (const source of set.sources) {
			expect(source.url).toMatch(/^https:\/\//);
			expect(source.year).toBeGreaterThan(2000);
			const note = source.note ?? DEFAULT_GUIDANCE_NOTES[source.id];
			expect(note?.nb && note.nn && note.en, source.id).toBeTruthy();
		}
		const consultation = set.sources.find((s) => s.id === 'helsedir-screen-2025')!;
		expect(consultation.verify).toBe(true);
		expect(consultation.scope).toBe('outsideKindergarten');
		expect(figureFor(consultation, '2-3')?.verify).toBe(true);
	});

	it('refuses a set that lacks a band', () => {
		const broken = { ...set, limits: set.limits.slice(1) };
		expect(guidanceSetSchema.safeParse(broken).success).toBe(false);
	});
});

describe('counting minutes', () => {
	it('screen-free minutes do not count as screen time', () => {
		expect(countedMinutes(use('screenFree', 45), set)).toBe(0);
		const day = assessDay([use('screenFree', 300)], threeToFive, set);
		expect(day.screenMinutes).toBe(0);
		expect(day.level).toBe('fine');
	});

	it('passive viewing counts in full, creative production and communication at half', () => {
		expect(countedMinutes(use('passive', 20), set)).toBe(20);
		expect(countedMinutes(use('interactive', 20), set)).toBe(20);
		expect(countedMinutes(use('creative', 20), set)).toBe(10);
		expect(countedMinutes(use('communication', 20), set)).toBe(10);
	});

	it('passive or interactive use without an adult counts more', () => {
		expect(countedMinutes(use('passive', 20, false), set)).toBe(30);
		expect(countedMinutes(use('creative', 20, false), set)).toBe(10);
		expect(assessDay([use('passive', 10, false)], threeToFive, set).withoutAdult).toBe(true);
	});
});

describe('a day against the guidance', () => {
	it('is fine well below the limit', () => {
		const day = assessDay([use('passive', 15)], threeToFive, set);
		expect(day).toMatchObject({ level: 'fine', band: '3-4', limitMinutes: 60, countedMinutes: 15 });
		expect(day.basis.id).toBe('helsedir-2022');
	});

	it('is close from three quarters of the limit, and exactly at the limit', () => {
		expect(assessDay([use('passive', 44)], threeToFive, set).level).toBe('fine');
		expect(assessDay([use('passive', 45)], threeToFive, set).level).toBe('close');
		expect(assessDay([use('passive', 60)], threeToFive, set).level).toBe('close');
	});

	it('is above the limit one minute past it', () => {
		expect(assessDay([use('passive', 61)], threeToFive, set).level).toBe('above');
	});

	it('adds up several plans the same day', () => {
		const day = assessDay(
			[use('passive', 30), use('interactive', 20), use('creative', 30), use('screenFree', 60)],
			threeToFive,
			set
		);
		expect(day.screenMinutes).toBe(80);
		expect(day.countedMinutes).toBe(65);
		expect(day.level).toBe('above');
	});

	it('a group spanning two age bands is held to the younger band', () => {
		const oneToThree = { ageMin: 1, ageMax: 3 };
		const day = assessDay([use('creative', 10)], oneToThree, set);
		expect(day.band).toBe('1-2');
		expect(day.limitMinutes).toBe(0);
	});

	it('any screen use planned for children under 2 gets the strong warning', () => {
		expect(assessDay([use('creative', 1)], { ageMin: 0 }, set).level).toBe('youngest');
		expect(assessDay([use('communication', 5)], { ageMin: 1 }, set).level).toBe('youngest');
		expect(assessDay([use('screenFree', 40)], { ageMin: 1 }, set).level).toBe('fine');
		// From 2 the ordinary limit applies.
		expect(assessDay([use('creative', 10)], { ageMin: 2 }, set).level).toBe('fine');
	});
});

describe('a week against the guidance', () => {
	it('holds the week to the daily limit times five days', () => {
		const week = assessWeek([use('passive', 200), use('passive', 100)], threeToFive, set);
		expect(week.limitMinutes).toBe(300);
		expect(week.level).toBe('close');
		expect(assessWeek([use('passive', 301)], threeToFive, set).level).toBe('above');
	});
});
