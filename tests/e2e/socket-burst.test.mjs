// A burst of sockets on one replica: 1,000 connection_init at once (20 people, 50 each, the per-person cap), each
// checking its token against Postgres. Before the pool was sized to fit Postgres, a few were aborted (1006) because
// Postgres refused connections (53300) and the failure escaped the socket.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import WebSocket from 'ws';
import { person } from '../support/friender-api.mjs';

const base = process.env.FRIENDER_API_URL ?? 'http://localhost:5000';
const wsUrl = `${base.replace(/^http/, 'ws')}/graphql`;

/** Opens a socket, sends connection_init with the token, and resolves with 'ack' or the close code it got instead. */
function initialise(token) {
  return new Promise((resolve) => {
    const socket = new WebSocket(wsUrl, 'graphql-transport-ws');
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

test('1,000 sockets opening at once on one replica are all acknowledged', async () => {
  const people = [];
  for (let index = 0; index < 20; index++) people.push(await person(base, `burst${index}`));

  const answers = await Promise.all(people.flatMap(({ token }) => Array.from({ length: 50 }, () => initialise(token))));

  const counted = {};
  for (const answer of answers) counted[answer] = (counted[answer] ?? 0) + 1;
  assert.deepEqual(counted, { ack: 1000 });
});
