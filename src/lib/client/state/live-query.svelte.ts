import { liveQuery } from 'dexie';
import { createSubscriber } from 'svelte/reactivity';

/**
 * A Dexie `liveQuery` as a rune-friendly value, in the shape of svelte.dev's `Persisted`: the
 * query runs while something reads `.current` inside an effect, and re-runs whenever
 * IndexedDB changes what it read, in this tab or another.
 */
export class LiveQuery<T> {
	#value = $state<T | undefined>(undefined);
	#error = $state<unknown>(undefined);
	#loaded = $state(false);
	#subscribe: () => void;

	constructor(query: () => Promise<T>) {
		this.#subscribe = createSubscriber((update) => {
			const subscription = liveQuery(query).subscribe({
				next: (value) => {
					this.#value = value;
					this.#error = undefined;
					this.#loaded = true;
					update();
				},
				error: (error: unknown) => {
					this.#error = error;
					this.#loaded = true;
					update();
				}
			});
			return () => subscription.unsubscribe();
		});
	}

	get current(): T | undefined {
		this.#subscribe();
		return this.#value;
	}

	get loaded(): boolean {
		this.#subscribe();
		return this.#loaded;
	}

	get error(): unknown {
		this.#subscribe();
		return this.#error;
	}
}
