import { promisify } from 'node:util';
import {
	brotliCompress,
	brotliCompressSync,
	constants as zlibConstants,
	gunzip,
	gzip,
	gzipSync
} from 'node:zlib';
import type { z } from 'zod/mini';
import { problemsOf } from '$lib/domain/plan';
import { FAIL, fastParser } from '../fast-parse';

/**
 * An answer other than success, with a reason code a client can act on (docs/design/bad-input.md):
 * 400 unparseable, 401/403, 404, 409 conflict, 413 too large, 415 wrong type, 422 invalid
 * meaning, 429 too many. Never a 500 for a caller's mistake.
 */
export class ApiError extends Error {
	constructor(
		readonly status: number,
		readonly reason: string,
		readonly fields?: Record<string, string>,
		readonly headers?: Record<string, string>,
		/** More for the client to act on, beside `reason` (e.g. `expected` of a mutation gap). */
		readonly details?: Record<string, unknown>
	) {
		super(`${status} ${reason}`);
		this.name = 'ApiError';
	}
}

export const BODY_LIMIT_BYTES = 64 * 1024;

/**
 * A body already written as JSON (e.g. spliced from JSON the database stores), as text or as its
 * UTF-8 bytes, sent as it is by `json`. `T` is the value it reads back as.
 */
export class JsonText<T = unknown> {
	declare readonly value?: T;
	constructor(readonly body: string | Uint8Array<ArrayBuffer>) {}
}

/** A `JsonText` of bytes: what `encodedJson` takes. */
export class JsonBytes<T = unknown> extends JsonText<T> {
	declare readonly body: Uint8Array<ArrayBuffer>;
	constructor(body: Uint8Array<ArrayBuffer>) {
		super(body);
	}
}

/**
 * JSON text written in pieces straight into UTF-8 bytes. For a pull's answer of a thousand
 * records (a megabyte and more) this is several times quicker than joining the pieces into one
 * string and encoding that, which is what a `Response` of a string does.
 */
export class Utf8Writer {
	#buffer: Buffer;
	#length = 0;

	constructor(capacity = 64 * 1024) {
		// Never a slice of Node's shared pool: the bytes are handed on as a view.
		this.#buffer = Buffer.allocUnsafeSlow(Math.max(1024, capacity));
	}

	push(...texts: string[]): void {
		for (const text of texts) this.write(text);
	}

	/** One text: what a pull calls thousands of times a page (no array of arguments). */
	write(text: string): void {
		// At most three bytes per UTF-16 unit (a surrogate pair: four for two).
		const most = this.#length + text.length * 3;
		if (most > this.#buffer.length) {
			const grown = Buffer.allocUnsafeSlow(Math.max(most, this.#buffer.length * 2));
			this.#buffer.copy(grown, 0, 0, this.#length);
			this.#buffer = grown;
		}
		this.#length += this.#buffer.write(text, this.#length, 'utf8');
	}

	/** The bytes written so far (a view, not a copy). */
	bytes(): Uint8Array<ArrayBuffer> {
		// allocUnsafeSlow's memory is an ArrayBuffer of its own (never shared).
		const memory = this.#buffer.buffer as ArrayBuffer;
		return new Uint8Array(memory, this.#buffer.byteOffset, this.#length);
	}
}

/** The headers of every JSON answer, beside `headers`: its type, never cached, and `Vary`. */
function jsonHeaders(headers: HeadersInit = {}): Headers {
	const h = new Headers(headers);
	h.set('content-type', 'application/json; charset=utf-8');
	h.set('cache-control', 'no-store');
	// Every JSON answer may go compressed (`compressed`), so its bytes depend on the header.
	if (!varies(h)) h.append('vary', 'Accept-Encoding');
	return h;
}

export function json(status: number, body: unknown, headers: HeadersInit = {}): Response {
	const h = jsonHeaders(headers);
	if (body instanceof JsonText && typeof body.body !== 'string') {
		h.set('content-length', String(body.body.byteLength));
		return bytesResponse(body.body, status, h);
	}
	const payload =
		status === 204 ? null : body instanceof JsonText ? body.body : JSON.stringify(body);
	return new Response(payload, { status, headers: h });
}

/** The bytes of answers made by `bytesResponse`, for `compressed` to take without reading the stream. */
const bodies = new WeakMap<Response, Uint8Array<ArrayBuffer>>();

/**
 * An answer of bytes, sent as a stream of that one chunk: a Response made of the bytes themselves
 * would copy them first (the Fetch standard's "extract a body"), megabytes for a pull.
 */
function bytesResponse(bytes: Uint8Array<ArrayBuffer>, status: number, headers: Headers): Response {
	const stream = new ReadableStream<Uint8Array>({
		start(controller) {
			controller.enqueue(bytes);
			controller.close();
		}
	});
	const response = new Response(stream, { status, headers });
	bodies.set(response, bytes);
	return response;
}

const gzipAsync = promisify(gzip);
const brotliAsync = promisify(brotliCompress);

/** Answers smaller than this go as they are: compressing them saves less than its headers. */
export const COMPRESS_MIN_BYTES = 1024;

/**
 * Levels chosen by measurement (ADR 27): on a 2.5 MB pull page of plans, brotli at quality 3 took
 * 15 ms for 114 KB and gzip at level 6 10 ms for 183 KB (level 1: 6 ms, 208 KB; level 9: 26 ms,
 * 181 KB; brotli 5: 43 ms, 106 KB).
 */
export const BROTLI_QUALITY = 3;
export const GZIP_LEVEL = 6;
/**
 * Large answers (a first sync's pages) at brotli quality 5: on 10,000 varied plans in compact
 * pages (issue 18, protocol 2), quality 3 sent 1.08× the plans' gzipped JSON and quality 5
 * 0.93×, for ~26 ms instead of ~12 ms of the thread pool per 2,000-plan page: on a slow line
 * those bytes take seconds. Small answers (the 50-client load's pulls) stay at quality 3.
 */
export const BROTLI_LARGE_QUALITY = 5;
export const BROTLI_LARGE_FROM_BYTES = 256 * 1024;
/**
 * Small answers (a pull of a few changes, most answers but a first sync's) are compressed on the
 * event loop at brotli quality 1. Measured on a pull of 10 plans (6.7 KB): quality 1 took 26 µs
 * for 3,509 bytes, quality 3 65 µs for 3,460; on the thread pool either cost about 300 µs of CPU
 * (the stream, the hand-over and back), a third of what the whole pull costs under 50 clients.
 * At 64 KB quality 1 takes about 0.25 ms, the longest an answer holds the event loop.
 */
export const BROTLI_SMALL_QUALITY = 1;
export const COMPRESS_ON_LOOP_BELOW_BYTES = 64 * 1024;

/** An answer's bytes compressed: small ones at once on the event loop, larger on the thread pool. */
async function pack(bytes: Uint8Array, encoding: 'br' | 'gzip'): Promise<Buffer> {
	const size = bytes.byteLength;
	if (size < COMPRESS_ON_LOOP_BELOW_BYTES) {
		return encoding === 'br'
			? brotliCompressSync(bytes, {
					params: {
						[zlibConstants.BROTLI_PARAM_QUALITY]: BROTLI_SMALL_QUALITY,
						[zlibConstants.BROTLI_PARAM_SIZE_HINT]: size
					}
				})
			: gzipSync(bytes, { level: GZIP_LEVEL });
	}
	return encoding === 'br'
		? brotliAsync(bytes, {
				params: {
					[zlibConstants.BROTLI_PARAM_QUALITY]:
						size >= BROTLI_LARGE_FROM_BYTES ? BROTLI_LARGE_QUALITY : BROTLI_QUALITY,
					[zlibConstants.BROTLI_PARAM_SIZE_HINT]: size
				}
			})
		: gzipAsync(bytes, { level: GZIP_LEVEL });
}

/** Whether the headers say the answer depends on `Accept-Encoding`. */
function varies(headers: Headers): boolean {
	return /(^|,)\s*accept-encoding\s*(,|$)/i.test(headers.get('vary') ?? '');
}

/** Which encoding of an answer the caller takes (`Accept-Encoding`): brotli first, then gzip. */
export function answerEncoding(accept: string | null): 'br' | 'gzip' | null {
	const offered = new Map<string, number>();
	for (const part of (accept ?? '').split(',')) {
		const [name, ...params] = part.trim().toLowerCase().split(';');
		if (!name) continue;
		const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
		offered.set(name, q === undefined ? 1 : Number(q));
	}
	const takes = (name: string) => (offered.get(name) ?? offered.get('*') ?? 0) > 0;
	if (takes('br')) return 'br';
	if (takes('gzip')) return 'gzip';
	return null;
}

/**
 * The answer compressed for a caller that accepts it (issue 18): JSON answers of at least
 * COMPRESS_MIN_BYTES, on libuv's thread pool. An answer already encoded (by a route, or by
 * `encodedJson`) stays as it is; `Vary: Accept-Encoding` tells a cache or proxy in front that
 * the bytes depend on it.
 */
export async function compressed(response: Response, accept: string | null): Promise<Response> {
	const type = response.headers.get('content-type') ?? '';
	if (!type.startsWith('application/json') || response.headers.has('content-encoding')) {
		return response;
	}
	const encoding = answerEncoding(accept);
	const length = Number(response.headers.get('content-length') ?? Number.NaN);
	const plain =
		!encoding || !response.body || (Number.isFinite(length) && length < COMPRESS_MIN_BYTES);
	// An answer of `json()` says Vary already: sent plain, it goes on as it is, not copied.
	if (plain && varies(response.headers)) return response;
	const headers = new Headers(response.headers);
	if (!varies(headers)) headers.append('vary', 'Accept-Encoding');
	if (plain) return new Response(response.body, { status: response.status, headers });
	// An answer of `json()`'s bytes is taken as it is, not read back from its stream.
	const bytes = bodies.get(response) ?? new Uint8Array(await response.arrayBuffer());
	return encodedBytes(bytes, response.status, headers, encoding);
}

/**
 * `json()` of a `JsonText` of bytes, already compressed for `accept` as `compressed` would: one
 * answer made, not one of the plain bytes and another of the compressed (each answer's stream
 * cost a pull of ten changes under 50 clients about a twentieth of its time; issue 18).
 */
export function encodedJson(
	status: number,
	body: JsonBytes,
	accept: string | null
): Promise<Response> {
	return encodedBytes(body.body, status, jsonHeaders(), answerEncoding(accept));
}

/** An answer of JSON bytes, compressed by `encoding` when there are enough of them. */
async function encodedBytes(
	bytes: Uint8Array<ArrayBuffer>,
	status: number,
	headers: Headers,
	encoding: 'br' | 'gzip' | null
): Promise<Response> {
	if (!encoding || bytes.byteLength < COMPRESS_MIN_BYTES) {
		headers.set('content-length', String(bytes.byteLength));
		return bytesResponse(bytes, status, headers);
	}
	const packed = await pack(bytes, encoding);
	headers.set('content-encoding', encoding);
	headers.set('content-length', String(packed.byteLength));
	// As `json()` does: one chunk, not a copy of the bytes.
	const body = new Uint8Array(packed.buffer as ArrayBuffer, packed.byteOffset, packed.byteLength);
	return bytesResponse(body, status, headers);
}

/** A CSV download (the audit log's): never cached, saved under `filename`. */
export function csvResponse({ csv, filename }: { csv: string; filename: string }): Response {
	return new Response(csv, {
		status: 200,
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="${filename}"`,
			'cache-control': 'no-store'
		}
	});
}

export function errorResponse(error: ApiError): Response {
	return json(
		error.status,
		{
			error: {
				status: error.status,
				reason: error.reason,
				...(error.fields ? { fields: error.fields } : {}),
				...Object.fromEntries(
					Object.entries(error.details ?? {}).filter(
						([key]) => !['status', 'reason', 'fields'].includes(key)
					)
				)
			}
		},
		error.headers ?? {}
	);
}

/**
 * Most bytes of a body over its limit that are read (and dropped) so that the 413 reaches the
 * caller. Beyond it the stream is cancelled, which resets the connection: a caller that sends
 * this much after its limit is not one whose answer matters.
 */
export const DRAIN_LIMIT_BYTES = 16 * 1024 * 1024;

/**
 * Reads the rest of a body over its limit and drops it, so the 413 is an answer, not a reset.
 * A body without a declared length (`Transfer-Encoding: chunked`) is only known to be too large
 * once part of it has been read; cancelling the stream then would make adapter-node destroy the
 * request, and the caller, still sending, would see the connection reset instead of the 413.
 * SvelteKit's own limit (BODY_SIZE_LIMIT) may end the stream first: that is an end too.
 */
async function drain(reader: ReadableStreamDefaultReader<Uint8Array>, read: number): Promise<void> {
	let size = read;
	try {
		for (;;) {
			const { done, value } = await reader.read();
			if (done) return;
			size += value.byteLength;
			if (size > DRAIN_LIMIT_BYTES) {
				await reader.cancel();
				return;
			}
		}
	} catch {
		// The stream ended with an error (SvelteKit's limit, a caller gone): nothing left to read.
	}
}

const gunzipAsync = promisify(gunzip);

/**
 * A gzip body inflated, never past `limit` bytes: zlib stops at `maxOutputLength`, so a small
 * body that would inflate to gigabytes costs at most `limit` of memory and is a 413 (issue 18).
 * Inflated on libuv's thread pool, off the event loop.
 */
async function inflated(bytes: Buffer, limit: number): Promise<Buffer> {
	try {
		return await gunzipAsync(bytes, { maxOutputLength: limit });
	} catch (error) {
		if ((error as { code?: unknown }).code === 'ERR_BUFFER_TOO_LARGE') {
			throw new ApiError(413, 'body_too_large');
		}
		throw new ApiError(400, 'malformed_json');
	}
}

/**
 * Reads a JSON body: the right content type, within the size limit, well-formed. A body may come
 * gzipped (`Content-Encoding: gzip`, what a tablet sends for a large push); the limit holds for
 * the bytes read and again for the inflated JSON. Any other encoding is a 415.
 */
export async function readJson(request: Request, limit = BODY_LIMIT_BYTES): Promise<unknown> {
	const type = request.headers.get('content-type') ?? '';
	if (!/^application\/json\s*(;|$)/i.test(type)) {
		throw new ApiError(415, 'unsupported_media_type');
	}
	const encoding = (request.headers.get('content-encoding') ?? 'identity').trim().toLowerCase();
	if (encoding !== 'identity' && encoding !== 'gzip') {
		throw new ApiError(415, 'unsupported_encoding');
	}
	const declared = Number(request.headers.get('content-length') ?? '0');
	if (declared > limit) throw new ApiError(413, 'body_too_large');
	const body = request.body;
	if (!body) throw new ApiError(400, 'malformed_json');
	const reader = body.getReader();
	const chunks: Uint8Array[] = [];
	let size = 0;
	for (;;) {
		let chunk: ReadableStreamReadResult<Uint8Array>;
		try {
			chunk = await reader.read();
		} catch (error) {
			// The stream failed under us: SvelteKit's own body limit (a 413 of its own) or a
			// caller that went away. Either way, not a server fault.
			const status = (error as { status?: unknown } | null)?.status;
			throw status === 413
				? new ApiError(413, 'body_too_large')
				: new ApiError(400, 'malformed_json');
		}
		const { done, value } = chunk;
		if (done) break;
		size += value.byteLength;
		if (size > limit) {
			await drain(reader, size);
			throw new ApiError(413, 'body_too_large');
		}
		chunks.push(value);
	}
	const raw = Buffer.concat(chunks, size);
	const bytes = encoding === 'gzip' ? await inflated(raw, limit) : raw;
	// As TextDecoder would read it (bad bytes become U+FFFD, a byte-order mark is dropped), at
	// less cost for the large bodies of a push.
	const decoded = bytes.toString('utf8');
	const text = decoded.charCodeAt(0) === 0xfeff ? decoded.slice(1) : decoded;
	try {
		return JSON.parse(text) as unknown;
	} catch {
		throw new ApiError(400, 'malformed_json');
	}
}

/** Reason codes for rules between fields and domain meaning: these answer 422, not 400. */
const MEANING = new Set([
	'age_max_before_min',
	'personal_number',
	'password_too_short',
	'password_too_long',
	'too_long',
	'too_small',
	'too_big',
	'not_integer',
	'invalid_email',
	'required',
	'missing_band',
	'unknown_basis',
	'invalid_url',
	'invalid_date',
	'end_before_start',
	'below_min'
]);

/**
 * Issues that mean the body has the wrong shape whatever message a schema gives them: a missing
 * field or a number where text belongs is `required` to a form, but a 400 to the API.
 */
const SHAPE = new Set([
	'invalid_type',
	'unrecognized_keys',
	'invalid_union',
	'invalid_key',
	'invalid_element'
]);

/** NUL (which PostgreSQL cannot store in text) or a lone surrogate (not well-formed Unicode). */
export const badText = (text: string) => text.includes('\u0000') || !text.isWellFormed();

/** The fields of a parsed body (flat, strict objects) whose text cannot be stored as it is. */
function badTextFields(value: unknown): Record<string, string> {
	const fields: Record<string, string> = {};
	if (typeof value === 'string') {
		if (badText(value)) fields['_'] = 'invalid_character';
	} else if (value !== null && typeof value === 'object') {
		for (const [key, item] of Object.entries(value)) {
			if (typeof item === 'string' && badText(item)) fields[key] = 'invalid_character';
		}
	}
	return fields;
}

/** Each body schema's quick parser (see fast-parse.ts), made on first use. */
const QUICK = new WeakMap<object, (input: unknown) => unknown>();

function quickParser<T>(schema: z.ZodMiniType<T>): (input: unknown) => T | typeof FAIL {
	let parse = QUICK.get(schema);
	if (!parse) {
		parse = fastParser(schema);
		QUICK.set(schema, parse);
	}
	return parse as (input: unknown) => T | typeof FAIL;
}

/**
 * Parses with a zod schema. Wrong shape or type (missing field, extra field, a number where
 * text belongs) is 400 `invalid_body`, and so is text no database can store (NUL, a lone
 * surrogate); a well-formed body that breaks a rule (too long, empty name, an age out of range
 * or the wrong way round) is 422 `invalid_value`. Both name the fields.
 */
export function parseWith<T>(schema: z.ZodMiniType<T>, value: unknown): T {
	const quick = quickParser(schema)(value);
	if (quick !== FAIL) {
		const bad = badTextFields(quick);
		if (Object.keys(bad).length === 0) return quick;
	}
	const parsed = schema.safeParse(value);
	if (parsed.success) {
		const bad = badTextFields(parsed.data);
		if (Object.keys(bad).length > 0) throw new ApiError(400, 'invalid_body', bad);
		return parsed.data;
	}
	const fields = fieldCodes(parsed.error);
	const wrongShape = parsed.error.issues.some((issue) => SHAPE.has(issue.code));
	const onlyMeaning = !wrongShape && Object.values(fields).every((code) => MEANING.has(code));
	throw new ApiError(
		onlyMeaning ? 422 : 400,
		onlyMeaning ? 'invalid_value' : 'invalid_body',
		fields
	);
}

/**
 * One reason code per field (`privacy.consent`, `_` for the whole) from a zod error: the
 * schema's own code where it has one, else a code for the kind of problem, never zod's sentence.
 */
export function fieldCodes(error: z.core.$ZodError): Record<string, string> {
	const problems = problemsOf(error);
	// zod's own messages are sentences; a client gets a code for the kind of problem instead.
	const shapeCode: Record<string, string> = {
		invalid_type: 'invalid_type',
		invalid_value: 'invalid_option',
		unrecognized_keys: 'unknown_field',
		invalid_format: 'invalid_format',
		invalid_union: 'invalid_type',
		invalid_key: 'invalid_key'
	};
	for (const issue of error.issues) {
		const key =
			issue.path
				.map(String)
				.filter((p) => !/^\d+$/.test(p))
				.join('.') || '_';
		const code = shapeCode[issue.code];
		if (code && problems[key] && /\s/.test(problems[key].code)) problems[key] = { code };
		if (issue.code === 'invalid_type' && problems[key]) problems[key] = { code: 'invalid_type' };
	}
	return Object.fromEntries(Object.entries(problems).map(([k, v]) => [k, v.code]));
}
