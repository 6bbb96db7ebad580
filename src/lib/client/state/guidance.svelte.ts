import { LiveQuery } from './live-query.svelte';
import { repositories } from './repositories';
import { DEFAULT_GUIDANCE } from '$lib/domain/guidance-default';
import type { GuidanceSet } from '$lib/domain/guidance';

/** The screen-time guidance in force on this device. */
export class GuidanceState {
	#set = new LiveQuery(() => repositories().guidance.current());

	get current(): GuidanceSet {
		return this.#set.current ?? DEFAULT_GUIDANCE;
	}
}

export const guidance = new GuidanceState();
