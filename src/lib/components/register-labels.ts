import { m } from '$lib/paraglide/messages';
import type { DataLocation, ToolDecision, ToolKind } from '$lib/domain/register';

/**
 * The register of digital tools in words (issue 16, ADR 43): kinds, decisions and where data is
 * kept. Not in labels.ts: only the pages that show the register load them (ADR 12).
 */

export const toolKindLabel: Record<ToolKind, () => string> = {
	app: m.register_kind_app,
	onlineService: m.register_kind_onlineService,
	codingToy: m.register_kind_codingToy,
	device: m.register_kind_device,
	other: m.register_kind_other
};

export const toolDecisionLabel: Record<ToolDecision, () => string> = {
	notAssessed: m.register_decision_notAssessed,
	approved: m.register_decision_approved,
	approvedWithConditions: m.register_decision_approvedWithConditions,
	deselected: m.register_decision_deselected
};

export const dataLocationLabel: Record<DataLocation, () => string> = {
	none: m.register_location_none,
	eea: m.register_location_eea,
	outsideEea: m.register_location_outsideEea,
	unknown: m.register_location_unknown
};
