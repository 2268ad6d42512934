// The project root (where package.json is), found from this file whether it runs from the
// sources (server/) or from the bundle that `npm start` builds (dist/server/).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

function findRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`package.json not found above ${from}`);
  }
}

export const root = findRoot(import.meta.dirname);

/** The release: package.json's version. */
export const release: string = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version;
