import type { PageServerLoad } from './$types';
import { privacyNoticeFor } from '$lib/server/use-cases/privacy-notice';
import { requireParent } from '../../session.server';

export const load: PageServerLoad = async (event) => {
	const { deps, actor, locale } = await requireParent(event);
	return { notice: await privacyNoticeFor(deps, actor.ownerId, locale) };
};
