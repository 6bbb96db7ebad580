/**
 * The server side of sync (docs/design/sync-protocol.md, ADR 9). Every write takes the one server sequence
 * under a lock first, so revisions are handed out in commit order and no commit ever lands
 * below a cursor a pull has already returned. Owner and kindergarten always come from the
 * session (`SyncScope`), never from a mutation.
 *
 * By concern: `push` checks a batch of one client's mutations and `batch` applies them inside
 * its transaction; `rows` is a record's row and the SQL text that writes it; `pull` writes a
 * page of changes as JSON bytes; `conflicts` lists and resolves what a person must decide;
 * `checks` holds the version check push and pull share.
 */

export { push } from './push';
export { pull, parsePullQuery, type PullQuery } from './pull';
export {
	CONFLICT_LIST_LIMIT,
	RESOLUTIONS,
	listConflicts,
	resolveConflict,
	type Resolution,
	type ResolveInput,
	type ResolveResult
} from './conflicts';
