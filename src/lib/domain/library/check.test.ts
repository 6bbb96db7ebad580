import { describe, expect, it } from 'vitest';
import { checkBuiltInLibrary } from './check';
import { CONTENT_FILES } from './content-fixture';

type Files = Record<string, string>;
type Json = Record<string, unknown>;

/** A copy of the real library's files, safe to break. */
function library(): Files {
	return { ...CONTENT_FILES };
}

/** Changes one file's JSON in place; fails the test if the library has no such file. */
function edit(files: Files, path: string, change: (json: Json) => void): void {
	const content = files[path];
	if (content === undefined) throw new Error(`no file ${path} in the library`);
	const json = JSON.parse(content) as Json;
	change(json);
	files[path] = JSON.stringify(json);
}

/** The facts of every activity in the files, by id. */
function factsOf(files: Files): Array<{ id: string; kind: string; tool: string; setting: string }> {
	return Object.entries(files)
		.filter(([path]) => path.endsWith('/facts.json'))
		.map(([path, content]) => {
			const facts = JSON.parse(content) as Json;
			return {
				id: path.split('/')[0]!,
				kind: String(facts.kind),
				tool: String(facts.tool),
				setting: String(facts.setting)
			};
		});
}

/** The files without the activities whose ids are given. */
function without(files: Files, ids: Iterable<string>): Files {
	const gone = new Set(ids);
	return Object.fromEntries(
		Object.entries(files).filter(([path]) => !gone.has(path.split('/')[0]!))
	);
}

/** The problems reported about one activity (each line starts with its folder). */
function about(problems: string[], id: string): string[] {
	return problems.filter((p) => p.startsWith(`${id}/`) || p.startsWith(`${id}:`));
}

describe('checkBuiltInLibrary', () => {
	it('finds nothing wrong with the real library', () => {
		expect(checkBuiltInLibrary(CONTENT_FILES)).toEqual([]);
	});

	it('reads every activity with its facts and the three shipped locales', () => {
		const ids = factsOf(CONTENT_FILES).map((a) => a.id);
		expect(ids.length).toBeGreaterThanOrEqual(20);
		for (const id of ids) {
			for (const name of ['facts', 'nb', 'nn', 'en']) {
				expect(CONTENT_FILES[`${id}/${name}.json`], `${id}/${name}.json`).toBeDefined();
			}
		}
	});

	it('does not change the files it checks', () => {
		const files = library();
		const before = structuredClone(files);
		checkBuiltInLibrary(files);
		expect(files).toEqual(before);
	});

	it('reports a missing nynorsk title, naming the file and the field', () => {
		const files = library();
		edit(files, 'bee-bot-number-line/nn.json', (t) => delete t.title);
		expect(checkBuiltInLibrary(files)).toEqual(['bee-bot-number-line/nn.json: title: required']);
	});

	it('reports missing goals in any shipped locale, naming the file and the field', () => {
		for (const locale of ['nb', 'nn', 'en']) {
			const files = library();
			edit(files, `bee-bot-number-line/${locale}.json`, (t) => delete t.goals);
			expect(checkBuiltInLibrary(files), locale).toEqual([
				`bee-bot-number-line/${locale}.json: goals: required`
			]);
		}
	});

	it('reports goals in one locale that are not as many as in bokmål', () => {
		const files = library();
		edit(files, 'cubetto-own-map/nn.json', (t) => (t.goals = ['Eitt mål']));
		const goals = (JSON.parse(files['cubetto-own-map/nb.json']!) as { goals: string[] }).goals;
		expect(checkBuiltInLibrary(files)).toEqual([
			`cubetto-own-map/nn.json: goals: 1 items, bokmål has ${goals.length}`
		]);
	});

	it('reports a missing nynorsk file', () => {
		const files = library();
		delete files['bee-bot-number-line/nn.json'];
		expect(checkBuiltInLibrary(files)).toEqual(['bee-bot-number-line/nn.json: missing']);
	});

	it('reports a missing facts file', () => {
		const files = library();
		delete files['cubetto-own-map/facts.json'];
		expect(about(checkBuiltInLibrary(files), 'cubetto-own-map')).toEqual([
			'cubetto-own-map/facts.json: missing'
		]);
	});

	it('reports a blank step deep inside a list (in English)', () => {
		const files = library();
		edit(files, 'cubetto-own-map/en.json', (t) => ((t.steps as string[])[1] = ''));
		expect(about(checkBuiltInLibrary(files), 'cubetto-own-map')).toEqual([
			'cubetto-own-map/en.json: steps.1: required'
		]);
	});

	it('reports a step missing in one locale: every list has as many items as in bokmål', () => {
		const files = library();
		let count = 0;
		edit(files, 'cubetto-own-map/en.json', (t) => {
			const steps = t.steps as string[];
			steps.splice(1, 1);
			count = steps.length;
		});
		expect(about(checkBuiltInLibrary(files), 'cubetto-own-map')).toEqual([
			`cubetto-own-map/en.json: steps: ${count} items, bokmål has ${count + 1}`
		]);
	});

	it('reports a missing phase title in a stop-motion activity', () => {
		const files = library();
		edit(files, 'stop-motion-cardboard-city/nb.json', (t) => {
			delete (t.phases as Json).figures;
		});
		expect(about(checkBuiltInLibrary(files), 'stop-motion-cardboard-city')).toEqual([
			'stop-motion-cardboard-city/nb.json: phases.figures: required'
		]);
	});

	it('reports a stop-motion activity whose texts have no phase titles at all', () => {
		const files = library();
		edit(files, 'stop-motion-cardboard-city/nn.json', (t) => delete t.phases);
		expect(checkBuiltInLibrary(files)).toEqual([
			'stop-motion-cardboard-city/nn.json: phases: required'
		]);
	});

	it('reports a phase title for a phase the activity does not have', () => {
		const files = library();
		edit(files, 'stop-motion-counting-film/en.json', (t) => {
			const phases = t.phases as Json;
			phases.sound = 'We record the sounds';
		});
		const facts = JSON.parse(files['stop-motion-counting-film/facts.json']!) as {
			phases: Array<{ phase: string }>;
		};
		expect(facts.phases.map((p) => p.phase)).not.toContain('sound');
		expect(checkBuiltInLibrary(files)).toEqual([
			'stop-motion-counting-film/en.json: phases.sound: unknown phase'
		]);
	});

	it('reports an activity without steps', () => {
		const files = library();
		edit(files, 'robot-mouse-cheese-maze/nb.json', (t) => delete t.steps);
		expect(about(checkBuiltInLibrary(files), 'robot-mouse-cheese-maze')).toEqual([
			'robot-mouse-cheese-maze/nb.json: steps: required'
		]);
	});

	it('reports an activity whose steps are an empty list', () => {
		const files = library();
		edit(files, 'robot-mouse-cheese-maze/nb.json', (t) => (t.steps = []));
		const problems = about(checkBuiltInLibrary(files), 'robot-mouse-cheese-maze');
		expect(problems).toEqual(['robot-mouse-cheese-maze/nb.json: steps: required']);
	});

	it('reports a blank text in one locale', () => {
		const files = library();
		edit(files, 'unplugged-dance-code/en.json', (t) => (t.summary = '   '));
		expect(about(checkBuiltInLibrary(files), 'unplugged-dance-code')).toEqual([
			'unplugged-dance-code/en.json: summary: required'
		]);
	});

	it('reports a field the schema does not know, in the facts and in the texts', () => {
		const files = library();
		edit(files, 'bee-bot-story-mat/facts.json', (f) => (f.colour = 'red'));
		edit(files, 'bee-bot-story-mat/nn.json', (t) => (t.colour = 'raud'));
		expect(checkBuiltInLibrary(files)).toEqual([
			'bee-bot-story-mat/facts.json: (file): unknown colour',
			'bee-bot-story-mat/nn.json: (file): unknown colour'
		]);
	});

	it('reports a file that is not valid JSON, naming the file', () => {
		const files = library();
		files['bee-bot-story-mat/en.json'] = files['bee-bot-story-mat/en.json']!.replace(/,\n/, '\n');
		const problems = checkBuiltInLibrary(files);
		expect(problems).toHaveLength(1);
		expect(problems[0]).toMatch(/^bee-bot-story-mat\/en\.json: not valid JSON: /);
	});

	it('reports a file that is neither facts nor a locale', () => {
		const files = library();
		files['bee-bot-story-mat/notes.txt'] = 'Husk batteriene.';
		files['bee-bot-story-mat/Facts.json'] = files['bee-bot-story-mat/facts.json']!;
		expect(checkBuiltInLibrary(files)).toEqual([
			'bee-bot-story-mat/notes.txt: unknown file (an activity has facts.json and one <locale>.json per language)',
			'bee-bot-story-mat/Facts.json: unknown file (an activity has facts.json and one <locale>.json per language)'
		]);
	});

	it('reports a folder whose name is not an id (the id is the folder name)', () => {
		const files = library();
		for (const [path, content] of Object.entries(CONTENT_FILES)) {
			if (path.startsWith('cubetto-first-journey/')) {
				files[path.replace('cubetto-first-journey', 'Cubetto first journey')] = content;
			}
		}
		expect(checkBuiltInLibrary(files)).toEqual([
			"Cubetto first journey: the folder's name is the activity's id: lower-case a–z, 0–9 and -"
		]);
	});

	it('reports a file outside any activity folder', () => {
		expect(checkBuiltInLibrary({ ...library(), 'nb.json': '{}' })).toEqual([
			"nb.json: not inside an activity's folder"
		]);
	});

	it('reports fewer than 12 coding-toy activities', () => {
		const files = library();
		const coding = factsOf(files).filter((a) => a.kind === 'codingToy');
		expect(coding.length).toBeGreaterThanOrEqual(12);
		// Drop activities until 11 are left, keeping every toy and both unplugged settings.
		const keep = new Set<string>();
		for (const tool of ['bee-bot', 'blue-bot', 'cubetto', 'robot-mouse'] as const) {
			keep.add(coding.find((a) => a.tool === tool)!.id);
		}
		keep.add(coding.find((a) => a.tool === 'unplugged' && a.setting !== 'outdoor')!.id);
		keep.add(coding.find((a) => a.tool === 'unplugged' && a.setting !== 'indoor')!.id);
		const extra = coding.filter((a) => !keep.has(a.id));
		const fewer = without(
			files,
			extra.slice(0, coding.length - 11).map((a) => a.id)
		);
		expect(factsOf(fewer).filter((a) => a.kind === 'codingToy')).toHaveLength(11);
		expect(checkBuiltInLibrary(fewer)).toEqual(['coding-toy library: 11 activities, needs 12']);
	});

	it('counts an invalid activity as missing from the library', () => {
		const beeBots = factsOf(library()).filter((a) => a.tool === 'bee-bot');
		// Every Bee-Bot activity is gone but one, and that one lacks a text: no valid Bee-Bot.
		const files = without(
			library(),
			beeBots.slice(1).map((a) => a.id)
		);
		edit(files, `${beeBots[0]!.id}/en.json`, (t) => delete t.title);
		const problems = checkBuiltInLibrary(files);
		expect(problems).toContain('coding-toy library: no bee-bot');
		expect(problems.some((p) => /^coding-toy library: \d+ activities, needs 12$/.test(p))).toBe(
			true
		);
	});

	it('reports fewer than 8 stop-motion activities', () => {
		const files = library();
		const stopMotion = factsOf(files).filter((a) => a.kind === 'stopMotion');
		const fewer = without(
			files,
			stopMotion.slice(7).map((a) => a.id)
		);
		expect(checkBuiltInLibrary(fewer)).toEqual(['stop-motion library: 7 activities, needs 8']);
	});

	it('reports a toy with no activity', () => {
		const files = library();
		const cubetto = factsOf(files).filter((a) => a.tool === 'cubetto');
		expect(
			checkBuiltInLibrary(
				without(
					files,
					cubetto.map((a) => a.id)
				)
			)
		).toContain('coding-toy library: no cubetto');
	});

	const settingOfUnplugged = (setting: string) => {
		const files = library();
		for (const a of factsOf(files)) {
			if (a.tool === 'unplugged') edit(files, `${a.id}/facts.json`, (f) => (f.setting = setting));
		}
		return checkBuiltInLibrary(files);
	};

	it('reports a library with no outdoor unplugged activity', () => {
		expect(settingOfUnplugged('indoor')).toEqual([
			'coding-toy library: no outdoor unplugged activity'
		]);
	});

	it('reports a library with no indoor unplugged activity', () => {
		expect(settingOfUnplugged('outdoor')).toEqual([
			'coding-toy library: no indoor unplugged activity'
		]);
	});

	it("counts 'both' as indoor and as outdoor", () => {
		expect(settingOfUnplugged('both')).toEqual([]);
	});

	it('reports a stop-motion activity whose phases are out of order', () => {
		const files = library();
		edit(files, 'stop-motion-plasticine-animals/facts.json', (f) => {
			const phases = f.phases as Array<{ phase: string }>;
			const animate = phases.findIndex((p) => p.phase === 'animate');
			const story = phases.findIndex((p) => p.phase === 'story');
			[phases[animate], phases[story]] = [phases[story]!, phases[animate]!];
		});
		expect(checkBuiltInLibrary(files)).toEqual([
			'stop-motion-plasticine-animals/facts.json: phases: phases_out_of_order'
		]);
	});

	it('reports a stop-motion activity with too few phases', () => {
		const files = library();
		edit(files, 'stop-motion-plasticine-animals/facts.json', (f) => {
			f.phases = (f.phases as unknown[]).slice(0, 3);
		});
		expect(checkBuiltInLibrary(files)).toEqual([
			'stop-motion-plasticine-animals/facts.json: phases: phases_out_of_order'
		]);
	});

	it('reports phases on a coding-toy activity, in its facts or in its texts', () => {
		const files = library();
		const film = JSON.parse(files['stop-motion-plasticine-animals/facts.json']!) as Json;
		edit(files, 'bee-bot-story-mat/facts.json', (f) => (f.phases = film.phases));
		expect(checkBuiltInLibrary(files)).toEqual([
			'bee-bot-story-mat/facts.json: phases: phases_only_stop_motion'
		]);

		const texts = library();
		const titles = JSON.parse(texts['stop-motion-plasticine-animals/nb.json']!) as Json;
		edit(texts, 'bee-bot-story-mat/nb.json', (t) => (t.phases = titles.phases));
		expect(checkBuiltInLibrary(texts)).toEqual([
			'bee-bot-story-mat/nb.json: phases: phases_only_stop_motion',
			...Object.keys(titles.phases as Json).map(
				(phase) => `bee-bot-story-mat/nb.json: phases.${phase}: unknown phase`
			)
		]);
	});

	it('reports an age range that ends before it starts', () => {
		const files = library();
		edit(files, 'cubetto-own-map/facts.json', (f) => (f.ageMax = f.ageMin));
		expect(checkBuiltInLibrary(files)).toEqual([
			'cubetto-own-map/facts.json: ageMax: age_max_before_min'
		]);
	});

	it('reports a personal identity number in a text', () => {
		const files = library();
		edit(files, 'cubetto-own-map/nn.json', (t) => {
			(t.staffTips as string[])[0] = 'Ring 150765 00565 om noko er gale.';
		});
		expect(checkBuiltInLibrary(files)).toEqual([
			'cubetto-own-map/nn.json: staffTips.0: personal_number'
		]);
	});

	it('reports a facts file that is not an activity at all', () => {
		const files = library();
		files['cubetto-own-map/facts.json'] = 'null';
		const problems = about(checkBuiltInLibrary(files), 'cubetto-own-map');
		expect(problems.length).toBeGreaterThan(0);
		expect(problems[0]).toMatch(/^cubetto-own-map\/facts\.json: \(file\): /);
	});

	describe('a further locale (Northern Sami, se.json)', () => {
		const SE_TITLE = 'Bee-Bot mátkkošta máinnas';

		it('may be partial: a file with only a title passes', () => {
			const files = library();
			files['bee-bot-story-mat/se.json'] = JSON.stringify({ title: SE_TITLE });
			expect(checkBuiltInLibrary(files)).toEqual([]);
		});

		it('may be absent for some activities', () => {
			const files = library();
			files['bee-bot-story-mat/se.json'] = JSON.stringify({ title: SE_TITLE });
			expect(files['cubetto-own-map/se.json']).toBeUndefined();
			expect(checkBuiltInLibrary(files)).toEqual([]);
		});

		it('must be valid where it has a text', () => {
			const files = library();
			files['bee-bot-story-mat/se.json'] = JSON.stringify({ title: SE_TITLE, summary: ' ' });
			expect(checkBuiltInLibrary(files)).toEqual(['bee-bot-story-mat/se.json: summary: required']);
		});

		it('may not hold a field the texts do not have', () => {
			const files = library();
			files['bee-bot-story-mat/se.json'] = JSON.stringify({ title: SE_TITLE, tittel: SE_TITLE });
			expect(checkBuiltInLibrary(files)).toEqual([
				'bee-bot-story-mat/se.json: (file): unknown tittel'
			]);
		});

		it('has as many items in a list as bokmål, and every phase title where it has any', () => {
			const files = library();
			files['bee-bot-story-mat/se.json'] = JSON.stringify({ steps: ['Vuosttaš lávki'] });
			files['stop-motion-cardboard-city/se.json'] = JSON.stringify({
				phases: { story: 'Muitalus' }
			});
			const steps = (JSON.parse(files['bee-bot-story-mat/nb.json']!) as { steps: string[] }).steps;
			const phases = (
				JSON.parse(files['stop-motion-cardboard-city/facts.json']!) as {
					phases: Array<{ phase: string }>;
				}
			).phases.filter((p) => p.phase !== 'story');
			expect(checkBuiltInLibrary(files)).toEqual([
				`bee-bot-story-mat/se.json: steps: 1 items, bokmål has ${steps.length}`,
				...phases.map((p) => `stop-motion-cardboard-city/se.json: phases.${p.phase}: required`)
			]);
		});

		it('does not excuse a missing text in a shipped locale', () => {
			const files = library();
			files['bee-bot-story-mat/se.json'] = JSON.stringify({ title: SE_TITLE });
			edit(files, 'bee-bot-story-mat/nn.json', (t) => delete t.privacy);
			expect(checkBuiltInLibrary(files)).toEqual(['bee-bot-story-mat/nn.json: privacy: required']);
		});
	});
});
