// Scratch (h4): prints what each bad-input case does today. Deleted before hand-back.
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { baseConfig, REPO_ROOT, workspace, writeReference } from './test/helpers/workspace.ts';
import { GOOD, INPUTS, THRESHOLDS, type BadInputCase } from './test/bad-input/case.ts';
import { STRUCTURE_CASES } from './test/bad-input/cases-structure.ts';
import { VALUE_CASES } from './test/bad-input/cases-values.ts';
import { FILE_CASES } from './test/bad-input/cases-files.ts';

const cli = (args: string[]) => new Promise<{status:number|null; stdout:string; stderr:string}>((resolve) => {
  const c = spawn(process.execPath, ['--import','tsx', join(REPO_ROOT,'pipeline','cli.ts'), ...args], {cwd: REPO_ROOT});
  let stdout=''; let stderr='';
  c.stdout.on('data', d => stdout += d); c.stderr.on('data', d => stderr += d);
  c.on('close', status => resolve({status, stdout, stderr}));
});
const write = (p: string, c: string|Buffer) => { mkdirSync(dirname(p), {recursive:true}); writeFileSync(p, c); };
const ws = workspace('sna-explore-base-'); writeReference(ws);
for (const [p, c] of Object.entries(GOOD)) ws.write(p, c);
ws.config(baseConfig(INPUTS, THRESHOLDS));
const first = await cli(['ingest','--config', ws.path('sna.config.yaml')]);
console.log('base', first.status, first.stderr);
const only = process.argv[2];
const all: BadInputCase[] = [...STRUCTURE_CASES, ...VALUE_CASES, ...FILE_CASES].filter(c => !only || c.name.includes(only));
async function one(c: BadInputCase) {
  const dir = mkdtempSync('/tmp/h4/explore/c-'); cpSync(ws.dir, dir, {recursive:true});
  if (c.file && c.content !== undefined) write(join(dir, c.file), c.content);
  write(join(dir,'sna.config.yaml'), baseConfig(c.inputs ?? INPUTS, c.thresholds ?? THRESHOLDS));
  const r = await cli(['ingest','--config', join(dir,'sna.config.yaml')]);
  const m = JSON.parse(readFileSync(join(dir,'out/manifest.json'),'utf8'));
  const rj = existsSync(join(dir,'out/rejects.csv')) ? parse(readFileSync(join(dir,'out/rejects.csv')), {columns:true}) as any[] : [];
  return `### ${c.name}\nexit ${r.status} (want ${c.exit})\nstderr: ${r.stderr.replaceAll(dir,'<dir>')}\nstdout: ${r.stdout.split('\n').filter(l=>!/^(ref|builtin)|No new/.test(l) && !l.includes('-1.csv')).join(' | ').replaceAll(dir,'<dir>')}\nmanifest: ${JSON.stringify(m.inputs.filter((i:any)=>i.path===c.file || i.path.endsWith('-1.csv')).map((i:any)=>[i.path,i.rows_read,i.rows_loaded,i.rows_rejected,i.rows_set_aside,i.set_aside_reasons]))}\nrejects: ${JSON.stringify(rj.filter(x=>x.file===c.file).map(x=>[x.line,x.column,x.reason.slice(0,150)]))}\n`;
}
const queue = [...all]; const out: string[] = new Array(all.length);
await Promise.all([0,1,2].map(async () => { while (queue.length) { const c = queue.shift()!; out[all.indexOf(c)] = await one(c); } }));
console.log(out.join('\n'));
