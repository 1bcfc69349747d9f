// The web client's Settings screen (#17) against the real API, in Debian's Chromium: change password, download my
// data and delete account, each behind a fresh login with the password typed again.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { launchChromium } from '../support/browser.mjs';
import { gql } from '../support/friender-api.mjs';
import { account, loggedIn, password } from '../support/web-people.mjs';

const base = process.env.FRIENDER_API_URL ?? 'http://localhost:5000';
const logIn = 'mutation ($input: LogInInput!) { logIn(input: $input) { accessToken } }';
let browser;

before(async () => {
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
});

async function openSettings(who) {
  const session = await loggedIn(browser, base, who);
  await session.page.getByRole('link', { name: 'Settings', exact: true }).click();
  await session.page.getByRole('heading', { name: 'Settings', level: 1 }).waitFor({ timeout: 10_000 });
  return session;
}

test('Settings: change password asks for the current one; afterwards only the new one logs in', { timeout: 60_000 }, async () => {
  const who = await account(base, { zipCode: '10001', friendRadiusMiles: 10 });
  const { page, context, problems } = await openSettings(who);
  const form = page.locator('form').filter({ has: page.getByRole('button', { name: 'Change password' }) });

  await form.getByLabel('Current password', { exact: true }).fill('not my password');
  await form.getByLabel('New password', { exact: true }).fill('a brand new password');
  await form.getByRole('button', { name: 'Change password' }).click();
  await page.getByText('That is not your current password.').waitFor({ timeout: 10_000 });
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'settings-current-password');

  await form.getByLabel('Current password', { exact: true }).fill(password);
  await form.getByRole('button', { name: 'Change password' }).click();
  await page.getByRole('status').filter({ hasText: 'Your password is changed' }).waitFor({ timeout: 10_000 });

  const old = await gql(base, logIn, { input: { username: who.username, password } });
  assert.equal(old.errors?.[0]?.extensions?.code, 'INVALID_CREDENTIALS');
  const fresh = await gql(base, logIn, { input: { username: who.username, password: 'a brand new password' } });
  assert.ok(fresh.data?.logIn.accessToken, JSON.stringify(fresh.errors));
  // This tab stays logged in with the session the change returned.
  await page.getByRole('link', { name: 'Matches', exact: true }).click();
  await page.getByRole('heading', { name: 'Matches', level: 1 }).waitFor({ timeout: 10_000 });
  assert.equal(await page.getByRole('button', { name: 'Log in' }).count(), 0);
  assert.deepEqual(problems, []);
  await context.close();
});

test('Settings: download my data saves a .json file with this account in it', { timeout: 60_000 }, async () => {
  const who = await account(base, { zipCode: '10001', friendRadiusMiles: 10 });
  const { page, context, problems } = await openSettings(who);

  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 15_000 }),
    page.getByRole('button', { name: 'Download my data' }).click(),
  ]);
  assert.match(download.suggestedFilename(), new RegExp(`^friender-${who.username}-\\d{4}-\\d{2}-\\d{2}\\.json$`));
  const data = JSON.parse(await readFile(await download.path(), 'utf8'));
  assert.match(JSON.stringify(data), new RegExp(who.username));
  assert.match(JSON.stringify(data), new RegExp(`${who.username}@example.com`), 'your own email is in your own export');
  assert.deepEqual(problems, []);
  await context.close();
});

test('Settings: delete account says what it removes, needs the password, and the account is gone', { timeout: 60_000 }, async () => {
  const who = await account(base, { zipCode: '10001', friendRadiusMiles: 10 });
  const { page, context, problems } = await openSettings(who);
  const zone = page.getByRole('region', { name: 'Delete account' });
  assert.match(await zone.textContent(), /cannot be undone/);
  assert.match(await zone.textContent(), /every message/);

  await zone.getByRole('button', { name: 'Delete my account' }).click();
  await zone.getByText('Enter your password to delete your account.').waitFor();
  await zone.getByLabel('Your password, to confirm', { exact: true }).fill('wrong password!');
  await zone.getByRole('button', { name: 'Delete my account' }).click();
  await zone.getByText('That is not your current password.').waitFor({ timeout: 10_000 });
  assert.equal((await gql(base, 'query { me { id } }', {}, who.token)).data?.me.id, who.id, 'still there after a wrong password');

  await zone.getByLabel('Your password, to confirm', { exact: true }).fill(password);
  await zone.getByRole('button', { name: 'Delete my account' }).click();
  await page.getByText('Your account is deleted.').waitFor({ timeout: 15_000 });
  await page.getByRole('heading', { name: 'Log in' }).waitFor();

  const again = await gql(base, logIn, { input: { username: who.username, password } });
  assert.equal(again.errors?.[0]?.extensions?.code, 'INVALID_CREDENTIALS');
  assert.deepEqual(problems, []);
  await context.close();
});
