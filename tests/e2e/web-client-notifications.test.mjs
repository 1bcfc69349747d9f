// What shows new activity outside the Matches screen (#17): the unread badge and the count in the title (from the
// API's unreadTotal), a toast on any screen, and desktop notifications asked from Settings only, shown while the tab
// is out of view. Real API, Debian's Chromium, the message sent by the other person through the API.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launchChromium } from '../support/browser.mjs';
import { matchedPair, ok, sendMessage } from '../support/friender-api.mjs';
import { loggedIn } from '../support/web-people.mjs';

const base = process.env.FRIENDER_API_URL ?? 'http://localhost:5000';
let browser;

before(async () => {
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
});

/** Records what the page asks of the Notifications API, and lets the test say whether the tab is in view. */
function recordNotifications() {
  window.__asked = 0;
  window.__shown = [];
  let hidden = false;
  window.__setHidden = (value) => {
    hidden = value;
    document.dispatchEvent(new Event('visibilitychange'));
  };
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => (hidden ? 'hidden' : 'visible') });
  const Real = window.Notification;
  class Recorded extends Real {
    constructor(title, options) {
      super(title, options);
      window.__shown.push({ title, body: options?.body });
    }
  }
  Recorded.requestPermission = () => {
    window.__asked += 1;
    return Real.requestPermission();
  };
  window.Notification = Recorded;
}

test('new messages show as a badge on Matches, a count in the title and a toast on any screen; desktop notifications only once turned on', { timeout: 120_000 }, async () => {
  const { a, b, matchId } = await matchedPair(base, 'Notea', 'Noteb');
  const { page, context, problems } = await loggedIn(browser, base, b, { permissions: ['notifications'] });
  await page.addInitScript(recordNotifications);
  await page.reload();
  const matches = page.getByRole('link', { name: 'Matches', exact: true });
  await matches.waitFor({ timeout: 15_000 });
  await page.waitForFunction(() => document.querySelector('.live-status')?.textContent === '' && window.__asked === 0);
  await page.waitForTimeout(1_000);

  await ok(base, sendMessage, { matchId, body: 'First hello' }, a.token);
  const toast = page.getByRole('region', { name: 'New activity' }).getByRole('listitem');
  await toast.filter({ hasText: 'New message from Notea' }).waitFor({ timeout: 10_000 });
  assert.match(await toast.textContent(), /First hello/);
  await page.waitForFunction(() => document.title === '(1) Friender', null, { timeout: 10_000 });
  assert.equal(await matches.locator('.badge').textContent(), '1');
  assert.equal(await page.locator(`#${await matches.getAttribute('aria-describedby')}`).textContent(), '1 unread message');

  await ok(base, sendMessage, { matchId, body: 'Second hello' }, a.token);
  await page.waitForFunction(() => document.title === '(2) Friender', null, { timeout: 10_000 });
  assert.equal(await toast.count(), 1, 'one toast per conversation, showing the latest');

  await toast.getByRole('link', { name: 'Open chat' }).click();
  await page.getByText('Second hello').waitFor({ timeout: 10_000 });
  await page.waitForFunction(() => document.title === 'Friender', null, { timeout: 10_000 });
  assert.equal(await matches.locator('.badge').count(), 0);

  // In the open chat, its own messages are not toasted.
  await ok(base, sendMessage, { matchId, body: 'While you look' }, a.token);
  await page.getByText('While you look').waitFor({ timeout: 10_000 });
  await page.waitForTimeout(500);
  assert.equal(await toast.count(), 0);

  // Desktop notifications: never asked on load, asked once from Settings, shown only while the tab is out of view.
  assert.equal(await page.evaluate(() => window.__asked), 0);
  await page.getByRole('link', { name: 'Settings', exact: true }).click();
  await page.getByRole('button', { name: 'Turn on desktop notifications' }).click();
  await page.getByRole('status').filter({ hasText: 'Desktop notifications are on.' }).waitFor({ timeout: 5_000 });
  assert.equal(await page.evaluate(() => window.__asked), 1);
  await ok(base, sendMessage, { matchId, body: 'Seen on the desktop?' }, a.token);
  await toast.filter({ hasText: 'Seen on the desktop?' }).waitFor({ timeout: 10_000 });
  assert.deepEqual(await page.evaluate(() => window.__shown), [], 'no desktop notification while the tab is in view');

  await page.evaluate(() => window.__setHidden(true));
  await ok(base, sendMessage, { matchId, body: 'Out of view' }, a.token);
  await page.waitForFunction(() => window.__shown.length === 1, null, { timeout: 10_000 });
  assert.deepEqual(await page.evaluate(() => window.__shown), [{ title: 'New message from Notea', body: 'Out of view' }]);
  assert.deepEqual(problems, []);
  await context.close();
});
