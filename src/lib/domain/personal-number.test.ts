import { describe, expect, it } from 'vitest';
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
