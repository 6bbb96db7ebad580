import type { ServerDeps } from '../deps';
import type { Actor } from '../auth/sessions';
import { ApiError } from '../api/http';
import { auditRows } from './audit-log';
import { csvField as field } from './csv';
import { osloWallClock } from './oslo-time';
import { m } from '$lib/paraglide/messages';
import {
	auditActionLabel,
	auditChangeLines,
	auditReasonLabel,
	auditTargetLabel,
	type AuditLocale
} from '$lib/i18n/audit-labels';

const LOCALES: readonly AuditLocale[] = ['nb', 'nn', 'en'];

/**
 * The audit log's rows the filters select, every one (refusals not grouped), as CSV in the
 * locale asked for (`lang`, default bokmål): local and UTC time, the event in words and as its
 * code, the person, the kindergarten, what it concerns, the reason and what changed. UTF-8 with
 * a byte-order mark, so spreadsheets read æ, ø and å right.
 */
export async function auditCsv(
	deps: ServerDeps,
	actor: Actor,
	params: URLSearchParams
): Promise<{ csv: string; filename: string }> {
	const query = new URLSearchParams(params);
	const lang = query.get('lang') ?? 'nb';
	query.delete('lang');
	if (!LOCALES.includes(lang as AuditLocale)) {
		throw new ApiError(400, 'invalid_query', { lang: 'invalid_option' });
	}
	const locale = lang as AuditLocale;
	const rows = await auditRows(deps, actor, query);
	const o = { locale };
	const header = [
		m.audit_csv_time_local({}, o),
		m.audit_csv_time_utc({}, o),
		m.admin_audit_action({}, o),
		m.audit_csv_code({}, o),
		m.audit_person({}, o),
		m.audit_csv_email({}, o),
		m.audit_kindergarten({}, o),
		m.admin_audit_target({}, o),
		m.audit_field_name({}, o),
		m.audit_csv_target_id({}, o),
		m.admin_audit_reason({}, o),
		m.audit_details({}, o)
	];
	const lines = [header.map(field).join(',')];
	for (const row of rows) {
		lines.push(
			[
				osloWallClock(row.at),
				row.at,
				auditActionLabel(row.action, locale),
				row.action,
				row.actorName,
				row.actorEmail,
				row.kindergartenName,
				auditTargetLabel(row.targetType, locale),
				row.targetName,
				row.targetId,
				auditReasonLabel(row.action, row.reason, locale) || row.reason,
				auditChangeLines(row.changes, locale).join('; ')
			]
				.map(field)
				.join(',')
		);
	}
	const today = osloWallClock(deps.clock.now().toISOString()).slice(0, 10);
	return { csv: `\ufeff${lines.join('\r\n')}\r\n`, filename: `lekeplan-logg-${today}.csv` };
}
