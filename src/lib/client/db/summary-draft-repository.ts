import type { LekeplanDatabase, SummaryDraft } from './database';
import type { SummaryPeriodKind } from '$lib/domain/parent-summary';

/**
 * The drafts of the summaries for parents on this tablet (issue 17, ADR 40): one per group and
 * period, written as the staff type, read back after a reload or offline. Only the parents' desk
 * page uses it (not in index.ts).
 */
export class SummaryDraftRepository {
	constructor(private readonly db: LekeplanDatabase) {}

	static keyOf(groupId: string, kind: SummaryPeriodKind, start: string): string {
		return `${groupId}|${kind}|${start}`;
	}

	get(groupId: string, kind: SummaryPeriodKind, start: string): Promise<SummaryDraft | undefined> {
		return this.db.summaryDrafts.get(SummaryDraftRepository.keyOf(groupId, kind, start));
	}

	async save(draft: Omit<SummaryDraft, 'key' | 'updatedAt'>): Promise<void> {
		await this.db.summaryDrafts.put({
			...draft,
			key: SummaryDraftRepository.keyOf(draft.groupId, draft.periodKind, draft.periodStart),
			updatedAt: new Date().toISOString()
		});
	}

	async remove(groupId: string, kind: SummaryPeriodKind, start: string): Promise<void> {
		await this.db.summaryDrafts.delete(SummaryDraftRepository.keyOf(groupId, kind, start));
	}
}
