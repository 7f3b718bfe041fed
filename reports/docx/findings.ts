/**
 * "Key findings": the few sentences a reader takes away, as a bulleted list. Each finding is a
 * sentence the headline module wrote from published rows; this only lays them out. With none,
 * the section says so rather than vanishing, so an editor sees where they belong.
 */
import type { Paragraph } from 'docx';
import { bullet, heading, note } from './text.js';

/** A finding as the headline module hands it over: its sentence (and more this does not read). */
export interface Finding {
  text: string;
}

export const FINDINGS_TITLE = 'Key findings';
export const NO_FINDINGS =
  'No key findings were drawn for this run: the headline table below says what the indicators show for each category.';

export function findingsSection(findings: readonly Finding[]): Paragraph[] {
  return [
    heading(1, FINDINGS_TITLE, true),
    ...(findings.length === 0 ? [note(NO_FINDINGS)] : findings.map((f) => bullet(f.text))),
  ];
}
