import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { LekeplanDatabase } from './database';
import { SHIPPED } from './shipped-schemas';
import { PlanRepository } from './plan-repository';
import { ActivityRepository } from './activity-repository';
import { GuidanceRepository } from './guidance-repository';
import { uuidv7 } from '$lib/domain/ids';
import { DEFAULT_GUIDANCE } from '$lib/domain/guidance-default';
import { builtInActivity } from '$lib/domain/library/content-fixture';
import type { LibraryActivity } from '$lib/domain/library/library-activity';
import type { ActivityPlan } from '$lib/domain/plan';

const KINDERGARTEN = uuidv7();
const GROUP = uuidv7();

/** A plan as version 1 of the app stored it: no series, no rota. */
const V1_PLAN: ActivityPlan = {
	id: uuidv7(),
	kindergartenId: KINDERGARTEN,
	groupId: GROUP,
	title: 'Bee-Bot på eventyrmatta',
	date: '2026-11-24',
	startTime: '09:30',
	endTime: '10:15',
	goals: 'Barna programmerer en rute i flere steg.',
	description: 'Vi legger ut matta og teller steg sammen.',
	learningAreas: ['quantities', 'nature'],
	clauses: ['explore'],
	tools: ['Bee-Bot'],
	screenMode: 'screenFree',
	screenMinutes: 0,
	adultParticipates: true,
	privacy: { photographed: false, storage: '', consent: false, notes: '' },
	status: 'planned',
	evaluation: null,
	createdAt: '2026-11-20T08:00:00.000Z',
	updatedAt: '2026-11-20T08:00:00.000Z',
	deletedAt: null
};

/** The database exactly as version `n` of the app declared it. */
function openShipped(name: string, n: number): Dexie {
	const db = new Dexie(name);
	SHIPPED.slice(0, n).forEach((stores, i) => db.version(i + 1).stores(stores));
	return db;
}

const openVersion1 = (name: string) => openShipped(name, 1);

/** A row for a table, keyed as its schema says (the first key path, each part a text). */
function rowFor(table: string, schema: string): Record<string, unknown> {
	const primary = schema.split(',')[0]!.trim();
	const keys = primary.startsWith('[') ? primary.slice(1, -1).split('+') : [primary];
	const row: Record<string, unknown> = { note: `kept in ${table}` };
	for (const key of keys) row[key] = key === 'version' || key === 'id' ? 7 : `${table}-${key}`;
	// Every index of the table gets a value, so that each can be read back through.
	for (const index of schema.split(',').slice(1)) {
		for (const part of index.trim().replace(/[[\]]/g, '').split('+')) {
			row[part] ??= `${table}-${part}`;
		}
	}
	return row;
}

const opened: Dexie[] = [];
afterEach(async () => {
	for (const db of opened.splice(0)) await db.delete();
});

describe('upgrading the local database from version 1 to the newest', () => {
	it('keeps the plans and drafts a tablet already holds, and adds the new tables', async () => {
		const name = `test-${crypto.randomUUID()}`;
		const old = openVersion1(name);
		await old.table('plans').put(V1_PLAN);
		await old.table('drafts').put({
			key: 'plan:new',
			form: { title: 'Halvskrev' },
			savedAt: '2026-11-20T08:00:00.000Z'
		});
		expect(old.verno).toBe(1);
		old.close();

		const db = new LekeplanDatabase(name);
		opened.push(db);
		await db.open();
		expect(db.verno).toBe(9);
		expect(db.tables.map((t) => t.name).sort()).toEqual([
			'competenceAnswers',
			'competenceItemSets',
			'conflicts',
			'developmentPlans',
			'digitalPlans',
			'drafts',
			'equipment',
			'groups',
			'guidanceSets',
			'kindergartens',
			'outbox',
			'ownActivities',
			'plans',
			'rejections',
			'settings',
			'summaryDrafts',
			'syncMeta',
			'toolRegisters'
		]);

		// The old plan is still there, readable through the repository and its index.
		const plans = new PlanRepository(db);
		expect(await plans.get(V1_PLAN.id)).toEqual(V1_PLAN);
		expect(await plans.listForGroup(GROUP, '2026-11-23', '2026-11-29')).toEqual([V1_PLAN]);
		expect((await db.drafts.get('plan:new'))?.form).toEqual({ title: 'Halvskrev' });

		// The new tables work.
		const content: Partial<LibraryActivity> = builtInActivity('bee-bot-story-mat', 'nb');
		delete content.id;
		delete content.origin;
		const saved = await new ActivityRepository(db).save(content, KINDERGARTEN);
		expect(saved.ok).toBe(true);
		expect(await db.ownActivities.count()).toBe(1);

		const guidance = new GuidanceRepository(db, DEFAULT_GUIDANCE);
		const newer = { ...DEFAULT_GUIDANCE, version: DEFAULT_GUIDANCE.version + 1 };
		expect(await guidance.store(newer)).toBe(true);
		expect(await db.guidanceSets.get([DEFAULT_GUIDANCE.id, newer.version])).toEqual(newer);
		expect((await guidance.current()).version).toBe(newer.version);

		// And the old plan can still be edited.
		const result = await plans.update(V1_PLAN.id, {
			...V1_PLAN,
			title: 'Endret etter oppgradering'
		});
		expect(result.ok).toBe(true);
		expect((await plans.get(V1_PLAN.id))?.title).toBe('Endret etter oppgradering');
	});

	it('keeps what every table held at each shipped version, and reads it by every index', async () => {
		for (let n = 1; n <= SHIPPED.length; n++) {
			const name = `test-${crypto.randomUUID()}`;
			const old = openShipped(name, n);
			const tables = Object.assign({}, ...SHIPPED.slice(0, n)) as Record<string, string>;
			for (const [table, schema] of Object.entries(tables)) {
				await old.table(table).put(rowFor(table, schema));
			}
			expect(old.verno).toBe(n);
			old.close();

			const db = new LekeplanDatabase(name);
			opened.push(db);
			await db.open();
			expect(db.verno, `from version ${n}`).toBe(SHIPPED.length);
			for (const [table, schema] of Object.entries(tables)) {
				const row = rowFor(table, schema);
				expect(await db.table(table).toArray(), `${table}, from version ${n}`).toEqual([row]);
				for (const index of schema.split(',').slice(1)) {
					const parts = index.trim().replace(/[[\]]/g, '').split('+');
					const value = parts.length > 1 ? parts.map((p) => row[p]) : row[parts[0]!];
					const found = await db
						.table(table)
						.where(index.trim())
						.equals(value as never)
						.count();
					expect(found, `${table} by ${index.trim()}, from version ${n}`).toBe(1);
				}
			}
			// And the tables of later versions are there, empty, to be written.
			for (const stores of SHIPPED.slice(n)) {
				for (const table of Object.keys(stores)) expect(await db.table(table).count()).toBe(0);
			}
			db.close();
		}
	});

	it('opens a new, empty database at the newest version', async () => {
		const db = new LekeplanDatabase(`test-${crypto.randomUUID()}`);
		opened.push(db);
		await db.open();
		expect(db.verno).toBe(9);
		expect(await db.plans.count()).toBe(0);
		expect(await db.ownActivities.count()).toBe(0);
		expect(await db.guidanceSets.count()).toBe(0);
		expect(await db.developmentPlans.count()).toBe(0);
		expect(await db.competenceAnswers.count()).toBe(0);
		expect(await db.digitalPlans.count()).toBe(0);
		expect(await db.competenceItemSets.count()).toBe(0);
		expect(await db.summaryDrafts.count()).toBe(0);
		expect(await db.toolRegisters.count()).toBe(0);
		expect(await db.equipment.count()).toBe(0);
	});
});
