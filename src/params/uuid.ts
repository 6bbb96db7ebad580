import type { ParamMatcher } from '@sveltejs/kit';
import { isUuid } from '$lib/domain/ids';

/** Rejects a malformed plan id before any page loads: it becomes a 404, not a broken page. */
export const match: ParamMatcher = (param) => isUuid(param);
