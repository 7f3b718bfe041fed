/** The parts of nbformat 4.5 the notebooks use, and small builders for them. */
import { join } from 'node:path';
import { writeFileAtomic } from '../../core/write-atomic.js';

export type MimeBundle = Record<string, unknown>;

export interface DisplayData {
  output_type: 'display_data';
  data: MimeBundle;
  metadata: Record<string, unknown>;
}

export interface MarkdownCell {
  cell_type: 'markdown';
  id: string;
  metadata: Record<string, unknown>;
  source: string[];
}

export interface CodeCell {
  cell_type: 'code';
  id: string;
  metadata: Record<string, unknown>;
  execution_count: number;
  source: string[];
  outputs: DisplayData[];
}

export type Cell = MarkdownCell | CodeCell;

export interface Notebook {
  nbformat: 4;
  nbformat_minor: 5;
  metadata: {
    kernelspec: { name: string; display_name: string; language: string };
    language_info: Record<string, unknown>;
    [key: string]: unknown;
  };
  cells: Cell[];
}

/** An nbformat 4.5 notebook of these cells, for the kernel named. */
export function notebookOf(
  kernelspec: Notebook['metadata']['kernelspec'],
  languageInfo: Record<string, unknown>,
  cells: Cell[],
): Notebook {
  return {
    nbformat: 4,
    nbformat_minor: 5,
    metadata: { kernelspec, language_info: languageInfo },
    cells,
  };
}

/** Writes a notebook as Jupyter does (one-space indent, final newline), atomically. */
export function writeNotebook(outputDir: string, path: string, notebook: Notebook): Notebook {
  writeFileAtomic(join(outputDir, path), `${JSON.stringify(notebook, null, 1)}\n`);
  return notebook;
}

/** Source as nbformat writes it: lines that keep their "\n", the last without one. */
export function sourceLines(text: string): string[] {
  return text.split(/(?<=\n)/);
}

export function markdownCell(id: string, text: string): MarkdownCell {
  return { cell_type: 'markdown', id, metadata: {}, source: sourceLines(text) };
}

export function codeCell(
  id: string,
  executionCount: number,
  source: string,
  outputs: DisplayData[] = [],
): CodeCell {
  return {
    cell_type: 'code',
    id,
    metadata: {},
    execution_count: executionCount,
    source: sourceLines(source),
    outputs,
  };
}

export function displayData(data: MimeBundle): DisplayData {
  return { output_type: 'display_data', data, metadata: {} };
}
