import { CompiledQuery } from 'kysely';
import type { Dialect, TestServer } from '../../tests/server/harness';
import { EXPORT_TABLE_NAMES, EXPORT_TABLES } from '$lib/server/export/tables';
import { exportCounts } from '$lib/server/export/owner-export';
import { median, round1, round2 } from '../stats';
import { apiRequest } from './api';
import { progress } from './report';
import type { ExportResult } from './results';

/**
 * 9. The owner's export (issue 16, ADR 42) of the 375,000-plan owner of the practice overview:
 * `GET /api/v1/export` read to its end through the API handler, rows per second, against a raw
 * select of the same rows (every exported table's columns of the owner, all at once, without the
 * builder or its plugins) in the same run. The server's heap is sampled while the export is
 * written: its peak growth over the first tenth of the rows and over all of them. Flat means the
 * whole export needs no more than its first tenth did (within 32 MB of noise).
 */

const ROUNDS = 2;
export const FLAT_MB = 32;

const snake = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

function rawSelects(dialect: Dialect, ownerId: string): CompiledQuery[] {
	const owner = dialect === 'postgres' ? '$1' : '?';
	const users = `select id from users where owner_id = ${owner}`;
	const scope: Record<string, string> = {
		owners: `id = ${owner}`,
		identities: `user_id in (${users})`,
		syncClients: `user_id in (${users})`,
		syncRejections: `client_id in (select client_id from sync_clients where user_id in (${users}))`,
		competenceAnswers: `submission_id in (select id from competence_submissions where owner_id = ${owner})`,
		summaryPublishers: `kindergarten_id in (select id from kindergartens where owner_id = ${owner})`,
		parentMemberships: `kindergarten_id in (select id from kindergartens where owner_id = ${owner})`
	};
	return EXPORT_TABLE_NAMES.map((table) => {
		const columns = Object.keys(EXPORT_TABLES[table].columns).map(snake).join(', ');
		const where = scope[table] ?? `owner_id = ${owner}`;
		return CompiledQuery.raw(`select ${columns} from ${snake(table)} where ${where}`, [ownerId]);
	});
}

export async function measureExport(
	server: TestServer,
	dialect: Dialect,
	ownerId: string,
	cookie: string
): Promise<ExportResult> {
	// Each export is an audit row of the owner: the rows are counted again before each select.
	const count = async () =>
		Object.values(await exportCounts(server.deps, ownerId)).reduce((a, b) => a + b, 0);
	let rows = await count();
	const selects = rawSelects(dialect, ownerId);
	const raw = server.deps.db.withoutPlugins();
	const rawSelect = async () => {
		rows = await count();
		const start = performance.now();
		let got = 0;
		for (const query of selects) got += (await raw.executeQuery(query)).rows.length;
		const ms = performance.now() - start;
		if (got !== rows) throw new Error(`raw select: ${got} rows, the export counts ${rows}`);
		return ms;
	};
	let bytes = 0;
	let firstTenthMb = 0;
	let peakMb = 0;
	const exportAll = async () => {
		const before = process.memoryUsage().heapUsed;
		let peak = before;
		let lines = 0;
		const sample = setInterval(() => {
			peak = Math.max(peak, process.memoryUsage().heapUsed);
			if (lines <= rows / 10) firstTenthMb = Math.max(firstTenthMb, (peak - before) / 2 ** 20);
		}, 10);
		const start = performance.now();
		try {
			const response = await apiRequest(server, 'GET', '/api/v1/export', { cookie });
			if (response.status !== 200 || !response.body) {
				throw new Error(`export: ${response.status} ${await response.text()}`);
			}
			bytes = 0;
			const reader = response.body.getReader();
			for (;;) {
				const { done, value } = await reader.read();
				if (done) break;
				bytes += value.byteLength;
				for (const byte of value) if (byte === 10) lines += 1;
			}
			return performance.now() - start;
		} finally {
			clearInterval(sample);
			peakMb = Math.max(peakMb, (peak - before) / 2 ** 20);
		}
	};
	const exportMs: number[] = [];
	const rawMs: number[] = [];
	for (let r = 0; r < ROUNDS; r++) {
		if (r % 2 === 0) {
			exportMs.push(await exportAll());
			rawMs.push(await rawSelect());
		} else {
			rawMs.push(await rawSelect());
			exportMs.push(await exportAll());
		}
		progress(
			`${dialect}: export round ${r + 1}: ${round1(exportMs.at(-1)!)} / ${round1(rawMs.at(-1)!)} ms`
		);
	}
	const exportMedian = median(exportMs);
	const rawMedian = median(rawMs);
	return {
		rows,
		bytes,
		rounds: ROUNDS,
		exportMs: exportMs.map(round1),
		rawMs: rawMs.map(round1),
		rowsPerSecond: Math.round(rows / (exportMedian / 1000)),
		rawRowsPerSecond: Math.round(rows / (rawMedian / 1000)),
		ratio: round2(exportMedian / rawMedian),
		firstTenthPeakMb: round1(firstTenthMb),
		peakMb: round1(peakMb),
		flat: peakMb <= firstTenthMb + FLAT_MB
	};
}
