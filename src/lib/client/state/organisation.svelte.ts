import { LiveQuery } from './live-query.svelte';
import { repositories } from './repositories';
import { uuidv7 } from '$lib/domain/ids';
import { localToday } from '$lib/domain/calendar';
import type { Group, Kindergarten } from '$lib/domain/organisation';
import type { FieldProblems } from '$lib/domain/plan';

export interface GroupInput {
	id?: string;
	name: string;
	ageMin: number;
	ageMax: number;
}

export type OrganisationOutcome = { ok: true } | { ok: false; problems: FieldProblems };

/** The kindergarten, its groups and the group this tablet is planning for. */
export class OrganisationState {
	#kindergarten = new LiveQuery(() => repositories().organisation.kindergarten());
	#groups = new LiveQuery(() => repositories().organisation.groups());
	#selectedId = new LiveQuery(() => repositories().organisation.selectedGroupId());

	get loaded(): boolean {
		return this.#kindergarten.loaded && this.#groups.loaded && this.#selectedId.loaded;
	}

	get error(): unknown {
		return this.#kindergarten.error ?? this.#groups.error;
	}

	get kindergarten(): Kindergarten | null {
		return this.#kindergarten.current ?? null;
	}

	get groups(): Group[] {
		return this.#groups.current ?? [];
	}

	/** Set up once a kindergarten is named; groups can follow. */
	get isSetUp(): boolean {
		return this.kindergarten !== null;
	}

	get selectedGroup(): Group | null {
		const id = this.#selectedId.current;
		return this.groups.find((g) => g.id === id) ?? this.groups[0] ?? null;
	}

	group(id: string): Group | undefined {
		return this.groups.find((g) => g.id === id);
	}

	async selectGroup(id: string): Promise<void> {
		await repositories().organisation.selectGroup(id);
	}

	async loadDemo(): Promise<void> {
		// The demo's texts are needed once, on request: they stay out of the first page.
		const { makeDemoData } = await import('$lib/domain/demo-data');
		await repositories().organisation.loadDemo(makeDemoData(localToday()));
	}

	async renameKindergarten(name: string): Promise<OrganisationOutcome> {
		const result = await repositories().organisation.saveKindergarten(name);
		return result.ok ? { ok: true } : result;
	}

	/** Starts empty: names the kindergarten and adds its first group, both or neither. */
	async startEmpty(name: string, group: GroupInput): Promise<OrganisationOutcome> {
		const result = await repositories().organisation.startEmpty(name, group);
		return result.ok ? { ok: true } : result;
	}

	async saveGroup(group: GroupInput): Promise<OrganisationOutcome> {
		const kindergarten = this.kindergarten;
		if (!kindergarten) return { ok: false, problems: { _: { code: 'required' } } };
		const result = await repositories().organisation.saveGroup({
			...group,
			id: group.id ?? uuidv7(),
			kindergartenId: kindergarten.id
		});
		return result.ok ? { ok: true } : result;
	}

	async deleteGroup(id: string): Promise<OrganisationOutcome> {
		const result = await repositories().organisation.deleteGroup(id);
		return result.ok ? { ok: true } : result;
	}
}

export const organisation = new OrganisationState();
