import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { UserError } from '../errors.js';
import { isRecord } from '../io/json-shape.js';
import type { Severity } from '../findings/finding.js';
import { packageRoot } from '../version.js';

/** One rule of the catalog, as the analyzer's descriptors define it. */
export interface CatalogRule {
  id: string;
  /** Stable PascalCase name of the rule, the name of its ID constant in the analyzer. */
  name: string;
  title: string;
  messageFormat: string;
  description: string;
  /** The diagnostic category, which [SuppressMessage] names. */
  category: string;
  /** Family label such as "R3 metadata". */
  family: string;
  defaultSeverity: Severity;
  helpUri: string;
  tags: string[];
  analyzer: string;
}

/** The catalog file that the build writes from the analyzer assembly. */
export const bundledCatalogPath = path.join(packageRoot, 'dist', 'analyzer', 'rules.json');

const supportedFormatVersion = 1;
const severities: readonly string[] = ['error', 'warning', 'note', 'none'];
const stringFields = ['id', 'name', 'title', 'messageFormat', 'description', 'category', 'family', 'helpUri', 'analyzer'] as const;

/** Reads and validates the rule catalog. A missing or malformed file means a broken install. */
export async function loadCatalog(file: string = bundledCatalogPath): Promise<CatalogRule[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new UserError(`The rule catalog ${file} cannot be read: ${(error as Error).message}.`, {
      hint: 'Run "npm run build" in the oqjob folder (it writes the catalog from the analyzer), or reinstall oqjob.',
    });
  }

  return parseCatalog(text, file);
}

/** Parses the catalog text and validates every field, so the commands can rely on its shape. */
export function parseCatalog(text: string, file: string): CatalogRule[] {
  const broken = (detail: string) =>
    new UserError(`The rule catalog ${file} is not valid: ${detail}.`, {
      hint: 'Rebuild it with "npm run build", or reinstall oqjob.',
    });

  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw broken((error as Error).message);
  }

  if (!isRecord(data) || data.formatVersion !== supportedFormatVersion || !Array.isArray(data.rules)) {
    throw broken(`expected an object with formatVersion ${supportedFormatVersion} and a rules array`);
  }

  return data.rules.map((rule, index) => checkRule(rule, index, broken));
}

function checkRule(rule: unknown, index: number, broken: (detail: string) => UserError): CatalogRule {
  if (!isRecord(rule)) {
    throw broken(`rule ${index} is not an object`);
  }

  for (const field of stringFields) {
    if (typeof rule[field] !== 'string' || rule[field] === '') {
      throw broken(`rule ${index} has no text in "${field}"`);
    }
  }

  if (typeof rule.defaultSeverity !== 'string' || !severities.includes(rule.defaultSeverity)) {
    throw broken(`rule ${String(rule.id)} has the unknown severity "${String(rule.defaultSeverity)}"`);
  }

  if (!Array.isArray(rule.tags) || !rule.tags.every((tag) => typeof tag === 'string')) {
    throw broken(`rule ${String(rule.id)} has tags that are not a list of strings`);
  }

  return rule as unknown as CatalogRule;
}
