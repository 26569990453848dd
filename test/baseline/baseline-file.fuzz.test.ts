import test from 'ava';
import fc from 'fast-check';
import { formatBaseline, parseBaseline, type BaselineFile } from '../../ts-host/baseline/baseline-file.js';
import { UserError } from '../../ts-host/errors.js';
import { anyJson, assertPrototypeClean, fuzzRuns, sometimesWrong, withPrototypeKeys } from '../helpers/json-fuzz.js';

// A baseline is edited by hand and merged by git, so any text must give a valid baseline or
// the documented UserError (exit code 2), never another exception or a polluted prototype.

const fields = ['rule', 'file', 'symbol', 'member', 'message', 'text'] as const;

const entry = fc.record({
  rule: sometimesWrong(fc.oneof(fc.constantFrom('OQJ1001', 'OQJ2002'), fc.string())),
  file: sometimesWrong(fc.string()),
  symbol: sometimesWrong(fc.string()),
  member: sometimesWrong(fc.string()),
  message: sometimesWrong(fc.string()),
  text: sometimesWrong(fc.string()),
  reason: sometimesWrong(fc.string()),
  expires: sometimesWrong(fc.oneof(fc.constantFrom('2027-01-31', '2027-02-30', '27-1-1'), fc.string())),
}, { requiredKeys: [] });
const baseline = fc.record({
  version: sometimesWrong(fc.constant(1)),
  entries: sometimesWrong(fc.array(sometimesWrong(entry), { maxLength: 5 })),
}, { requiredKeys: [] });

function parsesOrRejects(text: string): void {
  let parsed: BaselineFile;
  try {
    parsed = parseBaseline(text, 'oqjob-baseline.json');
  } catch (error) {
    if (!(error instanceof UserError) || !error.message.startsWith('The baseline "oqjob-baseline.json" is not valid: ')) {
      throw error;
    }

    assertPrototypeClean();
    return;
  }

  assertPrototypeClean();
  for (const accepted of parsed.entries) {
    if (fields.some((field) => typeof accepted[field] !== 'string') || !/^OQJ\d{4}$/.test(accepted.rule)) {
      throw new Error(`malformed entry ${JSON.stringify(accepted)}`);
    }
  }

  // What was accepted must survive a write and a read unchanged.
  const again = parseBaseline(formatBaseline(parsed), 'oqjob-baseline.json');
  if (formatBaseline(again) !== formatBaseline(parsed)) {
    throw new Error('a written baseline did not read back');
  }
}

test('parseBaseline - any JSON value parses or is rejected', (t) => {
  fc.assert(fc.property(anyJson, (value) => parsesOrRejects(JSON.stringify(value))), { numRuns: fuzzRuns });
  t.pass();
});

test('parseBaseline - baselines with wrong fields parse or are rejected', (t) => {
  fc.assert(fc.property(baseline, (value) => parsesOrRejects(JSON.stringify(value))), { numRuns: fuzzRuns });
  t.pass();
});

test('parseBaseline - truncated and spliced text is rejected cleanly', (t) => {
  const cut = fc.tuple(baseline, fc.nat(), fc.string({ maxLength: 8 })).map(([value, at, inserted]) => {
    const text = JSON.stringify(value);
    const position = at % (text.length + 1);
    return text.slice(0, position) + inserted + text.slice(position + (at % 3));
  });
  fc.assert(fc.property(cut, parsesOrRejects), { numRuns: fuzzRuns });
  t.pass();
});

test('parseBaseline - __proto__ and constructor keys pollute nothing', (t) => {
  const poisoned = fc.tuple(baseline, fc.array(fc.nat(), { minLength: 1, maxLength: 4 })).map(([value, positions]) => withPrototypeKeys(JSON.stringify(value), positions));
  fc.assert(fc.property(poisoned, parsesOrRejects), { numRuns: fuzzRuns });
  t.pass();
});
