import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { ROOT } from './util';

/** The built app (`node build`) running for the benchmark. */
export interface AppServer {
	child: ChildProcess;
	origin: string;
	port: number;
	output: () => string;
}

function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.unref();
		server.on('error', reject);
		server.listen(0, () => {
			const { port } = server.address() as AddressInfo;
			server.close(() => resolve(port));
		});
	});
}

/** `node build` on a free port, with `env` added; resolves once it answers. */
export async function startServer(env: Record<string, string> = {}): Promise<AppServer> {
	const port = await freePort();
	const origin = `http://localhost:${port}`;
	// As `npm run serve` starts it (ADR 13: the young generation's size).
	const child = spawn(process.execPath, ['--max-semi-space-size=32', 'build'], {
		cwd: ROOT,
		env: { ...process.env, PORT: String(port), ORIGIN: origin, BODY_SIZE_LIMIT: '1M', ...env },
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let output = '';
	child.stdout.on('data', (d: Buffer) => (output = (output + d.toString()).slice(-4000)));
	child.stderr.on('data', (d: Buffer) => (output = (output + d.toString()).slice(-4000)));
	const server: AppServer = { child, origin, port, output: () => output };
	const deadline = Date.now() + 30_000;
	while (Date.now() < deadline) {
		if (child.exitCode !== null) throw new Error(`node build exited early:\n${output}`);
		try {
			const response = await fetch(`http://127.0.0.1:${port}/`);
			if (response.ok) return server;
		} catch {
			// not listening yet
		}
		await new Promise((r) => setTimeout(r, 200));
	}
	await stopServer(server);
	throw new Error(`node build did not answer on ${origin} within 30 s:\n${output}`);
}

export async function stopServer(server: AppServer): Promise<void> {
	const { child } = server;
	if (child.exitCode !== null || child.signalCode !== null) return;
	const exited = new Promise((resolve) => child.once('exit', resolve));
	child.kill('SIGTERM');
	const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
	await exited;
	clearTimeout(timer);
}
