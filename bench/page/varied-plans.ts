import { addDays, startOfWeek } from '$lib/domain/calendar';
import { uuidv7 } from '$lib/domain/ids';
import { DIGITAL_CLAUSES, LEARNING_AREAS, SCREEN_MODES } from '$lib/domain/vocabulary';
import type { PlanContent } from '$lib/domain/plan';
import { seededRandom, type Random } from '$lib/test-support/random';

/**
 * Plans as varied as real ones (issue 18): every title, goal and description is put together
 * word by word from a seeded sequence, so that no two plans share their texts and compression
 * finds only what real Norwegian plan texts share (words, not whole plans). The cloned demo
 * plans of `plans.ts` compress far better than anything staff write.
 */

const ACTIVITIES = [
	'Bee-Bot-løype',
	'Stop-motion',
	'Fotojakt',
	'Lydopptak',
	'Tegneapp',
	'Mikroskop',
	'Kodekort',
	'Robotmus',
	'Skyggeteater',
	'Digital fortelling',
	'Naturbingo',
	'QR-løype',
	'Lysbord',
	'Programmering uten skjerm',
	'Eventyrfilm',
	'Sangbok på nettbrett'
];
const PLACES = [
	'i skogen',
	'på avdelingen',
	'i gymsalen',
	'ved bekken',
	'i sandkassa',
	'på biblioteket',
	'i fjæra',
	'på tunet',
	'i atelieret',
	'under tak ute'
];
const WORDS = (
	'barna voksne sammen undersøker lager forteller teller filmer tegner bygger programmerer ' +
	'roboten kameraet bildene figurene leire papp lys skygge lyd musikk sang dikt eventyr troll ' +
	'bjørn rev ekorn mauren blader steiner pinner snø vann is sol regn vind årstid høst vinter ' +
	'vår sommer former farger mønster rekkefølge retning høyre venstre frem tilbake skritt ruter ' +
	'kart skatt løype hinder spørsmål svar ideer manus scene opptak redigering publikum visning ' +
	'foreldre samling lek turtaking vennskap språk ord begreper tall mengde måling sortering ' +
	'rolig nysgjerrig stolt modig kreativ kritisk trygg glad sliten undrende oppmerksom ' +
	'først deretter til slutt mens etterpå ofte noen alle hver flere små store nye gamle ' +
	'gruppen minste eldste femåringene treåringene hele avdelingen kjøkkenet garderoben'
).split(' ');
const TOOLS = [
	'Bee-Bot',
	'Blue-Bot',
	'Cubetto',
	'Nettbrett',
	'Stop Motion Studio',
	'Mikroskop',
	'Lydopptaker',
	'Kodekort',
	'Lysbord',
	'Digitalt kamera'
];

function sentence(random: Random, min: number, max: number): string {
	const n = min + random.int(max - min + 1);
	const words = Array.from({ length: n }, () => random.pick(WORDS));
	const text = words.join(' ');
	return `${text[0]!.toUpperCase()}${text.slice(1)}.`;
}

function paragraph(random: Random, sentences: number): string {
	return Array.from({ length: 1 + random.int(sentences) }, () => sentence(random, 5, 14)).join(' ');
}

function someOf<T>(random: Random, items: readonly T[], most: number): T[] {
	const chosen = new Set<T>();
	const n = 1 + random.int(most);
	while (chosen.size < n) chosen.add(random.pick(items));
	return [...chosen];
}

/** The content of one varied plan (what staff type), for `groupId` on `date`. */
export function variedContent(random: Random, groupId: string, date: string): PlanContent {
	const start = 8 * 60 + 15 * random.int(24);
	const minutes = 15 * (1 + random.int(6));
	const clock = (m: number) =>
		`${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
	const screenMode = random.pick(SCREEN_MODES);
	const photographed = random.int(3) === 0;
	return {
		groupId,
		title: `${random.pick(ACTIVITIES)} ${random.pick(PLACES)}`,
		date,
		startTime: clock(start),
		endTime: clock(start + minutes),
		goals: paragraph(random, 2),
		description: paragraph(random, 4),
		learningAreas: someOf(random, LEARNING_AREAS, 3),
		clauses: someOf(random, DIGITAL_CLAUSES, 2),
		tools: someOf(random, TOOLS, 2),
		screenMode,
		screenMinutes: screenMode === 'screenFree' ? 0 : 5 * random.int(minutes / 5),
		adultParticipates: random.int(5) !== 0,
		privacy: {
			photographed,
			storage: photographed ? `${random.pick(['Kindergartenappen', 'Eierens skylagring'])}` : '',
			consent: photographed,
			notes: random.int(4) === 0 ? sentence(random, 4, 10) : ''
		},
		status: random.pick(['draft', 'planned', 'done'] as const),
		evaluation: null
	};
}

const WEEKS_EACH_WAY = 52;

/**
 * `n` varied plans (content and id) over `groups`, on the weekdays of the 52 weeks before and
 * after the week of `today`; the same seed gives the same texts.
 */
export function variedPlans(
	seed: number,
	groups: readonly string[],
	n: number,
	today: string
): Array<{ id: string; content: PlanContent }> {
	const random = seededRandom(seed);
	const first = addDays(startOfWeek(today), -7 * WEEKS_EACH_WAY);
	const weekdays = 2 * WEEKS_EACH_WAY * 5;
	return Array.from({ length: n }, (_, i) => {
		const day = Math.floor((i * weekdays) / n);
		const date = addDays(first, Math.floor(day / 5) * 7 + (day % 5));
		return {
			id: uuidv7(Date.parse(`${date}T06:00:00.000Z`)),
			content: variedContent(random, groups[i % groups.length]!, date)
		};
	});
}
