import { describe, expect, it } from 'vitest';
import { ApiError, errorResponse, readJson } from './http';

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
