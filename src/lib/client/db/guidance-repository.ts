import type { LekeplanDatabase } from './database';
import type { GuidanceSet } from '$lib/domain/guidance';

/**
 * The guidance schema (and zod with it), loaded only when the device holds an owner's set or
 * stores one: with the shipped default alone, as on the first visit, it is not needed (ADR 12).
 */
const guidanceSchemas = () => import('$lib/domain/guidance');

/**
 * Screen-time guidance sets on the device. Today only the shipped default exists; the owner's
 * edited versions will arrive by sync and are stored beside it, newest version winning.
 */
export class GuidanceRepository {
	constructor(
		private readonly db: LekeplanDatabase,
		private readonly fallback: GuidanceSet
	) {}

	async current(): Promise<GuidanceSet> {
		return (await this.inForce()).set;
	}

	/**
	 * The set in force and whether it is the owner's: an owner's set of the shipped default's
	 * version wins too, so "edited" cannot be told from the version alone.
	 */
	async inForce(): Promise<{ set: GuidanceSet; edited: boolean }> {
		const rows = await this.db.guidanceSets.toArray();
		if (rows.length === 0) return { set: this.fallback, edited: false };
		const { guidanceSetSchema } = await guidanceSchemas();
		const valid = rows
			.map((r) => guidanceSetSchema.safeParse(r))
			.filter((r) => r.success)
			.map((r) => r.data)
			.filter((s) => s.id === this.fallback.id)
			.sort((a, b) => b.version - a.version);
		return valid[0] && valid[0].version >= this.fallback.version
			? { set: valid[0], edited: true }
			: { set: this.fallback, edited: false };
	}

	async store(set: unknown): Promise<boolean> {
		const { guidanceSetSchema } = await guidanceSchemas();
		const parsed = guidanceSetSchema.safeParse(set);
		if (!parsed.success) return false;
		await this.db.guidanceSets.put(parsed.data);
		return true;
	}
}
