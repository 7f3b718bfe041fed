/** `npm run docs`: writes docs/indicators.md and indicators/generated/ids.ts from the registry. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../core/paths.js';
import { idsModule, indicatorsMarkdown } from './document.js';

export const GENERATED = {
  'docs/indicators.md': indicatorsMarkdown,
  'indicators/generated/ids.ts': idsModule,
} as const;

for (const [path, make] of Object.entries(GENERATED)) {
  writeFileSync(join(PACKAGE_ROOT, path), make());
  console.log(`wrote ${path}`);
}
