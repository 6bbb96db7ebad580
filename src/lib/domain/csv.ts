/**
 * CSV as the app writes it, on the server (the audit log, the competence overview) and in the
 * browser (the manager's overview): comma-separated, CRLF lines, UTF-8 with a byte-order mark so
 * a spreadsheet reads æ, ø and å; numbers with a decimal point, as written by `String(number)`.
 */

/**
 * A CSV field: quoted when it must be, and text never read as a formula by a spreadsheet (a
 * number is written as it is, so a negative change stays a number).
 */
export function csvField(value: string | number | null): string {
	if (typeof value === 'number') return String(value);
	let text = value === null ? '' : value;
	if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
	return /[",\n\r;]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A whole file: the rows' fields, each line ended by CRLF, after a byte-order mark. */
export function csvText(rows: readonly (readonly (string | number | null)[])[]): string {
	return `\ufeff${rows.map((row) => row.map(csvField).join(',')).join('\r\n')}\r\n`;
}
