import type { Workbox } from 'workbox-window';

/** What AppUpdate uses of workbox-window's `Workbox` (the unit tests pass a stand-in). */
export type ServiceWorkerHandle = Pick<Workbox, 'addEventListener' | 'messageSkipWaiting'> & {
	register(): Promise<ServiceWorkerRegistration | undefined>;
};

/**
 * Registers the service worker and offers a waiting new version. Accepting it tells the
 * waiting worker to skip waiting and reloads once it has taken over. The reload also listens
 * for the worker reaching `activated`: a page that no worker controlled yet (first visit,
 * hard reload) never sees `controlling`, and would otherwise wait forever.
 *
 * The same path serves the server's 426 (docs/design/sync-protocol.md): there the new version may
 * not have been found yet, so `apply()` first asks for it. A plain reload would keep the old
 * worker, and with it the old app that the server just refused.
 */
export class AppUpdate {
	ready = $state(false);
	#workbox: ServiceWorkerHandle | undefined;
	#registration: ServiceWorkerRegistration | undefined;

	constructor(private readonly reload: () => void = () => window.location.reload()) {}

	async register(): Promise<void> {
		if (!('serviceWorker' in navigator)) return;
		// After the first paint: registering the worker need not delay the first page.
		const { Workbox } = await import('workbox-window');
		await this.attach(new Workbox('/sw.js', { scope: '/' }));
	}

	/** Registers through `workbox` and listens for a new version waiting. */
	async attach(workbox: ServiceWorkerHandle): Promise<void> {
		this.#workbox = workbox;
		workbox.addEventListener('waiting', () => {
			this.ready = true;
		});
		this.#registration = await workbox.register();
	}

	/**
	 * Takes the new version and reloads: the waiting worker if there is one; else, after asking
	 * the server for a newer worker and letting it install, that one; else a plain reload.
	 */
	async apply(): Promise<void> {
		const workbox = this.#workbox;
		const registration = this.#registration;
		if (!workbox || !registration) {
			this.reload();
			return;
		}
		if (!registration.waiting) {
			await registration.update().catch(() => undefined);
			await installed(registration);
		}
		const waiting = registration.waiting;
		if (!waiting) {
			this.reload();
			return;
		}
		let reloading = false;
		const reload = () => {
			if (reloading) return;
			reloading = true;
			this.reload();
		};
		workbox.addEventListener('controlling', reload);
		waiting.addEventListener('statechange', () => {
			if (waiting.state === 'activated') reload();
		});
		workbox.messageSkipWaiting();
	}

	dismiss(): void {
		this.ready = false;
	}
}

/** Resolves once the worker being installed (if any) is installed or has failed. */
function installed(registration: ServiceWorkerRegistration): Promise<void> {
	const installing = registration.installing;
	if (!installing) return Promise.resolve();
	return new Promise((resolve) => {
		installing.addEventListener('statechange', () => {
			if (installing.state !== 'installing') resolve();
		});
	});
}

export const appUpdate = new AppUpdate();
