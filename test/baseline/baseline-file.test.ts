import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import test from 'ava';
import fc from 'fast-check';
import { formatBaseline, parseBaseline, readBaseline, writeBaseline, type BaselineEntry } from '../../ts-host/baseline/baseline-file.js';
import { textFingerprint } from '../../ts-host/baseline/identity.js';
import { UserError } from '../../ts-host/errors.js';

function entry(overrides: Partial<BaselineEntry> = {}): BaselineEntry {
  return { rule: 'OQJ2002', file: 'Jobs/A.cs', symbol: 'Acme.A', member: '.ctor', message: 'm', text: 'abcd', ...overrides };
}

test('formatBaseline - sorted, one entry per line, no totals or dates', (t) => {
  const text = formatBaseline({ entries: [entry({ file: 'Jobs/B.cs' }), entry({ rule: 'OQJ4006', reason: 'later', expires: '2027-01-31' }), entry()] });
  t.is(text, [
    '{',
    '  "version": 1,',
    '  "entries": [',
    '    {"rule":"OQJ2002","file":"Jobs/A.cs","symbol":"Acme.A","member":".ctor","message":"m","text":"abcd"},',
    '    {"rule":"OQJ4006","file":"Jobs/A.cs","symbol":"Acme.A","member":".ctor","message":"m","text":"abcd","reason":"later","expires":"2027-01-31"},',
    '    {"rule":"OQJ2002","file":"Jobs/B.cs","symbol":"Acme.A","member":".ctor","message":"m","text":"abcd"}',
    '  ]',
    '}',
    '',
  ].join('\n'));
  t.is(formatBaseline({ entries: [] }), '{\n  "version": 1,\n  "entries": []\n}\n');
});

test('parseBaseline - reads what formatBaseline writes, also with CRLF and a byte-order mark', (t) => {
  const baseline = { entries: [entry(), entry({ reason: 'r', expires: '2027-01-01' })] };
  const text = formatBaseline(baseline);
  t.deepEqual(parseBaseline(text, 'b.json'), baseline);
  t.deepEqual(parseBaseline(`\ufeff${text.replace(/\n/g, '\r\n')}`, 'b.json'), baseline);
});

for (const [name, text, detail] of [
  ['not JSON', '{"version": 1, "entries": [', 'not valid'],
  ['unknown version', '{"version": 2, "entries": []}', 'its version is 2'],
  ['missing entries', '{"version": 1}', '"entries" array'],
  ['entry without text', '{"version": 1, "entries": [{"rule":"OQJ2002","file":"a","symbol":"","member":"","message":"m"}]}', 'entry 1 has no text field "text"'],
  ['bad rule', '{"version": 1, "entries": [{"rule":"X","file":"a","symbol":"","member":"","message":"m","text":""}]}', 'rule ID'],
  ['bad expiry', '{"version": 1, "entries": [{"rule":"OQJ2002","file":"a","symbol":"","member":"","message":"m","text":"","expires":"next week"}]}', '"next week"'],
  ['impossible expiry', '{"version": 1, "entries": [{"rule":"OQJ2002","file":"a","symbol":"","member":"","message":"m","text":"","expires":"2027-02-30"}]}', '"2027-02-30"'],
] as const) {
  test(`parseBaseline - rejects ${name}`, (t) => {
    const error = t.throws(() => parseBaseline(text, 'team.json'), { instanceOf: UserError });
    t.true(error?.message.includes('"team.json"'), error?.message);
    t.true(error?.message.includes(detail), error?.message);
    t.is(error?.exitCode, 2);
  });
}

test('parseBaseline - a __proto__ key does not reach any prototype', (t) => {
  const text = '{"version":1,"entries":[{"rule":"OQJ2002","file":"a","symbol":"","member":"","message":"m","text":"","__proto__":{"polluted":true}}]}';
  const baseline = parseBaseline(text, 'b.json');
  t.is(({} as Record<string, unknown>).polluted, undefined);
  t.is((baseline.entries[0] as unknown as Record<string, unknown>).polluted, undefined);
});

test('property - parseBaseline only ever throws UserError', (t) => {
  fc.assert(
    fc.property(fc.oneof(fc.string(), fc.json(), fc.jsonValue().map((value) => JSON.stringify({ version: 1, entries: [value] }))), (text) => {
      try {
        parseBaseline(text, 'b.json');
      } catch (error) {
        return error instanceof UserError;
      }

      return true;
    }),
    { numRuns: 10_000 },
  );
  t.pass();
});

test('writeBaseline - replaces the file whole and leaves no temporary file', async (t) => {
  const folder = await mkdtemp(path.join(os.tmpdir(), 'oqjob-baseline-'));
  const file = path.join(folder, 'oqjob-baseline.json');
  await writeFile(file, 'old');
  await writeBaseline(file, { entries: [entry()] });
  t.deepEqual(await readBaseline(file), { entries: [entry()] });
  t.deepEqual((await readdir(folder)).sort(), ['oqjob-baseline.json']);
  t.regex(await readFile(file, 'utf8'), /^\{\n {2}"version": 1,/);
});

test('readBaseline - a missing file names the fix', async (t) => {
  const error = await t.throwsAsync(readBaseline(path.join(os.tmpdir(), 'no-such-baseline.json')), { instanceOf: UserError });
  t.regex(error?.hint ?? '', /oqjob baseline/);
});

test('textFingerprint - ignores whitespace, not code', (t) => {
  t.is(textFingerprint(['  var a = 1;']), textFingerprint(['var a=1;']));
  t.not(textFingerprint(['var a = 1;']), textFingerprint(['var a = 2;']));
});
