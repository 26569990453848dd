import test from 'ava';
import fc from 'fast-check';
import { CompilerLogError, parseCompilerLog, type CompileManifest, type CompilerResult } from '../../ts-host/sarif/compiler-log.js';
import { anyJson, assertPrototypeClean, fuzzRuns, sometimesWrong, withPrototypeKeys } from '../helpers/json-fuzz.js';

// The compiler's SARIF log is untrusted input: any text must give results of the documented
// shape or a CompilerLogError, never another exception, and never a polluted prototype.

const manifest: CompileManifest = { project: '/src/M/M.csproj', targetFramework: 'net10.0', assemblyName: 'M', logPath: '/tmp/logs/M.sarif', manifestPath: '/tmp/run/M.manifest' };
const levels = ['error', 'warning', 'note', 'none'];

const region = fc.record({ startLine: sometimesWrong(fc.integer({ min: -2, max: 5000 })), startColumn: sometimesWrong(fc.nat(300)), endLine: fc.nat(5000), endColumn: fc.nat(300) }, { requiredKeys: [] });
const location = fc.record({
  physicalLocation: sometimesWrong(fc.record({
    artifactLocation: sometimesWrong(fc.record({ uri: sometimesWrong(fc.oneof(fc.webUrl(), fc.constant('file:///C:/src/M/Job.cs'), fc.constant('C:\\src\\M\\Job.cs'), fc.string())) })),
    region: sometimesWrong(region),
  }, { requiredKeys: [] })),
});
const result = fc.record({
  ruleId: sometimesWrong(fc.constantFrom('OQJ1001', 'OQJ2002', 'CS0161', 'CS9057', 'AD0001')),
  level: sometimesWrong(fc.constantFrom(...levels)),
  message: sometimesWrong(fc.record({ text: sometimesWrong(fc.string()) })),
  locations: sometimesWrong(fc.array(sometimesWrong(location), { maxLength: 2 })),
  properties: sometimesWrong(fc.record({ customProperties: sometimesWrong(fc.dictionary(fc.string(), sometimesWrong(fc.string()))) })),
  suppressions: sometimesWrong(fc.array(anyJson, { maxLength: 2 })),
}, { requiredKeys: [] });
const log = fc.record({
  version: sometimesWrong(fc.constant('2.1.0')),
  $schema: fc.string(),
  runs: sometimesWrong(fc.array(sometimesWrong(fc.record({ results: sometimesWrong(fc.array(sometimesWrong(result), { maxLength: 4 })) }, { requiredKeys: [] })), { maxLength: 3 })),
}, { requiredKeys: [] });

/** Parses the text and checks that the outcome is one the documentation allows. */
function parsesOrRejects(text: string): void {
  let results: CompilerResult[];
  try {
    results = parseCompilerLog(text, manifest);
  } catch (error) {
    if (!(error instanceof CompilerLogError)) {
      throw error;
    }

    assertPrototypeClean();
    return;
  }

  assertPrototypeClean();
  for (const entry of results) {
    if (typeof entry.ruleId !== 'string' || !levels.includes(entry.level) || typeof entry.message !== 'string') {
      throw new Error(`malformed result ${JSON.stringify(entry)}`);
    }

    for (const position of [entry.startLine, entry.startColumn, entry.endLine, entry.endColumn]) {
      if (position !== undefined && (!Number.isInteger(position) || position < 1)) {
        throw new Error(`position ${position} is not a positive integer`);
      }
    }

    if (Object.values(entry.properties).some((value) => typeof value !== 'string')) {
      throw new Error('a custom property is not text');
    }
  }
}

test('parseCompilerLog - any JSON value parses or is rejected', (t) => {
  fc.assert(fc.property(anyJson, (value) => parsesOrRejects(JSON.stringify(value))), { numRuns: fuzzRuns });
  t.pass();
});

test('parseCompilerLog - logs with wrong fields parse or are rejected', (t) => {
  fc.assert(fc.property(log, (value) => parsesOrRejects(JSON.stringify(value))), { numRuns: fuzzRuns });
  t.pass();
});

test('parseCompilerLog - truncated and spliced text is rejected cleanly', (t) => {
  const cut = fc.tuple(log, fc.nat(), fc.string({ maxLength: 8 })).map(([value, at, inserted]) => {
    const text = JSON.stringify(value);
    const position = at % (text.length + 1);
    return text.slice(0, position) + inserted + text.slice(position + (at % 3));
  });
  fc.assert(fc.property(cut, parsesOrRejects), { numRuns: fuzzRuns });
  t.pass();
});

test('parseCompilerLog - __proto__ and constructor keys pollute nothing', (t) => {
  const poisoned = fc.tuple(log, fc.array(fc.nat(), { minLength: 1, maxLength: 4 })).map(([value, positions]) => withPrototypeKeys(JSON.stringify(value), positions));
  fc.assert(fc.property(poisoned, parsesOrRejects), { numRuns: fuzzRuns });
  t.pass();
});
