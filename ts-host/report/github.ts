import type { CheckResult } from '../check/result.js';
import type { Severity } from '../findings/finding.js';

/**
 * Formats the findings as GitHub Actions workflow commands, which the runner shows as
 * annotations on the changed files. `prefix` is the checked folder's path relative to the
 * repository root, because annotation paths are relative to the repository.
 */
export function formatGitHubAnnotations(result: CheckResult, prefix: string): string {
  const lines = result.findings.map((finding) => {
    const file = prefix ? `${prefix}/${finding.file}` : finding.file;
    const properties = [
      `file=${escapeProperty(file)}`,
      `line=${finding.line}`,
      `endLine=${finding.endLine}`,
      `col=${finding.column}`,
      `endColumn=${finding.endColumn}`,
      `title=${escapeProperty(finding.ruleId)}`,
    ].join(',');
    return `::${command(finding.severity)} ${properties}::${escapeData(`${finding.ruleId}: ${finding.message}`)}`;
  });

  if (!result.build.succeeded) {
    lines.push(`::error::${escapeData('oqjob: the build failed, so the analysis is incomplete; run oqjob check without --format github for the build errors.')}`);
  }

  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}

function command(severity: Severity): string {
  switch (severity) {
    case 'error':
      return 'error';
    case 'warning':
      return 'warning';
    default:
      return 'notice';
  }
}

// The runner reads %, CR and LF as escapes in the message, and also : and , in properties.
function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
