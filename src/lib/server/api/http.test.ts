import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
	ApiError,
	COMPRESS_ON_LOOP_BELOW_BYTES,
	compressed,
	DRAIN_LIMIT_BYTES,
	errorResponse,
	json,
	JsonText,
	readJson,
	Utf8Writer
} from './http';

/** A request whose body stream fails after its first chunk, as adapter-node's limit makes it. */
function failingRequest(error: unknown): Request {
	const body = new ReadableStream<Uint8Array>({
		start(controller) {
			controller.enqueue(new TextEncoder().encode('{"a":'));
		},
		pull(controller) {
			controller.error(error);
		}
	});
	return new Request('http://localhost/api/v1/x', {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body,
		duplex: 'half'
	} as RequestInit);
}

async function reasonOf(promise: Promise<unknown>): Promise<[number, string]> {
	try {
		await promise;
	} catch (error) {
		if (error instanceof ApiError) return [error.status, error.reason];
		throw error;
	}
	throw new Error('no error');
}

describe('readJson', () => {
	it('answers 413 when the framework’s own body limit stops the stream', async () => {
		const limit = Object.assign(new Error('Content-length exceeds limit'), { status: 413 });
		expect(await reasonOf(readJson(failingRequest(limit)))).toEqual([413, 'body_too_large']);
	});

	it('answers 400 when the stream fails otherwise (a caller that went away)', async () => {
		expect(await reasonOf(readJson(failingRequest(new Error('aborted'))))).toEqual([
			400,
			'malformed_json'
		]);
	});

	const bodyOf = (bytes: Uint8Array[]) =>
		new Request('http://localhost/api/v1/x', {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: new ReadableStream<Uint8Array>({
				start(controller) {
					for (const chunk of bytes) controller.enqueue(chunk);
					controller.close();
				}
			}),
			duplex: 'half'
		} as RequestInit);

	it('reads a body as TextDecoder would: split characters joined, a byte-order mark dropped, bad bytes replaced', async () => {
		const text = '{"title":"Blåbær på tur ✓"}';
		const bytes = new TextEncoder().encode(text);
		// Cut inside "å" (two bytes) and inside "✓" (three).
		const cuts = [10, 11, bytes.length - 4, bytes.length - 3];
		const chunks = [0, ...cuts].map((start, i) => bytes.slice(start, cuts[i] ?? bytes.length));
		expect(await readJson(bodyOf(chunks))).toEqual({ title: 'Blåbær på tur ✓' });
		const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...bytes]);
		expect(await readJson(bodyOf([bom]))).toEqual({ title: 'Blåbær på tur ✓' });
		const bad = new TextEncoder().encode('{"title":"a?b"}');
		bad[11] = 0xff;
		expect(await readJson(bodyOf([bad]))).toEqual({ title: 'a\ufffdb' });
	});
});

describe('readJson over its limit', () => {
	/** A body of `chunks` chunks of `size` bytes, without a declared length; counts what was read. */
	function chunkedBody(chunks: number, size: number) {
		const seen = { pulled: 0, cancelled: false };
		const body = new ReadableStream<Uint8Array>({
			pull(controller) {
				if (seen.pulled === chunks) return controller.close();
				seen.pulled++;
				controller.enqueue(new Uint8Array(size).fill(0x20));
			},
			cancel() {
				seen.cancelled = true;
			}
		});
		const request = new Request('http://localhost/api/v1/sync/push', {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body,
			duplex: 'half'
		} as RequestInit);
		return { request, seen };
	}

	it('reads the rest of a chunked body and answers 413, never cancelling it (which resets the connection)', async () => {
		const { request, seen } = chunkedBody(32, 64 * 1024);
		expect(await reasonOf(readJson(request, 1000 * 1024))).toEqual([413, 'body_too_large']);
		expect(seen).toEqual({ pulled: 32, cancelled: false });
	});

	it('gives up on a body that goes on far past its limit', async () => {
		const { request, seen } = chunkedBody(1_000_000, 64 * 1024);
		expect(await reasonOf(readJson(request, 64 * 1024))).toEqual([413, 'body_too_large']);
		expect(seen.cancelled).toBe(true);
		expect(seen.pulled * 64 * 1024).toBeLessThanOrEqual(DRAIN_LIMIT_BYTES + 2 * 64 * 1024);
	});
});

describe('errorResponse', () => {
	it('puts details beside the reason, never over it', async () => {
		const response = errorResponse(
			new ApiError(409, 'mutation_gap', undefined, undefined, {
				expected: 3,
				lastMutationId: 2,
				status: 200,
				reason: 'ok'
			})
		);
		expect(response.status).toBe(409);
		expect(await response.json()).toEqual({
			error: { status: 409, reason: 'mutation_gap', expected: 3, lastMutationId: 2 }
		});
	});
});

describe('Utf8Writer', () => {
	it('writes the same bytes as encoding the joined text, growing as it goes', () => {
		const pieces = [
			'{"changes":[',
			// Longer in bytes than in characters, and more than the writer holds at first.
			'ø'.repeat(3000),
			'{"title":"Blåbær på tur"}',
			',',
			'"Æ ø å – ✓ 🐝"',
			'\ud800 lone',
			'x'.repeat(5000),
			'🦔'.repeat(700),
			'ø'.repeat(3000),
			'"}'
		];
		const out = new Utf8Writer(16);
		for (const piece of pieces) out.push(piece);
		out.push('a', 'b', '');
		const expected = new TextEncoder().encode(pieces.join('') + 'ab');
		expect(Buffer.from(out.bytes()).equals(Buffer.from(expected))).toBe(true);
	});

	it('goes out whole, with its length, as one chunk of a stream', async () => {
		const out = new Utf8Writer();
		out.push('{"changes":[],"note":', JSON.stringify('æøå'), '}');
		const response = json(200, new JsonText(out.bytes()));
		expect(response.headers.get('content-length')).toBe(String(out.bytes().byteLength));
		expect(await response.json()).toEqual({ changes: [], note: 'æøå' });
	});

	it('is what a response sends and a client reads back', async () => {
		const out = new Utf8Writer();
		out.push('{"title":', JSON.stringify('Kodeløype med Bee-Bot 🐝'), '}');
		const response = new Response(out.bytes());
		expect(await response.json()).toEqual({ title: 'Kodeløype med Bee-Bot 🐝' });
	});
});

describe('compressed answers', () => {
	/** A JSON answer of about `size` bytes of varied text, as `json()` makes it. */
	function answerOf(size: number): { response: Response; text: string } {
		const notes: string[] = [];
		for (let i = 0, n = 0; n < size; i++, n += 40)
			notes.push(`Plan ${i}: ${(i * 7919) % 104729} ø`);
		const text = JSON.stringify({ notes });
		return { response: json(200, new JsonText(new TextEncoder().encode(text))), text };
	}

	for (const size of [4_000, COMPRESS_ON_LOOP_BELOW_BYTES * 2]) {
		for (const encoding of ['br', 'gzip'] as const) {
			it(`sends ${size} bytes as ${encoding} that reads back as the same JSON`, async () => {
				const { response, text } = answerOf(size);
				const answer = await compressed(response, `${encoding}, identity`);
				expect(answer.headers.get('content-encoding')).toBe(encoding);
				const bytes = Buffer.from(await answer.arrayBuffer());
				expect(answer.headers.get('content-length')).toBe(String(bytes.byteLength));
				expect(bytes.byteLength).toBeLessThan(text.length / 2);
				const back = encoding === 'br' ? brotliDecompressSync(bytes) : gunzipSync(bytes);
				expect(back.toString('utf8')).toBe(text);
			});
		}
	}

	it('reads an answer made of a stream of its own, not only one of json()', async () => {
		const { text } = answerOf(4_000);
		const response = new Response(text, { headers: { 'content-type': 'application/json' } });
		const answer = await compressed(response, 'br');
		const bytes = Buffer.from(await answer.arrayBuffer());
		expect(brotliDecompressSync(bytes).toString('utf8')).toBe(text);
	});
});
