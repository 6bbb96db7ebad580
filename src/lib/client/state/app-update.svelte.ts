import type { Workbox } from 'workbox-window';

/**
 * Registers the service worker and offers a waiting new version. Accepting it tells the
 * waiting worker to skip waiting and reloads once it has taken over. The reload also listens
 * for the worker reaching `activated`: a page that no worker controlled yet (first visit,
 * hard reload) never sees `controlling`, and would otherwise wait forever.
 */
export class AppUpdate {
	ready = $state(false);
	#workbox: Workbox | undefined;
	#registration: ServiceWorkerRegistration | undefined;

	async register(): Promise<void> {
		if (!('serviceWorker' in navigator)) return;
		// After the first paint: registering the worker need not delay the first page.
		const { Workbox } = await import('workbox-window');
		const workbox = new Workbox('/sw.js', { scope: '/' });
		this.#workbox = workbox;
		workbox.addEventListener('waiting', () => {
			this.ready = true;
		});
		this.#registration = await workbox.register();
	}

	apply(): void {
		const workbox = this.#workbox;
		if (!workbox) return;
		let reloading = false;
		const reload = () => {
			if (reloading) return;
			reloading = true;
			window.location.reload();
		};
		workbox.addEventListener('controlling', reload);
		const waiting = this.#registration?.waiting;
		waiting?.addEventListener('statechange', () => {
			if (waiting.state === 'activated') reload();
		});
		workbox.messageSkipWaiting();
	}

	dismiss(): void {
		this.ready = false;
	}
}

export const appUpdate = new AppUpdate();
