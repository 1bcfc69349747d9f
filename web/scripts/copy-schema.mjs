// The API's contract is the SDL snapshot its tests keep; codegen wants a .graphql file without a BOM.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const source = resolve(here, '../../tests/GraphQL.IntegrationTests/Schema/__snapshots__/schema.graphql.snap');
const target = resolve(here, '../src/gql/schema.graphql');

const sdl = readFileSync(source, 'utf8').replace(/^\uFEFF/, '');
mkdirSync(dirname(target), { recursive: true });
writeFileSync(target, sdl);
console.log(`schema: ${source} -> ${target}`);
