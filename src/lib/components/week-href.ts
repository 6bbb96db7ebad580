/**
 * The week view's address for a group and a day of the week: the group and the week live in the
 * URL, so that after an action (a series made, a plan deleted) the view shows what was just made
 * or changed, and a link or a reload shows the same week of the same group.
 */
export function weekHref(date: string, groupId?: string): string {
	const query = new URLSearchParams();
	if (groupId) query.set('group', groupId);
	query.set('week', date);
	return `/?${query.toString()}`;
}
