/**
 * What runs in every document of the week view's and filter's context, before the app (an init
 * script: bench/measurements/pages.ts). Bundled by Vite like entry.ts, so that nothing sent to
 * the page is code the runner's TypeScript loader rewrote (tsx wraps named inner functions in a
 * `__name` helper the page does not have): the runner itself sends only one-line calls.
 */

/** When the week view and /plans were ready (ms since the navigation started). */
export interface ReadinessMarks {
	weekGrid?: number;
	weekCards?: number;
	plansCount?: number;
}

/**
 * Records (in ms since the navigation started) when the week grid is loaded, when a plan card is
 * visible in it, and when /plans first shows a count.
 */
function readinessProbe(): void {
	const marks: ReadinessMarks = {};
	Object.defineProperty(window, '__benchMarks', { value: marks });
	const check = () => {
		const grid = document.querySelector('ol.week-grid');
		if (grid && !grid.hasAttribute('aria-busy')) {
			marks.weekGrid ??= performance.now();
			if (marks.weekCards === undefined) {
				const cards = grid.querySelectorAll('.plan-card');
				for (const card of cards) {
					if (card.checkVisibility()) {
						marks.weekCards = performance.now();
						break;
					}
				}
			}
		}
		const count = document.querySelector('.result-count');
		if (count && /\d/.test(count.textContent ?? '')) marks.plansCount ??= performance.now();
	};
	new MutationObserver(check).observe(document, {
		subtree: true,
		childList: true,
		characterData: true,
		attributes: true,
		attributeFilter: ['aria-busy']
	});
}

/**
 * In the /plans page: clears the search (waiting for the full count), then types `word` as one
 * input event and returns the ms until the result count shows `expected`.
 */
async function typeAndWait({
	word,
	expected,
	all
}: {
	word: string;
	expected: number;
	all: number;
}): Promise<number> {
	const input = document.querySelector<HTMLInputElement>('#filter-text')!;
	const status = document.querySelector('.result-count')!;
	const digits = () => (status.textContent ?? '').replace(/\D/g, '');
	const shown = (count: number) =>
		new Promise<number>((resolve, reject) => {
			if (digits() === String(count)) return resolve(performance.now());
			const observer = new MutationObserver(() => {
				if (digits() !== String(count)) return;
				observer.disconnect();
				clearTimeout(timer);
				resolve(performance.now());
			});
			const timer = setTimeout(() => {
				observer.disconnect();
				reject(new Error(`result count stuck at "${status.textContent}", expected ${count}`));
			}, 30_000);
			observer.observe(status, { subtree: true, childList: true, characterData: true });
		});
	const type = (text: string) => {
		input.value = text;
		input.dispatchEvent(new Event('input', { bubbles: true }));
	};
	type('');
	await shown(all);
	await new Promise((r) => setTimeout(r, 100));
	const start = performance.now();
	const done = shown(expected);
	type(word);
	return (await done) - start;
}

const probes = { typeAndWait };

export type Probes = typeof probes;

declare global {
	interface Window {
		__benchMarks?: ReadinessMarks;
		__benchProbes?: Probes;
	}
}

Object.defineProperty(window, '__benchProbes', { value: probes });
readinessProbe();
