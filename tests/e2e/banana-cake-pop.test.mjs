// Banana Cake Pop, as a person would use it: open /graphql/ui/ in headless Chromium, browse the schema, run a mutation.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { launchChromium } from '../support/browser.mjs';
import { matchedPair, ok, sendMessage } from '../support/friender-api.mjs';

const base = process.env.FRIENDER_API_URL ?? 'http://localhost:5000';
const artifacts = new URL('./artifacts', import.meta.url).pathname;
let browser;

before(async () => {
  browser = await launchChromium();
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

/**
 * Types a document into the IDE's editor, replacing what was there, and presses Run once the IDE has taken it in.
 * The IDE validates a document after each edit and ignores Run until it has, and it reloads the schema a few times
 * as it starts, dropping an operation started in between (its request aborted, its socket replaced): callers check
 * the outcome and try again with a fresh document.
 */
async function run(page, document) {
  const lines = (await requestEditor(page)).locator('.view-lines');
  // Typing can be lost while the IDE is still settling: type again until the editor holds the document.
  for (let attempt = 0; attempt < 3; attempt++) {
    await lines.click();
    await page.keyboard.press('Control+A');
    await page.keyboard.insertText(document);
    await page.waitForTimeout(500);
    if ((await lines.innerText()).replace(/\u00a0/g, ' ').includes(document.slice(0, 40))) break;
  }
  await page.waitForTimeout(1000);
  const runButton = page.getByRole('button', { name: /^Run Operation/ });
  if (await runButton.isVisible()) await runButton.click();
}

/**
 * The operation's editor: the left one of the two tall editors (the response is the right one; the variables editor
 * below is short). While the IDE lays itself out the first editor in the page can be the variables one, and a
 * document typed there never runs.
 */
async function requestEditor(page) {
  const editors = page.locator('.monaco-editor');
  await editors.first().waitFor({ timeout: 30_000 });
  let chosen;
  let left = Number.POSITIVE_INFINITY;
  for (let index = 0; index < await editors.count(); index++) {
    const box = await editors.nth(index).boundingBox();
    if (box && box.height > 250 && box.x < left) {
      chosen = editors.nth(index);
      left = box.x;
    }
  }
  return chosen ?? editors.first();
}

/** Waits up to a few seconds for the IDE to show the text; false if it does not. */
function shows(page, text) {
  return page.getByText(text).first().waitFor({ timeout: 8_000 }).then(() => true, () => false);
}

/** Runs the steps; when one fails, saves what the page showed to tests/e2e/artifacts/NAME.png before failing. */
async function showingFailures(page, name, steps) {
  try {
    await steps();
  } catch (error) {
    mkdirSync(artifacts, { recursive: true });
    await page.screenshot({ path: `${artifacts}/${name}.png` }).catch(() => {});
    throw error;
  }
}

test('the IDE loads the schema from /graphql and shows our types and descriptions', { timeout: 60_000 }, async () => {
  const page = await openIde();
  await page.getByText('Browse Schema').click({ timeout: 30_000 });

  await page.getByText('The logged-in person, or null without a valid access token.').waitFor({ timeout: 30_000 });
  await page.getByText('Mutation', { exact: true }).first().click();
  await page.getByText('signUp', { exact: true }).first().waitFor({ timeout: 10_000 });
  await page.context().close();
});

test('the IDE runs a signUp mutation against the API and shows the result', { timeout: 120_000 }, async () => {
  const page = await openIde();
  await page.getByText('Create Document').click({ timeout: 30_000 });
  await page.getByText('No Operations').waitFor({ timeout: 30_000 });
  const answers = [];
  page.on('response', (response) => { if (response.url().endsWith('/graphql') && response.request().method() === 'POST') answers.push(response); });

  await showingFailures(page, 'sign-up', async () => {
    let username;
    let answer;
    for (let attempt = 0; attempt < 5 && !answer; attempt++) {
      username = `ide_${randomBytes(4).toString('hex')}`;
      await run(page, `mutation { signUp(input: {username: "${username}", email: "${username}@example.com", password: "long enough password"}) { user { username } } }`);
      // What the IDE sent decides whether to try again; what it shows is checked once it answered.
      for (let waited = 0; waited < 10_000 && !answer; waited += 250) {
        answer = answers.find((response) => (response.request().postData() ?? '').includes(username));
        if (!answer) await page.waitForTimeout(250);
      }
    }

    assert.equal(answer?.status(), 200);
    assert.equal((await answer.json()).data.signUp.user.username, username);
    await page.getByText(`"username": "${username}"`).waitFor({ timeout: 15_000 });
  });
  await page.context().close();
});

test('the IDE runs a messageReceived subscription and shows a message sent from another client', { timeout: 120_000 }, async () => {
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

  await showingFailures(page, 'subscription', async () => {
    let body;
    let shown = false;
    const cancel = page.getByRole('button', { name: /^Cancel Operation/ });
    for (let attempt = 0; attempt < 5 && !shown; attempt++) {
      if (await cancel.isVisible()) await cancel.click();
      await run(page, `subscription { messageReceived { body sender { displayName } } }`);
      await cancel.waitFor({ timeout: 5_000 }).catch(() => {});
      await page.waitForTimeout(1000);
      body = `hello ben ${randomBytes(3).toString('hex')}`;
      await ok(base, sendMessage, { matchId, body }, ana.token);
      shown = await shows(page, body);
    }

    assert.ok(shown, `the IDE showed "${body}"`);
    await page.getByText('"displayName": "ana"').first().waitFor({ timeout: 1_000 });
    mkdirSync(artifacts, { recursive: true });
    await page.screenshot({ path: `${artifacts}/subscription-live-message.png` });
  });
  await context.close();
});
