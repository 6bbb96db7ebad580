import 'fake-indexeddb/auto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { uuidv7 } from '$lib/domain/ids';
import type { PlanContent } from '$lib/domain/plan';
import { LekeplanDatabase } from '$lib/client/db/database';
import { PlanRepository } from '$lib/client/db/plan-repository';
import { SyncEngine, type SyncTransport } from '$lib/client/sync/engine';
import { MAX_PUSH_BYTES, type PullResponse, type PushResponse } from '$lib/sync';
import {
	describeEachDatabase,
	seedOwner,
	signIn,
	startTestServer,
	type SeededOwner,
	type TestServer
} from './harness';
import { planFields, pullPath, transportResult } from './sync-fixtures';

/**
 * A push body may be up to MAX_PUSH_BYTES, but something on the way (a proxy's default, a
 * server started without BODY_SIZE_LIMIT) can refuse less with a 413 of its own. The tablet
 * then sends the same mutations in smaller bodies: nothing is lost and nothing is stuck.
 */

/** A proxy's limit in front of the server: well below what the protocol allows. */
const PROXY_LIMIT = 200 * 1024;

describeEachDatabase('push bodies larger than a limit on the way', (dialect) => {
	let server: TestServer;
	let a: SeededOwner;
	let group: string;
	let cookie: string;

	beforeAll(async () => {
		server = await startTestServer(dialect);
		a = await seedOwner(server, 'b');
		group = a.kindergartens[0]!.groups[0]!;
		cookie = await signIn(server, a.users.staff.email);
	});
	afterAll(async () => server.close());

	/** The real server behind a proxy that answers 413 to bodies over `limit` bytes. */
	function behindProxy(limit: number) {
		const sizes: number[] = [];
		const refused: number[] = [];
		const transport: SyncTransport = {
			push: async (request) => {
				const body = JSON.stringify(request);
				const size = Buffer.byteLength(body);
				if (size > limit) {
					refused.push(size);
					return { ok: false, status: 413, reason: 'body_too_large' };
				}
				sizes.push(size);
				return transportResult<PushResponse>(
					await server.request('POST', '/api/v1/sync/push', {
						raw: body,
						cookie,
						headers: { 'content-type': 'application/json' }
					})
				);
			},
			pull: async (query) =>
				transportResult<PullResponse>(await server.request('GET', pullPath(query), { cookie }))
		};
		return { transport, sizes, refused };
	}

	async function tablet(transport: SyncTransport) {
		const db = new LekeplanDatabase(`body-limit-${dialect}-${uuidv7()}`);
		const engine = new SyncEngine(db, transport, () => server.clock.now());
		await engine.enable();
		const plans = new PlanRepository(db, () => server.clock.now());
		return { db, engine, plans };
	}

	const countOnServer = async () =>
		Number(
			(
				await server.deps.db
					.selectFrom('syncRecords')
					.select((eb) => eb.fn.countAll<number>().as('n'))
					.where('kindergartenId', '=', a.kindergartens[0]!.id)
					.executeTakeFirstOrThrow()
			).n
		);

	it('sends every plan after a 413, in bodies under the limit that refused it', async () => {
		const proxy = behindProxy(PROXY_LIMIT);
		const { db, engine, plans } = await tablet(proxy.transport);
		const before = await countOnServer();
		const description = 'Barna bygger en løype og programmerer roboten. '.repeat(20);
		for (let i = 0; i < 300; i++) {
			const made = await plans.create(
				planFields(group, { title: `Løype ${i}`, description }) as PlanContent,
				a.kindergartens[0]!.id
			);
			expect(made.ok).toBe(true);
		}
		expect(await db.outbox.count()).toBe(300);

		expect(await engine.sync()).toMatchObject({ ok: true, pushed: 300 });
		expect(await db.outbox.count()).toBe(0);
		expect(await countOnServer()).toBe(before + 300);
		// The first body was refused (it was over the proxy's limit, under the protocol's) …
		expect(proxy.refused.length).toBeGreaterThan(0);
		expect(proxy.refused[0]).toBeLessThanOrEqual(MAX_PUSH_BYTES);
		// … and every body that went through was within it.
		expect(Math.max(...proxy.sizes)).toBeLessThanOrEqual(PROXY_LIMIT);
		db.close();
	});

	it('keeps a mutation that no body under the limit can carry, and says why', async () => {
		const proxy = behindProxy(2 * 1024);
		const { db, engine, plans } = await tablet(proxy.transport);
		const made = await plans.create(
			planFields(group, { description: 'Lang beskrivelse. '.repeat(200) }) as PlanContent,
			a.kindergartens[0]!.id
		);
		expect(made.ok).toBe(true);
		expect(await engine.sync()).toMatchObject({ ok: false, status: 413 });
		expect(await db.outbox.count()).toBe(1);
		db.close();
	});
});
