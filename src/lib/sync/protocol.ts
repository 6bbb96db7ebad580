import { z } from 'zod/mini';

/**
 * The sync wire protocol, shared by the tablets and the owner's server
 * (docs/design/sync-protocol.md). Pure: no Dexie, no server code. Bump PROTOCOL_VERSION when the
 * messages change shape and SCHEMA_VERSION when a record's fields change; the server accepts a
 * range and answers 426 to a client that is too old.
 */
export const PROTOCOL_VERSION = 2;
/**
 * Protocol 2 (issue 18): a pull's record changes come compact — no `fieldRevs` (no client reads
 * them), and `data` without what the change says already: `id` (the `recordId`), `deletedAt`
 * (the change's), and `kindergartenId` when it is the answer's own `kindergartenId`.
 * `expandChange` (compact.ts) makes them whole again as they arrive. Protocol 1 clients get whole
 * changes, as before.
 */
export const COMPACT_PULL_PROTOCOL = 2;
/**
 * 2: pulls carry the owner's screen-time guidance (`type: 'guidance'`). A schema-1 client
 * applies only the types it knows and skips the rest, so it is still served.
 */
/**
 * 3: a new record type, the kindergarten's competence development plan (`developmentPlan`,
 * ADR 28), written by its manager and pulled by every tablet of the kindergarten. Older clients
 * skip the type in a pull, as schema-1 clients skip the guidance, so they are still served.
 */
/**
 * 4: a record type that only goes up, a person's competence answers for a period
 * (`competenceAnswers`, ADR 32): pushed through the outbox, stored by the server in its
 * competence tables, never pulled by anyone. Older clients never send it, so they are served.
 * 5: a new record type, the kindergarten's digital plan for a year (`digitalPlan`, ADR 34),
 * written by its manager and pulled by every tablet of the kindergarten; older clients skip it.
 * 6: pulls carry the owner's own competence items and retirements (`type: 'competenceItems'`,
 * ADR 37), as they carry the guidance; older clients skip the type and keep the shipped bank.
 */
/**
 * 7: an own activity's `shared` (written by the kindergarten's manager
 * only) and `sharedFrom` (written by the pull); a pull from schema 7 on also carries the owner's
 * other kindergartens' shared activities, a withdrawn one as a tombstone (ADR 38). Older clients
 * are not sent other kindergartens' activities.
 */
/**
 * 8: pulls carry the owner's register of digital tools (`type: 'toolRegister'`, the whole register
 * as toolRegisterSchema reads it, one change per owner) and the kindergarten's equipment
 * (`type: 'equipment'`, equipmentSetSchema), ADR 43; older clients skip both types.
 */
export const SCHEMA_VERSION = 8;
export const SUPPORTED_PROTOCOL = { min: 1, max: 2 } as const;
export const SUPPORTED_SCHEMA = { min: 1, max: 8 } as const;
/** The first schema whose pull carries other kindergartens' shared activities. */
export const SHARED_ACTIVITIES_SCHEMA = 7;
/** The first schema whose pull carries the owner's register and the kindergarten's equipment. */
export const REGISTER_SCHEMA = 8;

/** Most mutations one push may carry; more is refused whole (413 `batch_too_large`). */
export const MAX_BATCH = 1000;
/**
 * Most bytes one push body may have (413 `body_too_large`). A client cuts its batches at
 * MAX_BATCH mutations or at this many bytes of JSON, whichever comes first: a plan can hold
 * ~15,000 characters of text, so a thousand of them do not fit in any sensible request. Just
 * under 1 MiB, the default body limit of common proxies (nginx's `client_max_body_size 1m`);
 * adapter-node's own limit must be at least this (`BODY_SIZE_LIMIT=1M`, which `npm start` and
 * `npm run serve` set). A client that meets a 413 anyway sends smaller bodies (ADR 9).
 */
export const MAX_PUSH_BYTES = 1000 * 1024;
/**
 * Most changes one pull page returns, and about the most characters of record text it carries
 * (a page ends after the change that passes PULL_PAGE_CHARS; it always holds at least one).
 * Fewer, larger pages make a first sync take fewer round trips, and a server answer fewer
 * requests (each signs the caller in and reads the sequence again); the byte budget keeps a page
 * of long plans (up to ~15,000 characters each) within what a tablet parses comfortably: 4 M
 * characters, about 4 MB of JSON, a few tens of milliseconds of `JSON.parse`.
 */
export const PULL_PAGE = 2000;
export const PULL_PAGE_CHARS = 4 * 1024 * 1024;

/** What a tablet writes and pushes. */
export const RECORD_TYPES = [
	'plan',
	'activity',
	'developmentPlan',
	'competenceAnswers',
	'digitalPlan'
] as const;
export type RecordType = (typeof RECORD_TYPES)[number];

/**
 * What a pull carries: the record types, and the owner's screen-time guidance and own competence
 * items, which only the owner's administrators edit (on the server) and every tablet of that
 * owner pulls (ADR 11, 37).
 */
export const CHANGE_TYPES = [
	...RECORD_TYPES,
	'guidance',
	'competenceItems',
	'toolRegister',
	'equipment'
] as const;
export type ChangeType = (typeof CHANGE_TYPES)[number];

/** Fields whose concurrent edits are kept as a conflict for a person to resolve. */
export const FREE_TEXT_FIELDS: Record<RecordType, readonly string[]> = {
	plan: ['title', 'goals', 'description', 'evaluation', 'privacy'],
	activity: [
		'title',
		'summary',
		'goals',
		'materials',
		'steps',
		'talkAbout',
		'staffTips',
		'privacy'
	],
	// Only the kindergarten's manager writes it: the last change of a field wins, and one written
	// over is logged (`sync_overwrite`) rather than kept for a person to resolve (ADR 28).
	developmentPlan: [],
	// A person's own answers, sent once per submission and never merged (ADR 32).
	competenceAnswers: [],
	// The same for the kindergarten's digital plan, also the manager's alone (ADR 34).
	digitalPlan: []
};

/** Record types only the kindergarten's manager writes; anyone else's change is `manager_only`. */
export const MANAGER_WRITTEN: ReadonlySet<RecordType> = new Set(['developmentPlan', 'digitalPlan']);
/**
 * Fields of a record type that only the kindergarten's manager changes: a mutation from anyone
 * else that changes one is `forbidden_field` with the field `manager_only` (ADR 38).
 */
export const MANAGER_FIELDS: Partial<Record<RecordType, readonly string[]>> = {
	activity: ['shared']
};

export { DEVICE_FIELDS, SERVER_DATA_FIELDS, SERVER_FIELDS } from './fields';

const uuid = z.uuid({ error: 'invalid_id' });
const count = (max: number) =>
	z
		.number()
		.check(
			z.refine(Number.isInteger, 'not_integer'),
			z.minimum(0, 'too_small'),
			z.maximum(max, 'too_big')
		);

/** Longest field name a mutation may carry (no record has one near it). */
const MAX_FIELD_NAME = 64;

const isFieldMap = (value: unknown): value is Record<string, unknown> =>
	value !== null && typeof value === 'object' && !Array.isArray(value);

/**
 * A mutation's fields: an object of any values, its names at most MAX_FIELD_NAME long (the
 * server judges names and values against the record type). Taken as it is, not copied key by
 * key as `z.record` would: a push carries a thousand of them.
 */
const fieldMap = z.custom<Record<string, unknown>>(isFieldMap, { error: 'invalid_type' }).check(
	z.superRefine((fields, ctx) => {
		for (const key of Object.keys(fields)) {
			if (key.length > MAX_FIELD_NAME) {
				ctx.addIssue({ code: 'custom', path: [key], message: 'invalid_key', input: key });
			}
		}
	})
);

export const mutationSchema = z.strictObject({
	/** Per client, increasing by one from 1. */
	id: count(Number.MAX_SAFE_INTEGER),
	recordId: uuid,
	type: z.enum(RECORD_TYPES),
	op: z.enum(['put', 'delete', 'restore']),
	/** The server revision the edit was made on; null for a record the client created. */
	baseRev: z.nullable(count(Number.MAX_SAFE_INTEGER)),
	/** For `put`: only the fields that changed, with their new values. */
	fields: fieldMap,
	/** The client's clock, for display only: it never orders anything. */
	at: z.iso.datetime()
});
export type Mutation = z.infer<typeof mutationSchema>;

export const pushRequestSchema = z.strictObject({
	protocol: count(1_000),
	schema: count(1_000),
	clientId: uuid,
	mutations: z.array(mutationSchema)
});
export type PushRequest = z.infer<typeof pushRequestSchema>;

export type MutationStatus = 'applied' | 'skipped' | 'rejected' | 'conflict';

export interface MutationResult {
	id: number;
	status: MutationStatus;
	/**
	 * Reason code for `rejected` and `conflict`; on `skipped`, the reason the server refused it
	 * the first time (that answer may have been lost).
	 */
	reason?: string;
	/** For `rejected`: the fields at fault, each with a reason code (`too_long`, `unknown_field`). */
	fields?: Record<string, string>;
	/** The record's revision after this mutation, when it changed the record. */
	rev?: number;
	/**
	 * With `rev`: the record at `rev` is what the tablet holds (its base, which nobody else
	 * changed since, with the fields it sent, stored as sent). The tablet takes `rev` as its
	 * record's revision and names it in its next pull's `known`, so the server does not send the
	 * record back (issue 18). Absent when the server stored anything else.
	 */
	exact?: true;
	/**
	 * With `exact`: the server's time of the write, which the record holds as `updatedAt` (and as
	 * `createdAt` when the mutation made it): the tablet takes it with the revision.
	 */
	at?: string;
}

/**
 * Revisions a pull may leave out (`known`): ranges `a-b` of revisions the tablet holds exactly
 * (`MutationResult.exact`), comma-separated, at most this many.
 */
export const MAX_KNOWN_RANGES = 32;

export interface PushResponse {
	results: MutationResult[];
	/** The highest mutation id of this client the server has taken (applied or rejected). */
	lastMutationId: number;
}

/** One record as pulled: its whole state at `rev`. A tombstone has `deletedAt` set. */
export interface Change {
	recordId: string;
	type: ChangeType;
	rev: number;
	/**
	 * The whole record as its domain schema reads it (activityPlanSchema, ownActivitySchema):
	 * the fields clients write plus those the server sets (`id`, `kindergartenId`, `createdAt`,
	 * `updatedAt`, `deletedAt`, and `origin: 'own'` for an activity). A tombstone keeps its
	 * fields, so that it can be restored. For `guidance`: the whole set, as guidanceSetSchema
	 * reads it; for `competenceItems`, as ownerItemSetSchema reads it.
	 */
	data: Record<string, unknown>;
	fieldRevs: Record<string, number>;
	deletedAt: string | null;
	updatedBy: string | null;
}

export interface PullResponse {
	changes: Change[];
	/**
	 * Protocol 2: the kindergarten the answer's record changes belong to unless their `data` names
	 * another (an activity another kindergarten shares).
	 */
	kindergartenId?: string;
	/**
	 * The server sequence this pull was read up to: the cursor its last page will return. A
	 * client shows how far a long pull has come from it (ADR 15). Optional: a server before it
	 * does not send it, and a client that does not know it ignores it.
	 */
	head?: number;
	/** Pass back as `cursor` for the next page. */
	cursor: number;
	hasMore: boolean;
}

/** A concurrent free-text edit, or an edit of a deleted record, kept for a person to resolve. */
export interface ConflictView {
	id: string;
	recordId: string;
	type: RecordType;
	field: string | null;
	kind: 'text' | 'deleted';
	serverValue: unknown;
	clientValue: unknown;
	/** When the client's version reached the server. */
	createdAt: string;
	/** Who made the client's version (their name as the server has it now). */
	clientUserId: string;
	clientUserName: string | null;
	/** Who wrote the server's version and when; null where the server does not know. */
	serverUserId: string | null;
	serverUserName: string | null;
	serverAt: string | null;
}

/** Reason codes of the sync endpoints. */
export const SYNC_REASONS = [
	'protocol_unsupported', // 426: the client must update
	'batch_too_large', // 413
	'mutation_gap', // 409: a mutation id was skipped; the batch changed nothing. The error body
	// carries `expected` (the next mutation id the server takes) and `lastMutationId`.
	'cursor_from_future', // 400
	'reset_required', // 409: scope changed or cursor older than the tombstone horizon; the body
	// says which (`because`: `scope_changed`, `unknown_client` or `cursor_expired`)
	'out_of_scope', // per mutation: the record belongs to another kindergarten or owner
	'invalid_record', // per mutation: the fields break the record's schema
	'server_field', // per mutation: sent a field only the server sets
	'not_found', // per mutation: delete or restore of a record that does not exist, or an edit
	// of one whose tombstone passed the horizon
	'forbidden_field', // per mutation: a field the caller's role may not set (a plan's approval)
	'manager_only', // per mutation: a record only a manager writes (MANAGER_WRITTEN)
	'period_closed', // per mutation: competence answers for a period no longer (or not yet) open
	'kindergarten_removed' // 410: no session, and the kindergarten the tablet holds (the
	// KINDERGARTEN_HEADER) was deleted with its data; the body's `kindergarten` names it (ADR 44)
] as const;
export type SyncReason = (typeof SYNC_REASONS)[number];

/**
 * The header every sync request carries: the kindergarten the tablet's database holds, so a
 * tablet whose session went with a deleted kindergarten still learns it is gone (ADR 44).
 */
export const KINDERGARTEN_HEADER = 'X-Lekeplan-Kindergarten';
