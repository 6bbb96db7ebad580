import { callApi } from '$lib/client/api';
import { apiPath } from '$lib/client/api/path';
import type { SyncTransport } from './engine';

/** The engine's transport in the browser: the owner's server's sync endpoints, over `fetch`. */
export const httpTransport: SyncTransport = {
	async push(request) {
		const result = await callApi('POST', '/sync/push', request);
		return result.ok
			? { ok: true, data: result.data }
			: { ok: false, status: result.status, reason: result.reason };
	},
	async pull(query) {
		const path = apiPath(
			'/sync/pull',
			{},
			{
				cursor: String(query.cursor),
				clientId: query.clientId,
				protocol: String(query.protocol),
				schema: String(query.schema)
			}
		);
		const result = await callApi('GET', path);
		return result.ok
			? { ok: true, data: result.data }
			: { ok: false, status: result.status, reason: result.reason };
	}
};
