import { describe, expect, it } from 'vitest';
import { DEFAULT_GUIDANCE } from '$lib/domain/guidance-default';
import { guidanceSetSchema } from '$lib/domain/guidance';
import { fromForm, toForm, validateForm } from './guidance-form';

describe('the guidance editor form', () => {
	it('round-trips the default set unchanged', () => {
		const built = fromForm(toForm(DEFAULT_GUIDANCE), DEFAULT_GUIDANCE);
		expect(built.ok).toBe(true);
		if (!built.ok) return;
		const { id, version, date } = DEFAULT_GUIDANCE;
		expect({ ...built.edit, id, version, date }).toEqual(DEFAULT_GUIDANCE);
	});

	it('turns percentages and minutes into the set, keeping what the form does not show', () => {
		const form = toForm(DEFAULT_GUIDANCE);
		form.limits['3-4'].minutes = 30;
		form.weights.creative = 25;
		form.adultExtra = 100;
		form.closeShare = 80;
		form.sources[0]!.verify = true;
		form.sources[0]!.url = '  https://example.org/råd  ';
		const built = fromForm(form, DEFAULT_GUIDANCE);
		expect(built.ok).toBe(true);
		if (!built.ok) return;
		expect(built.edit.limits.find((l) => l.band === '3-4')?.dailyMinutes).toBe(30);
		expect(built.edit.modeWeights.creative).toBe(0.25);
		expect(built.edit.withoutAdultFactor).toBe(2);
		expect(built.edit.closeShare).toBe(0.8);
		expect(built.edit.sources[0]).toEqual({
			...DEFAULT_GUIDANCE.sources[0],
			verify: true,
			url: 'https://example.org/råd'
		});
		const { id, version, date } = DEFAULT_GUIDANCE;
		expect(guidanceSetSchema.safeParse({ ...built.edit, id, version, date }).success).toBe(true);
	});

	it('names each field at fault, with the limit it broke', () => {
		const form = toForm(DEFAULT_GUIDANCE);
		form.limits['0-1'].minutes = null;
		form.limits['2-3'].minutes = 2000;
		form.limits['4-5'].basis = 'gone';
		form.weights.passive = 1.5;
		form.closeShare = -1;
		form.daysPerWeek = 8;
		form.sources[1]!.url = 'helsedirektoratet';
		form.sources[2]!.year = 1800;
		const source = (i: number) => form.sources[i]!.id;
		expect(validateForm(form)).toEqual({
			'limit-0-1': { code: 'required' },
			'limit-2-3': { code: 'too_big', limit: 1440 },
			'basis-4-5': { code: 'required' },
			'weight-passive': { code: 'not_integer' },
			'close-share': { code: 'too_small', limit: 0 },
			'days-per-week': { code: 'too_big', limit: 7 },
			[`url-${source(1)}`]: { code: 'invalid_url' },
			[`year-${source(2)}`]: { code: 'too_small', limit: 1900 }
		});
		expect(fromForm(form, DEFAULT_GUIDANCE).ok).toBe(false);
	});

	it('refuses a web address that is not http or https', () => {
		const form = toForm(DEFAULT_GUIDANCE);
		form.sources[0]!.url = 'javascript:alert(1)';
		expect(validateForm(form)[`url-${form.sources[0]!.id}`]).toEqual({ code: 'invalid_url' });
	});
});
