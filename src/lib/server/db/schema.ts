import type { ColumnType, Generated } from 'kysely';
import type { RecordType } from '$lib/sync/protocol';

/**
 * The server's tables, as Kysely sees them (camelCase here, snake_case in SQL through
 * CamelCasePlugin). Times are ISO-8601 UTC strings in both dialects, so SQLite and PostgreSQL
 * compare and sort them the same way.
 */
export interface Database {
	owners: OwnerTable;
	kindergartens: KindergartenTable;
	groups: GroupTable;
	users: UserTable;
	identities: IdentityTable;
	sessions: SessionTable;
	invitations: InvitationTable;
	auditLog: AuditLogTable;
	syncRecords: SyncRecordTable;
	syncSequence: SyncSequenceTable;
	syncClients: SyncClientTable;
	syncConflicts: SyncConflictTable;
	syncRejections: SyncRejectionTable;
	guidanceSets: GuidanceSetTable;
	competenceItemSets: CompetenceItemSetTable;
	signInThrottle: SignInThrottleTable;
	competenceSubmissions: CompetenceSubmissionTable;
	competenceAnswers: CompetenceAnswerTable;
	competencePlanEntries: CompetencePlanEntryTable;
	planFacts: PlanFactTable;
	planFactsState: PlanFactsStateTable;
	parentSummaries: ParentSummaryTable;
	summaryPublishers: SummaryPublisherTable;
	parentCodes: ParentCodeTable;
	parentMemberships: ParentMembershipTable;
	parentQuestions: ParentQuestionTable;
	privacyNotices: PrivacyNoticeTable;
	deletionRequests: DeletionRequestTable;
	registerEntries: RegisterEntryTable;
	kindergartenEquipment: KindergartenEquipmentTable;
	toolProposals: ToolProposalTable;
	removedKindergartens: RemovedKindergartenTable;
}

export interface OwnerTable {
	id: string;
	name: string;
	createdAt: string;
}

export interface KindergartenTable {
	id: string;
	ownerId: string;
	name: string;
	createdAt: string;
	updatedAt: string;
}

export interface GroupTable {
	id: string;
	ownerId: string;
	kindergartenId: string;
	name: string;
	ageMin: number;
	ageMax: number;
	createdAt: string;
	updatedAt: string;
}

export const ROLES = ['staff', 'manager', 'ownerAdmin', 'parent'] as const;
export type Role = (typeof ROLES)[number];

export interface UserTable {
	id: string;
	ownerId: string;
	/** Lower-cased; unique across the server (it is the local sign-in name). */
	email: string | null;
	displayName: string;
	role: Role;
	/** Staff and managers: their kindergarten. Parents: their group's kindergarten. */
	kindergartenId: string | null;
	/** Parents: their child's group. */
	groupId: string | null;
	/** argon2id; null for users who only sign in with OpenID Connect. */
	passwordHash: string | null;
	disabledAt: string | null;
	createdAt: string;
	updatedAt: string;
}

/** An OpenID Connect identity linked to a user, keyed by (issuer, subject). */
export interface IdentityTable {
	issuer: string;
	subject: string;
	userId: string;
	createdAt: string;
}

export interface SessionTable {
	/** SHA-256 of the session id; the id itself exists only in the cookie. */
	idHash: string;
	userId: string;
	createdAt: string;
	lastSeenAt: string;
	/** The absolute end of the session, whatever its activity. */
	expiresAt: string;
}

/** Failed sign-ins for one key (hashed: an account, an address, or the two), ADR 8. */
export interface SignInThrottleTable {
	key: string;
	/** Failures since the count last started (it starts again an hour after the last). */
	failures: number;
	lastFailureAt: string;
	/** No sign-in for this key is tried before this time. */
	blockedUntil: string;
}

export interface InvitationTable {
	id: string;
	/** SHA-256 of the token sent to the invited person. */
	tokenHash: string;
	ownerId: string;
	role: Role;
	kindergartenId: string | null;
	groupId: string | null;
	displayName: string;
	createdBy: string;
	createdAt: string;
	expiresAt: string;
	acceptedAt: string | null;
	acceptedUserId: string | null;
	revokedAt: string | null;
}

export const AUDIT_ACTIONS = [
	'sign_in',
	'sign_in_failed',
	'sign_out',
	'access_refused',
	'role_changed',
	'user_disabled',
	'user_enabled',
	'invitation_created',
	'invitation_revoked',
	'invitation_accepted',
	'identity_linked',
	'kindergarten_created',
	/** A kindergarten's name changed (before and after in `changes`). */
	'kindergarten_renamed',
	'kindergarten_deleted',
	'group_created',
	/** A group's name or age band changed (before and after in `changes`). */
	'group_changed',
	'group_deleted',
	/** A manager approved a plan or asked for changes (the decision is in `reason`). */
	'approval_decided',
	'export',
	'deletion',
	/** A synced scalar field overwrote a concurrent change (the fields are in `reason`). */
	'sync_overwrite',
	'sync_conflict_resolved',
	/** The owner's screen-time guidance got a new version (the version is in `reason`). */
	'guidance_changed',
	/** An entry of the owner's competence plan added, changed or deleted (fields in `changes`). */
	'competence_plan_changed',
	/** An owner admin added a competence item (its id is the target). */
	'competence_item_added',
	/** An owner admin retired a competence item (the first period without it is in `reason`). */
	'competence_item_retired',
	/** A group's summary for parents published, or published again over the same period. */
	'summary_published',
	/** A published summary withdrawn: parents no longer see it. */
	'summary_withdrawn',
	/** A manager let a staff member publish summaries, or stopped it (`reason`: granted, revoked). */
	'summary_publisher_changed',
	/** A code parents join a group with made (its id is the target; the code is never logged). */
	'parent_code_created',
	'parent_code_revoked',
	/** A parent taken out of a group by the manager (the user is the target). */
	'parent_removed',
	/** A parent's question answered (`reason`: corrected when an answer was there before). */
	'parent_question_answered',
	/** An owner admin saved the privacy notice in one language (the language is the target). */
	'privacy_notice_changed',
	/** A person asked to have their data deleted, or withdrew the request (`reason`). */
	'deletion_requested',
	/** The built-in libraries' tools added to the owner's register (`reason`: count_<n>). */
	'register_seeded',
	/** An owner admin added a register entry (`reason`: proposal, when one was accepted). */
	'register_entry_added',
	/** A register entry changed (`reason`: assessed, when an assessment field changed). */
	'register_entry_changed',
	/** A staff member or manager proposed a tool for the register. */
	'register_tool_proposed',
	/** An owner admin decided a proposal (`reason`: accepted or declined). */
	'register_proposal_decided',
	/** A kindergarten's count of one device or toy changed (before and after in `changes`). */
	'equipment_changed'
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** Who did what to which record, and when (UTC); never a plan's or an activity's content. */
export interface AuditLogTable {
	/** UUIDv7: sorts by time of writing. */
	id: string;
	at: string;
	ownerId: string | null;
	actorUserId: string | null;
	action: AuditAction;
	targetType: string | null;
	targetId: string | null;
	/** A reason code for refusals and failures. */
	reason: string | null;
	/** The kindergarten the event concerns (its target's, else the actor's); null: the owner's. */
	kindergartenId: string | null;
	/**
	 * JSON: what an administrative change changed, field → [before, after] (names, age bands,
	 * roles, scopes: never the content of plans). Null for other events.
	 */
	changes: string | null;
}

/**
 * A synced record (docs/design/sync-protocol.md, ADR 9): its scope, the fields clients write
 * (JSON), and per field the revision and the client of its last change. `rev` is the server
 * sequence of the record's last change; pulls read records in `rev` order.
 */
export interface SyncRecordTable {
	/** UUIDv7, made by the client. */
	recordId: string;
	type: RecordType;
	ownerId: string;
	kindergartenId: string;
	/** A plan's group (so a group with plans is not deleted); null for activities. */
	groupId: string | null;
	/** JSON: the client-written fields, normalized by the record's schema. */
	data: string;
	/** JSON: field → revision of its last change. */
	fieldRevs: string;
	/** JSON: field → client id of its last change (a resolution writes `conflict:<id>`). */
	fieldClients: string;
	rev: number;
	deletedAt: string | null;
	createdAt: string;
	updatedBy: string | null;
	updatedAt: string;
	/**
	 * An own activity's share with the owner's other kindergartens (ADR 38): 1 shared, 0
	 * withdrawn, null never shared (and for every other type). Follows the data's `shared`.
	 */
	shared: ColumnType<number | null, number | null | undefined, number | null>;
}

/** One row (id 1): the last revision handed out. Taken under a lock by every writer. */
export interface SyncSequenceTable {
	id: number;
	value: number;
	/** The highest revision of a tombstone removed after the horizon (0: none removed yet). */
	purgedThrough: Generated<number>;
}

/** An owner's edited screen-time guidance, its latest version; pulled by every tablet of it. */
export interface GuidanceSetTable {
	ownerId: string;
	/** The record id tablets know it by (UUIDv7, made at the first edit). */
	recordId: string;
	/** JSON: the whole guidance set, as guidanceSetSchema reads it. */
	data: string;
	version: number;
	/** Revision from the sync sequence, like every synced record's. */
	rev: number;
	createdAt: string;
	updatedBy: string | null;
	updatedAt: string;
}

/** An owner's own competence items and retirements (ADR 37); pulled by every tablet of it. */
export interface CompetenceItemSetTable {
	ownerId: string;
	/** The record id tablets know it by (UUIDv7, made at the first change). */
	recordId: string;
	/** JSON: the whole set, as ownerItemSetSchema reads it. */
	data: string;
	version: number;
	/** Revision from the sync sequence, like every synced record's. */
	rev: number;
	createdAt: string;
	updatedBy: string | null;
	updatedAt: string;
}

/** A client (one user's database on one device) and the last of its mutations taken. */
export interface SyncClientTable {
	clientId: string;
	userId: string;
	/** The highest mutation id applied or rejected; the next must be this plus one. */
	lastMutationId: number;
	/** The kindergarten the client last pulled from cursor 0 for; a cursor belongs to it. */
	scope: string | null;
	createdAt: string;
	updatedAt: string;
}

/** A concurrent free-text edit or an edit of a deleted record, kept for a person. */
export interface SyncConflictTable {
	id: string;
	recordId: string;
	type: RecordType;
	/** The field (null for a `deleted` conflict, which concerns the whole record). */
	field: string | null;
	kind: 'text' | 'deleted';
	/** JSON. */
	serverValue: string;
	/** JSON: the field's value, or for `deleted` all the fields the edit sent. */
	clientValue: string;
	clientId: string;
	/** The client's mutation that raised it (null for conflicts stored before migration 0004). */
	mutationId: number | null;
	/** Who made the client's version; it reached the server at `createdAt`. */
	userId: string;
	/** Who wrote the server's version, and when (null for conflicts stored before 0005). */
	serverUserId: string | null;
	serverAt: string | null;
	ownerId: string;
	kindergartenId: string;
	createdAt: string;
	resolvedAt: string | null;
	resolvedBy: string | null;
	resolution: string | null;
}

/** A mutation refused for good (it still advanced the client's last mutation id). */
export interface SyncRejectionTable {
	clientId: string;
	mutationId: number;
	reason: string;
	createdAt: string;
}

/** One person's self-assessment in one period (issue 14): never returned to anyone else. */
export interface CompetenceSubmissionTable {
	id: string;
	ownerId: string;
	kindergartenId: string;
	userId: string;
	audience: 'staff' | 'manager';
	period: string;
	bankVersion: number;
	submittedAt: string;
}

export interface CompetenceAnswerTable {
	submissionId: string;
	itemId: string;
	level: number;
}

/** An entry of the owner's competence plan (issue 14, ADR 29); kindergarten null: all of them. */
export interface CompetencePlanEntryTable {
	id: string;
	ownerId: string;
	kindergartenId: string | null;
	kind: string;
	area: string | null;
	title: string;
	partner: string | null;
	places: number | null;
	startsOn: string | null;
	endsOn: string | null;
	status: string;
	note: string | null;
	createdBy: string;
	createdAt: string;
	updatedAt: string;
}

/** What the owner's practice overview counts of one live plan (ADR 35). */
export interface PlanFactTable {
	recordId: string;
	ownerId: string;
	kindergartenId: string;
	groupId: string | null;
	/** The last person who wrote the plan (`sync_records.updated_by`). */
	author: string | null;
	/** The plan's date, `YYYY-MM-DD`. */
	day: string | null;
	/** The Monday of the plan's week, `YYYY-MM-DD`. */
	monday: string | null;
	mode: string | null;
	/** Screen minutes counted (0 for screen-free or none). */
	minutes: number;
	done: number;
	evaluated: number;
	follow: number;
	/** JSON text of the plan's learning areas and clauses. */
	areas: string | null;
	clauses: string | null;
	/** JSON text of the plan's tools, normalised (`normaliseToolName`); null before migration 0017. */
	tools: string | null;
}

/** Per owner, the revision `plan_facts` is up to date with. */
export interface PlanFactsStateTable {
	ownerId: string;
	rev: number;
}

/** A published summary of a group's digital practice (issue 17, ADR 39). */
export interface ParentSummaryTable {
	id: string;
	ownerId: string;
	kindergartenId: string;
	groupId: string;
	periodKind: string;
	/** The Monday of the week or the first of the month (YYYY-MM-DD). */
	periodStart: string;
	/** summaryContentSchema (src/lib/domain/parent-summary.ts) as JSON text. */
	content: string;
	staffText: string;
	staffTextLocale: string;
	publishedBy: string;
	publishedAt: string;
	withdrawnAt: string | null;
}

/** Staff a manager lets publish summaries for their kindergarten. */
export interface SummaryPublisherTable {
	userId: string;
	kindergartenId: string;
	grantedBy: string;
	grantedAt: string;
}

/** A code (or link) parents join a group with; made and revoked by the manager. */
export interface ParentCodeTable {
	id: string;
	codeHash: string;
	ownerId: string;
	kindergartenId: string;
	groupId: string;
	createdBy: string;
	createdAt: string;
	expiresAt: string;
	revokedAt: string | null;
}

/** Which groups a parent reads the summaries of. */
export interface ParentMembershipTable {
	userId: string;
	groupId: string;
	kindergartenId: string;
	/** The code they joined with; null when the owner admin invited them. */
	codeId: string | null;
	joinedAt: string;
	removedAt: string | null;
}

/** A parent's question or comment about a group's digital practice, and the answer. */
export interface ParentQuestionTable {
	id: string;
	ownerId: string;
	kindergartenId: string;
	groupId: string;
	askedBy: string;
	body: string;
	askedAt: string;
	answer: string | null;
	answeredBy: string | null;
	answeredAt: string | null;
}

/** The owner's privacy notice, one text per app locale (nb, nn, en). */
export interface PrivacyNoticeTable {
	ownerId: string;
	locale: string;
	body: string;
	updatedBy: string;
	updatedAt: string;
}

/** A person's request to have their data deleted (issue 16); carried out by an owner admin. */
export interface DeletionRequestTable {
	id: string;
	ownerId: string;
	userId: string;
	askedAt: string;
	carriedOutAt: string | null;
	carriedOutBy: string | null;
	withdrawnAt: string | null;
}

/**
 * One entry of the owner's register of digital tools and equipment (issue 16, ADR 43). Never
 * deleted: deselected instead. Each change takes the sync sequence (`rev`), so tablets pull the
 * register whole when its newest revision is past their cursor.
 */
export interface RegisterEntryTable {
	id: string;
	ownerId: string;
	/** The built-in library tool it was seeded from, or null for the owner's own entry. */
	seedKey: string | null;
	/** `fields.name` and `fields.decision`, beside the JSON for lists and filters. */
	name: string;
	decision: string;
	/** JSON: the entry's fields, as registerEntryFieldsSchema reads them. */
	data: string;
	rev: number;
	/** When the decision or an assessment field last changed, and who changed it (a user id). */
	assessedAt: string | null;
	assessedBy: string | null;
	createdAt: string;
	updatedAt: string;
	updatedBy: string | null;
}

/** How many of one register entry a kindergarten has, by state; pulled whole per kindergarten. */
export interface KindergartenEquipmentTable {
	kindergartenId: string;
	entryId: string;
	ownerId: string;
	works: number;
	needsRepair: number;
	missing: number;
	note: string;
	rev: number;
	updatedAt: string;
	updatedBy: string | null;
}

/** A staff member's or manager's proposal for the register; an owner admin decides. */
export interface ToolProposalTable {
	id: string;
	ownerId: string;
	kindergartenId: string;
	proposedBy: string;
	name: string;
	kind: string;
	purpose: string;
	note: string;
	proposedAt: string;
	/** `open`, `accepted` or `declined` (PROPOSAL_STATUSES). */
	status: string;
	decidedAt: string | null;
	decidedBy: string | null;
	/** A declined proposal's reason, in the owner admin's words. */
	reason: string | null;
	/** The register entry an accepted proposal became or was matched to. */
	entryId: string | null;
}

/**
 * A kindergarten an owner admin deleted with all its data: kept so a tablet still holding it
 * learns at its next sync that it is gone, and removes it (issue 16).
 */
export interface RemovedKindergartenTable {
	id: string;
	ownerId: string;
	name: string;
	removedAt: string;
	removedBy: string | null;
}
