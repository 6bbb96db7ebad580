import type { ServerDeps } from '../../deps';
import type { Actor } from '../../auth/sessions';
import { audit } from '../../audit';
import type { SyncScope } from '../../access';
import { uuidv7 } from '$lib/domain/ids';
import {
	MANAGER_WRITTEN,
	MANAGER_FIELDS,
	mergeMutation,
	type MergeConflict,
	type Mutation,
	type MutationResult,
	type RecordType,
	type SyncReason
} from '$lib/sync';
import { fieldProblems, validateRecord } from '../sync-records';
import { judgeAnswers, storeAnswers } from '../competence';
import { ownerItemSet } from '../competence-items';
import { fieldCodes } from '../../api/http';
import { competenceAnswerFieldsSchema } from '$lib/domain/competence/answer-set';
import { storeSequence } from '../sequence';
import { auditDecision, judgeApproval, stampApproval } from '../approval';
import {
	changedKeys,
	groupsOf,
	recordRow,
	sameJson,
	stored,
	writeRows,
	type Db,
	type RecordRow,
	type WriteContext
} from './rows';

type Checked =
	| { ok: true; data: Record<string, unknown> }
	| { ok: false; reason: SyncReason; fields?: Record<string, string> };

/** One push's work inside its transaction: the records it touches, and the sequence. */
export class Batch {
	readonly #records = new Map<string, RecordRow>();
	/** Records that were in the database before this batch. */
	readonly #existing = new Set<string>();
	/** Rows this batch wrote, each record's last, in the order first written: stored by `finish`. */
	readonly #written = new Map<string, RecordRow>();
	/** Each record's revision when loaded (before this batch). */
	readonly #loadedRev = new Map<string, number>();
	/** Whether this batch's last write of a record was exact (`asTheTabletHasIt`). */
	readonly #exactSoFar = new Map<string, boolean>();
	#groups: Set<string> | null = null;
	/** The kindergarten's live digital plans and their years, read on the first one this batch checks. */
	#digitalPlanYears: Map<string, unknown> | null = null;
	#sequence: number;
	readonly #start: number;
	readonly #write: WriteContext;

	constructor(
		readonly trx: Db,
		readonly deps: ServerDeps,
		readonly actor: Actor,
		readonly scope: SyncScope,
		readonly clientId: string,
		sequence: number,
		readonly now: string
	) {
		this.#sequence = sequence;
		this.#start = sequence;
		this.#write = { scope, userId: actor.userId, writer: clientId, now };
	}

	async load(recordIds: string[]): Promise<void> {
		const ids = [...new Set(recordIds)];
		for (let i = 0; i < ids.length; i += 500) {
			const rows = await this.trx
				.selectFrom('syncRecords')
				.selectAll()
				.where('recordId', 'in', ids.slice(i, i + 500))
				.execute();
			for (const row of rows) {
				this.#records.set(row.recordId, row);
				this.#existing.add(row.recordId);
				this.#loadedRev.set(row.recordId, row.rev);
			}
		}
	}

	/**
	 * Writes the records this batch changed, in multi-row statements, and the sequence. Until
	 * now the batch's own later mutations read its writes from memory (`#records`): nothing in
	 * the transaction reads `sync_records` after `load`.
	 */
	async finish(): Promise<void> {
		await writeRows(this.trx, this.deps.dialect, [...this.#written.values()], this.#existing);
		if (this.#sequence !== this.#start) await storeSequence(this.trx, this.#sequence);
	}

	async apply(sent: Mutation): Promise<MutationResult> {
		let m = sent;
		const row = this.#records.get(m.recordId) ?? null;
		if (
			row &&
			(row.ownerId !== this.scope.ownerId || row.kindergartenId !== this.scope.kindergartenId)
		) {
			await this.refused(m.type, m.recordId);
			return this.reject(m, 'out_of_scope');
		}
		if (row && row.type !== m.type) return this.reject(m, 'invalid_record', { type: 'wrong_type' });
		// A person's own competence answers: stored in the competence tables, never as a record
		// any pull carries (ADR 32).
		if (m.type === 'competenceAnswers') return this.answers(m);
		// The competence development plan and the digital plan are the manager's (styrer's) to
		// write; everyone in the kindergarten reads them (ADR 28, 34). Refused whole, and logged.
		if (MANAGER_WRITTEN.has(m.type) && this.actor.role !== 'manager') {
			await this.refused(m.type, m.recordId, 'manager_only');
			return this.reject(m, 'manager_only');
		}
		const current = row ? stored(row) : null;
		/** What the tablet sent, before the server dropped or rewrote any of it. */
		const sentFields: Record<string, unknown> = m.fields;
		if (m.op === 'put') {
			const problem = fieldProblems(m.type, m.fields);
			if (problem) return this.reject(m, problem.reason, problem.fields);
			// Approving a plan is the manager's (styrer's) decision, judged by what it changes (ADR 23).
			const fields =
				m.type === 'plan' ? judgeApproval(this.actor, current?.data ?? null, m.fields) : m.fields;
			if (!fields) {
				await this.refused(m.type, m.recordId);
				return this.reject(m, 'forbidden_field', { approval: 'manager_only' });
			}
			// Sharing an activity with the owner's other kindergartens is the manager's (ADR 38).
			const managers = this.actor.role === 'manager' ? [] : (MANAGER_FIELDS[m.type] ?? []);
			const changedByStaff = managers.filter(
				(f) => f in fields && !sameJson(fields[f], current?.data[f])
			);
			if (changedByStaff.length > 0) {
				await this.refused(m.type, m.recordId, 'manager_only');
				return this.reject(
					m,
					'forbidden_field',
					Object.fromEntries(changedByStaff.map((f) => [f, 'manager_only']))
				);
			}
			m = { ...m, fields };
			// An edit of a record this server no longer has: its tombstone passed the horizon.
			if (!row && m.baseRev !== null) return this.reject(m, 'not_found');
		} else {
			if (Object.keys(m.fields).length > 0) {
				return this.reject(m, 'invalid_record', { fields: 'not_allowed' });
			}
			if (!row) return this.reject(m, 'not_found');
		}

		const outcome = mergeMutation(current, m, m.type, this.clientId);

		if (m.op === 'delete') {
			// Deleting what is already deleted changes nothing, and is what the client wanted.
			if (!outcome.deleted || !row || !current) return { id: m.id, status: 'applied' };
			const rev = this.store(m, row, current.data, [], this.now);
			return { id: m.id, status: 'applied', rev };
		}

		if (m.op === 'restore') {
			if (outcome.deleted !== false || !row || !current) return { id: m.id, status: 'applied' };
			const checked = await this.check(m.type, m.recordId, current.data, row);
			if (!checked.ok) return this.reject(m, checked.reason, checked.fields);
			const changed = changedKeys(current.data, checked.data);
			const rev = this.store(m, row, checked.data, changed, null);
			return { id: m.id, status: 'applied', rev };
		}

		if (outcome.data === null) {
			// An edit of a deleted record: delete wins; the edit waits as a conflict to restore.
			await this.conflicts(m, outcome.conflicts, row);
			return { id: m.id, status: 'conflict', reason: 'deleted' };
		}
		const checked = await this.check(m.type, m.recordId, outcome.data, row);
		if (!checked.ok) return this.reject(m, checked.reason, checked.fields);
		if (m.type === 'plan') {
			checked.data = stampApproval(this.actor, current?.data ?? null, checked.data, this.now);
			await auditDecision(
				this.trx,
				this.deps.clock,
				this.actor,
				this.scope,
				m.recordId,
				current?.data ?? null,
				checked.data
			);
		}
		// A new record: every field it has is new (a checked record holds no undefined values).
		const changed = current ? changedKeys(current.data, checked.data) : Object.keys(checked.data);
		// Nothing changed on the server, but the tablet holds another approval than it: one sent
		// again with the tablet's own name and time, which the server keeps as it stamped them
		// (ADR 23). A new revision, so that the next pull brings the tablet the server's.
		if (
			changed.length === 0 &&
			m.type === 'plan' &&
			'approval' in sentFields &&
			JSON.stringify(sentFields['approval']) !== JSON.stringify(checked.data['approval'] ?? null)
		) {
			changed.push('approval');
		}
		let rev: number | undefined;
		let overwritten: string[] = [];
		if (changed.length > 0 || !row) {
			rev = this.store(m, row, checked.data, changed, null);
			overwritten = outcome.overwritten.filter((f) => changed.includes(f));
			if (overwritten.length > 0) {
				await audit(this.trx, this.deps.clock, {
					action: 'sync_overwrite',
					ownerId: this.scope.ownerId,
					actorUserId: this.actor.userId,
					targetType: m.type,
					targetId: m.recordId,
					reason: overwritten.join(',')
				});
			}
		}
		if (outcome.conflicts.length > 0) {
			await this.conflicts(m, outcome.conflicts, row);
			return { id: m.id, status: 'conflict', reason: 'text_conflict', ...(rev ? { rev } : {}) };
		}
		if (rev === undefined) return { id: m.id, status: 'applied' };
		const exact =
			overwritten.length === 0 && this.asTheTabletHasIt(m, current, sentFields, checked.data);
		this.#exactSoFar.set(m.recordId, exact);
		return { id: m.id, status: 'applied', rev, ...(exact ? { exact: true, at: this.now } : {}) };
	}

	/**
	 * A person's answers for a period, judged by the rules the API's `PUT` applies (every item in
	 * force answered, an open period) and stored for the person: applied without a revision, as
	 * nothing of it is pulled. Only ever put whole; a delete or restore is refused.
	 */
	async answers(m: Mutation): Promise<MutationResult> {
		if (m.op !== 'put') return this.reject(m, 'invalid_record', { op: 'not_allowed' });
		const problem = fieldProblems(m.type, m.fields);
		if (problem) return this.reject(m, problem.reason, problem.fields);
		const parsed = competenceAnswerFieldsSchema.safeParse(m.fields);
		if (!parsed.success) return this.reject(m, 'invalid_record', fieldCodes(parsed.error));
		const { period, bankVersion, answers } = parsed.data;
		const own = await ownerItemSet(this.trx, this.actor.ownerId);
		const judged = judgeAnswers(this.deps, this.actor, period, answers, own, bankVersion);
		if (!judged.ok) {
			return this.reject(
				m,
				judged.reason === 'period_closed' ? 'period_closed' : 'invalid_record',
				judged.fields ?? { _: judged.reason }
			);
		}
		await storeAnswers(this.trx, this.actor, {
			audience: judged.audience,
			period,
			bankVersion,
			items: judged.items,
			answers,
			submittedAt: this.now
		});
		return { id: m.id, status: 'applied' };
	}

	/**
	 * Whether the record stored at this mutation's revision is what the tablet holds (issue 18):
	 * the record as it stood before (`current`) had no change since the tablet's base other than
	 * this client's own, and what was stored is that record with the fields the tablet sent, as
	 * it sent them (nothing trimmed, stamped or dropped). Then the tablet need not pull it back.
	 */
	asTheTabletHasIt(
		m: Mutation,
		current: ReturnType<typeof stored> | null,
		sent: Record<string, unknown>,
		data: Record<string, unknown>
	): boolean {
		if (current === null) {
			if (m.baseRev !== null) return false;
		} else {
			if (current.deletedAt !== null) return false;
			// Unchanged since the tablet's base, or changed in this batch only by this tablet's
			// own writes that were themselves exact (a tablet's edits before a push share a base).
			const unchanged = current.rev === m.baseRev;
			const ownSoFar =
				this.#exactSoFar.get(m.recordId) === true &&
				(this.#loadedRev.get(m.recordId) ?? null) === m.baseRev;
			if (!unchanged && !ownSoFar) return false;
		}
		const before = current?.data ?? {};
		// `data` holds what was stored; each of its fields is the one sent, or else the one before.
		for (const key in data) {
			const held = key in sent ? sent[key] : before[key];
			if (!sameJson(held, data[key])) return false;
		}
		// A field sent or held that was not stored (dropped, or left out as undefined).
		for (const key in sent) if (!(key in data) && sent[key] !== undefined) return false;
		for (const key in before) if (!(key in data) && !(key in sent)) return false;
		return true;
	}

	/** The merged record against its schema and, for a plan, its group against the scope. */
	async check(
		type: RecordType,
		recordId: string,
		data: Record<string, unknown>,
		row: RecordRow | null
	): Promise<Checked> {
		const validation = validateRecord(type, data, {
			id: recordId,
			kindergartenId: this.scope.kindergartenId,
			createdAt: row?.createdAt ?? this.now,
			updatedAt: this.now,
			deletedAt: null
		});
		if (!validation.ok) return { ok: false, reason: 'invalid_record', fields: validation.fields };
		if (type === 'plan') {
			this.#groups ??= await groupsOf(this.trx, this.scope);
			const groupId = validation.data['groupId'] as string;
			if (!this.#groups.has(groupId)) {
				await this.refused('group', groupId);
				return { ok: false, reason: 'out_of_scope', fields: { groupId: 'out_of_scope' } };
			}
		}
		// One digital plan a kindergarten year (ADR 34): two tablets may each have written one.
		if (type === 'digitalPlan') {
			this.#digitalPlanYears ??= await this.#liveDigitalPlanYears();
			const year = validation.data['year'];
			for (const [id, taken] of this.#digitalPlanYears) {
				if (id !== recordId && taken === year) {
					return { ok: false, reason: 'invalid_record', fields: { year: 'year_taken' } };
				}
			}
		}
		return validation;
	}

	/** The years of the kindergarten's live digital plans as stored before this batch. */
	async #liveDigitalPlanYears(): Promise<Map<string, unknown>> {
		const rows = await this.trx
			.selectFrom('syncRecords')
			.select(['recordId', 'data'])
			.where('ownerId', '=', this.scope.ownerId)
			.where('kindergartenId', '=', this.scope.kindergartenId)
			.where('type', '=', 'digitalPlan')
			.where('deletedAt', 'is', null)
			.execute();
		const years = new Map<string, unknown>();
		for (const row of rows) {
			// This batch's own writes so far count, not what the database held before them.
			if (this.#written.has(row.recordId)) continue;
			years.set(row.recordId, (JSON.parse(row.data) as Record<string, unknown>)['year']);
		}
		for (const written of this.#written.values()) {
			if (written.type !== 'digitalPlan' || written.deletedAt !== null) continue;
			years.set(written.recordId, (JSON.parse(written.data) as Record<string, unknown>)['year']);
		}
		return years;
	}

	store(
		m: Mutation,
		row: RecordRow | null,
		data: Record<string, unknown>,
		changed: string[],
		deletedAt: string | null
	): number {
		const rev = ++this.#sequence;
		// Exact only when `apply` says so after this write.
		this.#exactSoFar.set(m.recordId, false);
		const written = recordRow(this.#write, row, {
			recordId: m.recordId,
			type: m.type,
			data,
			changed,
			deletedAt,
			rev
		});
		this.#records.set(m.recordId, written);
		this.#written.set(m.recordId, written);
		if (m.type === 'digitalPlan' && this.#digitalPlanYears) {
			if (deletedAt === null) this.#digitalPlanYears.set(m.recordId, data['year']);
			else this.#digitalPlanYears.delete(m.recordId);
		}
		return rev;
	}

	/**
	 * Keeps conflicts for a person to resolve, each with who wrote the server's version and when:
	 * the field's last writer (by the client that wrote it), else the record's; `row` is the
	 * record as it was before this mutation.
	 */
	async conflicts(m: Mutation, conflicts: MergeConflict[], row: RecordRow | null): Promise<void> {
		const fieldClients = row ? (JSON.parse(row.fieldClients) as Record<string, string>) : {};
		for (const conflict of conflicts) {
			const writer = conflict.field ? fieldClients[conflict.field] : undefined;
			const writerUser = writer
				? await this.trx
						.selectFrom('syncClients')
						.select('userId')
						.where('clientId', '=', writer)
						.executeTakeFirst()
				: undefined;
			await this.trx
				.insertInto('syncConflicts')
				.values({
					id: uuidv7(this.deps.clock.now().getTime()),
					recordId: m.recordId,
					// Competence answers never conflict: `answers` takes them before any merge (ADR 32).
					type: m.type,
					field: conflict.field,
					kind: conflict.kind,
					serverValue: JSON.stringify(conflict.serverValue ?? null),
					clientValue: JSON.stringify(conflict.clientValue ?? null),
					clientId: this.clientId,
					mutationId: m.id,
					userId: this.actor.userId,
					serverUserId: writerUser?.userId ?? row?.updatedBy ?? null,
					serverAt: row?.updatedAt ?? null,
					ownerId: this.scope.ownerId,
					kindergartenId: this.scope.kindergartenId,
					createdAt: this.now,
					resolvedAt: null,
					resolvedBy: null,
					resolution: null
				})
				.execute();
		}
	}

	async reject(
		m: Mutation,
		reason: SyncReason,
		fields?: Record<string, string>
	): Promise<MutationResult> {
		await this.trx
			.insertInto('syncRejections')
			.values({ clientId: this.clientId, mutationId: m.id, reason, createdAt: this.now })
			.execute();
		return { id: m.id, status: 'rejected', reason, ...(fields ? { fields } : {}) };
	}

	/** An id outside the caller's scope is logged like every other refusal (ADR 8). */
	async refused(type: string, id: string, reason = 'out_of_scope'): Promise<void> {
		await audit(this.trx, this.deps.clock, {
			action: 'access_refused',
			ownerId: this.actor.ownerId,
			actorUserId: this.actor.userId,
			targetType: type,
			targetId: id,
			reason
		});
	}
}
