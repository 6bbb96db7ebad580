import type { LocalizedText } from './guidance';

/**
 * What each default source says, in plain words, for the guidance page. Kept apart from the
 * guidance set so the week view (the first page) does not carry these texts.
 */
export const DEFAULT_GUIDANCE_NOTES: Record<string, LocalizedText> = {
	'helsedir-2022': {
		nb: 'Så lite passiv skjermtid som mulig for små barn, og ingen for barn under 1 år. For 2–5 år: høyst 1 time om dagen, mindre er bedre. Rådet skal ikke hindre pedagogisk bruk i barnehagen.',
		nn: 'Så lite passiv skjermtid som mogleg for små barn, og ingen for barn under 1 år. For 2–5 år: høgst 1 time om dagen, mindre er betre. Rådet skal ikkje hindre pedagogisk bruk i barnehagen.',
		en: 'As little passive screen time as possible for young children, and none under 1 year. For ages 2–5: at most 1 hour a day, less is better. The advice must not stop pedagogical use in kindergarten.'
	},
	'helsedir-screen-2025': {
		nb: 'Høringsutkast; sjekk den endelige teksten. Gjelder tid utenfor barnehage og skole: ikke skjerm for å trøste, ved måltider, i bakgrunnen eller den siste timen før leggetid.',
		nn: 'Høyringsutkast; sjekk den endelege teksten. Gjeld tid utanfor barnehage og skule: ikkje skjerm for å trøyste, ved måltid, i bakgrunnen eller den siste timen før leggetid.',
		en: 'Consultation draft; check the final text. Covers time outside kindergarten and school: no screens to comfort, at meals, in the background or in the last hour before bed.'
	},
	'nou-2024-20': {
		nb: 'Skjermbruk bør begrenses sterkt for de minste, også i barnehagen. «En skjerm er ikke bare en skjerm»: det viktige er hvordan, hva den brukes til og sammen med hvem.',
		nn: 'Skjermbruk bør avgrensast sterkt for dei minste, også i barnehagen. «Ein skjerm er ikkje berre ein skjerm»: det viktige er korleis, kva han blir brukt til og saman med kven.',
		en: 'Screen use should be strongly limited for the youngest, also in kindergarten. "A screen is not just a screen": what matters is how, what for, and with whom.'
	},
	'who-2019': {
		nb: 'Stillesittende skjermtid anbefales ikke før 2 år. 2–4 år: høyst 1 time om dagen, mindre er bedre.',
		nn: 'Stillesitjande skjermtid er ikkje tilrådd før 2 år. 2–4 år: høgst 1 time om dagen, mindre er betre.',
		en: 'Sedentary screen time is not recommended before age 2. Ages 2–4: no more than 1 hour a day; less is better.'
	},
	'folkhalsomyndigheten-2024': {
		nb: 'Svensk anbefaling for fritid: ingen skjerm før 2 år, høyst 1 time om dagen for 2–5 år.',
		nn: 'Svensk tilråding for fritid: ingen skjerm før 2 år, høgst 1 time om dagen for 2–5 år.',
		en: 'Swedish advice for leisure time: no screens before age 2, at most 1 hour a day for ages 2–5.'
	},
	'aap-2016': {
		nb: 'Ingen skjerm under 18 måneder bortsett fra videosamtaler. 18–24 måneder: bare innhold av høy kvalitet, sett sammen med en voksen. 2–5 år: høyst 1 time om dagen med kvalitetsinnhold, sett sammen.',
		nn: 'Ingen skjerm under 18 månader bortsett frå videosamtalar. 18–24 månader: berre innhald av høg kvalitet, sett saman med ein vaksen. 2–5 år: høgst 1 time om dagen med kvalitetsinnhald, sett saman.',
		en: 'No screens under 18 months except video chat. 18–24 months: only high-quality content, watched with an adult. Ages 2–5: at most 1 hour a day of quality content, co-viewed.'
	}
};
