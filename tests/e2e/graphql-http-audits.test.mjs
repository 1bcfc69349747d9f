// The GraphQL-over-HTTP conformance audits of the graphql-http package, run against the real server.
// Every audit must pass: MUST failures, SHOULD warnings and MAY notices all fail this suite.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { serverAudits } from 'graphql-http';

const url = `${process.env.FRIENDER_API_URL ?? 'http://localhost:5000'}/graphql`;
const tally = { ok: 0, error: 0, warn: 0, notice: 0 };

for (const audit of serverAudits({ url, fetchFn: fetch })) {
  test(`${audit.id} ${audit.name}`, async () => {
    const result = await audit.fn();
    tally[result.status] += 1;
    const detail = result.status === 'ok' ? '' : `${result.reason}\n${JSON.stringify(result.response?.body ?? '', null, 1)}`;
    assert.equal(result.status, 'ok', detail);
  });
}

after(() => {
  console.log(`graphql-http audits: ${tally.ok} passed, ${tally.error} failed, ${tally.warn} warnings, ${tally.notice} notices`);
});
