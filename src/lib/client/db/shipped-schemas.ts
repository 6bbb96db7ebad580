/**
 * Every schema version the app has shipped, as it declared each (one `version(n)` beside the
 * other until version 9; since then LekeplanDatabase declares its newest schema whole, ADR 47).
 * A tablet may still hold a database at any of them. Only the upgrade tests read this
 * (database.test.ts, tests/e2e/upgrade.e2e.ts); the app never imports it. Append the next
 * version here when the schema changes.
 */
export const SHIPPED: ReadonlyArray<Record<string, string>> = [
	{
		plans: 'id, [groupId+date], date, status, updatedAt',
		groups: 'id, kindergartenId',
		kindergartens: 'id',
		drafts: 'key',
		settings: 'key'
	},
	{ ownActivities: 'id, kindergartenId, updatedAt', guidanceSets: '[id+version]' },
	{
		outbox: 'id, recordId',
		syncMeta: 'key',
		conflicts: 'id, recordId',
		rejections: 'mutationId, recordId'
	},
	{ developmentPlans: 'id, updatedAt' },
	{ competenceAnswers: 'id, period' },
	{ digitalPlans: 'id, year' },
	{ competenceItemSets: 'version' },
	{ summaryDrafts: 'key, groupId, updatedAt' },
	{ toolRegisters: 'ownerId', equipment: 'kindergartenId' }
];
