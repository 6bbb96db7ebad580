import { ApiError } from '../../api/http';
import { SUPPORTED_PROTOCOL, SUPPORTED_SCHEMA } from '$lib/sync';

/** A client too old (or too new) for this server: 426, before anything else is read. */
export function checkVersions(protocol: unknown, schema: unknown): void {
	const outside = (v: unknown, range: { min: number; max: number }) =>
		typeof v === 'number' && Number.isInteger(v) && (v < range.min || v > range.max);
	if (outside(protocol, SUPPORTED_PROTOCOL) || outside(schema, SUPPORTED_SCHEMA)) {
		throw new ApiError(426, 'protocol_unsupported', undefined, undefined, {
			supported: { protocol: SUPPORTED_PROTOCOL, schema: SUPPORTED_SCHEMA }
		});
	}
}
