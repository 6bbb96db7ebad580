import 'fake-indexeddb/auto';
import { expect, it } from 'vitest';
import { openRepositories } from '$lib/client/db';
import { ActivityRepository } from '$lib/client/db/activity-repository';
import { uuidv7 } from '$lib/domain/ids';
import type { PlanContent } from '$lib/domain/plan';
import { conflictList } from './conflicts';
import { useRepositories } from './repositories';

const KINDERGARTEN = uuidv7();

it('names each conflict by the title of its plan or own activity, and by its id only when neither is here', async () => {
	const repos = openRepositories(`conflicts-${uuidv7()}`);
	useRepositories(repos);
	const plan = await repos.plans.create(
		{
			groupId: uuidv7(),
			title: 'Bee-Bot på matta',
			date: '2026-12-01',
			startTime: '09:30',
			endTime: '10:15',
			goals: '',
			description: '',
			learningAreas: ['quantities'],
			clauses: [],
			tools: [],
			screenMode: 'screenFree',
			screenMinutes: 0,
			adultParticipates: true,
			privacy: { photographed: false, storage: '', consent: false, notes: '' },
			status: 'planned',
			evaluation: null
		} satisfies PlanContent,
		KINDERGARTEN
	);
	const activity = await new ActivityRepository(repos.db).save(
		{
			kind: 'codingToy',
			tool: 'bee-bot',
			title: 'Skattejakt med Bee-Bot',
			summary: 'Barna programmerer en vei på et rutenett.',
			ageMin: 3,
			ageMax: 6,
			groupSizeMin: 2,
			groupSizeMax: 5,
			durationMinutes: 30,
			setting: 'indoor',
			materials: ['Bee-Bot'],
			steps: ['Programmer roboten'],
			learningAreas: ['quantities'],
			clauses: ['explore'],
			screenMode: 'screenFree',
			screenMinutes: 0,
			adultParticipates: true,
			talkAbout: ['Hvor gikk roboten?'],
			staffTips: ['Start med to steg'],
			privacy: 'Ingen bilder av barna.',
			source: null
		},
		KINDERGARTEN
	);
	if (!plan.ok || !activity.ok) throw new Error('the records did not save');
	const gone = uuidv7();
	const conflict = (id: string, recordId: string, type: 'plan' | 'activity') => ({
		id,
		recordId,
		type,
		field: 'title',
		kind: 'text' as const,
		serverValue: 'Deres',
		clientValue: 'Min',
		createdAt: '2026-12-01T09:00:00.000Z'
	});
	await repos.db.conflicts.bulkPut([
		conflict('c1', plan.plan.id, 'plan'),
		conflict('c2', activity.activity.id, 'activity'),
		conflict('c3', gone, 'activity')
	]);

	expect((await conflictList()).map((c) => c.title)).toEqual([
		'Bee-Bot på matta',
		'Skattejakt med Bee-Bot',
		gone
	]);
	repos.db.close();
});
