import test from 'ava';
import { collectFindings, toRelative, type CompiledLog } from '../../ts-host/findings/collect.js';
import type { CompilerResult } from '../../ts-host/sarif/compiler-log.js';

function result(overrides: Partial<CompilerResult>): CompilerResult {
  return {
    ruleId: 'OQJ2002',
    level: 'error',
    message: 'Job takes ITenantManager',
    file: '/src/module/Server/Job.cs',
    startLine: 10,
    startColumn: 5,
    endLine: 10,
    endColumn: 19,
    properties: { OqjobSymbol: 'Ns.Job', OqjobMember: '.ctor' },
    suppressed: false,
    ...overrides,
  };
}

function compiled(project: string, targetFramework: string, results: CompilerResult[]): CompiledLog {
  return { manifest: { project, targetFramework, assemblyName: 'A', logPath: '/tmp/x.sarif', manifestPath: '/tmp/x.manifest' }, results };
}

test('collectFindings - same finding in two target frameworks counted once', (t) => {
  const logs = [
    compiled('/src/module/Server/Server.csproj', 'net8.0', [result({})]),
    compiled('/src/module/Server/Server.csproj', 'net10.0', [result({})]),
  ];
  const { findings } = collectFindings(logs, '/src/module');
  t.is(findings.length, 1);
  t.deepEqual(findings[0], {
    ruleId: 'OQJ2002',
    severity: 'error',
    message: 'Job takes ITenantManager',
    file: 'Server/Job.cs',
    line: 10,
    column: 5,
    endLine: 10,
    endColumn: 19,
    symbol: 'Ns.Job',
    member: '.ctor',
    project: 'Server/Server.csproj',
  });
});

test('collectFindings - same file compiled by two projects counted once', (t) => {
  const logs = [
    compiled('/src/module/A/A.csproj', 'net10.0', [result({ file: '/src/module/Shared/Linked.cs' })]),
    compiled('/src/module/B/B.csproj', 'net10.0', [result({ file: '/src/module/Shared/Linked.cs' })]),
  ];
  t.is(collectFindings(logs, '/src/module').findings.length, 1);
});

test('collectFindings - other diagnostics dropped, compiler errors kept', (t) => {
  const logs = [
    compiled('/src/m/S.csproj', '', [
      result({ ruleId: 'CS0168', level: 'warning' }),
      result({ ruleId: 'CS0161', level: 'error', message: 'not all code paths return a value' }),
      result({ ruleId: 'OQJ1002', level: 'warning', properties: {} }),
    ]),
  ];
  const collected = collectFindings(logs, '/src/m');
  t.deepEqual(collected.findings.map((finding) => [finding.ruleId, finding.severity]), [['OQJ1002', 'warning']]);
  t.deepEqual(collected.compilerErrors.map((error) => error.code), ['CS0161']);
});

test('collectFindings - the severity is the compiler log\'s level', (t) => {
  const logs = [compiled('/m/S.csproj', '', [result({ level: 'note' }), result({ ruleId: 'OQJ2003', level: 'error' })])];
  t.deepEqual(collectFindings(logs, '/m').findings.map((finding) => [finding.ruleId, finding.severity]), [['OQJ2002', 'note'], ['OQJ2003', 'error']]);
});

test('collectFindings - suppressed results counted, not listed', (t) => {
  const collected = collectFindings([compiled('/m/S.csproj', '', [result({ suppressed: true })])], '/m');
  t.is(collected.findings.length, 0);
  t.is(collected.suppressedCount, 1);
});

test('collectFindings - sorted by file, line, column and rule', (t) => {
  const logs = [
    compiled('/m/S.csproj', '', [
      result({ file: '/m/b.cs', startLine: 1 }),
      result({ file: '/m/a.cs', startLine: 9, ruleId: 'OQJ2003' }),
      result({ file: '/m/a.cs', startLine: 9, ruleId: 'OQJ2001' }),
      result({ file: '/m/a.cs', startLine: 2 }),
    ]),
  ];
  const order = collectFindings(logs, '/m').findings.map((finding) => `${finding.file}:${finding.line}:${finding.ruleId}`);
  t.deepEqual(order, ['a.cs:2:OQJ2002', 'a.cs:9:OQJ2001', 'a.cs:9:OQJ2003', 'b.cs:1:OQJ2002']);
});

test('toRelative - outside root keeps parent steps', (t) => {
  t.is(toRelative('/src/oqtane/Base.cs', '/src/module'), '../oqtane/Base.cs');
});

test('toRelative - Windows separators become forward slashes', (t) => {
  t.is(toRelative('Server\\Jobs\\Job.cs', '/src'), 'Server/Jobs/Job.cs');
});

test('toRelative - Windows log paths under a Windows root', (t) => {
  t.is(toRelative('C:\\src\\Module\\Server\\Jobs\\Job.cs', 'C:\\src\\Module'), 'Server/Jobs/Job.cs');
  t.is(toRelative('c:/src/Module/Server/Job.cs', 'C:\\src\\Module'), 'Server/Job.cs');
  t.is(toRelative('C:\\src\\oqtane\\Base.cs', 'C:\\src\\Module'), '../oqtane/Base.cs');
});
