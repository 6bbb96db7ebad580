import type { FillableTemplate, FilledPath, RouteInput } from './index';

type ParamOf<I> = I extends { param: infer P } ? P : never;
type QueryOf<I> = I extends { query: infer Q } ? Q : never;

/**
 * A route's path with its `:names` filled in (encoded), and its query, for `callApi`:
 * `apiPath('/kindergartens/:id/groups', { id })`, `apiPath('/sync/pull', {}, query)`. The
 * template's own type goes with the path, so `callApi` knows the route's body and answer. Apart
 * from index.ts, so that only the pages that fill paths in load it (ADR 12).
 */
export function apiPath<P extends FillableTemplate>(
	template: P,
	param: [ParamOf<RouteInput<P>>] extends [never] ? Record<string, never> : ParamOf<RouteInput<P>>,
	...[query]: [QueryOf<RouteInput<P>>] extends [never] ? [] : [query: QueryOf<RouteInput<P>>]
): FilledPath<P> {
	const values = param as Record<string, string>;
	const path = template.replace(/:(\w+)/g, (_, name: string) => encodeURIComponent(values[name]!));
	return (query ? `${path}?${new URLSearchParams(query)}` : path) as FilledPath<P>;
}
