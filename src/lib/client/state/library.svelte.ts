import { LiveQuery } from './live-query.svelte';
import { repositories } from './repositories';
import type { LekeplanDatabase } from '$lib/client/db';
import { ActivityRepository, type ActivitySaveResult } from '$lib/client/db/activity-repository';
import type {
	BuiltInActivity,
	LibraryActivity,
	OwnActivity
} from '$lib/domain/library/library-activity';
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
	/** Loads under way or done, by locale (not reactive: `builtIn` is). */
	#loading: Partial<Record<string, Promise<BuiltInActivity[]>>> = {};
	#own = new LiveQuery(() => activities().listActive());

	/** The built-in activities in the locale last loaded; null until loaded (call `load()`). */
	get builtIn(): BuiltInActivity[] | null {
		return this.#builtIn;
	}

	get own(): OwnActivity[] {
		return this.#own.current ?? [];
	}

	get ownLoaded(): boolean {
		return this.#own.loaded;
	}

	/**
	 * Loads the built-in library in a locale (the one shown) once: its facts and that locale's
	 * texts, chunks of their own that the service worker caches (ADR 19).
	 */
	load(locale: string): Promise<BuiltInActivity[]> {
		let loading = this.#loading[locale];
		if (!loading) {
			loading = import('$lib/domain/library')
				.then((library) => library.loadBuiltInActivities(locale))
				.then((activities) => {
					this.#builtIn = activities;
					return activities;
				});
			// A failed load (offline before the chunks were cached) may be tried again.
			loading.catch(() => delete this.#loading[locale]);
			this.#loading[locale] = loading;
		}
		return loading;
	}

	/** An activity by id, built-in (in the given locale) or own. */
	async find(id: string, locale: string): Promise<LibraryActivity | null> {
		if (isUuid(id)) {
			const own = await this.getOwn(id);
			return own && own.deletedAt === null ? own : null;
		}
		return (await this.load(locale)).find((a) => a.id === id) ?? null;
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

	/** Shares an own activity with the owner's other kindergartens, or withdraws it (ADR 38). */
	setShared(id: string, shared: boolean): Promise<boolean> {
		return activities().setShared(id, shared);
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
