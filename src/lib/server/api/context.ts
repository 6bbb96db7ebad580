import { Hono, type TypedResponse } from 'hono';
import type { StatusCode } from 'hono/utils/http-status';
import type { JSONParsed } from 'hono/utils/types';
import type { ServerDeps } from '../deps';
import { encodedJson, json, type JsonBytes, type JsonText } from './http';

/**
 * What every route of the JSON API is given: the server's dependencies and the caller's
 * address, handed in by the entry (`app.fetch(request, { deps, clientAddress })`), never read
 * from globals, so the tests run the same app on a database of their own.
 */
export interface ApiEnv {
	Bindings: { deps: ServerDeps; clientAddress: string };
}

/** A resource's routes: chained, so that their types reach the app's type (and the client). */
export const resource = () => new Hono<ApiEnv>();

/** The answer's JSON as the client reads it: a `JsonText<T>` reads back as `T`. */
type Answer<B> = B extends JsonText<infer T> ? T : JSONParsed<B>;

/**
 * A JSON answer (`json` of http.ts: bytes as one streamed chunk, `no-store`), typed with its
 * status and body for the route's definition, from which the browser's client takes its
 * answer types.
 */
export function reply<B, S extends StatusCode>(
	status: S,
	body: B,
	headers?: HeadersInit
): Response & TypedResponse<Answer<B>, S, 'json'> {
	return json(status, body, headers) as Response & TypedResponse<Answer<B>, S, 'json'>;
}

/**
 * `reply` of JSON bytes compressed here for the caller's `Accept-Encoding` (`encodedJson`), not
 * by the app around it: one answer made instead of two. For the sync's pull, the API's most
 * frequent answer.
 */
export async function encodedReply<T, S extends StatusCode>(
	accept: string | undefined,
	status: S,
	body: JsonBytes<T>
): Promise<Response & TypedResponse<Answer<JsonBytes<T>>, S, 'json'>> {
	return (await encodedJson(status, body, accept ?? null)) as Response &
		TypedResponse<Answer<JsonBytes<T>>, S, 'json'>;
}
