import { describe, expect, it } from 'vitest';
import { render } from 'svelte/server';
import type { SyncStatus } from '$lib/client/state';
import SyncBadge from './SyncBadge.svelte';

/** The badge as HTML, without Svelte's hydration markers. */
function badge(status: SyncStatus, counts: { pending?: number; rejections?: number } = {}) {
	const { body } = render(SyncBadge, {
		props: { status, pending: counts.pending ?? 0, conflicts: 0, rejections: counts.rejections }
	});
	return body.replace(/<!--[^>]*-->/g, '');
}

const statusText = (html: string) =>
	/data-testid="sync-status">\s*([^<]*?)\s*<\/p>/.exec(html)?.[1] ?? null;

describe('the sync badge', () => {
	it('shows a long first sync as received of about how many, with a progress bar', () => {
		const html = badge({ kind: 'syncing', pulled: 1000, total: 2200, bytes: 0 });
		expect(statusText(html)).toBe('Synkroniserer … 1000 av omtrent 2200 hentet');
		const bar = /<span[^>]*role="progressbar"[^>]*>/.exec(html)?.[0] ?? '';
		expect(bar).toContain('aria-valuemin="0"');
		expect(bar).toContain('aria-valuemax="2200"');
		expect(bar).toContain('aria-valuenow="1000"');
		expect(bar).toContain('aria-label="Framdrift for synkroniseringen"');
		expect(bar).toContain('aria-valuetext="Synkroniserer … 1000 av omtrent 2200 hentet"');
	});

	it('shows only what has come, and no bar, while the server has not said how much is coming', () => {
		const html = badge({ kind: 'syncing', pulled: 5, total: null, bytes: 0 });
		expect(statusText(html)).toBe('Synkroniserer … 5 hentet');
		expect(html).not.toContain('progressbar');
	});

	it('says in megabytes how much a long sync has received, as the language writes numbers', () => {
		const html = badge({ kind: 'syncing', pulled: 2000, total: 10_000, bytes: 3_250_000 });
		expect(statusText(html)).toBe('Synkroniserer … 2000 av omtrent 10000 hentet, 3,3 MB');
		// Below a tenth of a megabyte it is left out.
		expect(statusText(badge({ kind: 'syncing', pulled: 5, total: null, bytes: 99_999 }))).toBe(
			'Synkroniserer … 5 hentet'
		);
	});

	it('says why a sync failed in words, and names a reason it does not know by its code', () => {
		expect(statusText(badge({ kind: 'error', reason: 'server_error' }))).toBe(
			'Synkronisering feilet: Serveren har en feil akkurat nå. Vi prøver igjen om litt.'
		);
		expect(statusText(badge({ kind: 'error', reason: 'quota_exceeded' }))).toBe(
			'Synkronisering feilet: Nettbrettet har ikke mer plass til Lekeplan. Frigjør plass, så prøver vi igjen.'
		);
		expect(statusText(badge({ kind: 'error', reason: 'teapot' }))).toBe(
			'Synkronisering feilet: Serveren svarte med en feil (teapot). Vi prøver igjen om litt.'
		);
	});

	it('shows unsent changes offline and while the app must be updated', () => {
		expect(statusText(badge({ kind: 'offline' }, { pending: 3 }))).toBe(
			'Frakoblet: 3 endringer ikke sendt'
		);
		expect(statusText(badge({ kind: 'updateRequired' }, { pending: 3 }))).toBe(
			'Oppdater appen for å sende 3 endringer'
		);
	});

	it('links to the changes the server refused, while there are any', () => {
		const html = badge({ kind: 'synced' }, { rejections: 2 });
		expect(html).toMatch(/<a [^>]*href="\/refused"[^>]*>Avvist av serveren: 2<\/a>/);
		expect(badge({ kind: 'synced' })).not.toContain('/refused');
	});
});
