import {
	createCipheriv,
	createDecipheriv,
	hkdfSync,
	randomBytes,
	timingSafeEqual
} from 'node:crypto';

/**
 * The short-lived cookie that carries an OpenID Connect sign-in from `start` to the callback:
 * state, nonce, PKCE verifier and the invitation being accepted. It is sealed with AES-256-GCM
 * under a key derived (HKDF-SHA256) from the client secret, so the browser can neither read
 * it (the invitation token and the verifier stay secret) nor change it, and it is refused
 * once it is older than ten minutes.
 */

export interface OidcFlow {
	state: string;
	nonce: string;
	verifier: string;
	invitationToken: string | null;
}

export const OIDC_FLOW_MAX_AGE_MS = 10 * 60_000;
/** How far in the future an issued-at may lie (clock differences between instances). */
const FUTURE_SKEW_MS = 60_000;

const IV_BYTES = 12;
const TAG_BYTES = 16;
const AAD = Buffer.from('lekeplan oidc flow v1');

/** The sealing key for a client secret. */
export function oidcCookieKey(clientSecret: string): Buffer {
	return Buffer.from(
		hkdfSync('sha256', clientSecret, 'lekeplan oidc cookie', 'aes-256-gcm v1', 32)
	);
}

/** Seals a flow; `issuedAt` is in milliseconds since the epoch. */
export function sealOidcCookie(key: Buffer, flow: OidcFlow, issuedAt: number): string {
	const iv = randomBytes(IV_BYTES);
	const cipher = createCipheriv('aes-256-gcm', key, iv);
	cipher.setAAD(AAD);
	const plain = JSON.stringify({
		s: flow.state,
		n: flow.nonce,
		v: flow.verifier,
		i: flow.invitationToken,
		t: issuedAt
	});
	const sealed = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
	return Buffer.concat([iv, sealed, cipher.getAuthTag()]).toString('base64url');
}

const isText = (value: unknown): value is string =>
	typeof value === 'string' && value.length > 0 && value.length <= 512;

/**
 * Opens a sealed flow. Null when the value is missing, malformed, sealed under another key,
 * changed in any bit, older than ten minutes or issued in the future.
 */
export function openOidcCookie(
	key: Buffer,
	value: string | null | undefined,
	now: number
): OidcFlow | null {
	if (!value || value.length > 4096 || !/^[A-Za-z0-9_-]+$/.test(value)) return null;
	const raw = Buffer.from(value, 'base64url');
	if (raw.length <= IV_BYTES + TAG_BYTES) return null;
	let parsed: unknown;
	try {
		const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, IV_BYTES));
		decipher.setAAD(AAD);
		decipher.setAuthTag(raw.subarray(raw.length - TAG_BYTES));
		const plain = Buffer.concat([
			decipher.update(raw.subarray(IV_BYTES, raw.length - TAG_BYTES)),
			decipher.final()
		]);
		parsed = JSON.parse(plain.toString('utf8'));
	} catch {
		return null;
	}
	if (typeof parsed !== 'object' || parsed === null) return null;
	const { s, n, v, i, t } = parsed as Record<string, unknown>;
	if (!isText(s) || !isText(n) || !isText(v) || !(i === null || isText(i))) return null;
	if (typeof t !== 'number' || !Number.isFinite(t)) return null;
	if (now - t > OIDC_FLOW_MAX_AGE_MS || t - now > FUTURE_SKEW_MS) return null;
	return { state: s, nonce: n, verifier: v, invitationToken: i };
}

/** Compares two strings without leaking where they differ. */
export function sameText(a: string, b: string): boolean {
	const left = Buffer.from(a, 'utf8');
	const right = Buffer.from(b, 'utf8');
	return left.length === right.length && timingSafeEqual(left, right);
}
