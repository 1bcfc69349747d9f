// Chat the way a client does it: HTTP for mutations, the graphql-ws client for live events, across two API replicas.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import WebSocket from 'ws';
import { createClient } from 'graphql-ws';
import { gql, ok, person as createPerson, matchedPair as createPair, swipeYes, sendMessage } from '../support/friender-api.mjs';

const replicaA = process.env.FRIENDER_API_URL ?? 'http://localhost:5000';
// make test starts a second replica on the same database; it issues access tokens that live a few seconds.
const replicaB = process.env.FRIENDER_API_URL_B ?? replicaA;

const person = (name, zipCode = '10001', base = replicaA) => createPerson(base, name, zipCode);
const matchedPair = (one, two) => createPair(replicaA, one, two);
const swipe = swipeYes;
const send = sendMessage;

/** A live subscription: events are queued as they arrive; next() waits for one, or fails after a while. */
function subscribe(base, who, query) {
  const events = [];
  const waiting = [];
  let closed;
  const client = createClient({
    url: `${base.replace(/^http/, 'ws')}/graphql`,
    webSocketImpl: WebSocket,
    connectionParams: () => ({ authorization: `Bearer ${who.token}` }),
    retryAttempts: 0,
    on: { closed: (event) => { closed = event; waiting.splice(0).forEach((w) => w.resolve(undefined)); } },
  });
  const acknowledged = new Promise((resolve) => client.on('connected', resolve));
  const dispose = client.subscribe({ query }, {
    next: (value) => { const w = waiting.shift(); if (w) w.resolve(value); else events.push(value); },
    error: () => {},
    complete: () => {},
  });
  return {
    // The server registers a subscription on its own task after the subscribe message: give it a moment on a busy machine.
    ready: () => acknowledged.then(() => new Promise((resolve) => setTimeout(resolve, 500))),
    // Generous: the first delivery on a replica that just started compiles its whole path, on a machine running every suite.
    next(timeoutMs = 15000) {
      if (events.length > 0) return Promise.resolve(events.shift());
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no event for ${who.name} within ${timeoutMs} ms`)), timeoutMs);
        waiting.push({ resolve: (value) => { clearTimeout(timer); resolve(value); } });
      });
    },
    closedEvent: () => closed,
    async close() { dispose(); await client.dispose(); },
  };
}

test('a message sent through one replica reaches a subscriber on the other', async () => {
  const { a, b, matchId } = await matchedPair('ana', 'ben');
  // With the cursor read first, the message reaches Ben even if a busy replica registers his subscription only after
  // it was sent (without one, a subscription starts from whatever is latest when it registers).
  const { liveCursor } = await ok(replicaB, '{ liveCursor }', {}, b.token);
  const atBen = subscribe(replicaB, b, `subscription { messageReceived(after: "${liveCursor}") { matchId body sender { id displayName } } }`);
  await atBen.ready();

  let data;
  try {
    await ok(replicaA, send, { matchId, body: 'hello across replicas' }, a.token);
    ({ data } = await atBen.next());
  } finally {
    // An open socket would keep this file's process, and so the whole suite, from ending.
    await atBen.close();
  }
  assert.deepEqual(data.messageReceived, { matchId, body: 'hello across replicas', sender: { id: a.id, displayName: 'ana' } });
});

test('a client that was away resumes on the other replica with its cursor: what it missed, in order and once, then live', async () => {
  const { a, b, matchId } = await matchedPair('ida', 'jon');
  const { liveCursor } = await ok(replicaA, '{ liveCursor }', {}, b.token);
  const first = subscribe(replicaA, b, `subscription { messageReceived(after: "${liveCursor}") { body } }`);
  await first.ready();
  await ok(replicaA, send, { matchId, body: 'seen 1' }, a.token);
  await ok(replicaA, send, { matchId, body: 'seen 2' }, a.token);
  const seen = [await first.next(), await first.next()];
  await first.close();

  for (const body of ['missed 1', 'missed 2', 'missed 3']) await ok(replicaA, send, { matchId, body }, a.token);
  const cursor = seen[1].extensions.cursor;
  const resumed = subscribe(replicaB, b, `subscription { messageReceived(after: "${cursor}") { body } }`);
  await resumed.ready();
  await ok(replicaA, send, { matchId, body: 'live' }, a.token);
  const after = [];
  for (let i = 0; i < 4; i++) after.push(await resumed.next());
  const extra = await resumed.next(1000).catch(() => undefined);
  await resumed.close();

  assert.deepEqual(seen.map((e) => e.data.messageReceived.body), ['seen 1', 'seen 2']);
  assert.deepEqual(after.map((e) => e.data.messageReceived.body), ['missed 1', 'missed 2', 'missed 3', 'live']);
  assert.equal(extra, undefined, 'nothing is sent twice');
  assert.equal(new Set([...seen, ...after].map((e) => e.extensions.cursor)).size, 6);
});

test('a cursor older than what is kept is refused with RESYNC_REQUIRED, a made-up one with BAD_USER_INPUT', async () => {
  const who = await person('kit');
  const { liveCursor } = await ok(replicaA, '{ liveCursor }', {}, who.token);
  const raw = Buffer.from(liveCursor, 'base64url').toString().split(':');
  const fromTheFuture = Buffer.from(`${raw[0]}:999999:${raw[2]}`).toString('base64url');
  const future = subscribe(replicaB, who, `subscription { matchCreated(after: "${fromTheFuture}") { id } }`);
  const madeUp = subscribe(replicaB, who, 'subscription { matchCreated(after: "bm90IGEgY3Vyc29y") { id } }');

  const [refused, bad] = [await future.next(), await madeUp.next()];
  await future.close();
  await madeUp.close();

  assert.equal(refused.data, null);
  assert.equal(refused.errors[0].extensions.code, 'RESYNC_REQUIRED');
  assert.equal(bad.errors[0].extensions.code, 'BAD_USER_INPUT');
});

test('a conversation pages backwards and the matches list shows the last message and unread count', async () => {
  const { a, b, matchId } = await matchedPair('cara', 'dan');
  for (const body of ['one', 'two', 'three']) await ok(replicaA, send, { matchId, body }, a.token);

  const page = 'query ($m: ID!, $before: String) { conversation(matchId: $m, last: 2, before: $before) { nodes { body } pageInfo { hasPreviousPage startCursor } } }';
  const newest = (await ok(replicaA, page, { m: matchId }, b.token)).conversation;
  const older = (await ok(replicaA, page, { m: matchId, before: newest.pageInfo.startCursor }, b.token)).conversation;
  const { matches } = await ok(replicaA, '{ matches { nodes { id unreadCount lastMessage { body } } } }', {}, b.token);

  assert.deepEqual(newest.nodes.map((n) => n.body), ['two', 'three']);
  assert.equal(newest.pageInfo.hasPreviousPage, true);
  assert.deepEqual(older.nodes.map((n) => n.body), ['one']);
  assert.equal(older.pageInfo.hasPreviousPage, false);
  assert.deepEqual(matches.nodes[0], { id: matchId, unreadCount: 3, lastMessage: { body: 'three' } });
});

test('nobody outside a match hears its messages, typing or read receipts', async () => {
  const { a, b, matchId } = await matchedPair('eli', 'fay');
  const { a: gus, b: hal, matchId: theirs } = await matchedPair('gus', 'hal');
  const atGus = subscribe(replicaA, gus, 'subscription { messageReceived { body } }');
  const typingAtGus = subscribe(replicaB, gus, 'subscription { typing { matchId } }');
  await Promise.all([atGus.ready(), typingAtGus.ready()]);

  await ok(replicaA, send, { matchId, body: 'private' }, a.token);
  await ok(replicaA, 'mutation ($m: ID!) { setTyping(input: { matchId: $m }) { sent } }', { m: matchId }, b.token);
  const stranger = await gql(replicaA, send, { matchId, body: 'let me in' }, gus.token);
  await ok(replicaA, send, { matchId: theirs, body: 'for gus' }, hal.token);
  await ok(replicaA, 'mutation ($m: ID!) { setTyping(input: { matchId: $m }) { sent } }', { m: theirs }, hal.token);

  assert.equal(stranger.errors[0].extensions.code, 'NOT_FOUND');
  assert.deepEqual((await atGus.next()).data.messageReceived, { body: 'for gus' });
  assert.deepEqual((await typingAtGus.next()).data.typing, { matchId: theirs });
  await atGus.close();
  await typingAtGus.close();
});

test('typing and read receipts reach the other person live', async () => {
  const { a, b, matchId } = await matchedPair('ivy', 'jon');
  const typing = subscribe(replicaB, b, 'subscription { typing { matchId userId } }');
  const receipts = subscribe(replicaA, a, 'subscription { conversationRead { matchId readerId readAt } }');
  await Promise.all([typing.ready(), receipts.ready()]);

  await ok(replicaA, 'mutation ($m: ID!) { setTyping(input: { matchId: $m }) { sent } }', { m: matchId }, a.token);
  await ok(replicaA, send, { matchId, body: 'typed it' }, a.token);
  const { markConversationRead } = await ok(replicaB, 'mutation ($m: ID!) { markConversationRead(input: { matchId: $m }) { readAt markedCount } }', { m: matchId }, b.token);

  assert.deepEqual((await typing.next()).data.typing, { matchId, userId: a.id });
  const receipt = (await receipts.next()).data.conversationRead;
  assert.equal(receipt.readerId, b.id);
  assert.equal(new Date(receipt.readAt).getTime(), new Date(markConversationRead.readAt).getTime());
  assert.equal(markConversationRead.markedCount, 1);
  await typing.close();
  await receipts.close();
});

test('after unmatch, neither person can write, read or hear the conversation, even on sockets opened before', async () => {
  const { a, b, matchId } = await matchedPair('kim', 'lou');
  const { a: other, matchId: stillOpen } = await (async () => {
    const c = await person('max', '10003');
    await ok(replicaA, swipe, { id: b.id }, c.token);
    const { swipe: { match } } = await ok(replicaA, swipe, { id: c.id }, b.token);
    return { a: c, matchId: match.id };
  })();
  const atLou = subscribe(replicaB, b, 'subscription { messageReceived { matchId body } }');
  await atLou.ready();

  await ok(replicaA, 'mutation ($m: ID!) { unmatch(input: { matchId: $m }) { matchId } }', { m: matchId }, a.token);
  const write = await gql(replicaA, send, { matchId, body: 'still there?' }, a.token);
  const read = await gql(replicaA, 'query ($m: ID!) { conversation(matchId: $m) { nodes { body } } }', { m: matchId }, b.token);
  const typing = await gql(replicaA, 'mutation ($m: ID!) { setTyping(input: { matchId: $m }) { sent } }', { m: matchId }, a.token);
  await ok(replicaA, send, { matchId: stillOpen, body: 'from max' }, other.token);

  assert.equal(write.errors[0].extensions.code, 'NOT_MATCHED');
  assert.equal(read.errors[0].extensions.code, 'NOT_MATCHED');
  assert.equal(typing.errors[0].extensions.code, 'NOT_MATCHED');
  assert.deepEqual((await atLou.next()).data.messageReceived, { matchId: stillOpen, body: 'from max' });
  await atLou.close();
});

test('both people hear of a new match live', async () => {
  const a = await person('ned');
  const b = await person('ola', '10003');
  const atA = subscribe(replicaA, a, 'subscription { matchCreated { id user { id displayName } } }');
  const atB = subscribe(replicaB, b, 'subscription { matchCreated { id user { id displayName } } }');
  await Promise.all([atA.ready(), atB.ready()]);

  await ok(replicaA, swipe, { id: b.id }, a.token);
  const { swipe: { match } } = await ok(replicaA, swipe, { id: a.id }, b.token);

  assert.deepEqual((await atA.next()).data.matchCreated, { id: match.id, user: { id: b.id, displayName: 'ola' } });
  assert.deepEqual((await atB.next()).data.matchCreated, { id: match.id, user: { id: a.id, displayName: 'ned' } });
  await atA.close();
  await atB.close();
});

test('a socket closes with 4403 when its access token is revoked by logOut on another replica', async () => {
  const who = await person('pia');
  const live = subscribe(replicaB, who, 'subscription { messageReceived { body } }');
  await live.ready();

  await ok(replicaA, 'mutation ($t: String!) { logOut(input: { refreshToken: $t }) { loggedOut } }', { t: who.refreshToken }, who.token);

  await live.next(5000).catch(() => {});
  assert.equal(live.closedEvent()?.code, 4403);
  await live.close();
});

test('an access token logged out on one replica is refused by the other, which checks tokens from memory', async () => {
  const who = await person('rio');
  assert.equal((await ok(replicaB, '{ me { id } }', {}, who.token)).me.id, who.id);

  await ok(replicaA, 'mutation ($t: String!) { logOut(input: { refreshToken: $t }) { loggedOut } }', { t: who.refreshToken }, who.token);

  // The revocation travels as a NOTIFY sent in the transaction that stored it: a few milliseconds.
  let me = who.id;
  for (let attempt = 0; attempt < 20 && me !== null; attempt++) {
    me = (await ok(replicaB, '{ me { id } }', {}, who.token)).me;
    if (me !== null) await new Promise((resolve) => setTimeout(resolve, 50));
  }
  assert.equal(me, null);
});

test('a socket closes with 4403 when its access token expires, and a client reconnects with a fresh token', async () => {
  const who = await person('quinn', '10001', replicaB);
  const live = subscribe(replicaA, who, 'subscription { messageReceived { body } }');
  await live.ready();

  const deadline = Date.now() + 15000;
  while (!live.closedEvent() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 200));
  assert.equal(live.closedEvent()?.code, 4403);
  await live.close();

  const { refreshToken } = await ok(replicaA,
    'mutation ($t: String!) { refreshToken(input: { refreshToken: $t }) { accessToken refreshToken } }', { t: who.refreshToken });
  who.token = refreshToken.accessToken;
  const again = subscribe(replicaA, who, '{ me { id } }');
  assert.equal((await again.next()).data.me.id, who.id);
  await again.close();
});
