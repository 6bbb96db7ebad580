import { afterAll, beforeAll, expect, it } from 'vitest';
import { uuidv7 } from '$lib/domain/ids';
import { containsPersonalNumber } from '$lib/domain/personal-number';
import {
	describeEachDatabase,
	seedOwner,
	signIn,
	startTestServer,
	type SeededOwner,
	type TestServer
} from './harness';
import { snapshot } from './snapshot';
import { activityFields, planFields, TestClient } from './sync-fixtures';

/**
 * The bad-input battery's identity numbers (issue 13): every string a tablet can send in a
 * record, at any depth, is refused when it holds a fødselsnummer however it is written, and
 * ids must have an id's shape; nothing of it reaches another staff member's pull. The
 * spellings are those the issue found getting through.
 */

/** A valid fødselsnummer (synthetic: the check digits are right, nobody has it). */
const FNR = '01012012302';
const SPELLINGS = [
	`${FNR.slice(0, 6)} ${FNR.slice(6, 9)} ${FNR.slice(9)}`, // 010120 123 02
	`${FNR.slice(0, 2)}.${FNR.slice(2, 4)}.${FNR.slice(4, 6)} ${FNR.slice(6)}`, // 01.01.20 12302
	`${FNR.slice(0, 6)}\u200b${FNR.slice(6)}`, // a zero-width space
	[...FNR].map((d) => String.fromCodePoint(0xff10 + Number(d))).join(''), // full-width
	`${FNR.slice(0, 6)}-${FNR.slice(6)}`
];

/** A plan with every optional part filled: series, rota, evaluation. */
function fullPlan(group: string) {
	return planFields(group, {
		tools: ['Bee-Bot', 'Rutenett'],
		privacy: {
			photographed: true,
			storage: 'Barnehagens godkjente system',
			consent: true,
			notes: 'Kun hender'
		},
		status: 'evaluated',
		evaluation: { whatWorked: 'Turtaking', participation: 'Alle', followUp: 'Mer rutenett' },
		series: { id: uuidv7(), index: 1, count: 4, activityId: 'stop-motion-eventyr', phase: 'story' },
		rota: { children: 4, roles: ['animator', 'photographer'] }
	});
}

/** An own activity with every optional part filled: a source, a copy's origin, phases. */
function fullActivity() {
	return activityFields({
		source: { title: 'Utdanningsdirektoratet', url: 'https://www.udir.no/barnehage/digital' },
		copiedFrom: 'bee-bot-skattejakt'
	});
}

/** Every string leaf of a value, as a path of keys and indexes. */
function stringPaths(
	value: unknown,
	path: Array<string | number> = []
): Array<Array<string | number>> {
	if (typeof value === 'string') return [path];
	if (Array.isArray(value)) return value.flatMap((item, i) => stringPaths(item, [...path, i]));
	if (value !== null && typeof value === 'object') {
		return Object.entries(value).flatMap(([key, item]) => stringPaths(item, [...path, key]));
	}
	return [];
}

function withValue(record: Record<string, unknown>, path: Array<string | number>, value: string) {
	const copy = structuredClone(record);
	let node: Record<string | number, unknown> = copy;
	for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
	node[path.at(-1)!] = value;
	return copy;
}

/** What a person might type there: an address for a link, text for everything else. */
function holding(path: Array<string | number>, spelling: string): string {
	return path.at(-1) === 'url'
		? `https://example.no/barn/${encodeURIComponent(spelling)}`
		: `Ole ${spelling}`;
}

describeEachDatabase('bad input: identity numbers in every string a tablet sends', (dialect) => {
	let server: TestServer;
	let owner: SeededOwner;
	let staff: TestClient;
	let manager: TestClient;
	let colleague: TestClient;

	beforeAll(async () => {
		server = await startTestServer(dialect);
		owner = await seedOwner(server, 'id');
		staff = new TestClient(server, await signIn(server, owner.users.staff.email));
		manager = new TestClient(server, await signIn(server, owner.users.manager.email));
		colleague = new TestClient(server, await signIn(server, owner.users.manager.email));
	});
	afterAll(async () => server.close());

	it('takes the full records as they are (so each refusal below is about the one string)', async () => {
		const group = owner.kindergartens[0]!.groups[0]!;
		const answer = await staff.push([
			staff.put(uuidv7(), null, fullPlan(group)),
			staff.put(uuidv7(), null, fullActivity(), 'activity')
		]);
		expect(answer.results.map((r) => r.status)).toEqual(['applied', 'applied']);
	});

	for (const [type, make] of [
		['plan', () => fullPlan(owner.kindergartens[0]!.groups[0]!)],
		['activity', fullActivity]
	] as const) {
		it(`refuses an identity number in each string of a new ${type}, however it is written`, async () => {
			const record = make() as Record<string, unknown>;
			const paths = stringPaths(record);
			expect(paths.length).toBeGreaterThan(type === 'plan' ? 15 : 12);
			for (const path of paths) {
				for (const spelling of SPELLINGS) {
					const label = `${type}.${path.join('.')} = ${JSON.stringify(holding(path, spelling))}`;
					const before = await snapshot(server);
					const { results } = await staff.push([
						staff.put(uuidv7(), null, withValue(record, path, holding(path, spelling)), type)
					]);
					expect(results[0], label).toMatchObject({ status: 'rejected', reason: 'invalid_record' });
					// The field at fault is named: the string's own, or the list it is an item of.
					const named = path.filter((k) => typeof k === 'string').join('.');
					expect(Object.keys(results[0]!.fields ?? {}), label).toContain(named);
					// No record is written (only the client's mutation count and the rejection).
					const after = await snapshot(server);
					expect(after.tables.syncRecords, label).toEqual(before.tables.syncRecords);
				}
			}
		});
	}

	it('refuses it in an edit of an existing record too, and in a manager’s approval', async () => {
		const group = owner.kindergartens[0]!.groups[0]!;
		const plan = uuidv7();
		const made = await manager.push([manager.put(plan, null, planFields(group))]);
		const rev = made.results[0]!.rev!;
		for (const spelling of SPELLINGS) {
			const edits = [
				{ title: `Tur ${spelling}` },
				{ tools: ['Bee-Bot', `Nr ${spelling}`] },
				{
					series: {
						id: uuidv7(),
						index: 1,
						count: 2,
						activityId: `eventyr-${spelling}`,
						phase: 'story'
					}
				},
				{
					approval: {
						decision: 'approved',
						by: 'Siri',
						at: '2026-12-01T10:00:00.000Z',
						note: spelling
					}
				}
			];
			for (const edit of edits) {
				const { results } = await manager.push([manager.put(plan, rev, edit)]);
				expect(results[0], JSON.stringify(edit)).toMatchObject({
					status: 'rejected',
					reason: 'invalid_record'
				});
			}
		}
	});

	it('hands none of it to another staff member’s pull', async () => {
		const { changes } = await colleague.pullAll(0);
		expect(changes.length).toBeGreaterThan(0);
		const strings = changes.flatMap((c) =>
			stringPaths(c.data).map((p) =>
				p.reduce<unknown>((n, k) => (n as Record<string | number, unknown>)[k], c.data)
			)
		);
		expect(strings.filter((s) => containsPersonalNumber(s as string))).toEqual([]);
	});

	it('refuses ids that are not ids: a copy’s origin and a series’ activity must be slugs or UUIDs', async () => {
		const group = owner.kindergartens[0]!.groups[0]!;
		for (const bad of [
			'Ole sin aktivitet',
			'BEE-BOT',
			'bee bot',
			'../../etc',
			'a'.repeat(81),
			''
		]) {
			const { results } = await staff.push([
				staff.put(uuidv7(), null, activityFields({ copiedFrom: bad }), 'activity'),
				staff.put(
					uuidv7(),
					null,
					planFields(group, {
						series: { id: uuidv7(), index: 1, count: 2, activityId: bad, phase: 'story' }
					})
				)
			]);
			expect(results[0], bad).toMatchObject({ status: 'rejected', reason: 'invalid_record' });
			expect(Object.keys(results[0]!.fields ?? {}), bad).toEqual(['copiedFrom']);
			expect(results[1], bad).toMatchObject({ status: 'rejected', reason: 'invalid_record' });
			expect(Object.keys(results[1]!.fields ?? {}), bad).toEqual(['series.activityId']);
		}
	});
});
