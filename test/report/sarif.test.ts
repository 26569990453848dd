import test from 'ava';
import type * as Sarif from 'sarif';
import type { CheckResult } from '../../ts-host/check/result.js';
import type { Finding } from '../../ts-host/findings/finding.js';
import { buildSarifLog, formatSarif, formatSarifChunks, oqjobFingerprintKey, type SarifInput } from '../../ts-host/report/sarif.js';
import { loadCatalog } from '../../ts-host/rules/catalog.js';
import { assertWithinGitHubLimits, gitHubLimits } from '../../ts-host/sarif/github-limits.js';
import { UserError } from '../../ts-host/errors.js';
import { multitoolFindings, schemaErrors } from '../helpers/sarif-validators.js';

const source = 'namespace Acme\n{\n    public class Job\n    {\n        public Job(ISiteRepository sites) { }\n    }\n}\n';

function finding(overrides: Partial<Finding> = {}): Finding {
  return {
    ruleId: 'OQJ2002',
    severity: 'error',
    message: "Job 'Acme.Job' takes a repository 'ISiteRepository' in its constructor",
    file: 'Server/Jobs/Job.cs',
    line: 5,
    column: 20,
    endLine: 5,
    endColumn: 35,
    symbol: 'Acme.Job',
    member: '.ctor',
    project: 'Server/Server.csproj',
    ...overrides,
  };
}

function checkResult(overrides: Partial<CheckResult> = {}): CheckResult {
  return {
    root: '/work/module',
    target: 'Module.sln',
    findings: [finding()],
    suppressed: [finding({ ruleId: 'OQJ2003', severity: 'warning', message: 'suppressed one' })],
    suppressedCount: 1,
    failOn: 'error',
    build: { succeeded: true, exitCode: 0, complete: true, compiledProjects: [], compilerErrors: [], errorLines: [], omittedErrorLines: 0, logProblems: [] },
    ...overrides,
  };
}

async function input(overrides: Partial<SarifInput> = {}): Promise<SarifInput> {
  const rules = await loadCatalog();
  return {
    result: checkResult(),
    toolVersion: '1.2.3',
    informationUri: 'https://github.com/oqjob/oqjob',
    rules,
    help: new Map(rules.map((rule) => [rule.id, { text: `${rule.id} text`, markdown: `# ${rule.id}` }])),
    category: 'oqjob/module',
    prefix: '',
    checkout: undefined,
    includeSuppressed: false,
    readSource: async () => source,
    ...overrides,
  };
}

function firstResult(log: Sarif.Log): Sarif.Result {
  const result = log.runs[0]?.results?.[0];
  if (!result) {
    throw new Error('no result');
  }

  return result;
}

test('buildSarifLog - one run with every catalog rule', async (t) => {
  const log = await buildSarifLog(await input());
  t.is(log.runs.length, 1);
  const driver = log.runs[0]!.tool.driver;
  t.is(driver.name, 'oqjob');
  t.is(driver.semanticVersion, '1.2.3');
  t.is(driver.rules?.length, 40);
  const rule = driver.rules?.find((entry) => entry.id === 'OQJ3006');
  t.is(rule?.defaultConfiguration?.level, 'note');
  t.is(rule?.properties?.['problem.severity'], 'recommendation');
  t.deepEqual(rule?.properties?.tags, ['oqtane', 'scheduled-jobs', 'metadata']);
  t.is(rule?.help?.markdown, '# OQJ3006');
});

test('buildSarifLog - result has relative location and logical location', async (t) => {
  const log = await buildSarifLog(await input({ prefix: 'modules/acme' }));
  const result = firstResult(log);
  t.is(result.ruleId, 'OQJ2002');
  t.is(log.runs[0]!.tool.driver.rules?.[result.ruleIndex ?? -1]?.id, 'OQJ2002');
  t.is(result.level, 'error');
  t.deepEqual(result.locations?.[0]?.physicalLocation?.artifactLocation, { uri: 'modules/acme/Server/Jobs/Job.cs', uriBaseId: '%SRCROOT%' });
  t.deepEqual(result.locations?.[0]?.physicalLocation?.region, { startLine: 5, startColumn: 20, endLine: 5, endColumn: 35 });
  t.deepEqual(result.locations?.[0]?.logicalLocations, [{ name: '.ctor', fullyQualifiedName: 'Acme.Job..ctor', kind: 'member' }]);
  t.is(log.runs[0]!.automationDetails?.id, 'oqjob/module/');
});

test('buildSarifLog - fingerprints are the line hash and oqjob\'s own', async (t) => {
  const result = firstResult(await buildSarifLog(await input()));
  t.regex(result.partialFingerprints?.primaryLocationLineHash ?? '', /^[0-9a-f]+:1$/);
  t.regex(result.partialFingerprints?.[oqjobFingerprintKey] ?? '', /^[0-9a-f]{32}:1$/);

  // A line added above the finding moves it; neither fingerprint changes.
  const moved = firstResult(await buildSarifLog(await input({
    result: checkResult({ findings: [finding({ line: 6, endLine: 6 })] }),
    readSource: async () => `// header\n${source}`,
  })));
  t.deepEqual(moved.partialFingerprints, result.partialFingerprints);
});

test('buildSarifLog - unreadable source leaves out the line hash only', async (t) => {
  const result = firstResult(await buildSarifLog(await input({ readSource: async () => undefined })));
  t.is(result.partialFingerprints?.primaryLocationLineHash, undefined);
  t.truthy(result.partialFingerprints?.[oqjobFingerprintKey]);
});

test('buildSarifLog - suppressed findings only on request', async (t) => {
  t.is((await buildSarifLog(await input())).runs[0]!.results?.length, 1);

  const audit = await buildSarifLog(await input({ includeSuppressed: true }));
  const suppressed = audit.runs[0]!.results?.filter((result) => result.suppressions);
  t.is(suppressed?.length, 1);
  t.deepEqual(suppressed?.[0]?.suppressions, [{ kind: 'inSource', status: 'accepted' }]);
});

test('buildSarifLog - provenance from a checkout with a remote', async (t) => {
  const log = await buildSarifLog(await input({
    checkout: { root: '/work', revision: 'a'.repeat(40), ref: 'refs/heads/main', repositoryUri: 'https://github.com/acme/reminders' },
  }));
  t.deepEqual(log.runs[0]!.versionControlProvenance, [{
    repositoryUri: 'https://github.com/acme/reminders',
    revisionId: 'a'.repeat(40),
    mappedTo: { uriBaseId: '%SRCROOT%' },
    branch: 'refs/heads/main',
  }]);

  const local = await buildSarifLog(await input({ checkout: { root: '/work', revision: 'b'.repeat(40), ref: undefined, repositoryUri: undefined } }));
  t.is(local.runs[0]!.versionControlProvenance, undefined);
});

test('buildSarifLog - build errors become notifications', async (t) => {
  const log = await buildSarifLog(await input({
    result: checkResult({
      build: {
        succeeded: false, exitCode: 1, complete: false, compiledProjects: [],
        compilerErrors: [{ code: 'CS0161', message: 'not all code paths return a value', file: 'Server/A.cs', line: 3, column: 5, project: 'Server/Server.csproj' }],
        errorLines: ['error NU1101: Unable to find package'], omittedErrorLines: 0, logProblems: [],
      },
    }),
  }));
  const invocation = log.runs[0]!.invocations?.[0];
  t.false(invocation?.executionSuccessful);
  t.is(invocation?.toolExecutionNotifications?.length, 2);
  t.is(invocation?.toolExecutionNotifications?.[0]?.message.text, 'CS0161: not all code paths return a value');
});

test('buildSarifLog - output passes the schema and the Multitool', async (t) => {
  const log = await buildSarifLog(await input({ includeSuppressed: true }));
  t.deepEqual(await schemaErrors(log), []);
  t.deepEqual(await multitoolFindings(formatSarif(log)), []);
});

test('buildSarifLog - same input gives the same bytes', async (t) => {
  t.is(formatSarif(await buildSarifLog(await input())), formatSarif(await buildSarifLog(await input())));
});

test('formatSarifChunks - pieces join to the same log', async (t) => {
  const log = await buildSarifLog(await input({ includeSuppressed: true }));
  const template = log.runs[0]?.results?.[0];
  t.truthy(template);
  const results = Array.from({ length: 2500 }, (_, index) => ({ ...template, message: { text: `finding ${index} with "quotes" and \u0000` } }));
  const many = { ...log, runs: [{ ...log.runs[0]!, results }, { ...log.runs[0]!, results: [] }] };

  const pieces = [...formatSarifChunks(many)];

  t.true(pieces.length >= 5, 'the frame around three pieces of results');
  t.deepEqual(JSON.parse(pieces.join('')), many);
  t.regex(pieces.join(''), /"results": \[\]/);
  t.true(pieces.join('').endsWith('}\n'));
});

test('assertWithinGitHubLimits - rejects each limit with exit code 2', async (t) => {
  const log = await buildSarifLog(await input());
  const text = formatSarif(log);
  t.notThrows(() => assertWithinGitHubLimits(log, text));

  const cases: [string, Partial<typeof gitHubLimits>, RegExp][] = [
    ['results', { resultsPerRun: 0 }, /1 results, more than the 0/],
    ['locations', { locationsPerResult: 0 }, /has 1 locations/],
    ['tags', { tagsPerRule: 2 }, /has 3 tags/],
    ['size', { gzippedBytes: 100 }, /bytes gzipped, more than the 100/],
  ];
  for (const [name, limits, message] of cases) {
    const error = t.throws(() => assertWithinGitHubLimits(log, text, { ...gitHubLimits, ...limits }), { instanceOf: UserError }, name);
    t.regex(error?.message ?? '', message, name);
    t.is(error?.exitCode, 2, name);
  }
});

test('validators - both reject a broken log', async (t) => {
  const log = await buildSarifLog(await input());
  Object.assign(firstResult(log), { level: 'fatal' });
  t.true((await schemaErrors(log)).some((error) => error.includes('/runs/0/results/0/level')));

  const withoutRules = structuredClone(log);
  delete withoutRules.runs[0]!.tool.driver.rules;
  firstResult(withoutRules).level = 'error';
  t.true((await multitoolFindings(formatSarif(withoutRules))).some((finding) => finding.ruleId === 'GH1018'));
});

test('buildSarifLog - baseline states, and baselined results only on request', async (t) => {
  const unchanged = finding({ ruleId: 'OQJ4001', message: 'accepted one', line: 3, endLine: 3 });
  const stale = { rule: 'OQJ2003', file: 'Server/Jobs/Old.cs', symbol: 'Acme.Old', member: '.ctor', message: 'gone', text: 'abcd' };
  const result = checkResult({ suppressed: [], suppressedCount: 0, baseline: { file: 'oqjob-baseline.json', unchanged: [unchanged], stale: [stale], expired: [] } });

  const plain = await buildSarifLog(await input({ result }));
  t.deepEqual(plain.runs[0]!.results?.map((entry) => `${entry.ruleId} ${entry.baselineState ?? ''}`), ['OQJ2002 new']);

  const audit = await buildSarifLog(await input({ result, includeSuppressed: true }));
  const states = audit.runs[0]!.results?.map((entry) => `${entry.ruleId} ${entry.baselineState ?? ''} ${entry.suppressions?.[0]?.kind ?? ''}`);
  t.deepEqual(states, ['OQJ4001 unchanged external', 'OQJ2002 new ', 'OQJ2003 absent ']);
  t.deepEqual(await schemaErrors(audit), []);
});
