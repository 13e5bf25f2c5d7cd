/**
 * The README stays true: its two commands, every diagnostic code, every output format.
 */

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIAGNOSTIC_CODES, OUTPUT_FORMATS } from '../src/index.js';

const ROOT = join(import.meta.dirname, '..');
const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');

describe('README', () => {
  it('gives the install-and-run command on a bundled fixture and the test command', () => {
    const install = /npm install && npx article-parse (\S+)/u.exec(readme);
    expect(install).not.toBeNull();
    expect(() => readFileSync(join(ROOT, install![1]!))).not.toThrow();
    expect(readme).toContain('npm test');
  });

  it('documents every diagnostic code', () => {
    for (const code of Object.keys(DIAGNOSTIC_CODES)) expect(readme, code).toContain(`\`${code}\``);
  });

  it('documents every output format', () => {
    for (const format of OUTPUT_FORMATS) expect(readme).toContain(`\`${format}\``);
  });

  it('.ci/run installs from the lockfile and runs the README test command', () => {
    const ci = readFileSync(join(ROOT, '.ci', 'run'), 'utf8');
    expect(ci).toContain('npm ci');
    expect(ci).toMatch(/^npm test$/mu);
  });
});
