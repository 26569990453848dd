import { readFile } from 'node:fs/promises';
import path from 'node:path';
import test from 'ava';
import { UserError } from '../../ts-host/errors.js';
import { bundledCatalogPath, loadCatalog, parseCatalog, type CatalogRule } from '../../ts-host/rules/catalog.js';
import { formatRulesMarkdown, formatRulesText } from '../../ts-host/rules/format.js';
import { repoRoot } from '../helpers/paths.js';

// The catalog's IDs as the product defines them; the analyzer must implement exactly these.
const catalogIds = [
  'OQJ1001', 'OQJ1002', 'OQJ1003', 'OQJ1004', 'OQJ1005',
  'OQJ2001', 'OQJ2002', 'OQJ2003', 'OQJ2004', 'OQJ2005', 'OQJ2006',
  'OQJ3001', 'OQJ3002', 'OQJ3003', 'OQJ3004', 'OQJ3005', 'OQJ3006', 'OQJ3007',
  'OQJ4001', 'OQJ4002', 'OQJ4003', 'OQJ4004', 'OQJ4005', 'OQJ4006', 'OQJ4007', 'OQJ4008',
  'OQJ5001', 'OQJ5002', 'OQJ5003', 'OQJ5004',
  'OQJ6001', 'OQJ6002', 'OQJ6003', 'OQJ6004', 'OQJ6005',
  'OQJ7001',
  'OQJ8001', 'OQJ8002', 'OQJ8003', 'OQJ8004',
];

function rule(overrides: Partial<CatalogRule> = {}): CatalogRule {
  return {
    id: 'OQJ3002',
    name: 'InvalidFrequency',
    title: 'Frequency is not a valid Oqtane frequency code',
    messageFormat: "Job '{0}' sets Frequency to \"{1}\"",
    description: 'Frequency codes are case-sensitive.',
    category: 'Oqtane.Metadata',
    family: 'R3 metadata',
    defaultSeverity: 'error',
    helpUri: 'https://example.invalid/OQJ3002.md',
    tags: ['oqtane'],
    analyzer: 'MetadataAnalyzer',
    ...overrides,
  };
}

test('bundled catalog - has exactly the catalog IDs, in order', async (t) => {
  const rules = await loadCatalog();
  t.deepEqual(rules.map((entry) => entry.id), catalogIds);
});

test('bundled catalog - every rule has a docs page whose title matches', async (t) => {
  for (const entry of await loadCatalog()) {
    const page = await readFile(path.join(repoRoot, 'docs', 'rules', `${entry.id}.md`), 'utf8');
    t.true(page.startsWith(`# ${entry.id}: ${entry.title}\n`), `${entry.id}.md starts with a different title`);
    t.true(entry.helpUri.endsWith(`/docs/rules/${entry.id}.md`), `${entry.id} help link ${entry.helpUri}`);
  }
});

test('docs/rules/README.md - is the generated index (run "npm run docs:rules" when this fails)', async (t) => {
  const committed = await readFile(path.join(repoRoot, 'docs', 'rules', 'README.md'), 'utf8');
  t.is(committed, formatRulesMarkdown(await loadCatalog()));
});

test('parseCatalog - reads a well-formed catalog', (t) => {
  const rules = parseCatalog(JSON.stringify({ formatVersion: 1, rules: [rule()] }), 'rules.json');
  t.is(rules[0]?.id, 'OQJ3002');
});

for (const [name, text, detail] of [
  ['not JSON', '{', 'not valid'],
  ['wrong format version', JSON.stringify({ formatVersion: 2, rules: [] }), 'formatVersion 1'],
  ['rule without title', JSON.stringify({ formatVersion: 1, rules: [rule({ title: '' })] }), '"title"'],
  ['unknown severity', JSON.stringify({ formatVersion: 1, rules: [rule({ defaultSeverity: 'fatal' as CatalogRule['defaultSeverity'] })] }), 'unknown severity "fatal"'],
  ['tags not strings', JSON.stringify({ formatVersion: 1, rules: [{ ...rule(), tags: [1] }] }), 'tags'],
] as const) {
  test(`parseCatalog - rejects ${name}`, (t) => {
    const error = t.throws(() => parseCatalog(text, 'rules.json'), { instanceOf: UserError });
    t.true(error?.message.includes('rules.json'), error?.message);
    t.true(error?.message.includes(detail), error?.message);
    t.regex(error?.hint ?? '', /npm run build/);
  });
}

test('loadCatalog - a missing file names the file and the fix', async (t) => {
  const missing = path.join(path.dirname(bundledCatalogPath), 'no-such-rules.json');
  const error = await t.throwsAsync(loadCatalog(missing), { instanceOf: UserError });
  t.true(error?.message.includes(missing));
});

test('formatRulesText - aligns columns and counts the rules', (t) => {
  const text = formatRulesText([rule(), rule({ id: 'OQJ3006', defaultSeverity: 'note', title: 'Job leaves metadata at its default' })]);
  const lines = text.split('\n');
  t.is(lines[0], 'ID       SEVERITY  FAMILY       TITLE');
  t.is(lines[1], 'OQJ3002  error     R3 metadata  Frequency is not a valid Oqtane frequency code');
  t.is(lines[2], 'OQJ3006  note      R3 metadata  Job leaves metadata at its default');
  t.regex(text, /^2 rules\./m);
});

test('formatRulesMarkdown - escapes pipes in titles', (t) => {
  t.true(formatRulesMarkdown([rule({ title: 'a | b' })]).includes('| a \\| b |'));
});
