/**
 * The SYNTHETIC DATA banner follows the config's `area.synthetic`, never the area's name: a
 * real area may be called anything, and demo data must say so whatever it is called.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { Database } from '../../core/database.js';
import { memoryLogger } from '../../core/log.js';
import { loadConfig } from '../../pipeline/config/load-config.js';
import { run } from '../../pipeline/index.js';
import { writeReport } from '../../reports/report.js';
import { demoWorkspace } from '../helpers/workspace.js';

const BANNER = '<div class="synthetic-banner" role="note"><strong>SYNTHETIC DATA</strong>';

let ws: ReturnType<typeof demoWorkspace>;

beforeAll(async () => {
  ws = demoWorkspace('sna-synthetic-banner-');
  await run(ws.configPath, { stages: ['ingest', 'indicators'], log: memoryLogger() });
}, 180_000);

/** report.html written from the demo database under the config text `edit` makes. */
async function reportHtml(edit: (demo: string) => string, folder: string): Promise<string> {
  const text = edit(readFileSync(ws.configPath, 'utf8'));
  const config = await loadConfig(ws.write(`${folder}.yaml`, text));
  const outputDir = ws.path(folder);
  const db = await Database.open(config.database);
  try {
    await writeReport(db, { ...config, outputDir }, memoryLogger());
  } finally {
    db.close();
  }
  return readFileSync(join(outputDir, 'report.html'), 'utf8');
}

describe('the SYNTHETIC DATA banner', () => {
  it('is shown when the config says area.synthetic: true (the demo)', async () => {
    const html = await reportHtml((demo) => demo, 'with-key');
    expect(readFileSync(ws.configPath, 'utf8')).toMatch(/^ {2}synthetic: true\b/m);
    expect(html).toContain(BANNER);
    expect(html).toContain('<body class="synthetic">');
  });

  it('is not shown for an area named "… (SYNTHETIC)" without the key', async () => {
    const html = await reportHtml(
      (demo) => demo.replace(/^ {2}synthetic: true.*\n/m, ''),
      'without-key',
    );
    expect(html).toContain('Brackenford (SYNTHETIC)');
    expect(html).not.toContain(BANNER);
    expect(html).not.toContain('<body class="synthetic">');
  });
});
