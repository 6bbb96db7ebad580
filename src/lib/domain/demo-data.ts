import { addDays, startOfWeek } from './calendar';
import { uuidv7 } from './ids';
import type { Group, Kindergarten } from './organisation';
import type { ActivityPlan, PlanContent } from './plan';

/**
 * The demo kindergarten offered on first start: three groups in different age bands and
 * plans over four weeks around `today` (two behind, this one, one ahead). The plan texts are
 * the kindergarten's own content, so they are written in bokmål as staff would write them.
 */

type Template = Omit<PlanContent, 'groupId' | 'date' | 'status' | 'evaluation'> & {
	evaluation: NonNullable<PlanContent['evaluation']>;
};

const noPhotos = { photographed: false, storage: '', consent: false, notes: '' };

const TEMPLATES: Template[] = [
	{
		title: 'Bee-Bot på eventyrmatta',
		startTime: '09:30',
		endTime: '10:15',
		goals: 'Barna prøver å programmere en rute i flere steg og snakker om retninger.',
		description:
			'Vi legger ut eventyrmatta med rutenett på 15 cm. Barna velger hvor Bee-Boten skal, teller steg og trykker inn ruten sammen.',
		learningAreas: ['quantities', 'nature', 'communication'],
		clauses: ['explore', 'create'],
		tools: ['Bee-Bot', 'Eventyrmatte'],
		screenMode: 'screenFree',
		screenMinutes: 0,
		adultParticipates: true,
		privacy: noPhotos,
		evaluation: {
			whatWorked: 'Barna hjalp hverandre med å telle steg. Flere prøvde igjen etter feil.',
			participation: 'Alle fem barna fikk trykke inn minst én rute.',
			followUp: 'Lage egen matte med bilder fra nærmiljøet.'
		}
	},
	{
		title: 'Menneskerobot i gymsalen',
		startTime: '10:00',
		endTime: '10:40',
		goals: 'Forstå at en kode er en rekkefølge av instruksjoner.',
		description:
			'Ett barn er robot, de andre legger pilkort på gulvet. Vi teiper et rutenett og finner veien til skatten.',
		learningAreas: ['body', 'quantities'],
		clauses: ['explore'],
		tools: ['Pilkort', 'Maskeringstape'],
		screenMode: 'screenFree',
		screenMinutes: 0,
		adultParticipates: true,
		privacy: noPhotos,
		evaluation: {
			whatWorked: 'Å bytte på å være robot ga mye latter og mange forsøk.',
			participation: 'De yngste ville helst være robot, de eldste legge kort.',
			followUp: 'Prøve samme lek ute med kritt.'
		}
	},
	{
		title: 'Stopmotion: historien om Snegla',
		startTime: '12:30',
		endTime: '13:30',
		goals: 'Barna lager en historie sammen og prøver ulike roller i filmingen.',
		description:
			'Vi har laget figurer i plastilina. I dag animerer vi i små grupper: fotograf, knappetrykker og animatør.',
		learningAreas: ['art', 'communication'],
		clauses: ['create', 'explore', 'judgement'],
		tools: ['Nettbrett', 'Stop Motion Studio', 'Stativ'],
		screenMode: 'creative',
		screenMinutes: 25,
		adultParticipates: true,
		privacy: {
			photographed: false,
			storage: 'Barnehagens godkjente lagring for dokumentasjon',
			consent: false,
			notes: 'Vi filmer bare hender og figurer, ikke ansikter.'
		},
		evaluation: {
			whatWorked: 'Rollene gjorde at alle var med. Figurene falt ofte, vi brukte mer plastilina.',
			participation: 'Fire barn i hver gruppe, alle prøvde alle roller.',
			followUp: 'Spille inn lyd til filmen neste uke.'
		}
	},
	{
		title: 'Vi tar bilder av høsten',
		startTime: '10:30',
		endTime: '11:30',
		goals: 'Barna utforsker nærmiljøet og velger motiver selv.',
		description:
			'Tur i skogen med nettbrett. Barna tar bilder av blader, sopp og spor. Vi ser på bildene sammen etterpå.',
		learningAreas: ['nature', 'community', 'art'],
		clauses: ['explore', 'judgement'],
		tools: ['Nettbrett', 'Kamera'],
		screenMode: 'creative',
		screenMinutes: 15,
		adultParticipates: true,
		privacy: {
			photographed: false,
			storage: 'Bildene slettes fra nettbrettet etter visning',
			consent: false,
			notes: 'Ingen bilder av barn; vi snakker om å spørre før vi tar bilde av noen.'
		},
		evaluation: {
			whatWorked: 'Barna var opptatt av å finne det fineste bladet.',
			participation: 'To barn ville ikke holde nettbrettet, de pekte ut motiver.',
			followUp: 'Lage en utstilling med utskrifter i garderoben.'
		}
	},
	{
		title: 'Cubetto finner veien hjem',
		startTime: '09:15',
		endTime: '09:55',
		goals: 'Bruke klosser til å planlegge en rute uten skjerm.',
		description:
			'Barna legger klosser i brettet og ser Cubetto kjøre på kartet. Hva gikk galt? Vi feilsøker sammen.',
		learningAreas: ['quantities', 'ethics'],
		clauses: ['explore'],
		tools: ['Cubetto'],
		screenMode: 'screenFree',
		screenMinutes: 0,
		adultParticipates: true,
		privacy: noPhotos,
		evaluation: {
			whatWorked: 'Samtalen om hva som gikk galt var god. Barna kom med egne forslag.',
			participation: 'Seks barn, to og to ved brettet.',
			followUp: 'Prøve funksjonsklossen med de eldste.'
		}
	},
	{
		title: 'Lydbok og samtale om boka',
		startTime: '13:00',
		endTime: '13:30',
		goals: 'Språkstimulering og samtale om følelser i fortellingen.',
		description:
			'Vi lytter til en lydbok og ser bildene på storskjerm, og snakker om hva som skjer.',
		learningAreas: ['communication', 'ethics'],
		clauses: ['assess'],
		tools: ['Storskjerm', 'Lydbok-app'],
		screenMode: 'passive',
		screenMinutes: 15,
		adultParticipates: true,
		privacy: noPhotos,
		evaluation: {
			whatWorked: 'Barna kjente seg igjen i hovedpersonen.',
			participation: 'Noen ble urolige etter ti minutter.',
			followUp: 'Kortere økter, og mer tid til samtale.'
		}
	},
	{
		title: 'Videosamtale med vennskapsbarnehagen',
		startTime: '14:00',
		endTime: '14:20',
		goals: 'Barna forteller om sin barnehage til barn et annet sted.',
		description: 'Vi viser fram tegningene våre og hører hva de har laget.',
		learningAreas: ['communication', 'community'],
		clauses: ['judgement', 'assess'],
		tools: ['Nettbrett', 'Videomøte'],
		screenMode: 'communication',
		screenMinutes: 20,
		adultParticipates: true,
		privacy: {
			photographed: true,
			storage: 'Ingen opptak; samtalen lagres ikke',
			consent: true,
			notes: 'Foresatte har samtykket til videosamtalen i denne kanalen.'
		},
		evaluation: {
			whatWorked: 'Barna var stolte av å vise fram tegningene.',
			participation: 'Alle ville si noe; vi lot barna rekke opp hånda.',
			followUp: 'Avtale ny samtale før jul.'
		}
	}
];

const SCREEN_FREE = TEMPLATES.filter((t) => t.screenMode === 'screenFree');

const AGE_SPANS: Array<[string, number, number]> = [
	['Knøttene', 1, 3],
	['Humla', 3, 5],
	['Ørneredet', 5, 6]
];

export interface DemoData {
	kindergarten: Kindergarten;
	groups: Group[];
	plans: ActivityPlan[];
}

export function makeDemoData(today: string, now: Date = new Date()): DemoData {
	const stamp = now.toISOString();
	const kindergarten: Kindergarten = { id: uuidv7(now.getTime()), name: 'Solsikken barnehage' };
	const groups: Group[] = AGE_SPANS.map(([name, ageMin, ageMax]) => ({
		id: uuidv7(now.getTime()),
		kindergartenId: kindergarten.id,
		name,
		ageMin,
		ageMax
	}));
	const monday = startOfWeek(today);
	const plans: ActivityPlan[] = [];
	let n = 0;
	for (let week = -2; week <= 1; week++) {
		for (const [g, group] of groups.entries()) {
			// Tuesdays and Thursdays, and a Wednesday every other week.
			const days = week % 2 === 0 ? [1, 2, 3] : [1, 3];
			for (const day of days) {
				// The youngest group gets screen-free activities only: screen-free first for the youngest.
				const pool = group.ageMin < 2 ? SCREEN_FREE : TEMPLATES;
				const template = pool[(n + g) % pool.length]!;
				n++;
				const date = addDays(monday, week * 7 + day);
				const past = date < today;
				const status = past
					? n % 3 === 0
						? 'done'
						: 'evaluated'
					: n % 4 === 0
						? 'draft'
						: 'planned';
				const { evaluation, ...content } = template;
				plans.push({
					...content,
					privacy: { ...content.privacy },
					learningAreas: [...content.learningAreas],
					clauses: [...content.clauses],
					tools: [...content.tools],
					id: uuidv7(now.getTime()),
					kindergartenId: kindergarten.id,
					groupId: group.id,
					date,
					status,
					evaluation: status === 'evaluated' ? { ...evaluation } : null,
					createdAt: stamp,
					updatedAt: stamp,
					deletedAt: null
				});
			}
		}
	}
	return { kindergarten, groups, plans };
}
