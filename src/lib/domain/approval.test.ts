import { describe, expect, it } from 'vitest';
import { approvalQueue, approvalState, needsDecision } from './approval';
import type { ActivityPlan } from './plan';
import { planContent } from './plan-fixture';

const decided = (decision: 'approved' | 'changesRequested', note = '') => ({
	decision,
	by: 'Siri Styrer',
	at: '2026-12-01T10:00:00.000Z',
	note
});

describe('approvalState', () => {
	it('tells waiting, changed, sent back and approved apart', () => {
		expect(approvalState({ approval: null })).toBe('waiting');
		expect(approvalState({})).toBe('waiting');
		expect(approvalState({ approval: decided('approved') })).toBe('approved');
		expect(approvalState({ approval: decided('changesRequested') })).toBe('sentBack');
		const at = '2026-12-02T09:00:00.000Z';
		expect(approvalState({ approval: decided('approved'), changedSinceApproval: at })).toBe(
			'changed'
		);
		// Sent back, then changed by staff: the change is the answer, for the manager to look at.
		expect(approvalState({ approval: decided('changesRequested'), changedSinceApproval: at })).toBe(
			'changed'
		);
		expect(needsDecision({ approval: decided('approved') })).toBe(false);
	});
});

describe('approvalQueue', () => {
	it('lists what needs a decision and what was sent back, by group and week, earliest first', () => {
		const base: ActivityPlan = {
			...planContent('group', 'Bee-Bot'),
			id: 'x',
			kindergartenId: 'k',
			createdAt: '2026-11-30T08:00:00.000Z',
			updatedAt: '2026-11-30T08:00:00.000Z',
			deletedAt: null
		};
		const plans = [
			{ ...base, id: 'a', date: '2026-12-03', approval: null },
			{ ...base, id: 'b', date: '2026-12-01', approval: null },
			{ ...base, id: 'c', date: '2026-12-02', approval: decided('approved') },
			{ ...base, id: 'd', date: '2026-12-02', approval: decided('changesRequested') },
			{ ...base, id: 'e', date: '2026-12-09', approval: null },
			{ ...base, id: 'f', date: '2026-12-02', approval: null, groupId: 'other' },
			{ ...base, id: 'g', date: '2026-12-02', approval: null, deletedAt: '2026-12-02T08:00:00Z' }
		];
		const all = approvalQueue(plans);
		expect(all.decide.map((p) => p.id)).toEqual(['b', 'f', 'a', 'e']);
		expect(all.sentBack.map((p) => p.id)).toEqual(['d']);
		const week = approvalQueue(plans, { groupId: base.groupId, week: '2026-11-30' });
		expect(week.decide.map((p) => p.id)).toEqual(['b', 'a']);
	});
});
