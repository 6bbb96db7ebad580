import { describe, expect, it } from 'vitest';
import {
	CONTENT_LOCALES,
	filterActivities,
	loadBuiltInActivities,
	planFormFromActivity,
	planGoals,
	seriesFromStopMotion,
	STOP_MOTION_ROLES,
	type ActivityFacts,
	type ActivityTexts,
	type BuiltInActivity,
	type ContentLocale,
	type LibraryActivity,
	type SeriesOptions
} from './index';
import { CONTENT_FILES, contentJson } from './content-fixture';
import { addDays, minutesOfDay } from '../calendar';
import { isUuid, uuidv7 } from '../ids';
import {
	durationMinutes,
	LIMITS,
	planInputSchema,
	planRotaSchema,
	planSeriesSchema
} from '../plan';
import { parsePlanForm } from '../plan-form';

/** The built-in library in each shipped locale, loaded as the app loads it. */
const LIBRARY = Object.fromEntries(
	await Promise.all(CONTENT_LOCALES.map(async (l) => [l, await loadBuiltInActivities(l)] as const))
) as Record<ContentLocale, BuiltInActivity[]>;
const BUILT_IN = LIBRARY.nb;
const stopMotionActivities = BUILT_IN.filter((a) => a.kind === 'stopMotion');
const GROUP = uuidv7(Date.UTC(2026, 10, 1));
const LABELS = { materials: 'Materiell', toolName: 'Bee-Bot' };

/** A built-in activity as loaded in a locale; fails the test if the library has no such one. */
function builtIn(id: string, locale: ContentLocale = 'nb'): BuiltInActivity {
	const found = LIBRARY[locale].find((a) => a.id === id);
	if (!found) throw new Error(`no built-in activity ${id}`);
	return found;
}

/** A Norwegian built-in activity with some fields changed, for filters that need exact values. */
function activity(id: string, overrides: Partial<LibraryActivity> = {}): LibraryActivity {
	return { ...builtIn(id), ...overrides } as LibraryActivity;
}

const ids = (list: readonly LibraryActivity[]) => list.map((a) => a.id);

describe('filterActivities', () => {
	const all = BUILT_IN;

	it('with no criteria keeps everything, in order', () => {
		expect(ids(filterActivities(all, {}))).toEqual(ids(all));
		expect(ids(filterActivities(all, { text: '   ' }))).toEqual(ids(all));
	});

	it('by tool keeps only that tool', () => {
		const cubetto = filterActivities(all, { tool: 'cubetto' });
		expect(cubetto.length).toBeGreaterThan(0);
		expect(cubetto.every((a) => a.tool === 'cubetto')).toBe(true);
		expect(ids(cubetto)).toEqual(ids(all.filter((a) => a.tool === 'cubetto')));
		expect(filterActivities(all, { tool: 'stop-motion' })).toHaveLength(
			stopMotionActivities.length
		);
	});

	it('by age includes both ends of the range and nothing outside it', () => {
		const list = [
			activity('bee-bot-story-mat', { id: 'three-to-five', ageMin: 3, ageMax: 5 }),
			activity('bee-bot-story-mat', { id: 'four-to-six', ageMin: 4, ageMax: 6 }),
			activity('bee-bot-story-mat', { id: 'two-to-three', ageMin: 2, ageMax: 3 })
		];
		expect(ids(filterActivities(list, { age: 2 }))).toEqual(['two-to-three']);
		expect(ids(filterActivities(list, { age: 3 }))).toEqual(['three-to-five', 'two-to-three']);
		expect(ids(filterActivities(list, { age: 4 }))).toEqual(['three-to-five', 'four-to-six']);
		expect(ids(filterActivities(list, { age: 5 }))).toEqual(['three-to-five', 'four-to-six']);
		expect(ids(filterActivities(list, { age: 6 }))).toEqual(['four-to-six']);
		expect(ids(filterActivities(list, { age: 7 }))).toEqual([]);
		expect(ids(filterActivities(list, { age: 1 }))).toEqual([]);
	});

	it('by age 0 filters (0 is an age, not "no age")', () => {
		const list = [
			activity('bee-bot-story-mat', { id: 'babies', ageMin: 0, ageMax: 1 }),
			activity('bee-bot-story-mat', { id: 'older', ageMin: 3, ageMax: 5 })
		];
		expect(ids(filterActivities(list, { age: 0 }))).toEqual(['babies']);
	});

	it("by setting: indoor includes 'both', outdoor includes 'both'", () => {
		const list = [
			activity('bee-bot-story-mat', { id: 'in', setting: 'indoor' }),
			activity('bee-bot-story-mat', { id: 'out', setting: 'outdoor' }),
			activity('bee-bot-story-mat', { id: 'anywhere', setting: 'both' })
		];
		expect(ids(filterActivities(list, { setting: 'indoor' }))).toEqual(['in', 'anywhere']);
		expect(ids(filterActivities(list, { setting: 'outdoor' }))).toEqual(['out', 'anywhere']);
	});

	it('by setting on the real library finds the outdoor unplugged activities', () => {
		const outdoorUnplugged = filterActivities(all, { setting: 'outdoor', tool: 'unplugged' });
		expect(ids(outdoorUnplugged)).toContain('unplugged-chalk-grid-treasure-hunt');
		expect(outdoorUnplugged.every((a) => a.setting !== 'indoor')).toBe(true);
		expect(ids(filterActivities(all, { setting: 'outdoor' }))).not.toContain('bee-bot-story-mat');
	});

	it('by learning area keeps activities that list it', () => {
		const ethics = filterActivities(all, { learningArea: 'ethics' });
		expect(ethics.length).toBeGreaterThan(0);
		expect(ethics.every((a) => a.learningAreas.includes('ethics'))).toBe(true);
		expect(ids(ethics)).toEqual(ids(all.filter((a) => a.learningAreas.includes('ethics'))));
		expect(ids(ethics)).not.toContain('bee-bot-story-mat');
	});

	it('combines criteria: every one must hold', () => {
		const result = filterActivities(all, {
			tool: 'bee-bot',
			age: 3,
			learningArea: 'communication'
		});
		expect(ids(result)).toEqual(['bee-bot-story-mat']);
	});

	describe('by text', () => {
		const list = [
			activity('bee-bot-story-mat', {
				id: 'a',
				title: 'Eventyrtur',
				summary: 'Barna programmerer roboten',
				materials: ['Pilkort'],
				steps: ['Legg ut matta'],
				talkAbout: ['Hva skjer først?'],
				staffTips: ['Husk CLEAR']
			}),
			activity('bee-bot-story-mat', {
				id: 'b',
				title: 'Tallinje',
				summary: 'Telling på gulvet',
				materials: ['Maskeringsteip'],
				steps: ['Tegn en tallinje med kritt'],
				talkAbout: ['Hvor mange steg?'],
				staffTips: ['Start med få steg']
			})
		];

		it('matches the title, the summary and every list field', () => {
			expect(ids(filterActivities(list, { text: 'eventyrtur' }))).toEqual(['a']);
			expect(ids(filterActivities(list, { text: 'gulvet' }))).toEqual(['b']);
			expect(ids(filterActivities(list, { text: 'pilkort' }))).toEqual(['a']);
			expect(ids(filterActivities(list, { text: 'kritt' }))).toEqual(['b']);
			expect(ids(filterActivities(list, { text: 'først' }))).toEqual(['a']);
			expect(ids(filterActivities(list, { text: 'clear' }))).toEqual(['a']);
		});

		it('needs every word, in any field and any order', () => {
			expect(ids(filterActivities(list, { text: 'matta programmerer' }))).toEqual(['a']);
			expect(ids(filterActivities(list, { text: '  CLEAR   eventyrtur ' }))).toEqual(['a']);
			expect(ids(filterActivities(list, { text: 'matta kritt' }))).toEqual([]);
		});

		it('ignores case, but keeps æ, ø and å apart from a and o', () => {
			expect(ids(filterActivities(list, { text: 'TALLINJE' }))).toEqual(['b']);
			expect(ids(filterActivities(list, { text: 'FØRST' }))).toEqual(['a']);
			expect(ids(filterActivities(list, { text: 'forst' }))).toEqual([]);
		});

		it('does not search the id or the privacy text', () => {
			expect(filterActivities(list, { text: 'bee-bot-story-mat' })).toEqual([]);
			const privacy = activity('bee-bot-story-mat', { privacy: 'Ingen bilder av ansikter' });
			expect(filterActivities([privacy], { text: 'ansikter' })).toEqual([]);
		});
	});

	it('finds a real activity by words from its steps, in each locale', () => {
		for (const [locale, words] of [
			['nb', 'tripp trapp'],
			['nn', 'tripp trapp'],
			['en', 'trip trap']
		] as const) {
			const found = filterActivities(LIBRARY[locale], { text: words });
			expect(ids(found), locale).toContain('bee-bot-story-mat');
		}
	});
});

describe('loadBuiltInActivities', () => {
	const texts = (id: string, locale: ContentLocale) =>
		contentJson(`${id}/${locale}.json`) as ActivityTexts;
	const facts = (id: string) => contentJson(`${id}/facts.json`) as ActivityFacts;

	it("picks every text in the locale's language, from that locale's file", () => {
		for (const locale of CONTENT_LOCALES) {
			const a = builtIn('bee-bot-story-mat', locale);
			const file = texts('bee-bot-story-mat', locale);
			expect(a.title, locale).toBe(file.title);
			expect(a.summary, locale).toBe(file.summary);
			expect(a.materials, locale).toEqual(file.materials);
			expect(a.steps, locale).toEqual(file.steps);
			expect(a.talkAbout, locale).toEqual(file.talkAbout);
			expect(a.staffTips, locale).toEqual(file.staffTips);
			expect(a.privacy, locale).toBe(file.privacy);
			expect(a.untranslated, locale).toBeUndefined();
		}
		expect(builtIn('bee-bot-story-mat', 'nn').title).toBe(
			'Bee-Bot på eventyrtur: Dei tre bukkane Bruse'
		);
		expect(builtIn('bee-bot-story-mat', 'en').title).toBe(
			'Bee-Bot’s fairy-tale trip: The Three Billy Goats Gruff'
		);
	});

	it('keeps the facts that have no language, and marks the activity built-in', () => {
		const source = facts('blue-bot-tablet-app');
		const a = builtIn('blue-bot-tablet-app', 'en');
		expect(a).toMatchObject({
			id: 'blue-bot-tablet-app',
			origin: 'builtIn',
			kind: source.kind,
			tool: source.tool,
			ageMin: source.ageMin,
			ageMax: source.ageMax,
			groupSizeMin: source.groupSizeMin,
			groupSizeMax: source.groupSizeMax,
			durationMinutes: source.durationMinutes,
			setting: source.setting,
			learningAreas: source.learningAreas,
			clauses: source.clauses,
			screenMode: source.screenMode,
			screenMinutes: source.screenMinutes,
			adultParticipates: source.adultParticipates,
			source: source.source
		});
		expect('phases' in a).toBe(false);
		expect('factSources' in a).toBe(false);
	});

	it('localizes the phase titles of a stop-motion activity and keeps the rest of each phase', () => {
		const source = facts('stop-motion-plasticine-animals');
		for (const locale of CONTENT_LOCALES) {
			const titles = texts('stop-motion-plasticine-animals', locale).phases!;
			expect(builtIn('stop-motion-plasticine-animals', locale).phases, locale).toEqual(
				source.phases!.map((p) => ({ ...p, title: titles[p.phase] }))
			);
		}
	});

	it('gives copies: changing a loaded activity leaves the library as it was', async () => {
		const before = structuredClone(builtIn('stop-motion-plasticine-animals'));
		const a = (await loadBuiltInActivities('nb')).find(
			(x) => x.id === 'stop-motion-plasticine-animals'
		)!;
		a.learningAreas.push('ethics');
		a.clauses.length = 0;
		a.steps.length = 0;
		a.phases![0]!.minutes = 999;
		if (a.source) a.source.url = 'https://example.org';
		const again = (await loadBuiltInActivities('nb')).find(
			(x) => x.id === 'stop-motion-plasticine-animals'
		);
		expect(again).toEqual(before);
	});

	it('gives the whole library, in the same order in every locale', () => {
		const folders = Object.keys(CONTENT_FILES)
			.filter((p) => p.endsWith('/facts.json'))
			.map((p) => p.split('/')[0]);
		expect(BUILT_IN.map((a) => a.id).sort()).toEqual(folders.sort());
		for (const locale of CONTENT_LOCALES) {
			expect(
				LIBRARY[locale].map((a) => a.id),
				locale
			).toEqual(BUILT_IN.map((a) => a.id));
			expect(
				LIBRARY[locale].map((a) => a.title),
				locale
			).toEqual(BUILT_IN.map((a) => texts(a.id, locale).title));
		}
	});

	it('lists coding toys first, then stop-motion, by tool, then by id', () => {
		const kinds = BUILT_IN.map((a) => a.kind);
		expect(kinds.indexOf('stopMotion')).toBe(kinds.lastIndexOf('codingToy') + 1);
		const tools = BUILT_IN.map((a) => a.tool);
		expect(tools.filter((t, i) => tools.indexOf(t) === i)).toEqual([
			'bee-bot',
			'blue-bot',
			'cubetto',
			'robot-mouse',
			'unplugged',
			'stop-motion'
		]);
		const beeBots = BUILT_IN.filter((a) => a.tool === 'bee-bot').map((a) => a.id);
		expect(beeBots).toEqual([...beeBots].sort());
	});
});

describe('planFormFromActivity', () => {
	it('prefills a plan from the activity, for the group, day and time chosen', () => {
		const a = builtIn('bee-bot-story-mat');
		const form = planFormFromActivity(a, GROUP, '2026-11-24', '09:30', LABELS);
		expect(form.groupId).toBe(GROUP);
		expect(form.date).toBe('2026-11-24');
		expect(form.title).toBe(a.title);
		expect(form.startTime).toBe('09:30');
		expect(a.durationMinutes).toBe(25);
		expect(form.endTime).toBe('09:55');
		expect(form.learningAreas).toEqual(a.learningAreas);
		expect(form.clauses).toEqual(a.clauses);
		expect(form.screenMode).toBe('screenFree');
		expect(form.screenMinutes).toBe('0');
		expect(form.adultParticipates).toBe(true);
		expect(form.tools).toBe('Bee-Bot');
		expect(form.privacyNotes).toBe(a.privacy);
		expect(form.photographed).toBe(false);
		expect(form.consent).toBe(false);
		expect(form.status).toBe('planned');
	});

	it("puts the activity's goals in the goals, not the questions to talk about (issue 12)", () => {
		for (const locale of CONTENT_LOCALES) {
			const a = builtIn('blue-bot-neighbourhood-map', locale);
			const form = planFormFromActivity(a, GROUP, '2026-11-24', '09:30', LABELS);
			expect(a.goals!.length, locale).toBeGreaterThanOrEqual(2);
			expect(form.goals, locale).toBe(a.goals!.join('\n'));
			for (const question of a.talkAbout) expect(form.goals, locale).not.toContain(question);
		}
	});

	it('leaves the goals empty for an own activity that has none', () => {
		const own: LibraryActivity = { ...builtIn('bee-bot-story-mat') };
		delete own.goals;
		const form = planFormFromActivity(own, GROUP, '2026-11-24', '09:30', LABELS);
		expect(form.goals).toBe('');
		expect(planGoals({ ...own, goals: ['Telle steg', 'Fortelle'] })).toBe('Telle steg\nFortelle');
	});

	it('puts the summary, steps and materials in the description', () => {
		const a = builtIn('bee-bot-story-mat', 'en');
		const form = planFormFromActivity(a, GROUP, '2026-11-24', '09:30', {
			materials: 'Materials',
			toolName: 'Bee-Bot'
		});
		expect(form.description.startsWith(`${a.summary}\n\n1. ${a.steps[0]}\n2. `)).toBe(true);
		expect(form.description).toContain(`\n\nMaterials:\n– ${a.materials[0]}`);
		for (const step of a.steps) expect(form.description).toContain(step);
	});

	it('copies the screen use of an activity with a screen', () => {
		const a = builtIn('blue-bot-tablet-app');
		const form = planFormFromActivity(a, GROUP, '2026-11-24', '13:00', LABELS);
		expect(form.screenMode).toBe('interactive');
		expect(form.screenMinutes).toBe(String(a.screenMinutes));
		expect(durationMinutes(form)).toBe(a.durationMinutes);
	});

	it('gives lists the form owns, not the activity', () => {
		const a = builtIn('bee-bot-story-mat');
		const form = planFormFromActivity(a, GROUP, '2026-11-24', '09:30', LABELS);
		form.learningAreas.push('ethics');
		form.clauses.push('create');
		expect(a.learningAreas).not.toContain('ethics');
		expect(a.clauses).not.toContain('create');
	});

	it('ends at 23:59 at the latest when started late in the evening', () => {
		const a = builtIn('bee-bot-story-mat');
		expect(planFormFromActivity(a, GROUP, '2026-11-24', '23:50', LABELS).endTime).toBe('23:59');
	});

	it.each(CONTENT_LOCALES)(
		'gives a plan that saves as it is, for every built-in activity (%s)',
		(locale) => {
			for (const a of LIBRARY[locale]) {
				const form = planFormFromActivity(a, GROUP, '2026-11-24', '09:30', {
					materials: 'Materiell',
					toolName: a.tool
				});
				const result = parsePlanForm(form);
				expect(result.ok ? 'ok' : JSON.stringify(result.problems), `${locale} ${a.id}`).toBe('ok');
				if (!result.ok) continue;
				expect(result.content.title, a.id).toBe(a.title);
				expect(result.content.tools, a.id).toEqual([a.tool]);
				expect(result.content.screenMinutes, a.id).toBe(a.screenMinutes);
				expect(durationMinutes(result.content), a.id).toBe(a.durationMinutes);
				expect(result.content.privacy.notes, a.id).toBe(a.privacy);
			}
		}
	);

	it('cuts an over-long title and description to what a plan holds, and still saves', () => {
		const a = activity('bee-bot-story-mat', {
			title: 'T'.repeat(LIMITS.title + 30),
			summary: 'S'.repeat(400),
			steps: Array.from({ length: 20 }, () => 'x'.repeat(590))
		});
		const form = planFormFromActivity(a, GROUP, '2026-11-24', '09:30', LABELS);
		expect(form.title).toHaveLength(LIMITS.title);
		expect(form.description).toHaveLength(LIMITS.description);
		expect(parsePlanForm(form).ok).toBe(true);
	});
});

describe('seriesFromStopMotion', () => {
	const NOW = Date.UTC(2026, 10, 20, 8, 0, 0);
	const options = (overrides: Partial<SeriesOptions> = {}): SeriesOptions => ({
		groupId: GROUP,
		firstDate: '2026-11-23',
		daysBetween: 7,
		startTime: '09:30',
		children: 7,
		labels: {
			materials: 'Materiell',
			toolName: 'Nettbrett',
			sessionTitle: (phase, n, of) => `${phase} (${n} av ${of})`
		},
		...overrides
	});

	describe.each(CONTENT_LOCALES)('every stop-motion activity (%s)', (locale) => {
		it.each(LIBRARY[locale].filter((a) => a.kind === 'stopMotion').map((a) => [a.id, a] as const))(
			'%s becomes one valid plan per phase',
			(_id, a) => {
				const phases = a.phases!;
				const series = seriesFromStopMotion(a, options(), NOW);
				expect(series).toHaveLength(phases.length);

				const seriesIds = new Set(series.map((s) => s.series.id));
				expect(seriesIds.size).toBe(1);
				expect(isUuid(series[0]!.series.id)).toBe(true);

				series.forEach((plan, i) => {
					const phase = phases[i]!;
					expect(plan.series).toEqual({
						id: series[0]!.series.id,
						index: i + 1,
						count: phases.length,
						activityId: a.id,
						phase: phase.phase
					});
					expect(planSeriesSchema.safeParse(plan.series).success).toBe(true);

					const c = plan.content;
					expect(c.date).toBe(addDays('2026-11-23', 7 * i));
					expect(c.groupId).toBe(GROUP);
					expect(c.startTime).toBe('09:30');
					expect(minutesOfDay(c.endTime) - minutesOfDay(c.startTime)).toBe(phase.minutes);
					expect(c.screenMode).toBe(phase.screenMode);
					expect(c.screenMinutes).toBe(phase.screenMinutes);
					expect(c.tools).toEqual(['Nettbrett']);
					expect(c.status).toBe('planned');
					expect(c.evaluation).toBeNull();
					expect(c.privacy.notes).toBe(a.privacy);
					expect(c.learningAreas).toEqual(a.learningAreas);
					// The activity's goals, not the questions to talk about (issue 12, point 7).
					expect(a.goals!.length).toBeGreaterThanOrEqual(2);
					expect(c.goals).toBe(a.goals!.join('\n'));
					expect(c.title).toBe(`${a.title}: ${phase.title} (${i + 1} av ${phases.length})`);
					expect(c.title.length).toBeLessThanOrEqual(LIMITS.title);

					const parsed = planInputSchema.safeParse(c);
					expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);

					if (phase.rotatesRoles) {
						expect(plan.rota).toEqual({ children: 7, roles: [...STOP_MOTION_ROLES] });
						expect(planRotaSchema.safeParse(plan.rota).success).toBe(true);
					} else {
						expect(plan.rota).toBeNull();
					}
				});
				// Rotating roles belongs to animating (and recording sound, where there is any).
				expect(series.filter((s) => s.rota !== null).map((s) => s.series.phase)).toEqual(
					phases.filter((p) => p.rotatesRoles).map((p) => p.phase)
				);
				expect(series.some((s) => s.series.phase === 'animate' && s.rota !== null)).toBe(true);
			}
		);
	});

	it('steps the dates by daysBetween on opening days, across months and years', () => {
		const a = builtIn('stop-motion-plasticine-animals');
		const daily = seriesFromStopMotion(a, options({ firstDate: '2026-12-29', daysBetween: 1 }));
		// New Year's Day and the weekend after it are skipped.
		expect(daily.map((s) => s.content.date)).toEqual([
			'2026-12-29',
			'2026-12-30',
			'2026-12-31',
			'2027-01-04',
			'2027-01-05',
			'2027-01-06'
		]);
		// Every other day from Wednesday 2 December 2026 once gave Sunday 6 and Saturday 12.
		const everyOther = seriesFromStopMotion(
			a,
			options({ firstDate: '2026-12-02', daysBetween: 2 })
		);
		expect(everyOther.map((s) => s.content.date)).toEqual([
			'2026-12-02',
			'2026-12-04',
			'2026-12-08',
			'2026-12-10',
			'2026-12-14',
			'2026-12-16'
		]);
		const weekly = seriesFromStopMotion(a, options({ firstDate: '2026-11-23', daysBetween: 7 }));
		expect(weekly.map((s) => s.content.date)).toEqual([
			'2026-11-23',
			'2026-11-30',
			'2026-12-07',
			'2026-12-14',
			'2026-12-21',
			'2026-12-28'
		]);
	});

	it('gives the rota the number of children chosen', () => {
		const a = builtIn('stop-motion-plasticine-animals');
		for (const children of [1, 4, 13, 40]) {
			const rotas = seriesFromStopMotion(a, options({ children }))
				.map((s) => s.rota)
				.filter((r) => r !== null);
			expect(rotas.length).toBeGreaterThan(0);
			for (const rota of rotas) expect(rota.children).toBe(children);
		}
	});

	it('makes a new series id each time, seeded by the clock', () => {
		const a = builtIn('stop-motion-plasticine-animals');
		const first = seriesFromStopMotion(a, options(), NOW)[0]!.series.id;
		const second = seriesFromStopMotion(a, options(), NOW)[0]!.series.id;
		expect(first).not.toBe(second);
		expect(first.slice(0, 8)).toBe(uuidv7(NOW).slice(0, 8));
	});

	it('describes the whole project on the first session, the phase on the others', () => {
		const a = builtIn('stop-motion-plasticine-animals');
		const series = seriesFromStopMotion(a, options());
		expect(series[0]!.content.description).toContain(a.steps[0]!);
		expect(series[0]!.content.description).toContain('Materiell:');
		expect(series[1]!.content.description).toBe(`${a.phases![1]!.title}\n\n${a.summary}`);
	});

	it('never lets a long session title exceed the plan title limit', () => {
		const a = builtIn('stop-motion-paper-fairy-tale', 'nn');
		const series = seriesFromStopMotion(
			a,
			options({
				labels: {
					materials: 'Materiell',
					toolName: 'Nettbrett',
					sessionTitle: (phase, n, of) => `Økt ${n} av ${of} i prosjektet – ${phase} – ${phase}`
				}
			})
		);
		for (const s of series) {
			expect(s.content.title.length).toBeLessThanOrEqual(LIMITS.title);
			expect(planInputSchema.safeParse(s.content).success).toBe(true);
		}
	});

	it('gives no plans for an activity without phases', () => {
		const a = builtIn('bee-bot-story-mat');
		expect(seriesFromStopMotion(a, options())).toEqual([]);
	});
});
