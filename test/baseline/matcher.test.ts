import test from 'ava';
import fc from 'fast-check';
import type { BaselineEntry } from '../../ts-host/baseline/baseline-file.js';
import type { FindingIdentity, IdentifiedFinding } from '../../ts-host/baseline/identity.js';
import { matchBaseline } from '../../ts-host/baseline/matcher.js';
import { nextBaseline } from '../../ts-host/baseline/update.js';
import type { Finding } from '../../ts-host/findings/finding.js';

const today = '2026-12-04';

function identity(overrides: Partial<FindingIdentity> = {}): FindingIdentity {
  return { rule: 'OQJ2002', file: 'Jobs/A.cs', symbol: 'Acme.A', member: '.ctor', message: "Job 'Acme.A' takes 'X'", text: 'aaaa', ...overrides };
}

function item(overrides: Partial<FindingIdentity> = {}): IdentifiedFinding {
  const id = identity(overrides);
  const finding: Finding = {
    ruleId: id.rule, severity: 'error', message: id.message, file: id.file, line: 1, column: 1, endLine: 1, endColumn: 2,
    symbol: id.symbol, member: id.member, project: 'P.csproj',
  };
  return { finding, identity: id };
}

function counts(findings: IdentifiedFinding[], entries: BaselineEntry[]) {
  const match = matchBaseline(findings, entries, today);
  return { fresh: match.fresh.length, unchanged: match.unchanged.length, stale: match.stale.length };
}

test('matchBaseline - exact identity matches', (t) => {
  t.deepEqual(counts([item()], [identity()]), { fresh: 0, unchanged: 1, stale: 0 });
});

test('matchBaseline - changed line text matches', (t) => {
  t.deepEqual(counts([item({ text: 'bbbb' })], [identity()]), { fresh: 0, unchanged: 1, stale: 0 });
});

test('matchBaseline - changed message matches by line text', (t) => {
  t.deepEqual(counts([item({ message: 'other wording', member: 'Run' })], [identity()]), { fresh: 0, unchanged: 1, stale: 0 });
});

test('matchBaseline - renamed file matches by symbol', (t) => {
  t.deepEqual(counts([item({ file: 'Jobs/Renamed.cs', text: 'cccc' })], [identity()]), { fresh: 0, unchanged: 1, stale: 0 });
});

test('matchBaseline - renamed class is new plus one stale entry', (t) => {
  const renamed = item({ symbol: 'Acme.B', message: "Job 'Acme.B' takes 'X'", text: 'dddd' });
  t.deepEqual(counts([renamed], [identity()]), { fresh: 1, unchanged: 0, stale: 1 });
});

test('matchBaseline - each entry absorbs one finding', (t) => {
  t.deepEqual(counts([item(), item()], [identity()]), { fresh: 1, unchanged: 1, stale: 0 });
  t.deepEqual(counts([item()], [identity(), identity()]), { fresh: 0, unchanged: 1, stale: 1 });
});

test('matchBaseline - an expired entry stops matching', (t) => {
  const match = matchBaseline([item()], [{ ...identity(), expires: '2026-12-03' }], today);
  t.is(match.fresh.length, 1);
  t.is(match.expired.length, 1);
  t.is(match.stale.length, 0);

  const current = matchBaseline([item()], [{ ...identity(), expires: today }], today);
  t.is(current.unchanged.length, 1, 'an entry is valid through its expiry date');
});

test('matchBaseline - another rule never matches', (t) => {
  t.deepEqual(counts([item({ rule: 'OQJ2003' })], [identity()]), { fresh: 1, unchanged: 0, stale: 1 });
});

test('nextBaseline - update keeps reason and expiry', (t) => {
  const existing = { entries: [{ ...identity(), reason: 'migrating', expires: '2027-01-01' }, identity({ rule: 'OQJ4006', symbol: 'Acme.Gone' })] };
  const changes = nextBaseline([item({ file: 'Jobs/Moved.cs' }), item({ rule: 'OQJ6003' })], existing, 'update', today);
  t.is(changes.added.length, 1);
  t.is(changes.removed.length, 1);
  t.is(changes.kept, 1);
  t.deepEqual(changes.baseline.entries.find((entry) => entry.rule === 'OQJ2002'), { ...identity({ file: 'Jobs/Moved.cs' }), reason: 'migrating', expires: '2027-01-01' });
});

test('nextBaseline - prune never adds', (t) => {
  const changes = nextBaseline([item(), item({ rule: 'OQJ6003' })], { entries: [identity()] }, 'prune', today);
  t.is(changes.added.length, 0);
  t.is(changes.baseline.entries.length, 1);
});

const identities = fc.record({
  rule: fc.constantFrom('OQJ2002', 'OQJ2003', 'OQJ4006'),
  file: fc.constantFrom('Jobs/A.cs', 'Jobs/B.cs', 'Services/C.cs'),
  symbol: fc.constantFrom('Acme.A', 'Acme.B', ''),
  member: fc.constantFrom('.ctor', 'ExecuteJob', ''),
  message: fc.constantFrom('m1', 'm2', 'm3'),
  text: fc.constantFrom('t1', 't2', ''),
});

test('property - own baseline accepts all', (t) => {
  fc.assert(
    fc.property(fc.array(identities, { maxLength: 30 }), (ids) => {
      const findings = ids.map((id) => item(id));
      const baseline = nextBaseline(findings, undefined, 'create', today).baseline;
      const match = matchBaseline(findings, baseline.entries, today);
      return match.fresh.length === 0 && match.stale.length === 0 && match.unchanged.length === findings.length;
    }),
    { numRuns: 2000 },
  );
  t.pass();
});

test('property - counts add up', (t) => {
  fc.assert(
    fc.property(fc.array(identities, { maxLength: 20 }), fc.array(identities, { maxLength: 20 }), (findingIds, entryIds) => {
      const match = matchBaseline(findingIds.map((id) => item(id)), entryIds, today);
      return match.fresh.length + match.unchanged.length === findingIds.length && match.stale.length + match.unchanged.length === entryIds.length;
    }),
    { numRuns: 2000 },
  );
  t.pass();
});
