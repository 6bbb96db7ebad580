// Imports an owner's export (GET /api/v1/export, ADR 42) into an empty server:
//
//   DATABASE_URL=postgres://… npm run import -- lekeplan-export-2026-12-01.json
//   SQLITE_FILE=data/new.sqlite npm run import -- lekeplan-export-2026-12-01.json
//
// The database is migrated first; an owner already there (the demo one too: start the new
// server with DEMO_DATA=false) stops the import before anything is written. Prints each table
// as it is done; a refused file names the line and changes nothing.
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { readConfig } from '../src/lib/server/config';
import { startServer } from '../src/lib/server/app';
import { ImportError, importOwnerExport } from '../src/lib/server/export/owner-import';

const file = process.argv[2];
if (!file) {
	console.error('Usage: npm run import -- <export.json>');
	process.exit(2);
}

const deps = await startServer(readConfig({ ...process.env, DEMO_DATA: 'false' }));
const lines = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
try {
	const result = await importOwnerExport(deps, lines, {
		onTable: (table, rows) => console.log(`  ${table}: ${rows} rows`)
	});
	console.log(`Imported owner ${result.ownerId}.`);
} catch (error) {
	if (error instanceof ImportError) {
		console.error(`Nothing imported: ${error.message}.`);
		process.exitCode = 1;
	} else throw error;
} finally {
	await deps.db.destroy();
}
