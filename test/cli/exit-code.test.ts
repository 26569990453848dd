import test from 'ava';
import { exitCodeFor } from '../../ts-host/cli/check-command.js';
import type { CheckResult } from '../../ts-host/check/result.js';
import type { Severity } from '../../ts-host/findings/finding.js';

function result(severitiesFound: Severity[], failOn: Severity, succeeded = true): CheckResult {
  return {
    target: 'M.sln',
    findings: severitiesFound.map((severity) => ({ ruleId: 'OQJ1002', severity, message: '', file: 'a.cs', line: 1, column: 1, endLine: 1, endColumn: 1, symbol: undefined, member: undefined, project: 'p' })),
    root: '/work/module',
    suppressed: [],
    suppressedCount: 0,
    failOn,
    build: { succeeded, exitCode: succeeded ? 0 : 1, complete: succeeded, compiledProjects: [], compilerErrors: [], errorLines: [], omittedErrorLines: 0, logProblems: [] },
  };
}

test('exitCodeFor - cases', (t) => {
  const cases: Array<[Severity[], Severity, boolean, number]> = [
    [[], 'error', true, 0],
    [['warning'], 'error', true, 0],
    [['error'], 'error', true, 1],
    [['warning'], 'warning', true, 1],
    [['note'], 'warning', true, 0],
    [['note'], 'note', true, 1],
    [['error'], 'none', true, 0],
    [[], 'error', false, 2],
    [['error'], 'error', false, 2],
  ];
  for (const [found, failOn, succeeded, expected] of cases) {
    t.is(exitCodeFor(result(found, failOn, succeeded)), expected, `${found.join(',')} with --fail-on ${failOn}, build ${succeeded ? 'ok' : 'failed'}`);
  }
});

test('exitCodeFor - an incomplete analysis exits 2 even without findings', (t) => {
  const incomplete = result([], 'error');
  incomplete.build.complete = false;
  incomplete.build.logProblems = ['The oqjob analyzer failed in project p'];

  t.is(exitCodeFor(incomplete), 2);
});
