import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { app } from '$lib/server/api/app';
import type { ServerDeps } from '$lib/server/deps';
import type { RequestOptions, TestServer } from '../../tests/server/harness';

/**
 * The one module of the server half that knows how a request reaches the server's JSON API:
 * in-process through the harness (which hands it to the API's entry point), and on a real HTTP
 * server on loopback for the load test. Re-point these two when the entry point changes.
 */

/** A request through the API's entry point, in-process (the harness's `request`). */
export function apiRequest(
	server: TestServer,
	method: string,
	path: string,
	options?: RequestOptions
): Promise<Response> {
	return server.request(method, path, options);
}

/** The API on a real HTTP server on loopback: each request handed to the API's Hono app. */
export async function serveApi(
	deps: ServerDeps
): Promise<{ origin: string; close: () => Promise<void> }> {
	const handle = async (req: IncomingMessage, res: ServerResponse) => {
		try {
			const origin = `http://${req.headers.host ?? '127.0.0.1'}`;
			const headers = new Headers();
			for (const [key, value] of Object.entries(req.headers)) {
				if (Array.isArray(value)) for (const v of value) headers.append(key, v);
				else if (value !== undefined) headers.set(key, value);
			}
			let body: Uint8Array | undefined;
			if (req.method !== 'GET' && req.method !== 'HEAD') {
				const chunks: Buffer[] = [];
				for await (const chunk of req) chunks.push(chunk as Buffer);
				body = new Uint8Array(Buffer.concat(chunks));
			}
			const request = new Request(new URL(req.url ?? '/', origin), {
				method: req.method ?? 'GET',
				headers,
				body: body as BodyInit | undefined
			});
			const response = await app.fetch(request, {
				deps,
				clientAddress: req.socket.remoteAddress ?? '127.0.0.1'
			});
			const out = Buffer.from(await response.arrayBuffer());
			const outHeaders: Record<string, string | string[]> = {};
			response.headers.forEach((value, key) => {
				if (key !== 'set-cookie') outHeaders[key] = value;
			});
			const cookies = response.headers.getSetCookie();
			if (cookies.length > 0) outHeaders['set-cookie'] = cookies;
			outHeaders['content-length'] = String(out.length);
			res.writeHead(response.status, outHeaders);
			res.end(out);
		} catch (error) {
			console.error(error);
			if (!res.headersSent) res.writeHead(500);
			res.end();
		}
	};
	const server = createServer((req, res) => void handle(req, res));
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(0, '127.0.0.1', resolve);
	});
	const { port } = server.address() as AddressInfo;
	return {
		origin: `http://127.0.0.1:${port}`,
		close: () =>
			new Promise<void>((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			})
	};
}
