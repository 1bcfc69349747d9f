// The Dockerfile, checked without a Docker engine (our machines have none): every line an instruction Docker knows,
// every stage named once and used after it is made, every file it copies present in the repository and not dropped
// by .dockerignore, and the image serving the web client it builds.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';

const root = new URL('../../', import.meta.url);
const dockerfile = readFileSync(new URL('Dockerfile', root), 'utf8');
const ignore = readFileSync(new URL('.dockerignore', root), 'utf8').split('\n').map((line) => line.trim()).filter((line) => line && !line.startsWith('#'));
const known = new Set(['FROM', 'WORKDIR', 'COPY', 'ADD', 'RUN', 'ENV', 'ARG', 'USER', 'EXPOSE', 'ENTRYPOINT', 'CMD', 'LABEL', 'HEALTHCHECK', 'VOLUME', 'SHELL', 'STOPSIGNAL', 'ONBUILD']);

/** The instructions, with continuation lines joined and comments dropped: [{ keyword, args, line }]. */
function instructions(text) {
  const result = [];
  let pending = null;
  text.split('\n').forEach((raw, index) => {
    const line = raw.trimEnd();
    if (pending === null && (line.trim() === '' || line.trimStart().startsWith('#'))) return;
    const joined = (pending?.text ?? '') + (pending ? ' ' : '') + line.replace(/\\$/, '').trim();
    const start = pending?.line ?? index + 1;
    if (line.endsWith('\\')) {
      pending = { text: joined, line: start };
      return;
    }
    pending = null;
    const [keyword, ...rest] = joined.split(/\s+/);
    result.push({ keyword, args: rest.join(' '), line: start });
  });
  assert.equal(pending, null, 'the file ends inside a continued line');
  return result;
}

/** Whether .dockerignore drops this path (the last matching pattern wins; `!` brings a path back). */
function ignored(path) {
  let dropped = false;
  for (const pattern of ignore) {
    const negated = pattern.startsWith('!');
    const body = (negated ? pattern.slice(1) : pattern).replace(/\/$/, '');
    const regex = new RegExp(`^${body.split('**').map((part) => part.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*')).join('.*')}(/.*)?$`);
    if (regex.test(path.replace(/\/$/, ''))) dropped = !negated;
  }
  return dropped;
}

const steps = instructions(dockerfile);

test('every instruction is one Docker knows, and JSON forms parse', () => {
  for (const { keyword, args, line } of steps) {
    assert.ok(known.has(keyword), `line ${line}: ${keyword} is not a Dockerfile instruction`);
    if ((keyword === 'ENTRYPOINT' || keyword === 'CMD') && args.startsWith('[')) assert.doesNotThrow(() => JSON.parse(args), `line ${line}`);
  }
  assert.equal(steps[0].keyword, 'FROM');
});

test('every stage is named once, and --from names a stage made before it', () => {
  const stages = [];
  for (const { keyword, args, line } of steps) {
    if (keyword === 'FROM') {
      const name = args.match(/\sAS\s+(\S+)/i)?.[1];
      if (name) {
        assert.ok(!stages.includes(name), `line ${line}: stage ${name} named twice`);
        stages.push(name);
      }
    }
    const from = args.match(/--from=(\S+)/)?.[1];
    if (keyword === 'COPY' && from) assert.ok(stages.includes(from), `line ${line}: no stage ${from} before it`);
  }
});

test('every file copied from the build context is in the repository and not dropped by .dockerignore', () => {
  const copies = steps.filter(({ keyword, args }) => keyword === 'COPY' && !args.includes('--from='));
  assert.ok(copies.length > 0);
  for (const { args, line } of copies) {
    const sources = args.split(/\s+/).filter((arg) => !arg.startsWith('--')).slice(0, -1);
    for (const source of sources) {
      assert.ok(existsSync(new URL(source, root)), `line ${line}: ${source} does not exist`);
      assert.ok(!ignored(source), `line ${line}: .dockerignore drops ${source}`);
    }
  }
});

test('the image builds the web client and serves it', () => {
  const web = steps.find(({ keyword, args }) => keyword === 'RUN' && /npm run build/.test(args));
  assert.ok(web, 'a stage runs the web client\'s build');
  const copied = steps.find(({ keyword, args }) => keyword === 'COPY' && /--from=\S+\s+\S*web\/dist\s+(\S+)/.test(args));
  assert.ok(copied, 'the final image copies web/dist');
  const target = copied.args.match(/web\/dist\s+(\S+)/)[1].replace(/^\.\//, '/app/').replace(/\/$/, '');
  const env = steps.filter(({ keyword }) => keyword === 'ENV').map(({ args }) => args).join(' ');
  assert.match(env, new RegExp(`WebClient__Directory=${target}(\\s|$)`), 'the API is told where the build is');
});
