import { Dexie, type EntityTable, type Table } from 'dexie';
import type { ActivityPlan } from '$lib/domain/plan';
import type { Group, Kindergarten } from '$lib/domain/organisation';
import type { OwnActivity } from '$lib/domain/library/library-activity';
import type { GuidanceSet } from '$lib/domain/guidance';
import type { OwnerItemSet } from '$lib/domain/competence/owner-items';
import type { DevelopmentPlan } from '$lib/domain/competence/development-plan';
import type { CompetenceAnswerSet } from '$lib/domain/competence/answer-set';
import type { DigitalPlan } from '$lib/domain/digital-plan';
import type { SummaryPeriodKind } from '$lib/domain/parent-summary';
import type { EquipmentItem, RegisterEntry } from '$lib/domain/register';
import type { OutboxEntry } from './outbox';
import type { Mutation, RecordType } from '$lib/sync/protocol';

/** A conflict the server kept for a person to resolve (docs/design/sync-protocol.md). */
export interface StoredConflict {
	id: string;
	recordId: string;
	type: RecordType;
	field: string | null;
	kind: 'text' | 'deleted';
	serverValue: unknown;
	clientValue: unknown;
	createdAt: string;
	/**
	 * Who made each version, and when the server's was written (kept since migration 0005 on the
	 * server; absent in conflicts stored before, and null where the server does not know).
	 */
	clientUserId?: string;
	clientUserName?: string | null;
	serverUserId?: string | null;
	serverUserName?: string | null;
	serverAt?: string | null;
}

/**
 * A change the server refused, with its reason code: shown until the person has read it, never
 * silently dropped (docs/design/sync-protocol.md). The fields after `at` are kept since ADR 15; a
 * refusal stored before has only the first four.
 */
export interface StoredRejection {
	mutationId: number;
	recordId: string;
	reason: string;
	at: string;
	type?: RecordType;
	op?: Mutation['op'];
	/** The names of the fields the change carried. */
	fields?: string[];
	/** The server's reason per field at fault (`approval: 'manager_only'`, `title: 'too_long'`). */
	problems?: Record<string, string>;
	/** The record's title as this device had it when the change was refused. */
	title?: string;
}

/**
 * A summary for parents being written (issue 17, ADR 40): the group and period it is for, and the
 * staff's own text with its language. Kept on the tablet only, offline too; what parents see is
 * the snapshot published from it. Key: `${groupId}|${periodKind}|${periodStart}`.
 */
export interface SummaryDraft {
	key: string;
	groupId: string;
	periodKind: SummaryPeriodKind;
	periodStart: string;
	staffText: string;
	staffTextLocale: 'nb' | 'nn' | 'en';
	updatedAt: string;
}

/**
 * The owner's register of digital tools as last pulled (ADR 43): one row, the newest register,
 * replaced whole by each pull that carries it. Key: the owner's id.
 */
export interface StoredRegister {
	ownerId: string;
	rev: number;
	entries: RegisterEntry[];
}

/** A kindergarten's equipment as last pulled (ADR 43), replaced whole. Key: the kindergarten. */
export interface StoredEquipment {
	kindergartenId: string;
	rev: number;
	items: EquipmentItem[];
}

/**
 * A half-typed form, saved as the person types. The key says which form: `plan:new`,
 * `plan:<id>`, `evaluation:<id>`. What it holds is read back as untrusted: the form merges it
 * over its own starting values.
 */
export interface FormDraft {
	key: string;
	form: Record<string, unknown>;
	savedAt: string;
}

export interface Setting {
	key: string;
	value: unknown;
}

/**
 * The local database. Its schema is declared whole, once, under a version number that only
 * grows: a change to the schema is made here and the number raised by one. Tablets upgrade
 * from whatever version they last ran: Dexie (since 3.0) reads the schema a tablet's database
 * has from the database itself and adds what is missing, so the versions before need not be
 * declared (ADR 47; the upgrade from each shipped version is tested in database.test.ts, whose
 * `SHIPPED` lists them). A change that must rewrite stored data keeps its `upgrade()` on its own
 * `version(n)` for as long as a tablet may still be below it.
 */
export class LekeplanDatabase extends Dexie {
	plans!: EntityTable<ActivityPlan, 'id'>;
	groups!: EntityTable<Group, 'id'>;
	kindergartens!: EntityTable<Kindergarten, 'id'>;
	drafts!: Table<FormDraft, string>;
	settings!: Table<Setting, string>;
	ownActivities!: EntityTable<OwnActivity, 'id'>;
	guidanceSets!: Table<GuidanceSet, [string, number]>;
	outbox!: Table<OutboxEntry, number>;
	syncMeta!: Table<Setting, string>;
	conflicts!: Table<StoredConflict, string>;
	rejections!: Table<StoredRejection, number>;
	developmentPlans!: EntityTable<DevelopmentPlan, 'id'>;
	competenceAnswers!: EntityTable<CompetenceAnswerSet, 'id'>;
	digitalPlans!: EntityTable<DigitalPlan, 'id'>;
	competenceItemSets!: Table<OwnerItemSet, number>;
	summaryDrafts!: Table<SummaryDraft, string>;
	toolRegisters!: Table<StoredRegister, string>;
	equipment!: Table<StoredEquipment, string>;

	constructor(name = 'lekeplan') {
		super(name);
		// 1: plans, groups, the kindergarten, drafts, settings. 2: own library activities;
		// guidance sets (id + version, so an owner's edit arrives as a new version beside the
		// default). 3: sync: the outbox of unsent changes (key: the per-client mutation id), the
		// cursor and client id, conflicts to resolve, changes the server refused. 4: competence
		// development plans (ADR 28). 5: the person's competence answers waiting to be sent
		// (ADR 32). 6: digital plans, one a year (ADR 34). 7: the owner's own competence items
		// (ADR 37). 8: drafts of summaries for parents, never synced (ADR 40). 9: the owner's
		// register of digital tools and the kindergarten's equipment (ADR 43).
		this.version(9).stores({
			plans: 'id, [groupId+date], date, status, updatedAt',
			groups: 'id, kindergartenId',
			kindergartens: 'id',
			drafts: 'key',
			settings: 'key',
			ownActivities: 'id, kindergartenId, updatedAt',
			guidanceSets: '[id+version]',
			outbox: 'id, recordId',
			syncMeta: 'key',
			conflicts: 'id, recordId',
			rejections: 'mutationId, recordId',
			developmentPlans: 'id, updatedAt',
			competenceAnswers: 'id, period',
			digitalPlans: 'id, year',
			competenceItemSets: 'version',
			summaryDrafts: 'key, groupId, updatedAt',
			toolRegisters: 'ownerId',
			equipment: 'kindergartenId'
		});
	}
}
