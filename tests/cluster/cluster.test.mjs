// The cluster as make cluster runs it (HAProxy, three replicas, PgBouncer, a primary and a standby, Redis), started
// by make test on free ports: sockets through the balancer, limits that hold once across replicas, a replica killed
// under a chatting person, Redis restarted under load.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import WebSocket from 'ws';
import { createClient } from 'graphql-ws';
import { gql, ok, person, matchedPair, sendMessage } from '../support/friender-api.mjs';

const balancer = process.env.FRIENDER_CLUSTER_URL;
const clusterDir = process.env.FRIENDER_CLUSTER_DIR;
const replicas = (process.env.FRIENDER_CLUSTER_REPLICAS ?? '').split(' ').filter(Boolean).map((port) => ({ port, url: `http://127.0.0.1:${port}` }));
const restartRedis = process.env.FRIENDER_CLUSTER_REDIS_RESTART;
const failover = process.env.FRIENDER_CLUSTER_FAILOVER;
const standbyPort = process.env.FRIENDER_CLUSTER_STANDBY_PORT;
assert.ok(balancer && clusterDir && replicas.length === 3 && restartRedis && failover && standbyPort, 'run through make test, which starts the cluster');

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const wsUrl = (base) => `${base.replace(/^http/, 'ws')}/graphql`;
const updateProfile = 'mutation ($input: UpdateProfileInput!) { updateProfile(input: $input) { profile { displayName } } }';
const profile = (displayName) => ({ input: { displayName, bio: null, hobbies: ['chess'], interests: ['jazz'], zipCode: '10001', friendRadiusMiles: 25 } });

/** Opens a socket, sends connection_init with the token, and resolves with 'ack' or the close code it got instead. */
function initialise(base, token) {
  return new Promise((resolve) => {
    const socket = new WebSocket(wsUrl(base), 'graphql-transport-ws');
    let answer;
    socket.on('open', () => socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${token}` } })));
    socket.on('message', (data) => {
      if (JSON.parse(data).type === 'connection_ack') {
        answer = 'ack';
        socket.close(1000);
      }
    });
    socket.on('close', (code) => resolve(answer ?? code));
    socket.on('error', () => {});
  });
}

/**
 * A client as a browser runs it: subscribed to messageReceived after a cursor; when its socket dies it connects again
 * through the balancer and subscribes after the last cursor it saw. received holds the bodies, in order.
 */
function follow(firstUrl, who, cursor) {
  const received = [];
  let stopped = false;
  let current;
  const connect = (url) => {
    const client = createClient({ url, webSocketImpl: WebSocket, connectionParams: () => ({ authorization: `Bearer ${who.token}` }), retryAttempts: 0 });
    current = client;
    client.subscribe({ query: 'subscription ($after: String) { messageReceived(after: $after) { body } }', variables: { after: cursor } }, {
      next: ({ data, extensions }) => { received.push(data.messageReceived.body); cursor = extensions.cursor; },
      error: () => { client.dispose(); if (!stopped) setTimeout(() => connect(wsUrl(balancer)), 250); },
      complete: () => {},
    });
  };
  connect(firstUrl);
  return { received, async stop() { stopped = true; await current.dispose(); } };
}

/** Runs one statement on the standby as the API's user and returns what it prints. */
async function onStandby(sql) {
  const { stdout } = await promisify(execFile)('psql', ['-h', '127.0.0.1', '-p', standbyPort, '-U', 'friender', '-d', 'friender', '-tAc', sql],
    { env: { ...process.env, PGPASSWORD: 'friender' } });
  return stdout.trim();
}

test('1,000 sockets opening at once through HAProxy are all acknowledged', async () => {
  const people = [];
  for (let index = 0; index < 20; index++) people.push(await person(balancer, `burst${index}`));

  const answers = await Promise.all(people.flatMap(({ token }) => Array.from({ length: 50 }, () => initialise(balancer, token))));

  const counted = {};
  for (const answer of answers) counted[answer] = (counted[answer] ?? 0) + 1;
  assert.deepEqual(counted, { ack: 1000 });
});

test('a script spread over the three replicas gets one rate limit, not three', async () => {
  const who = await person(balancer, 'script');
  // make test starts the cluster with updateProfile limited to 6 an hour per person; person() used one.
  const answers = [];
  for (let round = 0; round < 3; round++) {
    for (const replica of replicas) answers.push(await gql(replica.url, updateProfile, profile(`try ${answers.length}`), who.token));
  }

  const codes = answers.map((answer) => answer.errors?.[0]?.extensions?.code ?? 'ok');
  assert.deepEqual(codes, ['ok', 'ok', 'ok', 'ok', 'ok', 'RATE_LIMITED', 'RATE_LIMITED', 'RATE_LIMITED', 'RATE_LIMITED']);
});

test('the replica holding a chatting person\'s socket is killed: the client reconnects through HAProxy with its cursor and every acknowledged message arrives once', async () => {
  const { a, b, matchId } = await matchedPair(balancer, 'tess', 'uma');
  const { liveCursor } = await ok(balancer, '{ liveCursor }', {}, b.token);
  const victim = replicas[0];
  const follower = follow(wsUrl(victim.url), b, liveCursor);
  const { received } = follower;
  await sleep(500);

  const acknowledged = [];
  const sending = (async () => {
    for (let index = 0; index < 60; index++) {
      const answer = await gql(balancer, sendMessage, { matchId, body: `m${index}` }, a.token).catch(() => ({}));
      if (answer.data?.sendMessage) acknowledged.push(`m${index}`);
      await sleep(50);
    }
  })();
  await sleep(800);
  process.kill(Number(readFileSync(`${clusterDir}/api-${victim.port}.pid`, 'utf8')), 'SIGKILL');
  await sending;
  for (let attempt = 0; attempt < 150 && acknowledged.some((body) => !received.includes(body)); attempt++) await sleep(100);
  await follower.stop();

  assert.ok(acknowledged.length >= 50, `only ${acknowledged.length} of 60 sends were acknowledged`);
  const missing = acknowledged.filter((body) => !received.includes(body));
  const repeated = received.filter((body, index) => received.indexOf(body) !== index);
  assert.deepEqual(missing, [], 'every acknowledged message arrived');
  assert.deepEqual(repeated, [], 'none twice');
});

test('Redis restarted under load: no request fails, and limits are shared again once it is back', async () => {
  const { a, matchId } = await matchedPair(balancer, 'vera', 'walt');
  let stop = false;
  const answers = [];
  const load = (async () => {
    for (let index = 0; !stop; index++) {
      // The two replicas still running (the test before killed the first).
      const answer = await gql(replicas[1 + (index % 2)].url, sendMessage, { matchId, body: `r${index}` }, a.token).catch((error) => ({ errors: [{ message: String(error) }] }));
      answers.push(answer.errors?.[0]?.extensions?.code ?? answer.errors?.[0]?.message ?? 'ok');
      await sleep(20);
    }
  })();
  await sleep(300);
  await promisify(execFile)('bash', ['-c', restartRedis]);
  await sleep(3000);
  stop = true;
  await load;

  const who = await person(balancer, 'after_redis');
  const codes = [];
  for (let round = 0; round < 3; round++) {
    for (const replica of replicas.slice(1)) codes.push((await gql(replica.url, updateProfile, profile(`r ${codes.length}`), who.token)).errors?.[0]?.extensions?.code ?? 'ok');
  }

  assert.deepEqual([...new Set(answers)], ['ok'], `answers during the restart: ${JSON.stringify(answers.filter((answer) => answer !== 'ok'))}`);
  assert.deepEqual(codes, ['ok', 'ok', 'ok', 'ok', 'ok', 'RATE_LIMITED']);
});

test('discovery walks the standby, made to lag 2 s, yet someone just answered is never shown again and a saved profile is what me shows', async () => {
  const viewer = await person(balancer, 'zoe');
  const others = [];
  for (let index = 0; index < 3; index++) others.push(await person(balancer, `near${index}`));
  await sleep(2500);
  const discover = '{ discover(first: 50) { nodes { id } } }';
  const before = (await ok(balancer, discover, {}, viewer.token)).discover.nodes.map((node) => node.id);

  await ok(balancer, 'mutation ($id: ID!) { swipe(input: { userId: $id, decision: NO }) { match { id } } }', { id: others[0].id }, viewer.token);
  const after = (await ok(balancer, discover, {}, viewer.token)).discover.nodes.map((node) => node.id);
  await ok(balancer, updateProfile, profile('zoe renamed'), viewer.token);
  const { me } = await ok(balancer, '{ me { profile { displayName } } }', {}, viewer.token);
  const standbyReaders = await onStandby("SELECT count(*) FROM pg_stat_activity WHERE application_name = 'friender-standby-reads'");

  assert.ok(others.every((other) => before.includes(other.id)), 'the standby caught up and showed everyone nearby');
  assert.ok(!after.includes(others[0].id), 'someone just answered is not shown again, though the standby has not seen the answer yet');
  assert.ok(after.includes(others[1].id) && after.includes(others[2].id));
  assert.equal(me.profile.displayName, 'zoe renamed');
  assert.ok(Number(standbyReaders) > 0, 'the replicas hold connections to the standby for discovery');
});

test('older conversation pages come from the standby once it has replayed past them, and are never short while it lags', async () => {
  const { a, b, matchId } = await matchedPair(balancer, 'olga', 'piet');
  for (let index = 0; index < 6; index++) await ok(balancer, sendMessage, { matchId, body: `m${index}` }, a.token);
  const older = async () => {
    const newest = 'query ($m: ID!) { conversation(matchId: $m, last: 2) { pageInfo { startCursor } } }';
    const { startCursor } = (await ok(balancer, newest, { m: matchId }, b.token)).conversation.pageInfo;
    const page = 'query ($m: ID!, $before: String) { conversation(matchId: $m, last: 10, before: $before) { nodes { body readAt } } }';
    return (await ok(balancer, page, { m: matchId, before: startCursor }, b.token)).conversation.nodes;
  };
  const bodies = (nodes) => nodes.map((node) => node.body);

  // The standby lags 2 s: these messages are not there yet, so the page is read on the primary, whole.
  const whileLagging = await older();
  // Settled (10 s after sending, IConversationArchive.SettledAfter) and replayed past (a later write, 2 s of lag).
  await sleep(10500);
  await ok(balancer, sendMessage, { matchId, body: 'later' }, a.token);
  await sleep(2500);
  await ok(balancer, 'mutation ($m: ID!) { markConversationRead(input: { matchId: $m }) { markedCount } }', { m: matchId }, b.token);
  const fromStandby = await older();
  await sleep(3000);
  const caughtUp = await older();

  assert.deepEqual(bodies(whileLagging), ['m0', 'm1', 'm2', 'm3']);
  assert.deepEqual(bodies(fromStandby), ['m0', 'm1', 'm2', 'm3', 'm4']);
  // The one thing lag may hide on an older page, and the proof the standby served it: a read receipt seconds old.
  assert.ok(fromStandby.every((node) => node.readAt === null), 'the page came from the standby, 2 s behind the read receipt');
  assert.ok(caughtUp.every((node) => node.readAt !== null), 'once replayed, the read receipt shows');
});

// Last: it leaves the cluster on the promoted standby, with the old primary stopped.
test('the primary stops and the standby is promoted: sending works again within 30 s with no replica restarted, and live events follow', async () => {
  const { a, b, matchId } = await matchedPair(balancer, 'xena', 'yuri');
  const { liveCursor } = await ok(balancer, '{ liveCursor }', {}, b.token);
  const follower = follow(wsUrl(balancer), b, liveCursor);
  const { received } = follower;
  await sleep(500);
  await ok(balancer, sendMessage, { matchId, body: 'before the failover' }, a.token);

  const failingOver = Date.now();
  await promisify(execFile)('bash', ['-c', failover]);
  const answers = [];
  let firstSent;
  for (let index = 0; Date.now() - failingOver < 40000 && firstSent === undefined; index++) {
    const answer = await gql(balancer, sendMessage, { matchId, body: `after ${index}` }, a.token).catch((error) => ({ errors: [{ message: String(error) }] }));
    answers.push(answer.errors?.[0]?.extensions?.code ?? answer.errors?.[0]?.message ?? 'ok');
    if (answer.data?.sendMessage) firstSent = { at: Date.now(), body: `after ${index}` };
    else await sleep(200);
  }
  for (let attempt = 0; attempt < 150 && firstSent && !received.includes(firstSent.body); attempt++) await sleep(100);
  await follower.stop();

  console.log(`failover: sending worked again ${firstSent ? firstSent.at - failingOver : 'never'} ms after make failover started; answers meanwhile: ${JSON.stringify([...new Set(answers)])}`);
  assert.ok(firstSent && firstSent.at - failingOver < 30000, 'sending works again within 30 s');
  assert.ok(!answers.includes('INTERNAL'), 'no request answered INTERNAL');
  // With every replica failing its check, HAProxy sends to them as backups: the API answers, with a code.
  assert.deepEqual(answers.filter((answer) => answer !== 'ok' && answer !== 'DATABASE_UNAVAILABLE'), [], 'every failed send has a GraphQL error code');
  assert.ok(received.includes('before the failover') && received.includes(firstSent.body), `live events before and after: ${JSON.stringify(received)}`);
});
