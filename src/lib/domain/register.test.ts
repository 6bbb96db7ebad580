import { describe, expect, it } from 'vitest';
import {
	REGISTER_SEED,
	blankEntryFields,
	needsWarning,
	normaliseToolName,
	registerEntryFieldsSchema,
	registerIndex,
	toolStandings,
	type RegisterEntry,
	type ToolDecision
} from './register';

function entry(name: string, decision: ToolDecision, aliases: string[] = []): RegisterEntry {
	return {
		id: crypto.randomUUID(),
		seedKey: null,
		fields: { ...blankEntryFields(name, 'codingToy'), aliases, decision, conditions: 'x' },
		assessedAt: null,
		assessedBy: null,
		updatedAt: '2026-12-03T00:00:00.000Z'
	};
}

describe('the tool register', () => {
	it('matches a tool whatever its case, spaces and hyphens', () => {
		expect(normaliseToolName('Bee-Bot')).toBe(normaliseToolName('bee bot'));
		expect(normaliseToolName('BeeBot')).toBe('beebot');
		expect(normaliseToolName('Æøå-app')).toBe('æøåapp');
	});

	it('tells each of a plan’s tools where it stands', () => {
		const index = registerIndex([
			entry('Bee-Bot', 'approved'),
			entry('Robotmusen', 'deselected', ['Code & Go Robotmus']),
			entry('Nettbrett', 'notAssessed')
		]);
		const standings = toolStandings(['bee bot', 'Code & Go Robotmus', 'Pilkort'], index);
		expect(standings.map((s) => s.kind)).toEqual(['ok', 'deselected', 'notInRegister']);
		expect(needsWarning(standings)).toBe(true);
		expect(needsWarning(toolStandings(['Bee-Bot', 'Pilkort'], index))).toBe(false);
	});

	it('gives a name to the first entry that has it', () => {
		const first = entry('Kamera', 'approved');
		const index = registerIndex([first, entry('Annet', 'deselected', ['kamera'])]);
		expect(index.get('kamera')).toBe(first);
	});

	it('refuses conditions left empty, ages upside down and an assessment without a date', () => {
		const fields = {
			...blankEntryFields('X', 'app'),
			decision: 'approvedWithConditions',
			ageMin: 5,
			ageMax: 2,
			riskAssessment: { done: true, date: null, link: '' }
		};
		const result = registerEntryFieldsSchema.safeParse(fields);
		expect(result.success).toBe(false);
		const paths = result.error?.issues.map((i) => i.path.join('.')).sort();
		expect(paths).toEqual(['ageMax', 'conditions', 'riskAssessment.date']);
	});

	it('seeds valid entries, every name and alias its own', () => {
		for (const seed of REGISTER_SEED) {
			expect(registerEntryFieldsSchema.safeParse(seed.fields).success, seed.seedKey).toBe(true);
			expect(seed.fields.decision).toBe('notAssessed');
		}
		const names = REGISTER_SEED.flatMap((s) => [s.fields.name, ...s.fields.aliases]).map(
			normaliseToolName
		);
		expect(new Set(names).size).toBe(names.length);
	});

	it('matches the tools the libraries put in a plan', () => {
		const index = registerIndex(
			REGISTER_SEED.map((s) => ({ ...entry(s.fields.name, 'approved'), fields: s.fields }))
		);
		for (const tool of [
			'Bee-Bot',
			'Blue-Bot',
			'Cubetto',
			'Code & Go Robotmus',
			'Code & Go Robot Mouse',
			'Stopmotion',
			'Stop-motion',
			'Nettbrett',
			'Stativ',
			'Stop Motion Studio'
		]) {
			expect(index.has(normaliseToolName(tool)), tool).toBe(true);
		}
	});
});
