import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type * as Sarif from 'sarif';
import type { BaselineEntry } from '../baseline/baseline-file.js';
import type { CheckResult } from '../check/result.js';
import type { Finding, Severity } from '../findings/finding.js';
import type { CatalogRule } from '../rules/catalog.js';
import type { RuleHelp } from '../rules/help.js';
import { computeLineHashes } from '../sarif/line-hash.js';
import type { GitCheckout } from '../vcs/git.js';

/** The base every result's relative address is resolved against: the repository root when there is one. */
export const sourceRootId = '%SRCROOT%';

/** Key of oqjob's own fingerprint, which ignores line numbers and survives edits elsewhere in the file. */
export const oqjobFingerprintKey = 'oqjob/v1';

export interface SarifInput {
  result: CheckResult;
  toolVersion: string;
  informationUri: string;
  rules: CatalogRule[];
  help: ReadonlyMap<string, RuleHelp>;
  /** The code scanning category; automationDetails.id is this plus a slash. */
  category: string;
  /** The checked folder relative to the folder that %SRCROOT% names, with forward slashes; empty when they are the same. */
  prefix: string;
  checkout: GitCheckout | undefined;
  includeSuppressed: boolean;
  /** Reads a source file for its line hashes; undefined when it cannot be read. */
  readSource?: (file: string) => Promise<string | undefined>;
}

// Rules whose findings depend on heuristics (which calls count as work, which reads as a
// filter) have medium precision. The others decide on symbols and constants alone.
const mediumPrecisionRules = new Set(['OQJ2005', 'OQJ3007', 'OQJ4004', 'OQJ4008', 'OQJ5004', 'OQJ6001', 'OQJ7001']);

/** Builds the SARIF 2.1.0 log: one run for the whole check, every rule of the catalog, sorted results. */
export async function buildSarifLog(input: SarifInput): Promise<Sarif.Log> {
  const ruleIndex = new Map(input.rules.map((rule, index) => [rule.id, index]));
  const findings = reportedFindings(input);
  const hashes = await lineHashesByFile(findings.map((entry) => entry.finding), input);
  const ownFingerprints = new Map<string, number>();

  const results = sortResults(findings.map((entry) => toResult(entry, ruleIndex, hashes, ownFingerprints, input)));
  if (input.includeSuppressed) {
    results.push(...(input.result.baseline?.stale ?? []).map((entry) => absentResult(entry, ruleIndex, input)));
  }

  const run: Sarif.Run = {
    tool: { driver: driver(input) },
    automationDetails: { id: `${input.category}/` },
    originalUriBaseIds: {
      [sourceRootId]: { description: { text: input.checkout ? 'The root of the git repository that was checked.' : 'The folder that was checked.' } },
    },
    invocations: [invocation(input.result, input)],
    results,
    columnKind: 'utf16CodeUnits',
  };
  // SARIF requires a repository address, so a checkout without an origin remote has no provenance.
  if (input.checkout?.repositoryUri) {
    run.versionControlProvenance = [provenance(input.checkout, input.checkout.repositoryUri)];
  }

  return { version: '2.1.0', $schema: 'https://json.schemastore.org/sarif-2.1.0.json', runs: [run] };
}

/** Serializes the log as one string; see formatSarifChunks for its layout. */
export function formatSarif(log: Sarif.Log): string {
  return [...formatSarifChunks(log)].join('');
}

// Results per chunk: large enough that writing a chunk costs little, small enough to stay near 1 MB.
const resultsPerChunk = 1000;

/**
 * Serializes the log in pieces, so that a report of many results never exists as one string:
 * the frame with two-space indentation, then each run's results one per line, a thousand
 * results per piece, and a final newline. A generator, so a caller can write each piece and
 * let it go before the next is made.
 */
export function* formatSarifChunks(log: Sarif.Log): Generator<string> {
  // In the frame, a marker string stands for each run's results. The pattern below matches it
  // only as a line of its own, which other values of the log, all keyed or in short arrays, never are.
  const marker = (index: number) => `\u0000results ${index}`;
  const frame: Sarif.Log = {
    ...log,
    runs: log.runs.map((run, index) => ((run.results?.length ?? 0) > 0 ? { ...run, results: [marker(index) as unknown as Sarif.Result] } : run)),
  };
  const text = `${JSON.stringify(frame, null, 2)}\n`;

  let end = 0;
  for (const match of text.matchAll(/^( *)"\\u0000results (\d+)"$/gm)) {
    yield text.slice(end, match.index);
    yield* resultLines(log.runs[Number(match[2])]?.results ?? [], match[1] ?? '');
    end = (match.index ?? 0) + match[0].length;
  }

  yield text.slice(end);
}

function* resultLines(results: Sarif.Result[], indent: string): Generator<string> {
  for (let start = 0; start < results.length; start += resultsPerChunk) {
    const lines = results.slice(start, start + resultsPerChunk).map((result) => indent + JSON.stringify(result));
    yield (start === 0 ? '' : ',\n') + lines.join(',\n');
  }
}

function driver(input: SarifInput): Sarif.ToolComponent {
  return {
    name: 'oqjob',
    version: input.toolVersion,
    semanticVersion: input.toolVersion,
    informationUri: input.informationUri,
    rules: input.rules.map((rule) => ruleDescriptor(rule, input.help.get(rule.id))),
  };
}

function ruleDescriptor(rule: CatalogRule, help: RuleHelp | undefined): Sarif.ReportingDescriptor {
  const familySlug = rule.family.replace(/^R\d+\s+/, '').replace(/\s+/g, '-');
  return {
    id: rule.id,
    name: rule.name,
    shortDescription: { text: rule.title },
    fullDescription: { text: rule.description },
    ...(help ? { help: { text: help.text, markdown: help.markdown } } : {}),
    helpUri: rule.helpUri,
    defaultConfiguration: { level: toLevel(rule.defaultSeverity) },
    properties: {
      tags: [...new Set([...rule.tags, familySlug])],
      precision: mediumPrecisionRules.has(rule.id) ? 'medium' : 'high',
      'problem.severity': problemSeverity(rule.defaultSeverity),
    },
  };
}

interface ReportedFinding {
  finding: Finding;
  suppression: 'inSource' | 'external' | undefined;
  baselineState: 'new' | 'unchanged' | undefined;
}

/**
 * Returns the findings to write. Suppressed and baselined findings only with --include-suppressed,
 * because GitHub ignores SARIF suppressions and would open alerts for them.
 */
function reportedFindings(input: SarifInput): ReportedFinding[] {
  const baselined = input.result.baseline !== undefined;
  const reported: ReportedFinding[] = input.result.findings.map((finding) => ({ finding, suppression: undefined, baselineState: baselined ? 'new' : undefined }));
  if (input.includeSuppressed) {
    reported.push(...input.result.suppressed.map((finding): ReportedFinding => ({ finding, suppression: 'inSource', baselineState: undefined })));
    reported.push(...(input.result.baseline?.unchanged ?? []).map((finding): ReportedFinding => ({ finding, suppression: 'external', baselineState: 'unchanged' })));
  }

  return reported;
}

/** Builds the result of a stale baseline entry, whose finding is gone and so has no line. */
function absentResult(entry: BaselineEntry, ruleIndex: ReadonlyMap<string, number>, input: SarifInput): Sarif.Result {
  const result: Sarif.Result = {
    ruleId: entry.rule,
    level: 'none',
    message: { text: entry.message },
    locations: [{ physicalLocation: { artifactLocation: { uri: addressOf(entry.file, input), uriBaseId: sourceRootId } } }],
    baselineState: 'absent',
  };
  const index = ruleIndex.get(entry.rule);
  if (index !== undefined) {
    result.ruleIndex = index;
  }

  return result;
}

function toResult(
  { finding, suppression, baselineState }: ReportedFinding,
  ruleIndex: ReadonlyMap<string, number>,
  hashes: ReadonlyMap<string, Map<number, string>>,
  ownFingerprints: Map<string, number>,
  input: SarifInput,
): Sarif.Result {
  const uri = addressOf(finding.file, input);
  const fingerprints: Record<string, string> = {};
  const lineHash = hashes.get(finding.file)?.get(finding.line);
  if (lineHash) {
    fingerprints.primaryLocationLineHash = lineHash;
  }

  fingerprints[oqjobFingerprintKey] = ownFingerprint(finding, uri, ownFingerprints);
  const result: Sarif.Result = {
    ruleId: finding.ruleId,
    level: toLevel(finding.severity),
    message: { text: finding.message },
    locations: [location(finding, uri)],
    partialFingerprints: fingerprints,
  };
  const index = ruleIndex.get(finding.ruleId);
  if (index !== undefined) {
    result.ruleIndex = index;
  }

  if (suppression) {
    result.suppressions = [{ kind: suppression, status: 'accepted' }];
  }

  if (baselineState) {
    result.baselineState = baselineState;
  }

  return result;
}

function location(finding: Finding, uri: string): Sarif.Location {
  const located: Sarif.Location = {
    physicalLocation: {
      artifactLocation: { uri, uriBaseId: sourceRootId },
      region: { startLine: finding.line, startColumn: finding.column, endLine: finding.endLine, endColumn: finding.endColumn },
    },
  };
  if (finding.symbol) {
    const qualified = finding.member ? `${finding.symbol}.${finding.member}` : finding.symbol;
    located.logicalLocations = [{ name: finding.member ?? finding.symbol, fullyQualifiedName: qualified, kind: finding.member ? 'member' : 'type' }];
  }

  return located;
}

/**
 * Hashes rule, file, class, member and message, which carry no line numbers, so the value
 * survives edits above the finding. Identical findings in one file get an occurrence number.
 */
function ownFingerprint(finding: Finding, uri: string, seen: Map<string, number>): string {
  const identity = [finding.ruleId, uri, finding.symbol ?? '', finding.member ?? '', finding.message].join('\u0000');
  const digest = createHash('sha256').update(identity).digest('hex').slice(0, 32);
  const occurrence = (seen.get(digest) ?? 0) + 1;
  seen.set(digest, occurrence);
  return `${digest}:${occurrence}`;
}

/** Returns the line hash of each finding's line, by file and line; only those lines are kept, to bound memory. */
async function lineHashesByFile(findings: Finding[], input: SarifInput): Promise<Map<string, Map<number, string>>> {
  const read = input.readSource ?? readSourceFile;
  const linesByFile = new Map<string, Set<number>>();
  for (const finding of findings) {
    const lines = linesByFile.get(finding.file);
    if (lines) {
      lines.add(finding.line);
    } else {
      linesByFile.set(finding.file, new Set([finding.line]));
    }
  }

  const byFile = new Map<string, Map<number, string>>();
  for (const [file, lines] of linesByFile) {
    const text = await read(path.resolve(input.result.root, file));
    if (text === undefined) {
      continue;
    }

    byFile.set(file, computeLineHashes(text, lines));
  }

  return byFile;
}

// Decoded as UTF-8 with a byte-order mark kept, as GitHub reads the file when it hashes lines.
async function readSourceFile(file: string): Promise<string | undefined> {
  try {
    return (await readFile(file)).toString('utf8');
  } catch {
    return undefined;
  }
}

/** Returns the finding's path relative to the source root, with forward slashes and URI escaping. */
function addressOf(file: string, input: SarifInput): string {
  const relative = input.prefix ? `${input.prefix}/${file}` : file;
  return relative.split('/').map((segment) => encodeURIComponent(segment)).join('/');
}

function invocation(result: CheckResult, input: SarifInput): Sarif.Invocation {
  const notifications: Sarif.Notification[] = [
    ...result.build.compilerErrors.map((error) => {
      const notification: Sarif.Notification = { level: 'error', message: { text: `${error.code}: ${error.message}` }, descriptor: { id: error.code } };
      if (error.file) {
        notification.locations = [{
          physicalLocation: {
            artifactLocation: { uri: addressOf(error.file, input), uriBaseId: sourceRootId },
            ...(error.line ? { region: { startLine: error.line, ...(error.column ? { startColumn: error.column } : {}) } } : {}),
          },
        }];
      }

      return notification;
    }),
    ...result.build.errorLines.map((line): Sarif.Notification => ({ level: 'error', message: { text: line } })),
    ...result.build.logProblems.map((problem): Sarif.Notification => ({ level: 'warning', message: { text: problem } })),
  ];

  return {
    executionSuccessful: result.build.succeeded && result.build.complete,
    exitCode: result.build.exitCode,
    ...(notifications.length > 0 ? { toolExecutionNotifications: notifications } : {}),
  };
}

function provenance(checkout: GitCheckout, repositoryUri: string): Sarif.VersionControlDetails {
  const details: Sarif.VersionControlDetails = {
    repositoryUri,
    revisionId: checkout.revision,
    mappedTo: { uriBaseId: sourceRootId },
  };
  if (checkout.ref) {
    details.branch = checkout.ref;
  }

  return details;
}

function toLevel(severity: Severity): Sarif.Result.level {
  return severity;
}

function problemSeverity(severity: Severity): string {
  return severity === 'note' || severity === 'none' ? 'recommendation' : severity;
}

/** Sorts results by address, line, column, rule and message, building each sort key once. */
function sortResults(results: Sarif.Result[]): Sarif.Result[] {
  const keyed = results.map((result) => ({ result, key: sortKey(result) }));
  keyed.sort((a, b) => {
    if (a.key === b.key) {
      return 0;
    }

    return a.key < b.key ? -1 : 1;
  });
  return keyed.map((item) => item.result);
}

function sortKey(result: Sarif.Result): string {
  const region = result.locations?.[0]?.physicalLocation?.region;
  return [result.locations?.[0]?.physicalLocation?.artifactLocation?.uri ?? '', String(region?.startLine ?? 0).padStart(9, '0'), String(region?.startColumn ?? 0).padStart(9, '0'), result.ruleId ?? '', result.message.text ?? ''].join('\u0000');
}
