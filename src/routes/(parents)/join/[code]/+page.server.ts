import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { ApiError } from '$lib/server/api/http';
import { PASSWORD_MIN } from '$lib/server/auth/passwords';
import { SESSION_COOKIE } from '$lib/server/auth/sessions';
import {
	joinAsNewParent,
	joinWithCode,
	openParentCode
} from '$lib/server/use-cases/parent-reading';
import { field, parentContext, setSessionCookie, waitMinutes } from '../../session.server';

export const load: PageServerLoad = async (event) => {
	const { deps, actor } = await parentContext(event);
	const base = {
		passwordMin: PASSWORD_MIN,
		signedIn: actor ? { displayName: actor.displayName, parent: actor.role === 'parent' } : null
	};
	try {
		const group = await openParentCode(deps, event.params.code, event.getClientAddress());
		return {
			...base,
			group: { name: group.groupName, kindergarten: group.kindergartenName },
			refused: null
		};
	} catch (error) {
		if (!(error instanceof ApiError)) throw error;
		return {
			...base,
			group: null,
			refused:
				error.status === 429
					? { kind: 'wait' as const, minutes: waitMinutes(error.headers) }
					: { kind: 'code' as const, minutes: 0 }
		};
	}
};

export const actions: Actions = {
	/** A new parent: account, membership, session. */
	create: async (event) => {
		const { deps } = await parentContext(event);
		const form = await event.request.formData();
		const input = {
			displayName: field(form, 'displayName').slice(0, 200),
			email: field(form, 'email').slice(0, 300),
			password: field(form, 'password').slice(0, 1024)
		};
		const kept = { displayName: input.displayName, email: input.email };
		try {
			const { token } = await joinAsNewParent(
				deps,
				event.params.code,
				input,
				event.getClientAddress(),
				event.cookies.get(SESSION_COOKIE) ?? null
			);
			setSessionCookie(event.cookies, deps, token);
		} catch (error) {
			if (!(error instanceof ApiError)) throw error;
			if (error.status === 422) {
				return fail(422, {
					...kept,
					problems: error.fields ?? {}
				});
			}
			if (error.status === 409) {
				return fail(409, { ...kept, problems: { email: 'email_unavailable' } });
			}
			return fail(error.status, { ...kept, problems: {} });
		}
		redirect(303, '/p');
	},
	/** A signed-in parent adds the group. */
	add: async (event) => {
		const { deps, actor } = await parentContext(event);
		if (!actor || actor.role !== 'parent') return fail(403, { problems: {} });
		try {
			await joinWithCode(deps, actor, event.params.code, event.getClientAddress());
		} catch (error) {
			if (!(error instanceof ApiError)) throw error;
			return fail(error.status, { problems: {} });
		}
		redirect(303, '/p');
	}
};
