import { readFile, mkdtemp, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { execa } from 'execa';
import { repoRoot } from './paths.js';

const require = createRequire(import.meta.url);

// ajv-formats is CommonJS: its function arrives as the default export's default.
const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;

/** Validates a SARIF log against the schema that the build copied into sarif-schemas/; returns the errors. */
export async function schemaErrors(log: unknown): Promise<string[]> {
  const schema = JSON.parse(await readFile(path.join(repoRoot, 'sarif-schemas', 'sarif-2.1.0.json'), 'utf8')) as object;
  const ajv = addFormats(new Ajv2020({ allErrors: true, strict: false }));
  const validate = ajv.compile(schema);
  if (validate(log)) {
    return [];
  }

  return (validate.errors ?? []).map((error) => `${error.instancePath} ${error.message ?? ''}`);
}

export interface MultitoolFinding {
  ruleId: string;
  level: string;
  message: string;
}

/**
 * Runs Microsoft's SARIF Multitool "validate" with the SARIF rules and GitHub's ingestion
 * rules on the text, and returns what it reports at warning or error level (a result without
 * a level is a warning in SARIF).
 */
export async function multitoolFindings(sarifText: string): Promise<MultitoolFinding[]> {
  const folder = await mkdtemp(path.join(os.tmpdir(), 'oqjob-multitool-'));
  const input = path.join(folder, 'input.sarif');
  const output = path.join(folder, 'validation.sarif');
  await writeFile(input, sarifText);

  const tool = path.join(path.dirname(require.resolve('@microsoft/sarif-multitool-linux/package.json')), 'Sarif.Multitool');
  const run = await execa(tool, ['validate', input, '--output', output, '--log', 'ForceOverwrite', '--rule-kind', 'Gh;Sarif'], { reject: false });
  if (run.exitCode !== 0) {
    throw new Error(`The SARIF Multitool failed (exit code ${run.exitCode}):\n${String(run.stdout)}\n${String(run.stderr)}`);
  }

  const validation = JSON.parse(await readFile(output, 'utf8')) as {
    runs: { results?: { ruleId: string; level?: string; message: { id?: string; text?: string; arguments?: string[] } }[] }[];
  };
  return (validation.runs[0]?.results ?? [])
    .map((result) => ({
      ruleId: result.ruleId,
      level: result.level ?? 'warning',
      message: result.message.text ?? `${result.message.id ?? ''} ${(result.message.arguments ?? []).join(', ')}`,
    }))
    .filter((finding) => finding.level === 'error' || finding.level === 'warning');
}
