// What people noticed first on the web client's screens (#17), one test each, named after it: people made through
// the real API, logged in through the page, in Debian's Chromium.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { launchChromium } from '../support/browser.mjs';
import { matchedPair, ok } from '../support/friender-api.mjs';

const base = process.env.FRIENDER_API_URL ?? 'http://localhost:5000';
const photoFixture = new URL('../GraphQL.IntegrationTests/Photos/Fixtures/gps-rotated.jpg', import.meta.url).pathname;
const password = 'long enough password';
let browser;

before(async () => {
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
});

/** An account made through the API, with a complete profile when given a ZIP code. */
async function account(profile = null) {
  const username = `screens_${randomBytes(4).toString('hex')}`;
  const { signUp } = await ok(base, 'mutation ($input: SignUpInput!) { signUp(input: $input) { accessToken } }',
    { input: { username, email: `${username}@example.com`, password } });
  if (profile) {
    await ok(base, 'mutation ($input: UpdateProfileInput!) { updateProfile(input: $input) { profile { displayName } } }', {
      input: { displayName: username, bio: null, hobbies: ['chess'], interests: ['jazz'], ...profile },
    }, signUp.accessToken);
  }
  return { username };
}

/** A phone-sized browser logged in as who, with the page's errors collected. */
async function loggedIn(who) {
  const context = await browser.newContext({ viewport: { width: 375, height: 740 } });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (error) => problems.push(error.message));
  await page.goto(base);
  await page.getByLabel('Username').fill(who.username);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.getByRole('link', { name: 'Matches', exact: true }).waitFor({ timeout: 15_000 });
  return { page, context, problems };
}

test('Matches with an unfinished profile offers "Edit profile", not a red error and "Try again"', { timeout: 60_000 }, async () => {
  const { page, context, problems } = await loggedIn(await account());

  await page.getByRole('link', { name: 'Matches', exact: true }).click();
  await page.getByRole('heading', { name: 'Finish your profile first' }).waitFor({ timeout: 10_000 });

  assert.equal(await page.getByRole('link', { name: 'Edit profile' }).count(), 1);
  assert.equal(await page.getByRole('button', { name: 'Try again' }).count(), 0);
  assert.equal(await page.getByRole('alert').filter({ hasText: /./ }).count(), 0, 'no error shown');
  assert.deepEqual(problems, []);
  await context.close();
});

test('a new person in an empty area at the largest radius is not told to widen it', { timeout: 90_000 }, async () => {
  // Hilo, Hawaii, at 100 miles (the most allowed): nobody the other suites make is within reach.
  const { page, context, problems } = await loggedIn(await account({ zipCode: '96720', friendRadiusMiles: 100 }));

  await page.getByRole('link', { name: 'Discover', exact: true }).click();
  // Anyone an earlier run left nearby is answered first, as a person browsing would.
  for (let shown = 0; shown < 20 && !(await page.getByRole('heading', { name: 'Nobody new nearby yet' }).count()); shown++) {
    const no = page.getByRole('button', { name: 'No' });
    if (await no.count()) await no.click();
    await page.waitForTimeout(300);
  }
  const empty = page.locator('.empty');
  await page.getByRole('heading', { name: 'Nobody new nearby yet' }).waitFor({ timeout: 10_000 });

  assert.match(await empty.textContent(), /100 miles/);
  assert.doesNotMatch(await empty.textContent(), /widen/i);
  assert.deepEqual(problems, []);
  await context.close();
});

test('Delete photo asks first, and focus does not land on the next photo\'s Delete button', { timeout: 90_000 }, async () => {
  const { page, context, problems } = await loggedIn(await account({ zipCode: '10001', friendRadiusMiles: 25 }));
  await page.getByRole('link', { name: 'Profile', exact: true }).click();
  for (const n of [1, 2]) {
    await page.getByLabel('Add photo').setInputFiles(photoFixture);
    await page.getByRole('img', { name: `Photo ${n}` }).waitFor({ timeout: 15_000 });
  }
  const questions = [];

  page.once('dialog', (dialog) => { questions.push(dialog.message()); void dialog.dismiss(); });
  await page.getByRole('button', { name: 'Delete photo 1' }).click();
  await page.waitForTimeout(500);
  const afterNo = await page.getByRole('img', { name: /^Photo \d$/ }).count();

  page.once('dialog', (dialog) => { questions.push(dialog.message()); void dialog.accept(); });
  await page.getByRole('button', { name: 'Delete photo 1' }).click();
  await page.getByText('Photo 1 deleted').waitFor({ timeout: 10_000 });
  const focused = await page.evaluate(() => document.activeElement?.textContent?.trim());
  // A second Enter, as someone still pressing it would: it must not start deleting the other photo.
  let askedAgain = false;
  page.once('dialog', (dialog) => { askedAgain = true; void dialog.dismiss(); });
  await page.keyboard.press('Enter');
  await page.waitForTimeout(500);

  assert.equal(questions.length, 2, 'asked before each delete');
  assert.equal(afterNo, 2, 'saying no kept the photo');
  assert.equal(await page.getByRole('img', { name: /^Photo \d$/ }).count(), 1);
  assert.equal(focused, 'Your photos');
  assert.equal(askedAgain, false, 'Enter did not reach a Delete button');
  assert.deepEqual(problems, []);
  await context.close();
});

test('the message box says when a message reaches 2,000 characters instead of silently stopping', { timeout: 60_000 }, async () => {
  const { a, matchId } = await matchedPair(base, 'long', 'reader');
  const { page, context, problems } = await loggedIn(a);
  await page.goto(`${base}/#/chat/${encodeURIComponent(matchId)}`);
  const box = page.getByLabel('Message');
  await box.waitFor({ timeout: 10_000 });

  await box.fill('x'.repeat(1_990));
  const nearly = await page.locator('#chat-message-count').textContent();
  await box.press('End');
  await page.keyboard.type('y'.repeat(20));
  const full = await page.locator('#chat-message-count').textContent();

  assert.equal(nearly, '1,990 of 2,000 characters.');
  assert.equal((await box.inputValue()).length, 2_000);
  assert.equal(full, '2,000 characters: the most one message can hold.');
  assert.match(await box.getAttribute('aria-describedby'), /chat-message-count/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('"Cannot reach Friender" under the message box goes away once the resend worked', { timeout: 60_000 }, async () => {
  const { a, matchId } = await matchedPair(base, 'offline', 'online');
  const { page, context, problems } = await loggedIn(a);
  await page.goto(`${base}/#/chat/${encodeURIComponent(matchId)}`);
  const box = page.getByLabel('Message');
  await box.waitFor({ timeout: 10_000 });

  await context.setOffline(true);
  await box.fill('sent while offline');
  await page.getByRole('button', { name: 'Send' }).click();
  await page.getByRole('alert').filter({ hasText: 'Cannot reach Friender' }).waitFor({ timeout: 10_000 });
  await context.setOffline(false);
  await page.getByRole('button', { name: 'Send' }).click();
  await page.getByRole('log').getByText('sent while offline').waitFor({ timeout: 10_000 });
  await page.waitForTimeout(300);

  assert.equal(await page.getByText('Cannot reach Friender').count(), 0);
  assert.deepEqual(problems, []);
  await context.close();
});
