import type { ParamMatcher } from '@sveltejs/kit';
import { isUuid } from '$lib/domain/ids';

/** A built-in activity's slug (`bee-bot-story-mat`) or an own activity's UUID. */
export const match: ParamMatcher = (param) =>
	isUuid(param) || /^[a-z0-9]+(-[a-z0-9]+)*$/.test(param);
