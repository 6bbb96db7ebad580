import type { ApiSchema } from '$lib/server/api/app';

/**
 * The owner's server's JSON API as the browser calls it. Every answer is a value, never a
 * throw: a network failure is `{ ok: false, status: 0, reason: 'offline' }`.
 *
 * The paths, the bodies and the answers are the server's route definitions (`ApiSchema`, a
 * type only: no server code reaches the browser), so no answer type is written here a second
 * time (ADR 17): `callApi('GET', '/kindergartens')` answers `{ kindergartens: [{ id, name }] }`
 * because the server's route does. A route with `:names` or a query takes its path from
 * `apiPath` (path.ts): `callApi('GET', apiPath('/groups/:id', { id }))`.
 */
export type ApiResult<T> =
	| { ok: true; status: number; data: T }
	| { ok: false; status: number; reason: string; fields: Record<string, string> };

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** The routes by path template, without `/api/v1`. */
type Routes = {
	[K in keyof ApiSchema as K extends `/api/v1${infer P}` ? P : never]: ApiSchema[K];
};
export type RouteTemplate = keyof Routes;

type Endpoint<M extends Method, P extends string> = P extends RouteTemplate
	? Routes[P][`$${Lowercase<M>}` & keyof Routes[P]]
	: never;

/** What a route takes: `param` for the template's `:names`, `query`, `json` for the body. */
export type ApiInput<M extends Method, P extends string> =
	Endpoint<M, P> extends infer E ? (E extends { input: infer I } ? I : never) : never;

/** What a route answers when it succeeds. */
export type ApiAnswer<M extends Method, P extends string> =
	Endpoint<M, P> extends infer E ? (E extends { output: infer O } ? O : never) : never;

/** What any method of a route takes (the `:names` and the query are the same for all). */
export type RouteInput<P extends RouteTemplate> = Routes[P][keyof Routes[P]] extends infer E
	? E extends { input: infer I }
		? I
		: never
	: never;

declare const template: unique symbol;
/** A path filled in from its route's template by `apiPath`; the template goes with it as a type. */
export type FilledPath<P extends RouteTemplate> = string & { readonly [template]: P };

/** Templates with `:names` or a query: their paths are filled in by `apiPath`. */
export type FillableTemplate = {
	[P in RouteTemplate]: RouteInput<P> extends infer I
		? I extends { param: unknown } | { query: unknown }
			? P
			: never
		: never;
}[RouteTemplate];

/** The paths `callApi(M, …)` takes: a template without `:names` as it is, the others filled in. */
export type ApiTarget<M extends Method> = {
	[P in RouteTemplate]: `$${Lowercase<M>}` extends keyof Routes[P]
		? P extends FillableTemplate
			? FilledPath<P>
			: P
		: never;
}[RouteTemplate];

type TemplateOf<T> = T extends FilledPath<infer P> ? P : T & string;

interface ErrorBody {
	error?: { reason?: string; fields?: Record<string, string> };
}

export async function callApi<M extends Method, T extends ApiTarget<M>>(
	method: M,
	path: T,
	...[body]: ApiInput<M, TemplateOf<T>> extends { json: infer J } ? [body: J] : []
): Promise<ApiResult<ApiAnswer<M, TemplateOf<T>>>> {
	return send(method, path, body === undefined ? undefined : JSON.stringify(body));
}

/**
 * A POST of JSON already written, gzipped on the way when `gzip` (a large push, issue 18: the
 * server inflates it within the same body limit). Answers as `callApi` does.
 */
export function postJson<T extends ApiTarget<'POST'>>(
	path: T,
	json: string,
	gzip: Uint8Array<ArrayBuffer> | null = null,
	headers: Record<string, string> = {}
): Promise<ApiResult<ApiAnswer<'POST', TemplateOf<T>>>> {
	return send('POST', path, gzip ?? json, gzip ? 'gzip' : null, headers);
}

async function send<T>(
	method: Method,
	path: string,
	body: string | Uint8Array<ArrayBuffer> | undefined,
	encoding: 'gzip' | null = null,
	headers: Record<string, string> = {}
): Promise<ApiResult<T>> {
	let response: Response;
	try {
		// Same-origin credentials are fetch's default: the session cookie goes with every call.
		response = await fetch(`/api/v1${path}`, {
			method,
			headers: {
				...headers,
				...(body !== undefined && {
					'content-type': 'application/json',
					...(encoding ? { 'content-encoding': encoding } : {})
				})
			},
			...(body !== undefined && { body })
		});
	} catch {
		return { ok: false, status: 0, reason: 'offline', fields: {} };
	}
	// An empty body (204) or one that is not JSON reads as null.
	let text: string;
	try {
		text = await response.text();
	} catch {
		// The connection broke while the answer was arriving: nothing usable came.
		return { ok: false, status: 0, reason: 'offline', fields: {} };
	}
	return answerOf<T>(response, text);
}

/** An answer read whole: its JSON, or why it is not a success. */
function answerOf<T>(response: Response, text: string): ApiResult<T> {
	let parsed: unknown = null;
	try {
		parsed = text === '' ? null : JSON.parse(text);
	} catch {
		// Not JSON: a proxy's page, or an answer cut short. Never taken as the route's answer.
		if (response.ok) {
			return { ok: false, status: response.status, reason: 'unexpected_answer', fields: {} };
		}
	}
	if (response.ok) {
		return { ok: true, status: response.status, data: parsed as T };
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
/**
 * A GET whose answer is read as it arrives (the sync's pull, issue 18). `onBytes` hears how many
 * bytes have come so far. An answer that stops arriving for `stallMs` is given up as `stalled`
 * (status 0, like a lost network, so the caller retries); however long it takes in all, it is
 * never given up while bytes keep coming: a slow line is not a dead one.
 */
export async function getStreamed<T extends ApiTarget<'GET'>>(
	path: T,
	{
		stallMs,
		onBytes,
		headers = {}
	}: { stallMs: number; onBytes?: (bytes: number) => void; headers?: Record<string, string> }
): Promise<ApiResult<ApiAnswer<'GET', TemplateOf<T>>>> {
	const controller = new AbortController();
	let stalled = false;
	let timer: ReturnType<typeof setTimeout> | undefined;
	const watch = () => {
		clearTimeout(timer);
		timer = setTimeout(() => {
			stalled = true;
			controller.abort();
		}, stallMs);
	};
	watch();
	try {
		const response = await fetch(`/api/v1${path}`, {
			method: 'GET',
			headers,
			signal: controller.signal
		});
		watch();
		let text = '';
		if (response.body) {
			const reader = response.body.getReader();
			const decoder = new TextDecoder();
			let bytes = 0;
			for (;;) {
				const { done, value } = await reader.read();
				if (done) break;
				watch();
				bytes += value.byteLength;
				text += decoder.decode(value, { stream: true });
				onBytes?.(bytes);
			}
			text += decoder.decode();
		}
		return answerOf(response, text);
	} catch {
		return { ok: false, status: 0, reason: stalled ? 'stalled' : 'offline', fields: {} };
	} finally {
		clearTimeout(timer);
	}
}

export type SignedInUser = NonNullable<ApiAnswer<'GET', '/me'>['user']>;
export type Role = SignedInUser['role'];
export type ServerKindergarten = ApiAnswer<'GET', '/kindergartens/:id'>['kindergarten'];
export type ServerGroup = ApiAnswer<'GET', '/groups/:id'>['group'];
export type ServerUser = ApiAnswer<'GET', '/users'>['users'][number];
/** An invitation as listed; a new one also carries its `token` and `url`, once. */
export type ServerInvitation = ApiAnswer<'GET', '/invitations'>['invitations'][number] &
	Partial<Pick<ApiAnswer<'POST', '/invitations'>['invitation'], 'token' | 'url'>>;
/** A page of the audit log (refusals grouped; `next` asks for the page after it), and a row. */
export type AuditPage = ApiAnswer<'GET', '/audit'>;
export type AuditEntry = AuditPage['entries'][number];
