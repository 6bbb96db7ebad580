/**
 * The data API of the UI. Routes and components import from here, never from `$lib/client/db`
 * or Dexie (enforced by ESLint, see docs/ARCHITECTURE.md). Every page loads this barrel and
 * every module it re-exports, so what only some pages need is imported from its own module: the
 * editors from `./editors`, the activity libraries from `./library.svelte`, sign-out from
 * `./planner-session`, the conflicts from `./conflicts`.
 */
export { LiveQuery } from './live-query.svelte';
export { OrganisationState, organisation, type GroupInput } from './organisation.svelte';
export { PlansState, plans } from './plans.svelte';
export { toasts, type Toast } from './toasts.svelte';
export { connectivity } from './connectivity.svelte';
export { appUpdate } from './app-update.svelte';
export { chooseLocale, currentLocale, applyDocumentLanguage, locales, type Locale } from './locale';
export { describeError, requestPersistentStorage } from './storage';
export { databaseStatus } from './database-status.svelte';
export { guidance } from './guidance.svelte';
export { account } from './account.svelte';
export {
	callApi,
	type ApiAnswer,
	type ApiInput,
	type ApiResult,
	type AuditEntry,
	type AuditPage,
	type Role,
	type ServerGroup,
	type ServerInvitation,
	type ServerKindergarten,
	type ServerUser,
	type SignedInUser
} from '$lib/client/api';
export { apiPath } from '$lib/client/api/path';
export { sync, type SyncStatus } from './sync.svelte';
export { deviceUserId, removedKindergarten, setRemovedKindergarten } from './device-user';
export {
	deviceSessionOpened,
	openDeviceSession,
	startDeviceSession,
	syncsPlans
} from './device-session';
