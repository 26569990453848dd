// Copies the SARIF 2.1.0 JSON schema from the installed SARIF Multitool package into
// sarif-schemas/, and records which package version it came from, so that tests validate
// against a published schema and never against one kept by hand.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const packageName = '@microsoft/sarif-multitool-linux';
const require = createRequire(import.meta.url);

let packageFile;
try {
  packageFile = require.resolve(`${packageName}/package.json`);
} catch {
  console.error(`copy-sarif-schema: the package ${packageName} is not installed; run "npm ci" first.`);
  process.exit(1);
}

const packageFolder = path.dirname(packageFile);
const { version } = JSON.parse(readFileSync(packageFile, 'utf8'));
const schema = readFileSync(path.join(packageFolder, 'sarif-2.1.0.json'));

mkdirSync('sarif-schemas', { recursive: true });
writeFileSync('sarif-schemas/sarif-2.1.0.json', schema);
writeFileSync(
  'sarif-schemas/source.json',
  `${JSON.stringify({ package: packageName, version, file: 'sarif-2.1.0.json', sha256: createHash('sha256').update(schema).digest('hex') }, null, 2)}\n`,
);
