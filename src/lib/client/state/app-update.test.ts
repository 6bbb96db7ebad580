import { describe, expect, it } from 'vitest';
import { AppUpdate, type ServiceWorkerHandle } from './app-update.svelte';

/** A service worker as the page sees it: a state, and `statechange` when it moves on. */
class FakeWorker extends EventTarget {
	constructor(public state: ServiceWorkerState) {
		super();
	}

	moveTo(state: ServiceWorkerState): void {
		this.state = state;
		this.dispatchEvent(new Event('statechange'));
	}
}

/**
 * The service worker registration and workbox-window's `Workbox` over it. `update()` asks the
 * server for the worker script: `found` is the new worker it brings, if any.
 */
function serviceWorker(options: { waiting?: FakeWorker; found?: FakeWorker } = {}) {
	const registration = {
		waiting: options.waiting ?? null,
		installing: null as FakeWorker | null,
		updates: 0,
		update() {
			this.updates++;
			if (options.found) this.installing = options.found;
			return Promise.resolve();
		}
	};
	const listeners = new Map<string, Array<() => void>>();
	let skipWaiting = 0;
	const workbox = {
		addEventListener: (type: string, listener: () => void) =>
			listeners.set(type, [...(listeners.get(type) ?? []), listener]),
		messageSkipWaiting: () => {
			skipWaiting++;
		},
		register: () => Promise.resolve(registration)
	};
	return {
		registration,
		handle: workbox as unknown as ServiceWorkerHandle,
		skipWaitingSent: () => skipWaiting,
		emit: (type: string) => listeners.get(type)?.forEach((listener) => listener())
	};
}

function appUpdate() {
	let reloads = 0;
	const update = new AppUpdate(() => reloads++);
	return { update, reloads: () => reloads };
}

describe('taking a new version', () => {
	it('offers a waiting version, tells it to take over, and reloads once it controls the page', async () => {
		const sw = serviceWorker();
		const { update, reloads } = appUpdate();
		await update.attach(sw.handle);
		expect(update.ready).toBe(false);
		const waiting = new FakeWorker('installed');
		sw.registration.waiting = waiting;
		sw.emit('waiting');
		expect(update.ready).toBe(true);

		await update.apply();
		expect(sw.skipWaitingSent()).toBe(1);
		expect(reloads()).toBe(0);
		sw.emit('controlling');
		waiting.moveTo('activated');
		expect(reloads()).toBe(1);
	});

	it('after the server asked for a newer app (426): looks for it, waits for it to install, then takes it', async () => {
		const found = new FakeWorker('installing');
		const sw = serviceWorker({ found });
		const { update, reloads } = appUpdate();
		await update.attach(sw.handle);

		const applying = update.apply();
		// A plain reload now would bring back the old app from the old worker's cache.
		await Promise.resolve();
		expect(sw.registration.updates).toBe(1);
		expect(reloads()).toBe(0);
		sw.registration.installing = null;
		sw.registration.waiting = found;
		found.moveTo('installed');
		await applying;
		expect(sw.skipWaitingSent()).toBe(1);
		expect(reloads()).toBe(0);
		found.moveTo('activating');
		found.moveTo('activated');
		expect(reloads()).toBe(1);
	});

	it('reloads when there is no newer worker to take, or no service worker at all', async () => {
		const sw = serviceWorker();
		const withWorker = appUpdate();
		await withWorker.update.attach(sw.handle);
		await withWorker.update.apply();
		expect(sw.registration.updates).toBe(1);
		expect(sw.skipWaitingSent()).toBe(0);
		expect(withWorker.reloads()).toBe(1);

		const withoutWorker = appUpdate();
		await withoutWorker.update.apply();
		expect(withoutWorker.reloads()).toBe(1);
	});
});
