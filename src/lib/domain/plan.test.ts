import { describe, expect, it } from 'vitest';
import { uuidv7 } from './ids';
import { activityPlanSchema, durationMinutes, LIMITS, type FieldProblems } from './plan';
import {
	emptyPlanForm,
	parseEvaluation,
	parsePlanForm,
	planToForm,
	type PlanForm
} from './plan-form';

const GROUP = uuidv7(Date.UTC(2026, 10, 1));

/** A valid Norwegian fødselsnummer for 01.01.1990, check digits computed here. */
function validFodselsnummer(): string {
	const w1 = [3, 7, 6, 1, 8, 9, 4, 5, 2];
	const w2 = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];
	const k = (digits: number[], weights: number[]) => {
		const r = 11 - (weights.reduce((s, w, i) => s + w * (digits[i] ?? 0), 0) % 11);
		return r === 11 ? 0 : r;
	};
	for (let individual = 123; individual < 1000; individual++) {
		const digits = [...`010190${individual}`].map(Number);
		const k1 = k(digits, w1);
		if (k1 === 10) continue;
		const k2 = k([...digits, k1], w2);
		if (k2 === 10) continue;
		return `010190${individual}${k1}${k2}`;
	}
	throw new Error('unreachable');
}

/** A form a person could submit as it is. */
function validForm(overrides: Partial<PlanForm> = {}): PlanForm {
	return {
		...emptyPlanForm(GROUP, '2026-11-24'),
		title: 'Bee-Bot på eventyrmatta',
		goals: 'Barna programmerer en rute i flere steg.',
		description: 'Vi legger ut matta og teller steg sammen.',
		learningAreas: ['quantities', 'nature'],
		clauses: ['explore'],
		...overrides
	};
}

/** The problems of a form that must be refused. */
function problems(form: PlanForm): FieldProblems {
	const result = parsePlanForm(form);
	if (result.ok) throw new Error('expected the form to be refused');
	return result.problems;
}

describe('parsePlanForm: refused input, each reason beside its field', () => {
	it('an untouched empty form asks for a title and a learning area', () => {
		const p = problems(emptyPlanForm(GROUP, '2026-11-24'));
		expect(p.title?.code).toBe('required');
		expect(p.learningAreas?.code).toBe('choose_learning_area');
	});

	it('empty title -> title required', () => {
		expect(problems(validForm({ title: '' })).title).toEqual({ code: 'required' });
	});

	it('whitespace-only title -> title required', () => {
		expect(problems(validForm({ title: ' \t  \n ' })).title).toEqual({ code: 'required' });
	});

	it('end before start -> endTime end_before_start', () => {
		const p = problems(validForm({ startTime: '10:15', endTime: '09:30' }));
		expect(p.endTime?.code).toBe('end_before_start');
	});

	it('equal start and end -> endTime end_before_start', () => {
		const p = problems(validForm({ startTime: '10:00', endTime: '10:00' }));
		expect(p.endTime?.code).toBe('end_before_start');
	});

	it('malformed clock time -> invalid_time, empty -> required', () => {
		expect(problems(validForm({ startTime: '25:00' })).startTime?.code).toBe('invalid_time');
		expect(problems(validForm({ endTime: '' })).endTime?.code).toBe('required');
	});

	it('impossible date -> date invalid_date', () => {
		expect(problems(validForm({ date: '2026-02-30' })).date?.code).toBe('invalid_date');
		expect(problems(validForm({ date: '' })).date?.code).toBe('required');
	});

	it('negative screen minutes -> screenMinutes negative', () => {
		expect(problems(validForm({ screenMinutes: '-5' })).screenMinutes?.code).toBe('negative');
	});

	it('fractional screen minutes -> screenMinutes not_integer', () => {
		expect(problems(validForm({ screenMinutes: '1.5' })).screenMinutes?.code).toBe('not_integer');
	});

	it('empty screen minutes -> screenMinutes required', () => {
		expect(problems(validForm({ screenMinutes: '' })).screenMinutes?.code).toBe('required');
		expect(problems(validForm({ screenMinutes: '   ' })).screenMinutes?.code).toBe('required');
	});

	it('non-numeric screen minutes -> screenMinutes not_integer', () => {
		for (const typed of ['abc', '1e1', '5 min', '0x10']) {
			expect(problems(validForm({ screenMinutes: typed })).screenMinutes).toEqual({
				code: 'not_integer'
			});
		}
		// A decimal comma is read as a decimal point, and still is not a whole number.
		expect(problems(validForm({ screenMinutes: '2,5' })).screenMinutes?.code).toBe('not_integer');
	});

	it('more screen minutes than the activity lasts -> screenMinutes exceeds_duration', () => {
		// 09:30-10:15 is 45 minutes.
		const p = problems(validForm({ screenMode: 'interactive', screenMinutes: '46' }));
		expect(p.screenMinutes?.code).toBe('exceeds_duration');
		expect(parsePlanForm(validForm({ screenMode: 'interactive', screenMinutes: '45' })).ok).toBe(
			true
		);
	});

	it('screen minutes above the absolute limit -> too_big with the limit', () => {
		const p = problems(
			validForm({ startTime: '07:00', endTime: '17:30', screenMinutes: String(601) })
		);
		expect(p.screenMinutes).toEqual({ code: 'too_big', limit: LIMITS.screenMinutes });
	});

	it.each([
		{ field: 'title', limit: LIMITS.title },
		{ field: 'goals', limit: LIMITS.goals },
		{ field: 'description', limit: LIMITS.description }
	] as const)(
		'10,000-character $field -> too_long with limit LIMITS.$field ($limit)',
		({ field, limit }) => {
			const p = problems(validForm({ [field]: 'a'.repeat(10_000) }));
			expect(p[field]).toEqual({ code: 'too_long', limit });
		}
	);

	it('text exactly at the limit is accepted', () => {
		const result = parsePlanForm(validForm({ title: 'a'.repeat(LIMITS.title) }));
		expect(result.ok).toBe(true);
	});

	it('no learning area -> learningAreas choose_learning_area', () => {
		expect(problems(validForm({ learningAreas: [] })).learningAreas?.code).toBe(
			'choose_learning_area'
		);
	});

	it('a learning area outside the vocabulary is refused', () => {
		expect(problems(validForm({ learningAreas: ['cooking'] })).learningAreas).toBeDefined();
	});

	it('too long a tool, or too many tools, are reported beside tools', () => {
		expect(problems(validForm({ tools: 'x'.repeat(LIMITS.tool + 1) })).tools).toEqual({
			code: 'too_long',
			limit: LIMITS.tool
		});
		const many = Array.from({ length: LIMITS.tools + 1 }, (_, i) => `verktøy ${i}`).join(',');
		expect(problems(validForm({ tools: many })).tools).toEqual({
			code: 'too_many',
			limit: LIMITS.tools
		});
	});

	it('photographed without consent -> privacy.consent consent_required', () => {
		const p = problems(
			validForm({ photographed: true, consent: false, storage: 'Godkjent lagring' })
		);
		expect(p['privacy.consent']?.code).toBe('consent_required');
		expect(p['privacy.storage']).toBeUndefined();
	});

	it('photographed with empty storage -> privacy.storage storage_required', () => {
		const p = problems(validForm({ photographed: true, consent: true, storage: '   ' }));
		expect(p['privacy.storage']?.code).toBe('storage_required');
		expect(p['privacy.consent']).toBeUndefined();
	});

	it('photographed with neither -> both problems at once', () => {
		const p = problems(validForm({ photographed: true, consent: false, storage: '' }));
		expect(p['privacy.consent']?.code).toBe('consent_required');
		expect(p['privacy.storage']?.code).toBe('storage_required');
	});

	it("status 'evaluated' without an evaluation -> status evaluation_required", () => {
		expect(problems(validForm({ status: 'evaluated' })).status?.code).toBe('evaluation_required');
	});

	it("status 'evaluated' with an evaluation is accepted", () => {
		const result = parsePlanForm(validForm({ status: 'evaluated' }), {
			whatWorked: 'Barna hjalp hverandre.',
			participation: '',
			followUp: ''
		});
		expect(result.ok).toBe(true);
	});

	it('an unknown status is refused beside status', () => {
		expect(problems(validForm({ status: 'archived' })).status).toBeDefined();
	});

	it('a valid fødselsnummer in goals -> goals personal_number', () => {
		const fnr = validFodselsnummer();
		expect(problems(validForm({ goals: `Gjelder barn ${fnr}` })).goals?.code).toBe(
			'personal_number'
		);
		const spaced = `${fnr.slice(0, 6)} ${fnr.slice(6)}`;
		expect(problems(validForm({ description: `Se ${spaced}` })).description?.code).toBe(
			'personal_number'
		);
		expect(problems(validForm({ title: fnr })).title?.code).toBe('personal_number');
	});

	it('a valid fødselsnummer in a tool name -> tools personal_number', () => {
		// docs/design/security.md: free text that looks like a personal identity number is refused. The
		// tool list is typed as free text like the others.
		const fnr = validFodselsnummer();
		expect(problems(validForm({ tools: `Nettbrett, ${fnr}` })).tools?.code).toBe('personal_number');
	});

	it('a valid fødselsnummer in the privacy notes -> privacy.notes personal_number', () => {
		const fnr = validFodselsnummer();
		expect(problems(validForm({ privacyNotes: `Gjelder ${fnr}` }))['privacy.notes']?.code).toBe(
			'personal_number'
		);
	});

	it('a group id that is not a uuid is refused beside groupId', () => {
		expect(problems(validForm({ groupId: '' })).groupId?.code).toBe('required');
		expect(problems(validForm({ groupId: 'group-1' })).groupId?.code).toBe('invalid_id');
	});
});

describe('parsePlanForm: accepted input', () => {
	it('gives trimmed values, minutes as a number and tools split on commas', () => {
		const result = parsePlanForm(
			validForm({
				title: '  Bee-Bot på eventyrmatta  ',
				goals: '\n Telle steg \n',
				description: '  Matte og robot ',
				tools: ' Bee-Bot ,Eventyrmatte,, ,  Nettbrett ',
				screenMode: 'interactive',
				screenMinutes: ' 20 ',
				storage: '  ',
				privacyNotes: ' Ingen bilder '
			})
		);
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		expect(result.content).toMatchObject({
			groupId: GROUP,
			title: 'Bee-Bot på eventyrmatta',
			goals: 'Telle steg',
			description: 'Matte og robot',
			tools: ['Bee-Bot', 'Eventyrmatte', 'Nettbrett'],
			screenMode: 'interactive',
			screenMinutes: 20,
			date: '2026-11-24',
			startTime: '09:30',
			endTime: '10:15',
			status: 'draft',
			evaluation: null,
			privacy: { photographed: false, consent: false, storage: '', notes: 'Ingen bilder' }
		});
		expect(durationMinutes(result.content)).toBe(45);
	});

	it('a form without tools gives an empty list', () => {
		const result = parsePlanForm(validForm({ tools: '' }));
		expect(result.ok && result.content.tools).toEqual([]);
	});

	it('planToForm(parse(x)) gives the same form back, and parses to the same plan', () => {
		const form = validForm({
			tools: 'Bee-Bot, Eventyrmatte',
			screenMode: 'creative',
			screenMinutes: '15',
			photographed: true,
			consent: true,
			storage: 'Godkjent lagring',
			privacyNotes: 'Bare hender',
			status: 'planned'
		});
		const first = parsePlanForm(form);
		expect(first.ok).toBe(true);
		if (!first.ok) return;
		const back = planToForm(first.content);
		expect(back).toEqual(form);
		const second = parsePlanForm(back);
		expect(second).toEqual(first);
	});

	it('round-trips an evaluated plan with its evaluation', () => {
		const evaluation = { whatWorked: 'Godt', participation: 'Alle', followUp: 'Mer' };
		const first = parsePlanForm(validForm({ status: 'evaluated' }), evaluation);
		expect(first.ok).toBe(true);
		if (!first.ok) return;
		expect(parsePlanForm(planToForm(first.content), first.content.evaluation)).toEqual(first);
	});

	it('planToForm copies lists, so editing the form leaves the plan alone', () => {
		const result = parsePlanForm(validForm());
		if (!result.ok) throw new Error('expected a valid form');
		const form = planToForm(result.content);
		form.learningAreas.push('art');
		expect(result.content.learningAreas).toEqual(['quantities', 'nature']);
	});
});

describe('parseEvaluation', () => {
	it('requires what worked and trims the rest', () => {
		const bad = parseEvaluation({ whatWorked: '  ', participation: '', followUp: '' });
		expect(bad.ok).toBe(false);
		expect(!bad.ok && bad.problems.whatWorked?.code).toBe('required');
		const good = parseEvaluation({ whatWorked: ' Bra ', participation: ' x ', followUp: '' });
		expect(good).toEqual({
			ok: true,
			evaluation: { whatWorked: 'Bra', participation: 'x', followUp: '' }
		});
	});
});

describe('activityPlanSchema', () => {
	it('applies the same rules between fields to stored plans', () => {
		const result = parsePlanForm(validForm());
		if (!result.ok) throw new Error('expected a valid form');
		const stamp = '2026-11-20T08:00:00.000Z';
		const stored = {
			...result.content,
			id: uuidv7(),
			kindergartenId: uuidv7(),
			createdAt: stamp,
			updatedAt: stamp,
			deletedAt: null
		};
		expect(activityPlanSchema.safeParse(stored).success).toBe(true);
		const bad = activityPlanSchema.safeParse({ ...stored, endTime: '09:00' });
		expect(bad.success).toBe(false);
		expect(bad.error?.issues.map((i) => [i.path.join('.'), i.message])).toContainEqual([
			'endTime',
			'end_before_start'
		]);
	});
});
