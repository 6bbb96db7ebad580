import type { PageServerLoad } from './$types';
import { parentPrivacyNotice } from '$lib/server/use-cases/parent-reading';
import { requireParent } from '../../session.server';

export const load: PageServerLoad = async (event) => {
	const { deps, actor, locale } = await requireParent(event);
	return { notice: await parentPrivacyNotice(deps, actor.ownerId, locale) };
};
