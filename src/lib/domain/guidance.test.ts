import { describe, expect, it } from 'vitest';
import {
	assessDay,
	assessWeek,
	figureFor,
	guidanceSetSchema,
	realMinutes,
	weightedMinutes,
	type GuidanceSet,
	type ScreenUse
} from './guidance';
import { DEFAULT_GUIDANCE as set } from './guidance-default';
import { DEFAULT_FIGURE_NOTES, DEFAULT_GUIDANCE_NOTES } from './guidance-notes';
import { AGE_BANDS, type AgeBand } from './organisation';

const use = (
	screenMode: ScreenUse['screenMode'],
	screenMinutes: number,
	adultParticipates = true
): ScreenUse => ({ screenMode, screenMinutes, adultParticipates });

const on = (date: string, u: ScreenUse) => ({ ...u, date });

const threeToFive = { ageMin: 3 };
/** The demo group Knøttene: children of 1 and 2. */
const oneToThree = { ageMin: 1, ageMax: 3 };
const source = (id: string) => set.sources.find((s) => s.id === id)!;

describe('the default guidance set', () => {
	it('is valid data with an id, a version and a limit for every age band', () => {
		const parsed = guidanceSetSchema.safeParse(set);
		expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
		expect(set.id).toBe('lekeplan-default');
		// Version 2 carries the corrected sources (issue 19); tablets take it over version 1.
		expect(set.version).toBeGreaterThanOrEqual(2);
		expect(set.limits.map((l) => l.band)).toEqual(['0-1', '1-2', '2-3', '3-4', '4-5', '5-6']);
	});

	it('names each source with a year, a link and a note in every language', () => {
		for (const s of set.sources) {
			expect(s.url).toMatch(/^https:\/\//);
			expect(s.year).toBeGreaterThan(2000);
			const note = s.note ?? DEFAULT_GUIDANCE_NOTES[s.id];
			expect(note?.nb && note.nn && note.en, s.id).toBeTruthy();
		}
	});

	it('links each source document itself, not a front page', () => {
		for (const s of set.sources) expect(new URL(s.url).pathname.length, s.id).toBeGreaterThan(1);
		expect(source('helsedir-screen-2025').url).toBe(
			'https://www.helsedirektoratet.no/faglige-rad/skjermbruk-blant-barn-unge-og-foresatte'
		);
		expect(source('helsedir-2022').url).toBe(
			'https://www.helsedirektoratet.no/faglige-rad/fysisk-aktivitet-i-forebygging-og-behandling/barn-og-unge'
		);
		expect(source('nou-2024-20').url).toMatch(
			/^https:\/\/www\.regjeringen\.no\/no\/dokumenter\/nou-2024-20\//
		);
		expect(source('folkhalsomyndigheten-2024').url).toMatch(
			/^https:\/\/www\.folkhalsomyndigheten\.se\/.*skarmanvandning/
		);
	});

	it('shows the national screen advice as final (2026), with unread figures marked', () => {
		const advice = source('helsedir-screen-2025');
		expect(advice.year).toBe(2026);
		expect(advice.name).not.toMatch(/høring/i);
		expect(advice.scope).toBe('outsideKindergarten');
		expect(figureFor(advice, '0-1')).toMatchObject({ advice: 'avoid', maxMinutesPerDay: 0 });
		expect(figureFor(advice, '1-2')).toMatchObject({ advice: 'avoid', maxMinutesPerDay: 0 });
		// The final figure for ages 2–5 was not read: marked, and the note says so.
		expect(figureFor(advice, '2-3')?.verify).toBe(true);
		expect(DEFAULT_GUIDANCE_NOTES['helsedir-screen-2025']!.en).toMatch(/could not read/);
	});

	it('words the advice as the sources do: advised against under 2, never "skal ikke"', () => {
		const physical = source('helsedir-2022');
		expect(figureFor(physical, '1-2')).toMatchObject({ advice: 'none', maxMinutesPerDay: 0 });
		expect(DEFAULT_GUIDANCE_NOTES['helsedir-2022']!.nb).toMatch(/frarådes for barn under 2 år/);
		for (const note of Object.values(DEFAULT_GUIDANCE_NOTES)) {
			expect(note.nb).not.toMatch(/skal ikke/);
			expect(note.nn).not.toMatch(/skal ikkje/);
		}
	});

	it('keeps AAP’s video-chat exception and treats 12–17 months as under 18 months', () => {
		const aap = source('aap-2016');
		expect(figureFor(aap, '0-1')).toMatchObject({ advice: 'avoid', maxMinutesPerDay: 0 });
		expect(figureFor(aap, '1-2')).toMatchObject({ advice: 'avoid', maxMinutesPerDay: 0 });
		expect(DEFAULT_FIGURE_NOTES['aap-2016']!['0-1']!.en).toMatch(/video chat/);
		expect(DEFAULT_FIGURE_NOTES['aap-2016']!['1-2']!.en).toMatch(/12–17 months/);
		// The reported 2026 revision is named, and the source marked for checking.
		expect(aap.verify).toBe(true);
		expect(DEFAULT_GUIDANCE_NOTES['aap-2016']!.en).toMatch(/2026/);
	});

	it('says where a 5–6 figure covers age 5 only', () => {
		for (const id of ['helsedir-2022', 'helsedir-screen-2025', 'folkhalsomyndigheten-2024']) {
			expect(figureFor(source(id), '5-6'), id).toBeDefined();
			expect(DEFAULT_FIGURE_NOTES[id]?.['5-6']?.en, id).toMatch(/5-year-olds/);
		}
		expect(figureFor(source('who-2019'), '5-6')).toBeUndefined();
	});

	it('refuses a set that lacks a band', () => {
		const broken = { ...set, limits: set.limits.slice(1) };
		expect(guidanceSetSchema.safeParse(broken).success).toBe(false);
	});
});

/** The set with one band held to a source's figure. */
function heldTo(sourceId: string, band: AgeBand, minutes: number): GuidanceSet {
	return {
		...set,
		limits: set.limits.map((l) =>
			l.band === band ? { band, dailyMinutes: minutes, basis: sourceId } : l
		)
	};
}

describe('real minutes against each source’s limit, in every band', () => {
	for (const s of set.sources) {
		for (const figure of s.figures) {
			const limit = figure.maxMinutesPerDay;
			if (limit === null) continue;
			const group = { ageMin: AGE_BANDS.indexOf(figure.band) };
			const held = heldTo(s.id, figure.band, limit);
			for (const adult of [true, false]) {
				const who = adult ? 'with' : 'without';
				it(`${s.id}, ${figure.band}: ${limit} creative minutes ${who} an adult are within, ${limit + 1} over`, () => {
					const at = assessDay([use('creative', limit, adult)], group, held);
					expect(at).toMatchObject({ level: 'within', screenMinutes: limit, daysOverLimit: 0 });
					expect(at.limitMinutes).toBe(limit);
					expect(at.basis.id).toBe(s.id);
					const over = assessDay([use('creative', limit + 1, adult)], group, held);
					expect(over.level).toBe(group.ageMin < 2 ? 'youngest' : 'above');
					expect(over).toMatchObject({ screenMinutes: limit + 1, daysOverLimit: 1 });
				});
			}
		}
	}

	it('80 creative minutes with an adult for 2-year-olds are over the limit, whatever the weighting', () => {
		const day = assessDay([use('creative', 80)], { ageMin: 2 }, set);
		expect(day).toMatchObject({ level: 'above', band: '2-3', screenMinutes: 80, limitMinutes: 60 });
		// Lekeplan's own weighting counts them as 40: shown beside, never as the verdict.
		expect(day.view.weightedMinutes).toBe(40);
		expect(day.view.nearLimit).toBe(false);
	});

	it('80 creative minutes for a 1–3 group are over: any screen use for under-2s', () => {
		const day = assessDay([use('creative', 80)], oneToThree, set);
		expect(day).toMatchObject({ level: 'youngest', band: '1-2', screenMinutes: 80 });
		expect(day.limitMinutes).toBe(0);
		expect(day.daysOverLimit).toBe(1);
	});
});

describe('a day against the guidance', () => {
	it('screen-free minutes are no screen time', () => {
		expect(realMinutes(use('screenFree', 45))).toBe(0);
		const day = assessDay([use('screenFree', 300)], threeToFive, set);
		expect(day.screenMinutes).toBe(0);
		expect(day.level).toBe('within');
		expect(assessDay([use('screenFree', 40)], { ageMin: 1 }, set).level).toBe('within');
	});

	it('is within well below the limit, with the source it is taken from', () => {
		const day = assessDay([use('passive', 15)], threeToFive, set);
		expect(day).toMatchObject({
			level: 'within',
			band: '3-4',
			limitMinutes: 60,
			screenMinutes: 15
		});
		expect(day.basis.id).toBe('helsedir-2022');
	});

	it('is within exactly at the limit and above one minute past it, for every mode', () => {
		for (const mode of ['passive', 'interactive', 'creative', 'communication'] as const) {
			expect(assessDay([use(mode, 60)], threeToFive, set).level, mode).toBe('within');
			expect(assessDay([use(mode, 61)], threeToFive, set).level, mode).toBe('above');
		}
	});

	it('adds up the real minutes of several plans the same day', () => {
		const day = assessDay(
			[use('passive', 30), use('interactive', 20), use('creative', 30), use('screenFree', 60)],
			threeToFive,
			set
		);
		expect(day.screenMinutes).toBe(80);
		expect(day.level).toBe('above');
		expect(day.view.weightedMinutes).toBe(65);
	});

	it('a group spanning two age bands is held to the younger band', () => {
		const day = assessDay([use('creative', 10)], oneToThree, set);
		expect(day.band).toBe('1-2');
		expect(day.limitMinutes).toBe(0);
		expect(assessDay([use('creative', 10)], { ageMin: 2 }, set).level).toBe('within');
	});

	it('any screen use planned for children under 2 gets the strong warning', () => {
		expect(assessDay([use('creative', 1)], { ageMin: 0 }, set).level).toBe('youngest');
		expect(assessDay([use('communication', 5)], { ageMin: 1 }, set).level).toBe('youngest');
	});
});

describe('Lekeplan’s own view, beside the verdict', () => {
	it('weights modes: passive and interactive in full, creative and communication at half', () => {
		expect(weightedMinutes(use('passive', 20), set)).toBe(20);
		expect(weightedMinutes(use('interactive', 20), set)).toBe(20);
		expect(weightedMinutes(use('creative', 20), set)).toBe(10);
		expect(weightedMinutes(use('communication', 20), set)).toBe(10);
		expect(weightedMinutes(use('screenFree', 20), set)).toBe(0);
	});

	it('weights passive or interactive use without an adult more, and says so', () => {
		expect(weightedMinutes(use('passive', 20, false), set)).toBe(30);
		expect(weightedMinutes(use('creative', 20, false), set)).toBe(10);
		expect(assessDay([use('passive', 10, false)], threeToFive, set).view.withoutAdult).toBe(true);
		expect(assessDay([use('creative', 10, false)], threeToFive, set).view.withoutAdult).toBe(false);
	});

	it('never changes the verdict: 50 passive minutes alone weigh 75 and are still within', () => {
		const day = assessDay([use('passive', 50, false)], threeToFive, set);
		expect(day.level).toBe('within');
		expect(day.view).toMatchObject({ weightedMinutes: 75, budgetMinutes: 60 });
	});

	it('calls a day near the limit from three quarters of it, in real minutes', () => {
		expect(assessDay([use('passive', 44)], threeToFive, set).view.nearLimit).toBe(false);
		expect(assessDay([use('creative', 45)], threeToFive, set).view.nearLimit).toBe(true);
		expect(assessDay([use('passive', 60)], threeToFive, set).view.nearLimit).toBe(true);
		expect(assessDay([use('passive', 61)], threeToFive, set).view.nearLimit).toBe(false);
	});

	it('lists the kinds of use: how the screen is used and whether an adult takes part', () => {
		const day = assessDay(
			[use('creative', 20), use('passive', 10, false), use('creative', 30), use('screenFree', 40)],
			threeToFive,
			set
		);
		expect(day.view.kinds).toEqual([
			{ screenMode: 'creative', adultParticipates: true, minutes: 50 },
			{ screenMode: 'passive', adultParticipates: false, minutes: 10 }
		]);
	});
});

describe('a week against the guidance', () => {
	const monday = '2026-11-30';
	const tuesday = '2026-12-01';

	it('is over when any day is over the daily limit, however little the week holds', () => {
		const week = assessWeek(
			[on(monday, use('passive', 40)), on(monday, use('creative', 21))],
			threeToFive,
			set
		);
		expect(week).toMatchObject({ level: 'above', screenMinutes: 61, daysOverLimit: 1 });
		expect(week.limitMinutes).toBe(60);
	});

	it('is within when every day is within, and counts the days over', () => {
		const within = assessWeek(
			[on(monday, use('passive', 60)), on(tuesday, use('passive', 60))],
			threeToFive,
			set
		);
		expect(within).toMatchObject({ level: 'within', screenMinutes: 120, daysOverLimit: 0 });
		const twice = assessWeek(
			[on(monday, use('passive', 70)), on(tuesday, use('interactive', 90))],
			threeToFive,
			set
		);
		expect(twice.daysOverLimit).toBe(2);
	});

	it('sets the weighted week beside Lekeplan’s five-day budget', () => {
		const week = assessWeek(
			[on(monday, use('creative', 60)), on(tuesday, use('passive', 40, false))],
			threeToFive,
			set
		);
		expect(week.view).toMatchObject({ weightedMinutes: 90, budgetMinutes: 300, nearLimit: false });
		const busy = assessWeek(
			['2026-11-30', '2026-12-01', '2026-12-02', '2026-12-03'].map((d) =>
				on(d, use('creative', 57))
			),
			threeToFive,
			set
		);
		expect(busy.level).toBe('within');
		expect(busy.view.nearLimit).toBe(true);
	});
});
