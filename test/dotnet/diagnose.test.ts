import test from 'ava';
import { analyzerLoadFailure, findAnalyzerCrashes, findAnalyzerLoadFailures, findRestoreErrors, restoreFailure } from '../../ts-host/dotnet/diagnose.js';
import type { CompilerResult } from '../../ts-host/sarif/compiler-log.js';

function result(ruleId: string, message: string): CompilerResult {
  return { ruleId, level: 'warning', message, file: undefined, startLine: undefined, startColumn: undefined, endLine: undefined, endColumn: undefined, properties: {}, suppressed: false };
}

test('findRestoreErrors - keeps NuGet errors once, without the project suffix', (t) => {
  const lines = [
    '  Determining projects to restore...',
    '/m/Server/Server.csproj : error NU1101: Unable to find package Acme.Missing. No packages exist with this id in source(s): local [/m/M.sln]',
    '/m/Server/Server.csproj : error NU1101: Unable to find package Acme.Missing. No packages exist with this id in source(s): local [/m/M.sln]',
    '/m/Server/Server.csproj : warning NU1603: Acme.Other 1.0.0 was not found. [/m/M.sln]',
  ];

  t.deepEqual(findRestoreErrors(lines), [{ code: 'NU1101', message: 'Unable to find package Acme.Missing. No packages exist with this id in source(s): local' }]);
});

test('restoreFailure - lists the errors and gives the hint for the code', (t) => {
  const unreachable = restoreFailure([{ code: 'NU1301', message: 'Unable to load the service index for source http://127.0.0.1:1/v3/index.json.' }]);
  t.regex(unreachable.message, /Restoring NuGet packages failed, so nothing was compiled or checked:\n {2}NU1301: Unable to load the service index/);
  t.regex(unreachable.hint ?? '', /credentials/);

  const unknown = restoreFailure([{ code: 'NU1101', message: 'Unable to find package Acme.Missing.' }]);
  t.regex(unknown.hint ?? '', /not on any configured feed/);
});

test('findAnalyzerLoadFailures - only the compiler refusing oqjob\'s analyzer counts', (t) => {
  const refused = result('CS9057', "The analyzer assembly '/x/dist/analyzer/Oqjob.Analyzers.dll' references version '5.12.0.0' of the compiler, which is newer than the currently running version '5.9.0.0'.");
  const other = result('CS8032', "An instance of analyzer Vendor.Rule cannot be created from /x/Vendor.Analyzers.dll : boom.");

  t.deepEqual(findAnalyzerLoadFailures([refused, other, result('CS0168', 'unused')], 'Oqjob.Analyzers.dll'), [refused]);
  const error = analyzerLoadFailure('Server/Server.csproj', refused, '8.0.100');
  t.regex(error.message, /^The compiler of the \.NET SDK 8\.0\.100 could not load the oqjob analyzer in project Server\/Server\.csproj/);
  t.regex(error.hint ?? '', /newer compiler/);
});

test('findAnalyzerCrashes - oqjob\'s own AD0001 only', (t) => {
  const ours = result('AD0001', "Analyzer 'Oqjob.Analyzers.Rules.MetadataAnalyzer' threw an exception of type 'System.NullReferenceException'");
  const theirs = result('AD0001', "Analyzer 'Faulty.ThrowingAnalyzer' threw an exception of type 'System.InvalidOperationException'");

  t.deepEqual(findAnalyzerCrashes([ours, theirs]), [ours]);
});
