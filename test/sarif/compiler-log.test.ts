import test from 'ava';
import { CompilerLogError, parseCompilerLog, type CompileManifest } from '../../ts-host/sarif/compiler-log.js';

const manifest: CompileManifest = {
  project: '/src/Module.Server/Module.Server.csproj',
  targetFramework: 'net10.0',
  assemblyName: 'Module.Server.Oqtane',
  logPath: '/tmp/logs/Module.Server.sarif',
  manifestPath: '/tmp/logs/Module.Server.manifest',
};

function log(results: unknown[]): string {
  return JSON.stringify({ version: '2.1.0', runs: [{ results, tool: { driver: { name: 'csc' } } }] });
}

test('parseCompilerLog - reads an oqjob result', (t) => {
  const [result] = parseCompilerLog(
    log([
      {
        ruleId: 'OQJ2002',
        level: 'warning',
        message: { text: 'Job takes ITenantManager' },
        locations: [{ physicalLocation: { artifactLocation: { uri: 'file:///src/My%20Module/Job.cs' }, region: { startLine: 3, startColumn: 5, endLine: 3, endColumn: 19 } } }],
        properties: { customProperties: { OqjobSymbol: 'Ns.Job' } },
      },
    ]),
    manifest,
  );
  t.is(result?.ruleId, 'OQJ2002');
  t.is(result?.file, '/src/My Module/Job.cs');
  t.deepEqual([result?.startLine, result?.startColumn, result?.endLine, result?.endColumn], [3, 5, 3, 19]);
  t.is(result?.properties.OqjobSymbol, 'Ns.Job');
  t.false(result?.suppressed);
});

test('parseCompilerLog - tolerates a result without location', (t) => {
  const [result] = parseCompilerLog(log([{ ruleId: 'CS8032', level: 'warning', message: { text: 'x' } }]), manifest);
  t.is(result?.file, undefined);
  t.is(result?.startLine, undefined);
});

function suppressedBy(suppressionType: string): unknown {
  return { ruleId: 'OQJ2001', level: 'error', message: { text: 'x' }, suppressions: [{ kind: 'inSource', properties: { suppressionType } }] };
}

const hostJustification = 'Suppression Justification: oqjob check: reported by oqjob at its configured severity, kept out of the compile result';

test('parseCompilerLog - oqjob\'s own host-mode suppression is not a suppression', (t) => {
  const [result] = parseCompilerLog(log([suppressedBy(`DiagnosticSuppressor { Suppression Id: OQJH2001, ${hostJustification} }`)]), manifest);
  t.false(result?.suppressed);
  t.is(result?.level, 'error');
});

test('parseCompilerLog - a pragma or another suppressor still suppresses', (t) => {
  const results = parseCompilerLog(
    log([
      suppressedBy('Pragma Directive'),
      suppressedBy('SuppressMessageAttribute'),
      suppressedBy('DiagnosticSuppressor { Suppression Id: ACME0001, Suppression Justification: known false positive }'),
      suppressedBy(`DiagnosticSuppressor { Suppression Id: ACME0001, Suppression Justification: y, Suppression Id: OQJH2001, ${hostJustification} }`),
    ]),
    manifest,
  );
  t.deepEqual(results.map((result) => result.suppressed), [true, true, true, true]);
});

test('parseCompilerLog - marks suppressed results', (t) => {
  const [result] = parseCompilerLog(log([{ ruleId: 'OQJ1002', message: { text: 'x' }, suppressions: [{ kind: 'inSource' }] }]), manifest);
  t.true(result?.suppressed);
});

test('parseCompilerLog - truncated log names project and log', (t) => {
  const error = t.throws(() => parseCompilerLog('{"version":"2.1.0","runs":[{"res', manifest), { instanceOf: CompilerLogError });
  t.regex(error?.message ?? '', /^The compiler log of project \/src\/Module\.Server\/Module\.Server\.csproj \(net10\.0\) is not valid JSON/);
  t.regex(error?.message ?? '', /: \/tmp\/logs\/Module\.Server\.sarif$/);
});

test('parseCompilerLog - other SARIF version rejected', (t) => {
  const error = t.throws(() => parseCompilerLog('{"version":"1.0.0","runLogs":[]}', manifest), { instanceOf: CompilerLogError });
  t.regex(error?.message ?? '', /is not a SARIF 2\.1\.0 log/);
});

test('parseCompilerLog - prototype keys do not pollute', (t) => {
  const [result] = parseCompilerLog(
    '{"version":"2.1.0","runs":[{"results":[{"ruleId":"OQJ1001","message":{"text":"x"},"properties":{"customProperties":{"__proto__":{"polluted":"yes"},"OqjobSymbol":"A"}}}]}]}',
    manifest,
  );
  t.is(({} as Record<string, unknown>).polluted, undefined);
  t.is(result?.properties.OqjobSymbol, 'A');
});

test('parseCompilerLog - Windows file URIs become drive paths', (t) => {
  const windowsLog = log([
    { ruleId: 'OQJ1002', message: { text: 'x' }, locations: [{ physicalLocation: { artifactLocation: { uri: 'file:///C:/src/My%20Module/Jobs/Job.cs' } } }] },
    { ruleId: 'OQJ1002', message: { text: 'y' }, locations: [{ physicalLocation: { artifactLocation: { uri: 'C:\\src\\My Module\\Jobs\\Other.cs' } } }] },
  ]);

  const [fromUri, fromPath] = parseCompilerLog(windowsLog, manifest);

  t.is(fromUri?.file, 'C:/src/My Module/Jobs/Job.cs');
  t.is(fromPath?.file, 'C:\\src\\My Module\\Jobs\\Other.cs');
});
