import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	// No `window.__svelte.v` version marker: nothing reads it, and it is one more chunk that every
	// component imports (ADR 12).
	compilerOptions: { discloseVersion: false },
	kit: {
		adapter: adapter(),
		// Absolute asset paths: the service worker answers every offline navigation with the
		// shell prerendered at /, so its script and style URLs must not depend on the page's depth.
		paths: { relative: false },
		// The worker (src/service-worker.ts) is registered by the app itself, with workbox-window.
		serviceWorker: { register: false },
		csp: {
			mode: 'auto',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				// Svelte sets style attributes for transitions and dynamic styles; scripts stay strict.
				'style-src': ['self', 'unsafe-inline'],
				'img-src': ['self', 'data:'],
				'font-src': ['self'],
				'connect-src': ['self'],
				'worker-src': ['self'],
				'manifest-src': ['self'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self'],
				'frame-ancestors': ['none']
			}
		}
	}
};

export default config;
