import type { FormDraft, LekeplanDatabase } from './database';

/** Half-typed forms, so nothing typed is lost when the tablet is closed mid-sentence. */
export class DraftRepository {
	constructor(
		private readonly db: LekeplanDatabase,
		private readonly clock: () => Date = () => new Date()
	) {}

	async get(key: string): Promise<FormDraft | undefined> {
		return this.db.drafts.get(key);
	}

	async save(key: string, form: unknown): Promise<void> {
		// A JSON copy: the form may be a Svelte state proxy, which IndexedDB cannot clone.
		const copy = JSON.parse(JSON.stringify(form)) as Record<string, unknown>;
		await this.db.drafts.put({ key, form: copy, savedAt: this.clock().toISOString() });
	}

	async discard(key: string): Promise<void> {
		await this.db.drafts.delete(key);
	}
}
