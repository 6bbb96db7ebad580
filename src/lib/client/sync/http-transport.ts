import { callApi } from '$lib/client/api';
import type { SyncTransport } from './engine';

/** The engine's transport in the browser: the owner's server's sync endpoints, over `fetch`. */
export const httpTransport: SyncTransport = {
	async push(request) {
		const result = await callApi('POST', '/sync/push', { json: request });
		return result.ok
			? { ok: true, data: result.data }
			: { ok: false, status: result.status, reason: result.reason };
	},
	async pull(query) {
		const result = await callApi('GET', '/sync/pull', {
			query: {
				cursor: String(query.cursor),
				clientId: query.clientId,
				protocol: String(query.protocol),
				schema: String(query.schema)
			}
		});
		return result.ok
			? { ok: true, data: result.data }
			: { ok: false, status: result.status, reason: result.reason };
	}
};
