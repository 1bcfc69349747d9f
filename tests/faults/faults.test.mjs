// Faults, against real processes: an API killed mid-send, a graceful stop, Postgres restarted under live sockets.
// make test runs this file last, alone: it restarts the Postgres the other suites use.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, execFile } from 'node:child_process';
import { createServer } from 'node:net';
import { promisify } from 'node:util';
import WebSocket from 'ws';
import { createClient } from 'graphql-ws';
import { gql, ok, person, matchedPair, sendMessage } from '../support/friender-api.mjs';

const dll = process.env.FRIENDER_API_DLL;
const contentRoot = process.env.FRIENDER_API_CONTENT_ROOT;
const restartPostgres = process.env.FRIENDER_PG_RESTART;
const replicaA = process.env.FRIENDER_API_URL;
assert.ok(dll && contentRoot && restartPostgres && replicaA, 'run through make test, which sets FRIENDER_API_DLL and friends');

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function freePort() {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => { const { port } = server.address(); server.close(() => resolve(port)); });
  });
}

async function startApi(environment = {}) {
  const port = await freePort();
  const child = spawn('dotnet', [dll, '--urls', `http://127.0.0.1:${port}`, '--contentRoot', contentRoot], {
    env: { ...process.env, Startup__Migrate: 'false', ...environment }, stdio: 'ignore',
  });
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  const url = `http://127.0.0.1:${port}`;
  for (let attempt = 0; attempt < 150; attempt++) {
    try { if ((await fetch(`${url}/readyz`)).ok) return { url, child, exited }; } catch { /* not yet */ }
    await sleep(200);
  }
  child.kill('SIGKILL');
  throw new Error('the API did not become ready');
}

const send = sendMessage;

async function wholeConversation(base, matchId, token) {
  const bodies = [];
  let before = null;
  do {
    const { conversation } = await ok(base,
      'query ($m: ID!, $before: String) { conversation(matchId: $m, last: 100, before: $before) { nodes { body } pageInfo { hasPreviousPage startCursor } } }',
      { m: matchId, before }, token);
    bodies.unshift(...conversation.nodes.map((node) => node.body));
    before = conversation.pageInfo.hasPreviousPage ? conversation.pageInfo.startCursor : null;
  } while (before);
  return bodies;
}

function socket(base, who) {
  const received = [];
  let closed;
  const client = createClient({
    url: `${base.replace(/^http/, 'ws')}/graphql`,
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Bearer ${who.token}` },
    retryAttempts: 0,
    on: { closed: (event) => { closed = event; } },
  });
  const connected = new Promise((resolve) => client.on('connected', resolve));
  client.subscribe({ query: 'subscription { messageReceived { body } }' },
    { next: ({ data }) => received.push(data.messageReceived.body), error: () => {}, complete: () => {} });
  return { received, connected: () => connected.then(() => sleep(500)), closedEvent: () => closed, dispose: () => client.dispose() };
}

test('SIGKILL while messages are being sent: every acknowledged message is in the conversation exactly once', async () => {
  const { a, matchId } = await matchedPair(replicaA, 'ana', 'ben');
  const api = await startApi();
  const acknowledged = [];
  let killed = false;
  const sender = async (lane) => {
    for (let index = 0; !killed; index++) {
      const body = `lane ${lane} message ${index}`;
      try {
        const result = await gql(api.url, send, { matchId, body }, a.token);
        if (result.data?.sendMessage) acknowledged.push(body);
      } catch { /* the connection died with the process: not acknowledged */ }
    }
  };

  const lanes = [0, 1, 2, 3].map(sender);
  const deadline = Date.now() + 30000;
  while (acknowledged.length < 40 && Date.now() < deadline) await sleep(10);
  api.child.kill('SIGKILL');
  killed = true;
  await Promise.all(lanes);
  await api.exited;

  const restarted = await startApi();
  const stored = await wholeConversation(restarted.url, matchId, a.token);
  restarted.child.kill('SIGKILL');
  await restarted.exited;

  assert.ok(acknowledged.length >= 40, `${acknowledged.length} messages were acknowledged before the kill`);
  for (const body of acknowledged) assert.equal(stored.filter((b) => b === body).length, 1, `${body} once`);
  assert.equal(new Set(stored).size, stored.length, 'no message stored twice');
});

test('SIGTERM under load: requests in flight are answered, open sockets are closed with 1001, and the process exits promptly', async () => {
  const who = await person(replicaA, 'cy', '10001');
  const api = await startApi();
  const live = socket(api.url, who);
  await live.connected();
  // Sign-ups hash a password for a few hundred milliseconds each: they are still running when the signal lands.
  const inFlight = Array.from({ length: 8 }, (_, index) => gql(api.url,
    'mutation ($input: SignUpInput!) { signUp(input: $input) { accessToken } }',
    { input: { username: `sigterm_${index}_${Date.now() % 100000}`, email: `sigterm_${index}_${Date.now()}@example.com`, password: 'long enough password' } }));
  await sleep(50);

  const stopping = Date.now();
  api.child.kill('SIGTERM');
  const answers = await Promise.all(inFlight.map((request) => request.catch((error) => ({ failed: String(error) }))));
  const { code } = await api.exited;
  const tookMs = Date.now() - stopping;
  await sleep(100);

  assert.deepEqual(answers.filter((answer) => !answer.data?.signUp?.accessToken), [], 'every request in flight was answered');
  assert.equal(live.closedEvent()?.code, 1001);
  assert.equal(code, 0);
  assert.ok(tookMs < 10000, `stopped in ${tookMs} ms`);
  await live.dispose();
});

test('Postgres restarted under live subscriptions: sending recovers by itself and old sockets keep delivering', async () => {
  const { a, b, matchId } = await matchedPair(replicaA, 'ana', 'ben');
  const live = socket(replicaA, b);
  await live.connected();
  await ok(replicaA, send, { matchId, body: 'before the restart' }, a.token);
  for (let attempt = 0; attempt < 50 && live.received.length === 0; attempt++) await sleep(100);
  assert.deepEqual(live.received, ['before the restart']);

  await promisify(execFile)('bash', ['-c', restartPostgres]);
  const restartedAt = Date.now();

  let firstSent;
  for (let index = 0; Date.now() - restartedAt < 30000; index++) {
    const result = await gql(replicaA, send, { matchId, body: `after ${index}` }, a.token).catch(() => ({}));
    if (result.data?.sendMessage) firstSent ??= Date.now();
    if (live.received.some((body) => body.startsWith('after'))) break;
    await sleep(200);
  }

  assert.ok(firstSent, 'a message was accepted after the restart');
  assert.ok(firstSent - restartedAt < 10000, `sending recovered after ${firstSent - restartedAt} ms`);
  assert.ok(live.received.some((body) => body.startsWith('after')), 'the socket opened before the restart heard a message sent after it');
  assert.equal(live.closedEvent(), undefined);
  await live.dispose();
});

test('after a Postgres restart, the API answers every request as soon as Postgres does, with no stale pooled connection', async () => {
  const people = [];
  for (let index = 0; index < 4; index++) people.push(await person(replicaA, `pool${index}`));
  // Fill the pool with idle connections that the restart will leave dead.
  await Promise.all(Array.from({ length: 40 }, (_, index) => ok(replicaA, '{ me { id } }', {}, people[index % people.length].token)));

  await promisify(execFile)('bash', ['-c', restartPostgres]);

  const answers = await Promise.all(Array.from({ length: 40 }, (_, index) =>
    gql(replicaA, '{ me { id } }', {}, people[index % people.length].token).catch((error) => ({ errors: [{ message: String(error) }] }))));
  const failed = answers.filter((answer) => answer.errors).map((answer) => answer.errors[0].extensions?.code ?? answer.errors[0].message);
  assert.deepEqual(failed, []);
});

test('requests sent while Postgres restarts are answered once it is back: reads, and sends even when cut off mid-flight', async () => {
  const { a, b, matchId } = await matchedPair(replicaA, 'rita', 'sam');
  const restarting = promisify(execFile)('bash', ['-c', restartPostgres]);
  let done = false;
  restarting.finally(() => { done = true; });
  const answers = [];
  // Four clients, each one request after another, from before Postgres stops until after it is back.
  await Promise.all(Array.from({ length: 4 }, async (_, client) => {
    for (let index = 0; !done || index < 5; index++) {
      const [query, variables, token] = index % 2 === 0
        ? ['query ($m: ID!) { conversation(matchId: $m, last: 5) { nodes { id } } }', { m: matchId }, b.token]
        : [send, { matchId, body: `during ${client}.${index}` }, a.token];
      const started = Date.now();
      const answer = await gql(replicaA, query, variables, token).catch((error) => ({ errors: [{ message: String(error) }] }));
      answers.push({ write: index % 2 === 1, body: variables.body, ms: Date.now() - started, code: answer.errors?.[0]?.extensions?.code ?? (answer.errors ? answer.errors[0].message : undefined) });
    }
  }));
  await restarting;

  const failedReads = answers.filter((answer) => !answer.write && answer.code);
  const failedWrites = answers.filter((answer) => answer.write && answer.code);
  const slowest = Math.max(...answers.map((answer) => answer.ms));
  console.log(`${answers.length} requests across the restart: ${failedReads.length} reads and ${failedWrites.length} writes failed, the slowest took ${slowest} ms`);
  assert.deepEqual(failedReads, []);
  // A send cut off mid-flight may have committed: it runs again with the same message id, which finds it.
  assert.deepEqual(failedWrites, []);
  const bodies = await wholeConversation(replicaA, matchId, a.token);
  const acknowledged = answers.filter((answer) => answer.write).map((answer) => answer.body);
  assert.deepEqual(bodies.filter((body) => body.startsWith('during')).sort(), [...acknowledged].sort(), 'every send stored exactly once');
});

test('SIGTERM behind a balancer: not ready at once, still serving for the drain delay, then a clean exit', async () => {
  const api = await startApi({ Shutdown__DrainDelay: '00:00:03' });
  assert.equal((await fetch(`${api.url}/readyz/balancer`)).status, 200);

  const stopping = Date.now();
  api.child.kill('SIGTERM');
  let notReadyAfter;
  for (let attempt = 0; attempt < 40 && notReadyAfter === undefined; attempt++) {
    if ((await fetch(`${api.url}/readyz/balancer`)).status === 503) notReadyAfter = Date.now() - stopping;
    else await sleep(25);
  }
  const served = await gql(api.url, '{ __typename }');
  const upgrade = await new Promise((resolve) => {
    const refused = new WebSocket(`${api.url.replace(/^http/, 'ws')}/graphql`, 'graphql-transport-ws');
    refused.on('unexpected-response', (_, response) => resolve(response.statusCode));
    refused.on('open', () => { refused.close(); resolve('opened'); });
    refused.on('error', () => {});
  });
  const { code } = await api.exited;
  const tookMs = Date.now() - stopping;

  assert.ok(notReadyAfter !== undefined && notReadyAfter < 1000, `not ready ${notReadyAfter} ms after SIGTERM`);
  assert.equal(served.data?.__typename, 'Query', 'requests are still answered while draining');
  assert.equal(upgrade, 503, 'new sockets are refused while draining');
  assert.equal(code, 0);
  assert.ok(tookMs >= 3000 && tookMs < 15000, `stopped after ${tookMs} ms`);
});
