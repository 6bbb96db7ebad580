import type { PageServerLoad } from './$types';
import { listParentSummaries, parentGroups } from '$lib/server/use-cases/parent-reading';
import { requireParent } from '../session.server';

export const load: PageServerLoad = async (event) => {
	const { deps, actor } = await requireParent(event);
	const [groups, summaries] = await Promise.all([
		parentGroups(deps, actor),
		listParentSummaries(deps, actor)
	]);
	return { groups, summaries };
};
