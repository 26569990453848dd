import test from 'ava';
import type { CheckResult } from '../../ts-host/check/result.js';
import type { Finding } from '../../ts-host/findings/finding.js';
import { formatGitHubAnnotations } from '../../ts-host/report/github.js';
import { formatMarkdownSummary } from '../../ts-host/report/markdown.js';
import type { CatalogRule } from '../../ts-host/rules/catalog.js';

function finding(overrides: Partial<Finding> = {}): Finding {
  return {
    ruleId: 'OQJ3002', severity: 'error', message: 'Job \'A.B\' sets Frequency to "h", 50% wrong: fix it',
    file: 'Server/Jobs/B.cs', line: 7, column: 13, endLine: 7, endColumn: 28, symbol: 'A.B', member: '.ctor', project: 'Server/Server.csproj',
    ...overrides,
  };
}

function result(findings: Finding[], succeeded = true): CheckResult {
  return {
    root: '/work/module', target: 'Module.sln', findings, suppressed: [], suppressedCount: 0, failOn: 'error',
    build: { succeeded, exitCode: succeeded ? 0 : 1, complete: succeeded, compiledProjects: [], compilerErrors: [], errorLines: [], omittedErrorLines: 0, logProblems: [] },
  };
}

test('formatGitHubAnnotations - one command per finding with escapes', (t) => {
  const text = formatGitHubAnnotations(result([finding(), finding({ severity: 'note', ruleId: 'OQJ3006', message: 'line one\nline two' })]), 'modules/acme');
  t.is(text, [
    '::error file=modules/acme/Server/Jobs/B.cs,line=7,endLine=7,col=13,endColumn=28,title=OQJ3002::OQJ3002: Job \'A.B\' sets Frequency to "h", 50%25 wrong: fix it',
    '::notice file=modules/acme/Server/Jobs/B.cs,line=7,endLine=7,col=13,endColumn=28,title=OQJ3006::OQJ3006: line one%0Aline two',
    '',
  ].join('\n'));
});

test('formatGitHubAnnotations - property values escape colon and comma', (t) => {
  t.regex(formatGitHubAnnotations(result([finding({ file: 'a,b:c.cs' })]), ''), /file=a%2Cb%3Ac\.cs,/);
});

test('formatGitHubAnnotations - failed build adds an error', (t) => {
  t.regex(formatGitHubAnnotations(result([], false), ''), /^::error::oqjob: the build failed/);
});

const rules = [{ id: 'OQJ3002', helpUri: 'https://example.invalid/OQJ3002.md' }] as CatalogRule[];

test('formatMarkdownSummary - totals and a row per finding', (t) => {
  const text = formatMarkdownSummary(result([finding({ message: 'a | b' })]), rules);
  t.regex(text, /^## oqjob: Module\.sln$/m);
  t.regex(text, /^1 finding: 1 error, 0 warnings, 0 notes\.$/m);
  t.regex(text, /^\| error \| \[OQJ3002\]\(https:\/\/example\.invalid\/OQJ3002\.md\) \| `Server\/Jobs\/B\.cs:7` \| a \\\| b \|$/m);
});

test('formatMarkdownSummary - no findings has no table', (t) => {
  const text = formatMarkdownSummary(result([]), rules);
  t.regex(text, /^0 findings/m);
  t.false(text.includes('| Severity |'));
});

test('formatMarkdownSummary - failed build is flagged', (t) => {
  t.regex(formatMarkdownSummary(result([], false), rules), /The analysis is incomplete/);
});
