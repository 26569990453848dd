import test from 'ava';
import { compareVersions, minimumSdkVersion } from '../../ts-host/dotnet/sdk.js';

test('compareVersions - orders SDK versions numerically', (t) => {
  t.is(compareVersions('10.0.401', '8.0.100'), 1);
  t.is(compareVersions('8.0.100', '8.0.100'), 0);
  t.is(compareVersions('7.0.410', minimumSdkVersion), -1);
  t.is(compareVersions('8.0.99', '8.0.100'), -1);
});

test('compareVersions - a prerelease is older than its release', (t) => {
  t.is(compareVersions('8.0.100-rc.2.23502.2', '8.0.100'), -1);
  t.is(compareVersions('9.0.100-preview.1', '8.0.100'), 1);
  t.is(compareVersions('8.0.100-rc.1', '8.0.100-rc.2'), -1);
});
