import { sql, type Kysely, type Migration, type MigrationProvider } from 'kysely';

/**
 * One set of migrations for both dialects: only portable column types (text, integer) and
 * constraints. Append new migrations; never edit one that has shipped.
 */
const migrations: Record<string, Migration> = {
	'0001-organisation-accounts': {
		async up(db: Kysely<unknown>) {
			await db.schema
				.createTable('owners')
				.addColumn('id', 'text', (c) => c.primaryKey())
				.addColumn('name', 'text', (c) => c.notNull())
				.addColumn('created_at', 'text', (c) => c.notNull())
				.execute();

			await db.schema
				.createTable('kindergartens')
				.addColumn('id', 'text', (c) => c.primaryKey())
				.addColumn('owner_id', 'text', (c) => c.notNull().references('owners.id'))
				.addColumn('name', 'text', (c) => c.notNull())
				.addColumn('created_at', 'text', (c) => c.notNull())
				.addColumn('updated_at', 'text', (c) => c.notNull())
				.execute();
			await db.schema
				.createIndex('kindergartens_owner')
				.on('kindergartens')
				.column('owner_id')
				.execute();

			await db.schema
				.createTable('groups')
				.addColumn('id', 'text', (c) => c.primaryKey())
				.addColumn('owner_id', 'text', (c) => c.notNull().references('owners.id'))
				.addColumn('kindergarten_id', 'text', (c) => c.notNull().references('kindergartens.id'))
				.addColumn('name', 'text', (c) => c.notNull())
				.addColumn('age_min', 'integer', (c) => c.notNull())
				.addColumn('age_max', 'integer', (c) => c.notNull())
				.addColumn('created_at', 'text', (c) => c.notNull())
				.addColumn('updated_at', 'text', (c) => c.notNull())
				.execute();
			await db.schema
				.createIndex('groups_kindergarten')
				.on('groups')
				.column('kindergarten_id')
				.execute();

			await db.schema
				.createTable('users')
				.addColumn('id', 'text', (c) => c.primaryKey())
				.addColumn('owner_id', 'text', (c) => c.notNull().references('owners.id'))
				.addColumn('email', 'text', (c) => c.unique())
				.addColumn('display_name', 'text', (c) => c.notNull())
				.addColumn('role', 'text', (c) => c.notNull())
				.addColumn('kindergarten_id', 'text', (c) => c.references('kindergartens.id'))
				.addColumn('group_id', 'text', (c) => c.references('groups.id'))
				.addColumn('password_hash', 'text')
				.addColumn('disabled_at', 'text')
				.addColumn('created_at', 'text', (c) => c.notNull())
				.addColumn('updated_at', 'text', (c) => c.notNull())
				.execute();
			await db.schema.createIndex('users_owner').on('users').column('owner_id').execute();

			await db.schema
				.createTable('identities')
				.addColumn('issuer', 'text', (c) => c.notNull())
				.addColumn('subject', 'text', (c) => c.notNull())
				.addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
				.addColumn('created_at', 'text', (c) => c.notNull())
				.addPrimaryKeyConstraint('identities_pk', ['issuer', 'subject'])
				.execute();

			await db.schema
				.createTable('sessions')
				.addColumn('id_hash', 'text', (c) => c.primaryKey())
				.addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
				.addColumn('created_at', 'text', (c) => c.notNull())
				.addColumn('last_seen_at', 'text', (c) => c.notNull())
				.addColumn('expires_at', 'text', (c) => c.notNull())
				.execute();
			await db.schema.createIndex('sessions_user').on('sessions').column('user_id').execute();

			await db.schema
				.createTable('invitations')
				.addColumn('id', 'text', (c) => c.primaryKey())
				.addColumn('token_hash', 'text', (c) => c.notNull().unique())
				.addColumn('owner_id', 'text', (c) => c.notNull().references('owners.id'))
				.addColumn('role', 'text', (c) => c.notNull())
				.addColumn('kindergarten_id', 'text', (c) => c.references('kindergartens.id'))
				.addColumn('group_id', 'text', (c) => c.references('groups.id'))
				.addColumn('display_name', 'text', (c) => c.notNull())
				.addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
				.addColumn('created_at', 'text', (c) => c.notNull())
				.addColumn('expires_at', 'text', (c) => c.notNull())
				.addColumn('accepted_at', 'text')
				.addColumn('accepted_user_id', 'text', (c) => c.references('users.id'))
				.addColumn('revoked_at', 'text')
				.execute();

			await db.schema
				.createTable('audit_log')
				.addColumn('id', 'text', (c) => c.primaryKey())
				.addColumn('at', 'text', (c) => c.notNull())
				.addColumn('owner_id', 'text')
				.addColumn('actor_user_id', 'text')
				.addColumn('action', 'text', (c) => c.notNull())
				.addColumn('target_type', 'text')
				.addColumn('target_id', 'text')
				.addColumn('reason', 'text')
				.execute();
			await db.schema
				.createIndex('audit_log_owner_at')
				.on('audit_log')
				.columns(['owner_id', 'at'])
				.execute();
		},
		async down(db: Kysely<unknown>) {
			for (const table of [
				'audit_log',
				'invitations',
				'sessions',
				'identities',
				'users',
				'groups',
				'kindergartens',
				'owners'
			]) {
				await db.schema.dropTable(table).execute();
			}
		}
	},
	/**
	 * Sync (docs/design/sync-protocol.md, ADR 9): the synced records with their revisions, the one
	 * server sequence every revision and cursor comes from, each client's last mutation id and scope,
	 * conflicts kept for a person to resolve, and refused mutations.
	 */
	'0002-sync': {
		async up(db: Kysely<unknown>) {
			await db.schema
				.createTable('sync_records')
				.addColumn('record_id', 'text', (c) => c.primaryKey())
				.addColumn('type', 'text', (c) => c.notNull())
				.addColumn('owner_id', 'text', (c) => c.notNull().references('owners.id'))
				.addColumn('kindergarten_id', 'text', (c) => c.notNull().references('kindergartens.id'))
				.addColumn('group_id', 'text')
				.addColumn('data', 'text', (c) => c.notNull())
				.addColumn('field_revs', 'text', (c) => c.notNull())
				.addColumn('field_clients', 'text', (c) => c.notNull())
				.addColumn('rev', 'integer', (c) => c.notNull())
				.addColumn('deleted_at', 'text')
				.addColumn('created_at', 'text', (c) => c.notNull())
				.addColumn('updated_by', 'text')
				.addColumn('updated_at', 'text', (c) => c.notNull())
				.execute();
			await db.schema
				.createIndex('sync_records_scope_rev')
				.on('sync_records')
				.columns(['owner_id', 'kindergarten_id', 'rev'])
				.execute();
			// Every write takes its own revision from the sequence: unique by construction.
			await db.schema
				.createIndex('sync_records_rev')
				.on('sync_records')
				.column('rev')
				.unique()
				.execute();
			await db.schema
				.createIndex('sync_records_group')
				.on('sync_records')
				.column('group_id')
				.execute();

			await db.schema
				.createTable('sync_sequence')
				.addColumn('id', 'integer', (c) => c.primaryKey())
				.addColumn('value', 'integer', (c) => c.notNull())
				.execute();
			await sql`insert into sync_sequence (id, value) values (1, 0)`.execute(db);

			await db.schema
				.createTable('sync_clients')
				.addColumn('client_id', 'text', (c) => c.primaryKey())
				.addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
				.addColumn('last_mutation_id', 'integer', (c) => c.notNull())
				.addColumn('scope', 'text')
				.addColumn('created_at', 'text', (c) => c.notNull())
				.addColumn('updated_at', 'text', (c) => c.notNull())
				.execute();

			await db.schema
				.createTable('sync_conflicts')
				.addColumn('id', 'text', (c) => c.primaryKey())
				.addColumn('record_id', 'text', (c) => c.notNull())
				.addColumn('type', 'text', (c) => c.notNull())
				.addColumn('field', 'text')
				.addColumn('kind', 'text', (c) => c.notNull())
				.addColumn('server_value', 'text', (c) => c.notNull())
				.addColumn('client_value', 'text', (c) => c.notNull())
				.addColumn('client_id', 'text', (c) => c.notNull())
				.addColumn('user_id', 'text', (c) => c.notNull())
				.addColumn('owner_id', 'text', (c) => c.notNull())
				.addColumn('kindergarten_id', 'text', (c) => c.notNull())
				.addColumn('created_at', 'text', (c) => c.notNull())
				.addColumn('resolved_at', 'text')
				.addColumn('resolved_by', 'text')
				.addColumn('resolution', 'text')
				.execute();
			await db.schema
				.createIndex('sync_conflicts_scope')
				.on('sync_conflicts')
				.columns(['owner_id', 'kindergarten_id', 'resolved_at'])
				.execute();

			await db.schema
				.createTable('sync_rejections')
				.addColumn('client_id', 'text', (c) => c.notNull())
				.addColumn('mutation_id', 'integer', (c) => c.notNull())
				.addColumn('reason', 'text', (c) => c.notNull())
				.addColumn('created_at', 'text', (c) => c.notNull())
				.addPrimaryKeyConstraint('sync_rejections_pk', ['client_id', 'mutation_id'])
				.execute();
		},
		async down(db: Kysely<unknown>) {
			for (const table of [
				'sync_rejections',
				'sync_conflicts',
				'sync_clients',
				'sync_sequence',
				'sync_records'
			]) {
				await db.schema.dropTable(table).execute();
			}
		}
	},
	'0003-guidance-and-tombstone-horizon': {
		async up(db: Kysely<unknown>) {
			// The owner's edited screen-time guidance: one row per owner, its latest version. Its
			// revision comes from the sync sequence, so tablets pull it like any other change.
			await db.schema
				.createTable('guidance_sets')
				.addColumn('owner_id', 'text', (c) => c.primaryKey().references('owners.id'))
				.addColumn('record_id', 'text', (c) => c.notNull().unique())
				.addColumn('data', 'text', (c) => c.notNull())
				.addColumn('version', 'integer', (c) => c.notNull())
				.addColumn('rev', 'integer', (c) => c.notNull().unique())
				.addColumn('created_at', 'text', (c) => c.notNull())
				.addColumn('updated_by', 'text')
				.addColumn('updated_at', 'text', (c) => c.notNull())
				.execute();
			// The highest revision of a tombstone removed after the horizon: a cursor below it may
			// have missed a deletion, so its client must reset.
			await db.schema
				.alterTable('sync_sequence')
				.addColumn('purged_through', 'integer', (c) => c.notNull().defaultTo(0))
				.execute();
		},
		async down(db: Kysely<unknown>) {
			await db.schema.alterTable('sync_sequence').dropColumn('purged_through').execute();
			await db.schema.dropTable('guidance_sets').execute();
		}
	},
	'0004-conflict-mutation-id': {
		async up(db: Kysely<unknown>) {
			// The mutation a conflict came from (with `client_id`), so that every mutation a client
			// sent can be traced to what became of it. Null for conflicts stored before this.
			await db.schema.alterTable('sync_conflicts').addColumn('mutation_id', 'integer').execute();
		},
		async down(db: Kysely<unknown>) {
			await db.schema.alterTable('sync_conflicts').dropColumn('mutation_id').execute();
		}
	},
	'0005-conflict-authors': {
		async up(db: Kysely<unknown>) {
			// Who wrote the server's version of a conflicting field, and when, so that each person
			// sees whose text is whose (the client's version is `user_id`'s, at `created_at`).
			// Null for conflicts stored before this.
			await db.schema.alterTable('sync_conflicts').addColumn('server_user_id', 'text').execute();
			await db.schema.alterTable('sync_conflicts').addColumn('server_at', 'text').execute();
		},
		async down(db: Kysely<unknown>) {
			await db.schema.alterTable('sync_conflicts').dropColumn('server_at').execute();
			await db.schema.alterTable('sync_conflicts').dropColumn('server_user_id').execute();
		}
	},
	'0006-audit-log-details': {
		async up(db: Kysely<unknown>) {
			// The kindergarten an event concerns (its target's, else the actor's), for the log's
			// filter; and what an administrative change changed (field → [before, after]), as JSON.
			await db.schema.alterTable('audit_log').addColumn('kindergarten_id', 'text').execute();
			await db.schema.alterTable('audit_log').addColumn('changes', 'text').execute();
			await db.schema
				.createIndex('audit_log_owner_kindergarten')
				.on('audit_log')
				.columns(['owner_id', 'kindergarten_id'])
				.execute();
			await db.schema
				.createIndex('audit_log_owner_actor')
				.on('audit_log')
				.columns(['owner_id', 'actor_user_id'])
				.execute();
		},
		async down(db: Kysely<unknown>) {
			await db.schema.dropIndex('audit_log_owner_actor').execute();
			await db.schema.dropIndex('audit_log_owner_kindergarten').execute();
			await db.schema.alterTable('audit_log').dropColumn('changes').execute();
			await db.schema.alterTable('audit_log').dropColumn('kindergarten_id').execute();
		}
	},
	'0006-sign-in-throttle': {
		async up(db: Kysely<unknown>) {
			// Failed sign-ins per key (an account, an address, the two together; hashed), shared by
			// every server process on the database (issue 13, ADR 8).
			await db.schema
				.createTable('sign_in_throttle')
				.addColumn('key', 'text', (c) => c.primaryKey())
				.addColumn('failures', 'integer', (c) => c.notNull())
				.addColumn('last_failure_at', 'text', (c) => c.notNull())
				.addColumn('blocked_until', 'text', (c) => c.notNull())
				.execute();
			await db.schema
				.createIndex('sign_in_throttle_last_failure')
				.on('sign_in_throttle')
				.column('last_failure_at')
				.execute();
		},
		async down(db: Kysely<unknown>) {
			await db.schema.dropTable('sign_in_throttle').execute();
		}
	},
	/**
	 * Professional digital competence (issue 14, ADR 25): each person's own self-assessment, one
	 * per period, and its answers (item, level 1–6). Never synced, never returned to anyone but
	 * the person: the server only counts them.
	 */
	'0007-competence': {
		async up(db: Kysely<unknown>) {
			await db.schema
				.createTable('competence_submissions')
				.addColumn('id', 'text', (c) => c.primaryKey())
				.addColumn('owner_id', 'text', (c) => c.notNull().references('owners.id'))
				.addColumn('kindergarten_id', 'text', (c) => c.notNull().references('kindergartens.id'))
				.addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
				.addColumn('audience', 'text', (c) => c.notNull())
				.addColumn('period', 'text', (c) => c.notNull())
				.addColumn('bank_version', 'integer', (c) => c.notNull())
				.addColumn('submitted_at', 'text', (c) => c.notNull())
				.addUniqueConstraint('competence_submissions_person_period', ['user_id', 'period'])
				.execute();
			await db.schema
				.createIndex('competence_submissions_owner_period')
				.on('competence_submissions')
				.columns(['owner_id', 'period', 'kindergarten_id'])
				.execute();
			await db.schema
				.createTable('competence_answers')
				.addColumn('submission_id', 'text', (c) =>
					c.notNull().references('competence_submissions.id').onDelete('cascade')
				)
				.addColumn('item_id', 'text', (c) => c.notNull())
				.addColumn('level', 'integer', (c) => c.notNull())
				.addPrimaryKeyConstraint('competence_answers_pk', ['submission_id', 'item_id'])
				.execute();
		},
		async down(db: Kysely<unknown>) {
			await db.schema.dropTable('competence_answers').execute();
			await db.schema.dropTable('competence_submissions').execute();
		}
	},
	/**
	 * The owner's competence plan (issue 14, ADR 29): focus areas, further-education places,
	 * courses and partnerships, each for one kindergarten or (kindergarten null) for all of the
	 * owner's. Written by owner admins; a manager reads what concerns their kindergarten.
	 */
	'0009-competence-plan': {
		async up(db: Kysely<unknown>) {
			await db.schema
				.createTable('competence_plan_entries')
				.addColumn('id', 'text', (c) => c.primaryKey())
				.addColumn('owner_id', 'text', (c) => c.notNull().references('owners.id'))
				.addColumn('kindergarten_id', 'text', (c) =>
					c.references('kindergartens.id').onDelete('cascade')
				)
				.addColumn('kind', 'text', (c) => c.notNull())
				.addColumn('area', 'text')
				.addColumn('title', 'text', (c) => c.notNull())
				.addColumn('partner', 'text')
				.addColumn('places', 'integer')
				.addColumn('starts_on', 'text')
				.addColumn('ends_on', 'text')
				.addColumn('status', 'text', (c) => c.notNull())
				.addColumn('note', 'text')
				.addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
				.addColumn('created_at', 'text', (c) => c.notNull())
				.addColumn('updated_at', 'text', (c) => c.notNull())
				.execute();
			await db.schema
				.createIndex('competence_plan_entries_owner')
				.on('competence_plan_entries')
				.columns(['owner_id', 'kindergarten_id'])
				.execute();
		},
		async down(db: Kysely<unknown>) {
			await db.schema.dropTable('competence_plan_entries').execute();
		}
	},
	/**
	 * The owner's own competence items and retirements (issue 14, ADR 37): one row per owner,
	 * the whole set as JSON, its revision from the sync sequence so tablets pull it like the
	 * guidance. Nothing in it is ever removed.
	 */
	'0010-competence-item-sets': {
		async up(db: Kysely<unknown>) {
			await db.schema
				.createTable('competence_item_sets')
				.addColumn('owner_id', 'text', (c) => c.primaryKey().references('owners.id'))
				.addColumn('record_id', 'text', (c) => c.notNull().unique())
				.addColumn('data', 'text', (c) => c.notNull())
				.addColumn('version', 'integer', (c) => c.notNull())
				.addColumn('rev', 'integer', (c) => c.notNull().unique())
				.addColumn('created_at', 'text', (c) => c.notNull())
				.addColumn('updated_by', 'text')
				.addColumn('updated_at', 'text', (c) => c.notNull())
				.execute();
		},
		async down(db: Kysely<unknown>) {
			await db.schema.dropTable('competence_item_sets').execute();
		}
	},
	/**
	 * An own activity shared with the owner's other kindergartens (issue 15, ADR 38): `shared` is
	 * 1 while shared, 0 once withdrawn, null for one never shared. The partial index holds only
	 * activities ever shared, so the pull's query for other kindergartens' shares reads nothing
	 * when nothing is shared, and a withdrawal still reaches the tablets that had the activity.
	 */
	'0011-shared-activities': {
		async up(db: Kysely<unknown>) {
			await db.schema.alterTable('sync_records').addColumn('shared', 'integer').execute();
			await db.schema
				.createIndex('sync_records_shared')
				.on('sync_records')
				.columns(['owner_id', 'rev'])
				.where(sql.ref('shared'), 'is not', null)
				.execute();
		},
		async down(db: Kysely<unknown>) {
			await db.schema.dropIndex('sync_records_shared').execute();
			await db.schema.alterTable('sync_records').dropColumn('shared').execute();
		}
	},
	/**
	 * What the owner's practice overview counts of each plan (issue 15, ADR 35), taken out of the
	 * plan's JSON once and kept up to date from the revisions when the overview is asked for:
	 * the overview reads only the period's plans, by date, and no plan's whole document.
	 */
	'0012-plan-facts': {
		async up(db: Kysely<unknown>) {
			await db.schema
				.createTable('plan_facts')
				.addColumn('record_id', 'text', (c) => c.primaryKey())
				.addColumn('owner_id', 'text', (c) => c.notNull())
				.addColumn('kindergarten_id', 'text', (c) =>
					c.notNull().references('kindergartens.id').onDelete('cascade')
				)
				.addColumn('group_id', 'text')
				.addColumn('author', 'text')
				.addColumn('day', 'text')
				.addColumn('monday', 'text')
				.addColumn('mode', 'text')
				.addColumn('minutes', 'integer', (c) => c.notNull())
				.addColumn('done', 'integer', (c) => c.notNull())
				.addColumn('evaluated', 'integer', (c) => c.notNull())
				.addColumn('follow', 'integer', (c) => c.notNull())
				.addColumn('areas', 'text')
				.addColumn('clauses', 'text')
				.execute();
			await db.schema
				.createIndex('plan_facts_owner_day')
				.on('plan_facts')
				.columns(['owner_id', 'day'])
				.execute();
			// Per owner, the revision the facts are up to date with.
			await db.schema
				.createTable('plan_facts_state')
				.addColumn('owner_id', 'text', (c) => c.primaryKey().references('owners.id'))
				.addColumn('rev', 'integer', (c) => c.notNull())
				.execute();
		},
		async down(db: Kysely<unknown>) {
			await db.schema.dropTable('plan_facts_state').execute();
			await db.schema.dropTable('plan_facts').execute();
		}
	},
	/**
	 * The parents' pages (issue 17, ADR 39): published summaries of a group's digital practice,
	 * the codes parents join a group with, which groups a parent reads, parents' questions and
	 * the manager's answers, the staff a manager lets publish, and the owner's privacy notice.
	 */
	'0013-parent-pages': {
		async up(db: Kysely<unknown>) {
			await db.schema
				.createTable('parent_summaries')
				.addColumn('id', 'text', (c) => c.primaryKey())
				.addColumn('owner_id', 'text', (c) => c.notNull().references('owners.id'))
				.addColumn('kindergarten_id', 'text', (c) =>
					c.notNull().references('kindergartens.id').onDelete('cascade')
				)
				.addColumn('group_id', 'text', (c) => c.notNull())
				.addColumn('period_kind', 'text', (c) => c.notNull())
				.addColumn('period_start', 'text', (c) => c.notNull())
				// summaryContentSchema as JSON text: ids and numbers, said in the reader's language.
				.addColumn('content', 'text', (c) => c.notNull())
				.addColumn('staff_text', 'text', (c) => c.notNull())
				.addColumn('staff_text_locale', 'text', (c) => c.notNull())
				.addColumn('published_by', 'text', (c) => c.notNull())
				.addColumn('published_at', 'text', (c) => c.notNull())
				.addColumn('withdrawn_at', 'text')
				.addUniqueConstraint('parent_summaries_period', ['group_id', 'period_kind', 'period_start'])
				.execute();
			await db.schema
				.createIndex('parent_summaries_group_published')
				.on('parent_summaries')
				.columns(['group_id', 'published_at'])
				.execute();

			await db.schema
				.createTable('summary_publishers')
				.addColumn('user_id', 'text', (c) => c.primaryKey().references('users.id'))
				.addColumn('kindergarten_id', 'text', (c) =>
					c.notNull().references('kindergartens.id').onDelete('cascade')
				)
				.addColumn('granted_by', 'text', (c) => c.notNull())
				.addColumn('granted_at', 'text', (c) => c.notNull())
				.execute();

			await db.schema
				.createTable('parent_codes')
				.addColumn('id', 'text', (c) => c.primaryKey())
				// SHA-256 of the code (like invitation tokens): shown once, when it is made.
				.addColumn('code_hash', 'text', (c) => c.notNull().unique())
				.addColumn('owner_id', 'text', (c) => c.notNull().references('owners.id'))
				.addColumn('kindergarten_id', 'text', (c) =>
					c.notNull().references('kindergartens.id').onDelete('cascade')
				)
				.addColumn('group_id', 'text', (c) => c.notNull())
				.addColumn('created_by', 'text', (c) => c.notNull())
				.addColumn('created_at', 'text', (c) => c.notNull())
				.addColumn('expires_at', 'text', (c) => c.notNull())
				.addColumn('revoked_at', 'text')
				.execute();
			await db.schema
				.createIndex('parent_codes_group')
				.on('parent_codes')
				.column('group_id')
				.execute();

			await db.schema
				.createTable('parent_memberships')
				.addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
				.addColumn('group_id', 'text', (c) => c.notNull())
				.addColumn('kindergarten_id', 'text', (c) =>
					c.notNull().references('kindergartens.id').onDelete('cascade')
				)
				.addColumn('code_id', 'text')
				.addColumn('joined_at', 'text', (c) => c.notNull())
				.addColumn('removed_at', 'text')
				.addPrimaryKeyConstraint('parent_memberships_pk', ['user_id', 'group_id'])
				.execute();
			await db.schema
				.createIndex('parent_memberships_group')
				.on('parent_memberships')
				.column('group_id')
				.execute();

			await db.schema
				.createTable('parent_questions')
				.addColumn('id', 'text', (c) => c.primaryKey())
				.addColumn('owner_id', 'text', (c) => c.notNull().references('owners.id'))
				.addColumn('kindergarten_id', 'text', (c) =>
					c.notNull().references('kindergartens.id').onDelete('cascade')
				)
				.addColumn('group_id', 'text', (c) => c.notNull())
				.addColumn('asked_by', 'text', (c) => c.notNull())
				.addColumn('body', 'text', (c) => c.notNull())
				.addColumn('asked_at', 'text', (c) => c.notNull())
				.addColumn('answer', 'text')
				.addColumn('answered_by', 'text')
				.addColumn('answered_at', 'text')
				.execute();
			await db.schema
				.createIndex('parent_questions_kindergarten')
				.on('parent_questions')
				.columns(['kindergarten_id', 'asked_at'])
				.execute();

			await db.schema
				.createTable('privacy_notices')
				.addColumn('owner_id', 'text', (c) => c.notNull().references('owners.id'))
				.addColumn('locale', 'text', (c) => c.notNull())
				.addColumn('body', 'text', (c) => c.notNull())
				.addColumn('updated_by', 'text', (c) => c.notNull())
				.addColumn('updated_at', 'text', (c) => c.notNull())
				.addPrimaryKeyConstraint('privacy_notices_pk', ['owner_id', 'locale'])
				.execute();
		},
		async down(db: Kysely<unknown>) {
			for (const table of [
				'privacy_notices',
				'parent_questions',
				'parent_memberships',
				'parent_codes',
				'summary_publishers',
				'parent_summaries'
			]) {
				await db.schema.dropTable(table).execute();
			}
		}
	},
	/**
	 * A person's request to have their data deleted (issue 16): asked by the person, seen and
	 * carried out by an owner admin. The row outlives the deletion (it names no one but by id).
	 */
	'0016-deletion-requests': {
		async up(db: Kysely<unknown>) {
			await db.schema
				.createTable('deletion_requests')
				.addColumn('id', 'text', (c) => c.primaryKey())
				.addColumn('owner_id', 'text', (c) => c.notNull().references('owners.id'))
				.addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
				.addColumn('asked_at', 'text', (c) => c.notNull())
				.addColumn('carried_out_at', 'text')
				.addColumn('carried_out_by', 'text')
				.addColumn('withdrawn_at', 'text')
				.execute();
			await db.schema
				.createIndex('deletion_requests_owner')
				.on('deletion_requests')
				.columns(['owner_id', 'asked_at'])
				.execute();
		},
		async down(db: Kysely<unknown>) {
			await db.schema.dropTable('deletion_requests').execute();
		}
	},
	/**
	 * The owner's register of digital tools and equipment (issue 16, ADR 43): one row per entry
	 * (its fields as JSON, the decision and name beside them for lists), each change taking the
	 * sync sequence so tablets pull the register whole when its newest `rev` is past their cursor;
	 * entries are never deleted (deselected instead). A kindergarten's equipment, per entry, pulled
	 * the same way. Staff's proposals for the register. The kindergartens an owner admin deleted
	 * with all their data, so a tablet still holding one learns it at its next sync. And each
	 * plan's tools among the overview's facts (the facts are rebuilt once: their state is reset).
	 */
	'0017-tool-register': {
		async up(db: Kysely<unknown>) {
			await db.schema
				.createTable('register_entries')
				.addColumn('id', 'text', (c) => c.primaryKey())
				.addColumn('owner_id', 'text', (c) => c.notNull().references('owners.id'))
				.addColumn('seed_key', 'text')
				.addColumn('name', 'text', (c) => c.notNull())
				.addColumn('decision', 'text', (c) => c.notNull())
				.addColumn('data', 'text', (c) => c.notNull())
				.addColumn('rev', 'integer', (c) => c.notNull().unique())
				.addColumn('assessed_at', 'text')
				.addColumn('assessed_by', 'text')
				.addColumn('created_at', 'text', (c) => c.notNull())
				.addColumn('updated_at', 'text', (c) => c.notNull())
				.addColumn('updated_by', 'text')
				.execute();
			await db.schema
				.createIndex('register_entries_owner_rev')
				.on('register_entries')
				.columns(['owner_id', 'rev'])
				.execute();
			await db.schema
				.createIndex('register_entries_owner_seed')
				.on('register_entries')
				.columns(['owner_id', 'seed_key'])
				.unique()
				.execute();
			await db.schema
				.createTable('kindergarten_equipment')
				.addColumn('kindergarten_id', 'text', (c) =>
					c.notNull().references('kindergartens.id').onDelete('cascade')
				)
				.addColumn('entry_id', 'text', (c) => c.notNull().references('register_entries.id'))
				.addColumn('owner_id', 'text', (c) => c.notNull())
				.addColumn('works', 'integer', (c) => c.notNull())
				.addColumn('needs_repair', 'integer', (c) => c.notNull())
				.addColumn('missing', 'integer', (c) => c.notNull())
				.addColumn('note', 'text', (c) => c.notNull())
				.addColumn('rev', 'integer', (c) => c.notNull().unique())
				.addColumn('updated_at', 'text', (c) => c.notNull())
				.addColumn('updated_by', 'text')
				.addPrimaryKeyConstraint('kindergarten_equipment_pk', ['kindergarten_id', 'entry_id'])
				.execute();
			await db.schema
				.createIndex('kindergarten_equipment_rev')
				.on('kindergarten_equipment')
				.columns(['kindergarten_id', 'rev'])
				.execute();
			await db.schema
				.createTable('tool_proposals')
				.addColumn('id', 'text', (c) => c.primaryKey())
				.addColumn('owner_id', 'text', (c) => c.notNull().references('owners.id'))
				.addColumn('kindergarten_id', 'text', (c) =>
					c.notNull().references('kindergartens.id').onDelete('cascade')
				)
				.addColumn('proposed_by', 'text', (c) => c.notNull().references('users.id'))
				.addColumn('name', 'text', (c) => c.notNull())
				.addColumn('kind', 'text', (c) => c.notNull())
				.addColumn('purpose', 'text', (c) => c.notNull())
				.addColumn('note', 'text', (c) => c.notNull())
				.addColumn('proposed_at', 'text', (c) => c.notNull())
				.addColumn('status', 'text', (c) => c.notNull())
				.addColumn('decided_at', 'text')
				.addColumn('decided_by', 'text')
				.addColumn('reason', 'text')
				.addColumn('entry_id', 'text')
				.execute();
			await db.schema
				.createIndex('tool_proposals_owner')
				.on('tool_proposals')
				.columns(['owner_id', 'status', 'proposed_at'])
				.execute();
			await db.schema
				.createTable('removed_kindergartens')
				.addColumn('id', 'text', (c) => c.primaryKey())
				.addColumn('owner_id', 'text', (c) => c.notNull().references('owners.id'))
				.addColumn('name', 'text', (c) => c.notNull())
				.addColumn('removed_at', 'text', (c) => c.notNull())
				.addColumn('removed_by', 'text')
				.execute();
			// JSON array of the plan's tools, normalised (normaliseToolName).
			await db.schema.alterTable('plan_facts').addColumn('tools', 'text').execute();
			await db.deleteFrom('plan_facts_state' as never).execute();
		},
		async down(db: Kysely<unknown>) {
			await db.schema.alterTable('plan_facts').dropColumn('tools').execute();
			for (const table of [
				'removed_kindergartens',
				'tool_proposals',
				'kindergarten_equipment',
				'register_entries'
			]) {
				await db.schema.dropTable(table).execute();
			}
		}
	}
};

export const migrationProvider: MigrationProvider = {
	getMigrations: () => Promise.resolve(migrations)
};
