import { expect, test } from '@playwright/test';
import { startWithDemo } from './fixtures';

test('a schema upgrade in another tab is shown, not hidden', async ({ page, context }) => {
	await startWithDemo(page);
	const other = await context.newPage();
	await other.goto('/');
	// Stand in for a newer build: open the same database at a higher version in another tab.
	await other.evaluate(
		() =>
			new Promise<void>((resolve, reject) => {
				const request = indexedDB.open('lekeplan', 1000);
				request.onsuccess = () => {
					request.result.close();
					resolve();
				};
				request.onerror = () => reject(request.error ?? new Error('open failed'));
			})
	);
	await expect(page.getByRole('alert')).toHaveText(/oppdatert i en annen fane/);
	await expect(page.getByRole('button', { name: 'Last inn på nytt' })).toBeVisible();
});
