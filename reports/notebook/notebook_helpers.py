# Helpers for this notebook: load the published indicators, show tables, show and redraw charts.
# sna wrote the notebook's saved outputs with TypeScript that formats exactly as these functions
# do (reports/notebook/python-format.ts and python-redraw.ts in sna), so running a cell again
# shows what was saved. Numbers are formatted here, not by pandas, for that reason.
import copy
import html
import json
import math
import numbers
from pathlib import Path

import numpy as np
import pandas as pd
from IPython.display import display

# Jupyter starts the kernel in the notebook's folder, notebooks/ inside sna's output folder.
OUTPUT_DIR = Path('..')
VEGA_LITE = 'application/vnd.vegalite.v5+json'
VEGA_LITE_SCHEMA = 'https://vega.github.io/schema/vega-lite/v5.json'
TEXT_COLUMNS = ['indicator_id', 'category', 'area_code', 'period_start', 'period_end', 'breakdown',
                'breakdown_value', 'unit', 'significance', 'method', 'note', 'status']
NUMBER_COLUMNS = ['numerator', 'denominator', 'value', 'lower_ci95', 'upper_ci95']
# indicators.csv puts an apostrophe before text starting = + - @ tab or CR, so that a
# spreadsheet does not run it as a formula; indicators.parquet holds the text as it is.
SPREADSHEET_SAFE = ['indicator_id', 'category', 'area_code', 'breakdown', 'breakdown_value',
                    'note', 'status']
MAX_ROWS = 40


def parquet_engine():
    """The package pandas reads Parquet with, or None when neither is installed."""
    for module in ('pyarrow', 'fastparquet'):
        try:
            __import__(module)
            return module
        except Exception:  # not installed, or installed but broken: read the CSV instead
            pass
    return None


def load_indicators():
    """indicators.parquet when pandas can read Parquet, else indicators.csv (the same rows)."""
    if parquet_engine():
        frame = pd.read_parquet(OUTPUT_DIR / 'indicators.parquet')
        source = 'indicators.parquet'
    else:
        # Text stays text ('1' is a decile, not a number); only an empty cell is missing;
        # numbers are parsed exactly as written.
        frame = pd.read_csv(OUTPUT_DIR / 'indicators.csv', dtype={c: str for c in TEXT_COLUMNS},
                            keep_default_na=False, na_values=[''], float_precision='round_trip')
        for column in SPREADSHEET_SAFE:
            frame[column] = frame[column].str.replace(r"^'(?=[=+\-@\t\r])", '', regex=True)
        source = 'indicators.csv'
    for column in ('period_start', 'period_end'):
        frame[column] = frame[column].astype(str).str.slice(0, 10)
    for column in NUMBER_COLUMNS:
        frame[column] = frame[column].astype(float)
    frame['suppressed'] = frame['suppressed'].astype(str).str.lower() == 'true'
    return frame, source


def loaded_from(source, frame):
    """Which file was read, and how much it holds."""
    counts = f'{len(frame)} rows, {frame.category.nunique()} categories'
    if source == 'indicators.parquet':
        return f'Read indicators.parquet: {counts}.'
    return (f'Read indicators.csv: {counts}. (pandas has no pyarrow or fastparquet here to read '
            'indicators.parquet, which holds the same rows.)')


def summary(frame):
    """Per category: how many indicators, rows, and rows suppressed."""
    return (frame.groupby('category', sort=True)
            .agg(indicators=('indicator_id', 'nunique'), rows=('indicator_id', 'size'),
                 suppressed=('suppressed', 'sum'))
            .reset_index())


def is_missing(value):
    if value is None or value is pd.NA or value is pd.NaT:
        return True
    return isinstance(value, float) and math.isnan(value)


def is_number(value):
    return isinstance(value, numbers.Number) and not isinstance(value, (bool, np.bool_))


def fmt(value):
    """A value as the tables show it: blank when missing, numbers to at most 2 decimal places."""
    if is_missing(value):
        return ''
    if isinstance(value, (bool, np.bool_)):
        return 'true' if value else 'false'
    if is_number(value):
        number = float(value)
        if math.isnan(number):
            return ''
        if math.isinf(number):
            return 'inf' if number > 0 else '-inf'
        text = f'{number:.2f}'.rstrip('0').rstrip('.')
        return '0' if text == '-0' else text
    return str(value)


def show(frame, columns, caption=''):
    """Shows rows as an HTML table and aligned text; numbers right-aligned; at most MAX_ROWS."""
    rows = list(frame[columns].itertuples(index=False, name=None))
    shown = rows[:MAX_ROWS]
    right = [any(is_number(r[i]) and not is_missing(r[i]) for r in shown)
             and all(is_number(r[i]) or is_missing(r[i]) for r in shown)
             for i in range(len(columns))]
    cells = [[fmt(v) for v in r] for r in shown]
    widths = [max([len(c)] + [len(r[i]) for r in cells]) for i, c in enumerate(columns)]

    def line(texts):
        return '  '.join(t.rjust(widths[i]) if right[i] else t.ljust(widths[i])
                         for i, t in enumerate(texts)).rstrip(' ')

    more = f'... {len(rows) - len(shown)} more rows' if len(rows) > len(shown) else ''
    text = ([caption] if caption else []) + [line(columns), line(['-' * w for w in widths])]
    text += [line(r) for r in cells] + ([more] if more else [])

    def td(tag, t, i):
        style = ' style="text-align:right"' if right[i] else ''
        return f'<{tag}{style}>{html.escape(t)}</{tag}>'

    markup = ([f'<p>{html.escape(caption)}</p>'] if caption else []) + [
        '<table>', '<thead><tr>' + ''.join(td('th', c, i) for i, c in enumerate(columns))
        + '</tr></thead>', '<tbody>']
    markup += ['<tr>' + ''.join(td('td', t, i) for i, t in enumerate(r)) + '</tr>' for r in cells]
    markup += ['</tbody>', '</table>'] + ([f'<p>{html.escape(more)}</p>'] if more else [])
    display({'text/html': '\n'.join(markup), 'text/plain': '\n'.join(text)}, raw=True)


def read_text(path):
    with open(path, encoding='utf-8', newline='') as file:
        return file.read()


def show_chart(name, text):
    """Shows charts/<name>.vl.json as Vega-Lite, with its SVG and text for other viewers."""
    spec = json.loads(read_text(OUTPUT_DIR / 'charts' / f'{name}.vl.json'))
    spec['$schema'] = VEGA_LITE_SCHEMA
    svg = read_text(OUTPUT_DIR / 'charts' / f'{name}.svg')
    display({VEGA_LITE: spec, 'image/svg+xml': svg, 'text/plain': text}, raw=True)


def month_range(first, last):
    """Every month from first to last ('2024-04', '2025-03'), inclusive."""
    year, month = int(first[:4]), int(first[5:7])
    months = []
    while f'{year:04d}-{month:02d}' <= last:
        months.append(f'{year:04d}-{month:02d}')
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def same(a, b):
    """Equal and of the same kind: True is not 1 here, unlike Python's ==."""
    if isinstance(a, str) or isinstance(b, str):
        return isinstance(a, str) and isinstance(b, str) and a == b
    if isinstance(a, bool) or isinstance(b, bool):
        return isinstance(a, bool) and isinstance(b, bool) and a == b
    if a is None or b is None:
        return a is None and b is None
    return is_number(a) and is_number(b) and a == b


def allowed_values(value):
    return list(value) if isinstance(value, (list, tuple)) else [value]


def filter_spec(node, where, counts):
    """A copy of a spec in which every inlined row (data.values, datasets) that has a field of
    `where` keeps only the values allowed; a panel of a concat whose rows all went is dropped,
    and so is an axis tick at a value filtered out. Rows without those fields (outlines, curves)
    are kept. counts = [rows with a filtered field, of which kept]."""
    def keep(row):
        fields = [f for f in where if isinstance(row, dict) and f in row]
        if fields:
            counts[0] += 1
        kept = all(any(same(row[f], v) for v in where[f]) for f in fields)
        if fields and kept:
            counts[1] += 1
        return kept

    if isinstance(node, list):
        return [filter_spec(item, where, counts) for item in node]
    if not isinstance(node, dict):
        return node
    result = {}
    for key, value in node.items():
        if key == 'data' and isinstance(value, dict) and isinstance(value.get('values'), list):
            result[key] = dict(value, values=[r for r in value['values'] if keep(r)])
        elif key == 'datasets' and isinstance(value, dict):
            result[key] = {name: [r for r in rows if keep(r)] if isinstance(rows, list) else rows
                           for name, rows in value.items()}
        elif key in ('concat', 'hconcat', 'vconcat') and isinstance(value, list):
            panels = [(panel, filter_spec(panel, where, counts)) for panel in value]
            result[key] = [after for before, after in panels if not emptied(before, after)]
        else:
            result[key] = filter_spec(value, where, counts)
    field = result.get('field')
    axis = result.get('axis')
    if isinstance(field, str) and field in where and isinstance(axis, dict) \
            and isinstance(axis.get('values'), list):
        result['axis'] = dict(axis, values=[v for v in axis['values']
                                            if any(same(v, a) for a in where[field])])
    return result


def emptied(before, after):
    """A panel whose own rows were there and all went."""
    if not isinstance(before, dict) or not isinstance(before.get('data'), dict):
        return False
    rows = before['data'].get('values')
    return isinstance(rows, list) and len(rows) > 0 and len(after['data']['values']) == 0


def describe(where):
    parts = []
    for field, values in where.items():
        if len(values) == 0:
            shown = 'nothing'
        elif len(values) == 1:
            shown = fmt(values[0])
        else:
            shown = f'{fmt(values[0])} to {fmt(values[-1])} ({len(values)} values)'
        parts.append(f'{field} = {shown}')
    return ', '.join(parts)


def redraw(name, **where):
    """Shows charts/<name>.vl.json again with its rows filtered, e.g. category='knife_crime'."""
    where = {field: allowed_values(value) for field, value in where.items()}
    spec = json.loads(read_text(OUTPUT_DIR / 'charts' / f'{name}.vl.json'))
    counts = [0, 0]
    spec = filter_spec(spec, where, counts)
    spec['$schema'] = VEGA_LITE_SCHEMA
    note = f'Redrawn in the notebook for {describe(where)}: {counts[1]} of {counts[0]} rows'
    title = copy.deepcopy(spec.get('title', name))
    if not isinstance(title, dict):
        title = {'text': title}
    subtitle = title.get('subtitle', [])
    title['subtitle'] = (subtitle if isinstance(subtitle, list) else [subtitle]) + [note]
    spec['title'] = title
    text = f'{name}: {note} (a Vega-Lite chart: JupyterLab and VS Code draw it)'
    display({VEGA_LITE: spec, 'text/plain': text}, raw=True)
