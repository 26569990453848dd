import { realpath } from 'node:fs/promises';
import path from 'node:path';
import type { CheckResult } from '../check/result.js';
import { UserError } from '../errors.js';
import { loadCatalog } from '../rules/catalog.js';
import { loadRuleHelp, type RuleHelp } from '../rules/help.js';
import { assertWithinGitHubLimits } from '../sarif/github-limits.js';
import { readGitCheckout, type GitCheckout } from '../vcs/git.js';
import { formatGitHubAnnotations } from './github.js';
import { formatJson } from './json.js';
import { formatMarkdownSummary } from './markdown.js';
import { buildSarifLog, formatSarifChunks } from './sarif.js';
import { formatText } from './text.js';

export const reportFormats = ['text', 'json', 'sarif', 'github', 'markdown'] as const;
export type ReportFormat = (typeof reportFormats)[number];

export interface RenderOptions {
  format: ReportFormat;
  color: boolean;
  toolVersion: string;
  informationUri: string;
  /** SARIF only: the code scanning category; derived from the checked path when absent. */
  category?: string;
  /** SARIF only: keep findings suppressed in source or by the baseline, marked with suppressions. */
  includeSuppressed: boolean;
  /** Text only: also list the findings the baseline accepts. */
  showBaselined?: boolean;
}

/** Formats the check result in the requested report format: one string, or the pieces of a SARIF log. */
export async function renderReport(result: CheckResult, options: RenderOptions): Promise<string | string[]> {
  switch (options.format) {
    case 'json':
      return formatJson(result, options.toolVersion);
    case 'sarif':
      return renderSarif(result, options);
    case 'github':
      return formatGitHubAnnotations(result, (await sourceRootOf(result)).prefix);
    case 'markdown':
      return formatMarkdownSummary(result, await loadCatalog());
    default:
      return formatText(result, { color: options.color, showBaselined: options.showBaselined ?? false });
  }
}

async function renderSarif(result: CheckResult, options: RenderOptions): Promise<string[]> {
  const rules = await loadCatalog();
  const help = new Map<string, RuleHelp>();
  for (const rule of rules) {
    help.set(rule.id, await loadRuleHelp(rule.id));
  }

  const { prefix, checkout } = await sourceRootOf(result);
  const log = await buildSarifLog({
    result,
    toolVersion: options.toolVersion,
    informationUri: options.informationUri,
    rules,
    help,
    category: options.category ?? defaultCategory(checkout ? prefix : path.basename(result.root)),
    prefix,
    checkout,
    includeSuppressed: options.includeSuppressed,
  });
  // Pieces, so that a large log is not also copied into one string and one buffer.
  const chunks = [...formatSarifChunks(log)];
  assertWithinGitHubLimits(log, chunks);
  return chunks;
}

/**
 * Returns the category that separates this folder's analyses from others in one repository:
 * oqjob/ and the folder's path in the checkout, or its name outside a checkout.
 */
export function defaultCategory(prefix: string): string {
  return prefix ? `oqjob/${prefix}` : 'oqjob';
}

/** Checks a --category value and returns it without trailing slashes. */
export function parseCategory(value: string): string {
  const category = value.trim().replace(/\/+$/, '');
  if (category === '' || /[\u0000-\u001f]/.test(category)) {
    throw new UserError(`The value "${value}" of --category is not a valid code scanning category.`, {
      hint: 'Pass a short name without control characters, for example --category oqjob/reminders.',
    });
  }

  return category;
}

/**
 * Returns the checked folder's path inside its git checkout. GitHub resolves addresses
 * against the repository root, so results in a checkout start with this prefix. Outside a
 * checkout the prefix is empty, and addresses start at the checked folder.
 */
async function sourceRootOf(result: CheckResult): Promise<{ prefix: string; checkout: GitCheckout | undefined }> {
  const checkout = await readGitCheckout(result.root);
  if (!checkout) {
    return { prefix: '', checkout };
  }

  // Both through realpath, so a symlinked temporary folder does not produce "../" paths.
  const root = await realpath(checkout.root);
  const checked = await realpath(result.root);
  return { prefix: path.relative(root, checked).split(path.sep).join('/'), checkout };
}
