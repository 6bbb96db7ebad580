import type { GuidanceSet } from './guidance';

/**
 * The default screen-time guidance (docs/design/domain.md, "Screen-time guidance"). Figures marked
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
