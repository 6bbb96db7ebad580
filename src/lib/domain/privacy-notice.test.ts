import { describe, expect, it } from 'vitest';
import { isPrivacyNoticeLocale, noticeFor, paragraphs } from './privacy-notice';

describe('privacy notice', () => {
	it('splits a text into paragraphs at blank lines, whatever the line ends', () => {
		expect(paragraphs('Hva vi lagrer\r\n\r\nHvorfor\n \nHvor lenge\n\n\n')).toEqual([
			'Hva vi lagrer',
			'Hvorfor',
			'Hvor lenge'
		]);
		expect(paragraphs('Line one\nline two')).toEqual(['Line one\nline two']);
		expect(paragraphs('  \n\n ')).toEqual([]);
	});

	it("gives the reader's language, else bokmål, nynorsk, English", () => {
		const texts = [
			{ locale: 'en', body: 'E' },
			{ locale: 'nn', body: 'NN' }
		];
		expect(noticeFor(texts, 'en')?.body).toBe('E');
		expect(noticeFor(texts, 'so')?.body).toBe('NN');
		expect(noticeFor([{ locale: 'nb', body: 'B' }, ...texts], 'ar')?.body).toBe('B');
		expect(noticeFor([], 'nb')).toBeNull();
	});

	it('knows the languages a notice is written in', () => {
		expect(isPrivacyNoticeLocale('nn')).toBe(true);
		expect(isPrivacyNoticeLocale('se')).toBe(false);
	});
});
