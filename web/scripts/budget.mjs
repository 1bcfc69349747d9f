// The first screen's JavaScript budget: what index.html loads (its module script and the chunks it preloads),
// gzipped, must stay within BUDGET_KB. `npm run build` runs this after vite build and fails over it.
// usage: node scripts/budget.mjs [dist directory]
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const BUDGET_KB = 120; // kB of 1,000 bytes, as vite reports them
const dist = new URL(`../${process.argv[2] ?? 'dist'}/`, import.meta.url);
const html = readFileSync(new URL('index.html', dist), 'utf8');
const scripts = [...html.matchAll(/<(?:script[^>]*\bsrc|link[^>]*rel="modulepreload"[^>]*\bhref)="\/?([^"]+\.js)"/g)].map((match) => match[1]);
if (scripts.length === 0) throw new Error('index.html loads no JavaScript: is this a vite build?');

const sizes = scripts.map((file) => ({ file, gzipped: gzipSync(readFileSync(new URL(file, dist))).length }));
const totalKb = sizes.reduce((sum, { gzipped }) => sum + gzipped, 0) / 1000;
for (const { file, gzipped } of sizes) console.log(`budget: ${file} ${(gzipped / 1000).toFixed(1)} KB gzipped`);
console.log(`budget: first screen ${totalKb.toFixed(1)} KB of ${BUDGET_KB} KB gzipped JavaScript`);
if (totalKb > BUDGET_KB) {
  console.error(`budget: over by ${(totalKb - BUDGET_KB).toFixed(1)} KB; load the rest lazily or drop weight`);
  process.exit(1);
}
