/** The generated notebook: `buildNotebook` writes `notebooks/sna.ipynb` with its outputs. */
export {
  buildNotebook,
  NOTEBOOK_PATH,
  type NotebookInput,
  notebookDocument,
} from './build-notebook.js';
export type { Notebook } from './nbformat.js';
