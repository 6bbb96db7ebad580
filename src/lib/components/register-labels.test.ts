import { describe, expect, it } from 'vitest';
import { m } from '$lib/paraglide/messages';
import {
	AGREEMENT_STATES,
	DATA_LOCATIONS,
	PROPOSAL_STATUSES,
	TOOL_DECISIONS,
	TOOL_KINDS
} from '$lib/domain/register';
import {
	agreementLabel,
	dataLocationLabel,
	proposalStatusLabel,
	toolDecisionLabel,
	toolKindLabel
} from './register-labels';

/** The register's words (ADR 43): every id has its own, in every locale the app speaks. */
describe('the register in words', () => {
	const LOCALES = ['nb', 'nn', 'en'] as const;
	const vocabularies: Array<[string, readonly string[], Record<string, () => string>]> = [
		['kinds', TOOL_KINDS, toolKindLabel],
		['decisions', TOOL_DECISIONS, toolDecisionLabel],
		['data locations', DATA_LOCATIONS, dataLocationLabel],
		['agreements', AGREEMENT_STATES, agreementLabel],
		['proposal statuses', PROPOSAL_STATUSES, proposalStatusLabel]
	];

	it.each(vocabularies)('names every one of the %s, each differently', (_, ids, labels) => {
		expect(Object.keys(labels).sort()).toEqual([...ids].sort());
		const words = ids.map((id) => labels[id]!());
		expect(new Set(words).size).toBe(ids.length);
	});

	it('says the decisions in the words the owner uses', () => {
		const decision = (id: 'notAssessed' | 'approved' | 'approvedWithConditions' | 'deselected') =>
			LOCALES.map((locale) =>
				({
					notAssessed: m.register_decision_notAssessed,
					approved: m.register_decision_approved,
					approvedWithConditions: m.register_decision_approvedWithConditions,
					deselected: m.register_decision_deselected
				})[id]({}, { locale })
			);
		expect(decision('approved')).toEqual(['Godkjent', 'Godkjend', 'Approved']);
		expect(decision('approvedWithConditions')).toEqual([
			'Godkjent med vilkår',
			'Godkjend med vilkår',
			'Approved with conditions'
		]);
		expect(decision('deselected')).toEqual(['Valgt bort', 'Valt bort', 'Deselected']);
		expect(decision('notAssessed')).toEqual([
			'Ikke vurdert ennå',
			'Ikkje vurdert enno',
			'Not yet assessed'
		]);
	});
});
