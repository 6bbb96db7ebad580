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
	'kindergarten_deleted',
	'group_created',
	'group_deleted',
	'export',
	'deletion'
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** Who did what to which record, and when (UTC); never the payload. */
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
}
