import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { formatParentCode, normalizeParentCode } from '$lib/domain/parent-code';
import { field, parentContext } from '../session.server';

export const load: PageServerLoad = async (event) => {
	await parentContext(event);
	return {};
};

/** A typed code goes to its link's page, which says whether it works (no JavaScript needed). */
export const actions: Actions = {
	default: async ({ request }) => {
		const typed = field(await request.formData(), 'code').slice(0, 40);
		const code = normalizeParentCode(typed);
		if (!code) return fail(400, { code: typed, problem: 'invalid' });
		redirect(303, `/join/${formatParentCode(code)}`);
	}
};
