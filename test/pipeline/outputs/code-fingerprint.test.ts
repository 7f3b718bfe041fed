import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { codeFingerprint } from '../../../pipeline/outputs/code-fingerprint.js';

/** A small tree shaped like the package, with code and with files that are not code. */
function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'sna-fingerprint-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

const BASE = {
  'package.json': '{"version":"0.1.0"}',
  'pipeline/sql/staging/stg_x.sql': 'select 1',
  'indicators/families/x.ts': 'export const x = 1;',
  'data/offence-groups.csv': 'ho_offence_code,category\n8N,violence_with_injury\n',
  'reports/notebook/notebook_helpers.py': 'MAX_ROWS = 40\n',
  'README.md': '# sna',
  'test/x.test.ts': 'it()',
};

describe('codeFingerprint', () => {
  it('is a sha256 that two copies of the same code share', () => {
    const a = codeFingerprint(tree(BASE));
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(codeFingerprint(tree(BASE))).toBe(a);
  });

  it('changes with any SQL, TypeScript, Python, data table or package file', () => {
    const base = codeFingerprint(tree(BASE));
    for (const path of [
      'pipeline/sql/staging/stg_x.sql',
      'indicators/families/x.ts',
      'data/offence-groups.csv',
      'reports/notebook/notebook_helpers.py',
      'package.json',
    ]) {
      const changed = { ...BASE, [path]: `${BASE[path as keyof typeof BASE]} ` };
      expect(codeFingerprint(tree(changed)), path).not.toBe(base);
    }
    const added = { ...BASE, 'reports/charts/new.ts': 'export {};' };
    expect(codeFingerprint(tree(added))).not.toBe(base);
  });

  it('ignores the docs and the tests, which do not change what a run computes', () => {
    const base = codeFingerprint(tree(BASE));
    const edited = { ...BASE, 'README.md': '# sna, edited', 'test/x.test.ts': 'it(1)' };
    expect(codeFingerprint(tree(edited))).toBe(base);
  });

  it('tells a renamed file from the same content under its old name', () => {
    const { 'indicators/families/x.ts': text, ...rest } = BASE;
    const renamed = { ...rest, 'indicators/families/y.ts': text };
    expect(codeFingerprint(tree(renamed))).not.toBe(codeFingerprint(tree(BASE)));
  });
});
