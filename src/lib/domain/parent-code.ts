/**
 * The code a parent joins a group with (issue 17, ADR 39): eight letters and digits without the
 * look-alikes (0/O, 1/I/L), shown as `ABCD-EFGH` and in the link `/join/ABCD-EFGH`. Typed in
 * any case, with or without the dash or spaces. The server keeps only its hash.
 */

export const PARENT_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const PARENT_CODE_LENGTH = 8;
/** How long a code lets parents join, unless the manager revokes it sooner. */
export const PARENT_CODE_DAYS = 90;

/** The code as stored and hashed: upper case, no dash or spaces; null when it cannot be one. */
export function normalizeParentCode(typed: string): string | null {
	const code = typed.toUpperCase().replace(/[\s-]/g, '');
	if (code.length !== PARENT_CODE_LENGTH) return null;
	for (const char of code) if (!PARENT_CODE_ALPHABET.includes(char)) return null;
	return code;
}

/** The code as people read it: `ABCD-EFGH`. */
export function formatParentCode(code: string): string {
	return `${code.slice(0, 4)}-${code.slice(4)}`;
}

/** A new code from random bytes (crypto.getRandomValues on either side), without bias. */
export function newParentCode(random: (bytes: Uint8Array) => Uint8Array): string {
	const size = PARENT_CODE_ALPHABET.length;
	// Bytes at or above the last whole multiple of the alphabet's size are drawn again.
	const below = 256 - (256 % size);
	let code = '';
	while (code.length < PARENT_CODE_LENGTH) {
		for (const byte of random(new Uint8Array(PARENT_CODE_LENGTH))) {
			if (byte < below && code.length < PARENT_CODE_LENGTH)
				code += PARENT_CODE_ALPHABET[byte % size];
		}
	}
	return code;
}
