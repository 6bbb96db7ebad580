import { STOP_MOTION_ROLES, type StopMotionRole } from './vocabulary';

/**
 * The role rota of a stop-motion session. Children are counted, never named: "child 3" is
 * the third child in the circle that day. Children work in sub-groups of as many children as
 * there are roles; in turn t, child c of a sub-group takes role (c + t) mod R. Over R turns
 * every child takes every role exactly once (a Latin square); in a smaller last sub-group a
 * role with no child that turn is covered by the adult.
 */
export interface RotaTurn {
	turn: number;
	/** One entry per child, in child order: child numbers start at 1. */
	assignments: Array<{ child: number; subGroup: number; role: StopMotionRole }>;
}

export const MAX_CHILDREN = 40;

export function roleRota(
	children: number,
	roles: readonly StopMotionRole[] = STOP_MOTION_ROLES
): RotaTurn[] {
	if (!Number.isInteger(children) || children < 1 || children > MAX_CHILDREN) {
		throw new RangeError(`children must be a whole number from 1 to ${MAX_CHILDREN}`);
	}
	const r = roles.length;
	return Array.from({ length: r }, (_, t) => ({
		turn: t + 1,
		assignments: Array.from({ length: children }, (_, i) => ({
			child: i + 1,
			subGroup: Math.floor(i / r) + 1,
			role: roles[((i % r) + t) % r]!
		}))
	}));
}

/** The roles each child gets over the whole rota (for checking and for the printout). */
export function rolesByChild(rota: readonly RotaTurn[]): Map<number, StopMotionRole[]> {
	const byChild = new Map<number, StopMotionRole[]>();
	for (const turn of rota) {
		for (const { child, role } of turn.assignments) {
			byChild.set(child, [...(byChild.get(child) ?? []), role]);
		}
	}
	return byChild;
}
