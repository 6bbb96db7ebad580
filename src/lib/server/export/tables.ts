import { z } from 'zod/mini';
import type { Database } from '../db';

/**
 * The tables of an owner's export (issue 16, ADR 42), in the order an import writes them (a
 * row's references come before it), each with its columns' types and its key (what the export
 * pages by). The published JSON Schema (docs/schemas/owner-export-1.schema.json) is made from
 * these; a test holds the two together, and holds this list against the database's tables.
 *
 * Not exported: sessions and the sign-in throttle (secrets and counters that end by themselves),
 * plan facts (made again from the plans, ADR 35) and the server's sync sequence (an import moves
 * it past the highest revision it brings).
 */

const text = z.string();
const textOrNull = z.nullable(z.string());
const int = z.int();
const intOrNull = z.nullable(z.int());

export const EXPORT_TABLES = {
	owners: { key: ['id'], columns: { id: text, name: text, createdAt: text } },
	kindergartens: {
		key: ['id'],
		columns: { id: text, ownerId: text, name: text, createdAt: text, updatedAt: text }
	},
	groups: {
		key: ['id'],
		columns: {
			id: text,
			ownerId: text,
			kindergartenId: text,
			name: text,
			ageMin: int,
			ageMax: int,
			createdAt: text,
			updatedAt: text
		}
	},
	users: {
		key: ['id'],
		columns: {
			id: text,
			ownerId: text,
			email: textOrNull,
			displayName: text,
			role: text,
			kindergartenId: textOrNull,
			groupId: textOrNull,
			/** argon2id: lets people sign in on the server the export is imported into. */
			passwordHash: textOrNull,
			disabledAt: textOrNull,
			createdAt: text,
			updatedAt: text
		}
	},
	identities: {
		key: ['issuer', 'subject'],
		columns: { issuer: text, subject: text, userId: text, createdAt: text }
	},
	invitations: {
		key: ['id'],
		columns: {
			id: text,
			tokenHash: text,
			ownerId: text,
			role: text,
			kindergartenId: textOrNull,
			groupId: textOrNull,
			displayName: text,
			createdBy: text,
			createdAt: text,
			expiresAt: text,
			acceptedAt: textOrNull,
			acceptedUserId: textOrNull,
			revokedAt: textOrNull
		}
	},
	syncClients: {
		key: ['clientId'],
		columns: {
			clientId: text,
			userId: text,
			lastMutationId: int,
			scope: textOrNull,
			createdAt: text,
			updatedAt: text
		}
	},
	syncRecords: {
		// Paged by the index the pull reads by (owner, kindergarten, revision): by the record id a
		// page would sort every plan of the owner again (revisions are unique on a server).
		key: ['kindergartenId', 'rev'],
		columns: {
			recordId: text,
			type: text,
			ownerId: text,
			kindergartenId: text,
			groupId: textOrNull,
			data: text,
			fieldRevs: text,
			fieldClients: text,
			rev: int,
			deletedAt: textOrNull,
			createdAt: text,
			updatedBy: textOrNull,
			updatedAt: text,
			shared: intOrNull
		}
	},
	syncConflicts: {
		key: ['id'],
		columns: {
			id: text,
			recordId: text,
			type: text,
			field: textOrNull,
			kind: text,
			serverValue: text,
			clientValue: text,
			clientId: text,
			mutationId: intOrNull,
			userId: text,
			serverUserId: textOrNull,
			serverAt: textOrNull,
			ownerId: text,
			kindergartenId: text,
			createdAt: text,
			resolvedAt: textOrNull,
			resolvedBy: textOrNull,
			resolution: textOrNull
		}
	},
	syncRejections: {
		key: ['clientId', 'mutationId'],
		columns: { clientId: text, mutationId: int, reason: text, createdAt: text }
	},
	guidanceSets: {
		key: ['ownerId'],
		columns: {
			ownerId: text,
			recordId: text,
			data: text,
			version: int,
			rev: int,
			createdAt: text,
			updatedBy: textOrNull,
			updatedAt: text
		}
	},
	competenceItemSets: {
		key: ['ownerId'],
		columns: {
			ownerId: text,
			recordId: text,
			data: text,
			version: int,
			rev: int,
			createdAt: text,
			updatedBy: textOrNull,
			updatedAt: text
		}
	},
	competenceSubmissions: {
		key: ['id'],
		columns: {
			id: text,
			ownerId: text,
			kindergartenId: text,
			userId: text,
			audience: text,
			period: text,
			bankVersion: int,
			submittedAt: text
		}
	},
	competenceAnswers: {
		key: ['submissionId', 'itemId'],
		columns: { submissionId: text, itemId: text, level: int }
	},
	competencePlanEntries: {
		key: ['id'],
		columns: {
			id: text,
			ownerId: text,
			kindergartenId: textOrNull,
			kind: text,
			area: textOrNull,
			title: text,
			partner: textOrNull,
			places: intOrNull,
			startsOn: textOrNull,
			endsOn: textOrNull,
			status: text,
			note: textOrNull,
			createdBy: text,
			createdAt: text,
			updatedAt: text
		}
	},
	parentSummaries: {
		key: ['id'],
		columns: {
			id: text,
			ownerId: text,
			kindergartenId: text,
			groupId: text,
			periodKind: text,
			periodStart: text,
			content: text,
			staffText: text,
			staffTextLocale: text,
			publishedBy: text,
			publishedAt: text,
			withdrawnAt: textOrNull
		}
	},
	summaryPublishers: {
		key: ['userId'],
		columns: { userId: text, kindergartenId: text, grantedBy: text, grantedAt: text }
	},
	parentCodes: {
		key: ['id'],
		columns: {
			id: text,
			codeHash: text,
			ownerId: text,
			kindergartenId: text,
			groupId: text,
			createdBy: text,
			createdAt: text,
			expiresAt: text,
			revokedAt: textOrNull
		}
	},
	parentMemberships: {
		key: ['userId', 'groupId'],
		columns: {
			userId: text,
			groupId: text,
			kindergartenId: text,
			codeId: textOrNull,
			joinedAt: text,
			removedAt: textOrNull
		}
	},
	parentQuestions: {
		key: ['id'],
		columns: {
			id: text,
			ownerId: text,
			kindergartenId: text,
			groupId: text,
			askedBy: text,
			body: text,
			askedAt: text,
			answer: textOrNull,
			answeredBy: textOrNull,
			answeredAt: textOrNull
		}
	},
	privacyNotices: {
		key: ['ownerId', 'locale'],
		columns: { ownerId: text, locale: text, body: text, updatedBy: text, updatedAt: text }
	},
	deletionRequests: {
		key: ['id'],
		columns: {
			id: text,
			ownerId: text,
			userId: text,
			askedAt: text,
			carriedOutAt: textOrNull,
			carriedOutBy: textOrNull,
			withdrawnAt: textOrNull
		}
	},
	registerEntries: {
		key: ['id'],
		columns: {
			id: text,
			ownerId: text,
			seedKey: textOrNull,
			name: text,
			decision: text,
			data: text,
			rev: int,
			assessedAt: textOrNull,
			assessedBy: textOrNull,
			createdAt: text,
			updatedAt: text,
			updatedBy: textOrNull
		}
	},
	kindergartenEquipment: {
		key: ['kindergartenId', 'entryId'],
		columns: {
			kindergartenId: text,
			entryId: text,
			ownerId: text,
			works: int,
			needsRepair: int,
			missing: int,
			note: text,
			rev: int,
			updatedAt: text,
			updatedBy: textOrNull
		}
	},
	toolProposals: {
		key: ['id'],
		columns: {
			id: text,
			ownerId: text,
			kindergartenId: text,
			proposedBy: text,
			name: text,
			kind: text,
			purpose: text,
			note: text,
			proposedAt: text,
			status: text,
			decidedAt: textOrNull,
			decidedBy: textOrNull,
			reason: textOrNull,
			entryId: textOrNull
		}
	},
	removedKindergartens: {
		key: ['id'],
		columns: { id: text, ownerId: text, name: text, removedAt: text, removedBy: textOrNull }
	},
	auditLog: {
		key: ['id'],
		columns: {
			id: text,
			at: text,
			ownerId: textOrNull,
			actorUserId: textOrNull,
			action: text,
			targetType: textOrNull,
			targetId: textOrNull,
			reason: textOrNull,
			kindergartenId: textOrNull,
			changes: textOrNull
		}
	}
} as const satisfies Partial<
	Record<keyof Database, { key: readonly string[]; columns: Record<string, z.ZodMiniType> }>
>;

export type ExportTable = keyof typeof EXPORT_TABLES;
export const EXPORT_TABLE_NAMES = Object.keys(EXPORT_TABLES) as ExportTable[];

/** A table's integer columns (PostgreSQL may hand a count or an integer over as text). */
export const INTEGER_COLUMNS = Object.fromEntries(
	EXPORT_TABLE_NAMES.map((t) => [
		t,
		new Set(
			Object.entries(EXPORT_TABLES[t].columns as Record<string, unknown>)
				.filter(([, type]) => type === int || type === intOrNull)
				.map(([column]) => column)
		)
	])
) as unknown as Record<ExportTable, ReadonlySet<string>>;

/** Tables of the database an export leaves out, and why (see above). */
export const NOT_EXPORTED = [
	'sessions',
	'signInThrottle',
	'planFacts',
	'planFactsState',
	'syncSequence'
] as const;

export const EXPORT_FORMAT = 'lekeplan-owner-export';
export const EXPORT_VERSION = 1;

/** The export as one JSON document: what the published JSON Schema is made from. */
export const ownerExportSchema = z.strictObject({
	format: z.literal(EXPORT_FORMAT),
	version: z.literal(EXPORT_VERSION),
	exportedAt: z.string(),
	ownerId: z.string(),
	/** Rows per table, as counted when the export began. */
	counts: z.strictObject(
		Object.fromEntries(EXPORT_TABLE_NAMES.map((t) => [t, z.int()])) as Record<
			ExportTable,
			z.ZodMiniInt
		>
	),
	tables: z.strictObject(
		Object.fromEntries(
			EXPORT_TABLE_NAMES.map((t) => [t, z.array(z.strictObject(EXPORT_TABLES[t].columns))])
		) as unknown as Record<ExportTable, z.ZodMiniArray>
	)
});

/** The published JSON Schema of the export (docs/schemas/owner-export-1.schema.json). */
export function exportJsonSchema(): Record<string, unknown> {
	return {
		$id: 'https://lekeplan.no/schemas/owner-export-1.schema.json',
		title: 'Lekeplan owner export, version 1',
		description:
			"Everything of one owner on a Lekeplan server: one JSON document, one table's rows to an array, one row to a line. Made by `GET /api/v1/export` and read by `npm run import`.",
		...z.toJSONSchema(ownerExportSchema)
	};
}
