/**
 * The editors (plan, evaluation, own activity): validation and autosaved drafts. They are not in
 * the `index.ts` barrel: every page imports that one, and through it the editors' schemas would
 * load with the first page. Only the editor pages import from here.
 */
export { PlanEditor, EvaluationEditor, ActivityEditor } from './plan-editor.svelte';
