import { setupServer } from 'msw/node';

/** The API as unit tests see it: msw answers each test's GraphQL operations and /auth requests; nothing else goes out. */
export const server = setupServer();

/** A GraphQL error body with this code, as the API answers one. */
export function coded(code: string, message = code) {
  return { errors: [{ message, extensions: { code } }] };
}
