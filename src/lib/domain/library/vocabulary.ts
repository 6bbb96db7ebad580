/**
 * The library's fixed vocabularies, apart from its schemas: modules that only need the ids
 * (the plan schema, the labels) then do not pull the whole activity schema into the first page.
 */

/** The locales the app ships: every built-in activity has every text in each of them. */
export const CONTENT_LOCALES = ['nb', 'nn', 'en'] as const;
export type ContentLocale = (typeof CONTENT_LOCALES)[number];
/** The locale a further locale's missing texts fall back to. */
export const BASE_LOCALE = 'nb' satisfies ContentLocale;

/** The toy or tool an activity is built around. */
export const LIBRARY_TOOLS = [
	'bee-bot',
	'blue-bot',
	'cubetto',
	'robot-mouse',
	'unplugged',
	'stop-motion'
] as const;
export type LibraryTool = (typeof LIBRARY_TOOLS)[number];

export const SETTINGS = ['indoor', 'outdoor', 'both'] as const;
export type ActivitySetting = (typeof SETTINGS)[number];

/** The phases of a stop-motion project (docs/design/domain.md, "Stop-motion with children"). */
export const STOP_MOTION_PHASES = [
	'story', // make up the story in dialogue with staff
	'storyboard', // draw its course
	'figures', // figures and sets from plasticine, cardboard and paper
	'animate', // animate in sub-groups, rotating roles
	'sound', // record sound
	'show' // show the film
] as const;
export type StopMotionPhase = (typeof STOP_MOTION_PHASES)[number];

/** Roles children rotate through while animating, so every child gets every role. */
export const STOP_MOTION_ROLES = ['photographer', 'buttonPresser', 'animator', 'sound'] as const;
export type StopMotionRole = (typeof STOP_MOTION_ROLES)[number];
