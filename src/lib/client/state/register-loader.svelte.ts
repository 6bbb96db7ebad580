import { account } from './account.svelte';
import type { RegisterState } from './register.svelte';

/**
 * The owner's register for the pages that hold plans against it (the plan editor, the plan
 * page, the approval queue): loaded on first use, and only for a signed-in staff member or
 * manager, whose tablet pulls it (ADR 12, 43). Null otherwise, and while it loads.
 */
let loaded = $state<RegisterState | null>(null);
let loading = false;

export function plannerRegister(): RegisterState | null {
	const role = account.user?.role;
	if (role !== 'staff' && role !== 'manager') return null;
	if (!loading) {
		loading = true;
		void import('./register.svelte').then((r) => (loaded = r.register));
	}
	return loaded;
}
