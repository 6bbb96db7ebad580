import { uuidv7 } from '$lib/domain/ids';
import {
	PROTOCOL_VERSION,
	expandPull,
	SCHEMA_VERSION,
	type Mutation,
	type PullResponse,
	type PushResponse,
	type RecordType
} from '$lib/sync';
import type { TestServer } from './harness';
import type { SyncTransport, TransportResult } from '$lib/client/sync/engine';

/** Records and clients for the sync suites: valid unless a test spoils them on purpose. */

export function planFields(groupId: string, overrides: Record<string, unknown> = {}) {
	return {
		groupId,
		title: 'Bee-Bot på gulvet',
		date: '2026-12-01',
		startTime: '09:30',
		endTime: '10:15',
		goals: 'Telle skritt og retninger',
		description: 'Barna programmerer Bee-Bot til å finne veien til skatten.',
		learningAreas: ['quantities', 'nature'],
		clauses: ['explore'],
		tools: ['Bee-Bot'],
		screenMode: 'screenFree',
		screenMinutes: 0,
		adultParticipates: true,
		privacy: { photographed: false, storage: '', consent: false, notes: '' },
		status: 'planned',
		evaluation: null,
		...overrides
	};
}

export function activityFields(overrides: Record<string, unknown> = {}) {
	return {
		kind: 'codingToy',
		tool: 'bee-bot',
		title: 'Skattejakt med Bee-Bot',
		summary: 'Barna programmerer en vei på et rutenett.',
		ageMin: 3,
		ageMax: 6,
		groupSizeMin: 2,
		groupSizeMax: 5,
		durationMinutes: 30,
		setting: 'indoor',
		materials: ['Bee-Bot', 'Rutenett'],
		steps: ['Legg ut rutenettet', 'Programmer roboten'],
		learningAreas: ['quantities'],
		clauses: ['explore'],
		screenMode: 'screenFree',
		screenMinutes: 0,
		adultParticipates: true,
		talkAbout: ['Hvor gikk roboten?'],
		staffTips: ['Start med to steg'],
		privacy: 'Ingen bilder av barna.',
		source: null,
		copiedFrom: null,
		...overrides
	};
}

export const AT = '2026-12-01T09:00:00.000Z';

/** A device's sync client: numbers its mutations from 1, pushes and pulls as one user. */
export class TestClient {
	readonly id: string;
	next = 1;

	constructor(
		readonly server: TestServer,
		public cookie: string,
		id: string = uuidv7()
	) {
		this.id = id;
	}

	/** The next mutation (its id taken from this client's counter). */
	mutation(
		recordId: string,
		op: Mutation['op'],
		baseRev: number | null,
		fields: Record<string, unknown> = {},
		type: RecordType = 'plan'
	): Mutation {
		return { id: this.next++, recordId, type, op, baseRev, fields, at: AT };
	}

	put(
		recordId: string,
		baseRev: number | null,
		fields: Record<string, unknown>,
		type: RecordType = 'plan'
	) {
		return this.mutation(recordId, 'put', baseRev, fields, type);
	}

	body(mutations: Mutation[], overrides: Record<string, unknown> = {}) {
		return {
			protocol: PROTOCOL_VERSION,
			schema: SCHEMA_VERSION,
			clientId: this.id,
			mutations,
			...overrides
		};
	}

	send(mutations: Mutation[], overrides: Record<string, unknown> = {}): Promise<Response> {
		return this.server.request('POST', '/api/v1/sync/push', {
			cookie: this.cookie,
			body: this.body(mutations, overrides)
		});
	}

	/** Pushes and expects 200. */
	async push(mutations: Mutation[]): Promise<PushResponse> {
		const response = await this.send(mutations);
		if (response.status !== 200) {
			throw new Error(`push answered ${response.status}: ${await response.text()}`);
		}
		return (await response.json()) as PushResponse;
	}

	pullResponse(
		cursor: number | string,
		extra = '',
		protocol = PROTOCOL_VERSION
	): Promise<Response> {
		return this.server.request(
			'GET',
			`/api/v1/sync/pull?cursor=${cursor}&protocol=${protocol}&schema=${SCHEMA_VERSION}&clientId=${this.id}${extra}`,
			{ cookie: this.cookie }
		);
	}

	/**
	 * Pulls one page and expects 200: made whole as a tablet makes it (`expandPull`), or as
	 * protocol 1 sends it (with the per-field revisions).
	 */
	async pull(cursor: number, protocol = PROTOCOL_VERSION): Promise<PullResponse> {
		const response = await this.pullResponse(cursor, '', protocol);
		if (response.status !== 200) {
			throw new Error(`pull answered ${response.status}: ${await response.text()}`);
		}
		return expandPull((await response.json()) as PullResponse);
	}

	/** Pulls every page from the cursor; returns the changes and the final cursor. */
	async pullAll(cursor = 0): Promise<{ changes: PullResponse['changes']; cursor: number }> {
		const changes: PullResponse['changes'] = [];
		for (;;) {
			const page = await this.pull(cursor);
			changes.push(...page.changes);
			cursor = page.cursor;
			if (!page.hasMore) return { changes, cursor };
		}
	}
}

/** A server answer as the sync engine's transport hands it on. */
export async function transportResult<T>(response: Response): Promise<TransportResult<T>> {
	const body = (await response.json()) as T & { error?: { reason: string } };
	if (response.ok) return { ok: true, data: body };
	return { ok: false, status: response.status, reason: body.error?.reason ?? 'error', body };
}

/** The pull endpoint's path for a query as the sync engine's transport gets it. */
export function pullPath(query: {
	cursor: number;
	clientId: string;
	protocol: number;
	schema: number;
	known?: Array<[number, number]>;
}): string {
	const params = new URLSearchParams({
		cursor: String(query.cursor),
		clientId: query.clientId,
		protocol: String(query.protocol),
		schema: String(query.schema),
		...(query.known ? { known: query.known.map(([a, b]) => `${a}-${b}`).join(',') } : {})
	});
	return `/api/v1/sync/pull?${params}`;
}

/**
 * The sync engine's transport to the test server, as one signed-in user (their cookie, or a
 * function that gives the cookie of the moment, for a user who signs in again).
 */
export function serverTransport(
	server: TestServer,
	cookie: string | (() => string)
): SyncTransport {
	const now = () => (typeof cookie === 'string' ? cookie : cookie());
	return {
		push: async (request) =>
			transportResult<PushResponse>(
				await server.request('POST', '/api/v1/sync/push', { body: request, cookie: now() })
			),
		pull: async (query) =>
			transportResult<PullResponse>(await server.request('GET', pullPath(query), { cookie: now() }))
	};
}
