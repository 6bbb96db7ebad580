import * as data from '../../use-cases/owner-data';
import { resource } from '../context';
import { signedIn } from '../middleware';

/** A file written as it is read: the chunks as bytes, and what the page's progress needs. */
function streamed(file: data.StreamedFile): Response {
	const encoder = new TextEncoder();
	const body = new ReadableStream<Uint8Array>({
		async pull(controller) {
			const next = await file.chunks.next();
			if (next.done === true) controller.close();
			else controller.enqueue(encoder.encode(next.value));
		},
		async cancel() {
			await file.chunks.return(undefined);
		}
	});
	return new Response(body, {
		status: 200,
		headers: {
			'content-type': file.contentType,
			'content-disposition': `attachment; filename="${file.filename}"`,
			'cache-control': 'no-store',
			'x-export-rows': String(file.rows)
		}
	});
}

/**
 * The owner's data (issue 16, ADR 42): everything as one JSON document, or one table as CSV,
 * streamed; owner administrators only.
 */
export const exportRoutes = resource()
	.get('/export', signedIn, async (c) => streamed(await data.ownerExport(c.env.deps, c.var.actor)))
	.get('/export/tables/:table', signedIn, async (c) =>
		streamed(await data.ownerTableCsv(c.env.deps, c.var.actor, c.req.param('table')))
	);
