import { describe, expect, it } from 'vitest';
import { contentFile, loadLibrary, type LibraryFiles } from './content';
import { CONTENT_FILES, contentJson } from './content-fixture';
import type { ActivityTexts } from './activity';

type Json = Record<string, unknown>;

/**
 * The real library's files as the app's glob gives them (facts read, texts loaded on demand),
 * plus any extra files; `loaded` lists the text files loaded, in order.
 */
function library(extra: Record<string, Json> = {}, change?: (path: string, json: Json) => void) {
	const loaded: string[] = [];
	const facts: Record<string, unknown> = {};
	const texts: Record<string, () => Promise<unknown>> = {};
	const all = {
		...Object.fromEntries(
			Object.entries(CONTENT_FILES).map(([path, content]) => [path, JSON.parse(content) as Json])
		),
		...extra
	};
	for (const [path, json] of Object.entries(all)) {
		change?.(path, json);
		if (path.endsWith('/facts.json')) facts[`./content/${path}`] = json;
		else {
			texts[`./content/${path}`] = () => {
				loaded.push(path);
				return Promise.resolve(structuredClone(json));
			};
		}
	}
	const files: LibraryFiles = { facts, texts };
	return { files, loaded };
}

const ids = Object.keys(CONTENT_FILES)
	.filter((p) => p.endsWith('/facts.json'))
	.map((p) => p.split('/')[0]!);
const nb = (id: string) => contentJson(`${id}/nb.json`) as ActivityTexts;

/** Northern Sami texts for two activities: one partial, one complete. */
const SAMI = {
	'bee-bot-story-mat/se.json': {
		title: 'Bee-Bot mátkkošta máinnas',
		summary: 'Mánát prográmmerejit Bee-Bot máinnasbáikkis nubbái.'
	},
	'unplugged-dance-code/se.json': {
		...nb('unplugged-dance-code'),
		title: 'Dánsun koda mielde'
	}
};

describe('loadLibrary', () => {
	it('loads only the texts of the locale shown: a page in nynorsk loads only nynorsk files', async () => {
		const { files, loaded } = library(SAMI);
		const activities = await loadLibrary(files, 'nn');
		expect(activities.map((a) => a.id).sort()).toEqual([...ids].sort());
		expect(loaded.sort()).toEqual(ids.map((id) => `${id}/nn.json`).sort());
		for (const a of activities) {
			expect(a.title).toBe((contentJson(`${a.id}/nn.json`) as ActivityTexts).title);
			expect(a.untranslated, a.id).toBeUndefined();
		}
	});

	it('gives every activity 2–4 goals in every shipped locale, none a question to talk about', async () => {
		for (const locale of ['nb', 'nn', 'en']) {
			const { files } = library();
			for (const a of await loadLibrary(files, locale)) {
				expect(a.goals!.length, `${locale} ${a.id}`).toBeGreaterThanOrEqual(2);
				expect(a.goals!.length, `${locale} ${a.id}`).toBeLessThanOrEqual(4);
				for (const goal of a.goals!) {
					expect(a.talkAbout, `${locale} ${a.id}`).not.toContain(goal);
					expect(goal, `${locale} ${a.id}`).not.toMatch(/\?$/);
				}
			}
		}
	});

	it('loads bokmål alone for bokmål', async () => {
		const { files, loaded } = library(SAMI);
		await loadLibrary(files, 'nb');
		expect(loaded.sort()).toEqual(ids.map((id) => `${id}/nb.json`).sort());
	});

	describe('a further locale (Northern Sami) that is partial', () => {
		it('shows what it has, falls back to bokmål for the rest, and marks what fell back', async () => {
			const { files } = library(SAMI);
			const activities = await loadLibrary(files, 'se');
			const beeBot = activities.find((a) => a.id === 'bee-bot-story-mat')!;
			expect(beeBot.title).toBe('Bee-Bot mátkkošta máinnas');
			expect(beeBot.summary).toBe(SAMI['bee-bot-story-mat/se.json'].summary);
			expect(beeBot.steps).toEqual(nb('bee-bot-story-mat').steps);
			expect(beeBot.materials).toEqual(nb('bee-bot-story-mat').materials);
			expect(beeBot.privacy).toBe(nb('bee-bot-story-mat').privacy);
			expect(beeBot.untranslated).toEqual([
				'goals',
				'materials',
				'steps',
				'talkAbout',
				'staffTips',
				'privacy'
			]);
		});

		it('marks nothing on an activity it translates wholly', async () => {
			const { files } = library(SAMI);
			const dance = (await loadLibrary(files, 'se')).find((a) => a.id === 'unplugged-dance-code')!;
			expect(dance.title).toBe('Dánsun koda mielde');
			expect(dance.untranslated).toBeUndefined();
			expect('untranslated' in dance).toBe(false);
		});

		it('shows an activity it has no file for wholly in bokmål, every text marked', async () => {
			const { files } = library(SAMI);
			const film = (await loadLibrary(files, 'se')).find(
				(a) => a.id === 'stop-motion-plasticine-animals'
			)!;
			const bokmal = nb('stop-motion-plasticine-animals');
			expect(film.title).toBe(bokmal.title);
			expect(film.phases!.map((p) => p.title)).toEqual(
				film.phases!.map((p) => bokmal.phases![p.phase])
			);
			expect(film.untranslated).toEqual([
				'title',
				'summary',
				'goals',
				'materials',
				'steps',
				'talkAbout',
				'staffTips',
				'privacy',
				'phases'
			]);
		});

		it('loads bokmål only for the activities that need it', async () => {
			const { files, loaded } = library(SAMI);
			await loadLibrary(files, 'se');
			const others = ids.filter((id) => id !== 'unplugged-dance-code');
			expect(loaded.filter((p) => p.endsWith('/nb.json')).sort()).toEqual(
				others.map((id) => `${id}/nb.json`).sort()
			);
			expect(loaded.filter((p) => p.endsWith('/se.json')).sort()).toEqual(Object.keys(SAMI).sort());
			expect(loaded.every((p) => /\/(nb|se)\.json$/.test(p))).toBe(true);
		});

		it('keeps the same activities, in the same order, as bokmål', async () => {
			const { files } = library(SAMI);
			expect((await loadLibrary(files, 'se')).map((a) => a.id)).toEqual(
				(await loadLibrary(files, 'nb')).map((a) => a.id)
			);
		});

		it('refuses a text it has that is not valid, naming the file', async () => {
			const { files } = library({ 'bee-bot-story-mat/se.json': { title: ' ' } });
			await expect(loadLibrary(files, 'se')).rejects.toThrow(
				'bee-bot-story-mat/se.json: title: required'
			);
		});
	});

	it('refuses a shipped locale that lacks a text, naming the file and the field', async () => {
		const { files } = library({}, (path, json) => {
			if (path === 'cubetto-own-map/nn.json') delete json.steps;
		});
		await expect(loadLibrary(files, 'nn')).rejects.toThrow(
			'cubetto-own-map/nn.json: steps: required'
		);
	});

	it('refuses a shipped locale that lacks a file', async () => {
		const { files } = library();
		delete (files.texts as Record<string, unknown>)['./content/cubetto-own-map/en.json'];
		await expect(loadLibrary(files, 'en')).rejects.toThrow('cubetto-own-map/en.json: missing');
	});

	it('refuses facts that are not valid', async () => {
		const { files } = library({}, (path, json) => {
			if (path === 'cubetto-own-map/facts.json') json.ageMax = 9;
		});
		await expect(loadLibrary(files, 'nb')).rejects.toThrow(
			'cubetto-own-map/facts.json: ageMax: too_big'
		);
	});

	it('refuses a stop-motion activity whose texts lack a phase title', async () => {
		const { files } = library({}, (path, json) => {
			if (path === 'stop-motion-cardboard-city/en.json') delete (json.phases as Json).show;
		});
		await expect(loadLibrary(files, 'en')).rejects.toThrow(
			'stop-motion-cardboard-city/en.json: phases.show: required'
		);
	});

	it('refuses a name that is not a locale', async () => {
		await expect(loadLibrary(library().files, '../nb')).rejects.toThrow('not a locale');
	});
});

describe('contentFile', () => {
	it('tells facts, a locale’s texts and anything else apart, by folder and name', () => {
		expect(contentFile('./content/bee-bot-story-mat/facts.json')).toEqual({
			id: 'bee-bot-story-mat',
			file: 'facts'
		});
		expect(contentFile('bee-bot-story-mat/nn.json')).toEqual({
			id: 'bee-bot-story-mat',
			file: 'texts',
			locale: 'nn'
		});
		expect(contentFile('bee-bot-story-mat/smj.json')).toMatchObject({ locale: 'smj' });
		expect(contentFile('bee-bot-story-mat/README.md')).toEqual({
			id: 'bee-bot-story-mat',
			file: 'unknown',
			name: 'README.md'
		});
		expect(contentFile('bee-bot-story-mat/Nynorsk.json')).toMatchObject({ file: 'unknown' });
		expect(contentFile('facts.json')).toBeNull();
	});
});
