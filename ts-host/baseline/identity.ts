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
  // One file's lines are kept only while its findings are identified. Keeping every file's
  // lines took about 150 MB more for 2,000 files of 300 lines (npm run bench, host part).
  const byFile = new Map<string, number[]>();
  findings.forEach((finding, index) => {
    const indexes = byFile.get(finding.file);
    if (indexes) {
      indexes.push(index);
    } else {
      byFile.set(finding.file, [index]);
    }
  });

  const identified = new Array<IdentifiedFinding>(findings.length);
  for (const [file, indexes] of byFile) {
    const lines = await readLines(path.resolve(root, file));
    for (const index of indexes) {
      const finding = findings[index] as Finding;
      identified[index] = { finding, identity: identityOf(finding, lines) };
    }
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
