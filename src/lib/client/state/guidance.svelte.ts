import { LiveQuery } from './live-query.svelte';
import { repositories } from './repositories';
import { DEFAULT_GUIDANCE } from '$lib/domain/guidance-default';
import type { GuidanceSet } from '$lib/domain/guidance';

/** The screen-time guidance in force on this device. */
export class GuidanceState {
	#inForce = new LiveQuery(() => repositories().guidance.inForce());

	get current(): GuidanceSet {
		return this.#inForce.current?.set ?? DEFAULT_GUIDANCE;
	}

	/** True while the owner's own set is in force (the shipped default otherwise). */
	get edited(): boolean {
		return this.#inForce.current?.edited ?? false;
	}
}

export const guidance = new GuidanceState();
