// Banana Cake Pop, as a person would use it: open /graphql/ui/ in headless Chromium, browse the schema, run a mutation.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { chromium } from 'playwright-core';
import { matchedPair, ok, sendMessage } from '../support/friender-api.mjs';

const base = process.env.FRIENDER_API_URL ?? 'http://localhost:5000';
let browser;

before(async () => {
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    // The machine has no route to Google's update and telemetry hosts; without these Chromium retries them forever.
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
});

after(async () => {
  await browser?.close();
});

async function openIde() {
  // A fresh context per test: the IDE keeps its tabs in the browser's storage and would restore them otherwise.
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${base}/graphql/ui/`);
  return page;
}

test('the IDE loads the schema from /graphql and shows our types and descriptions', { timeout: 60_000 }, async () => {
  const page = await openIde();
  await page.getByText('Browse Schema').click({ timeout: 30_000 });

  await page.getByText('The logged-in person, or null without a valid access token.').waitFor({ timeout: 30_000 });
  await page.getByText('Mutation', { exact: true }).first().click();
  await page.getByText('signUp', { exact: true }).first().waitFor({ timeout: 10_000 });
  await page.context().close();
});

test('the IDE runs a signUp mutation against the API and shows the result', { timeout: 60_000 }, async () => {
  const username = `ide_${randomBytes(4).toString('hex')}`;
  const page = await openIde();
  await page.getByText('Create Document').click({ timeout: 30_000 });
  await page.getByText('No Operations').waitFor({ timeout: 30_000 });

  await page.locator('.monaco-editor .view-lines').first().click();
  await page.keyboard.insertText(
    `mutation { signUp(input: {username: "${username}", email: "${username}@example.com", password: "long enough password"}) { user { username } } }`);
  await page.getByText('Mutation', { exact: true }).first().waitFor({ timeout: 10_000 });
  // The IDE validates the document against the schema after each edit and ignores Run until it has.
  await page.waitForTimeout(1000);
  const answered = page.waitForResponse((response) => response.url().endsWith('/graphql') && response.request().method() === 'POST'
    && (response.request().postData() ?? '').includes(username));
  await page.getByRole('button', { name: /^Run Operation/ }).click();

  const response = await answered;
  assert.equal(response.status(), 200);
  assert.equal((await response.json()).data.signUp.user.username, username);
  await page.getByText(`"username": "${username}"`).waitFor({ timeout: 10_000 });
  await page.context().close();
});

test('the IDE runs a messageReceived subscription and shows a message sent from another client', { timeout: 90_000 }, async () => {
  const { a: ana, b: ben, matchId } = await matchedPair(base, 'ana', 'ben');

  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  // Ben's IDE has his Authorization header, as if he had typed it under HTTP Headers; the IDE sends its headers in
  // the WebSocket's connection_init.
  await page.route('**/graphql/ui/bcp-config.json', async (route) => {
    const config = await (await route.fetch()).json();
    await route.fulfill({ json: { ...config, httpHeaders: { ...config.httpHeaders, Authorization: `Bearer ${ben.token}` } } });
  });
  await page.goto(`${base}/graphql/ui/`);
  await page.getByText('Create Document').click({ timeout: 30_000 });
  await page.getByText('No Operations').waitFor({ timeout: 30_000 });
  await page.locator('.monaco-editor .view-lines').first().click();
  await page.keyboard.insertText('subscription { messageReceived { body sender { displayName } } }');
  await page.getByText('Subscription', { exact: true }).first().waitFor({ timeout: 10_000 });
  await page.waitForTimeout(1000);
  await page.getByRole('button', { name: /^Run Operation/ }).click();
  await page.waitForTimeout(2000);

  const body = `hello ben ${randomBytes(3).toString('hex')}`;
  await ok(base, sendMessage, { matchId, body }, ana.token);

  await page.getByText(body).first().waitFor({ timeout: 15_000 });
  await context.close();
});
