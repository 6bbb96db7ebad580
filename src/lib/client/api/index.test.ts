import { describe, expect, expectTypeOf, it } from 'vitest';
import type { Actor } from '$lib/server/auth/sessions';
import type { GroupView } from '$lib/server/use-cases/organisation';
import type { UserView } from '$lib/server/use-cases/users';
import type { PullResponse, PushResponse } from '$lib/sync';
import * as api from './index';
import { apiPath } from './path';
import type { ApiAnswer, ServerGroup, ServerUser, SignedInUser } from './index';

describe('the browser’s API client', () => {
	it('takes its paths, bodies and answers from the server’s route definitions', () => {
		expectTypeOf<SignedInUser>().toEqualTypeOf<Actor>();
		expectTypeOf<ServerUser>().toEqualTypeOf<UserView>();
		expectTypeOf<ServerGroup>().toEqualTypeOf<GroupView>();
		expectTypeOf<ApiAnswer<'POST', '/sync/push'>>().toEqualTypeOf<PushResponse>();
		expectTypeOf<ApiAnswer<'GET', '/sync/pull'>>().toEqualTypeOf<PullResponse>();
		expectTypeOf<ApiAnswer<'DELETE', '/groups/:id'>>().toEqualTypeOf<null>();
		// Typed only, never called: the type check (npm run check) holds these.
		// @ts-expect-error a template with :names is no path until apiPath fills it in
		void (() => api.callApi('GET', '/groups/:id'));
		// @ts-expect-error a kindergarten's body is its name
		void (() => api.callApi('POST', '/kindergartens', { title: 'x' }));
		// @ts-expect-error no route answers PUT /kindergartens
		void (() => api.callApi('PUT', '/kindergartens', { name: 'x' }));
		// @ts-expect-error postJson takes only routes that answer POST
		void (() => api.postJson('/me', '{}'));
		// Those names are types: the module's code is the two functions (postJson: a push's body
		// written once and gzipped, issue 18).
		expect(Object.keys(api).sort()).toEqual(['callApi', 'postJson']);
	});

	it('fills in a route’s :names, encoded, and its query', () => {
		expect(apiPath('/kindergartens/:id/groups', { id: 'a/b c' })).toBe(
			'/kindergartens/a%2Fb%20c/groups'
		);
		const query = { cursor: '0', clientId: 'c', protocol: '1', schema: '2' };
		expect(apiPath('/sync/pull', {}, query)).toBe(
			'/sync/pull?cursor=0&clientId=c&protocol=1&schema=2'
		);
	});
});
