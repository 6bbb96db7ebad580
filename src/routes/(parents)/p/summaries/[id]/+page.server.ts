import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { ApiError } from '$lib/server/api/http';
import { readParentSummary } from '$lib/server/use-cases/parent-reading';
import { requireParent } from '../../../session.server';

export const load: PageServerLoad = async (event) => {
	const { deps, actor } = await requireParent(event);
	try {
		return { summary: await readParentSummary(deps, actor, event.params.id) };
	} catch (e) {
		if (e instanceof ApiError && e.status === 404) error(404, 'not_found');
		throw e;
	}
};
