import { countBySeverity, type CheckResult } from '../check/result.js';
import type { CatalogRule } from '../rules/catalog.js';
import { plural } from './text.js';

/**
 * Formats a summary for $GITHUB_STEP_SUMMARY or a pull-request comment: totals, then one
 * table row per finding with a link to the rule's page.
 */
export function formatMarkdownSummary(result: CheckResult, rules: CatalogRule[]): string {
  const helpById = new Map(rules.map((rule) => [rule.id, rule.helpUri]));
  const totals = countBySeverity(result.findings);
  const lines = [`## oqjob: ${result.target}`, ''];
  if (!result.build.succeeded || !result.build.complete) {
    lines.push('> **The analysis is incomplete:** the build failed or a project was not analysed, so findings may be missing.', '');
  }

  const count = result.findings.length;
  const baseline = result.baseline ? `, ${result.baseline.unchanged.length} accepted by the baseline` : '';
  lines.push(`${plural(count, result.baseline ? 'new finding' : 'finding')}: ${plural(totals.error, 'error')}, ${plural(totals.warning, 'warning')}, ${plural(totals.note, 'note')}${baseline}${result.suppressedCount > 0 ? `, ${result.suppressedCount} suppressed in source` : ''}.`);
  if (count === 0) {
    return `${lines.join('\n')}\n`;
  }

  lines.push('', '| Severity | Rule | Location | Message |', '|---|---|---|---|');
  for (const finding of result.findings) {
    const help = helpById.get(finding.ruleId);
    const rule = help ? `[${finding.ruleId}](${help})` : finding.ruleId;
    lines.push(`| ${finding.severity} | ${rule} | \`${escapeCell(finding.file)}:${finding.line}\` | ${escapeCell(finding.message)} |`);
  }

  return `${lines.join('\n')}\n`;
}

function escapeCell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}
