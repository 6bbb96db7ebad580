import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LekeplanDatabase } from './database';
import { ActivityRepository, type ActivitySaveResult } from './activity-repository';
import { DraftRepository } from './draft-repository';
import { uuidv7 } from '$lib/domain/ids';
import { builtInActivity } from '$lib/domain/library/content-fixture';
import {
	type ActivityContent,
	type LibraryActivity,
	type OwnActivity
} from '$lib/domain/library/library-activity';

const KINDERGARTEN = uuidv7();
const BEE_BOT = builtInActivity('bee-bot-story-mat', 'nb');

/** The content of a library activity, without the library's own id and origin. */
function contentOf(a: LibraryActivity): ActivityContent {
	const copy: Partial<LibraryActivity> = { ...a };
	delete copy.id;
	delete copy.origin;
	return copy as ActivityContent;
}

/** The content of a real activity in Norwegian, as the own-activity form would produce it. */
function content(overrides: Partial<ActivityContent> = {}): ActivityContent {
	return { ...contentOf(BEE_BOT), ...overrides };
}

/** The activity a successful save returns; fails the test on a refused one. */
function saved(result: ActivitySaveResult): OwnActivity {
	if (!result.ok) throw new Error(`expected a saved activity: ${JSON.stringify(result.problems)}`);
	return result.activity;
}

let db: LekeplanDatabase;
let activities: ActivityRepository;
let drafts: DraftRepository;
let now: number;
const tick = (minutes = 1) => {
	now += minutes * 60_000;
};

beforeEach(() => {
	now = Date.UTC(2026, 10, 20, 8, 0, 0);
	db = new LekeplanDatabase(`test-${crypto.randomUUID()}`);
	const clock = () => new Date(now);
	activities = new ActivityRepository(db, clock);
	drafts = new DraftRepository(db, clock);
});

afterEach(async () => {
	await db.delete();
});

describe('save: a new activity', () => {
	it("stores it as the kindergarten's own, with a new id and time stamps", async () => {
		const a = saved(await activities.save(content(), KINDERGARTEN));
		expect(a.origin).toBe('own');
		expect(a.kindergartenId).toBe(KINDERGARTEN);
		expect(a.copiedFrom).toBeNull();
		expect(a.id).toMatch(/^[0-9a-f]{8}-/);
		expect(a.createdAt).toBe('2026-11-20T08:00:00.000Z');
		expect(a.updatedAt).toBe(a.createdAt);
		expect(a.deletedAt).toBeNull();
		expect(a.title).toBe(content().title);
		expect(a.steps).toEqual(content().steps);
		expect(await activities.get(a.id)).toEqual(a);
		expect(await activities.listActive()).toEqual([a]);
	});

	it('remembers the built-in activity it was copied from', async () => {
		const a = saved(
			await activities.save(content(), KINDERGARTEN, { copiedFrom: 'bee-bot-story-mat' })
		);
		expect(a.copiedFrom).toBe('bee-bot-story-mat');
		expect((await activities.get(a.id))?.copiedFrom).toBe('bee-bot-story-mat');
	});

	it('keeps a stop-motion copy with its phases and source', async () => {
		const film = builtInActivity('stop-motion-plasticine-animals', 'en');
		const a = saved(
			await activities.save(contentOf(film), KINDERGARTEN, {
				copiedFrom: film.id
			})
		);
		const stored = await activities.get(a.id);
		expect(stored?.kind).toBe('stopMotion');
		expect(stored?.phases).toEqual(film.phases);
		expect(stored?.source).toEqual(film.source);
	});

	it('trims what it stores', async () => {
		const a = saved(await activities.save(content({ title: '  Robotdans  ' }), KINDERGARTEN));
		expect((await activities.get(a.id))?.title).toBe('Robotdans');
	});

	it('stores nothing and returns the problems when the content is invalid', async () => {
		const result = await activities.save(content({ title: '   ' }), KINDERGARTEN);
		expect(result.ok).toBe(false);
		expect(!result.ok && result.problems.title?.code).toBe('required');
		expect(await db.ownActivities.count()).toBe(0);
	});

	it('stores nothing when a rule between fields is broken', async () => {
		const result = await activities.save(content({ ageMin: 4, ageMax: 3 }), KINDERGARTEN);
		expect(!result.ok && result.problems.ageMax?.code).toBe('age_max_before_min');
		expect(await db.ownActivities.count()).toBe(0);
	});

	it('stores nothing when a text holds a personal number', async () => {
		const result = await activities.save(
			content({ steps: ['Legg ut matta', 'Barn 15076500565 starter'] }),
			KINDERGARTEN
		);
		expect(!result.ok && result.problems.steps?.code).toBe('personal_number');
		expect(await db.ownActivities.count()).toBe(0);
	});

	it('stores nothing for a kindergarten id that is not an id', async () => {
		const result = await activities.save(content(), 'Humla barnehage');
		expect(!result.ok && result.problems.kindergartenId?.code).toBe('invalid_id');
		expect(await db.ownActivities.count()).toBe(0);
	});

	it('stores nothing for something that is not an activity', async () => {
		const result = await activities.save({ title: 'Bare en tittel' }, KINDERGARTEN);
		expect(result.ok).toBe(false);
		expect(await db.ownActivities.count()).toBe(0);
	});
});

describe('save: an existing activity', () => {
	it('replaces it, keeping id, createdAt and copiedFrom', async () => {
		const created = saved(
			await activities.save(content(), KINDERGARTEN, { copiedFrom: 'bee-bot-story-mat' })
		);
		tick(5);
		const updated = saved(
			await activities.save(content({ title: 'Bukkene Bruse på matta', ageMin: 4 }), KINDERGARTEN, {
				id: created.id
			})
		);
		expect(updated.id).toBe(created.id);
		expect(updated.createdAt).toBe(created.createdAt);
		expect(updated.copiedFrom).toBe('bee-bot-story-mat');
		expect(updated.updatedAt).toBe('2026-11-20T08:05:00.000Z');
		expect(updated.title).toBe('Bukkene Bruse på matta');
		expect(updated.ageMin).toBe(4);
		expect(await activities.get(created.id)).toEqual(updated);
		expect(await db.ownActivities.count()).toBe(1);
	});

	it('keeps the original copiedFrom even when the edit names another', async () => {
		const created = saved(
			await activities.save(content(), KINDERGARTEN, { copiedFrom: 'bee-bot-story-mat' })
		);
		const updated = saved(
			await activities.save(content(), KINDERGARTEN, {
				id: created.id,
				copiedFrom: 'cubetto-own-map'
			})
		);
		expect(updated.copiedFrom).toBe('bee-bot-story-mat');
	});

	it('leaves the stored activity as it was when the change is invalid', async () => {
		const created = saved(await activities.save(content(), KINDERGARTEN));
		tick();
		const result = await activities.save(content({ learningAreas: [] }), KINDERGARTEN, {
			id: created.id
		});
		expect(!result.ok && result.problems.learningAreas?.code).toBe('choose_learning_area');
		expect(await activities.get(created.id)).toEqual(created);
	});

	it('refuses an edit of an activity that does not exist, instead of making a new one', async () => {
		const result = await activities.save(content(), KINDERGARTEN, { id: uuidv7() });
		expect(!result.ok && result.problems['_']?.code).toBe('not_found');
		expect(await activities.listActive()).toEqual([]);
	});

	it('refuses an edit of a deleted activity: it stays deleted', async () => {
		const created = saved(await activities.save(content(), KINDERGARTEN));
		await activities.softDelete(created.id);
		const result = await activities.save(content({ title: 'Endret' }), KINDERGARTEN, {
			id: created.id
		});
		expect(!result.ok && result.problems['_']?.code).toBe('not_found');
		expect((await activities.get(created.id))?.deletedAt).not.toBeNull();
		expect((await activities.get(created.id))?.title).toBe(created.title);
	});
});

describe('save with a draft key', () => {
	it('removes that draft, and only that one', async () => {
		await drafts.save('activity:new', { title: 'Bee' });
		await drafts.save('activity:other', { title: 'Annen' });
		saved(await activities.save(content(), KINDERGARTEN, { draftKey: 'activity:new' }));
		expect(await drafts.get('activity:new')).toBeUndefined();
		expect(await drafts.get('activity:other')).toBeDefined();
	});

	it('keeps the draft when the activity is refused', async () => {
		await drafts.save('activity:new', { title: '' });
		const result = await activities.save(content({ title: '' }), KINDERGARTEN, {
			draftKey: 'activity:new'
		});
		expect(result.ok).toBe(false);
		expect(await drafts.get('activity:new')).toBeDefined();
	});
});

describe('listActive', () => {
	it('sorts by title the Norwegian way (Å after Z)', async () => {
		for (const title of ['Årstidene', 'Zebra-dans', 'Bee-Bot', 'Ørnen'])
			saved(await activities.save(content({ title }), KINDERGARTEN));
		expect((await activities.listActive()).map((a) => a.title)).toEqual([
			'Bee-Bot',
			'Zebra-dans',
			'Ørnen',
			'Årstidene'
		]);
	});

	it('skips a broken row instead of failing, and leaves it in place', async () => {
		const good = saved(await activities.save(content(), KINDERGARTEN));
		const brokenId = uuidv7();
		const broken = { id: brokenId, title: 42, deletedAt: null } as unknown as OwnActivity;
		await db.ownActivities.put(broken);
		expect(await activities.listActive()).toEqual([good]);
		expect(await activities.get(brokenId)).toBeNull();
		expect(await db.ownActivities.get(brokenId)).toEqual(broken);
	});
});

describe('softDelete and restore', () => {
	it('hides a deleted activity from the list but keeps it readable by id', async () => {
		const a = saved(await activities.save(content({ title: 'A' }), KINDERGARTEN));
		const b = saved(await activities.save(content({ title: 'B' }), KINDERGARTEN));
		tick();
		await activities.softDelete(a.id);
		expect((await activities.listActive()).map((x) => x.id)).toEqual([b.id]);
		const tombstone = await activities.get(a.id);
		expect(tombstone?.deletedAt).toBe('2026-11-20T08:01:00.000Z');
		expect(tombstone?.updatedAt).toBe('2026-11-20T08:01:00.000Z');
		expect(tombstone?.title).toBe('A');
	});

	it('restore brings it back', async () => {
		const a = saved(await activities.save(content(), KINDERGARTEN));
		await activities.softDelete(a.id);
		expect(await activities.listActive()).toEqual([]);
		tick(2);
		await activities.restore(a.id);
		const restored = await activities.get(a.id);
		expect(restored?.deletedAt).toBeNull();
		expect(restored?.updatedAt).toBe('2026-11-20T08:02:00.000Z');
		expect((await activities.listActive()).map((x) => x.id)).toEqual([a.id]);
	});

	it('does nothing for an unknown id', async () => {
		const a = saved(await activities.save(content(), KINDERGARTEN));
		await activities.softDelete(uuidv7());
		await activities.restore(uuidv7());
		expect(await db.ownActivities.count()).toBe(1);
		expect(await activities.listActive()).toEqual([a]);
	});
});

describe("sharing with the owner's other kindergartens (ADR 38)", () => {
	beforeEach(async () => {
		const { META } = await import('./outbox');
		await db.syncMeta.put({ key: META.enabled, value: true });
	});

	it('shares and withdraws an own activity, each a change of `shared` only', async () => {
		const a = saved(await activities.save(content(), KINDERGARTEN));
		tick();
		expect(await activities.setShared(a.id, true)).toBe(true);
		expect((await activities.get(a.id))?.shared).toBe(true);
		tick();
		expect(await activities.setShared(a.id, false)).toBe(true);
		const entries = await db.outbox.orderBy('id').toArray();
		expect(entries.slice(1).map((e) => e.fields)).toEqual([{ shared: true }, { shared: false }]);
	});

	it('keeps the share through an edit of the content', async () => {
		const a = saved(await activities.save(content(), KINDERGARTEN));
		await activities.setShared(a.id, true);
		tick();
		const edited = saved(
			await activities.save(content({ title: 'Ny tittel' }), KINDERGARTEN, { id: a.id })
		);
		expect(edited.shared).toBe(true);
		const last = (await db.outbox.orderBy('id').toArray()).at(-1);
		expect(last?.fields).not.toHaveProperty('shared');
	});

	it("never edits, shares, deletes or restores another kindergarten's shared activity", async () => {
		const a = saved(await activities.save(content(), uuidv7()));
		await db.ownActivities.put({ ...a, shared: true, sharedFrom: 'Solsikken barnehage' });
		const before = await db.outbox.count();
		expect(
			(await activities.save(content({ title: 'Endret' }), KINDERGARTEN, { id: a.id })).ok
		).toBe(false);
		expect(await activities.setShared(a.id, false)).toBe(false);
		await activities.softDelete(a.id);
		expect(await activities.get(a.id)).toMatchObject({ title: a.title, deletedAt: null });
		expect(await db.outbox.count()).toBe(before);
	});
});
