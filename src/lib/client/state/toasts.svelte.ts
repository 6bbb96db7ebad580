export interface Toast {
	id: number;
	message: string;
	action?: { label: string; run: () => Promise<void> | void };
}

/**
 * One message at a time, announced politely. It stays until dismissed or replaced: a message
 * that vanishes on a timer can be missed (WCAG 2.2.1), and "Undo" must be reachable by keyboard.
 */
export class Toasts {
	current = $state<Toast | null>(null);
	#next = 1;

	show(message: string, action?: Toast['action']): void {
		this.current = { id: this.#next++, message, ...(action ? { action } : {}) };
	}

	/** Runs the current message's action (e.g. undo) once, and dismisses the message first. */
	async runAction(): Promise<void> {
		const action = this.current?.action;
		this.current = null;
		await action?.run();
	}

	dismiss(): void {
		this.current = null;
	}
}

export const toasts = new Toasts();
