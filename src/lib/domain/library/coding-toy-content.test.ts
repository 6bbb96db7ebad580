import { describe, expect, it } from 'vitest';
import {
	activityFactsSchema,
	CONTENT_LOCALES,
	LIBRARY_TOOLS,
	type ActivityFacts
} from './activity';
import { contentJson } from './content-fixture';
import { loadBuiltInActivities } from './index';
import type { BuiltInActivity } from './library-activity';

const LIBRARY = await loadBuiltInActivities('nb');
const codingToyActivities = LIBRARY.filter((a) => a.kind === 'codingToy');

/**
 * The toys' age ranges (docs/CONTRIBUTING.md: Cubetto 3–6 by Primo Toys' manual, the Robot
 * Mouse 4+ by its guide; Bee-Bot and Blue-Bot as the design states them); 6 is the oldest
 * kindergarten age.
 */
const AGE_RANGE: Record<
	Exclude<(typeof LIBRARY_TOOLS)[number], 'stop-motion'>,
	[number, number]
> = {
	'bee-bot': [3, 5],
	'blue-bot': [3, 6],
	cubetto: [3, 6],
	'robot-mouse': [4, 6],
	unplugged: [2, 5]
};

const MINIMUM_PER_TOOL = {
	'bee-bot': 3,
	'blue-bot': 2,
	cubetto: 2,
	'robot-mouse': 2,
	unplugged: 3
} as const;

function ofTool(tool: BuiltInActivity['tool']): BuiltInActivity[] {
	return codingToyActivities.filter((a) => a.tool === tool);
}

describe('coding-toy library', () => {
	it('has at least 12 activities whose facts all pass the schema', () => {
		expect(codingToyActivities.length).toBeGreaterThanOrEqual(12);
		const problems = codingToyActivities.flatMap((activity) => {
			const parsed = activityFactsSchema.safeParse(contentJson(`${activity.id}/facts.json`));
			return parsed.success
				? []
				: parsed.error.issues.map((i) => `${activity.id}: ${i.path.join('.')}: ${i.message}`);
		});
		expect(problems).toEqual([]);
	});

	it.each(CONTENT_LOCALES)('has every coding-toy activity, fully translated, in %s', async (l) => {
		const localized = (await loadBuiltInActivities(l)).filter((a) => a.kind === 'codingToy');
		expect(localized.map((a) => a.id)).toEqual(codingToyActivities.map((a) => a.id));
		for (const a of localized) expect(a.untranslated, `${l} ${a.id}`).toBeUndefined();
	});

	it('has unique ids', () => {
		const ids = codingToyActivities.map((a) => a.id);
		expect(new Set(ids).size).toBe(ids.length);
	});

	it('covers every coding toy, with an indoor and an outdoor unplugged activity', () => {
		for (const [tool, minimum] of Object.entries(MINIMUM_PER_TOOL)) {
			expect(ofTool(tool as BuiltInActivity['tool']).length, tool).toBeGreaterThanOrEqual(minimum);
		}
		const unplugged = ofTool('unplugged');
		expect(unplugged.some((a) => a.setting === 'indoor')).toBe(true);
		expect(unplugged.some((a) => a.setting === 'outdoor')).toBe(true);
	});

	it('keeps to the toys: kind, ages, screen use, step counts, no phases', () => {
		for (const a of codingToyActivities) {
			expect(a.kind, a.id).toBe('codingToy');
			expect(a.tool, a.id).not.toBe('stop-motion');
			expect(a.phases, a.id).toBeUndefined();
			const [min, max] = AGE_RANGE[a.tool as keyof typeof AGE_RANGE];
			expect(a.ageMin, a.id).toBeGreaterThanOrEqual(min);
			expect(a.ageMax, a.id).toBeLessThanOrEqual(max);
			expect(a.steps.length, a.id).toBeGreaterThanOrEqual(4);
			expect(a.steps.length, a.id).toBeLessThanOrEqual(8);
			expect(a.talkAbout.length, a.id).toBeGreaterThanOrEqual(2);
			expect(a.talkAbout.length, a.id).toBeLessThanOrEqual(4);
			expect(a.staffTips.length, a.id).toBeGreaterThanOrEqual(2);
			expect(a.staffTips.length, a.id).toBeLessThanOrEqual(4);
			if (a.screenMode === 'screenFree') {
				expect(a.screenMinutes, a.id).toBe(0);
			} else {
				expect(a.id).toBe('blue-bot-tablet-app');
			}
		}
		// Bee-Bot is an indoor floor robot.
		expect(ofTool('bee-bot').every((a) => a.setting === 'indoor')).toBe(true);
	});

	it('has one Blue-Bot activity with the tablet app, interactive and with an adult', () => {
		const app = ofTool('blue-bot').filter((a) => a.screenMode !== 'screenFree');
		expect(app).toHaveLength(1);
		expect(app[0]!.screenMode).toBe('interactive');
		expect(app[0]!.adultParticipates).toBe(true);
		expect(app[0]!.screenMinutes).toBeGreaterThan(0);
		expect(app[0]!.screenMinutes).toBeLessThan(app[0]!.durationMinutes);
		expect(ofTool('blue-bot').some((a) => a.screenMode === 'screenFree')).toBe(true);
	});

	it('cites the maker for the facts about its toy, on every activity with a toy', () => {
		for (const a of codingToyActivities.filter((x) => x.tool !== 'unplugged')) {
			const facts = contentJson(`${a.id}/facts.json`) as ActivityFacts;
			expect(facts.factSources?.length, a.id).toBeGreaterThan(0);
			for (const source of facts.factSources ?? []) expect(source.url).toMatch(/^https:\/\//);
		}
	});

	it.each(CONTENT_LOCALES)(
		"states Bee-Bot's memory as TTS does: 200 commands, 40 on older models (%s)",
		async (locale) => {
			const beeBot = (await loadBuiltInActivities(locale)).filter((a) => a.tool === 'bee-bot');
			const texts = beeBot.flatMap((a) => [a.summary, ...a.steps, ...a.staffTips]);
			const memory = texts.filter((t) => /200|\b40\b/.test(t));
			expect(memory.length).toBeGreaterThan(0);
			for (const text of memory) {
				expect(text).toMatch(/\b200\b/);
				expect(text).not.toMatch(/\b40 (steg|steps)\b/);
			}
		}
	);
});
