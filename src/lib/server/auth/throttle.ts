import { sql } from 'kysely';
import type { ServerDeps } from '../deps';
import { hashToken } from './tokens';

/**
 * Slowing down password guessing (issue 13, ADR 8), after OWASP's authentication guidance:
 * growing delays instead of a lockout, counted in the database so that every server process on
 * it counts the same failures.
 *
 * Failures count against three keys: the account (the email, known or not, so an unknown email
 * behaves like a known one), the address, and the account from that address. After a number
 * of failures free of delay, each further failure doubles the wait before the key may try
 * again, up to a cap. Before checking a password the server waits out (answers 429 with
 * Retry-After) the longest of:
 *
 * - the account from this address (5 free, then 1 s, 2 s, 4 s … up to 15 min);
 * - the address (30 free, then up to 1 min: a kindergarten's shared network is slowed, never
 *   shut out for long);
 * - the account as a whole (10 free, then up to 15 min), but only for an address that has
 *   been failing itself. So someone guessing one person's password from many addresses is
 *   slowed at every one of them, while that person, with the right password, from an address
 *   that has not been failing (their own tablet), is let in at once.
 *
 * A count starts again an hour after its key's last failure. A right password clears the
 * account's counts; not the address's, which someone with an account of their own could
 * otherwise clear between guesses.
 */

export interface ThrottlePolicy {
	/** Failures without any wait. */
	free: number;
	/** The longest wait, in milliseconds. */
	capMs: number;
}

export const POLICY = {
	pair: { free: 5, capMs: 15 * 60_000 },
	account: { free: 10, capMs: 15 * 60_000 },
	address: { free: 30, capMs: 60_000 }
} as const satisfies Record<string, ThrottlePolicy>;

/** A key's count starts again this long after its last failure. */
export const RESET_AFTER_MS = 60 * 60_000;

/** The wait after `failures` failures: none while free, then 1 s doubling up to the cap. */
export function delayAfter(failures: number, policy: ThrottlePolicy): number {
	if (failures < policy.free) return 0;
	const doublings = Math.min(failures - policy.free, 30);
	return Math.min(1000 * 2 ** doublings, policy.capMs);
}

export interface ThrottleKeys {
	pair: string;
	account: string;
	address: string;
}

/** The keys of an attempt, hashed: the table holds no email or address in the clear. */
export function throttleKeys(email: string, address: string): ThrottleKeys {
	return {
		pair: hashToken(`pair:${email}\n${address}`),
		account: hashToken(`account:${email}`),
		address: hashToken(`address:${address}`)
	};
}

/** Seconds to wait before this attempt may be tried (0: now). */
export async function secondsToWait(deps: ServerDeps, keys: ThrottleKeys): Promise<number> {
	const now = deps.clock.now();
	const rows = await deps.db
		.selectFrom('signInThrottle')
		.select(['key', 'blockedUntil', 'lastFailureAt'])
		.where('key', 'in', [keys.pair, keys.account, keys.address])
		.execute();
	const row = (key: string) => rows.find((r) => r.key === key);
	const resetBefore = now.getTime() - RESET_AFTER_MS;
	const addressFailing = (() => {
		const a = row(keys.address);
		return a !== undefined && Date.parse(a.lastFailureAt) > resetBefore;
	})();
	let until = 0;
	for (const key of [keys.pair, keys.address, ...(addressFailing ? [keys.account] : [])]) {
		const found = row(key);
		if (found) until = Math.max(until, Date.parse(found.blockedUntil));
	}
	return until > now.getTime() ? Math.max(1, Math.ceil((until - now.getTime()) / 1000)) : 0;
}

/** Counts a failure against each key (atomically, whichever process writes) and sets its wait. */
export async function recordFailure(deps: ServerDeps, keys: ThrottleKeys): Promise<void> {
	const now = deps.clock.now();
	const at = now.toISOString();
	const resetBefore = new Date(now.getTime() - RESET_AFTER_MS).toISOString();
	for (const [name, key] of Object.entries(keys) as Array<[keyof ThrottleKeys, string]>) {
		const { failures } = await deps.db
			.insertInto('signInThrottle')
			.values({ key, failures: 1, lastFailureAt: at, blockedUntil: at })
			.onConflict((oc) =>
				oc.column('key').doUpdateSet({
					failures: sql<number>`case when sign_in_throttle.last_failure_at < ${resetBefore}
						then 1 else sign_in_throttle.failures + 1 end`,
					lastFailureAt: at
				})
			)
			.returning('failures')
			.executeTakeFirstOrThrow();
		const until = new Date(now.getTime() + delayAfter(Number(failures), POLICY[name]));
		await deps.db
			.updateTable('signInThrottle')
			.set({ blockedUntil: until.toISOString() })
			.where('key', '=', key)
			.where('blockedUntil', '<', until.toISOString())
			.execute();
	}
}

/** The right password: the account's counts start again (the address's stay). */
export async function recordSuccess(deps: ServerDeps, keys: ThrottleKeys): Promise<void> {
	await deps.db
		.deleteFrom('signInThrottle')
		.where('key', 'in', [keys.pair, keys.account])
		.execute();
}

/** Removes counts whose last failure is a day old (run with the server's other clean-ups). */
export async function forgetOldFailures(deps: ServerDeps): Promise<number> {
	const before = new Date(deps.clock.now().getTime() - 24 * 3_600_000).toISOString();
	const result = await deps.db
		.deleteFrom('signInThrottle')
		.where('lastFailureAt', '<', before)
		.executeTakeFirst();
	return Number(result.numDeletedRows);
}
