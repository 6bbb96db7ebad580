import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { ApiError } from '$lib/server/api/http';
import { QUESTION_MAX } from '$lib/domain/parent-question';
import { askQuestion, listOwnQuestions, parentGroups } from '$lib/server/use-cases/parent-reading';
import { field, requireParent } from '../../session.server';

export const load: PageServerLoad = async (event) => {
	const { deps, actor } = await requireParent(event);
	const [groups, questions] = await Promise.all([
		parentGroups(deps, actor),
		listOwnQuestions(deps, actor)
	]);
	return {
		groups,
		questions,
		max: QUESTION_MAX,
		chosenGroup: event.url.searchParams.get('group'),
		sent: event.url.searchParams.has('sent')
	};
};

export const actions: Actions = {
	default: async (event) => {
		const { deps, actor } = await requireParent(event);
		const form = await event.request.formData();
		const groupId = field(form, 'groupId');
		const body = field(form, 'body').slice(0, 20_000);
		try {
			await askQuestion(deps, actor, { groupId, body });
		} catch (error) {
			if (!(error instanceof ApiError)) throw error;
			const problem = error.fields?.body ?? (error.status === 404 ? 'group' : 'required');
			return fail(error.status, { groupId, body, problem });
		}
		// After a send, a reload must not send it again.
		redirect(303, '/p/questions?sent=1');
	}
};
