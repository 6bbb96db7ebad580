import { builtInActivitySchema, type BuiltInActivity } from './activity';

/**
 * The build-time check of the built-in library (run by vite.config.ts at the start of every
 * build and dev server, and by the unit tests): every activity has every field in every
 * locale, ids are unique, and the libraries cover what the product promises.
 */
export function checkBuiltInLibrary(activities: readonly unknown[]): string[] {
	const problems: string[] = [];
	const valid: BuiltInActivity[] = [];
	const ids = new Set<string>();
	activities.forEach((raw, index) => {
		const rawId = (raw as { id?: unknown } | null)?.id;
		const name = typeof rawId === 'string' ? rawId : `#${index}`;
		const parsed = builtInActivitySchema.safeParse(raw);
		if (!parsed.success) {
			for (const issue of parsed.error.issues) {
				const path = issue.path.join('.') || '(activity)';
				const detail =
					issue.code === 'unrecognized_keys' ? `unknown ${issue.keys.join(', ')}` : issue.message;
				problems.push(`${name}: ${path}: ${detail}`);
			}
			return;
		}
		if (ids.has(parsed.data.id)) problems.push(`${parsed.data.id}: duplicate id`);
		ids.add(parsed.data.id);
		valid.push(parsed.data);
	});
	const coding = valid.filter((a) => a.kind === 'codingToy');
	const stopMotion = valid.filter((a) => a.kind === 'stopMotion');
	if (coding.length < 12)
		problems.push(`coding-toy library: ${coding.length} activities, needs 12`);
	if (stopMotion.length < 8) {
		problems.push(`stop-motion library: ${stopMotion.length} activities, needs 8`);
	}
	for (const tool of ['bee-bot', 'blue-bot', 'cubetto', 'robot-mouse'] as const) {
		if (!coding.some((a) => a.tool === tool)) problems.push(`coding-toy library: no ${tool}`);
	}
	const unplugged = coding.filter((a) => a.tool === 'unplugged');
	if (!unplugged.some((a) => a.setting !== 'outdoor')) {
		problems.push('coding-toy library: no indoor unplugged activity');
	}
	if (!unplugged.some((a) => a.setting !== 'indoor')) {
		problems.push('coding-toy library: no outdoor unplugged activity');
	}
	return problems;
}
