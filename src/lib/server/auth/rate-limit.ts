import type { Clock } from '../clock';

/**
 * Failed sign-ins per key (an email, an address) in a sliding window. In memory: the server
 * is one process (ADR 0008); a restart forgets, which only ever favours the user.
 */
export class SignInRateLimiter {
	#failures = new Map<string, number[]>();

	constructor(
		private readonly clock: Clock,
		private readonly limit = 5,
		private readonly windowMs = 15 * 60_000
	) {}

	/** Seconds until `key` may try again, or 0 when it may now. */
	retryAfter(key: string): number {
		const now = this.clock.now().getTime();
		const recent = this.#recent(key, now);
		if (recent.length < this.limit) return 0;
		return Math.max(1, Math.ceil((recent[0]! + this.windowMs - now) / 1000));
	}

	fail(key: string): void {
		const now = this.clock.now().getTime();
		this.#failures.set(key, [...this.#recent(key, now), now]);
	}

	succeed(key: string): void {
		this.#failures.delete(key);
	}

	#recent(key: string, now: number): number[] {
		const list = (this.#failures.get(key) ?? []).filter((t) => t > now - this.windowMs);
		if (list.length === 0) this.#failures.delete(key);
		return list;
	}
}
