/** The one CSV field rule, shared with the browser's CSV downloads (`domain/csv.ts`). */
export { csvField } from '$lib/domain/csv';
