import { join } from 'node:path';
import { DEFAULT_TOMBSTONE_DAYS } from './use-cases/horizon';

/** The server's settings, from the environment (README: "Configuration"). */
export interface ServerConfig {
	databaseUrl: string | undefined;
	sqliteFile: string;
	demoData: boolean;
	origin: string;
	sessionIdleMinutes: number;
	sessionAbsoluteHours: number;
	/** Days a deleted synced record is kept as a tombstone before it is removed. */
	tombstoneDays: number;
	oidc: {
		issuer: string;
		clientId: string;
		clientSecret: string;
		redirectUri: string;
		/** Only for tests against a provider on loopback: allows http:// issuers. */
		allowInsecure: boolean;
	} | null;
}

function number(value: string | undefined, fallback: number): number {
	const n = Number(value);
	return value !== undefined && Number.isFinite(n) && n > 0 ? n : fallback;
}

export function readConfig(env: Record<string, string | undefined> = process.env): ServerConfig {
	const origin = env['ORIGIN'] ?? `http://localhost:${env['PORT'] ?? '3000'}`;
	const issuer = env['OIDC_ISSUER'];
	const clientId = env['OIDC_CLIENT_ID'];
	const clientSecret = env['OIDC_CLIENT_SECRET'];
	return {
		databaseUrl: env['DATABASE_URL'] || undefined,
		sqliteFile: env['SQLITE_FILE'] ?? join(env['DATA_DIR'] ?? 'data', 'lekeplan.sqlite'),
		demoData: !['0', 'false', 'no', 'off'].includes((env['DEMO_DATA'] ?? 'true').toLowerCase()),
		origin,
		sessionIdleMinutes: number(env['SESSION_IDLE_MINUTES'], 12 * 60),
		sessionAbsoluteHours: number(env['SESSION_ABSOLUTE_HOURS'], 7 * 24),
		tombstoneDays: number(env['SYNC_TOMBSTONE_DAYS'], DEFAULT_TOMBSTONE_DAYS),
		oidc:
			issuer && clientId && clientSecret
				? {
						issuer,
						clientId,
						clientSecret,
						redirectUri: env['OIDC_REDIRECT_URI'] ?? `${origin}/api/v1/auth/oidc/callback`,
						allowInsecure: env['OIDC_ALLOW_INSECURE'] === 'true'
					}
				: null
	};
}

/** adapter-node's `BODY_SIZE_LIMIT` in bytes, read as adapter-node reads it (512K when unset). */
function bodySizeLimit(value: string): number {
	const unit = { K: 1024, M: 1024 ** 2, G: 1024 ** 3 }[value.slice(-1).toUpperCase()];
	return unit ? Number(value.slice(0, -1)) * unit : Number(value);
}

/**
 * The warning to print when the server's body limit (adapter-node's `BODY_SIZE_LIMIT`) is below
 * a push body's largest size: pushes still arrive, but a tablet has to split its batches after
 * a 413 first (ADR 9). Null when the limit is large enough.
 */
export function bodyLimitWarning(
	maxPushBytes: number,
	env: Record<string, string | undefined> = process.env
): string | null {
	const value = env['BODY_SIZE_LIMIT'] ?? '512K';
	if (bodySizeLimit(value) >= maxPushBytes) return null;
	return (
		`BODY_SIZE_LIMIT is ${value}, below the largest push body (${maxPushBytes} bytes): ` +
		`set BODY_SIZE_LIMIT=1M (npm start and npm run serve do), or tablets send smaller batches.`
	);
}
