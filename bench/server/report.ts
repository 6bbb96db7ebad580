import { writeFileSync } from 'node:fs';
import { POSTGRES_URL } from '../../tests/server/harness';
import type { ServerState } from './results';

/**
 * How the server half talks to the runner: progress lines on stderr starting with `@@bench `,
 * and the list of what it has open (BENCH_SERVER_STATE), so that a runner that stopped it can
 * remove its databases, directories and child processes.
 */

export function progress(message: string): void {
	process.stderr.write(`@@bench ${message}\n`);
}

const STATE = process.env['BENCH_SERVER_STATE'];

export const open: Omit<ServerState, 'postgresUrl'> = {
	postgresDatabases: [],
	sqliteFiles: [],
	pids: []
};

export function saveState(): void {
	if (STATE) writeFileSync(STATE, JSON.stringify({ postgresUrl: POSTGRES_URL, ...open }));
}

export const without = <T>(list: T[], item: T) => list.filter((x) => x !== item);
