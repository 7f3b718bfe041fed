"""Executes a notebook in a Jupyter kernel the way a person would: cell by cell, in the
notebook's own folder. Usage: execute_notebook.py NOTEBOOK KERNEL OUT. Writes the executed
notebook to OUT even when a cell fails, so the test can say which one."""
import os
import sys

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

notebook_path, kernel_name, out_path = sys.argv[1:4]
notebook = nbformat.read(notebook_path, as_version=4)
client = NotebookClient(
    notebook,
    timeout=600,
    kernel_name=kernel_name,
    allow_errors=True,
    resources={"metadata": {"path": os.path.dirname(os.path.abspath(notebook_path))}},
)
try:
    client.execute()
except CellExecutionError as error:
    print(error, file=sys.stderr)
finally:
    nbformat.write(notebook, out_path)
