/**
 * The owner's server's JSON API as the browser calls it. Every answer is a value, never a
 * throw: a network failure is `{ ok: false, status: 0, reason: 'offline' }`.
 */
export type ApiResult<T> =
	| { ok: true; status: number; data: T }
	| { ok: false; status: number; reason: string; fields: Record<string, string> };

interface ErrorBody {
	error?: { reason?: string; fields?: Record<string, string> };
}

export async function callApi<T>(
	method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
	path: string,
	body?: unknown
): Promise<ApiResult<T>> {
	let response: Response;
	try {
		response = await fetch(`/api/v1${path}`, {
			method,
			credentials: 'same-origin',
			headers: body === undefined ? {} : { 'content-type': 'application/json' },
			...(body === undefined ? {} : { body: JSON.stringify(body) })
		});
	} catch {
		return { ok: false, status: 0, reason: 'offline', fields: {} };
	}
	const text = await response.text();
	let parsed: unknown;
	try {
		parsed = text ? JSON.parse(text) : null;
	} catch {
		parsed = null;
	}
	if (response.ok) return { ok: true, status: response.status, data: parsed as T };
	const error = (parsed as ErrorBody | null)?.error;
	return {
		ok: false,
		status: response.status,
		reason: error?.reason ?? (response.status >= 500 ? 'server_error' : 'unexpected_answer'),
		fields: error?.fields ?? {}
	};
}

export type Role = 'staff' | 'manager' | 'ownerAdmin' | 'parent';

export interface SignedInUser {
	userId: string;
	ownerId: string;
	role: Role;
	kindergartenId: string | null;
	groupId: string | null;
	displayName: string;
	email: string | null;
}

export interface ServerKindergarten {
	id: string;
	name: string;
}

export interface ServerGroup {
	id: string;
	kindergartenId: string;
	name: string;
	ageMin: number;
	ageMax: number;
}

export interface ServerUser {
	id: string;
	email: string | null;
	displayName: string;
	role: Role;
	kindergartenId: string | null;
	groupId: string | null;
	disabled: boolean;
	signInMethods: Array<'password' | 'oidc'>;
}

export interface ServerInvitation {
	id: string;
	role: Role;
	kindergartenId: string | null;
	groupId: string | null;
	displayName: string;
	createdAt: string;
	expiresAt: string;
	status: 'pending' | 'accepted' | 'revoked' | 'expired';
	token?: string;
	url?: string;
}

/** One row of the audit log; refusals come grouped (`count` > 1, `firstAt` … `at`). */
export interface AuditEntry {
	id: string;
	at: string;
	firstAt: string;
	count: number;
	action: string;
	reason: string | null;
	actorUserId: string | null;
	actorName: string | null;
	actorEmail: string | null;
	kindergartenId: string | null;
	kindergartenName: string | null;
	targetType: string | null;
	targetId: string | null;
	targetName: string | null;
	changes: Record<string, [unknown, unknown]> | null;
}

/** A page of the audit log; `next` asks for the page after it. */
export interface AuditPage {
	entries: AuditEntry[];
	next: string | null;
}
