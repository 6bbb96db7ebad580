import { containsPersonalNumber } from './personal-number';

/**
 * A parent's question or comment about a group's digital practice (issue 17, ADR 39). The form
 * warns against writing about a named child; a personal number is refused outright.
 */

export const QUESTION_MAX = 1000;

export type QuestionProblem = 'required' | 'too_long' | 'personal_number';

/** What is wrong with a question as typed, or null when it may be sent. */
export function questionProblem(body: string): QuestionProblem | null {
	const text = body.trim();
	if (text.length === 0) return 'required';
	if (text.length > QUESTION_MAX) return 'too_long';
	if (containsPersonalNumber(text)) return 'personal_number';
	return null;
}
