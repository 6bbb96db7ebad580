import { describe, expect, it } from 'vitest';
import {
	OIDC_FLOW_MAX_AGE_MS,
	oidcCookieKey,
	openOidcCookie,
	sameText,
	sealOidcCookie,
	type OidcFlow
} from './oidc-cookie';

const key = oidcCookieKey('the client secret');
const flow: OidcFlow = {
	state: 'state-abcdefghijklmnopqrstuvwxyz',
	nonce: 'nonce-abcdefghijklmnopqrstuvwxyz',
	verifier: 'verifier-abcdefghijklmnopqrstuvwxyz0123456789',
	invitationToken: 'invitation-token-secret'
};
const at = Date.parse('2026-11-28T08:00:00Z');

describe('the OpenID Connect flow cookie', () => {
	it('opens what it sealed, with or without an invitation', () => {
		expect(openOidcCookie(key, sealOidcCookie(key, flow, at), at)).toEqual(flow);
		const plain = { ...flow, invitationToken: null };
		expect(openOidcCookie(key, sealOidcCookie(key, plain, at), at + 1000)).toEqual(plain);
	});

	it('is cookie-safe, differs each time and shows nothing of its content', () => {
		const a = sealOidcCookie(key, flow, at);
		const b = sealOidcCookie(key, flow, at);
		expect(a).toMatch(/^[A-Za-z0-9_-]+$/);
		expect(a).not.toBe(b);
		const bytes = Buffer.from(a, 'base64url').toString('latin1');
		for (const secret of Object.values(flow)) expect(bytes).not.toContain(secret);
	});

	it('refuses any changed bit, another key and garbage', () => {
		const sealed = sealOidcCookie(key, flow, at);
		const raw = Buffer.from(sealed, 'base64url');
		for (let i = 0; i < raw.length; i++) {
			const changed = Buffer.from(raw);
			changed[i] = changed[i]! ^ 0x01;
			expect(openOidcCookie(key, changed.toString('base64url'), at)).toBeNull();
		}
		expect(openOidcCookie(oidcCookieKey('another secret'), sealed, at)).toBeNull();
		expect(openOidcCookie(key, sealed.slice(0, -2), at)).toBeNull();
		for (const value of [null, undefined, '', 'x', '%%%', 'a'.repeat(5000), '{"s":"x"}']) {
			expect(openOidcCookie(key, value, at)).toBeNull();
		}
	});

	it('lasts ten minutes, and refuses an issued-at in the future', () => {
		const sealed = sealOidcCookie(key, flow, at);
		expect(openOidcCookie(key, sealed, at + OIDC_FLOW_MAX_AGE_MS)).toEqual(flow);
		expect(openOidcCookie(key, sealed, at + OIDC_FLOW_MAX_AGE_MS + 1)).toBeNull();
		expect(openOidcCookie(key, sealed, at - 5 * 60_000)).toBeNull();
	});

	it('compares texts exactly', () => {
		expect(sameText('abc', 'abc')).toBe(true);
		expect(sameText('abc', 'abd')).toBe(false);
		expect(sameText('abc', 'abcd')).toBe(false);
	});
});
