import type { z } from 'zod/mini';

/**
 * A quicker way to the answer of `schema.safeParse(value)` when that answer is success (ADR 13).
 *
 * The server checks every record a tablet pushes against its domain schema, the one definition
 * of a plan or an activity. zod walks a schema generically, and for a thousand plans that walk
 * cost more than storing them. `fastParser` reads the same schema once and builds plain closures
 * for the parts it knows (objects, as code written once per schema; arrays, text, numbers, booleans, enums, null, nullable,
 * optional, pipes), running the schema's own checks (`trim`, `maxLength`, `refine`,
 * `superRefine`, formats …) through zod's own check functions, and hands every other kind of
 * schema to zod itself. It never judges a value zod refuses: on the first problem of any kind it
 * gives up (`FAIL`), and the caller asks zod, whose answer, with its issues, is the one that
 * counts. What it returns on success is what zod's `data` would be (a differential test in
 * fast-parse.test.ts holds the two to that, on the domain schemas and on spoiled records).
 */

export const FAIL: unique symbol = Symbol('fast-parse: ask zod');

type Parse = (input: unknown) => unknown;
type Schema = z.core.$ZodType;
type Check = z.core.$ZodCheck;
interface Payload {
	value: unknown;
	issues: unknown[];
}

/** The options zod's own parse passes (forward direction, synchronous). */
const CTX = { async: false } as const;

/** The parser of `schema`: `FAIL`, or what `schema.safeParse(input).data` would be. */
export function fastParser<T>(schema: z.ZodMiniType<T>): (input: unknown) => T | typeof FAIL {
	const parse = compile(schema);
	return parse as (input: unknown) => T | typeof FAIL;
}

function compile(schema: Schema): Parse {
	const parse = base(schema);
	// zod's own run has run the schema's checks already.
	return delegated.has(parse) ? parse : withChecks(schema, parse);
}

/** Parsers that are zod's own run of their schema. */
const delegated = new WeakSet<Parse>();

/** String formats whose whole check is their pattern (zod's `$ZodCheckStringFormat`). */
const PATTERN_FORMATS = [
	'$ZodType',
	'$ZodString',
	'$ZodCheck',
	'$ZodCheckStringFormat',
	'$ZodStringFormat',
	'$ZodUUID',
	'$ZodGUID',
	'$ZodISODateTime',
	'$ZodISODate',
	'$ZodISOTime'
] as const;

/** The schema's parse, without its checks; zod's own run for what this file does not know. */
function base(schema: Schema): Parse {
	const zod = schema._zod;
	const def = zod.def as z.core.$ZodTypeDef & Record<string, unknown>;
	const plain = (traits: string[]) =>
		!def['coerce'] && [...zod.traits].every((t) => traits.includes(t) || !t.startsWith('$Zod'));
	switch (def.type) {
		case 'string': {
			if (plain(['$ZodType', '$ZodString'])) {
				return (input) => (typeof input === 'string' ? input : FAIL);
			}
			// A format that is its pattern and nothing more (its own check tests just that).
			const pattern = def['pattern'];
			if (plain([...PATTERN_FORMATS]) && pattern instanceof RegExp) {
				return (input) => {
					if (typeof input !== 'string') return FAIL;
					pattern.lastIndex = 0;
					return pattern.test(input) ? input : FAIL;
				};
			}
			break;
		}
		case 'number':
			if (!plain(['$ZodType', '$ZodNumber'])) break;
			return (input) => (typeof input === 'number' && Number.isFinite(input) ? input : FAIL);
		case 'boolean':
			if (!plain(['$ZodType', '$ZodBoolean'])) break;
			return (input) => (typeof input === 'boolean' ? input : FAIL);
		case 'null':
			if (!plain(['$ZodType', '$ZodNull'])) break;
			return (input) => (input === null ? null : FAIL);
		case 'enum': {
			if (!plain(['$ZodType', '$ZodEnum'])) break;
			const values = zod.values!;
			return (input) => (values.has(input as never) ? input : FAIL);
		}
		case 'nullable': {
			if (!plain(['$ZodType', '$ZodNullable'])) break;
			const inner = compile(def['innerType'] as Schema);
			return (input) => (input === null ? null : inner(input));
		}
		case 'optional': {
			const innerType = def['innerType'] as Schema;
			if (!plain(['$ZodType', '$ZodOptional']) || innerType._zod.optin === 'defaulted') break;
			const inner = compile(innerType);
			return (input) => (input === undefined ? undefined : inner(input));
		}
		case 'pipe': {
			if (!plain(['$ZodType', '$ZodPipe'])) break;
			const first = compile(def['in'] as Schema);
			const then = compile(def['out'] as Schema);
			return (input) => {
				const middle = first(input);
				return middle === FAIL ? FAIL : then(middle);
			};
		}
		case 'array': {
			if (!plain(['$ZodType', '$ZodArray'])) break;
			const element = compile(def['element'] as Schema);
			return (input) => {
				if (!Array.isArray(input)) return FAIL;
				const out: unknown[] = new Array(input.length);
				for (let i = 0; i < input.length; i++) {
					const item = element(input[i]);
					if (item === FAIL) return FAIL;
					out[i] = item;
				}
				return out;
			};
		}
		case 'object':
			return object(schema) ?? delegate(schema);
	}
	return delegate(schema);
}

/**
 * An object as zod's `$ZodObject` parses it: each key of the shape in order (a missing key is
 * fine only where the schema is optional, and then left out), unknown keys dropped, or refused
 * by a strict object. Anything else about it (a catch-all schema, symbol keys) goes to zod.
 */
function object(schema: Schema): Parse | null {
	const zod = schema._zod;
	const def = zod.def as z.core.$ZodObjectDef;
	if (
		![...zod.traits].every((t) => ['$ZodType', '$ZodObject'].includes(t) || !t.startsWith('$Zod'))
	)
		return null;
	const shape = def.shape as Record<string, Schema>;
	if (Object.getOwnPropertySymbols(shape).length > 0) return null;
	const catchall = def.catchall?._zod.def.type;
	if (catchall !== undefined && catchall !== 'never') return null;
	const strict = catchall === 'never';
	const keys = Object.keys(shape).filter((k) => k !== '__proto__');
	const known = new Set(Object.keys(shape));
	const fields = keys.map((key) => {
		const el = shape[key]!._zod;
		return {
			key,
			parse: compile(shape[key]!),
			/** Absent is fine (and stays absent): zod's "optional in and out". */
			omittable: el.optin === 'optional' && el.optout === 'optional',
			/** Absent is fine only for a schema that takes it in; zod then reports the value. */
			optin: el.optin,
			/** zod writes `undefined` for an absent key only where a default stands in for it. */
			absentUndefined: el.optin === 'defaulted' && el.optout !== 'optional'
		};
	});
	return objectCode(fields, strict ? known : null);
}

/**
 * The parse of an object with these fields, written out as code once per schema: each key read
 * and written by name (`input["title"]`), so that V8 caches each read and write for records of
 * one shape, where a loop over the keys made every access a lookup by a key it could not
 * foresee (a push of a thousand plans spent half its validation there). Per field, as zod's
 * `$ZodObject`: a missing key is fine only where the schema is optional (and then left out), the
 * field's own parse after, unknown keys dropped, or refused by a strict object (`known`). The
 * keys go in as JSON strings; nothing of a record ever becomes code.
 */
function objectCode(
	fields: Array<{
		key: string;
		parse: Parse;
		omittable: boolean;
		optin: unknown;
		absentUndefined: boolean;
	}>,
	known: ReadonlySet<string> | null
): Parse {
	const lines = [
		'if (typeof input !== "object" || input === null || Array.isArray(input)) return FAIL;',
		'const out = {};',
		'let given, present, value;'
	];
	fields.forEach((field, f) => {
		const key = JSON.stringify(field.key);
		lines.push(
			`given = input[${key}];`,
			// `in` only where the value is undefined: a key with a value is present.
			`present = given !== undefined || ${key} in input;`,
			`if (present || ${!field.omittable}) {`,
			`	if (!present && ${field.optin === undefined}) return FAIL;`,
			`	value = p${f}(given);`,
			'	if (value === FAIL) return FAIL;',
			`	if (value !== undefined || present || ${field.absentUndefined}) out[${key}] = value;`,
			'}'
		);
	});
	if (known) lines.push('for (const key in input) if (!known.has(key)) return FAIL;');
	lines.push('return out;');
	const parses = fields.map((_, f) => `p${f}`);
	// eslint-disable-next-line @typescript-eslint/no-implied-eval -- made of the schema's keys, once
	const make = new Function(
		'FAIL',
		'known',
		...parses,
		`return (input) => {\n${lines.join('\n')}\n};`
	) as (...args: unknown[]) => Parse;
	return make(FAIL, known, ...fields.map((field) => field.parse));
}

/** zod's own run of the schema: its value when it has no issue at all. */
function delegate(schema: Schema): Parse {
	const parse: Parse = (input) => {
		const result = schema._zod.run({ value: input, issues: [] }, CTX) as Payload | Promise<Payload>;
		if (result instanceof Promise || result.issues.length > 0) return FAIL;
		return result.value;
	};
	delegated.add(parse);
	return parse;
}

/**
 * The schema's checks after its parse, as zod's `runChecks` runs them on a value without
 * issues: each in order (a check with a `when` only when that holds), each able to rewrite the
 * value (`trim`); the first issue is the end.
 */
function withChecks(schema: Schema, parse: Parse): Parse {
	const zod = schema._zod;
	const checks = (zod.def.checks ?? []) as Check[];
	if (checks.length === 0) return parse;
	return (input) => {
		const value = parse(input);
		if (value === FAIL) return FAIL;
		const payload: Payload = { value, issues: [] };
		for (let c = 0; c < checks.length; c++) {
			const check = checks[c]!;
			const when = check._zod.def.when;
			if (when && !when(payload as never)) continue;
			const result = check._zod.check(payload as never) as unknown;
			if (result instanceof Promise || payload.issues.length > 0) return FAIL;
		}
		return payload.value;
	};
}
