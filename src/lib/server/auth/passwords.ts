import { hash, verify, type Algorithm } from '@node-rs/argon2';

/**
 * argon2id with OWASP's minimum (m = 19 MiB, t = 2, p = 1). Passwords are 8 to 64
 * characters (NIST SP 800-63B: at least 8, allow at least 64).
 */
export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 64;

const OPTIONS = {
	// Algorithm.Argon2id; a const enum, which isolated modules cannot read.
	algorithm: 2 as Algorithm,
	memoryCost: 19_456,
	timeCost: 2,
	parallelism: 1
} as const;

export function hashPassword(password: string): Promise<string> {
	return hash(password, OPTIONS);
}

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
	try {
		return await verify(stored, password);
	} catch {
		return false;
	}
}

/**
 * A hash to verify against when the user does not exist, so a wrong email costs the same
 * time as a wrong password and does not reveal which accounts exist.
 */
let decoy: Promise<string> | undefined;
export function decoyHash(): Promise<string> {
	decoy ??= hashPassword('decoy-password-never-matches');
	return decoy;
}
