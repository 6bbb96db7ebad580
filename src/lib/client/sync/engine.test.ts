import 'fake-indexeddb/auto';
import { planContent } from '$lib/domain/plan-fixture';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LekeplanDatabase } from '$lib/client/db/database';
import { META } from '$lib/client/db/outbox';
import { PlanRepository } from '$lib/client/db/plan-repository';
import { uuidv7 } from '$lib/domain/ids';
import type { PlanContent } from '$lib/domain/plan';
import type { Change, PullResponse, PushResponse } from '$lib/sync/protocol';
import { estimateTotal, SyncEngine, type PullProgress, type SyncTransport } from './engine';

const KINDERGARTEN = uuidv7();
const GROUP = uuidv7();
const AT = '2026-12-01T09:00:00.000Z';

const content = (title: string): PlanContent => planContent(GROUP, title);

/** A plan as a pull carries it: the whole record at `rev`. */
function planChange(rev: number, title = `Plan ${rev}`, recordId = uuidv7()): Change {
	return {
		recordId,
		type: 'plan',
		rev,
		data: {
			...content(title),
			id: recordId,
			kindergartenId: KINDERGARTEN,
			createdAt: AT,
			updatedAt: AT,
			deletedAt: null
		},
		fieldRevs: {},
		deletedAt: null,
		updatedBy: null
	};
}

function activityChange(rev: number, title: string): Change {
	const recordId = uuidv7();
	return {
		recordId,
		type: 'activity',
		rev,
		data: {
			id: recordId,
			origin: 'own',
			kindergartenId: KINDERGARTEN,
			kind: 'codingToy',
			tool: 'bee-bot',
			title,
			summary: 'Barna programmerer en vei på et rutenett.',
			ageMin: 3,
			ageMax: 6,
			groupSizeMin: 2,
			groupSizeMax: 5,
			durationMinutes: 30,
			setting: 'indoor',
			materials: ['Bee-Bot'],
			steps: ['Programmer roboten'],
			learningAreas: ['quantities'],
			clauses: ['explore'],
			screenMode: 'screenFree',
			screenMinutes: 0,
			adultParticipates: true,
			talkAbout: ['Hvor gikk roboten?'],
			staffTips: ['Start med to steg'],
			privacy: 'Ingen bilder av barna.',
			source: null,
			copiedFrom: null,
			createdAt: AT,
			updatedAt: AT,
			deletedAt: null
		},
		fieldRevs: {},
		deletedAt: null,
		updatedBy: null
	};
}

/** A server that serves the given pages by the cursor asked for, and takes every push. */
function pagedServer(pages: Map<number, PullResponse>, { reportBytes = false } = {}) {
	const asked: number[] = [];
	const transport: SyncTransport = {
		push: (request) =>
			Promise.resolve({
				ok: true,
				data: {
					results: request.mutations.map((m) => ({ id: m.id, status: 'applied' as const })),
					lastMutationId: request.mutations.at(-1)?.id ?? 0
				} satisfies PushResponse
			}),
		pull: (query, onBytes) => {
			asked.push(query.cursor);
			const page = pages.get(query.cursor);
			// The answer's bytes as a browser hears them: half, then all.
			const length = page ? JSON.stringify(page).length : 0;
			if (reportBytes && page) [Math.floor(length / 2), length].forEach((b) => onBytes?.(b));
			return Promise.resolve(
				page ? { ok: true, data: page } : { ok: false, status: 400, reason: 'cursor_from_future' }
			);
		}
	};
	return { transport, asked };
}

let db: LekeplanDatabase;

beforeEach(() => {
	db = new LekeplanDatabase(`engine-${uuidv7()}`);
});
afterEach(async () => {
	db.close();
	await db.delete();
});

describe('pulling', () => {
	it('applies a page with its cursor or not at all: after a failed write the next pull asks again from the same cursor', async () => {
		const first = planChange(5, 'Første side');
		const second = [planChange(9, 'Andre side'), activityChange(12, 'Skattejakt')];
		const { transport, asked } = pagedServer(
			new Map([
				[0, { changes: [first], head: 12, cursor: 5, hasMore: true }],
				[5, { changes: second, head: 12, cursor: 12, hasMore: false }]
			])
		);
		const engine = new SyncEngine(db, transport);
		// IndexedDB refuses the second page's activity (a full disk, say), after its plan was put.
		let refuse = true;
		db.use({
			stack: 'dbcore',
			name: 'full disk',
			create: (down) => ({
				...down,
				table: (name) => {
					const table = down.table(name);
					return {
						...table,
						mutate: (request) =>
							refuse && name === 'ownActivities'
								? Promise.reject(new DOMException('disk full', 'QuotaExceededError'))
								: table.mutate(request)
					};
				}
			})
		});

		await expect(engine.pull()).rejects.toThrow();
		// The first page stands; of the second nothing does, not even the plan written before the
		// failure, and the cursor stayed where the first page left it.
		expect(await db.plans.get(first.recordId)).toMatchObject({ title: 'Første side' });
		expect(await db.plans.get(second[0]!.recordId)).toBeUndefined();
		expect(await db.ownActivities.count()).toBe(0);
		expect(await engine.cursor()).toBe(5);

		refuse = false;
		expect(await engine.pull()).toMatchObject({ ok: true, pulled: 2 });
		expect(asked).toEqual([0, 5, 5]);
		expect(await db.plans.get(second[0]!.recordId)).toMatchObject({ title: 'Andre side' });
		expect(await db.ownActivities.get(second[1]!.recordId)).toMatchObject({ title: 'Skattejakt' });
		expect(await engine.cursor()).toBe(12);
	});

	it('reports each page as received of about how many, exact at the end', async () => {
		// Revisions 1–100 for this kindergarten's 50 records: one change in two revisions.
		const pages = new Map<number, PullResponse>([
			[0, { changes: [planChange(2), planChange(20)], head: 100, cursor: 20, hasMore: true }],
			[20, { changes: [planChange(50)], head: 100, cursor: 50, hasMore: true }],
			[50, { changes: [planChange(100)], head: 100, cursor: 100, hasMore: false }]
		]);
		const progress: PullProgress[] = [];
		const engine = new SyncEngine(db, pagedServer(pages).transport);
		expect(await engine.pull((p) => progress.push(p))).toMatchObject({ ok: true, pulled: 4 });
		expect(progress).toEqual([
			{ pulled: 2, total: 10, bytes: 0 },
			{ pulled: 3, total: 6, bytes: 0 },
			{ pulled: 4, total: 4, bytes: 0 }
		]);
	});

	it('reports the bytes received as they arrive, counting every page of the pull', async () => {
		const pages = new Map<number, PullResponse>([
			[0, { changes: [planChange(2)], head: 4, cursor: 2, hasMore: true }],
			[2, { changes: [planChange(4)], head: 4, cursor: 4, hasMore: false }]
		]);
		const [one, two] = [pages.get(0)!, pages.get(2)!].map((p) => JSON.stringify(p).length) as [
			number,
			number
		];
		const progress: PullProgress[] = [];
		const server = pagedServer(pages, { reportBytes: true });
		await new SyncEngine(db, server.transport).pull((p) => progress.push(p));
		expect(progress).toEqual([
			{ pulled: 0, total: null, bytes: Math.floor(one / 2) },
			{ pulled: 0, total: null, bytes: one },
			{ pulled: 1, total: 2, bytes: one },
			{ pulled: 1, total: 2, bytes: one + Math.floor(two / 2) },
			{ pulled: 1, total: 2, bytes: one + two },
			{ pulled: 2, total: 2, bytes: one + two }
		]);
	});

	it('says nothing of a total when the server does not send its head (an older server)', async () => {
		const pages = new Map<number, PullResponse>([
			[0, { changes: [planChange(2)], cursor: 2, hasMore: true }],
			[2, { changes: [planChange(3)], cursor: 3, hasMore: false }]
		]);
		const progress: PullProgress[] = [];
		await new SyncEngine(db, pagedServer(pages).transport).pull((p) => progress.push(p));
		expect(progress).toEqual([
			{ pulled: 1, total: null, bytes: 0 },
			{ pulled: 2, total: 2, bytes: 0 }
		]);
	});

	it('estimates from the cursor the pull started at, never below what has come', () => {
		expect(estimateTotal(100, 1000, 1100, 2000)).toBe(1000);
		expect(estimateTotal(100, 0, 100, 100)).toBe(100);
		expect(estimateTotal(5, 0, 0, 10)).toBeNull();
		expect(estimateTotal(500, 0, 10, 11)).toBe(550);
	});
});

describe('pushing to a server that needs a newer app', () => {
	it('answers 426 with the outbox kept whole and nothing pulled', async () => {
		let pulls = 0;
		const transport: SyncTransport = {
			push: () => Promise.resolve({ ok: false, status: 426, reason: 'protocol_unsupported' }),
			pull: () => {
				pulls++;
				return Promise.resolve({ ok: false, status: 426, reason: 'protocol_unsupported' });
			}
		};
		const engine = new SyncEngine(db, transport);
		await engine.enable();
		const plans = new PlanRepository(db);
		expect((await plans.create(content('Laget før oppdateringen'), KINDERGARTEN)).ok).toBe(true);
		const outbox = await db.outbox.toArray();
		expect(outbox).toHaveLength(1);

		expect(await engine.sync()).toEqual({
			ok: false,
			status: 426,
			reason: 'protocol_unsupported'
		});
		expect(await db.outbox.toArray()).toEqual(outbox);
		expect(pulls).toBe(0);
		expect((await db.syncMeta.get(META.cursor))?.value).toBeUndefined();
	});
});
