import { apiPath, callApi, type ServerGroup, type ServerKindergarten } from '$lib/client/state';

/** The owner's kindergartens and all their groups, for the admin pages' choices. */
export async function loadOrganisation(): Promise<{
	kindergartens: ServerKindergarten[];
	groups: ServerGroup[];
}> {
	const k = await callApi('GET', '/kindergartens');
	const kindergartens = k.ok ? k.data.kindergartens : [];
	const pages = await Promise.all(
		kindergartens.map((kg) => callApi('GET', apiPath('/kindergartens/:id/groups', { id: kg.id })))
	);
	return { kindergartens, groups: pages.flatMap((r) => (r.ok ? r.data.groups : [])) };
}
