import test from 'ava';
import { copyFixtures, runCli } from '../helpers/fixtures.js';

// These tests run the built CLI, which runs the real dotnet build on copies of the fixtures.

interface ReportedFinding {
  ruleId: string;
  symbol: string;
  severity: string;
}

const jobs = 'Acme.Module.Catalog.Jobs.';
const services = 'Acme.Module.Catalog.Services.';

// One job (or module class) per rule, written to break exactly that rule; CleanJob breaks none.
// CountingJob keeps state across runs in a field that its execution writes, so it also breaks
// OQJ5003 by nature.
const expectedPairs: readonly (readonly [string, string])[] = [
  ['OQJ1001', `${services}PollingService`],
  ['OQJ1002', `${services}StartupWarmup`],
  ['OQJ1003', `${services}CronScheduleService`],
  ['OQJ1004', 'Acme.Catalog.Jobs.ArchiveJob'],
  ['OQJ1005', `${jobs}RetryJob<TItem>`],
  ['OQJ2001', `${jobs}NullFactoryJob`],
  ['OQJ2002', `${jobs}SiteRepositoryJob`],
  ['OQJ2003', `${jobs}LoggingJob`],
  ['OQJ2004', `${jobs}ServiceLocatorJob`],
  ['OQJ2005', `${jobs}CachingJob`],
  ['OQJ2006', `${jobs}ScopeJob`],
  ['OQJ3001', `${jobs}RedeclaredJob`],
  ['OQJ3002', `${jobs}HourlyJob`],
  ['OQJ3003', `${jobs}ZeroIntervalJob`],
  ['OQJ3004', `${jobs}LateEnableJob`],
  ['OQJ3005', `${jobs}LocalStartJob`],
  ['OQJ3006', `${jobs}DisabledByDefaultJob`],
  ['OQJ3007', `${jobs}NightlyJob`],
  ['OQJ4001', `${jobs}IdleJob`],
  ['OQJ4002', `${jobs}DoubleJob`],
  ['OQJ4003', `${jobs}StoppingJob`],
  ['OQJ4004', `${jobs}FireAndForgetJob`],
  ['OQJ4005', `${jobs}SpinningJob`],
  ['OQJ4006', `${jobs}SleepingJob`],
  ['OQJ4007', `${jobs}BlockingJob`],
  ['OQJ4008', `${jobs}ConstructorIoJob`],
  ['OQJ5001', `${jobs}TenantSwitchingJob`],
  ['OQJ5002', `${jobs}StaticStampJob`],
  ['OQJ5003', `${jobs}SiteNameJob`],
  ['OQJ5003', `${jobs}CountingJob`],
  ['OQJ5004', `${jobs}AliasReportJob`],
  ['OQJ6001', `${jobs}UnguardedJob`],
  ['OQJ6002', `${jobs}RethrowingJob`],
  ['OQJ6003', `${jobs}SilentJob`],
  ['OQJ6004', `${jobs}ConsoleJob`],
  ['OQJ6005', `${jobs}QuietJob`],
  ['OQJ7001', `${jobs}CountingJob`],
  ['OQJ8001', `${services}JobHistoryCleaner`],
  ['OQJ8002', `${services}HostedRegistrationStartup`],
  ['OQJ8003', `${services}SingletonRegistrationStartup`],
  ['OQJ8004', `${jobs}LockingJob`],
];

function pairs(findings: ReportedFinding[]): string[] {
  return [...new Set(findings.map((finding) => `${finding.ruleId} ${finding.symbol}`))].sort();
}

test('check many-jobs - reports exactly the expected rule and class pairs', async (t) => {
  const folder = await copyFixtures('many-jobs');
  const run = await runCli(['check', 'many-jobs', '--format', 'json', '--fail-on', 'note'], folder);

  t.is(run.exitCode, 1, run.stderr);
  const report = JSON.parse(run.stdout) as { build: { succeeded: boolean }; findings: ReportedFinding[] };
  t.true(report.build.succeeded);
  t.deepEqual(pairs(report.findings), expectedPairs.map(([rule, symbol]) => `${rule} ${symbol}`).sort());
  t.false(report.findings.some((finding) => finding.symbol === `${jobs}CleanJob`), 'CleanJob breaks no rule');
});

test('check framework-jobs - the framework\'s own jobs get no error', async (t) => {
  const folder = await copyFixtures('framework-jobs');
  const run = await runCli(['check', 'framework-jobs', '--format', 'json'], folder);

  t.is(run.exitCode, 0, run.stdout + run.stderr);
  const report = JSON.parse(run.stdout) as { build: { succeeded: boolean }; findings: ReportedFinding[] };
  t.true(report.build.succeeded);
  t.deepEqual(report.findings.filter((finding) => finding.severity === 'error'), []);
});

for (const [version, expected] of [
  ['3.0.1', ['OQJ3002 Acme.Module.Legacy.Jobs.WeeklyDigestJob']],
  ['3.0.2', []],
] as const) {
  test(`check legacy-module - weekly frequency on Oqtane ${version}`, async (t) => {
    const folder = await copyFixtures('legacy-module');

    // MSBuild reads environment variables as properties, and the stand-in's version is one.
    const run = await runCli(['check', 'legacy-module', '--format', 'json'], folder, { OqtaneVersion: version });

    const report = JSON.parse(run.stdout) as { build: { succeeded: boolean }; findings: ReportedFinding[] };
    t.true(report.build.succeeded, run.stderr);
    t.deepEqual(pairs(report.findings), [...expected]);
    t.is(run.exitCode, expected.length > 0 ? 1 : 0);
  });
}
