import { describe, expect, it } from 'vitest';
import { csvField, csvText } from './csv';

describe('csv', () => {
	it('quotes what must be quoted and disarms formulas', () => {
		expect(csvField('Humla, 3–4 år')).toBe('"Humla, 3–4 år"');
		expect(csvField('Si «hei» "høyt"')).toBe('"Si «hei» ""høyt"""');
		expect(csvField('=SUM(A1)')).toBe("'=SUM(A1)");
		expect(csvField(-2.5)).toBe('-2.5');
		expect(csvField(null)).toBe('');
	});

	it('writes a file a spreadsheet opens: BOM, CRLF lines', () => {
		expect(
			csvText([
				['Uke', 'Minutter'],
				['48', 37.5]
			])
		).toBe('\ufeffUke,Minutter\r\n48,37.5\r\n');
	});
});
