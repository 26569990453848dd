import type { BaselineEntry } from './baseline-file.js';
import type { FindingIdentity, IdentifiedFinding } from './identity.js';

/** The outcome of matching findings against a baseline. */
export interface BaselineMatch {
  /** Findings no entry matched: they count toward the exit code. */
  fresh: IdentifiedFinding[];
  /** Findings matched by an entry, with that entry. */
  unchanged: Array<{ item: IdentifiedFinding; entry: BaselineEntry }>;
  /** Entries whose finding is gone. */
  stale: BaselineEntry[];
  /** New findings that an expired entry would have matched, with that entry. */
  expired: Array<{ item: IdentifiedFinding; entry: BaselineEntry }>;
}

type Key = (identity: FindingIdentity) => string;

// The passes run from strictest to loosest, and each one matches only what earlier passes
// left. The last pass ignores the file, so it pairs a finding with an entry of a renamed or
// split file. Same-file pairs with the same symbol and message were taken by the second pass.
const passes: Key[] = [
  (i) => join(i.rule, i.file, i.symbol, i.member, i.message, i.text),
  (i) => join(i.rule, i.file, i.symbol, i.message),
  (i) => join(i.rule, i.file, i.text),
  (i) => join(i.rule, i.symbol, i.member, i.message),
];

/**
 * Matches findings to baseline entries without line numbers. Each entry absorbs at most one
 * finding, so two identical findings need two entries, and fixing one of them leaves
 * exactly one stale entry. `today` (YYYY-MM-DD) decides which entries have expired.
 */
export function matchBaseline(findings: IdentifiedFinding[], entries: BaselineEntry[], today: string): BaselineMatch {
  const live = entries.filter((entry) => !isExpired(entry, today));
  const expired = entries.filter((entry) => isExpired(entry, today));

  const first = assign(findings, live);
  const expiredMatch = assign(first.unmatchedFindings, expired);

  return {
    fresh: first.unmatchedFindings,
    unchanged: first.pairs,
    stale: [...first.unmatchedEntries, ...expiredMatch.unmatchedEntries],
    expired: expiredMatch.pairs,
  };
}

export function isExpired(entry: BaselineEntry, today: string): boolean {
  return entry.expires !== undefined && entry.expires < today;
}

function assign(findings: IdentifiedFinding[], entries: BaselineEntry[]) {
  const pairs: Array<{ item: IdentifiedFinding; entry: BaselineEntry }> = [];
  let remainingFindings = findings;
  let remainingEntries = entries;
  for (const key of passes) {
    // Entries in file order per key, with the position of the next one to hand out, so that
    // many entries under one key cost linear time.
    const byKey = new Map<string, { entries: BaselineEntry[]; next: number }>();
    for (const entry of remainingEntries) {
      const value = key(entry);
      const group = byKey.get(value);
      if (group) {
        group.entries.push(entry);
      } else {
        byKey.set(value, { entries: [entry], next: 0 });
      }
    }

    const matchedEntries = new Set<BaselineEntry>();
    const unmatched: IdentifiedFinding[] = [];
    for (const item of remainingFindings) {
      const group = byKey.get(key(item.identity));
      const entry = group ? group.entries[group.next] : undefined;
      if (group && entry) {
        group.next += 1;
        matchedEntries.add(entry);
        pairs.push({ item, entry });
      } else {
        unmatched.push(item);
      }
    }

    remainingFindings = unmatched;
    remainingEntries = remainingEntries.filter((entry) => !matchedEntries.has(entry));
  }

  return { pairs, unmatchedFindings: remainingFindings, unmatchedEntries: remainingEntries };
}

function join(...parts: string[]): string {
  return parts.join('\u0000');
}
