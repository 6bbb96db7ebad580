/**
 * Detects Norwegian national identity numbers (fødselsnummer, D- and H-numbers) in free text.
 * Children are never registered (docs/design/security.md), so text that holds one is refused. An 11-digit
 * run counts only when its date part is plausible and both mod-11 check digits match, so phone
 * numbers and order numbers pass.
 *
 * The text is read as a person would read it (issue 13): Unicode compatibility forms are folded
 * (NFKC: full-width ９, circled ⑨, superscripts), digits of any script count as digits, and
 * groups of digits separated only by spaces, dots, dashes or invisible characters are read as
 * one number (`010120 123 02`, `01.01.20-12302`, a zero-width space inside the run).
 */

const W1 = [3, 7, 6, 1, 8, 9, 4, 5, 2];
const W2 = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];

function checkDigit(digits: number[], weights: number[]): number {
	const sum = weights.reduce((acc, w, i) => acc + w * digits[i]!, 0);
	const rest = 11 - (sum % 11);
	return rest === 11 ? 0 : rest; // 10 means "no valid number with these digits"
}

export function isPersonalNumber(eleven: string): boolean {
	if (!/^\d{11}$/.test(eleven)) return false;
	const d = [...eleven].map(Number);
	let day = d[0]! * 10 + d[1]!;
	let month = d[2]! * 10 + d[3]!;
	if (day > 40) day -= 40; // D-number
	if (month > 80)
		month -= 80; // synthetic test numbers
	else if (month > 40) month -= 40; // H-number
	if (day < 1 || day > 31 || month < 1 || month > 12) return false;
	const k1 = checkDigit(d, W1);
	if (k1 === 10 || k1 !== d[9]) return false;
	const k2 = checkDigit(d, W2);
	return k2 !== 10 && k2 === d[10];
}

/**
 * What may stand between two groups of digits of one number: white space of any kind, dots,
 * hyphens and dashes (‐ ‑ ‒ – — ― −, and the small and full-width forms NFKC leaves as they
 * are), the soft hyphen and the invisible joiners and spaces (zero-width space, joiners, word
 * joiner, byte-order mark).
 */
const SEPARATOR =
	/^[\s.\u00b7\u2024\u2027\u00ad\u2010-\u2015\u2212\u2043\ufe58\ufe63\uff0d\u200b-\u200d\u2060\ufeff-]{1,3}$/;

/** A decimal digit of any script (after NFKC, which already folds the compatibility forms). */
const ANY_DIGIT = /\p{Nd}/u;
const DIGIT_RUNS = /\p{Nd}+/gu;

/**
 * The value of a decimal digit of any script. Unicode encodes every script's digits 0–9 as ten
 * consecutive code points (a stability guarantee), and where several scripts' runs follow each
 * other without a gap (mathematical digits) each run is ten long: so the value is the distance
 * from the start of the unbroken stretch of digits, modulo ten.
 */
function digitValue(char: string): string {
	const code = char.codePointAt(0)!;
	if (code >= 0x30 && code <= 0x39) return char;
	let start = code;
	while (ANY_DIGIT.test(String.fromCodePoint(start - 1))) start--;
	return String((code - start) % 10);
}

/** How many digits a character outside Latin-1 can stand for: its NFKC form's, or one. */
function digitsIn(char: string): number {
	const folded = char.normalize('NFKC');
	let n = 0;
	for (let i = 0; i < folded.length; i++) {
		const c = folded.charCodeAt(i);
		if (c >= 0x30 && c <= 0x39) n++;
	}
	return n > 0 ? n : ANY_DIGIT.test(folded) ? 1 : 0;
}

/**
 * No 11-digit number can hide in text with fewer digits than that (most text). Latin-1 letters
 * (æ, ø, å, é) hold none; its ² ³ ¹ ¼ ½ ¾ and everything beyond it are counted by their form.
 */
function fewerThanElevenDigits(text: string): boolean {
	let digits = 0;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (c < 0x80) {
			if (c >= 0x30 && c <= 0x39) digits++;
		} else if (c > 0xff || c === 0xb2 || c === 0xb3 || c === 0xb9 || (c >= 0xbc && c <= 0xbe)) {
			const code = text.codePointAt(i)!;
			digits += digitsIn(String.fromCodePoint(code));
			if (code > 0xffff) i++;
		}
		if (digits >= 11) return false;
	}
	return true;
}

/**
 * The numbers a reader sees in `text`: runs of digits (of any script, in ASCII), each run joined
 * with the following ones when only separators stand between them. Every way to join
 * consecutive runs that gives exactly eleven digits is a candidate, so `010120 12302 223344`
 * still shows the first eleven.
 */
function elevenDigitCandidates(text: string): string[] {
	const folded = text.normalize('NFKC');
	const runs: Array<{ digits: string; start: number; end: number }> = [];
	for (const match of folded.matchAll(DIGIT_RUNS)) {
		const digits = [...match[0]].map(digitValue).join('');
		runs.push({ digits, start: match.index, end: match.index + match[0].length });
	}
	const candidates: string[] = [];
	for (let i = 0; i < runs.length; i++) {
		let digits = '';
		for (let j = i; j < runs.length; j++) {
			if (j > i && !SEPARATOR.test(folded.slice(runs[j - 1]!.end, runs[j]!.start))) break;
			digits += runs[j]!.digits;
			if (digits.length === 11) candidates.push(digits);
			if (digits.length >= 11) break;
		}
	}
	return candidates;
}

export function containsPersonalNumber(text: string): boolean {
	if (fewerThanElevenDigits(text)) return false;
	return elevenDigitCandidates(text).some(isPersonalNumber);
}
