import { m } from '$lib/paraglide/messages';
import type {
	AgreementState,
	DataLocation,
	ProposalStatus,
	ToolDecision,
	ToolKind
} from '$lib/domain/register';

/**
 * The register of digital tools in words (issue 16, ADR 43): kinds, decisions, where data is
 * kept, agreement states, proposal statuses and the entry form's field labels and hints. Shared
 * by the owner admin's register pages and the planner's (so both say the same words).
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

export const agreementLabel: Record<AgreementState, () => string> = {
	inPlace: m.register_agreement_inPlace,
	missing: m.register_agreement_missing,
	notNeeded: m.register_agreement_notNeeded,
	unknown: m.register_agreement_unknown
};

export const proposalStatusLabel: Record<ProposalStatus, () => string> = {
	open: m.register_proposal_status_open,
	accepted: m.register_proposal_status_accepted,
	declined: m.register_proposal_status_declined
};

/** An entry's age span, "3–6 år". */
export const agesLabel = (min: number, max: number) => m.register_ages({ min, max });

/** The entry form's labels and hints, by field. */
export const registerFieldLabel = {
	name: m.register_field_name,
	aliases: m.register_field_aliases,
	aliasesHint: m.register_field_aliases_hint,
	kind: m.register_field_kind,
	purpose: m.register_field_purpose,
	ageMin: m.register_field_age_min,
	ageMax: m.register_field_age_max,
	personalData: m.register_field_personal_data,
	personalDataHint: m.register_field_personal_data_hint,
	dataLocation: m.register_field_data_location,
	dataProcessingAgreement: m.register_field_dpa,
	riskDone: m.register_field_risk_done,
	riskDate: m.register_field_risk_date,
	riskLink: m.register_field_risk_link,
	dpiaDone: m.register_field_dpia_done,
	dpiaDate: m.register_field_dpia_date,
	dpiaLink: m.register_field_dpia_link,
	linkHint: m.register_field_link_hint,
	ads: m.register_field_ads,
	inAppPurchases: m.register_field_in_app_purchases,
	universalDesign: m.register_field_universal_design,
	universalDesignHint: m.register_field_universal_design_hint,
	pedagogicalSuitability: m.register_field_pedagogical,
	pedagogicalSuitabilityHint: m.register_field_pedagogical_hint,
	decision: m.register_field_decision,
	conditions: m.register_field_conditions,
	conditionsHint: m.register_field_conditions_hint
} as const;
