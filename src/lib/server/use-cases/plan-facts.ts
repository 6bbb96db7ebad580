import { sql, type RawBuilder, type Transaction } from 'kysely';
import type { ServerDeps } from '../deps';
import type { Database, Dialect } from '../db';
import { normaliseToolName } from '$lib/domain/register';

/**
 * What the owner's practice overview counts of each live plan (issue 15, ADR 35): its
 * kindergarten, group, last author, date, screen mode and counted minutes, whether it is done,
 * evaluated and has something to follow up, its learning areas and clauses, and its tools'
 * names normalised (for where the register's unapproved tools are planned, ADR 43), in
 * `plan_facts`, taken out of the plan's JSON once. A push writes nothing here: the facts are
 * brought up to date from the revisions when an overview is asked for (`refreshPlanFacts`), so
 * the overview reads only the period's plans, by their date, and parses no JSON.
 */

/** The Monday of a date's week, in SQL (`YYYY-MM-DD`). */
export function mondayOf(dialect: Dialect, day: RawBuilder<unknown>): RawBuilder<string> {
	return dialect === 'postgres'
		? sql`to_char(${day}::date - (extract(isodow from ${day}::date)::integer - 1), 'YYYY-MM-DD')`
		: sql`date(${day}, '-' || ((cast(strftime('%w', ${day}) as integer) + 6) % 7) || ' days')`;
}

/** The facts of the owner's live plans whose revision is in (`after`, `through`], as a select. */
function factsSelect(dialect: Dialect, ownerId: string, after: number, through: number) {
	const pg = dialect === 'postgres';
	// PostgreSQL reads each record's JSON once (`json_to_record`); SQLite's `->>` keeps the parsed
	// document between the calls on one row.
	const field = (name: string) =>
		pg ? sql.raw(`j."${name}"`) : sql.raw(`(r.data ->> '$.${name}')`);
	const mode = field('screenMode');
	const status = field('status');
	const minutes = field('screenMinutes');
	const followUp = pg
		? sql.raw(`(j.evaluation ->> 'followUp')`)
		: sql.raw(`(r.data ->> '$.evaluation.followUp')`);
	const source = pg
		? sql.raw(`sync_records r cross join lateral json_to_record(r.data::json) as j("date" text,
			"screenMode" text, "screenMinutes" integer, "status" text, "evaluation" json,
			"learningAreas" json, "clauses" json, "tools" json)`)
		: sql`sync_records r`;
	const day = field('date');
	return sql`select r.record_id, r.owner_id, r.kindergarten_id, r.group_id, r.updated_by,
		${day}, ${mondayOf(dialect, day)}, ${mode},
		case when ${mode} <> 'screenFree' and ${minutes} > 0 then ${minutes} else 0 end,
		case when ${status} in ('done', 'evaluated') then 1 else 0 end,
		case when ${status} = 'evaluated' then 1 else 0 end,
		case when coalesce(${followUp}, '') <> '' then 1 else 0 end,
		${pg ? sql`j."learningAreas"::text` : sql`(r.data ->> '$.learningAreas')`},
		${pg ? sql`j.clauses::text` : sql`(r.data ->> '$.clauses')`},
		coalesce(${pg ? sql`j.tools::text` : sql`(r.data ->> '$.tools')`}, '[]')
		from ${source}
		where r.owner_id = ${ownerId} and r.type = 'plan' and r.deleted_at is null
			and r.rev > ${after} and r.rev <= ${through}`;
}

/**
 * Brings the owner's plan facts up to date with the revisions committed so far, in one
 * transaction: the facts of the plans written since the last refresh are replaced (a deleted
 * plan's are removed). The sequence is read first and the records up to it: every revision at
 * or below a committed sequence value is committed (as the pull relies on, ADR 11). When a
 * tombstone the facts have not seen was removed after the horizon (`purged_through` above the
 * facts' revision), the owner's facts are taken afresh: the removed plan left no revision to
 * find it by. Concurrent refreshes of one owner wait for each other (the state row's lock on
 * PostgreSQL; SQLite has one writer).
 */
export async function refreshPlanFacts(
	deps: Pick<ServerDeps, 'db' | 'dialect'>,
	ownerId: string
): Promise<{ changed: number; afresh: boolean }> {
	return deps.db.transaction().execute(async (trx) => {
		await trx
			.insertInto('planFactsState')
			.values({ ownerId, rev: 0 })
			.onConflict((oc) => oc.column('ownerId').doNothing())
			.execute();
		let state = trx.selectFrom('planFactsState').select('rev').where('ownerId', '=', ownerId);
		if (deps.dialect === 'postgres') state = state.forUpdate();
		const { rev } = await state.executeTakeFirstOrThrow();
		const sequence = await trx
			.selectFrom('syncSequence')
			.select(['value', 'purgedThrough'])
			.where('id', '=', 1)
			.executeTakeFirstOrThrow();
		if (sequence.value <= rev) return { changed: 0, afresh: false };
		const afresh = sequence.purgedThrough > rev;
		const after = afresh ? 0 : rev;
		let changed: number;
		if (afresh) {
			await trx.deleteFrom('planFacts').where('ownerId', '=', ownerId).execute();
			changed = 0;
		} else {
			// The plans written since: by the revision index, then the owner.
			const written = await trx
				.deleteFrom('planFacts')
				.where('recordId', 'in', (eb) =>
					eb
						.selectFrom('syncRecords')
						.select('recordId')
						.where('rev', '>', after)
						.where('rev', '<=', sequence.value)
						.where('ownerId', '=', ownerId)
						.where('type', '=', 'plan')
				)
				.executeTakeFirst();
			changed = Number(written.numDeletedRows);
		}
		const inserted = await sql`insert into plan_facts (record_id, owner_id, kindergarten_id,
			group_id, author, day, monday, mode, minutes, done, evaluated, follow, areas, clauses, tools)
			${factsSelect(deps.dialect, ownerId, after, sequence.value)}`.execute(trx);
		await normaliseTools(trx, ownerId, after, sequence.value);
		changed = Math.max(changed, Number(inserted.numAffectedRows ?? 0));
		await trx
			.updateTable('planFactsState')
			.set({ rev: sequence.value })
			.where('ownerId', '=', ownerId)
			.execute();
		return { changed, afresh };
	});
}

/** Rows whose tools are rewritten by one statement. */
const TOOLS_BATCH = 200;

/**
 * The tools of the facts just inserted, as the plans wrote them, replaced by their names
 * normalised (`normaliseToolName`: Unicode-aware, so in JavaScript, not SQL); names that
 * normalise to nothing are left out, and a name twice is kept once.
 */
async function normaliseTools(
	trx: Transaction<Database>,
	ownerId: string,
	after: number,
	through: number
): Promise<void> {
	const rows = await trx
		.selectFrom('planFacts')
		.innerJoin('syncRecords', 'syncRecords.recordId', 'planFacts.recordId')
		.select(['planFacts.recordId', 'planFacts.tools'])
		.where('planFacts.ownerId', '=', ownerId)
		.where('syncRecords.rev', '>', after)
		.where('syncRecords.rev', '<=', through)
		.where('planFacts.tools', '<>', '[]')
		.execute();
	const changed: Array<{ id: string; tools: string }> = [];
	for (const row of rows) {
		const raw = parseTools(row.tools);
		const tools = JSON.stringify([...new Set(raw.map(normaliseToolName).filter(Boolean))]);
		if (tools !== row.tools) changed.push({ id: row.recordId, tools });
	}
	for (let i = 0; i < changed.length; i += TOOLS_BATCH) {
		const batch = changed.slice(i, i + TOOLS_BATCH);
		const cases = sql.join(
			batch.map((b) => sql`when ${b.id} then ${b.tools}`),
			sql` `
		);
		await sql`update plan_facts set tools = case record_id ${cases} end
			where record_id in (${sql.join(batch.map((b) => b.id))})`.execute(trx);
	}
}

function parseTools(text: string | null): string[] {
	try {
		const value: unknown = JSON.parse(text ?? '[]');
		return Array.isArray(value) ? value.filter((t): t is string => typeof t === 'string') : [];
	} catch {
		return [];
	}
}
