import test from 'ava';
import type { CheckResult } from '../../ts-host/check/result.js';
import { formatText } from '../../ts-host/report/text.js';
import { formatJson } from '../../ts-host/report/json.js';
import type { Finding } from '../../ts-host/findings/finding.js';

function finding(file: string, line: number, ruleId: string, severity: Finding['severity']): Finding {
  return { ruleId, severity, message: `message of ${ruleId}`, file, line, column: 3, endLine: line, endColumn: 9, symbol: 'Ns.Job', member: undefined, project: 'S/S.csproj' };
}

function result(overrides: Partial<CheckResult> = {}): CheckResult {
  return {
    target: 'Module.sln',
    findings: [finding('a.cs', 1, 'OQJ2002', 'error'), finding('a.cs', 4, 'OQJ2003', 'warning'), finding('b.cs', 2, 'OQJ1002', 'warning')],
    root: '/work/module',
    suppressed: [],
    suppressedCount: 0,
    failOn: 'error',
    build: { succeeded: true, exitCode: 0, complete: true, compiledProjects: [{ project: 'S/S.csproj', targetFramework: 'net10.0' }], compilerErrors: [], errorLines: [], omittedErrorLines: 0, logProblems: [] },
    ...overrides,
  };
}

test('formatText - grouped by file with totals', (t) => {
  t.is(
    formatText(result(), { color: false }),
    [
      'a.cs:1:3  error    OQJ2002  message of OQJ2002',
      'a.cs:4:3  warning  OQJ2003  message of OQJ2003',
      '',
      'b.cs:2:3  warning  OQJ1002  message of OQJ1002',
      '',
      '3 findings (1 error, 2 warnings, 0 notes) in 1 compiled project of Module.sln',
      '',
    ].join('\n'),
  );
});

test('formatText - failed build says analysis may be incomplete', (t) => {
  const text = formatText(
    result({
      findings: [],
      build: { succeeded: false, exitCode: 1, complete: false, compiledProjects: [], compilerErrors: [], errorLines: ['error NU1101: Unable to find package Foo'], omittedErrorLines: 3, logProblems: [] },
    }),
    { color: false },
  );
  t.regex(text, /^The build failed \(dotnet exited with code 1\), so the analysis may be incomplete\.$/m);
  t.regex(text, /^ {2}error NU1101: Unable to find package Foo$/m);
  t.regex(text, /3 more error lines cut/);
});

test('formatText - color only when asked', (t) => {
  t.false(formatText(result(), { color: false }).includes('\x1b['));
  t.true(formatText(result(), { color: true }).includes('\x1b[31merror'));
});

test('formatJson - stable fields and totals', (t) => {
  const report = JSON.parse(formatJson(result({ suppressedCount: 2 }), '1.2.3'));
  t.is(report.version, 1);
  t.deepEqual(report.tool, { name: 'oqjob', version: '1.2.3' });
  t.deepEqual(report.totals, { error: 1, warning: 2, note: 0, none: 0, suppressed: 2 });
  t.deepEqual(Object.keys(report.findings[0]), ['ruleId', 'severity', 'message', 'file', 'line', 'column', 'endLine', 'endColumn', 'symbol', 'member', 'project']);
  t.is(report.findings[0].member, null);
});

test('formatText - stale entries name the prune command for this path', async (t) => {
  const { pruneCommand } = await import('../../ts-host/cli/check-command.js');
  const stale = { rule: 'OQJ4001', file: 'a.cs', symbol: 'Ns.Job', member: '.ctor', message: 'm', text: 't' };
  const command = pruneCommand("my module's", 'team.json');
  t.is(command, `oqjob baseline 'my module'\\''s' --prune --file team.json`);

  const text = formatText(result({ baseline: { file: 'team.json', unchanged: [], stale: [stale], expired: [], pruneCommand: command } }), { color: false });
  t.regex(text, /^1 baseline entry in team\.json matches no finding any more \(fixed, or the code changed\)\.$/m);
  t.regex(text, /^ {2}a\.cs {2}OQJ4001 {2}Ns\.Job \(constructor\)$/m);
  t.true(text.includes(`  Remove it with: ${command}`));
});
