import { createHash, randomBytes } from 'node:crypto';

/** A random 256-bit token, URL-safe: session ids and invitation tokens. */
export function newToken(): string {
	return randomBytes(32).toString('base64url');
}

/** What the database stores instead of a token: a leaked table grants no session. */
export function hashToken(token: string): string {
	return createHash('sha256').update(token).digest('base64url');
}
