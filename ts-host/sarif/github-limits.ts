import { gzipSync } from 'node:zlib';
import type * as Sarif from 'sarif';
import { UserError } from '../errors.js';

/** The limits GitHub code scanning sets on an uploaded SARIF file; a file beyond one is rejected. */
export interface GitHubLimits {
  resultsPerRun: number;
  locationsPerResult: number;
  tagsPerRule: number;
  gzippedBytes: number;
}

export const gitHubLimits: GitHubLimits = {
  resultsPerRun: 25_000,
  locationsPerResult: 1_000,
  tagsPerRule: 20,
  gzippedBytes: 10 * 1024 * 1024,
};

/**
 * Throws a UserError (exit code 2) naming the first limit the log passes, so that oqjob never
 * writes a file that GitHub would reject on upload.
 */
export function assertWithinGitHubLimits(log: Sarif.Log, text: string | readonly string[], limits: GitHubLimits = gitHubLimits): void {
  const hint = 'Fix or baseline some findings, or check fewer projects per run (one category each), so that each upload stays within GitHub\'s limits.';
  for (const run of log.runs) {
    const results = run.results?.length ?? 0;
    if (results > limits.resultsPerRun) {
      throw new UserError(`The SARIF log has ${results} results, more than the ${limits.resultsPerRun} GitHub accepts in one run.`, { hint });
    }

    for (const result of run.results ?? []) {
      const locations = result.locations?.length ?? 0;
      if (locations > limits.locationsPerResult) {
        throw new UserError(`A ${result.ruleId ?? ''} result has ${locations} locations, more than the ${limits.locationsPerResult} GitHub accepts.`, { hint });
      }
    }

    for (const rule of run.tool.driver.rules ?? []) {
      const tags = (rule.properties?.tags ?? []).length;
      if (tags > limits.tagsPerRule) {
        throw new UserError(`Rule ${rule.id} has ${tags} tags, more than the ${limits.tagsPerRule} GitHub accepts.`, { hint: 'This is a bug in oqjob\'s rule catalog; please report it.' });
      }
    }
  }

  // Joined only here, past the results limit, so the text is at most some tens of megabytes.
  const size = gzipSync(Buffer.from(typeof text === 'string' ? text : text.join(''), 'utf8')).length;
  if (size > limits.gzippedBytes) {
    throw new UserError(`The SARIF log is ${size} bytes gzipped, more than the ${limits.gzippedBytes} GitHub accepts.`, { hint });
  }
}
