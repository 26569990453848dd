import { access } from 'node:fs/promises';
import path from 'node:path';
import type { Finding } from '../findings/finding.js';
import { defaultBaselineName, type BaselineEntry, type BaselineFile } from './baseline-file.js';
import { identifyFindings } from './identity.js';
import { matchBaseline } from './matcher.js';

/** The baseline's effect on a check: accepted findings, stale entries and expired entries. The findings it left are the new ones. */
export interface BaselineOutcome {
  /** The baseline file, relative to the checked folder when it is inside it. */
  file: string;
  unchanged: Finding[];
  stale: BaselineEntry[];
  /** New findings whose entry expired, with the expiry date. */
  expired: Array<{ finding: Finding; expires: string }>;
  /** The command line that removes the stale entries, as the user would type it. */
  pruneCommand?: string;
}

export interface BaselineChoice {
  /** --baseline FILE, relative to the working folder. */
  file?: string;
  /** --no-baseline. */
  disabled: boolean;
}

/**
 * Resolves which baseline applies: none with --no-baseline, the named file (which must
 * exist), or oqjob-baseline.json in the checked folder when it exists.
 */
export async function resolveBaselineFile(choice: BaselineChoice, cwd: string, root: string): Promise<string | undefined> {
  if (choice.disabled) {
    return undefined;
  }

  if (choice.file !== undefined) {
    return path.resolve(cwd, choice.file);
  }

  const candidate = path.join(root, defaultBaselineName);
  return (await access(candidate).then(() => true, () => false)) ? candidate : undefined;
}

/** Splits findings into new and unchanged, and finds stale and expired entries. */
export async function applyBaseline(findings: Finding[], root: string, file: string, baseline: BaselineFile, today: string): Promise<{ fresh: Finding[]; outcome: BaselineOutcome }> {
  const match = matchBaseline(await identifyFindings(findings, root), baseline.entries, today);
  const relative = path.relative(root, file);
  return {
    fresh: match.fresh.map((item) => item.finding),
    outcome: {
      file: relative.startsWith('..') || path.isAbsolute(relative) ? file : relative.split(path.sep).join('/'),
      unchanged: match.unchanged.map((pair) => pair.item.finding),
      stale: match.stale,
      expired: match.expired.map((pair) => ({ finding: pair.item.finding, expires: pair.entry.expires ?? '' })),
    },
  };
}

/** Today's date as YYYY-MM-DD in UTC, the form "expires" uses. */
export function todayUtc(): string {
  return new Date().toISOString().slice(0, 10);
}
