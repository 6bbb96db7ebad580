import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project's root: the runner builds, serves and bundles from here. */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const started = performance.now();

/** A progress line, with the seconds since the run started. */
export function progress(message: string): void {
	const seconds = ((performance.now() - started) / 1000).toFixed(1).padStart(6);
	console.log(`[${seconds}s] ${message}`);
}

/** Set when the run is stopped (SIGINT, SIGTERM): what is still to start does not. */
export const run = { interrupted: false };

export const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** Runs a command, keeping its output to show only if it fails. */
export function runCommand(command: string, args: string[]): Promise<string> {
	return new Promise((resolve, reject) => {
		const child = spawn(command, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
		let output = '';
		child.stdout.on('data', (d: Buffer) => (output += d.toString()));
		child.stderr.on('data', (d: Buffer) => (output += d.toString()));
		child.on('error', reject);
		child.on('exit', (code) => {
			if (code === 0) resolve(output);
			else reject(new Error(`${command} ${args.join(' ')} exited with ${code}\n${output}`));
		});
	});
}
