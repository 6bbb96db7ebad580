/** What the server half writes for the runner (bench/measurements/server-sync.ts). */

export interface PushResult {
	mutations: number;
	batches: number;
	rounds: number;
	pushMs: number[];
	/** The baseline (issue 20): cached SQL text, no builder, no plugin. */
	rawMs: number[];
	/** The earlier baseline: the same insert through Kysely's builder and the camel-case plugin. */
	rawBuilderMs: number[];
	rawRowByRowMs: number[];
	pushMedianMs: number;
	rawMedianMs: number;
	rawBuilderMedianMs: number;
	rawRowByRowMedianMs: number;
	ratio: number;
	ratioBuilder: number;
	ratioRowByRow: number;
}

export interface PullResult {
	changes: number;
	pageSize: number;
	pages: number;
	rounds: number;
	pullMs: number[];
	/** The baseline (issue 20): the app's columns as SQL text, without the camel-case plugin. */
	rawMs: number[];
	/** The earlier baseline: `selectAll` through the builder with the plugin. */
	rawSelectAllMs: number[];
	pullMedianMs: number;
	rawMedianMs: number;
	rawSelectAllMedianMs: number;
	ratio: number;
	ratioSelectAll: number;
}

export interface LoadFigures {
	requestsPerSecond: number;
	requests: number;
	p50Ms: number;
	p99Ms: number;
	maxMs: number;
	seconds: number;
	/** Requests that got no answer within autocannon's timeout (a loaded machine). */
	timeouts: number;
}

export interface LoadResult {
	connections: number;
	seconds: number;
	changesPerPull: number;
	health: LoadFigures;
	pull: LoadFigures;
	ratio: number;
}

/** The owner's competence overview against a raw GROUP BY of the same counts (issue 14). */
export interface CompetenceResult {
	kindergartens: number;
	people: number;
	periods: number;
	answers: number;
	rounds: number;
	overviewMs: number[];
	rawMs: number[];
	overviewMedianMs: number;
	rawMedianMs: number;
	ratio: number;
}

/** One database's figures, or why it was not measured. */
export type ServerDatabaseResult =
	| {
			push: PushResult;
			pull: PullResult;
			concurrency: LoadResult;
			competence?: CompetenceResult;
			practice?: PracticeResult;
	  }
	| { skipped: string };

/** What the server half has open (BENCH_SERVER_STATE), for a runner that stopped it to remove. */
export interface ServerState {
	postgresUrl: string;
	postgresDatabases: string[];
	sqliteFiles: string[];
	pids: number[];
}

/** The owner's overview of digital practice against the same GROUP BY as raw SQL (issue 15). */
export interface PracticeResult {
	kindergartens: number;
	groups: number;
	plans: number;
	period: string;
	/** The rows the statement returns, and the JSON the endpoint answers (characters). */
	rows: number;
	bytes: number;
	rounds: number;
	/** Plans written again before each round: what the round's refresh takes in (ADR 35). */
	writtenPerRound?: number;
	/** The first look: every plan's facts taken out of its JSON. */
	coldMs?: number;
	overviewMs: number[];
	rawMs: number[];
	overviewMedianMs: number;
	rawMedianMs: number;
	ratio: number;
	/** The owner's export of the same owner (issue 16, ADR 42). */
	export?: ExportResult | { skipped: string };
}

/** The owner's export against a raw select of the same rows, and its heap (issue 16). */
export interface ExportResult {
	rows: number;
	bytes: number;
	rounds: number;
	exportMs: number[];
	rawMs: number[];
	rowsPerSecond: number;
	rawRowsPerSecond: number;
	/** Export time over raw select time (medians). */
	ratio: number;
	/** The heap's peak growth while the first tenth of the rows was written, and in all. */
	firstTenthPeakMb: number;
	peakMb: number;
	flat: boolean;
}
