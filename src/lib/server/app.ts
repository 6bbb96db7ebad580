import { migrateToLatest, openDatabase } from './db';
import { seedDemo } from './demo';
import { seedEveryRegister } from './use-cases/register';
import { systemClock, type Clock } from './clock';
import type { ServerConfig } from './config';
import type { ServerDeps } from './deps';
import type { OidcClient } from './auth/oidc';

/**
 * Starts the server's data side: opens the database the configuration names, migrates it, and
 * on an empty database seeds the demo owner (unless DEMO_DATA=false), printing its sign-ins;
 * then gives every owner's register of tools the built-in libraries' tools it lacks.
 */
export async function startServer(
	config: ServerConfig,
	options: { clock?: Clock; log?: (line: string) => void; oidc?: OidcClient | null } = {}
): Promise<ServerDeps> {
	const clock = options.clock ?? systemClock;
	const log = options.log ?? ((line: string) => console.log(line));
	const { db, dialect } = openDatabase(config);
	const applied = await migrateToLatest(db);
	log(
		`Lekeplan database: ${dialect === 'sqlite' ? `SQLite at ${config.sqliteFile}` : 'PostgreSQL'}` +
			(applied.length > 0 ? `; applied ${applied.join(', ')}` : '; schema up to date')
	);
	if (config.demoData) {
		const signIns = await seedDemo(db, clock, dialect);
		if (signIns) {
			log('Demo data created. Sign in at /sign-in with:');
			for (const s of signIns) log(`  ${s.role.padEnd(10)} ${s.email}  password: ${s.password}`);
			log('Set DEMO_DATA=false to start without demo data.');
		}
	}
	// Every owner's register has the built-in libraries' tools (ADR 43): one read when it has.
	const seeded = await seedEveryRegister(db, dialect, clock);
	if (seeded > 0) log(`Added ${seeded} tools of the built-in libraries to the registers.`);
	let oidc = options.oidc ?? null;
	if (!oidc && config.oidc) {
		const { createOidcClient } = await import('./auth/oidc-client');
		oidc = await createOidcClient(config.oidc);
	}
	return {
		db,
		dialect,
		clock,
		sessions: {
			idleMs: config.sessionIdleMinutes * 60_000,
			absoluteMs: config.sessionAbsoluteHours * 3_600_000
		},
		oidc,
		origin: config.origin
	};
}
