import { repositories } from './repositories';

const AUTOSAVE_DELAY_MS = 300;

/** Keeps only the draft's fields whose type matches the form's own (a draft is untrusted). */
function mergeDraft<T extends object>(initial: T, draft: Record<string, unknown>): T {
	const merged = structuredClone(initial) as Record<string, unknown>;
	for (const [key, value] of Object.entries(initial)) {
		const saved = draft[key];
		const sameShape = Array.isArray(value)
			? Array.isArray(saved) && saved.every((v) => typeof v === 'string')
			: typeof saved === typeof value;
		if (sameShape) merged[key] = saved;
	}
	return merged as T;
}

/**
 * A form whose every change is saved as a draft after a short pause, and at once when the
 * page is hidden (tablet closed, app switched), so half-typed text survives. Saving the
 * record itself removes the draft in the same transaction (see the repositories).
 */
export class DraftedForm<T extends object> {
	form = $state() as T;
	restoredDraft = $state(false);
	draftSaved = $state(false);
	#timer: ReturnType<typeof setTimeout> | undefined;
	#pending = false;
	readonly #initial: T;

	constructor(
		readonly draftKey: string,
		initial: T
	) {
		this.#initial = structuredClone(initial);
		this.form = structuredClone(initial);
	}

	/** Brings back an unsaved draft from an earlier visit, if there is one. */
	async restore(): Promise<void> {
		const draft = await repositories().drafts.get(this.draftKey);
		if (!draft) return;
		const merged = mergeDraft(this.#initial, draft.form);
		if (JSON.stringify(merged) !== JSON.stringify(this.#initial)) {
			this.form = merged;
			this.restoredDraft = true;
		}
	}

	/** Call on every edit. */
	changed(): void {
		this.draftSaved = false;
		this.#pending = true;
		clearTimeout(this.#timer);
		this.#timer = setTimeout(() => void this.flush(), AUTOSAVE_DELAY_MS);
	}

	/** Writes the draft now if anything is unsaved. */
	async flush(): Promise<void> {
		clearTimeout(this.#timer);
		if (!this.#pending) return;
		this.#pending = false;
		await repositories().drafts.save(this.draftKey, $state.snapshot(this.form));
		this.draftSaved = true;
	}

	/** Stops autosaving: the caller is about to save the record (and with it drop the draft). */
	settle(): void {
		clearTimeout(this.#timer);
		this.#pending = false;
	}

	async discardDraft(): Promise<void> {
		this.settle();
		await repositories().drafts.discard(this.draftKey);
		this.form = structuredClone(this.#initial);
		this.restoredDraft = false;
		this.draftSaved = false;
	}

	/** Listens for the page being hidden or left; returns the cleanup (which flushes). */
	saveWhenHidden(): () => void {
		const saveNow = () => void this.flush();
		const onVisibility = () => {
			if (document.visibilityState === 'hidden') saveNow();
		};
		document.addEventListener('visibilitychange', onVisibility);
		window.addEventListener('pagehide', saveNow);
		return () => {
			document.removeEventListener('visibilitychange', onVisibility);
			window.removeEventListener('pagehide', saveNow);
			saveNow();
		};
	}
}
