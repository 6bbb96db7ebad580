import { describe, expect, it } from 'vitest';
import { isCrossOriginWrite } from './cross-origin';
import { securityHeaders } from './headers';

const ORIGIN = 'https://lekeplan.kommune.no';
const request = (method: string, headers: Record<string, string>) =>
	new Request(`${ORIGIN}/api/v1/auth/sign-out`, { method, headers });

describe('isCrossOriginWrite', () => {
	it('refuses every writing method from another origin, by Origin first', () => {
		for (const method of ['POST', 'PUT', 'PATCH', 'DELETE', 'post']) {
			expect(isCrossOriginWrite(request(method, { origin: 'https://evil.example' }), ORIGIN)).toBe(
				true
			);
			// Another subdomain of the same site: the session cookie (SameSite=Lax) would go along.
			expect(
				isCrossOriginWrite(request(method, { origin: 'https://skole.kommune.no' }), ORIGIN)
			).toBe(true);
			expect(isCrossOriginWrite(request(method, { origin: 'null' }), ORIGIN)).toBe(true);
			// The Origin decides when there is one, whatever Sec-Fetch-Site claims.
			expect(
				isCrossOriginWrite(
					request(method, { origin: 'https://evil.example', 'sec-fetch-site': 'same-origin' }),
					ORIGIN
				)
			).toBe(true);
			expect(isCrossOriginWrite(request(method, { origin: ORIGIN }), ORIGIN)).toBe(false);
		}
	});

	it('falls back on Sec-Fetch-Site when there is no Origin', () => {
		for (const site of ['cross-site', 'same-site']) {
			expect(isCrossOriginWrite(request('POST', { 'sec-fetch-site': site }), ORIGIN)).toBe(true);
		}
		for (const site of ['same-origin', 'none']) {
			expect(isCrossOriginWrite(request('POST', { 'sec-fetch-site': site }), ORIGIN)).toBe(false);
		}
	});

	it('lets reads through, and requests no browser page made (no Origin, no Sec-Fetch-Site)', () => {
		for (const method of ['GET', 'HEAD', 'OPTIONS']) {
			expect(isCrossOriginWrite(request(method, { origin: 'https://evil.example' }), ORIGIN)).toBe(
				false
			);
		}
		expect(isCrossOriginWrite(request('POST', {}), ORIGIN)).toBe(false);
	});
});

describe('securityHeaders', () => {
	it('forbids framing and sniffing everywhere, and pins HTTPS only behind an https origin', () => {
		const plain = securityHeaders('http://localhost:3000');
		expect(plain).toMatchObject({
			'content-security-policy': "frame-ancestors 'none'",
			'x-frame-options': 'DENY',
			'x-content-type-options': 'nosniff',
			'referrer-policy': 'no-referrer'
		});
		expect(plain['permissions-policy']).toContain('camera=()');
		expect(plain).not.toHaveProperty('strict-transport-security');
		expect(securityHeaders(ORIGIN)['strict-transport-security']).toMatch(/^max-age=\d{8,}/);
	});
});
