import { describe, expect, it } from 'vitest';
import { CONTENT_LOCALES } from './activity';
import {
	activityToForm,
	emptyActivityForm,
	parseActivityForm,
	type ActivityContent,
	type ActivityForm,
	type LibraryActivity
} from './library-activity';
import { loadBuiltInActivities } from './index';
import { isPersonalNumber } from '../personal-number';
import type { FieldProblems } from '../plan';

/** A valid fødselsnummer (synthetic, both check digits right). */
const FODSELSNUMMER = '15076500565';

/** A built-in activity as the app loads it in a locale. */
async function builtIn(id: string, locale: 'nb' | 'nn' | 'en' = 'nb') {
	const found = (await loadBuiltInActivities(locale)).find((a) => a.id === id);
	if (!found) throw new Error(`no built-in activity ${id}`);
	return found;
}

const beeBot = await builtIn('bee-bot-story-mat');

/** The form of a real activity, as a person would see it after "copy and edit". */
function validForm(overrides: Partial<ActivityForm> = {}): ActivityForm {
	return { ...activityToForm(beeBot), ...overrides };
}

/** The problems of a form that must be refused. */
function problems(form: ActivityForm): FieldProblems {
	const result = parseActivityForm(form);
	if (result.ok) throw new Error('expected the form to be refused');
	return result.problems;
}

/** The content of a form that must be accepted. */
function content(
	form: ActivityForm,
	base?: Parameters<typeof parseActivityForm>[1]
): ActivityContent {
	const result = parseActivityForm(form, base);
	if (!result.ok) throw new Error(`expected the form to pass: ${JSON.stringify(result.problems)}`);
	return result.content;
}

/** What an activity holds apart from the library's own bookkeeping. */
function withoutIdentity(a: LibraryActivity): Partial<LibraryActivity> {
	const copy: Partial<LibraryActivity> = { ...a };
	delete copy.id;
	delete copy.origin;
	return copy;
}

describe('parseActivityForm: accepted input', () => {
	it('accepts the form of a built-in activity as it is', () => {
		const c = content(validForm());
		expect(c.title).toBe(beeBot.title);
		expect(c.steps).toEqual(beeBot.steps);
		expect(c.ageMin).toBe(3);
		expect(c.ageMax).toBe(5);
	});

	it.each(CONTENT_LOCALES)(
		'gives back exactly the activity it was filled from, for every built-in activity (%s)',
		async (locale) => {
			for (const a of await loadBuiltInActivities(locale)) {
				const base = { kind: a.kind, source: a.source, ...(a.phases ? { phases: a.phases } : {}) };
				const result = parseActivityForm(activityToForm(a), base);
				expect(result.ok ? 'ok' : JSON.stringify(result.problems), `${locale} ${a.id}`).toBe('ok');
				if (result.ok) expect(result.content, a.id).toEqual(withoutIdentity(a));
			}
		}
	);

	it('trims texts and turns lines into list items, skipping blank lines', () => {
		const c = content(
			validForm({
				title: '  Robotdans  ',
				materials: '  Teip \n\n   \nPilkort\n',
				steps: 'Først\r\nSå'
			})
		);
		expect(c.title).toBe('Robotdans');
		expect(c.materials).toEqual(['Teip', 'Pilkort']);
		expect(c.steps).toEqual(['Først', 'Så']);
	});

	it('takes goals one a line, and leaves them out when none is written', () => {
		expect(content(validForm({ goals: ' Telle steg \n\nFortelle  ' })).goals).toEqual([
			'Telle steg',
			'Fortelle'
		]);
		const none = content(validForm({ goals: ' \n ' }));
		expect('goals' in none).toBe(false);
		expect(content({ ...emptyActivityForm(), ...validForm(), goals: '' }).goals).toBeUndefined();
	});

	it('reads numbers with spaces around them', () => {
		const c = content(validForm({ ageMin: ' 2 ', ageMax: '4 ', durationMinutes: ' 45' }));
		expect([c.ageMin, c.ageMax, c.durationMinutes]).toEqual([2, 4, 45]);
	});

	it('accepts equal smallest and largest group size, and screen minutes equal to the session', () => {
		const c = content(
			validForm({
				groupSizeMin: '4',
				groupSizeMax: '4',
				screenMode: 'interactive',
				durationMinutes: '20',
				screenMinutes: '20'
			})
		);
		expect(c.groupSizeMax).toBe(4);
		expect(c.screenMinutes).toBe(20);
	});

	it('accepts an activity without digital clauses', () => {
		expect(content(validForm({ clauses: [] })).clauses).toEqual([]);
	});

	it('accepts an 11-digit number that is not a personal number', () => {
		expect(isPersonalNumber('12345678901')).toBe(false);
		expect(content(validForm({ steps: 'Ring 12345678901 for hjelp' })).steps).toEqual([
			'Ring 12345678901 for hjelp'
		]);
	});
});

describe('parseActivityForm: refused input, each reason beside its field', () => {
	it('an untouched empty form asks for the texts and a learning area', () => {
		const p = problems(emptyActivityForm());
		expect(p.title?.code).toBe('required');
		expect(p.summary?.code).toBe('required');
		expect(p.materials?.code).toBe('required');
		expect(p.steps?.code).toBe('required');
		expect(p.privacy?.code).toBe('required');
		expect(p.learningAreas?.code).toBe('choose_learning_area');
	});

	it('empty title -> title required', () => {
		expect(problems(validForm({ title: '' })).title).toEqual({ code: 'required' });
	});

	it('whitespace-only title -> title required', () => {
		expect(problems(validForm({ title: '  \t \n ' })).title).toEqual({ code: 'required' });
	});

	it('only the broken field is reported', () => {
		expect(Object.keys(problems(validForm({ title: '' })))).toEqual(['title']);
	});

	it('10,000-character summary -> summary too_long, with its limit', () => {
		expect(problems(validForm({ summary: 'a'.repeat(10_000) })).summary).toEqual({
			code: 'too_long',
			limit: 400
		});
	});

	it('a summary of exactly the limit passes, one more character does not', () => {
		expect(content(validForm({ summary: 'a'.repeat(400) })).summary).toHaveLength(400);
		expect(problems(validForm({ summary: 'a'.repeat(401) })).summary?.code).toBe('too_long');
	});

	it('an over-long step -> steps too_long', () => {
		const steps = `Kort steg\n${'b'.repeat(601)}`;
		expect(problems(validForm({ steps })).steps?.code).toBe('too_long');
	});

	it('more than 20 lines -> too_many', () => {
		const materials = Array.from({ length: 21 }, (_, i) => `Ting ${i + 1}`).join('\n');
		expect(problems(validForm({ materials })).materials?.code).toBe('too_many');
	});

	it('ageMax equal to ageMin -> ageMax age_max_before_min', () => {
		const p = problems(validForm({ ageMin: '4', ageMax: '4' }));
		expect(p.ageMax?.code).toBe('age_max_before_min');
	});

	it('ageMax below ageMin -> ageMax age_max_before_min', () => {
		const p = problems(validForm({ ageMin: '5', ageMax: '3' }));
		expect(p.ageMax?.code).toBe('age_max_before_min');
	});

	it('groupSizeMax below groupSizeMin -> groupSizeMax group_size_max_before_min', () => {
		const p = problems(validForm({ groupSizeMin: '6', groupSizeMax: '4' }));
		expect(p.groupSizeMax?.code).toBe('group_size_max_before_min');
	});

	it('screen minutes over the duration -> screenMinutes exceeds_duration', () => {
		const p = problems(
			validForm({ screenMode: 'interactive', durationMinutes: '20', screenMinutes: '21' })
		);
		expect(p.screenMinutes?.code).toBe('exceeds_duration');
	});

	it("'abc' as duration -> durationMinutes not_integer", () => {
		expect(problems(validForm({ durationMinutes: 'abc' })).durationMinutes).toEqual({
			code: 'not_integer'
		});
	});

	it('a decimal number -> not_integer', () => {
		expect(problems(validForm({ ageMin: '2.5' })).ageMin?.code).toBe('not_integer');
		expect(problems(validForm({ screenMinutes: '1,5' })).screenMinutes?.code).toBe('not_integer');
	});

	it('an empty number field -> required, not not_integer', () => {
		expect(problems(validForm({ durationMinutes: '' })).durationMinutes?.code).toBe('required');
		expect(problems(validForm({ groupSizeMax: '  ' })).groupSizeMax?.code).toBe('required');
	});

	it('numbers out of range -> too_small / too_big with the limit', () => {
		expect(problems(validForm({ durationMinutes: '4' })).durationMinutes).toEqual({
			code: 'too_small',
			limit: 5
		});
		expect(problems(validForm({ durationMinutes: '241' })).durationMinutes).toEqual({
			code: 'too_big',
			limit: 240
		});
		expect(problems(validForm({ ageMin: '-1' })).ageMin).toEqual({ code: 'too_small', limit: 0 });
		expect(problems(validForm({ ageMax: '7' })).ageMax).toEqual({ code: 'too_big', limit: 6 });
	});

	it('no learning areas -> learningAreas choose_learning_area', () => {
		expect(problems(validForm({ learningAreas: [] })).learningAreas?.code).toBe(
			'choose_learning_area'
		);
	});

	it('materials with only blank lines -> materials required', () => {
		expect(problems(validForm({ materials: '\n   \n\t\n' })).materials?.code).toBe('required');
	});

	it('an over-long goal -> goals too_long', () => {
		const p = problems(validForm({ goals: `Kort\n${'x'.repeat(301)}` }));
		expect(p.goals?.code).toBe('too_long');
	});

	it('empty talking points or tips -> required', () => {
		expect(problems(validForm({ talkAbout: '' })).talkAbout?.code).toBe('required');
		expect(problems(validForm({ staffTips: ' ' })).staffTips?.code).toBe('required');
	});

	it('a fødselsnummer in the steps -> steps personal_number', () => {
		expect(isPersonalNumber(FODSELSNUMMER)).toBe(true);
		const steps = `Legg ut matta\nBarnet med nummer ${FODSELSNUMMER} starter`;
		expect(problems(validForm({ steps })).steps).toEqual({ code: 'personal_number' });
	});

	it('a fødselsnummer written with a space, in any text field -> personal_number', () => {
		const spaced = `${FODSELSNUMMER.slice(0, 6)} ${FODSELSNUMMER.slice(6)}`;
		expect(problems(validForm({ title: `Tur ${spaced}` })).title?.code).toBe('personal_number');
		expect(problems(validForm({ privacy: spaced })).privacy?.code).toBe('personal_number');
		expect(problems(validForm({ staffTips: spaced })).staffTips?.code).toBe('personal_number');
	});

	it('an unknown tool, setting or screen mode -> required', () => {
		const p = problems(validForm({ tool: 'lego', setting: 'roof', screenMode: 'hologram' }));
		expect(p.tool?.code).toBe('required');
		expect(p.setting?.code).toBe('required');
		expect(p.screenMode?.code).toBe('required');
	});

	it('an unknown learning area is refused', () => {
		expect(problems(validForm({ learningAreas: ['astrology'] })).learningAreas).toBeDefined();
	});
});

describe('parseActivityForm: what the form does not show comes from base', () => {
	it('without base, the activity is an own coding-toy activity with no source', () => {
		const c = content(validForm());
		expect(c.kind).toBe('codingToy');
		expect(c.source).toBeNull();
		expect('phases' in c).toBe(false);
	});

	it('carries kind, phases and source through unchanged', async () => {
		const film = await builtIn('stop-motion-plasticine-animals', 'nn');
		expect(film.source).not.toBeNull();
		const base = { kind: film.kind, phases: film.phases, source: film.source };
		const c = content({ ...activityToForm(film), title: 'Vår eigen film' }, base);
		expect(c.kind).toBe('stopMotion');
		expect(c.phases).toEqual(film.phases);
		expect(c.source).toEqual(film.source);
		expect(c.title).toBe('Vår eigen film');
	});

	it('refuses a broken phase carried in base', async () => {
		const film = await builtIn('stop-motion-plasticine-animals');
		const phases = film.phases!.map((p, i) => (i === 0 ? { ...p, title: ' ' } : p));
		const result = parseActivityForm(activityToForm(film), {
			kind: 'stopMotion',
			phases,
			source: null
		});
		expect(result.ok).toBe(false);
		expect(!result.ok && result.problems['phases.title']?.code).toBe('required');
	});
});

describe('activityToForm', () => {
	it('shows lists one item a line and numbers as text', () => {
		const form = activityToForm(beeBot);
		expect(form.steps.split('\n')).toEqual(beeBot.steps);
		expect(form.materials.split('\n')).toEqual(beeBot.materials);
		expect(form.ageMin).toBe('3');
		expect(form.durationMinutes).toBe(String(beeBot.durationMinutes));
		expect(form.learningAreas).toEqual(beeBot.learningAreas);
		expect(form.learningAreas).not.toBe(beeBot.learningAreas);
	});

	it("shows a built-in activity's goals one a line, and none for an own one without", () => {
		expect(beeBot.goals!.length).toBeGreaterThanOrEqual(2);
		expect(activityToForm(beeBot).goals.split('\n')).toEqual(beeBot.goals);
		const withoutGoals: LibraryActivity = { ...beeBot };
		delete withoutGoals.goals;
		expect(activityToForm(withoutGoals).goals).toBe('');
	});
});
