import { m } from '$lib/paraglide/messages';

/**
 * The tables of the owner's export in words, in the export's order (the export page only). The
 * server's list is src/lib/server/export/tables.ts; tests/server/owner-export.test.ts holds the
 * two together.
 */
export const EXPORT_TABLE_LABELS: Record<string, () => string> = {
	owners: m.export_table_owners,
	kindergartens: m.export_table_kindergartens,
	groups: m.export_table_groups,
	users: m.export_table_users,
	identities: m.export_table_identities,
	invitations: m.export_table_invitations,
	syncClients: m.export_table_syncClients,
	syncRecords: m.export_table_syncRecords,
	syncConflicts: m.export_table_syncConflicts,
	syncRejections: m.export_table_syncRejections,
	guidanceSets: m.export_table_guidanceSets,
	competenceItemSets: m.export_table_competenceItemSets,
	competenceSubmissions: m.export_table_competenceSubmissions,
	competenceAnswers: m.export_table_competenceAnswers,
	competencePlanEntries: m.export_table_competencePlanEntries,
	parentSummaries: m.export_table_parentSummaries,
	summaryPublishers: m.export_table_summaryPublishers,
	parentCodes: m.export_table_parentCodes,
	parentMemberships: m.export_table_parentMemberships,
	parentQuestions: m.export_table_parentQuestions,
	privacyNotices: m.export_table_privacyNotices,
	deletionRequests: m.export_table_deletionRequests,
	registerEntries: m.export_table_registerEntries,
	kindergartenEquipment: m.export_table_kindergartenEquipment,
	toolProposals: m.export_table_toolProposals,
	removedKindergartens: m.export_table_removedKindergartens,
	auditLog: m.export_table_auditLog
};
