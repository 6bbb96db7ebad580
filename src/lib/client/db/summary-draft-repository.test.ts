import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { LekeplanDatabase } from './database';
import { SummaryDraftRepository } from './summary-draft-repository';
import { uuidv7 } from '$lib/domain/ids';

const GROUP = uuidv7();
const opened: LekeplanDatabase[] = [];

function database(name = `test-${crypto.randomUUID()}`): LekeplanDatabase {
	const db = new LekeplanDatabase(name);
	opened.push(db);
	return db;
}

afterEach(() => {
	for (const db of opened.splice(0)) db.close();
});

describe('summary drafts on the tablet', () => {
	it('keeps one draft per group and period, read back after the database is opened again', async () => {
		const name = `test-${crypto.randomUUID()}`;
		const first = new SummaryDraftRepository(database(name));
		await first.save({
			groupId: GROUP,
			periodKind: 'week',
			periodStart: '2026-11-23',
			staffText: 'Vi utforsket lys.',
			staffTextLocale: 'nb'
		});
		await first.save({
			groupId: GROUP,
			periodKind: 'week',
			periodStart: '2026-11-23',
			staffText: 'Vi utforsket lys og skygge.',
			staffTextLocale: 'nn'
		});
		await first.save({
			groupId: GROUP,
			periodKind: 'month',
			periodStart: '2026-11-01',
			staffText: 'Hele måneden.',
			staffTextLocale: 'nb'
		});
		opened[0]!.close();

		const again = new SummaryDraftRepository(database(name));
		expect(await again.get(GROUP, 'week', '2026-11-23')).toMatchObject({
			staffText: 'Vi utforsket lys og skygge.',
			staffTextLocale: 'nn'
		});
		expect((await again.get(GROUP, 'month', '2026-11-01'))?.staffText).toBe('Hele måneden.');
		expect(await again.get(GROUP, 'week', '2026-11-30')).toBeUndefined();

		await again.remove(GROUP, 'week', '2026-11-23');
		expect(await again.get(GROUP, 'week', '2026-11-23')).toBeUndefined();
		expect(await again.get(GROUP, 'month', '2026-11-01')).toBeDefined();
	});
});
