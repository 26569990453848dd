import type { BaselineEntry, BaselineFile } from './baseline-file.js';
import type { IdentifiedFinding } from './identity.js';
import { matchBaseline } from './matcher.js';

export type BaselineMode = 'create' | 'update' | 'prune';

export interface BaselineChanges {
  baseline: BaselineFile;
  added: BaselineEntry[];
  removed: BaselineEntry[];
  kept: number;
  /** Findings whose entry has expired: the entry is kept with its date, so they stay new. */
  expired: number;
}

/**
 * Computes the next baseline. create: one entry per finding. update: keep the entries that
 * still match (with their reason and expiry, and with the finding's current identity, so a
 * renamed file is recorded under its new name), add the new findings, drop the stale entries.
 * prune: like update, but never add.
 */
export function nextBaseline(findings: IdentifiedFinding[], existing: BaselineFile | undefined, mode: BaselineMode, today: string): BaselineChanges {
  if (mode === 'create' || existing === undefined) {
    const entries = findings.map((item) => ({ ...item.identity }));
    return { baseline: { entries }, added: entries, removed: [], kept: 0, expired: 0 };
  }

  const match = matchBaseline(findings, existing.entries, today);
  const kept = [...match.unchanged, ...match.expired].map(({ item, entry }) => refreshed(entry, item));
  const expiredFindings = new Set(match.expired.map((pair) => pair.item));
  const added = mode === 'update'
    ? match.fresh.filter((item) => !expiredFindings.has(item)).map((item) => ({ ...item.identity }))
    : [];

  return { baseline: { entries: [...kept, ...added] }, added, removed: match.stale, kept: kept.length, expired: match.expired.length };
}

function refreshed(entry: BaselineEntry, item: IdentifiedFinding): BaselineEntry {
  return {
    ...item.identity,
    ...(entry.reason === undefined ? {} : { reason: entry.reason }),
    ...(entry.expires === undefined ? {} : { expires: entry.expires }),
  };
}
