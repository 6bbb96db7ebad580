import { m } from '$lib/paraglide/messages';
import type { EquipmentItem, ToolStanding } from '$lib/domain/register';

/**
 * A plan's tool against the register, and a kindergarten's count of a device, in plain words
 * (issue 16): beside the plan form's tools, on the plan page, in the approval queue and on the
 * register page.
 */
export function standingWords(standing: ToolStanding): string {
	switch (standing.kind) {
		case 'ok':
			return m.register_standing_ok();
		case 'conditions':
			return m.register_standing_conditions({ conditions: standing.entry.fields.conditions });
		case 'notAssessed':
			return m.register_standing_not_assessed();
		case 'deselected':
			return m.register_standing_deselected();
		case 'notInRegister':
			return m.register_standing_not_in_register();
	}
}

/** Whether a standing asks for a warning (deselected or not yet assessed). */
export const warns = (standing: ToolStanding) =>
	standing.kind === 'deselected' || standing.kind === 'notAssessed';

/** Whether the kindergarten counts pieces of it: a device or a coding toy. */
export const counted = (standing: ToolStanding) =>
	standing.kind !== 'notInRegister' &&
	(standing.entry.fields.kind === 'device' || standing.entry.fields.kind === 'codingToy');

/** "The kindergarten has 4 (1 needing repair, 1 missing)": every piece counted, by state. */
export function equipmentWords(item: EquipmentItem | undefined): string {
	if (!item) return m.register_equipment_none();
	const has = m.register_equipment_has({ count: item.works + item.needsRepair + item.missing });
	const parts = [
		...(item.needsRepair > 0
			? [m.register_equipment_needs_repair({ count: item.needsRepair })]
			: []),
		...(item.missing > 0 ? [m.register_equipment_missing({ count: item.missing })] : [])
	];
	return parts.length > 0 ? `${has} (${parts.join(', ')})` : has;
}
