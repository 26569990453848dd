import test from 'ava';
import { escapePropertyValue, propertyArgument } from '../../ts-host/dotnet/msbuild.js';

test('escapePropertyValue - plain path unchanged', (t) => {
  t.is(escapePropertyValue('/tmp/oqjob-1/logs/'), '/tmp/oqjob-1/logs/');
});

test('escapePropertyValue - special characters escaped', (t) => {
  t.is(escapePropertyValue("/a;b/$(x)/@(y)/50%/it's"), '/a%3Bb/%24(x)/%40(y)/50%25/it%27s');
});

test('propertyArgument - spaces kept inside one argument', (t) => {
  t.is(propertyArgument('OqjobLogDirectory', '/tmp/my folder/'), '-p:OqjobLogDirectory=/tmp/my folder/');
});
