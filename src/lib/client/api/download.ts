/**
 * Files the server streams (the owner's export, issue 16, ADR 42), read as bytes. Apart from the
 * API client (index.ts) so that no page but the export's loads it.
 */

/** The reason code of a refusal, or what kind of failure it was. */
async function reasonOf(response: Response): Promise<string> {
	try {
		const body = (await response.json()) as { error?: { reason?: string } };
		if (body.error?.reason) return body.error.reason;
	} catch {
		// Not JSON: a proxy's page.
	}
	return response.status >= 500 ? 'server_error' : 'unexpected_answer';
}

/** A file the server streams (the owner's export): its bytes, name and rows, or why not. */
export type DownloadResult =
	{ ok: true; blob: Blob; filename: string } | { ok: false; status: number; reason: string };

/**
 * A GET of a file written as it is read (the owner's export, ADR 42), kept as bytes, never as one
 * string. `onProgress` hears the lines come in against the rows the server announced
 * (`x-export-rows`): a row is a line.
 */
export async function download(
	path: '/export' | `/export/tables/${string}`,
	onProgress: (lines: number, rows: number) => void
): Promise<DownloadResult> {
	let response: Response;
	try {
		response = await fetch(`/api/v1${path}`);
	} catch {
		return { ok: false, status: 0, reason: 'offline' };
	}
	if (!response.ok || !response.body) {
		return { ok: false, status: response.status, reason: await reasonOf(response) };
	}
	const rows = Number(response.headers.get('x-export-rows') ?? 0);
	const name = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '');
	const parts: Uint8Array<ArrayBuffer>[] = [];
	let lines = 0;
	try {
		const reader = response.body.getReader();
		for (;;) {
			const { done, value } = await reader.read();
			if (done) break;
			parts.push(value);
			for (const byte of value) if (byte === 10) lines += 1;
			onProgress(lines, rows);
		}
	} catch {
		// The connection broke while the file was arriving: a part of it is no export.
		return { ok: false, status: 0, reason: 'offline' };
	}
	return {
		ok: true,
		blob: new Blob(parts, { type: response.headers.get('content-type') ?? undefined }),
		filename: name?.[1] ?? 'lekeplan-export'
	};
}
