// Staying logged in across tabs (#17): the refresh token in an HttpOnly cookie that scripts never see, tabs that
// refresh in turn so that none logs the others out, log out everywhere, and a second person replacing the first.
// Against the replica whose access tokens last 4 seconds, so every tab refreshes many times while the test runs.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launchChromium } from '../support/browser.mjs';
import { account, logInThroughPage } from '../support/web-people.mjs';

const base = process.env.FRIENDER_API_URL_B ?? process.env.FRIENDER_API_URL ?? 'http://localhost:5000';
let browser;

before(async () => {
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
});

const signedInAs = (page, who) => page.getByText(`@${who.username}`).waitFor({ timeout: 15_000 });

/** A new tab of the same browser, opened at the app the way a person would. */
async function newTab(context, problems) {
  const page = await context.newPage();
  page.on('pageerror', (error) => problems.push(error.message));
  await page.goto(base);
  return page;
}

test('three tabs stay logged in through many refreshes, and a new tab opens logged in', { timeout: 120_000 }, async () => {
  const who = await account(base, { zipCode: '10001', friendRadiusMiles: 10 }, 'tabs');
  const context = await browser.newContext({ viewport: { width: 900, height: 700 } });
  const problems = [];
  const refreshes = [];
  context.on('response', (response) => response.url().endsWith('/auth/refresh') && refreshes.push(response.status()));
  const first = await newTab(context, problems);
  await logInThroughPage(first, who.username);
  await signedInAs(first, who);

  const tabs = [first, await newTab(context, problems), await newTab(context, problems)];
  for (const tab of tabs) await signedInAs(tab, who);

  // Scripts cannot read the refresh token anywhere.
  const visible = await first.evaluate(() => JSON.stringify({ cookie: document.cookie, local: { ...localStorage }, session: { ...sessionStorage } }));
  assert.doesNotMatch(visible, /friender_refresh|refreshToken/i);

  // 20 seconds of every tab moving between screens at once: each request needs a fresh 4-second token.
  const until = Date.now() + 20_000;
  let rounds = 0;
  while (Date.now() < until) {
    // The same instant in every tab, so that their refreshes overlap (this browser's clock is the test's).
    const at = Date.now() + 300;
    await Promise.all(tabs.map((tab, i) => tab.evaluate(([when, screen]) => {
      setTimeout(() => document.querySelector(`nav a[href="#/${screen}"]`).click(), when - Date.now());
    }, [at, ['matches', 'discover', 'settings'][(i + rounds) % 3]])));
    await first.waitForTimeout(400);
    await Promise.all(tabs.map((tab) => tab.locator('#screen-title').waitFor({ timeout: 15_000 })));
    rounds += 1;
    await first.waitForTimeout(400);
  }

  for (const tab of tabs) {
    assert.equal(await tab.getByRole('heading', { name: 'Log in' }).count(), 0, 'no tab was logged out');
    await tab.reload();
    await signedInAs(tab, who);
  }
  assert.ok(rounds >= 5, `rounds: ${rounds}`);
  assert.ok(refreshes.length >= 3 * rounds, `every tab refreshed in every round: ${refreshes.length} in ${rounds} rounds`);
  assert.deepEqual(refreshes.filter((status) => status !== 200), [], 'no refresh was refused');
  assert.deepEqual(problems, []);
  await context.close();
});

test('log out in one tab ends the session in every tab; a second person logging in replaces the first everywhere', { timeout: 120_000 }, async () => {
  const first = await account(base, { zipCode: '10001', friendRadiusMiles: 10 }, 'tabs');
  const second = await account(base, { zipCode: '10001', friendRadiusMiles: 10 }, 'tabs');
  const context = await browser.newContext({ viewport: { width: 900, height: 700 } });
  const problems = [];
  const one = await newTab(context, problems);
  await logInThroughPage(one, first.username);
  await signedInAs(one, first);
  const tabs = [one, await newTab(context, problems), await newTab(context, problems)];
  for (const tab of tabs) await signedInAs(tab, first);

  await one.getByRole('button', { name: 'Log out' }).click();
  for (const tab of tabs) await tab.getByRole('heading', { name: 'Log in' }).waitFor({ timeout: 10_000 });
  // The session is over on the server too: a reload does not bring it back.
  await tabs[1].reload();
  await tabs[1].getByRole('heading', { name: 'Log in' }).waitFor({ timeout: 10_000 });
  await tabs[1].waitForTimeout(1_000);
  assert.equal(await tabs[1].getByText(`@${first.username}`).count(), 0);

  await logInThroughPage(tabs[1], second.username);
  for (const tab of tabs) await signedInAs(tab, second);
  for (const tab of tabs) assert.equal(await tab.getByText(`@${first.username}`).count(), 0);
  assert.deepEqual(problems, []);
  await context.close();
});
