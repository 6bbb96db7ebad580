import { seedRegister } from './use-cases/register';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Clock } from './clock';
import type { Database, Dialect, Role } from './db';
import { hashPassword } from './auth/passwords';
import { uuidv7 } from '$lib/domain/ids';

export const DEMO_PASSWORD = 'lekeplan-demo';

export const DEMO_USERS: Array<{ email: string; displayName: string; role: Role }> = [
	{ email: 'eier@demo.lekeplan.no', displayName: 'Eva Eier', role: 'ownerAdmin' },
	{ email: 'styrer@demo.lekeplan.no', displayName: 'Siri Styrer', role: 'manager' },
	{ email: 'ansatt@demo.lekeplan.no', displayName: 'Ali Ansatt', role: 'staff' },
	// A second staff member of the same kindergarten: two tablets, one plan, a conflict.
	{ email: 'ansatt2@demo.lekeplan.no', displayName: 'Mina Medarbeider', role: 'staff' },
	{ email: 'forelder@demo.lekeplan.no', displayName: 'Frida Forelder', role: 'parent' }
];

/** The key of the PostgreSQL advisory lock the demo seeding holds (any fixed 64-bit number). */
const SEED_LOCK = 0x1e6e_91a0;

/**
 * Holds the seeding to one process at a time, to the end of the transaction: several `node
 * build` processes starting at once on an empty database (issue 13, ADR 8). PostgreSQL: a
 * transaction-level advisory lock. SQLite: a write as the first statement takes the file's
 * write lock at once (another process waits for it, busy_timeout).
 */
async function lockSeeding(trx: Transaction<Database>, dialect: Dialect): Promise<void> {
	if (dialect === 'postgres') {
		await sql`select pg_advisory_xact_lock(${sql.lit(SEED_LOCK)})`.execute(trx);
		return;
	}
	await trx
		.updateTable('syncSequence')
		.set((eb) => ({ value: eb.ref('value') }))
		.where('id', '=', 1)
		.execute();
}

/**
 * On a server with no owner yet: a demo owner with two kindergartens, groups in different age
 * bands, and one user of each role (two staff, both in the first kindergarten). Returns the
 * sign-ins to print, or null if data exists. Safe when several processes start at once on an
 * empty database: the check and the inserts run under one lock, so one of them seeds.
 */
export async function seedDemo(
	db: Kysely<Database>,
	clock: Clock,
	dialect: Dialect
): Promise<Array<{ email: string; password: string; role: Role }> | null> {
	const existing = await db.selectFrom('owners').select('id').executeTakeFirst();
	if (existing) return null;
	const now = clock.now().toISOString();
	const ownerId = uuidv7();
	const kindergartens = [
		{ id: uuidv7(), name: 'Solsikken barnehage' },
		{ id: uuidv7(), name: 'Blåbærtoppen barnehage' }
	];
	const groups = [
		{ kindergarten: 0, name: 'Knøttene', ageMin: 1, ageMax: 3 },
		{ kindergarten: 0, name: 'Humla', ageMin: 3, ageMax: 5 },
		{ kindergarten: 0, name: 'Ørneredet', ageMin: 5, ageMax: 6 },
		{ kindergarten: 1, name: 'Maurtua', ageMin: 0, ageMax: 2 },
		{ kindergarten: 1, name: 'Reveburet', ageMin: 3, ageMax: 6 }
	].map((g) => ({ ...g, id: uuidv7() }));
	const passwordHash = await hashPassword(DEMO_PASSWORD);
	const seeded = await db.transaction().execute(async (trx) => {
		await lockSeeding(trx, dialect);
		// Another process may have seeded while this one hashed the password.
		if (await trx.selectFrom('owners').select('id').executeTakeFirst()) return false;
		await trx
			.insertInto('owners')
			.values({ id: ownerId, name: 'Lekeby kommune', createdAt: now })
			.execute();
		await trx
			.insertInto('kindergartens')
			.values(kindergartens.map((k) => ({ ...k, ownerId, createdAt: now, updatedAt: now })))
			.execute();
		await trx
			.insertInto('groups')
			.values(
				groups.map((g) => ({
					id: g.id,
					ownerId,
					kindergartenId: kindergartens[g.kindergarten]!.id,
					name: g.name,
					ageMin: g.ageMin,
					ageMax: g.ageMax,
					createdAt: now,
					updatedAt: now
				}))
			)
			.execute();
		const first = kindergartens[0]!.id;
		const users = DEMO_USERS.map((u) => ({ ...u, id: uuidv7() }));
		await trx
			.insertInto('users')
			.values(
				users.map((u) => ({
					id: u.id,
					ownerId,
					email: u.email,
					displayName: u.displayName,
					role: u.role,
					kindergartenId: u.role === 'ownerAdmin' ? null : first,
					groupId: u.role === 'parent' ? groups[1]!.id : null,
					passwordHash,
					disabledAt: null,
					createdAt: now,
					updatedAt: now
				}))
			)
			.execute();
		// The demo parent reads the summaries of their child's group (issue 17, ADR 39).
		await trx
			.insertInto('parentMemberships')
			.values(
				users
					.filter((u) => u.role === 'parent')
					.map((u) => ({
						userId: u.id,
						groupId: groups[1]!.id,
						kindergartenId: first,
						codeId: null,
						joinedAt: now,
						removedAt: null
					}))
			)
			.execute();
		return true;
	});
	if (!seeded) return null;
	await seedRegister(db, dialect, clock, ownerId);
	return DEMO_USERS.map((u) => ({ email: u.email, password: DEMO_PASSWORD, role: u.role }));
}
