/**
 * The generated notebooks, written with their outputs: `buildNotebook` writes
 * `notebooks/sna.ipynb` (Deno), `buildPythonNotebook` `notebooks/sna-python.ipynb` (Python).
 */
export {
  buildNotebook,
  NOTEBOOK_PATH,
  type NotebookInput,
  notebookDocument,
} from './build-notebook.js';
export {
  buildPythonNotebook,
  PYTHON_NOTEBOOK_PATH,
  pythonNotebookDocument,
} from './build-python-notebook.js';
export type { Notebook } from './nbformat.js';
