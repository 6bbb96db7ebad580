import { getStreamed, postJson } from '$lib/client/api';
import { apiPath } from '$lib/client/api/path';
import { KINDERGARTEN_HEADER } from '$lib/sync/protocol';
import type { SyncTransport } from './engine';

/** Push bodies from this size go gzipped (issue 18): below it, the saving is a few packets. */
export const GZIP_FROM_BYTES = 8 * 1024;

/**
 * A pull's answer that stops arriving for this long is given up and pulled again (from the last
 * stored page). Not a limit on the whole answer: a 4 MB page on a 1 Mbit/s line takes over 30 s,
 * and keeps coming all the while (issue 18).
 */
export const PULL_STALL_MS = 30_000;

/** False once the server refused a gzipped body (415): then this tab sends them plain. */
let serverInflates = true;

/** `text` gzipped by the browser's CompressionStream, or null where there is none. */
export async function gzipped(text: string): Promise<Uint8Array<ArrayBuffer> | null> {
	if (typeof CompressionStream === 'undefined') return null;
	const stream = new Blob([text]).stream().pipeThrough(new CompressionStream('gzip'));
	return new Uint8Array(await new Response(stream).arrayBuffer());
}

/**
 * The engine's transport in the browser: the owner's server's sync endpoints, over `fetch`.
 * Every request names the kindergarten the tablet's database holds (`KINDERGARTEN_HEADER`), so
 * a tablet whose session went with a deleted kindergarten hears that it is gone (ADR 44).
 */
export function httpTransportFor(kindergartenId: string | null): SyncTransport {
	const headers: Record<string, string> = kindergartenId
		? { [KINDERGARTEN_HEADER]: kindergartenId }
		: {};
	return {
		async push(request) {
			const json = JSON.stringify(request);
			const gzip = serverInflates && json.length >= GZIP_FROM_BYTES ? await gzipped(json) : null;
			let result = await postJson('/sync/push', json, gzip, headers);
			if (gzip && !result.ok && result.status === 415 && result.reason === 'unsupported_encoding') {
				serverInflates = false;
				result = await postJson('/sync/push', json, null, headers);
			}
			return result.ok
				? { ok: true, data: result.data }
				: { ok: false, status: result.status, reason: result.reason };
		},
		async pull(query, onBytes) {
			const path = apiPath(
				'/sync/pull',
				{},
				{
					cursor: String(query.cursor),
					clientId: query.clientId,
					protocol: String(query.protocol),
					schema: String(query.schema),
					...(query.known && query.known.length > 0
						? { known: query.known.map(([a, b]) => `${a}-${b}`).join(',') }
						: {})
				}
			);
			const result = await getStreamed(path, {
				stallMs: PULL_STALL_MS,
				headers,
				...(onBytes ? { onBytes } : {})
			});
			return result.ok
				? { ok: true, data: result.data }
				: { ok: false, status: result.status, reason: result.reason };
		}
	};
}

/** The transport for a database that names no kindergarten (the tests' engines). */
export const httpTransport: SyncTransport = httpTransportFor(null);
