// What people noticed first on the web client's screens (#17), one test each, named after it: people made through
// the real API, logged in through the page, in Debian's Chromium.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launchChromium } from '../support/browser.mjs';
import { matchedPair, ok } from '../support/friender-api.mjs';
import { account as accountThroughApi, loggedIn as loggedInThroughPage, logInThroughPage, password } from '../support/web-people.mjs';

const base = process.env.FRIENDER_API_URL ?? 'http://localhost:5000';
const photoFixture = new URL('../GraphQL.IntegrationTests/Photos/Fixtures/gps-rotated.jpg', import.meta.url).pathname;
let browser;

before(async () => {
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
});

const account = (profile = null) => accountThroughApi(base, profile);
const loggedIn = (who, options = {}) => loggedInThroughPage(browser, base, who, options);

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
    await page.getByRole('img', { name: `Yours, number ${n}` }).waitFor({ timeout: 15_000 });
  }
  const questions = [];

  page.once('dialog', (dialog) => { questions.push(dialog.message()); void dialog.dismiss(); });
  await page.getByRole('button', { name: 'Delete photo 1' }).click();
  await page.waitForTimeout(500);
  const afterNo = await page.getByRole('img', { name: /^Yours, number \d$/ }).count();

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
  assert.equal(await page.getByRole('img', { name: /^Yours, number \d$/ }).count(), 1);
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

/** A finger dragged across the page from (x, y) by dx, as Chromium's touch input (pointer events of type touch). */
async function fingerDrag(page, x, y, dx) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y }] });
  for (let step = 1; step <= 12; step++) {
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x: x + (dx * step) / 12, y }] });
    await page.waitForTimeout(16);
  }
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await cdp.detach();
}

/** Where the current card and its answers end, and how tall the page is, at this moment. */
async function deckFit(page) {
  return page.evaluate(() => ({
    card: document.querySelector('.card').getBoundingClientRect().bottom,
    yes: document.querySelector('.swipe-actions .yes').getBoundingClientRect().bottom,
    no: document.querySelector('.swipe-actions .no').getBoundingClientRect().bottom,
    page: document.scrollingElement.scrollHeight,
  }));
}

test('on a 375x740 phone the whole card and its Yes/No buttons fit, and a card can be swiped', { timeout: 90_000 }, async () => {
  // Helena, Montana, 5 miles: the people this test makes, each with as long a profile as the API takes.
  const crowded = {
    zipCode: '59601', friendRadiusMiles: 5, bio: 'Long walks, longer talks. '.repeat(19),
    hobbies: Array.from({ length: 12 }, (_, i) => `hobby number ${i}`), interests: Array.from({ length: 12 }, (_, i) => `interest ${i}`),
  };
  // Three: two answered by swipes, one dragged too little and then answered by the keyboard.
  await account(crowded);
  await account(crowded);
  await account(crowded);
  const { page, context, problems } = await loggedIn(await account({ zipCode: '59601', friendRadiusMiles: 5 }), { hasTouch: true });
  await page.getByRole('link', { name: 'Discover', exact: true }).click();

  for (const [dx, said] of [[160, /You said yes to/], [-160, /You passed on/]]) {
    await page.locator('.card').waitFor({ timeout: 10_000 });
    const fit = await deckFit(page);
    assert.ok(fit.card <= 740 && fit.yes <= 740 && fit.no <= 740, `card and answers end above 740 px: ${JSON.stringify(fit)}`);
    assert.ok(fit.page <= 740, `the page does not scroll: ${fit.page}`);

    const name = await page.locator('#candidate-name').textContent();
    const photo = await page.locator('.card-photo').boundingBox();
    await fingerDrag(page, photo.x + photo.width / 2, photo.y + photo.height / 2, dx);
    await page.getByRole('status').filter({ hasText: said }).waitFor({ timeout: 10_000 });
    assert.match(await page.getByRole('status').filter({ hasText: said }).textContent(), new RegExp(name));
  }

  // A short drag is not an answer: the card springs back.
  await page.locator('.card').waitFor({ timeout: 10_000 });
  const name = await page.locator('#candidate-name').textContent();
  const photo = await page.locator('.card-photo').boundingBox();
  await fingerDrag(page, photo.x + photo.width / 2, photo.y + photo.height / 2, 40);
  await page.waitForTimeout(500);
  assert.equal(await page.locator('#candidate-name').textContent(), name);
  // The buttons and arrow keys still answer.
  await page.keyboard.press('ArrowLeft');
  await page.getByRole('status').filter({ hasText: new RegExp(`You passed on ${name}`) }).waitFor({ timeout: 10_000 });
  assert.deepEqual(problems, []);
  await context.close();
});

test('log in and sign up are separate screens, linked to each other; the Email field is not shown while logging in', { timeout: 60_000 }, async () => {
  const context = await browser.newContext({ viewport: { width: 375, height: 740 } });
  const page = await context.newPage();
  await page.goto(base);

  await page.getByRole('heading', { name: 'Log in' }).waitFor({ timeout: 10_000 });
  assert.equal(await page.getByLabel('Email', { exact: true }).count(), 0);
  assert.equal(await page.getByRole('button', { name: 'Sign up' }).count(), 0);

  await page.getByRole('link', { name: 'Sign up' }).click();
  await page.getByRole('heading', { name: 'Create your account' }).waitFor();
  assert.equal(await page.getByLabel('Email', { exact: true }).count(), 1);
  assert.equal(await page.getByRole('button', { name: 'Log in' }).count(), 0);

  // "Show password" shows what was typed, and hides it again.
  await page.getByLabel('Password', { exact: true }).fill('typed secret');
  const toggle = page.getByRole('button', { name: 'Show password' });
  await toggle.click();
  assert.equal(await page.getByLabel('Password', { exact: true }).getAttribute('type'), 'text');
  assert.equal(await toggle.getAttribute('aria-pressed'), 'true');
  await toggle.click();
  assert.equal(await page.getByLabel('Password', { exact: true }).getAttribute('type'), 'password');

  await page.getByRole('link', { name: 'Log in' }).click();
  await page.getByRole('heading', { name: 'Log in' }).waitFor();
  await context.close();
});

test('a taken username moves focus to the username field and is announced', { timeout: 60_000 }, async () => {
  const taken = await account();
  const context = await browser.newContext({ viewport: { width: 375, height: 740 } });
  const page = await context.newPage();
  await page.goto(`${base}/#/signup`);

  await page.getByLabel('Username').fill(taken.username);
  await page.getByLabel('Email').fill(`other_${taken.username}@example.com`);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign up' }).click();

  await page.locator('#auth-username-error').waitFor({ timeout: 10_000 });
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'auth-username');
  assert.equal(await page.getByLabel('Username').getAttribute('aria-invalid'), 'true');
  const said = await page.locator('#auth-announcement').textContent();
  assert.equal(await page.locator('#auth-announcement').getAttribute('role'), 'status');
  assert.match(said, /taken/i, 'the live region says the username is taken');
  await context.close();
});

test('a second person logging in on the same tab lands on their own home, not the previous person\'s chat', { timeout: 90_000 }, async () => {
  const { a, matchId } = await matchedPair(base, 'Tabfirst', 'Tabpartner');
  const second = await account();
  const context = await browser.newContext({ viewport: { width: 375, height: 740 } });
  const page = await context.newPage();
  await page.goto(base);
  await logInThroughPage(page, a.username);
  await page.getByRole('link', { name: 'Matches', exact: true }).waitFor({ timeout: 15_000 });
  await page.goto(`${base}/#/chat/${matchId}`);
  await page.getByRole('textbox', { name: /message/i }).waitFor({ timeout: 10_000 });

  await page.getByRole('button', { name: 'Log out' }).click();
  await logInThroughPage(page, second.username);

  // The second person has no profile yet, so their home is the profile form.
  await page.getByRole('heading', { name: 'Your profile' }).waitFor({ timeout: 15_000 });
  assert.doesNotMatch(page.url(), /chat/);
  assert.equal(await page.getByText('Tabpartner').count(), 0);
  await context.close();
});

test('a match\'s profile opens from the matches list and the chat header, and says so at once when the match ends', { timeout: 90_000 }, async () => {
  const { a, b, matchId } = await matchedPair(base, 'Profa', 'Profb');
  const { page, context, problems } = await loggedIn(a);

  await page.getByRole('link', { name: 'Matches', exact: true }).click();
  await page.getByRole('link', { name: 'Profile of Profb' }).click();
  await page.getByRole('heading', { name: 'Profb', level: 1 }).waitFor({ timeout: 10_000 });
  const profile = page.locator('.match-profile');
  assert.match(await profile.textContent(), /miles? away/);
  assert.match(await profile.textContent(), /chess/);
  assert.match(await profile.textContent(), /jazz/);

  await page.getByRole('link', { name: 'Message Profb' }).click();
  await page.getByRole('textbox', { name: /message/i }).waitFor({ timeout: 10_000 });
  await page.getByRole('heading', { level: 1 }).getByRole('link', { name: 'Profb' }).click();
  await page.getByRole('heading', { name: 'Profb', level: 1 }).waitFor({ timeout: 10_000 });
  assert.match(page.url(), new RegExp(`#/match/${matchId}$`));

  await ok(base, 'mutation ($id: ID!) { unmatch(input: { matchId: $id }) { matchId } }', { id: matchId }, b.token);
  await page.getByRole('alert').filter({ hasText: 'This match has ended' }).waitFor({ timeout: 10_000 });
  assert.equal(await profile.getByText('chess').count(), 0, 'the profile is gone once the match ended');
  assert.deepEqual(problems, []);
  await context.close();
});

test('error screens from a lost network recover by themselves when the network returns', { timeout: 60_000 }, async () => {
  const { page, context, problems } = await loggedIn(await account({ zipCode: '10001', friendRadiusMiles: 10 }));

  await context.setOffline(true);
  await page.getByRole('link', { name: 'Matches', exact: true }).click();
  await page.getByRole('alert').filter({ hasText: /reach Friender/ }).waitFor({ timeout: 15_000 });
  await context.setOffline(false);

  // Nobody clicks "Try again": coming back online is enough.
  await page.getByRole('heading', { name: 'No matches yet' }).waitFor({ timeout: 15_000 });
  assert.equal(await page.getByRole('alert').filter({ hasText: /reach Friender/ }).count(), 0);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a report says what happened, blocks only when the reporter chooses, and confirms', { timeout: 90_000 }, async () => {
  const { a, matchId } = await matchedPair(base, 'Reporta', 'Reportb');
  const { page, context, problems } = await loggedIn(a);
  await page.goto(`${base}/#/chat/${encodeURIComponent(matchId)}`);
  await page.getByRole('textbox', { name: 'Message' }).waitFor({ timeout: 10_000 });

  await page.getByRole('button', { name: 'Report', exact: true }).click();
  await page.getByLabel('A fake profile').check();
  await page.getByRole('checkbox', { name: /Also block/ }).uncheck();
  await page.getByRole('button', { name: 'Send report' }).click();
  await page.getByRole('dialog').getByRole('status').filter({ hasText: 'Thanks for telling us.' }).waitFor({ timeout: 10_000 });
  assert.doesNotMatch(await page.getByRole('dialog').textContent(), /not see each other/);
  await page.getByRole('button', { name: 'Done' }).click();

  // Not blocked: the conversation goes on.
  await page.getByRole('textbox', { name: 'Message' }).fill('still here');
  await page.getByRole('button', { name: 'Send' }).click();
  await page.getByRole('log').getByText('still here').waitFor({ timeout: 10_000 });
  assert.match(page.url(), /#\/chat\//);
  assert.deepEqual(problems, []);
  await context.close();
});
