import type { GuidanceSet } from './guidance';

/**
 * The default screen-time guidance (DOMAIN.md, "Screen-time guidance"). Figures marked
 * `verify` were recalled, not read in the source; the owner can correct them once the server
 * exists. Bump `version` on every change.
 */
export const DEFAULT_GUIDANCE: GuidanceSet = {
	id: 'lekeplan-default',
	version: 1,
	date: '2026-11-28',
	// "A screen is not just a screen" (NOU 2024:20): making a film together is not watching one.
	modeWeights: { passive: 1, interactive: 1, creative: 0.5, communication: 0.5, screenFree: 0 },
	withoutAdultFactor: 1.5,
	closeShare: 0.75,
	daysPerWeek: 5,
	limits: [
		{ band: '0-1', dailyMinutes: 0, basis: 'helsedir-2022' },
		{ band: '1-2', dailyMinutes: 0, basis: 'helsedir-2022' },
		{ band: '2-3', dailyMinutes: 60, basis: 'helsedir-2022' },
		{ band: '3-4', dailyMinutes: 60, basis: 'helsedir-2022' },
		{ band: '4-5', dailyMinutes: 60, basis: 'helsedir-2022' },
		{ band: '5-6', dailyMinutes: 60, basis: 'helsedir-2022' }
	],
	sources: [
		{
			id: 'helsedir-2022',
			name: 'Helsedirektoratet: Fysisk aktivitet for barn og unge',
			year: 2022,
			url: 'https://www.helsedirektoratet.no/faglige-rad/fysisk-aktivitet-for-barn-unge-voksne-eldre-og-gravide',
			scope: 'wholeDay',
			verify: false,
			note: {
				nb: 'Så lite passiv skjermtid som mulig for små barn, og ingen for barn under 1 år. For 2–5 år: høyst 1 time om dagen, mindre er bedre. Rådet skal ikke hindre pedagogisk bruk i barnehagen.',
				nn: 'Så lite passiv skjermtid som mogleg for små barn, og ingen for barn under 1 år. For 2–5 år: høgst 1 time om dagen, mindre er betre. Rådet skal ikkje hindre pedagogisk bruk i barnehagen.',
				en: 'As little passive screen time as possible for young children, and none under 1 year. For ages 2–5: at most 1 hour a day, less is better. The advice must not stop pedagogical use in kindergarten.'
			},
			figures: [
				{ band: '0-1', advice: 'none', maxMinutesPerDay: 0, verify: false },
				{ band: '1-2', advice: 'none', maxMinutesPerDay: 0, verify: false },
				{ band: '2-3', advice: 'limit', maxMinutesPerDay: 60, verify: false },
				{ band: '3-4', advice: 'limit', maxMinutesPerDay: 60, verify: false },
				{ band: '4-5', advice: 'limit', maxMinutesPerDay: 60, verify: false },
				{ band: '5-6', advice: 'limit', maxMinutesPerDay: 60, verify: false }
			]
		},
		{
			id: 'helsedir-screen-2025',
			name: 'Helsedirektoratet: Nasjonale råd om skjermbruk (høring)',
			year: 2025,
			url: 'https://www.helsedirektoratet.no/',
			scope: 'outsideKindergarten',
			verify: true,
			note: {
				nb: 'Høringsutkast; sjekk den endelige teksten. Gjelder tid utenfor barnehage og skole: ikke skjerm for å trøste, ved måltider, i bakgrunnen eller den siste timen før leggetid.',
				nn: 'Høyringsutkast; sjekk den endelege teksten. Gjeld tid utanfor barnehage og skule: ikkje skjerm for å trøyste, ved måltid, i bakgrunnen eller den siste timen før leggetid.',
				en: 'Consultation draft; check the final text. Covers time outside kindergarten and school: no screens to comfort, at meals, in the background or in the last hour before bed.'
			},
			figures: [
				{ band: '0-1', advice: 'avoid', maxMinutesPerDay: 0, verify: true },
				{ band: '1-2', advice: 'avoid', maxMinutesPerDay: 0, verify: true },
				{ band: '2-3', advice: 'limit', maxMinutesPerDay: 60, verify: true },
				{ band: '3-4', advice: 'limit', maxMinutesPerDay: 60, verify: true },
				{ band: '4-5', advice: 'limit', maxMinutesPerDay: 60, verify: true },
				{ band: '5-6', advice: 'limit', maxMinutesPerDay: 60, verify: true }
			]
		},
		{
			id: 'nou-2024-20',
			name: 'NOU 2024:20 (Skjermbrukutvalget)',
			year: 2024,
			url: 'https://www.regjeringen.no/',
			scope: null,
			verify: false,
			note: {
				nb: 'Skjermbruk bør begrenses sterkt for de minste, også i barnehagen. «En skjerm er ikke bare en skjerm»: det viktige er hvordan, hva den brukes til og sammen med hvem.',
				nn: 'Skjermbruk bør avgrensast sterkt for dei minste, også i barnehagen. «Ein skjerm er ikkje berre ein skjerm»: det viktige er korleis, kva han blir brukt til og saman med kven.',
				en: 'Screen use should be strongly limited for the youngest, also in kindergarten. "A screen is not just a screen": what matters is how, what for, and with whom.'
			},
			figures: [
				{ band: '0-1', advice: 'stronglyLimit', maxMinutesPerDay: null, verify: false },
				{ band: '1-2', advice: 'stronglyLimit', maxMinutesPerDay: null, verify: false }
			]
		},
		{
			id: 'who-2019',
			name: 'WHO: Guidelines on physical activity, sedentary behaviour and sleep for children under 5',
			year: 2019,
			url: 'https://www.who.int/publications/i/item/9789241550536',
			scope: 'sedentary',
			verify: false,
			note: {
				nb: 'Stillesittende skjermtid anbefales ikke før 2 år. 2–4 år: høyst 1 time om dagen, mindre er bedre.',
				nn: 'Stillesitjande skjermtid er ikkje tilrådd før 2 år. 2–4 år: høgst 1 time om dagen, mindre er betre.',
				en: 'Sedentary screen time is not recommended before age 2. Ages 2–4: no more than 1 hour a day; less is better.'
			},
			figures: [
				{ band: '0-1', advice: 'none', maxMinutesPerDay: 0, verify: false },
				{ band: '1-2', advice: 'none', maxMinutesPerDay: 0, verify: false },
				{ band: '2-3', advice: 'limit', maxMinutesPerDay: 60, verify: false },
				{ band: '3-4', advice: 'limit', maxMinutesPerDay: 60, verify: false },
				{ band: '4-5', advice: 'limit', maxMinutesPerDay: 60, verify: false }
			]
		},
		{
			id: 'folkhalsomyndigheten-2024',
			name: 'Folkhälsomyndigheten (Sverige): Rekommendationer om skärmtid',
			year: 2024,
			url: 'https://www.folkhalsomyndigheten.se/',
			scope: 'leisure',
			verify: false,
			note: {
				nb: 'Svensk anbefaling for fritid: ingen skjerm før 2 år, høyst 1 time om dagen for 2–5 år.',
				nn: 'Svensk tilråding for fritid: ingen skjerm før 2 år, høgst 1 time om dagen for 2–5 år.',
				en: 'Swedish advice for leisure time: no screens before age 2, at most 1 hour a day for ages 2–5.'
			},
			figures: [
				{ band: '0-1', advice: 'none', maxMinutesPerDay: 0, verify: false },
				{ band: '1-2', advice: 'none', maxMinutesPerDay: 0, verify: false },
				{ band: '2-3', advice: 'limit', maxMinutesPerDay: 60, verify: false },
				{ band: '3-4', advice: 'limit', maxMinutesPerDay: 60, verify: false },
				{ band: '4-5', advice: 'limit', maxMinutesPerDay: 60, verify: false },
				{ band: '5-6', advice: 'limit', maxMinutesPerDay: 60, verify: false }
			]
		},
		{
			id: 'aap-2016',
			name: 'American Academy of Pediatrics: Media and Young Minds',
			year: 2016,
			url: 'https://publications.aap.org/pediatrics/article/138/5/e20162591/60503',
			scope: null,
			verify: false,
			note: {
				nb: 'Ingen skjerm under 18 måneder bortsett fra videosamtaler. 18–24 måneder: bare innhold av høy kvalitet, sett sammen med en voksen. 2–5 år: høyst 1 time om dagen med kvalitetsinnhold, sett sammen.',
				nn: 'Ingen skjerm under 18 månader bortsett frå videosamtalar. 18–24 månader: berre innhald av høg kvalitet, sett saman med ein vaksen. 2–5 år: høgst 1 time om dagen med kvalitetsinnhald, sett saman.',
				en: 'No screens under 18 months except video chat. 18–24 months: only high-quality content, watched with an adult. Ages 2–5: at most 1 hour a day of quality content, co-viewed.'
			},
			figures: [
				{ band: '0-1', advice: 'none', maxMinutesPerDay: 0, verify: false },
				{ band: '1-2', advice: 'qualityCoViewed', maxMinutesPerDay: null, verify: false },
				{ band: '2-3', advice: 'qualityCoViewed', maxMinutesPerDay: 60, verify: false },
				{ band: '3-4', advice: 'qualityCoViewed', maxMinutesPerDay: 60, verify: false },
				{ band: '4-5', advice: 'qualityCoViewed', maxMinutesPerDay: 60, verify: false },
				{ band: '5-6', advice: 'qualityCoViewed', maxMinutesPerDay: 60, verify: false }
			]
		}
	]
};
