import { m } from '$lib/paraglide/messages';

/** Translated names of the server's account roles (apart from labels.ts: not on the first page). */
export const accountRoleLabel: Record<'staff' | 'manager' | 'ownerAdmin' | 'parent', () => string> =
	{
		staff: m.user_role_staff,
		manager: m.user_role_manager,
		ownerAdmin: m.user_role_ownerAdmin,
		parent: m.user_role_parent
	};
