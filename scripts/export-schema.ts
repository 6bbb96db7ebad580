// Writes the published JSON Schema of the owner's export from its table specs (ADR 42):
// `npm run export:schema`, then `npx prettier --write docs/schemas`.
import { writeFileSync } from 'node:fs';
import { exportJsonSchema } from '../src/lib/server/export/tables';

writeFileSync(
	'docs/schemas/owner-export-1.schema.json',
	`${JSON.stringify(exportJsonSchema(), null, '\t')}\n`
);
