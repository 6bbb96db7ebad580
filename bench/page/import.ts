import { PlanRepository } from '$lib/client/db';
import { DATABASES, freshDatabase } from './databases';
import { requirePrepared } from './plans';

async function timeRepository() {
	const { plans } = requirePrepared();
	const db = await freshDatabase(DATABASES.repository);
	const repository = new PlanRepository(db);
	const start = performance.now();
	const result = await repository.importMany(plans);
	const ms = performance.now() - start;
	const stored = await db.plans.count();
	db.close();
	if (!result.ok) throw new Error(`importMany rejected plan ${result.index}`);
	return { ms, stored };
}

async function timeRaw() {
	const { plans } = requirePrepared();
	const db = await freshDatabase(DATABASES.raw);
	const start = performance.now();
	await db.plans.bulkPut(plans);
	const ms = performance.now() - start;
	const stored = await db.plans.count();
	db.close();
	return { ms, stored };
}

/**
 * One round: the same plans through `PlanRepository.importMany` (zod + bulkPut) and through
 * raw `bulkPut`, each into a freshly created database of the app's schema.
 */
export async function importRound(repositoryFirst: boolean) {
	let repository;
	let raw;
	if (repositoryFirst) {
		repository = await timeRepository();
		raw = await timeRaw();
	} else {
		raw = await timeRaw();
		repository = await timeRepository();
	}
	return { repositoryMs: repository.ms, rawMs: raw.ms, stored: [repository.stored, raw.stored] };
}
