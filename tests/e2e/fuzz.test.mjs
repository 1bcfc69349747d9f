// A schema-driven fuzzer: 10,000+ documents and variable sets built from the live schema (valid shapes with hostile
// values, wrong types, nulls, broken syntax), sent over HTTP as a hostile or clumsy client would. No answer may be a 5xx,
// carry INTERNAL, or show a stack trace, and the server must answer normally afterwards. Seeded, so a failure repeats:
// FRIENDER_FUZZ_SEED=<n> reruns one sequence, FRIENDER_FUZZ_COUNT=<n> changes its length.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  buildClientSchema, getIntrospectionQuery, getNamedType, getNullableType, isEnumType, isInputObjectType, isLeafType,
  isListType, isNonNullType, isObjectType, isScalarType,
} from 'graphql';
import { ok, person } from '../support/friender-api.mjs';

const base = process.env.FRIENDER_API_URL ?? 'http://localhost:5000';
const seed = Number(process.env.FRIENDER_FUZZ_SEED ?? 20261129);
const count = Number(process.env.FRIENDER_FUZZ_COUNT ?? 10000);
const concurrency = 8;

/** mulberry32: small, fast and reproducible. */
function random(state) {
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const hostileStrings = [
  '', ' ', 'a', 'x'.repeat(10_001), 'é'.repeat(3000), '\u0000', 'nul\u0000inside', '\u001b[31mred', 'line\nbreak', 'tab\t',
  '\ud800', '\udfff lone', '😀'.repeat(100), '\u202e\u2066rtl', '\ufeffbom', "'; DROP TABLE users; --", '" OR 1=1 --',
  '<script>alert(1)</script>', '../../etc/passwd', '%00', '${jndi:ldap://x}', '{{7*7}}', '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff', 'not-a-uuid', 'dXNlcnMvMQ==', 'bWF0Y2g6Li4u', '-1', '1e309', 'NaN', 'null', 'true',
  '12345', '99999', '1000000000000', 'A'.repeat(300), 'a@b', '@', 'a@example.com', 'friender-demo', '\\', '\\u0000',
];
const hostileNumbers = [0, -1, 1, 2, 20, 50, 51, 100, 101, 2 ** 31 - 1, 2 ** 31, -(2 ** 31), 2 ** 53, -0.5, 1.5, 1e308];

function pick(next, list) {
  return list[Math.floor(next() * list.length)];
}

/** A value for an input type: usually of the right shape with a hostile content, sometimes of the wrong shape. */
function valueFor(next, type, depth = 0) {
  if (next() < 0.04) return pick(next, [null, 'x', 7, true, [], {}, [[[]]]]);
  if (isNonNullType(type)) return valueFor(next, type.ofType, depth);
  if (isListType(type)) {
    const length = pick(next, [0, 1, 2, 3, 25, 60]);
    return Array.from({ length: depth > 2 ? 1 : length }, () => valueFor(next, type.ofType, depth + 1));
  }
  if (isEnumType(type)) return next() < 0.9 ? pick(next, type.getValues()).name : pick(next, ['MAYBE', 'yes', '']);
  if (isInputObjectType(type)) {
    const fields = Object.values(type.getFields());
    const value = {};
    for (const field of fields) if (next() < 0.93) value[field.name] = valueFor(next, field.type, depth + 1);
    if (next() < 0.05) value.unexpectedField = 'x';
    return value;
  }
  if (isScalarType(type)) {
    switch (type.name) {
      case 'Int': return pick(next, hostileNumbers);
      case 'Float': return pick(next, hostileNumbers);
      case 'Boolean': return next() < 0.8 ? next() < 0.5 : pick(next, ['true', 0]);
      default: return pick(next, hostileStrings);
    }
  }
  return null;
}

/** A selection of a type's fields: leaves, and objects down to a small depth. */
function selectionFor(next, type, depth) {
  const named = getNamedType(type);
  if (isLeafType(named)) return '';
  if (!isObjectType(named) || depth > 3) return '{ __typename }';
  const fields = Object.values(named.getFields()).filter((field) => field.args.every((arg) => !isNonNullType(arg.type)));
  const chosen = fields.filter(() => next() < 0.6);
  const parts = (chosen.length ? chosen : fields.slice(0, 1)).map((field) => `${field.name} ${selectionFor(next, field.type, depth + 1)}`);
  return `{ ${parts.join(' ')} }`;
}

/** One operation on a root field, its arguments passed as variables (or, sometimes, written inline). */
function operationFor(next, kind, field) {
  const variables = {};
  const definitions = [];
  const args = field.args.map((arg) => {
    const value = valueFor(next, arg.type);
    if (next() < 0.15 && (typeof value === 'string' || typeof value === 'number')) return `${arg.name}: ${JSON.stringify(value)}`;
    definitions.push(`$${arg.name}: ${arg.type}`);
    variables[arg.name] = value;
    return `${arg.name}: $${arg.name}`;
  });
  const head = definitions.length ? `${kind} Fuzz(${definitions.join(', ')})` : kind;
  const call = args.length ? `${field.name}(${args.join(', ')})` : field.name;
  return { query: `${head} { ${call} ${selectionFor(next, field.type, 1)} }`, variables };
}

/** Breaks a valid document: a character dropped, doubled or replaced, a brace unbalanced, a stray token. */
function mutate(next, query) {
  const at = Math.floor(next() * query.length);
  switch (Math.floor(next() * 6)) {
    case 0: return query.slice(0, at) + query.slice(at + 1);
    case 1: return query.slice(0, at) + query[at] + query.slice(at);
    case 2: return query.slice(0, at) + pick(next, ['{', '}', '(', ')', '$', '"', '\\', '@', '...', '#', '\u0000', '\ud800', ':', '!', '[']) + query.slice(at + 1);
    case 3: return query + '}'.repeat(1 + Math.floor(next() * 3));
    case 4: return '{'.repeat(Math.floor(next() * 80)) + query;
    default: return query.slice(0, at);
  }
}

async function send(request, token) {
  const response = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: typeof request === 'string' ? request : JSON.stringify(request),
  });
  return { status: response.status, text: await response.text() };
}

test(`${count} generated and mutated documents: no 5xx, no INTERNAL, no stack trace, and the server still answers`, { timeout: 600_000 }, async () => {
  const next = random(seed);
  const fuzzer = await person(base, 'fuzzer');
  const { __schema } = await ok(base, getIntrospectionQuery());
  const schema = buildClientSchema({ __schema });
  const roots = [['query', schema.getQueryType()], ['mutation', schema.getMutationType()], ['subscription', schema.getSubscriptionType()]]
    .filter(([, type]) => type)
    .flatMap(([kind, type]) => Object.values(type.getFields()).map((field) => [kind, field]))
    // It would end the fuzzer's own account half-way (AccountLifecycleTests covers it).
    .filter(([, field]) => field.name !== 'deleteAccount');

  // Generated up front, so the sequence depends on the seed alone, not on which answer came back first.
  const kinds = { generated: 0, mutated: 0, rawJson: 0 };
  const requests = Array.from({ length: count }, () => {
    const [kind, field] = pick(next, roots);
    let request = operationFor(next, kind, field);
    const roll = next();
    if (roll < 0.25) {
      request = { query: mutate(next, request.query), variables: request.variables };
      kinds.mutated++;
    } else if (roll < 0.3) {
      const json = JSON.stringify(request);
      request = json.slice(0, Math.floor(next() * json.length)) + pick(next, ['', '\\ud800"', '\u0000', ']', '{"query":1}']);
      kinds.rawJson++;
    } else {
      kinds.generated++;
    }
    return { request, token: next() < 0.85 ? fuzzer.token : undefined };
  });

  const failures = [];
  let sent = 0;
  async function worker() {
    while (sent < requests.length) {
      const { request, token } = requests[sent++];
      const { status, text } = await send(request, token);
      const internal = text.includes('"INTERNAL"');
      const trace = /\bat [A-Z][\w.]+\(|Exception|StackTrace|   at /.test(text);
      if (status >= 500 || internal || trace) {
        failures.push({ status, request: typeof request === 'string' ? request.slice(0, 400) : { query: request.query.slice(0, 400), variables: JSON.stringify(request.variables).slice(0, 400) }, answer: text.slice(0, 400) });
      }
    }
  }
  await Promise.all(Array.from({ length: concurrency }, worker));

  assert.ok(sent >= count, `sent ${sent}`);
  assert.ok(kinds.generated > count / 2 && kinds.mutated > count / 10, JSON.stringify(kinds));
  assert.deepEqual(failures.slice(0, 5), [], `${failures.length} of ${sent} documents failed (seed ${seed})`);
  const ready = await fetch(`${base}/readyz`);
  assert.equal(ready.status, 200);
  assert.equal((await ok(base, '{ me { id } }', undefined, fuzzer.token)).me.id, fuzzer.id);
});
