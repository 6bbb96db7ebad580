import { z } from 'zod/mini';
import { isValidDate } from './calendar';
import { freeText, webUrl } from './plan';

/**
 * The owner's register of digital tools and equipment (issue 16, ADR 43): which apps, online
 * services, coding toys and devices the owner's kindergartens use, what each is for, what
 * personal data it processes and where, and the owner's decision on it (the strategy's
 * chapter 2 and sections 6.1–6.2). Owner admins write it on the server; every tablet of the
 * owner pulls it whole (`toolRegister`) so plans are held against it offline.
 *
 * A plan names its tools as text (`plan.tools`, as before). A tool is "in the register" when its
 * name, normalised, is an entry's name or one of its other names (`aliases`): so plans made
 * before the register, and a plan's tool typed by hand, are matched too, and an entry renamed
 * keeps its former name as an alias (ADR 43).
 */

export const TOOL_KINDS = ['app', 'onlineService', 'codingToy', 'device', 'other'] as const;
export type ToolKind = (typeof TOOL_KINDS)[number];

/** The owner's decision, "not yet assessed" until an owner admin has made one. */
export const TOOL_DECISIONS = [
	'notAssessed',
	'approved',
	'approvedWithConditions',
	'deselected'
] as const;
export type ToolDecision = (typeof TOOL_DECISIONS)[number];

/** Where the personal data it processes is kept: none processed, inside the EEA, outside it. */
export const DATA_LOCATIONS = ['none', 'eea', 'outsideEea', 'unknown'] as const;
export type DataLocation = (typeof DATA_LOCATIONS)[number];

/** A data processing agreement: in place, missing, or not needed (no personal data). */
export const AGREEMENT_STATES = ['inPlace', 'missing', 'notNeeded', 'unknown'] as const;
export type AgreementState = (typeof AGREEMENT_STATES)[number];

/** A kindergarten's pieces of one device or toy, by state. */
export const EQUIPMENT_STATES = ['works', 'needsRepair', 'missing'] as const;
export type EquipmentState = (typeof EQUIPMENT_STATES)[number];

export const REGISTER_LIMITS = {
	name: 120,
	aliases: 10,
	text: 2000,
	/** Kindergarten ages. */
	age: 6,
	/** Pieces of one device a kindergarten may list. */
	count: 999,
	entries: 2000
} as const;

const requiredText = (max: number) =>
	freeText(max).check(z.refine((s) => s.length > 0, { error: 'required', abort: true }));

const isoDate = z.string().check(z.refine(isValidDate, 'invalid_date'));
const age = z
	.number({ error: 'required' })
	.check(
		z.refine(Number.isInteger, 'not_integer'),
		z.minimum(0, 'negative'),
		z.maximum(REGISTER_LIMITS.age, 'too_big')
	);
const count = z
	.number({ error: 'required' })
	.check(
		z.refine(Number.isInteger, 'not_integer'),
		z.minimum(0, 'negative'),
		z.maximum(REGISTER_LIMITS.count, 'too_big')
	);

/** A risk assessment or a privacy impact assessment (DPIA): done, when, and where to read it. */
export const assessmentSchema = z.strictObject({
	done: z.boolean(),
	date: z.nullable(isoDate),
	/** The document, where the owner keeps it; empty when there is none to link. */
	link: z.union([z.literal(''), webUrl])
});
export type Assessment = z.infer<typeof assessmentSchema>;

/** What an owner admin writes of a register entry. */
export const registerEntryFieldsSchema = z
	.strictObject({
		name: requiredText(REGISTER_LIMITS.name),
		/** Other names a plan may use for it (and its former names, kept on a rename). */
		aliases: z
			.array(requiredText(REGISTER_LIMITS.name))
			.check(z.maxLength(REGISTER_LIMITS.aliases, 'too_many')),
		kind: z.enum(TOOL_KINDS, { error: 'required' }),
		purpose: freeText(REGISTER_LIMITS.text),
		ageMin: age,
		ageMax: age,
		/** Which personal data it processes, in words; empty when none. */
		personalData: freeText(REGISTER_LIMITS.text),
		dataLocation: z.enum(DATA_LOCATIONS, { error: 'required' }),
		dataProcessingAgreement: z.enum(AGREEMENT_STATES, { error: 'required' }),
		riskAssessment: assessmentSchema,
		privacyImpactAssessment: assessmentSchema,
		ads: z.boolean(),
		inAppPurchases: z.boolean(),
		universalDesign: freeText(REGISTER_LIMITS.text),
		pedagogicalSuitability: freeText(REGISTER_LIMITS.text),
		decision: z.enum(TOOL_DECISIONS, { error: 'required' }),
		/** Required when the decision is "approved with conditions". */
		conditions: freeText(REGISTER_LIMITS.text)
	})
	.check(
		z.superRefine((entry, ctx) => {
			if (entry.ageMin > entry.ageMax) {
				ctx.addIssue({ code: 'custom', path: ['ageMax'], message: 'below_min' });
			}
			if (entry.decision === 'approvedWithConditions' && entry.conditions.length === 0) {
				ctx.addIssue({ code: 'custom', path: ['conditions'], message: 'required' });
			}
			for (const key of ['riskAssessment', 'privacyImpactAssessment'] as const) {
				if (entry[key].done && entry[key].date === null) {
					ctx.addIssue({ code: 'custom', path: [key, 'date'], message: 'required' });
				}
			}
		})
	);
export type RegisterEntryFields = z.infer<typeof registerEntryFieldsSchema>;

/** An entry as the server keeps it and tablets pull it. */
export const registerEntrySchema = z.strictObject({
	id: z.uuid(),
	/** The built-in library's tool it was seeded from (`bee-bot`), or null for the owner's own. */
	seedKey: z.nullable(z.string()),
	fields: registerEntryFieldsSchema,
	/** When the decision or an assessment field last changed, and who changed it (a name). */
	assessedAt: z.nullable(z.iso.datetime()),
	assessedBy: z.nullable(z.string()),
	updatedAt: z.iso.datetime()
});
export type RegisterEntry = z.infer<typeof registerEntrySchema>;

/** The whole register as a pull carries it (`type: 'toolRegister'`, one change per owner). */
export const toolRegisterSchema = z.strictObject({
	entries: z.array(registerEntrySchema)
});
export type ToolRegister = z.infer<typeof toolRegisterSchema>;

/** One device or toy of the register, counted in one kindergarten. */
export const equipmentItemFieldsSchema = z.strictObject({
	works: count,
	needsRepair: count,
	missing: count,
	note: freeText(REGISTER_LIMITS.text)
});
export type EquipmentItemFields = z.infer<typeof equipmentItemFieldsSchema>;

export const equipmentItemSchema = z.strictObject({
	entryId: z.uuid(),
	...equipmentItemFieldsSchema.shape,
	updatedAt: z.iso.datetime()
});
export type EquipmentItem = z.infer<typeof equipmentItemSchema>;

/** A kindergarten's equipment as a pull carries it (`type: 'equipment'`, one change each). */
export const equipmentSetSchema = z.strictObject({
	kindergartenId: z.uuid(),
	items: z.array(equipmentItemSchema)
});
export type EquipmentSet = z.infer<typeof equipmentSetSchema>;

/** What a staff member or manager proposes for the register; the owner admin decides. */
export const toolProposalFieldsSchema = z.strictObject({
	name: requiredText(REGISTER_LIMITS.name),
	kind: z.enum(TOOL_KINDS, { error: 'required' }),
	purpose: requiredText(REGISTER_LIMITS.text),
	note: freeText(REGISTER_LIMITS.text)
});
export type ToolProposalFields = z.infer<typeof toolProposalFieldsSchema>;

export const PROPOSAL_STATUSES = ['open', 'accepted', 'declined'] as const;
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];

/**
 * A tool's name as plans and the register are compared: case, accents' composition, spaces,
 * hyphens and punctuation do not count ("Bee-Bot", "bee bot" and "BeeBot" are one tool).
 */
export function normaliseToolName(name: string): string {
	return name
		.normalize('NFKC')
		.toLocaleLowerCase('nb')
		.replace(/[^\p{L}\p{N}]+/gu, '');
}

/** The entries by every normalised name they answer to (name first; a later clash loses). */
export function registerIndex(entries: readonly RegisterEntry[]): Map<string, RegisterEntry> {
	const index = new Map<string, RegisterEntry>();
	for (const entry of entries) {
		const key = normaliseToolName(entry.fields.name);
		if (key && !index.has(key)) index.set(key, entry);
	}
	for (const entry of entries) {
		for (const alias of entry.fields.aliases) {
			const key = normaliseToolName(alias);
			if (key && !index.has(key)) index.set(key, entry);
		}
	}
	return index;
}

/**
 * What a plan's tool is with respect to the register: not in it (free text), or an entry whose
 * decision asks for a warning. `ok` is an approved entry.
 */
export type ToolStanding =
	| { kind: 'notInRegister'; tool: string }
	| {
			kind: 'ok' | 'conditions' | 'notAssessed' | 'deselected';
			tool: string;
			entry: RegisterEntry;
	  };

const STANDING: Record<ToolDecision, 'ok' | 'conditions' | 'notAssessed' | 'deselected'> = {
	approved: 'ok',
	approvedWithConditions: 'conditions',
	notAssessed: 'notAssessed',
	deselected: 'deselected'
};

/** Each of a plan's tools against the register (`index` from registerIndex). */
export function toolStandings(
	tools: readonly string[],
	index: ReadonlyMap<string, RegisterEntry>
): ToolStanding[] {
	return tools.map((tool) => {
		const entry = index.get(normaliseToolName(tool));
		if (!entry) return { kind: 'notInRegister', tool };
		return { kind: STANDING[entry.fields.decision], tool, entry };
	});
}

/** Whether a plan's tools call for a warning to staff or the manager (deselected or unassessed). */
export function needsWarning(standings: readonly ToolStanding[]): boolean {
	return standings.some((s) => s.kind === 'deselected' || s.kind === 'notAssessed');
}

const notAssessed = (): Assessment => ({ done: false, date: null, link: '' });

/** A new entry's fields: not yet assessed, nothing known. */
export function blankEntryFields(
	name: string,
	kind: ToolKind,
	purpose = '',
	ages: { ageMin: number; ageMax: number } = { ageMin: 0, ageMax: REGISTER_LIMITS.age }
): RegisterEntryFields {
	return {
		name,
		aliases: [],
		kind,
		purpose,
		...ages,
		personalData: '',
		dataLocation: 'unknown',
		dataProcessingAgreement: 'unknown',
		riskAssessment: notAssessed(),
		privacyImpactAssessment: notAssessed(),
		ads: false,
		inAppPurchases: false,
		universalDesign: '',
		pedagogicalSuitability: '',
		decision: 'notAssessed',
		conditions: ''
	};
}

/**
 * The register's seed: the tools the built-in libraries use (their facts' `tool`, and what a
 * stop-motion activity needs), each "not yet assessed". Ages are the span of the library's
 * activities with that tool. Names are the makers' (proper names), purposes in bokmål, the
 * owner's language of record; aliases are the names the libraries' texts and plans use.
 */
export const REGISTER_SEED: readonly {
	seedKey: string;
	fields: RegisterEntryFields;
}[] = [
	{
		seedKey: 'bee-bot',
		fields: {
			...blankEntryFields(
				'Bee-Bot',
				'codingToy',
				'Programmerbar gulvrobot med knapper på ryggen.',
				{
					ageMin: 3,
					ageMax: 6
				}
			),
			dataLocation: 'none'
		}
	},
	{
		seedKey: 'blue-bot',
		fields: blankEntryFields(
			'Blue-Bot',
			'codingToy',
			'Programmerbar gulvrobot, med knapper eller fra nettbrett over Bluetooth.',
			{ ageMin: 4, ageMax: 6 }
		)
	},
	{
		seedKey: 'blue-bot-app',
		fields: blankEntryFields(
			'Blue-Bot-appen',
			'app',
			'Appen som programmerer Blue-Bot fra nettbrettet.',
			{ ageMin: 4, ageMax: 6 }
		)
	},
	{
		seedKey: 'cubetto',
		fields: {
			...blankEntryFields(
				'Cubetto',
				'codingToy',
				'Trerobot som programmeres med klosser på et brett.',
				{
					ageMin: 3,
					ageMax: 6
				}
			),
			dataLocation: 'none'
		}
	},
	{
		seedKey: 'robot-mouse',
		fields: {
			...blankEntryFields('Robotmusen', 'codingToy', 'Programmerbar robotmus med labyrint.', {
				ageMin: 4,
				ageMax: 6
			}),
			aliases: ['Code & Go Robotmus', 'Code & Go Robot Mouse', 'Robotmus', 'Robot Mouse'],
			dataLocation: 'none'
		}
	},
	{
		seedKey: 'stop-motion-app',
		fields: {
			...blankEntryFields(
				'Stop-motion-app',
				'app',
				'App på nettbrettet som tar bildene til en stop-motion-film og setter dem sammen.',
				{ ageMin: 3, ageMax: 6 }
			),
			aliases: ['Stopmotion', 'Stop Motion Studio']
		}
	},
	{
		seedKey: 'tablet',
		fields: {
			...blankEntryFields('Nettbrett', 'device', 'Barnehagens nettbrett.', {
				ageMin: 1,
				ageMax: 6
			}),
			aliases: ['iPad', 'Nettbrett med en stop-motion-app']
		}
	},
	{
		seedKey: 'tripod',
		fields: {
			...blankEntryFields(
				'Stativ eller animasjonsboks',
				'device',
				'Holder nettbrettet stille under filming.',
				{
					ageMin: 3,
					ageMax: 6
				}
			),
			aliases: ['Stativ', 'Animasjonsboks'],
			dataLocation: 'none'
		}
	}
];
