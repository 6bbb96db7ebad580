import { describe, expect, it } from 'vitest';
import { apiRoutes } from './app';

/**
 * The list of routes itself is not repeated here: the access matrix
 * (tests/server/access-matrix.test.ts) reads `apiRoutes` and fails for a route without rows.
 */
describe('the API’s route definitions', () => {
	it('lists every route once, as a method and a path template under /api/v1', () => {
		const names = apiRoutes.map((r) => `${r.method} ${r.path}`);
		expect(names.length).toBeGreaterThan(0);
		expect(new Set(names).size).toBe(names.length);
		for (const route of apiRoutes) {
			expect(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']).toContain(route.method);
			expect(route.path).toMatch(/^\/api\/v1\/[a-z0-9/:-]+$/);
		}
	});

	it('lists them in the order they are matched: a literal path before a template that covers it', () => {
		const index = (name: string) => apiRoutes.findIndex((r) => `${r.method} ${r.path}` === name);
		expect(index('POST /api/v1/invitations/lookup')).toBeGreaterThanOrEqual(0);
		expect(index('POST /api/v1/invitations/lookup')).toBeLessThan(
			apiRoutes.findIndex((r) => r.path === '/api/v1/invitations/:id')
		);
	});
});
