/** What the server half writes for the runner (bench/measurements/server-sync.ts). */

export interface PushResult {
	mutations: number;
	batches: number;
	rounds: number;
	pushMs: number[];
	rawMs: number[];
	rawRowByRowMs: number[];
	pushMedianMs: number;
	rawMedianMs: number;
	rawRowByRowMedianMs: number;
	ratio: number;
	ratioRowByRow: number;
}

export interface PullResult {
	changes: number;
	pageSize: number;
	pages: number;
	rounds: number;
	pullMs: number[];
	rawMs: number[];
	pullMedianMs: number;
	rawMedianMs: number;
	ratio: number;
}

export interface LoadFigures {
	requestsPerSecond: number;
	requests: number;
	p50Ms: number;
	p99Ms: number;
	maxMs: number;
	seconds: number;
}

export interface LoadResult {
	connections: number;
	seconds: number;
	changesPerPull: number;
	health: LoadFigures;
	pull: LoadFigures;
	ratio: number;
}

/** One database's figures, or why it was not measured. */
export type ServerDatabaseResult =
	{ push: PushResult; pull: PullResult; concurrency: LoadResult } | { skipped: string };

/** What the server half has open (BENCH_SERVER_STATE), for a runner that stopped it to remove. */
export interface ServerState {
	postgresUrl: string;
	postgresDatabases: string[];
	sqliteFiles: string[];
	pids: number[];
}
