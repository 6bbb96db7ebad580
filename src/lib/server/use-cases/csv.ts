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
