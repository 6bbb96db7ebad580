import type { LekeplanDatabase } from './database';
import { changedFields, recordMutation, syncEnabled } from './outbox';
import { uuidv7 } from '$lib/domain/ids';
import {
	competenceAnswerSetSchema,
	type CompetenceAnswerSet
} from '$lib/domain/competence/answer-set';

/** A submitted answer set on this device: waiting to be sent, or refused by the server. */
export interface KeptAnswerSet {
	set: CompetenceAnswerSet;
	/** Its outbox entry is still unsent; else the server refused it (the engine drops a taken set). */
	waiting: boolean;
}

export type SubmitResult = { ok: true; set: CompetenceAnswerSet } | { ok: false; reason: string };

/**
 * A person's submitted competence answers (issue 14, ADR 32). Submitting writes the answer set,
 * its outbox entry and the removal of the form's draft in one transaction: the answers live in
 * IndexedDB until the sync engine's push has them on the server, which then drops the set here.
 * Only the competence page uses it (through its state module).
 */
export class CompetenceAnswerRepository {
	constructor(
		private readonly db: LekeplanDatabase,
		private readonly clock: () => Date = () => new Date()
	) {}

	async submit(
		input: { period: string; bankVersion: number; answers: Record<string, number> },
		draftKey: string
	): Promise<SubmitResult> {
		const stamp = this.clock().toISOString();
		const parsed = competenceAnswerSetSchema.safeParse({
			id: uuidv7(this.clock().getTime()),
			period: input.period,
			bankVersion: input.bankVersion,
			answers: input.answers,
			createdAt: stamp,
			updatedAt: stamp,
			deletedAt: null
		});
		if (!parsed.success) return { ok: false, reason: 'invalid_value' };
		const set = parsed.data;
		const { competenceAnswers, outbox, syncMeta, drafts } = this.db;
		return this.db.transaction('rw', [competenceAnswers, outbox, syncMeta, drafts], async () => {
			// Only a signed-in person's own database sends anything: there is nobody to send it for.
			if (!(await syncEnabled(this.db))) return { ok: false, reason: 'signed_out' };
			// A set of the same period the server refused is replaced by this one.
			const earlier = await competenceAnswers.where('period').equals(set.period).primaryKeys();
			await competenceAnswers.bulkDelete(earlier);
			await competenceAnswers.add(set);
			await recordMutation(this.db, {
				recordId: set.id,
				type: 'competenceAnswers',
				op: 'put',
				baseRev: null,
				fields: changedFields(null, set),
				at: stamp
			});
			await drafts.delete(draftKey);
			return { ok: true, set };
		});
	}

	/** The set of a period kept on this device, if any, and whether it waits to be sent. */
	async forPeriod(period: string): Promise<KeptAnswerSet | null> {
		return this.db.transaction('r', [this.db.competenceAnswers, this.db.outbox], async () => {
			const rows = await this.db.competenceAnswers.where('period').equals(period).toArray();
			const set = rows.map((r) => competenceAnswerSetSchema.safeParse(r)).find((r) => r.success);
			if (!set?.success) return null;
			const waiting = (await this.db.outbox.where('recordId').equals(set.data.id).count()) > 0;
			return { set: set.data, waiting };
		});
	}

	/**
	 * Takes a refused set back into the form's draft, in one transaction, so the person can put it
	 * right and submit again. Nothing happens to a set still waiting to be sent.
	 */
	async reopen(id: string, draftKey: string, form: Record<string, unknown>): Promise<boolean> {
		const { competenceAnswers, outbox, drafts } = this.db;
		return this.db.transaction('rw', [competenceAnswers, outbox, drafts], async () => {
			if ((await outbox.where('recordId').equals(id).count()) > 0) return false;
			if ((await competenceAnswers.where('id').equals(id).count()) === 0) return false;
			await competenceAnswers.delete(id);
			await drafts.put({ key: draftKey, form, savedAt: this.clock().toISOString() });
			return true;
		});
	}
}
