import { describe, expect, it } from 'vitest';
import type { BuiltInActivity } from './activity';
import { checkBuiltInLibrary } from './check';
import { codingToyActivities } from './coding-toys';
import { stopMotionActivities } from './stop-motion';

/** A deep copy of the real library, safe to break. */
function library(): BuiltInActivity[] {
	return structuredClone([...codingToyActivities, ...stopMotionActivities]);
}

/** The activity with this id in a copy; fails the test if the library no longer has it. */
function find(activities: BuiltInActivity[], id: string): BuiltInActivity {
	const found = activities.find((a) => a.id === id);
	if (!found) throw new Error(`no activity ${id} in the library`);
	return found;
}

/** The problems reported about one activity (each line starts with its id). */
function about(problems: string[], id: string): string[] {
	return problems.filter((p) => p.startsWith(`${id}:`));
}

describe('checkBuiltInLibrary', () => {
	it('finds nothing wrong with the real library', () => {
		expect(checkBuiltInLibrary([...codingToyActivities, ...stopMotionActivities])).toEqual([]);
	});

	it('does not change the activities it checks', () => {
		const activities = library();
		const before = structuredClone(activities);
		checkBuiltInLibrary(activities);
		expect(activities).toEqual(before);
	});

	it('reports a missing nynorsk title, naming the activity and the field', () => {
		const activities = library();
		const broken = find(activities, 'bee-bot-number-line');
		delete (broken.title as Partial<BuiltInActivity['title']>).nn;
		const problems = checkBuiltInLibrary(activities);
		expect(problems).toHaveLength(1);
		expect(problems[0]).toMatch(/^bee-bot-number-line: /);
		expect(problems[0]).toContain('title.nn');
	});

	it('reports a missing locale deep inside a list (a step in English)', () => {
		const activities = library();
		const broken = find(activities, 'cubetto-own-map');
		delete (broken.steps[1] as Partial<BuiltInActivity['title']>).en;
		const problems = about(checkBuiltInLibrary(activities), 'cubetto-own-map');
		expect(problems).toHaveLength(1);
		expect(problems[0]).toContain('steps.1.en');
	});

	it('reports a missing phase title locale in a stop-motion activity', () => {
		const activities = library();
		const broken = find(activities, 'stop-motion-cardboard-city');
		delete (broken.phases![2]!.title as Partial<BuiltInActivity['title']>).nb;
		const problems = about(checkBuiltInLibrary(activities), 'stop-motion-cardboard-city');
		expect(problems.some((p) => p.includes('phases.2.title.nb'))).toBe(true);
	});

	it('reports an activity without steps', () => {
		const activities = library();
		delete (find(activities, 'robot-mouse-cheese-maze') as Partial<BuiltInActivity>).steps;
		const problems = about(checkBuiltInLibrary(activities), 'robot-mouse-cheese-maze');
		expect(problems).toHaveLength(1);
		expect(problems[0]).toMatch(/^robot-mouse-cheese-maze: steps: /);
	});

	it('reports an activity whose steps are an empty list', () => {
		const activities = library();
		find(activities, 'robot-mouse-cheese-maze').steps = [];
		const problems = about(checkBuiltInLibrary(activities), 'robot-mouse-cheese-maze');
		expect(problems).toEqual(['robot-mouse-cheese-maze: steps: required']);
	});

	it('reports a blank text in one locale', () => {
		const activities = library();
		find(activities, 'unplugged-dance-code').summary.en = '   ';
		const problems = about(checkBuiltInLibrary(activities), 'unplugged-dance-code');
		expect(problems).toEqual(['unplugged-dance-code: summary.en: required']);
	});

	it('reports a locale the app does not ship (strict object)', () => {
		const activities = library();
		const broken = find(activities, 'bee-bot-story-mat');
		(broken.title as Record<string, string>).de = 'Bee-Bot auf Märchenreise';
		const problems = about(checkBuiltInLibrary(activities), 'bee-bot-story-mat');
		// zod/mini gives no message text, so the line names the object, not the extra key.
		expect(problems).toHaveLength(1);
		expect(problems[0]).toMatch(/^bee-bot-story-mat: title: /);
	});

	it('reports a field the schema does not know', () => {
		const activities = library();
		(find(activities, 'bee-bot-story-mat') as unknown as Record<string, unknown>).colour = 'red';
		expect(about(checkBuiltInLibrary(activities), 'bee-bot-story-mat')).toHaveLength(1);
	});

	it('reports a duplicate id', () => {
		const activities = library();
		const copy = structuredClone(find(activities, 'cubetto-first-journey'));
		const problems = checkBuiltInLibrary([...activities, copy]);
		expect(problems).toEqual(['cubetto-first-journey: duplicate id']);
	});

	it('names an activity without a usable id by its position', () => {
		const activities = library();
		(activities[3] as unknown as Record<string, unknown>).id = 42;
		const problems = checkBuiltInLibrary(activities);
		expect(problems).toHaveLength(1);
		expect(problems[0]).toMatch(/^#3: id: /);
	});

	it('reports fewer than 12 coding-toy activities', () => {
		const activities = library();
		const coding = activities.filter((a) => a.kind === 'codingToy');
		expect(coding.length).toBeGreaterThanOrEqual(12);
		// Drop Bee-Bot activities (keeping one) and then others until 11 are left, every toy kept.
		const keep = new Set<string>();
		for (const tool of ['bee-bot', 'blue-bot', 'cubetto', 'robot-mouse'] as const) {
			keep.add(coding.find((a) => a.tool === tool)!.id);
		}
		keep.add(coding.find((a) => a.tool === 'unplugged' && a.setting === 'indoor')!.id);
		keep.add(coding.find((a) => a.tool === 'unplugged' && a.setting === 'outdoor')!.id);
		const extra = coding.filter((a) => !keep.has(a.id));
		const dropped = new Set(extra.slice(0, coding.length - 11).map((a) => a.id));
		const fewer = activities.filter((a) => !dropped.has(a.id));
		expect(fewer.filter((a) => a.kind === 'codingToy')).toHaveLength(11);
		expect(checkBuiltInLibrary(fewer)).toEqual(['coding-toy library: 11 activities, needs 12']);
	});

	it('counts an invalid activity as missing from the library', () => {
		const activities = library().filter((a) => a.kind === 'stopMotion' || a.tool !== 'bee-bot');
		// Every Bee-Bot activity is gone but one, and that one lacks a locale: no valid Bee-Bot.
		const beeBot = structuredClone(codingToyActivities.find((a) => a.tool === 'bee-bot')!);
		delete (beeBot.title as Partial<BuiltInActivity['title']>).en;
		const problems = checkBuiltInLibrary([...activities, beeBot]);
		expect(problems).toContain('coding-toy library: no bee-bot');
		expect(problems.some((p) => /^coding-toy library: \d+ activities, needs 12$/.test(p))).toBe(
			true
		);
	});

	it('reports fewer than 8 stop-motion activities', () => {
		const activities = library();
		const stopMotion = activities.filter((a) => a.kind === 'stopMotion');
		const fewer = [...activities.filter((a) => a.kind === 'codingToy'), ...stopMotion.slice(0, 7)];
		expect(checkBuiltInLibrary(fewer)).toEqual(['stop-motion library: 7 activities, needs 8']);
	});

	it('reports a toy with no activity', () => {
		const activities = library().filter((a) => a.tool !== 'cubetto');
		expect(checkBuiltInLibrary(activities)).toContain('coding-toy library: no cubetto');
	});

	it('reports a library with no outdoor unplugged activity', () => {
		const activities = library();
		for (const a of activities) {
			if (a.tool === 'unplugged') a.setting = 'indoor';
		}
		expect(checkBuiltInLibrary(activities)).toEqual([
			'coding-toy library: no outdoor unplugged activity'
		]);
	});

	it('reports a library with no indoor unplugged activity', () => {
		const activities = library();
		for (const a of activities) {
			if (a.tool === 'unplugged') a.setting = 'outdoor';
		}
		expect(checkBuiltInLibrary(activities)).toEqual([
			'coding-toy library: no indoor unplugged activity'
		]);
	});

	it("counts 'both' as indoor and as outdoor", () => {
		const activities = library();
		for (const a of activities) {
			if (a.tool === 'unplugged') a.setting = 'both';
		}
		expect(checkBuiltInLibrary(activities)).toEqual([]);
	});

	it('reports a stop-motion activity whose phases are out of order', () => {
		const activities = library();
		const broken = find(activities, 'stop-motion-plasticine-animals');
		const phases = broken.phases!;
		const animate = phases.findIndex((p) => p.phase === 'animate');
		const story = phases.findIndex((p) => p.phase === 'story');
		[phases[animate], phases[story]] = [phases[story]!, phases[animate]!];
		expect(checkBuiltInLibrary(activities)).toEqual([
			'stop-motion-plasticine-animals: phases: phases_out_of_order'
		]);
	});

	it('reports a stop-motion activity with too few phases', () => {
		const activities = library();
		const broken = find(activities, 'stop-motion-plasticine-animals');
		broken.phases = broken.phases!.slice(0, 3);
		expect(checkBuiltInLibrary(activities)).toEqual([
			'stop-motion-plasticine-animals: phases: phases_out_of_order'
		]);
	});

	it('reports phases on a coding-toy activity', () => {
		const activities = library();
		find(activities, 'bee-bot-story-mat').phases = structuredClone(
			find(activities, 'stop-motion-plasticine-animals').phases
		);
		expect(checkBuiltInLibrary(activities)).toEqual([
			'bee-bot-story-mat: phases: phases_only_stop_motion'
		]);
	});

	it('reports an age range that ends before it starts', () => {
		const activities = library();
		const broken = find(activities, 'cubetto-own-map');
		broken.ageMax = broken.ageMin;
		expect(checkBuiltInLibrary(activities)).toEqual([
			'cubetto-own-map: ageMax: age_max_before_min'
		]);
	});

	it('reports a personal identity number in a text', () => {
		const activities = library();
		find(activities, 'cubetto-own-map').staffTips[0]!.nn = 'Ring 150765 00565 om noko er gale.';
		expect(checkBuiltInLibrary(activities)).toEqual([
			'cubetto-own-map: staffTips.0.nn: personal_number'
		]);
	});

	it('reports something that is not an activity at all', () => {
		const problems = checkBuiltInLibrary([...library(), null]);
		expect(problems.length).toBeGreaterThan(0);
		expect(problems[0]).toMatch(/^#\d+: \(activity\): /);
	});
});
