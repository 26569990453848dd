import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { formatBaseline, type BaselineEntry } from '../../ts-host/baseline/baseline-file.js';
import { identityOf } from '../../ts-host/baseline/identity.js';
import type { Finding } from '../../ts-host/findings/finding.js';
import type { CompileManifest } from '../../ts-host/sarif/compiler-log.js';

/** Synthetic input for the host: compiler logs as csc writes them, the sources they point into, and a baseline. */
export interface SyntheticInput {
  root: string;
  manifests: CompileManifest[];
  baselineFile: string;
  /** Distinct oqjob findings in the logs. */
  findings: number;
}

const projects = 20;
const findingsPerFile = 50;
const linesPerFile = 300;
// A tenth of the findings appear again in a second log, as when two target frameworks
// compile one file, and a tenth of extra results are compiler warnings that the host drops.
const duplicateEvery = 10;
const compilerWarningEvery = 10;
const ruleIds = ['OQJ1002', 'OQJ2002', 'OQJ2003', 'OQJ2005', 'OQJ3002', 'OQJ3004', 'OQJ3006', 'OQJ4004', 'OQJ4006', 'OQJ5002', 'OQJ5003', 'OQJ6001', 'OQJ6003', 'OQJ7001', 'OQJ8004'];

/**
 * Writes `count` findings spread over files of 50 findings each and 20 compiler logs, and a
 * baseline that accepts every other finding and has 2% stale entries.
 */
export async function writeSyntheticInput(folder: string, count: number): Promise<SyntheticInput> {
  const root = path.join(folder, 'module');
  const fileCount = Math.ceil(count / findingsPerFile);
  const perProject: unknown[][] = Array.from({ length: projects }, () => []);
  const entries: BaselineEntry[] = [];

  for (let fileIndex = 0; fileIndex < fileCount; fileIndex++) {
    const project = fileIndex % projects;
    const relative = `Project${project}/Jobs/Job${fileIndex}.cs`;
    const lines = sourceLines(fileIndex);
    await mkdir(path.join(root, path.dirname(relative)), { recursive: true });
    await writeFile(path.join(root, relative), `${lines.join('\n')}\n`);

    const inFile = Math.min(findingsPerFile, count - fileIndex * findingsPerFile);
    for (let k = 0; k < inFile; k++) {
      const finding = syntheticFinding(fileIndex, k, relative, `Project${project}/Project${project}.csproj`);
      const result = sarifResult(finding, path.join(root, relative));
      perProject[project]!.push(result);
      if (k % duplicateEvery === 0) {
        perProject[(project + 1) % projects]!.push(result);
      }

      if (k % compilerWarningEvery === 0) {
        perProject[project]!.push(compilerWarning(path.join(root, relative), finding.line));
      }

      if (k % 2 === 0) {
        entries.push(identityOf(finding, lines));
      }
    }
  }

  for (let i = 0; i < Math.ceil(count / 50); i++) {
    entries.push({ rule: 'OQJ6001', file: `Project0/Jobs/Gone${i}.cs`, symbol: `Bench.Gone${i}`, member: 'ExecuteJob', message: 'A finding that was fixed', text: '0000000000000000' });
  }

  const manifests = await writeLogs(folder, root, perProject);
  const baselineFile = path.join(root, 'oqjob-baseline.json');
  await writeFile(baselineFile, formatBaseline({ entries }));
  return { root, manifests, baselineFile, findings: count };
}

function sourceLines(fileIndex: number): string[] {
  const lines: string[] = [];
  for (let line = 1; line <= linesPerFile; line++) {
    lines.push(line % 6 === 0 ? '' : `            log += Process${fileIndex}_${line}(provider, site, "${'x'.repeat(line % 40)}");`);
  }

  return lines;
}

function syntheticFinding(fileIndex: number, k: number, file: string, project: string): Finding {
  const line = 1 + k * Math.floor(linesPerFile / findingsPerFile);
  const ruleId = ruleIds[(fileIndex + k) % ruleIds.length] as string;
  const symbol = `Bench.Module${fileIndex % projects}.Jobs.Job${fileIndex}`;
  return {
    ruleId,
    severity: k % 3 === 0 ? 'error' : 'warning',
    message: `Job '${symbol}' breaks ${ruleId} at item ${k}; move the work into ExecuteJob and catch exceptions per item`,
    file,
    line,
    column: 13,
    endLine: line,
    endColumn: 60,
    symbol,
    member: k % 4 === 0 ? '.ctor' : 'ExecuteJob',
    project,
  };
}

function sarifResult(finding: Finding, absolute: string): unknown {
  return {
    ruleId: finding.ruleId,
    ruleIndex: 0,
    level: 'warning',
    message: { text: finding.message },
    locations: [location(absolute, finding.line, finding.column, finding.endColumn)],
    properties: {
      warningLevel: 1,
      customProperties: { OqjobSeverity: finding.severity, OqjobSymbol: finding.symbol, OqjobMember: finding.member },
    },
  };
}

function compilerWarning(absolute: string, line: number): unknown {
  return {
    ruleId: 'CS0168',
    level: 'warning',
    message: { text: "The variable 'ex' is declared but never used" },
    locations: [location(absolute, line, 30, 32)],
    properties: { warningLevel: 3 },
  };
}

function location(absolute: string, line: number, column: number, endColumn: number): unknown {
  return { physicalLocation: { artifactLocation: { uri: `file://${absolute}` }, region: { startLine: line, startColumn: column, endLine: line, endColumn } } };
}

async function writeLogs(folder: string, root: string, perProject: unknown[][]): Promise<CompileManifest[]> {
  const logFolder = path.join(folder, 'logs');
  await mkdir(logFolder, { recursive: true });
  const manifests: CompileManifest[] = [];
  for (const [index, results] of perProject.entries()) {
    const logPath = path.join(logFolder, `Project${index}.sarif`);
    const log = { $schema: 'http://json.schemastore.org/sarif-2.1.0', version: '2.1.0', runs: [{ tool: { driver: { name: 'Microsoft (R) Visual C# Compiler', version: '5.0.0' } }, results, columnKind: 'utf16CodeUnits' }] };
    // Indented like the compiler's own logs, whose size the reader has to get through.
    await writeFile(logPath, JSON.stringify(log, null, 2));
    manifests.push({
      project: path.join(root, `Project${index}`, `Project${index}.csproj`),
      targetFramework: 'net10.0',
      assemblyName: `Project${index}.Oqtane`,
      logPath,
      manifestPath: path.join(logFolder, `Project${index}.manifest`),
    });
  }

  return manifests;
}
