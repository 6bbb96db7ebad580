/**
 * The fixed vocabularies of the domain. Labels live in messages/ (one per locale); these are
 * the stable ids stored in the database and sent over the wire.
 */

/** The seven learning areas (fagområder) of Rammeplan for barnehagen (2017), in its order. */
export const LEARNING_AREAS = [
	'communication', // Kommunikasjon, språk og tekst
	'body', // Kropp, bevegelse, mat og helse
	'art', // Kunst, kultur og kreativitet
	'nature', // Natur, miljø og teknologi
	'quantities', // Antall, rom og form
	'ethics', // Etikk, religion og filosofi
	'community' // Nærmiljø og samfunn
] as const;
export type LearningArea = (typeof LEARNING_AREAS)[number];

/**
 * The four things staff shall do in digital practice (rammeplan, "Barnehagens arbeidsmåter",
 * "Barnehagens digitale praksis"). The rammeplan's own words are the labels (framework-labels.ts).
 */
export const DIGITAL_CLAUSES = [
	'judgement', // digital judgement in information search, copyright, source criticism, privacy
	'explore', // children explore, play, learn and create through digital forms of expression
	'assess', // assess relevance and suitability, take part in children's media use
	'create' // explore creative use of digital tools together with the children
] as const;
export type DigitalClause = (typeof DIGITAL_CLAUSES)[number];

/**
 * How a screen is used: the guidance counts these differently (docs/design/domain.md,
 * "Screen-time guidance").
 */
export const SCREEN_MODES = [
	'passive',
	'interactive',
	'creative',
	'communication',
	'screenFree'
] as const;
export type ScreenMode = (typeof SCREEN_MODES)[number];

export const PLAN_STATUSES = ['draft', 'planned', 'done', 'evaluated'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];
