/** The server's notion of now. Tests pass a controllable one (session timeouts, expiry). */
export interface Clock {
	now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock that moves only when told to. */
export class ManualClock implements Clock {
	#now: number;

	constructor(start: Date | string = '2026-11-28T08:00:00.000Z') {
		this.#now = new Date(start).getTime();
	}

	now(): Date {
		return new Date(this.#now);
	}

	advance(ms: number): void {
		this.#now += ms;
	}

	set(at: Date | string): void {
		this.#now = new Date(at).getTime();
	}
}
