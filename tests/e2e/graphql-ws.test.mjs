// The graphql-ws client (what Apollo Client, urql and Banana Cake Pop use) against our WebSocket transport.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import WebSocket from 'ws';
import { createClient } from 'graphql-ws';

const base = process.env.FRIENDER_API_URL ?? 'http://localhost:5000';
const wsUrl = `${base.replace(/^http/, 'ws')}/graphql`;

function client(connectionParams) {
  return createClient({ url: wsUrl, webSocketImpl: WebSocket, connectionParams, retryAttempts: 0, lazy: true });
}

async function once(c, query, variables) {
  const { value } = await c.iterate({ query, variables }).next();
  return value;
}

test('queries and mutations run over the socket, authenticated by connection_init', async () => {
  const anonymous = client();
  const username = `ws_${randomBytes(4).toString('hex')}`;
  const signedUp = await once(anonymous,
    'mutation ($input: SignUpInput!) { signUp(input: $input) { accessToken user { id } } }',
    { input: { username, email: `${username}@example.com`, password: 'long enough password' } });
  await anonymous.dispose();

  const { accessToken, user } = signedUp.data.signUp;
  const authenticated = client({ authorization: `Bearer ${accessToken}` });
  const me = await once(authenticated, '{ me { id username } }');
  await authenticated.dispose();

  assert.deepEqual(me.data.me, { id: user.id, username });
});

test('a bad access token closes the connection with 4403', async () => {
  const rejected = client({ authorization: 'Bearer forged' });
  await assert.rejects(once(rejected, '{ __typename }'), (event) => event.code === 4403);
  await rejected.dispose();
});
