import test from 'ava';
import { printable } from '../../ts-host/cli/program.js';

test('printable - escapes control characters', (t) => {
  t.is(printable('a\u001b[2Jb\u0007c'), 'a\\x1b[2Jb\\x07c');
});

test('printable - keeps line breaks, tabs and letters', (t) => {
  t.is(printable('line one\n\tline ü two'), 'line one\n\tline ü two');
});
