import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Finding } from '../findings/finding.js';

/**
 * The identity of a finding across commits, without line numbers: rule, file, the type and
 * member that contain it, its message, and a fingerprint of its source text.
 */
export interface FindingIdentity {
  rule: string;
  file: string;
  symbol: string;
  member: string;
  message: string;
  /** Hash of the finding's source lines with all whitespace removed; empty when the file cannot be read. */
  text: string;
}

/** A finding with its identity. */
export interface IdentifiedFinding {
  finding: Finding;
  identity: FindingIdentity;
}

/**
 * Computes the identity of each finding, reading each source file once. The text fingerprint
 * ignores indentation, line endings and blank space. So reformatting or moving a line keeps
 * its identity, and changing the code on it does not.
 */
export async function identifyFindings(findings: Finding[], root: string): Promise<IdentifiedFinding[]> {
  const sources = new Map<string, string[] | undefined>();
  const identified: IdentifiedFinding[] = [];
  for (const finding of findings) {
    if (!sources.has(finding.file)) {
      sources.set(finding.file, await readLines(path.resolve(root, finding.file)));
    }

    identified.push({ finding, identity: identityOf(finding, sources.get(finding.file)) });
  }

  return identified;
}

/** Computes one finding's identity from the lines of its file (undefined when unreadable). */
export function identityOf(finding: Finding, lines: string[] | undefined): FindingIdentity {
  return {
    rule: finding.ruleId,
    file: finding.file,
    symbol: finding.symbol ?? '',
    member: finding.member ?? '',
    message: finding.message,
    text: lines ? textFingerprint(lines.slice(finding.line - 1, Math.max(finding.line, finding.endLine))) : '',
  };
}

/** Hashes source lines with every whitespace character removed. */
export function textFingerprint(lines: string[]): string {
  const normalized = lines.join('\n').replace(/\s+/g, '');
  return createHash('sha256').update(normalized).digest('hex').slice(0, 16);
}

async function readLines(file: string): Promise<string[] | undefined> {
  try {
    return (await readFile(file, 'utf8')).replace(/^\ufeff/, '').split(/\r\n|\r|\n/);
  } catch {
    return undefined;
  }
}
