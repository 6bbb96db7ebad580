import { activityPlanSchema } from '$lib/domain/plan';
import { ownActivitySchema } from '$lib/domain/library/library-activity';
import { developmentPlanSchema } from '$lib/domain/competence/development-plan';
import { competenceAnswerSetSchema } from '$lib/domain/competence/answer-set';
import { digitalPlanSchema } from '$lib/domain/digital-plan';
import { DEVICE_FIELDS, SERVER_DATA_FIELDS, SERVER_FIELDS, type RecordType } from '$lib/sync';
import { badText, fieldCodes } from '../api/http';
import { FAIL, fastParser } from '../fast-parse';

/**
 * What the server knows about each synced record type: which fields a client writes, and the
 * domain schema the whole record must pass after every merge. The domain schemas are the one
 * definition of a plan and an activity; nothing here repeats their rules.
 */

const SCHEMAS = {
	plan: activityPlanSchema,
	activity: ownActivitySchema,
	developmentPlan: developmentPlanSchema,
	// Judged and stored by the competence use case, never as a record (ADR 32); the schema
	// names the fields a tablet may send.
	competenceAnswers: competenceAnswerSetSchema,
	digitalPlan: digitalPlanSchema
} as const;
/** The same schemas' quick way to a success (zod's answer whenever it is not one). */
const FAST: Record<RecordType, (input: unknown) => Record<string, unknown> | typeof FAIL> = {
	plan: fastParser(activityPlanSchema),
	activity: fastParser(ownActivitySchema),
	developmentPlan: fastParser(developmentPlanSchema),
	competenceAnswers: fastParser(competenceAnswerSetSchema),
	digitalPlan: fastParser(digitalPlanSchema)
};

const SERVER_FIELD_SET: ReadonlySet<string> = new Set(SERVER_FIELDS);
const isServerField = (field: string) => SERVER_FIELD_SET.has(field);

/** The fields a mutation may write, per type: the schema's, less the server's and the device's. */
export const CLIENT_FIELDS: Record<RecordType, ReadonlySet<string>> = {
	plan: clientFieldsOf(Object.keys(activityPlanSchema.shape)),
	activity: clientFieldsOf(Object.keys(ownActivitySchema.shape)),
	developmentPlan: clientFieldsOf(Object.keys(developmentPlanSchema.shape)),
	competenceAnswers: clientFieldsOf(Object.keys(competenceAnswerSetSchema.shape)),
	digitalPlan: clientFieldsOf(Object.keys(digitalPlanSchema.shape))
};

function clientFieldsOf(keys: string[]): ReadonlySet<string> {
	const device: readonly string[] = DEVICE_FIELDS;
	return new Set(keys.filter((k) => !isServerField(k) && !device.includes(k)));
}

/**
 * The fields the server stores in a record's data: the client's, and the server's own that
 * belong with them (a plan's `changedSinceApproval`), which no mutation may send.
 */
export const STORED_FIELDS: Record<RecordType, ReadonlySet<string>> = {
	plan: new Set([...CLIENT_FIELDS.plan, ...SERVER_DATA_FIELDS]),
	activity: CLIENT_FIELDS.activity,
	developmentPlan: CLIENT_FIELDS.developmentPlan,
	competenceAnswers: CLIENT_FIELDS.competenceAnswers,
	digitalPlan: CLIENT_FIELDS.digitalPlan
};

/** What the server sets on every record. */
export interface RecordMeta {
	id: string;
	kindergartenId: string;
	createdAt: string;
	updatedAt: string;
	deletedAt: string | null;
}

/** The whole record, as the domain schema (and a pulling client) reads it. */
export function fullRecord(
	type: RecordType,
	data: Record<string, unknown>,
	meta: RecordMeta
): Record<string, unknown> {
	return { ...(type === 'activity' ? { origin: 'own' } : {}), ...data, ...meta };
}

/**
 * The JSON text of `fullRecord(type, JSON.parse(data), meta)`, spliced from the stored text of
 * `data` without parsing it. The server stores `data` as `JSON.stringify` wrote it, with client
 * fields only, so this is the text a parse and a stringify would give. It reads back as the
 * same value in any case: a key present twice takes its last value, as in `fullRecord`'s
 * spread, and only a key that is an array index (no field is) would come out in another place.
 * Text that is not an object's is taken the long way, as before.
 */
export function fullRecordJson(type: RecordType, data: string, meta: RecordMeta): string {
	const [open, fields, close] = fullRecordJsonParts(type, data, meta);
	return fields === '' ? open + close : open + fields + close;
}

/**
 * `fullRecordJson` in three parts to be written one after the other: the opening, the stored
 * fields as they are (a view of `data`, not a copy; empty for none), and the rest. A pull
 * writes them into its answer's bytes without joining the stored text to anything.
 */
export function fullRecordJsonParts(
	type: RecordType,
	data: string,
	meta: RecordMeta
): [string, string, string] {
	return recordJsonParts(
		type,
		data,
		`"id":${jsonString(meta.id)},"kindergartenId":${jsonString(meta.kindergartenId)},` +
			`"createdAt":${jsonString(meta.createdAt)},"updatedAt":${jsonString(meta.updatedAt)},` +
			`"deletedAt":${jsonString(meta.deletedAt)}`,
		() => fullRecord(type, JSON.parse(data) as Record<string, unknown>, meta)
	);
}

/**
 * The same for a compact change (protocol 2, issue 18): the stored fields and the record's
 * times only; the change and its answer carry its id, kindergarten and deletion once.
 */
export function compactRecordJsonParts(
	type: RecordType,
	data: string,
	meta: Pick<RecordMeta, 'createdAt' | 'updatedAt'>
): [string, string, string] {
	return recordJsonParts(
		type,
		data,
		`"createdAt":${jsonString(meta.createdAt)},"updatedAt":${jsonString(meta.updatedAt)}`,
		() => ({
			...(type === 'activity' ? { origin: 'own' } : {}),
			...(JSON.parse(data) as Record<string, unknown>),
			...meta
		})
	);
}

/** Stored fields, then `meta` (the server's keys as JSON); `longWay` for text not an object's. */
function recordJsonParts(
	type: RecordType,
	data: string,
	meta: string,
	longWay: () => Record<string, unknown>
): [string, string, string] {
	if (data[0] !== '{' || data[data.length - 1] !== '}') return [JSON.stringify(longWay()), '', ''];
	const fields = data.slice(1, -1);
	const stored = fields.trim() !== '';
	return [
		type === 'activity' ? '{"origin":"own",' : '{',
		stored ? fields : '',
		(stored ? ',' : '') + meta + '}'
	];
}

/**
 * Text JSON writes as is between quotes: no quote, backslash, control character or surrogate
 * (JSON.stringify escapes a lone one).
 */
// eslint-disable-next-line no-control-regex -- control characters are exactly what JSON escapes
const PLAIN = /^[^"\\\u0000-\u001f\ud800-\udfff]*$/;

/**
 * `JSON.stringify` of a string or null, without its work for the ids and timestamps a pull
 * writes thousands of (UUIDs and ISO times, which need no escaping); anything else goes the
 * long way.
 */
export function jsonString(text: string | null): string {
	if (text === null) return 'null';
	return PLAIN.test(text) ? `"${text}"` : JSON.stringify(text);
}

export type Validation =
	{ ok: true; data: Record<string, unknown> } | { ok: false; fields: Record<string, string> };

/**
 * Checks the merged record against its domain schema. On success, the stored fields (the
 * client-written ones and the server's own data) as the schema normalizes them (trimmed text),
 * which is what the server stores.
 */
export function validateRecord(
	type: RecordType,
	data: Record<string, unknown>,
	meta: RecordMeta
): Validation {
	const record = fullRecord(type, data, meta);
	let normalized = FAST[type](record);
	if (normalized === FAIL) {
		const parsed = SCHEMAS[type].safeParse(record);
		if (!parsed.success) return { ok: false, fields: fieldCodes(parsed.error) };
		normalized = parsed.data;
	}
	const fields = STORED_FIELDS[type];
	const written: Record<string, unknown> = {};
	// `for…in` over a plain object the parse made: its own keys, without an array of them.
	for (const key in normalized) {
		const value = normalized[key];
		if (value !== undefined && fields.has(key)) written[key] = value;
	}
	return { ok: true, data: written };
}

/**
 * Problems with the fields a mutation sends, before any merge: fields the server sets
 * (`server_field`), fields the type does not have (`unknown_field`), and values no database
 * should hold (NUL, a lone surrogate) or nested deeper than any record is. Empty when fine.
 */
export function fieldProblems(
	type: RecordType,
	fields: Record<string, unknown>
): { reason: 'server_field' | 'invalid_record'; fields: Record<string, string> } | null {
	const keys = Object.keys(fields);
	const server = keys.filter(isServerField);
	if (server.length > 0) {
		return {
			reason: 'server_field',
			fields: Object.fromEntries(server.map((k) => [k, 'server_field']))
		};
	}
	const problems: Record<string, string> = {};
	for (const key of keys) {
		if (!CLIENT_FIELDS[type].has(key)) problems[key] = 'unknown_field';
		else {
			const problem = valueProblem(fields[key], 0);
			if (problem) problems[key] = problem;
		}
	}
	return Object.keys(problems).length > 0 ? { reason: 'invalid_record', fields: problems } : null;
}

/** Records nest a few levels at most (a plan's evaluation, an activity's phases). */
const MAX_DEPTH = 8;

/** What is wrong with a JSON value (deep), if anything. Never recurses past MAX_DEPTH. */
export function valueProblem(value: unknown, depth = 0): string | null {
	if (depth > MAX_DEPTH) return 'too_deep';
	if (typeof value === 'string') return badText(value) ? 'invalid_character' : null;
	if (value === null || typeof value !== 'object') return null;
	for (const item of Array.isArray(value) ? value : Object.values(value)) {
		const problem = valueProblem(item, depth + 1);
		if (problem) return problem;
	}
	if (!Array.isArray(value)) {
		for (const key of Object.keys(value)) if (badText(key)) return 'invalid_character';
	}
	return null;
}
