// The web client (web/, served at /) as people use it: two browsers sign up near each other, find each other, both
// say yes, see the match live and chat live; a third browser never sees their conversation. axe checks every screen.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { launchChromium } from '../support/browser.mjs';
import { matchedPair, ok, sendMessage } from '../support/friender-api.mjs';

const base = process.env.FRIENDER_API_URL ?? 'http://localhost:5000';
const artifacts = new URL('./artifacts/web/', import.meta.url).pathname;
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const run = randomBytes(3).toString('hex');
const photoFixture = new URL('../GraphQL.IntegrationTests/Photos/Fixtures/gps-rotated.jpg', import.meta.url).pathname;
let browser;

before(async () => {
  mkdirSync(artifacts, { recursive: true });
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
});

/** A person in their own browser context (375 px wide, as on a phone), with the page's errors collected. */
async function browserFor(name) {
  const context = await browser.newContext({ viewport: { width: 375, height: 780 } });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (error) => problems.push(`${name}: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy|Refused to/i.test(message.text())) problems.push(`${name}: ${message.text()}`);
  });
  await page.goto(base);
  return { name, page, context, problems, displayName: `${name} ${run}` };
}

/** No serious or critical axe violation on the screen shown, and a screenshot of it for the artifacts. */
async function checkScreen(who, screen) {
  // Through the DevTools protocol, which the page's Content-Security-Policy (no inline scripts) does not govern.
  if (!await who.page.evaluate(() => 'axe' in window)) await who.page.evaluate(axeSource);
  const violations = await who.page.evaluate(async () =>
    (await window.axe.run(document)).violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help })));
  await who.page.screenshot({ path: `${artifacts}${screen}-${who.name}.png`, fullPage: true });
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  assert.deepEqual(serious, [], `${screen} for ${who.name}`);
}

async function signUpWithProfile(who, zipCode, radius, photo = null) {
  const { page } = who;
  const username = `${who.name}_${run}`.toLowerCase();
  await page.getByRole('link', { name: 'Sign up' }).click();
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Email', { exact: true }).fill(`${username}@example.com`);
  await page.getByLabel('Password', { exact: true }).fill('long enough password');
  await page.getByRole('button', { name: 'Sign up' }).click();
  await page.getByRole('heading', { name: 'Your profile' }).waitFor({ timeout: 15_000 });
  await page.getByLabel('Display name').fill(who.displayName);
  await page.getByLabel('Bio').fill(`Hi, I am ${who.name}.`);
  for (const hobby of ['Hiking', 'Chess']) {
    await page.getByLabel('Hobbies').fill(hobby);
    await page.keyboard.press('Enter');
  }
  await page.getByLabel('Interests').fill('Jazz');
  await page.keyboard.press('Enter');
  await page.getByLabel('ZIP code').fill(zipCode);
  await page.getByLabel('Friend radius').fill(String(radius));
  await page.getByRole('button', { name: 'Save profile' }).click();
  await page.getByText('Profile saved.').waitFor({ timeout: 15_000 });
  if (photo) {
    await page.getByLabel('Add photo').setInputFiles(photo);
    await page.getByText('Photo added.').waitFor({ timeout: 15_000 });
    await page.getByRole('img', { name: 'Yours, number 1' }).waitFor();
  }
}

/** Whether an image on the page has actually loaded (the photo store answered and the CSP let it through). */
function loaded(image) {
  return image.evaluate((element) => element.complete && element.naturalWidth > 0);
}

/** Answers NO to anyone else the deck shows until the wanted person is on top (other suites leave people around). */
async function findInDeck(who, wanted) {
  const { page } = who;
  await page.getByRole('link', { name: 'Discover', exact: true }).click();
  for (let shown = 0; shown < 50; shown++) {
    const heading = page.getByRole('heading', { level: 2 }).first();
    await heading.waitFor({ timeout: 15_000 });
    const shownName = await heading.textContent();
    if (shownName?.includes(wanted)) return;
    if (shownName === 'Nobody new nearby yet') break;
    await page.getByRole('button', { name: 'No' }).click();
    await page.waitForTimeout(200);
  }
  await page.screenshot({ path: `${artifacts}deck-${who.name}.png`, fullPage: true });
  assert.fail(`${who.name} never saw ${wanted}`);
}

test('two people go from sign-up (with a photo) to a live chat in the browser, and a third never sees it', { timeout: 180_000 }, async () => {
  const ana = await browserFor('ana');
  const ben = await browserFor('ben');
  const cleo = await browserFor('cleo');
  await checkScreen(ana, '1-sign-in');

  // Cheyenne, Wyoming: far from the people the other suites make in New York.
  await signUpWithProfile(ana, '82001', 25, photoFixture);
  await signUpWithProfile(ben, '82007', 25, photoFixture);
  await signUpWithProfile(cleo, '10001', 5);
  await checkScreen(ana, '2-profile');

  await findInDeck(ana, ben.displayName);
  await ana.page.getByText('about').first().waitFor();
  await checkScreen(ana, '3-discover');
  await ana.page.getByRole('button', { name: 'Yes' }).click();

  await findInDeck(ben, ana.displayName);
  const anasPhoto = ben.page.getByRole('img', { name: new RegExp(`${ana.displayName}, 1 of`) });
  await anasPhoto.waitFor();
  await ben.page.waitForFunction((element) => element.complete, await anasPhoto.elementHandle());
  assert.ok(await loaded(anasPhoto), "Ana's photo loaded from the photo store in Ben's deck");
  await ben.page.keyboard.press('ArrowRight');
  const atBen = ben.page.getByRole('dialog', { name: "It's a match!" });
  const atAna = ana.page.getByRole('dialog', { name: "It's a match!" });
  await atBen.waitFor({ timeout: 10_000 });
  await atAna.waitFor({ timeout: 10_000 });
  await checkScreen(ana, '4-match');
  await ana.page.keyboard.press('Escape');
  await ben.page.keyboard.press('Escape');

  await ana.page.getByRole('link', { name: 'Matches', exact: true }).click();
  await ana.page.getByRole('link', { name: new RegExp(`^${ben.displayName}`) }).click();
  await ana.page.getByLabel('Message').fill('Hello from Ana!');
  await ana.page.getByRole('button', { name: 'Send' }).click();
  await ana.page.getByRole('log').getByText('Hello from Ana!').waitFor();
  const matchId = decodeURIComponent(new URL(ana.page.url()).hash.split('/')[2]);

  await ben.page.getByRole('region', { name: 'New activity' }).getByText('Hello from Ana!').waitFor({ timeout: 10_000 });
  await ben.page.getByRole('link', { name: 'Matches', exact: true }).click();
  await ben.page.locator('.match-list').getByText('Hello from Ana!').waitFor({ timeout: 10_000 });
  await checkScreen(ben, '5-matches');
  await ben.page.getByRole('link', { name: new RegExp(`^${ana.displayName}`) }).click();
  await ben.page.getByRole('log').getByText('Hello from Ana!').waitFor();
  await ben.page.getByLabel('Message').fill('Hi Ana, coffee on Saturday?');
  await ben.page.getByRole('button', { name: 'Send' }).click();

  // Ana's page was not reloaded: the reply arrives over the subscription.
  await ana.page.getByRole('log').getByText('Hi Ana, coffee on Saturday?').waitFor({ timeout: 10_000 });
  await checkScreen(ana, '6-chat');

  await cleo.page.getByRole('link', { name: 'Matches', exact: true }).click();
  await cleo.page.getByRole('heading', { name: 'No matches yet' }).waitFor();
  await cleo.page.goto(`${base}/#/chat/${encodeURIComponent(matchId)}`);
  await cleo.page.getByText('This conversation is not available').first().waitFor({ timeout: 10_000 });
  await checkScreen(cleo, '7-not-yours');
  assert.equal(await cleo.page.getByText('Hello from Ana!').count(), 0);
  assert.equal(await cleo.page.getByText('coffee on Saturday').count(), 0);

  // Ben reports Ana from the chat: that blocks too, so the match is gone from his list and hers.
  await ben.page.getByRole('button', { name: 'Report', exact: true }).click();
  await ben.page.getByRole('button', { name: 'Send report' }).click();
  await ben.page.getByText('Choose what happened.').waitFor();
  await ben.page.getByLabel('Harassment or threats').check();
  await ben.page.getByLabel('Details').fill('Testing the report flow.');
  assert.equal(await ben.page.getByRole('checkbox', { name: /Also block/ }).isChecked(), true, 'blocking is offered, and on');
  await checkScreen(ben, '8-report');
  await ben.page.getByRole('button', { name: 'Send report' }).click();
  await ben.page.getByRole('dialog').getByText('Thanks for telling us.').waitFor({ timeout: 10_000 });
  await ben.page.getByRole('button', { name: 'Done' }).click();
  await ben.page.getByRole('heading', { name: 'No matches yet' }).waitFor({ timeout: 10_000 });
  // Ana still has the chat open: she learns it at once (matchEnded), not when she next tries to send.
  await ana.page.getByText('This match has ended').waitFor({ timeout: 10_000 });
  assert.equal(await ana.page.getByLabel('Message').count(), 0, 'the message box is gone');
  await ana.page.getByRole('link', { name: 'Matches', exact: true }).click();
  await ana.page.getByRole('heading', { name: 'No matches yet' }).waitFor({ timeout: 10_000 });

  assert.deepEqual([...ana.problems, ...ben.problems, ...cleo.problems], []);
  for (const who of [ana, ben, cleo]) await who.context.close();
});

test('messages sent while the connection is down appear in the open chat once it is back, each once', { timeout: 120_000 }, async () => {
  const { a, b, matchId } = await matchedPair(base, 'rena', 'sven');
  const context = await browser.newContext({ viewport: { width: 375, height: 780 } });
  // Every socket the page opens is kept, and while `blocked` a new one is pointed at a path that refuses the upgrade,
  // so the client stays disconnected (and keeps retrying) for as long as the test wants.
  await context.addInitScript(() => {
    const Native = window.WebSocket;
    window.__sockets = [];
    window.__blocked = false;
    window.WebSocket = class extends Native {
      constructor(url, protocols) {
        super(window.__blocked ? String(url).replace('/graphql', '/graphql-blocked') : url, protocols);
        window.__sockets.push(this);
      }
    };
  });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (error) => problems.push(error.message));
  await page.goto(base);
  await page.getByLabel('Username').fill(b.username);
  await page.getByLabel('Password', { exact: true }).fill('long enough password');
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.getByRole('link', { name: 'Matches', exact: true }).waitFor({ timeout: 15_000 });
  await page.goto(`${base}/#/chat/${encodeURIComponent(matchId)}`);
  const log = page.getByRole('log');
  const open = () => page.evaluate(() => window.__sockets.filter((socket) => socket.readyState === 1).length);
  await log.waitFor({ timeout: 15_000 });
  await page.waitForFunction(() => window.__sockets.some((socket) => socket.readyState === 1), null, { timeout: 15_000 });
  await ok(base, sendMessage, { matchId, body: 'before the drop' }, a.token);
  await log.getByText('before the drop').waitFor({ timeout: 10_000 });

  await page.evaluate(() => {
    window.__blocked = true;
    for (const socket of window.__sockets) socket.close(3000, 'test: connection dropped');
  });
  for (const body of ['while away 1', 'while away 2']) await ok(base, sendMessage, { matchId, body }, a.token);
  await page.waitForTimeout(1500);
  const shownWhileAway = await log.getByText('while away').count();
  const openWhileAway = await open();
  await page.evaluate(() => { window.__blocked = false; });
  await log.getByText('while away 2').waitFor({ timeout: 30_000 });
  await ok(base, sendMessage, { matchId, body: 'after the drop' }, a.token);
  await log.getByText('after the drop').waitFor({ timeout: 10_000 });

  assert.equal(openWhileAway, 0, 'the socket was down');
  assert.equal(shownWhileAway, 0, 'nothing arrived while it was down');
  for (const body of ['before the drop', 'while away 1', 'while away 2', 'after the drop'])
    assert.equal(await log.getByText(body, { exact: true }).count(), 1, `${body} shown once`);
  assert.deepEqual(problems, []);
  await context.close();
});
