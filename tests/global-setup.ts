// Builds the browser screens once per test run, so server-process and browser tests serve
// what the sources say now.
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';

export default function setup() {
  execFileSync(process.execPath, [resolve(import.meta.dirname, '../scripts/build-screens.mjs')], { stdio: 'inherit', cwd: resolve(import.meta.dirname, '..') });
}
