/**
 * What the form-field components (TextField, TextAreaField, SelectField, NumberField,
 * CheckboxGroup, CheckboxField) share. Field.svelte ties the hint and the error to the input
 * by id (`{id}-hint`, `{id}-error`), so a screen reader says them with the input.
 */
export interface FieldLabels {
	/** The input's id: its label's `for`, the prefix of its hint's and error's ids. */
	id: string;
	label: string;
	hint?: string | undefined;
	/** The problem's translated text; the input is then marked invalid. */
	error?: string | undefined;
}

/** One choice of a select or a checkbox group: the stored value and the words shown for it. */
export interface SelectOption<T extends string = string> {
	value: T;
	label: string;
	/** A longer text under a checkbox, tied to it as its description (CheckboxGroup). */
	detail?: string;
}

/** Choices from a vocabulary and its translated names, in the vocabulary's order. */
export function optionsOf<T extends string>(
	values: readonly T[],
	label: Record<T, () => string>
): SelectOption<T>[] {
	return values.map((value) => ({ value, label: label[value]() }));
}
