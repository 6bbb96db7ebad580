/**
 * The seeded tests' one source of randomness (tests only; nothing in the app imports it).
 *
 * mulberry32: small, fast, and the same sequence for the same seed everywhere, so a failing
 * seed replays exactly. Returns a number in [0, 1), as `Math.random` does.
 */
export function mulberry32(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
	};
}

export interface Random {
	/** A number in [0, 1). */
	next(): number;
	/** An integer in [0, n). */
	int(n: number): number;
	/** One of `items` (which must not be empty). */
	pick<T>(items: readonly T[]): T;
}

/** A mulberry32 sequence with the helpers the property tests draw with. */
export function seededRandom(seed: number): Random {
	const next = mulberry32(seed);
	return {
		next,
		int: (n) => Math.floor(next() * n),
		pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!
	};
}
