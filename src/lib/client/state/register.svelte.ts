import { LiveQuery } from './live-query.svelte';
import { repositories } from './repositories';
import {
	registerIndex,
	toolStandings,
	type EquipmentItem,
	type RegisterEntry,
	type ToolStanding
} from '$lib/domain/register';

export type { EquipmentItem, RegisterEntry, ToolStanding };

/**
 * The owner's register of digital tools and the kindergarten's equipment as this tablet last
 * pulled them (issue 16, ADR 43), so plans are held against the register offline. Empty on a
 * device that has pulled none (signed out, an older server, an owner admin's device, which does
 * not sync): then nothing is said about a plan's tools. Only the pages that use it import this
 * module (the plan editor, the plan page, the approval queue, the register page; ADR 12).
 */
export class RegisterState {
	#register = new LiveQuery(() => repositories().db.toolRegisters.toCollection().last());
	#equipment = new LiveQuery(() => repositories().db.equipment.toArray());

	/** Every entry, by name; empty while none has been pulled. */
	get entries(): RegisterEntry[] {
		return this.#register.current?.entries ?? [];
	}

	/** Whether this device holds a register at all (pulled from the owner's server). */
	get pulled(): boolean {
		return this.#register.current !== undefined;
	}

	get loaded(): boolean {
		return this.#register.loaded && this.#equipment.loaded;
	}

	get error(): unknown {
		return this.#register.error ?? this.#equipment.error;
	}

	/** The entries by every normalised name they answer to. */
	readonly index = $derived(registerIndex(this.entries));

	/** Entries a plan may pick: approved, with or without conditions. */
	readonly pickable = $derived(
		this.entries.filter(
			(e) => e.fields.decision === 'approved' || e.fields.decision === 'approvedWithConditions'
		)
	);

	/** The kindergarten's count of each entry, by entry id. */
	readonly #items = $derived(
		Object.fromEntries(
			(this.#equipment.current ?? []).flatMap((set) =>
				set.items.map((item) => [item.entryId, item] as const)
			)
		) as Partial<Record<string, EquipmentItem>>
	);

	/** The kindergarten's count of an entry, if it has counted it. */
	readonly equipmentOf = (entryId: string): EquipmentItem | undefined => this.#items[entryId];

	/** Each tool against the register; none when this device holds no register. */
	standings(tools: readonly string[]): ToolStanding[] {
		return this.pulled ? toolStandings(tools, this.index) : [];
	}
}

export const register = new RegisterState();
