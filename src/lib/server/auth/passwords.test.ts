import { describe, expect, it } from 'vitest';
import { hashPassword, PASSWORD_MAX, PASSWORD_MIN, verifyPassword } from './passwords';

describe('passwords', () => {
	it('are hashed with argon2id at m = 19 MiB, t = 2, p = 1, salted', async () => {
		const a = await hashPassword('correct horse battery');
		const b = await hashPassword('correct horse battery');
		expect(a).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
		expect(a).not.toBe(b);
	});

	it('verify the right password only, and never throw on a broken hash', async () => {
		const stored = await hashPassword('correct horse battery');
		expect(await verifyPassword(stored, 'correct horse battery')).toBe(true);
		expect(await verifyPassword(stored, 'correct horse batterY')).toBe(false);
		expect(await verifyPassword('not a hash', 'anything')).toBe(false);
	});

	it('allow 8 to 64 characters', () => {
		expect([PASSWORD_MIN, PASSWORD_MAX]).toEqual([8, 64]);
	});
});
