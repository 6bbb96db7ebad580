import { describe, expect, it } from 'vitest';
import { apiRoutes } from './app';

describe('the API’s route definitions', () => {
	it('lists every route once, method and path template, in the order they are matched', () => {
		expect(apiRoutes.map((r) => `${r.method} ${r.path}`)).toEqual([
			'GET /api/v1/health',
			'POST /api/v1/auth/sign-in',
			'POST /api/v1/auth/sign-out',
			'GET /api/v1/me',
			'GET /api/v1/auth/oidc',
			'GET /api/v1/auth/oidc/start',
			'GET /api/v1/auth/oidc/callback',
			'GET /api/v1/kindergartens',
			'POST /api/v1/kindergartens',
			'GET /api/v1/kindergartens/:id',
			'PATCH /api/v1/kindergartens/:id',
			'DELETE /api/v1/kindergartens/:id',
			'GET /api/v1/kindergartens/:id/groups',
			'POST /api/v1/kindergartens/:id/groups',
			'GET /api/v1/groups/:id',
			'PATCH /api/v1/groups/:id',
			'DELETE /api/v1/groups/:id',
			'GET /api/v1/users',
			'PATCH /api/v1/users/:id',
			'GET /api/v1/invitations',
			'POST /api/v1/invitations',
			'POST /api/v1/invitations/lookup',
			'POST /api/v1/invitations/accept',
			'DELETE /api/v1/invitations/:id',
			'POST /api/v1/sync/push',
			'GET /api/v1/sync/pull',
			'GET /api/v1/sync/conflicts',
			'POST /api/v1/sync/conflicts/:id/resolve',
			'GET /api/v1/guidance',
			'PUT /api/v1/guidance',
			'GET /api/v1/audit',
			'GET /api/v1/audit/export',
			'GET /api/v1/competence/mine',
			'DELETE /api/v1/competence/mine',
			'PUT /api/v1/competence/mine/:period',
			'DELETE /api/v1/competence/mine/:period',
			'GET /api/v1/competence/kindergartens/:id',
			'GET /api/v1/competence/overview'
		]);
	});
});
