/**
 * Writes the headline table as `headline.json` (with every sentence's facts), `headline.csv`
 * (one row per category, spreadsheet-safe) and `headline.md`, each atomically.
 */
import { join } from 'node:path';
import { Database } from '../../core/database.js';
import { spreadsheetSafe } from '../../core/spreadsheet-safe.js';
import { replaceAtomic, writeFileAtomic } from '../../core/write-atomic.js';
import type { Headline, HeadlineSentence } from '../types.js';
import { headlineMarkdown } from './markdown.js';

export const HEADLINE_CSV_COLUMNS = [
  'category',
  'title',
  'intelligence',
  'victims',
  'perpetrators',
] as const;

/** A column's sentences as one CSV cell: they each end in a full stop, so a space joins them. */
export const csvCell = (sentences: readonly HeadlineSentence[]): string =>
  sentences.map((s) => s.text).join(' ');

/**
 * DuckDB writes the CSV so quoting follows RFC 4180 and every cell goes through the same
 * spreadsheetSafe() rule as `indicators.csv`.
 */
async function writeHeadlineCsv(headline: Headline, path: string): Promise<void> {
  const db = await Database.open(':memory:');
  try {
    await db.run(
      `CREATE TABLE headline (position INTEGER, ${HEADLINE_CSV_COLUMNS.map((c) => `${c} VARCHAR`).join(', ')})`,
    );
    for (const [position, row] of headline.rows.entries()) {
      await db.run('INSERT INTO headline VALUES ($position, $category, $title, $i, $v, $p)', {
        position,
        category: row.category,
        title: row.title,
        i: csvCell(row.intelligence),
        v: csvCell(row.victims),
        p: csvCell(row.perpetrators),
      });
    }
    const select = HEADLINE_CSV_COLUMNS.map((c) => `${spreadsheetSafe(c)} AS ${c}`).join(', ');
    await replaceAtomic(path, (tmp) =>
      db.run(
        `COPY (SELECT ${select} FROM headline ORDER BY position) TO '${tmp.replaceAll("'", "''")}' (FORMAT csv, HEADER true)`,
      ),
    );
  } finally {
    db.close();
  }
}

export async function writeHeadline(headline: Headline, outputDir: string): Promise<void> {
  writeFileAtomic(join(outputDir, 'headline.json'), `${JSON.stringify(headline, null, 2)}\n`);
  await writeHeadlineCsv(headline, join(outputDir, 'headline.csv'));
  writeFileAtomic(join(outputDir, 'headline.md'), headlineMarkdown(headline));
}
