/**
 * Detects Norwegian national identity numbers (fødselsnummer, D- and H-numbers) in free text.
 * Children are never registered (docs/design/security.md), so text that holds one is refused. An
 * 11-digit run counts only when its date part is plausible and both mod-11 check digits match, so
 * phone numbers and order numbers pass.
 */

const CANDIDATE = /(?<!\d)(\d{6})[ .-]?(\d{5})(?!\d)/g;
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

/** Six digits in a row: text without them holds no identity number (most text). */
const SIX_DIGITS = /\d{6}/;

export function containsPersonalNumber(text: string): boolean {
	if (!SIX_DIGITS.test(text)) return false;
	for (const match of text.matchAll(CANDIDATE)) {
		if (isPersonalNumber(match[1]! + match[2]!)) return true;
	}
	return false;
}
