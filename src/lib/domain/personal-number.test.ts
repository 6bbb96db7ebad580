import { describe, expect, it } from 'vitest';
import { mulberry32 } from '$lib/test-support/random';
import { containsPersonalNumber, isPersonalNumber } from './personal-number';

/*
 * The check digits are computed here, independently of the code under test, from the published
 * rule: k1 = 11 - (3,7,6,1,8,9,4,5,2 · d1..d9 mod 11), k2 = 11 - (5,4,3,2,7,6,5,4,3,2 · d1..k1
 * mod 11), 11 meaning 0 and 10 meaning "no number with these nine digits".
 */
function mod11(digits: readonly number[], weights: readonly number[]): number | null {
	let sum = 0;
	weights.forEach((w, i) => {
		sum += w * (digits[i] ?? 0);
	});
	const k = 11 - (sum % 11);
	if (k === 11) return 0;
	return k === 10 ? null : k;
}

function checkDigits(nine: string): string | null {
	const digits = [...nine].map(Number);
	const k1 = mod11(digits, [3, 7, 6, 1, 8, 9, 4, 5, 2]);
	if (k1 === null) return null;
	const k2 = mod11([...digits, k1], [5, 4, 3, 2, 7, 6, 5, 4, 3, 2]);
	if (k2 === null) return null;
	return `${k1}${k2}`;
}

/** The first valid number for a DDMMYY date, trying individual numbers from `from` upwards. */
function validNumber(ddmmyy: string, from = 100): string {
	for (let individual = from; individual < 1000; individual++) {
		const nine = ddmmyy + String(individual).padStart(3, '0');
		const check = checkDigits(nine);
		if (check !== null) return nine + check;
	}
	throw new Error(`no valid number for ${ddmmyy}`);
}

function hasValidCheckDigits(eleven: string): boolean {
	return checkDigits(eleven.slice(0, 9)) === eleven.slice(9);
}

/** Changes the digit at `index` to another digit. */
function withDigit(eleven: string, index: number, add: number): string {
	const d = (Number(eleven[index]) + add) % 10;
	return eleven.slice(0, index) + String(d) + eleven.slice(index + 1);
}

const FNR = validNumber('010190', 123);

describe('isPersonalNumber', () => {
	it('accepts a fødselsnummer whose two check digits match', () => {
		expect(FNR).toMatch(/^010190\d{5}$/);
		expect(isPersonalNumber(FNR)).toBe(true);
	});

	it('accepts valid numbers for many birth dates', () => {
		for (const date of ['311299', '150615', '290204', '010121']) {
			expect(isPersonalNumber(validNumber(date)), date).toBe(true);
		}
	});

	it('refuses a number where either check digit is wrong', () => {
		for (let add = 1; add < 10; add++) {
			expect(isPersonalNumber(withDigit(FNR, 9, add))).toBe(false);
			expect(isPersonalNumber(withDigit(FNR, 10, add))).toBe(false);
		}
	});

	it('accepts a D-number, whose day is raised by 40', () => {
		const dNumber = validNumber('410190');
		expect(isPersonalNumber(dNumber)).toBe(true);
	});

	it('refuses valid check digits around an impossible date', () => {
		expect(isPersonalNumber(validNumber('320190'))).toBe(false);
		expect(isPersonalNumber(validNumber('011390'))).toBe(false);
		expect(isPersonalNumber(validNumber('000190'))).toBe(false);
	});

	it('refuses anything but exactly eleven digits', () => {
		expect(isPersonalNumber(FNR.slice(0, 10))).toBe(false);
		expect(isPersonalNumber(FNR + '0')).toBe(false);
		expect(isPersonalNumber(`${FNR.slice(0, 6)} ${FNR.slice(6)}`)).toBe(false);
	});
});

describe('containsPersonalNumber', () => {
	it('finds a valid number written as one run of digits', () => {
		expect(containsPersonalNumber(`Ring mor til ${FNR} i dag`)).toBe(true);
		expect(containsPersonalNumber(FNR)).toBe(true);
	});

	it('finds a valid number written with a space between the 6 and 5 digits', () => {
		expect(containsPersonalNumber(`Barnet (${FNR.slice(0, 6)} ${FNR.slice(6)}) var med`)).toBe(
			true
		);
	});

	it('finds a D-number in text', () => {
		const dNumber = validNumber('410190');
		expect(containsPersonalNumber(`D-nummer ${dNumber}.`)).toBe(true);
	});

	it('lets text without numbers through', () => {
		expect(containsPersonalNumber('Bee-Bot på eventyrmatta, 15 cm rutenett')).toBe(false);
		expect(containsPersonalNumber('')).toBe(false);
	});

	it('lets phone-like 11-digit numbers with wrong check digits through', () => {
		expect(containsPersonalNumber(`Ring ${withDigit(FNR, 10, 1)}`)).toBe(false);
		expect(containsPersonalNumber(`Ring ${withDigit(FNR, 9, 3)}`)).toBe(false);

		// A fixed pseudo-random sequence (Park-Miller), so the test is repeatable. The first six
		// digits form a real date, so only the check digits can tell these apart from a number.
		let seed = 20261128;
		const next = (below: number) => {
			seed = (seed * 48271) % 2147483647;
			return seed % below;
		};
		const two = (n: number) => String(n).padStart(2, '0');
		let tried = 0;
		while (tried < 300) {
			const date = two(1 + next(28)) + two(1 + next(12)) + two(next(100));
			const eleven = date + String(next(100000)).padStart(5, '0');
			if (hasValidCheckDigits(eleven)) continue;
			tried++;
			expect(containsPersonalNumber(`Tlf. ${eleven} etter kl. 15`), eleven).toBe(false);
			expect(containsPersonalNumber(`${eleven.slice(0, 6)} ${eleven.slice(6)}`), eleven).toBe(
				false
			);
		}
	});

	it('does not read a number out of a longer run of digits', () => {
		expect(containsPersonalNumber(`1${FNR}`)).toBe(false);
		expect(containsPersonalNumber(`${FNR}9`)).toBe(false);
	});
});

/*
 * The property: however a person writes a valid number (issue 13), with separators between
 * digits, invisible characters, digits of other forms, and text around it, it is found; the
 * same spelling with a wrong check digit, or cut by a word, is not. Seeded: a failure names
 * its seed and case (PNR_SEED=… replays a run).
 */
describe('containsPersonalNumber, however the number is written (seeded property)', () => {
	const SEED = Number(process.env['PNR_SEED'] ?? 20261201) >>> 0;
	const CASES = Number(process.env['PNR_CASES'] ?? 1500);

	/** What people and keyboards put between digits, visible or not. */
	const SEPARATORS = [
		' ',
		'.',
		'-',
		'\u00a0', // no-break space
		'\u2009', // thin space
		'\u202f', // narrow no-break space
		'\u3000', // ideographic space
		'\t',
		'\n',
		'\u200b', // zero-width space
		'\u200c', // zero-width non-joiner
		'\u200d', // zero-width joiner
		'\u2060', // word joiner
		'\ufeff', // zero-width no-break space
		'\u00ad', // soft hyphen
		'\u2010', // hyphen
		'\u2011', // non-breaking hyphen
		'\u2013', // en dash
		'\u2014', // em dash
		'\u2212', // minus
		'\uff0d', // full-width hyphen-minus
		'\uff0e' // full-width full stop
	];

	/** Ways to write one digit: ASCII and forms that NFKC folds or that are digits elsewhere. */
	const DIGIT_FORMS: Array<(d: number) => string> = [
		(d) => String(d),
		(d) => String.fromCodePoint(0xff10 + d), // full-width
		(d) => String.fromCodePoint(0x1d7ce + d), // mathematical bold
		(d) => String.fromCodePoint(0x1d7f6 + d), // mathematical monospace
		(d) => String.fromCodePoint(0x0660 + d), // Arabic-Indic
		(d) => String.fromCodePoint(0x0966 + d), // Devanagari
		(d) => (d === 0 ? '\u24ea' : String.fromCodePoint(0x2460 + d - 1)), // circled
		(d) => '⁰¹²³⁴⁵⁶⁷⁸⁹'[d]! // superscript
	];

	const AROUND = [
		['', ''],
		['Ring mor til ', ' i dag.'],
		['Barnet (', ') var med'],
		['Fnr: ', ''],
		['', ' – ikke lagre'],
		['Merk: «', '»']
	] as const;

	function someNumber(rng: () => number): string {
		const two = (n: number) => String(n).padStart(2, '0');
		for (;;) {
			let day = 1 + Math.floor(rng() * 28);
			let month = 1 + Math.floor(rng() * 12);
			const kind = rng();
			if (kind < 0.2)
				day += 40; // D-number
			else if (kind < 0.3) month += 40; // H-number
			const nine = two(day) + two(month) + two(Math.floor(rng() * 100));
			const individual = String(Math.floor(rng() * 1000)).padStart(3, '0');
			const check = checkDigits(nine.slice(0, 6) + individual);
			if (check !== null) return nine.slice(0, 6) + individual + check;
		}
	}

	/** The number written with random forms of digits and random separators between them. */
	function spell(eleven: string, rng: () => number): string {
		let out = '';
		for (let i = 0; i < eleven.length; i++) {
			const form = rng() < 0.6 ? 0 : 1 + Math.floor(rng() * (DIGIT_FORMS.length - 1));
			out += DIGIT_FORMS[form]!(Number(eleven[i]));
			if (i < eleven.length - 1 && rng() < 0.35) {
				const count = 1 + Math.floor(rng() * 3);
				for (let k = 0; k < count; k++) {
					out += SEPARATORS[Math.floor(rng() * SEPARATORS.length)];
				}
			}
		}
		return out;
	}

	it(`finds ${CASES} numbers in as many spellings, and no spelling with a wrong check digit`, () => {
		const rng = mulberry32(SEED);
		for (let n = 0; n < CASES; n++) {
			const eleven = someNumber(rng);
			const [before, after] = AROUND[Math.floor(rng() * AROUND.length)]!;
			const spelling = spell(eleven, rng);
			const label = `PNR_SEED=${SEED} case ${n}: ${eleven} as ${JSON.stringify(spelling)}`;
			expect(containsPersonalNumber(`${before}${spelling}${after}`), label).toBe(true);

			const wrong = withDigit(eleven, 10, 1 + Math.floor(rng() * 9));
			const wrongSpelling = spell(wrong, rng);
			expect(
				containsPersonalNumber(`${before}${wrongSpelling}${after}`),
				`${label}; wrong check digit ${JSON.stringify(wrongSpelling)}`
			).toBe(false);
		}
	});

	it('does not join digits that a word stands between', () => {
		const rng = mulberry32(SEED ^ 0x5eed);
		for (let n = 0; n < 200; n++) {
			const eleven = someNumber(rng);
			const cut = 1 + Math.floor(rng() * 10);
			const text = `${eleven.slice(0, cut)} og ${eleven.slice(cut)}`;
			expect(containsPersonalNumber(text), `PNR_SEED=${SEED}: ${text}`).toBe(false);
		}
	});

	it('finds the spellings the issue names', () => {
		const fnr = validNumber('010120', 123);
		const spaced = `${fnr.slice(0, 6)} ${fnr.slice(6, 9)} ${fnr.slice(9)}`;
		const dotted = `${fnr.slice(0, 2)}.${fnr.slice(2, 4)}.${fnr.slice(4, 6)} ${fnr.slice(6)}`;
		const zeroWidth = `${fnr.slice(0, 5)}\u200b${fnr.slice(5)}`;
		const fullWidth = [...fnr].map((d) => String.fromCodePoint(0xff10 + Number(d))).join('');
		for (const text of [spaced, dotted, zeroWidth, fullWidth]) {
			expect(containsPersonalNumber(`Tur med ${text}`), JSON.stringify(text)).toBe(true);
		}
	});

	it('lets ordinary text with many numbers through', () => {
		for (const text of [
			'Kl. 09.15–10.00 og 12.30–13.15, 01.12.2026 – 03.12.2026',
			'Ring 22 33 44 55 eller +47 930 12 345',
			'Grupper på 3–4 barn, 6 runder à 15 min, 1 2 3 4 5 6 7 8 9 10',
			'Bee-Bot 2.0, 15 cm rutenett, 4×4 ruter, 2026-12-01T10:00:00.000Z',
			'Blåbærtur til Østmarka – «Ærfuglen» på øya, ½ time, 2. etasje, 1½ km'
		]) {
			expect(containsPersonalNumber(text), text).toBe(false);
		}
	});
});
