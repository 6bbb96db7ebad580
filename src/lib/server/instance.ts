import { readConfig } from './config';
import { startServer } from './app';
import type { ServerDeps } from './deps';

let started: Promise<ServerDeps> | undefined;

/** The running server's dependencies, started once (hooks.server.ts starts it at boot). */
export function serverDeps(): Promise<ServerDeps> {
	started ??= startServer(readConfig());
	return started;
}
