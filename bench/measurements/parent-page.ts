import Database from 'better-sqlite3';
import { createHash, randomUUID } from 'node:crypto';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, BrowserContextOptions } from '@playwright/test';
import { startServer, stopServer, type AppServer } from '../app-server';
import { TARGETS, yes, type Measurement } from '../measurement';
import { round1 } from '../stats';
import { progress } from '../util';
import { scratchDatabase } from './first-sync-server';

/**
 * 4b. What a parent's summary page loads (issue 17, ADR 39), gzipped: its JavaScript (target
 * under 20 KB; the page is rendered on the server and sends none), its CSS and its HTML. A
 * fresh server on a scratch SQLite database with the demo owner; a join code and a published
 * summary are written into the database, a parent joins with the code, then the summary page
 * is loaded in a context that has seen nothing of the app.
 */

export interface ParentPageResult {
	jsGzipKb: number;
	jsFiles: number;
	cssGzipKb: number;
	htmlGzipKb: number;
}

const CODE = 'BNCH2345';
const PASSWORD = 'correct horse battery';

const sha256 = (text: string) => createHash('sha256').update(text).digest('base64url');

/** A code for the demo's first group and one published summary of it; the summary's id. */
function seed(file: string): string {
	const db = new Database(file);
	try {
		db.pragma('busy_timeout = 5000');
		const group = db
			.prepare(`select id, kindergarten_id as k, owner_id as o from groups where name = 'Knøttene'`)
			.get() as { id: string; k: string; o: string };
		const manager = db
			.prepare(`select id from users where email = 'styrer@demo.lekeplan.no'`)
			.get() as { id: string };
		const now = new Date().toISOString();
		db.prepare(
			`insert into parent_codes (id, code_hash, owner_id, kindergarten_id, group_id, created_by, created_at, expires_at, revoked_at)
			 values (?, ?, ?, ?, ?, ?, ?, ?, null)`
		).run(
			randomUUID(),
			sha256(CODE),
			group.o,
			group.k,
			group.id,
			manager.id,
			now,
			new Date(Date.now() + 86_400_000).toISOString()
		);
		const id = randomUUID();
		const content = {
			period: { kind: 'week', start: '2026-11-23', end: '2026-11-29' },
			held: 6,
			planned: 2,
			areas: [
				{ id: 'communication', plans: 4 },
				{ id: 'nature', plans: 3 },
				{ id: 'art', plans: 2 }
			],
			clauses: [
				{ id: 'explore', plans: 5 },
				{ id: 'assess', plans: 3 }
			],
			tools: [
				{ name: 'Bee-Bot', plans: 3 },
				{ name: 'Stop Motion Studio', plans: 2 }
			],
			screen: [
				{ mode: 'creative', minutes: 70, plans: 3 },
				{ mode: 'screenFree', minutes: 90, plans: 3 }
			],
			withAdult: 3,
			guidance: {
				band: '2-3',
				dailyLimitMinutes: 60,
				maxDayMinutes: 30,
				daysOverLimit: 0,
				sources: [
					{ name: 'Helsedirektoratet', year: 2022, advice: 'limit', maxMinutesPerDay: 60 },
					{ name: 'WHO', year: 2019, advice: 'limit', maxMinutesPerDay: 60 }
				]
			}
		};
		db.prepare(
			`insert into parent_summaries (id, owner_id, kindergarten_id, group_id, period_kind, period_start, content, staff_text, staff_text_locale, published_by, published_at, withdrawn_at)
			 values (?, ?, ?, ?, 'week', '2026-11-23', ?, ?, 'nb', ?, ?, null)`
		).run(
			id,
			group.o,
			group.k,
			group.id,
			JSON.stringify(content),
			'Denne uka laget vi en stopmotionfilm om ekornet i skogen.',
			manager.id,
			now
		);
		return id;
	} finally {
		db.close();
	}
}

export async function measureParentPage(
	browser: Browser,
	contextOptions: BrowserContextOptions
): Promise<ParentPageResult> {
	const database = await scratchDatabase('sqlite');
	let server: AppServer | undefined;
	try {
		server = await startServer({ ...database.env, DEMO_DATA: 'true' });
		const summaryId = seed(database.env['SQLITE_FILE'] ?? path.join('data', 'missing.sqlite'));
		const context = await browser.newContext({ ...contextOptions, baseURL: server.origin });
		try {
			const page = await context.newPage();
			await page.goto(`/join/${CODE}`);
			await page.locator('#displayName').fill('Benk Foresatt');
			await page.locator('#email').fill('benk@example.no');
			await page.locator('#password').fill(PASSWORD);
			await page.locator('form[action="?/create"] button[type=submit]').click();
			await page.waitForURL(/\/p$/);

			const seen: Array<{ kind: 'js' | 'css' | 'html'; body: Buffer }> = [];
			const pending: Array<Promise<void>> = [];
			page.on('response', (response) => {
				pending.push(
					(async () => {
						const type = response.request().resourceType();
						const kind =
							type === 'script'
								? 'js'
								: type === 'stylesheet'
									? 'css'
									: type === 'document'
										? 'html'
										: null;
						if (!kind) return;
						const body = await response.body().catch(() => null);
						if (body) seen.push({ kind, body });
					})()
				);
			});
			await page.goto(`/p/summaries/${summaryId}`, { waitUntil: 'networkidle' });
			await Promise.all(pending);
			const gzipKb = (kind: string) =>
				round1(
					seen
						.filter((s) => s.kind === kind)
						.reduce((sum, s) => sum + gzipSync(s.body, { level: 9 }).length, 0) / 1024
				);
			return {
				jsGzipKb: gzipKb('js'),
				jsFiles: seen.filter((s) => s.kind === 'js').length,
				cssGzipKb: gzipKb('css'),
				htmlGzipKb: gzipKb('html')
			};
		} finally {
			await context.close();
		}
	} finally {
		if (server) await stopServer(server);
		await database.remove();
	}
}

export const parentPage: Measurement = {
	phase: 'browser',
	async run({ browser, contextOptions }) {
		progress("4b parent's summary page size");
		return { parentPage: await measureParentPage(browser, contextOptions) };
	},
	rows({ parentPage }) {
		if (!parentPage) return [];
		return [
			[
				"Parent's summary page JS, gzip -9 (issue 17)",
				`${parentPage.jsGzipKb} KB (${parentPage.jsFiles} files; CSS ${parentPage.cssGzipKb} KB, HTML ${parentPage.htmlGzipKb} KB)`,
				`< ${TARGETS.parentPageJsKb} KB`,
				yes(parentPage.jsGzipKb < TARGETS.parentPageJsKb)
			]
		];
	},
	met: ({ parentPage }) => ({
		parentPageJsKb: parentPage ? parentPage.jsGzipKb < TARGETS.parentPageJsKb : null
	})
};
