/** What a bad-input case is, and the good files every case starts from. */
import type { Manifest } from '../../pipeline/outputs/manifest.js';

export const CRIMES_HEADER = 'crime_ref,recorded_date,ho_offence_code,lsoa_code';
export const VICTIMS_HEADER = 'crime_ref,victim_ref,age,sex,ethnicity';

/** The good files every case starts with: 3 crimes and their 3 victims. */
export const GOOD = {
  'extracts/crimes-1.csv': `${CRIMES_HEADER}\nG1,2024-06-01,8N,E01999001\nG2,2024-06-02,34B,E01999002\nG3,2024-06-03,5D,E01999001\n`,
  'extracts/victims-1.csv': `${VICTIMS_HEADER}\nG1,V1,19,F,W1\nG2,V2,33,M,B2\nG3,V3,41,M,White\n`,
};

export const INPUTS = `  police_crimes: extracts/crimes-*.csv
  police_victims: extracts/victims-*.csv`;
export const THRESHOLDS = 'thresholds:\n  max_reject_pct: 50\n';

export interface ExpectedRows {
  read: number;
  loaded: number;
  rejected: number;
  setAside?: number;
}

export interface ExpectedReject {
  line: number;
  column?: string;
  reason: string | RegExp;
}

export interface BadInputCase {
  name: string;
  /** Where the case's file goes, relative to the config folder; none for config-only cases. */
  file?: string;
  content?: string | Buffer;
  /** Prepares the case's folder (e.g. symlinks) before its file is written; `dir` is its root. */
  setup?: (dir: string) => void;
  /** Rewrites the config's `inputs:` block (default INPUTS) or its thresholds. */
  inputs?: string;
  thresholds?: string;
  /**
   * A run before the case's own, with the same file under other settings (e.g. no
   * date_format yet), as when a user fixes the config after a first try.
   */
  earlier?: { inputs?: string; thresholds?: string };
  exit: 0 | 2 | 3;
  /**
   * The whole stderr for a failing case, one string per line, `<file>` standing for the
   * case file's absolute path. For exit 0, stderr must be empty.
   */
  stderr?: Array<string | RegExp>;
  /** A line that stdout must contain (exit 0 cases). */
  stdout?: string | RegExp;
  /** The case file's accounting in manifest.json; null when it must not be there at all. */
  rows?: ExpectedRows | null;
  /** Rows of rejects.csv for the case file, all of them, in line order. */
  rejects?: ExpectedReject[];
  /** Further checks after the run, on its database and manifest. */
  check?: (after: { database: string; manifest: Manifest }) => Promise<void>;
}
