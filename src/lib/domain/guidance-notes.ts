import type { LocalizedText } from './guidance';
import type { AgeBand } from './organisation';

/**
 * What each default source says, in plain words, for the guidance page. Kept apart from the
 * guidance set so the week view (the first page) does not carry these texts. The wording
 * follows the sources: they advise against ("frarådes", "bør unngå"); none says "skal ikke".
 * Where we could not read a source's current text, the note says so.
 */
export const DEFAULT_GUIDANCE_NOTES: Record<string, LocalizedText> = {
	'helsedir-2022': {
		nb: 'Skjermtid frarådes for barn under 2 år. For barn 2–5 år: høyst 1 time om dagen, mindre er bedre. Rådet gjelder hele døgnet, men begrensningen bør ikke gå ut over pedagogisk bruk i barnehagen. Fra 6 år: begrens tiden i ro, særlig passiv skjermbruk på fritiden.',
		nn: 'Skjermtid er frårådd for barn under 2 år. For barn 2–5 år: høgst 1 time om dagen, mindre er betre. Rådet gjeld heile døgnet, men avgrensinga bør ikkje gå ut over pedagogisk bruk i barnehagen. Frå 6 år: avgrens tida i ro, særleg passiv skjermbruk på fritida.',
		en: 'Screen time is advised against for children under 2. For ages 2–5: at most 1 hour a day, less is better. The advice covers the whole day, but the limit should not get in the way of pedagogical use in kindergarten. From age 6: limit time sitting still, especially passive screen use in leisure time.'
	},
	'helsedir-screen-2025': {
		nb: 'De nasjonale skjermrådene, lagt fram som endelige 8. januar 2026. Gjelder tid utenfor barnehage og skole. Barn under 2 år bør unngå skjerm. For 2–5 år sa høringsutkastet (2025) 30 minutter til 1 time om dagen; det endelige tallet har vi ikke fått lest, så sjekk dokumentet. Ikke skjerm for å trøste, ved måltider, i bakgrunnen eller den siste timen før leggetid.',
		nn: 'Dei nasjonale skjermråda, lagde fram som endelege 8. januar 2026. Gjeld tid utanfor barnehage og skule. Barn under 2 år bør unngå skjerm. For 2–5 år sa høyringsutkastet (2025) 30 minutt til 1 time om dagen; det endelege talet har vi ikkje fått lese, så sjekk dokumentet. Ikkje skjerm for å trøyste, ved måltid, i bakgrunnen eller den siste timen før leggetid.',
		en: 'The national screen advice, presented as final on 8 January 2026. Covers time outside kindergarten and school. Children under 2 should avoid screens. For ages 2–5 the consultation draft (2025) said 30 minutes to 1 hour a day; we could not read the final figure, so check the document. No screens to comfort, at meals, in the background or in the last hour before bed.'
	},
	'nou-2024-20': {
		nb: 'Skjermbrukutvalget: skjermbruk for barn under 2 år bør begrenses sterkt, også i barnehagen. «En skjerm er ikke bare en skjerm»: i tillegg til tiden er det viktig hvordan skjermen brukes, hva den brukes til og hvem den brukes sammen med.',
		nn: 'Skjermbrukutvalet: skjermbruk for barn under 2 år bør avgrensast sterkt, også i barnehagen. «Ein skjerm er ikkje berre ein skjerm»: i tillegg til tida er det viktig korleis skjermen blir brukt, kva han blir brukt til og kven han blir brukt saman med.',
		en: 'The Screen Use Committee: screen use for children under 2 should be strongly limited, also in kindergarten. "A screen is not just a screen": besides the time, what matters is how the screen is used, what for, and with whom.'
	},
	'who-2019': {
		nb: 'Skjermtid anbefales ikke for barn under 1 år, og stillesittende skjermtid ikke for 1-åringer. 2–4 år: høyst 1 time om dagen, mindre er bedre. Retningslinjene gjelder barn under 5 år.',
		nn: 'Skjermtid er ikkje tilrådd for barn under 1 år, og stillesitjande skjermtid ikkje for 1-åringar. 2–4 år: høgst 1 time om dagen, mindre er betre. Retningslinjene gjeld barn under 5 år.',
		en: 'Screen time is not recommended for children under 1, nor sedentary screen time for 1-year-olds. Ages 2–4: no more than 1 hour a day; less is better. The guidelines cover children under 5.'
	},
	'folkhalsomyndigheten-2024': {
		nb: 'Svenske anbefalinger for skjermbruk på fritiden (ikke skolerelatert bruk): helst ingen skjerm før 2 år, høyst 1 time om dagen for 2–5 år og 1–2 timer for 6–12 år. Styr innholdet, se sammen med barna og snakk om det dere ser.',
		nn: 'Svenske tilrådingar for skjermbruk på fritida (ikkje skulerelatert bruk): helst ingen skjerm før 2 år, høgst 1 time om dagen for 2–5 år og 1–2 timar for 6–12 år. Styr innhaldet, sjå saman med barna og snakk om det de ser.',
		en: 'Swedish recommendations for screen use in leisure time (not school-related use): preferably no screens before age 2, at most 1 hour a day for ages 2–5 and 1–2 hours for ages 6–12. Steer the content, watch together with the children and talk about what you see.'
	},
	'aap-2016': {
		nb: 'Under 18 måneder: unngå skjerm, bortsett fra videosamtaler. 18–24 måneder: vil foreldre introdusere skjerm, bør det være innhold av høy kvalitet, sett sammen med barnet. 2–5 år: høyst 1 time om dagen med kvalitetsinnhold, sett sammen. AAP skal i 2026 ha erstattet uttalelsen med en ny («Digital Ecosystems, Children, and Adolescents») uten et fast antall timer; den har vi ikke fått lest.',
		nn: 'Under 18 månader: unngå skjerm, bortsett frå videosamtalar. 18–24 månader: vil foreldra introdusere skjerm, bør det vere innhald av høg kvalitet, sett saman med barnet. 2–5 år: høgst 1 time om dagen med kvalitetsinnhald, sett saman. AAP skal i 2026 ha erstatta fråsegna med ei ny («Digital Ecosystems, Children, and Adolescents») utan eit fast tal timar; den har vi ikkje fått lese.',
		en: 'Under 18 months: avoid screens other than video chatting. 18–24 months: parents who want to introduce media should choose high-quality programming and watch it with the child. Ages 2–5: at most 1 hour a day of high-quality programming, watched together. In 2026 the AAP is reported to have replaced this statement with a new one ("Digital Ecosystems, Children, and Adolescents") without a fixed number of hours; we could not read it.'
	}
};

const draftTwoToFive: LocalizedText = {
	nb: 'høringsutkastet: 30 min–1 time; det endelige tallet er ikke lest',
	nn: 'høyringsutkastet: 30 min–1 time; det endelege talet er ikkje lese',
	en: 'consultation draft: 30 min–1 hour; the final figure not read'
};

/**
 * What a source's figure for a band leaves out, shown beside it in the band's table: an
 * exception, a part of the band the figure does not cover, or a figure we could not read.
 */
export const DEFAULT_FIGURE_NOTES: Record<string, Partial<Record<AgeBand, LocalizedText>>> = {
	'helsedir-2022': {
		'5-6': {
			nb: 'gjelder 5-åringer; fra 6 år gir rådet ikke noe timetall',
			nn: 'gjeld 5-åringar; frå 6 år gir rådet ikkje noko timetal',
			en: 'covers 5-year-olds; from age 6 the advice gives no number of hours'
		}
	},
	'helsedir-screen-2025': {
		'2-3': draftTwoToFive,
		'3-4': draftTwoToFive,
		'4-5': draftTwoToFive,
		'5-6': {
			nb: 'gjelder 5-åringer; høringsutkastet: 30 min–1 time for 2–5 år, 1–1,5 time for 6–12 år; de endelige tallene er ikke lest',
			nn: 'gjeld 5-åringar; høyringsutkastet: 30 min–1 time for 2–5 år, 1–1,5 time for 6–12 år; dei endelege tala er ikkje lesne',
			en: 'covers 5-year-olds; consultation draft: 30 min–1 hour for ages 2–5, 1–1.5 hours for ages 6–12; the final figures not read'
		}
	},
	'folkhalsomyndigheten-2024': {
		'5-6': {
			nb: 'gjelder 5-åringer; for 6–12 år høyst 1–2 timer',
			nn: 'gjeld 5-åringar; for 6–12 år høgst 1–2 timar',
			en: 'covers 5-year-olds; ages 6–12: at most 1–2 hours'
		}
	},
	'aap-2016': {
		'0-1': {
			nb: 'unntatt videosamtaler',
			nn: 'unnateke videosamtalar',
			en: 'except video chatting'
		},
		'1-2': {
			nb: '12–17 måneder som under 18 måneder: ingen skjerm unntatt videosamtaler; 18–24 måneder: om noe, kvalitetsinnhold sett sammen med en voksen',
			nn: '12–17 månader som under 18 månader: ingen skjerm unnateke videosamtalar; 18–24 månader: om noko, kvalitetsinnhald sett saman med ein vaksen',
			en: '12–17 months as under 18 months: none but video chatting; 18–24 months: if any, quality content watched with an adult'
		},
		'5-6': {
			nb: 'gjelder 5-åringer; fra 6 år en annen uttalelse uten timetall',
			nn: 'gjeld 5-åringar; frå 6 år ei anna fråsegn utan timetal',
			en: 'covers 5-year-olds; from age 6 another statement without a number of hours'
		}
	}
};
