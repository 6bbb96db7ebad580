import { createSubscriber } from 'svelte/reactivity';

/** Whether the browser believes it is online, kept current from its online/offline events. */
export class Connectivity {
	#subscribe = createSubscriber((update) => {
		window.addEventListener('online', update);
		window.addEventListener('offline', update);
		return () => {
			window.removeEventListener('online', update);
			window.removeEventListener('offline', update);
		};
	});

	get online(): boolean {
		this.#subscribe();
		return navigator.onLine;
	}
}

export const connectivity = new Connectivity();
