import { describe, expect, it } from 'vitest';
import { MAX_PUSH_BYTES } from '$lib/sync';
import { bodyLimitWarning } from './config';

describe('bodyLimitWarning', () => {
	it("warns at adapter-node's default limit, which is below a push body's largest size", () => {
		expect(bodyLimitWarning(MAX_PUSH_BYTES, {})).toMatch(/BODY_SIZE_LIMIT is 512K/);
		expect(bodyLimitWarning(MAX_PUSH_BYTES, { BODY_SIZE_LIMIT: '900K' })).not.toBeNull();
		expect(bodyLimitWarning(MAX_PUSH_BYTES, { BODY_SIZE_LIMIT: '1000000' })).not.toBeNull();
	});

	it('is quiet at the limit the start scripts set, and above it', () => {
		expect(bodyLimitWarning(MAX_PUSH_BYTES, { BODY_SIZE_LIMIT: '1M' })).toBeNull();
		expect(bodyLimitWarning(MAX_PUSH_BYTES, { BODY_SIZE_LIMIT: '2m' })).toBeNull();
		expect(
			bodyLimitWarning(MAX_PUSH_BYTES, { BODY_SIZE_LIMIT: String(MAX_PUSH_BYTES) })
		).toBeNull();
		expect(bodyLimitWarning(MAX_PUSH_BYTES, { BODY_SIZE_LIMIT: 'Infinity' })).toBeNull();
	});
});
