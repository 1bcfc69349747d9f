// What the node suites (tests/e2e, tests/faults) do as a client: GraphQL over HTTP and people who matched.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';

export async function gql(base, query, variables, token) {
  const response = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return response.json();
}

/** The data of a request that must succeed. */
export async function ok(base, query, variables, token) {
  const result = await gql(base, query, variables, token);
  assert.equal(result.errors, undefined, JSON.stringify(result.errors));
  return result.data;
}

/** A new account with a complete profile, made through the API: { name, username, token, refreshToken, id }. */
export async function person(base, name, zipCode = '10001') {
  const username = `${name}_${randomBytes(4).toString('hex')}`;
  const { signUp } = await ok(base,
    'mutation ($input: SignUpInput!) { signUp(input: $input) { accessToken refreshToken user { id } } }',
    { input: { username, email: `${username}@example.com`, password: 'long enough password' } });
  await ok(base, 'mutation ($input: UpdateProfileInput!) { updateProfile(input: $input) { profile { displayName } } }', {
    input: { displayName: name, bio: null, hobbies: ['chess'], interests: ['jazz'], zipCode, friendRadiusMiles: 25 },
  }, signUp.accessToken);
  return { name, username, token: signUp.accessToken, refreshToken: signUp.refreshToken, id: signUp.user.id };
}

export const swipeYes = 'mutation ($id: ID!) { swipe(input: { userId: $id, decision: YES }) { match { id } } }';

export const sendMessage = 'mutation ($matchId: ID!, $body: String!) { sendMessage(input: { matchId: $matchId, body: $body }) { message { id body } } }';

/** Two people who said yes to each other: { a, b, matchId }. */
export async function matchedPair(base, one, two) {
  const a = await person(base, one, '10001');
  const b = await person(base, two, '10003');
  await ok(base, swipeYes, { id: b.id }, a.token);
  const { swipe: { match } } = await ok(base, swipeYes, { id: a.id }, b.token);
  return { a, b, matchId: match.id };
}
