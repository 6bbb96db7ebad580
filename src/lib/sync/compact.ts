import { RECORD_TYPES, type PullResponse } from './protocol';

const RECORDS: ReadonlySet<string> = new Set(RECORD_TYPES);

/**
 * A pull answer of protocol 2 made whole, in place (issue 18): each record change's `data` gets
 * back what the change says once already — `id` (its `recordId`), `deletedAt` (the change's) and
 * `kindergartenId` (the answer's, unless the data names its own) — and `fieldRevs`, which no
 * client reads, is empty. A whole change (protocol 1, or one a server wrote whole) is left as
 * it is. Changes of the owner's sets (guidance, competence items, the register) are not records.
 */
export function expandPull(response: PullResponse): PullResponse {
	const kindergartenId = response.kindergartenId;
	for (const change of response.changes) {
		change.fieldRevs ??= {};
		if (!RECORDS.has(change.type)) continue;
		const data = change.data;
		if (!('id' in data)) data['id'] = change.recordId;
		if (!('kindergartenId' in data) && kindergartenId !== undefined) {
			data['kindergartenId'] = kindergartenId;
		}
		if (!('deletedAt' in data)) data['deletedAt'] = change.deletedAt;
	}
	return response;
}
