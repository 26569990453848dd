import { readFile, mkdtemp, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import test from 'ava';
import { execa } from 'execa';
import { computeLineHashes } from '../../ts-host/sarif/line-hash.js';

const require = createRequire(import.meta.url);
const multitool = path.join(path.dirname(require.resolve('@microsoft/sarif-multitool-linux/package.json')), 'Sarif.Multitool');

const source = [
  'using System;',
  '',
  'namespace Acme.Jobs',
  '{',
  '    public class ReminderJob',
  '    {',
  '        public void Run() { Console.WriteLine("a rather long line that goes on well past the hundred characters of the hash window"); }',
  '    }',
  '}',
  '',
].join('\n');

/**
 * Asks Microsoft's SARIF Multitool, an independent implementation of the same rolling hash,
 * for the fingerprint of each line.
 */
async function multitoolHashes(text: string, lines: number[]): Promise<Map<number, string>> {
  const folder = await mkdtemp(path.join(os.tmpdir(), 'oqjob-hash-'));
  const file = path.join(folder, 'Source.cs');
  await writeFile(file, text);
  const results = lines.map((line) => ({
    ruleId: 'X',
    message: { text: 'm' },
    locations: [{ physicalLocation: { artifactLocation: { uri: `file://${file}` }, region: { startLine: line } } }],
  }));
  const input = path.join(folder, 'in.sarif');
  const output = path.join(folder, 'out.sarif');
  await writeFile(input, JSON.stringify({ version: '2.1.0', runs: [{ tool: { driver: { name: 'x' } }, results }] }));
  await execa(multitool, ['rewrite', input, '--insert', 'RollingHashPartialFingerprints', '--output', output, '--log', 'ForceOverwrite']);

  const rewritten = JSON.parse(await readFile(output, 'utf8')) as { runs: { results: { partialFingerprints: { primaryLocationLineHash: string } }[] }[] };
  return new Map(lines.map((line, index) => [line, rewritten.runs[0]!.results[index]!.partialFingerprints.primaryLocationLineHash]));
}

test('computeLineHashes - matches the SARIF Multitool', async (t) => {
  const lines = [1, 2, 5, 7, 9, 10];
  const expected = await multitoolHashes(source, lines);
  const actual = computeLineHashes(source);
  for (const line of lines) {
    t.is(actual.get(line), expected.get(line), `line ${line}`);
  }
});

test('computeLineHashes - known values', (t) => {
  // Values computed by the SARIF Multitool for this text.
  const hashes = computeLineHashes('using System;\n\nnamespace A\n{\n    public class B\n    {\n        public void C() { }\n    }\n}\n');
  t.is(hashes.get(1), 'cc5bf97ec0afd795:1');
  t.is(hashes.get(5), '7a8bab6f4ff7912:1');
  t.is(hashes.get(9), '32dce9ccfdbc9d3e:1');
});

test('computeLineHashes - CRLF equals LF', (t) => {
  t.deepEqual(computeLineHashes(source.replace(/\n/g, '\r\n')), computeLineHashes(source));
});

test('computeLineHashes - indentation is ignored', (t) => {
  const indented = source.split('\n').map((line) => `\t  ${line}`).join('\n');
  t.deepEqual(computeLineHashes(indented), computeLineHashes(source));
});

test('computeLineHashes - moved lines keep their hash', (t) => {
  const before = computeLineHashes(source);
  const after = computeLineHashes(`// added line\n// another\n${source}`);
  t.is(after.get(7), before.get(5));
  t.is(after.get(9), before.get(7));
});

test('computeLineHashes - identical windows get occurrence numbers', (t) => {
  const repeated = 'x\nx\nx\n';
  const hashes = computeLineHashes(`${repeated}${'y'.repeat(120)}\n${repeated}${'y'.repeat(120)}\n`);
  const [value] = (hashes.get(1) ?? '').split(':');
  t.is(hashes.get(5), `${value}:2`);
});

test('computeLineHashes - byte-order mark is hashed', (t) => {
  // GitHub decodes files as UTF-8 and keeps the mark, so the mark is part of line 1's window.
  // The Multitool drops it, so the Multitool is no reference for this case.
  const withMark = computeLineHashes(`\ufeff${source}`);
  const without = computeLineHashes(source);
  t.not(withMark.get(1), without.get(1));
  t.is(withMark.get(3), without.get(3));
});

test('computeLineHashes - selected lines only', (t) => {
  const repeated = `${'x'.repeat(120)}\n`;
  const text = `${repeated}${source}${repeated}`;
  const all = computeLineHashes(text);
  // The text ends with a line feed, so the second line of x is the one before the empty last line.
  const secondRepeat = all.size - 1;

  const some = computeLineHashes(text, new Set([2, secondRepeat]));

  t.deepEqual([...some.keys()].sort((a, b) => a - b), [2, secondRepeat]);
  t.is(some.get(2), all.get(2));
  t.is(some.get(secondRepeat), all.get(secondRepeat));
  t.regex(some.get(secondRepeat) ?? '', /:2$/, 'the occurrence number counts lines that were not selected');
});

test('computeLineHashes - one hash per line, empty file has one line', (t) => {
  t.is(computeLineHashes(source).size, source.split('\n').length);
  t.deepEqual([...computeLineHashes('').keys()], [1]);
});
