import { describe, expect, it } from 'vitest';
import {
	activityFactsSchema,
	activityTextsSchema,
	CONTENT_LOCALES,
	STOP_MOTION_PHASES
} from './activity';
import { contentJson } from './content-fixture';
import { loadBuiltInActivities } from './index';

const stopMotionActivities = (await loadBuiltInActivities('nb')).filter(
	(a) => a.kind === 'stopMotion'
);
const privacyIn = Object.fromEntries(
	await Promise.all(
		CONTENT_LOCALES.map(
			async (l) =>
				[
					l,
					new Map((await loadBuiltInActivities(l)).map((a) => [a.id, a.privacy] as const))
				] as const
		)
	)
);

const FILIORUM = {
	title: 'Filiorum, Universitetet i Stavanger: Barnehagebarn lager animasjonsfilm',
	url: 'https://www.uis.no/nb/forskning/barnehagebarn-lager-animasjonsfilm'
};

/** How each locale says "face" (nynorsk accepts both). */
const FACE = { nb: /ansikt/i, nn: /andlet|ansikt/i, en: /face/i } as const;

describe('stopMotionActivities', () => {
	it('has at least 8 activities', () => {
		expect(stopMotionActivities.length).toBeGreaterThanOrEqual(8);
	});

	it.each(stopMotionActivities.map((a) => [a.id, a] as const))(
		'%s parses: its facts and its texts in every locale',
		(id) => {
			const files = [
				[`${id}/facts.json`, activityFactsSchema],
				...CONTENT_LOCALES.map((l) => [`${id}/${l}.json`, activityTextsSchema] as const)
			] as const;
			for (const [path, schema] of files) {
				const parsed = schema.safeParse(contentJson(path));
				if (!parsed.success) {
					console.error(
						parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('\n')
					);
				}
				expect(parsed.success, path).toBe(true);
			}
		}
	);

	it('has unique ids', () => {
		const ids = stopMotionActivities.map((a) => a.id);
		expect(new Set(ids).size).toBe(ids.length);
	});

	it.each(stopMotionActivities.map((a) => [a.id, a] as const))(
		'%s is a stop-motion project with story, animate and show, in order',
		(_id, a) => {
			expect(a.kind).toBe('stopMotion');
			expect(a.tool).toBe('stop-motion');
			const phases = (a.phases ?? []).map((p) => p.phase);
			expect(phases).toEqual(expect.arrayContaining(['story', 'animate', 'show']));
			expect(phases.length).toBeGreaterThanOrEqual(4);
			expect(phases).toEqual(STOP_MOTION_PHASES.filter((p) => phases.includes(p)));
		}
	);

	it.each(stopMotionActivities.map((a) => [a.id, a] as const))(
		'%s rotates roles only while animating or recording sound',
		(_id, a) => {
			for (const p of a.phases ?? []) {
				if (p.rotatesRoles) expect(['animate', 'sound']).toContain(p.phase);
				if (p.phase === 'animate' || p.phase === 'sound') expect(p.rotatesRoles).toBe(true);
			}
		}
	);

	it.each(stopMotionActivities.map((a) => [a.id, a] as const))(
		'%s has no screen minutes in screen-free phases, and never more than the session',
		(_id, a) => {
			for (const p of a.phases ?? []) {
				if (p.screenMode === 'screenFree') expect(p.screenMinutes).toBe(0);
				expect(p.screenMinutes).toBeLessThanOrEqual(p.minutes);
			}
			for (const phase of ['story', 'storyboard', 'figures'] as const) {
				const p = a.phases?.find((x) => x.phase === phase);
				if (p) expect(p.screenMode).toBe('screenFree');
			}
		}
	);

	it.each(stopMotionActivities.map((a) => [a.id, a] as const))(
		'%s has top-level minutes that match its sessions',
		(_id, a) => {
			const phases = a.phases ?? [];
			expect(a.screenMode).toBe('creative');
			expect(a.durationMinutes).toBe(Math.max(...phases.map((p) => p.minutes)));
			expect(a.screenMinutes).toBe(phases.find((p) => p.phase === 'animate')?.screenMinutes);
			expect(a.adultParticipates).toBe(true);
		}
	);

	it.each(stopMotionActivities.map((a) => [a.id, a] as const))(
		'%s mentions faces in its privacy text in every locale',
		(_id, a) => {
			for (const locale of CONTENT_LOCALES) {
				expect(privacyIn[locale]!.get(a.id)).toMatch(FACE[locale]);
			}
		}
	);

	it('cites Filiorum exactly, or nothing', () => {
		for (const a of stopMotionActivities) {
			if (a.source !== null) expect(a.source).toEqual(FILIORUM);
		}
	});
});
