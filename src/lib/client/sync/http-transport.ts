import { callApi } from '$lib/client/api';
import type { PullResponse, PushResponse } from '$lib/sync/protocol';
import type { SyncTransport } from './engine';

/** The engine's transport in the browser: the owner's server's sync endpoints, over `fetch`. */
export const httpTransport: SyncTransport = {
	async push(request) {
		const result = await callApi<PushResponse>('POST', '/sync/push', request);
		return result.ok
			? { ok: true, data: result.data }
			: { ok: false, status: result.status, reason: result.reason };
	},
	async pull(query) {
		const params = new URLSearchParams({
			cursor: String(query.cursor),
			clientId: query.clientId,
			protocol: String(query.protocol),
			schema: String(query.schema)
		});
		const result = await callApi<PullResponse>('GET', `/sync/pull?${params.toString()}`);
		return result.ok
			? { ok: true, data: result.data }
			: { ok: false, status: result.status, reason: result.reason };
	}
};
