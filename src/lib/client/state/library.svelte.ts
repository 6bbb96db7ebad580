import { LiveQuery } from './live-query.svelte';
import { repositories } from './repositories';
import type { BuiltInActivity } from '$lib/domain/library/activity';
import type { LekeplanDatabase } from '$lib/client/db';
import { ActivityRepository, type ActivitySaveResult } from '$lib/client/db/activity-repository';
import type { LibraryActivity, OwnActivity } from '$lib/domain/library/library-activity';
import type { ContentLocale } from '$lib/domain/library/activity';
import { isUuid } from '$lib/domain/ids';
import type { PlanContent, PlanRota, PlanSeries } from '$lib/domain/plan';

let ownActivities: { db: LekeplanDatabase; repository: ActivityRepository } | undefined;

/**
 * The repository of the kindergarten's own activities, on the device's database. Not among
 * `repositories()`, which every page opens: only the library and plan pages use it.
 */
function activities(): ActivityRepository {
	const { db } = repositories();
	if (ownActivities?.db !== db) ownActivities = { db, repository: new ActivityRepository(db) };
	return ownActivities.repository;
}

/** The activity libraries: built-in ones (loaded on demand) and the kindergarten's own. */
export class LibraryState {
	#builtIn = $state<BuiltInActivity[] | null>(null);
	#loading: Promise<BuiltInActivity[]> | null = null;
	#own = new LiveQuery(() => activities().listActive());

	/** The built-in activities; null until loaded (call `load()`). */
	get builtIn(): BuiltInActivity[] | null {
		return this.#builtIn;
	}

	get own(): OwnActivity[] {
		return this.#own.current ?? [];
	}

	get ownLoaded(): boolean {
		return this.#own.loaded;
	}

	/** Loads the built-in library once; it is a separate chunk, cached by the service worker. */
	load(): Promise<BuiltInActivity[]> {
		this.#loading ??= import('$lib/domain/library').then(async (library) => {
			const activities = await library.loadBuiltInActivities();
			this.#builtIn = activities;
			return activities;
		});
		return this.#loading;
	}

	/** An activity by id, built-in (in the given locale) or own. */
	async find(id: string, locale: ContentLocale): Promise<LibraryActivity | null> {
		if (isUuid(id)) {
			const own = await this.getOwn(id);
			return own && own.deletedAt === null ? own : null;
		}
		const builtIn = (await this.load()).find((a) => a.id === id);
		if (!builtIn) return null;
		const { localizeActivity } = await import('$lib/domain/library');
		return localizeActivity(builtIn, locale);
	}

	getOwn(id: string): Promise<OwnActivity | null> {
		return activities().get(id);
	}

	saveOwn(
		content: unknown,
		kindergartenId: string,
		options: { id?: string; copiedFrom?: string | null; draftKey?: string } = {}
	): Promise<ActivitySaveResult> {
		return activities().save(content, kindergartenId, options);
	}

	removeOwn(id: string): Promise<void> {
		return activities().softDelete(id);
	}

	restoreOwn(id: string): Promise<void> {
		return activities().restore(id);
	}

	planSeries(
		items: readonly { content: PlanContent; series: PlanSeries; rota: PlanRota | null }[],
		kindergartenId: string
	) {
		return repositories().plans.createSeries(items, kindergartenId);
	}
}

export const library = new LibraryState();
