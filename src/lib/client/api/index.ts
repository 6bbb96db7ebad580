import type { ApiSchema } from '$lib/server/api/app';

/**
 * The owner's server's JSON API as the browser calls it. Every answer is a value, never a
 * throw: a network failure is `{ ok: false, status: 0, reason: 'offline' }`.
 *
 * The paths, what each takes and what it answers are the server's route definitions
 * (`ApiSchema`, a type only: no server code reaches the browser), so no answer type is written
 * here a second time: `callApi('GET', '/kindergartens/:id', { param: { id } })` answers
 * `{ kindergarten: { id, name } }` because the server's route does.
 */
export type ApiResult<T> =
	| { ok: true; status: number; data: T }
	| { ok: false; status: number; reason: string; fields: Record<string, string> };

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** The routes by path, without `/api/v1`. */
type Routes = {
	[K in keyof ApiSchema as K extends `/api/v1${infer P}` ? P : never]: ApiSchema[K];
};

/** The paths that answer `M`. */
export type ApiPath<M extends Method> = {
	[P in keyof Routes]: `$${Lowercase<M>}` extends keyof Routes[P] ? P : never;
}[keyof Routes];

type Endpoint<M extends Method, P extends keyof Routes> = Routes[P][`$${Lowercase<M>}` &
	keyof Routes[P]];

/** What a route takes: `param` for the path's `:names`, `json` for the body, `query`. */
export type ApiInput<M extends Method, P extends keyof Routes> =
	Endpoint<M, P> extends infer E ? (E extends { input: infer I } ? I : never) : never;

/** What a route answers when it succeeds. */
export type ApiAnswer<M extends Method, P extends keyof Routes> =
	Endpoint<M, P> extends infer E ? (E extends { output: infer O } ? O : never) : never;

interface Sent {
	param?: Record<string, string>;
	json?: unknown;
	query?: Record<string, string>;
}

interface ErrorBody {
	error?: { reason?: string; fields?: Record<string, string> };
}

export async function callApi<M extends Method, P extends ApiPath<M>>(
	method: M,
	path: P,
	...[input]: object extends ApiInput<M, P> ? [input?: ApiInput<M, P>] : [ApiInput<M, P>]
): Promise<ApiResult<ApiAnswer<M, P>>> {
	const { param = {}, json, query } = (input ?? {}) as Sent;
	let url = `/api/v1${path.replace(/:(\w+)/g, (_, name: string) => encodeURIComponent(param[name]!))}`;
	if (query) url += `?${new URLSearchParams(query).toString()}`;
	let response: Response;
	try {
		response = await fetch(url, {
			method,
			credentials: 'same-origin',
			headers: json === undefined ? {} : { 'content-type': 'application/json' },
			...(json === undefined ? {} : { body: JSON.stringify(json) })
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
	if (response.ok) {
		return { ok: true, status: response.status, data: parsed as ApiAnswer<M, P> };
	}
	const error = (parsed as ErrorBody | null)?.error;
	return {
		ok: false,
		status: response.status,
		reason: error?.reason ?? (response.status >= 500 ? 'server_error' : 'unexpected_answer'),
		fields: error?.fields ?? {}
	};
}

// The server's answers under the names the pages use.
export type SignedInUser = ApiAnswer<'GET', '/me'>['user'];
export type Role = SignedInUser['role'];
export type ServerKindergarten = ApiAnswer<'GET', '/kindergartens/:id'>['kindergarten'];
export type ServerGroup = ApiAnswer<'GET', '/groups/:id'>['group'];
export type ServerUser = ApiAnswer<'GET', '/users'>['users'][number];
/** An invitation as listed; a new one also carries its `token` and `url`, once. */
export type ServerInvitation = ApiAnswer<'GET', '/invitations'>['invitations'][number] &
	Partial<Pick<ApiAnswer<'POST', '/invitations'>['invitation'], 'token' | 'url'>>;
export type AuditEntry = ApiAnswer<'GET', '/audit'>['entries'][number];
