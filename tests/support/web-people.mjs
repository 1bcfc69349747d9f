// People for the browser suites: accounts made through the API, and a phone-sized browser logged in through the page.
import { randomBytes } from 'node:crypto';
import { ok } from './friender-api.mjs';

export const password = 'long enough password';

/** An account made through the API, with a complete profile when given one (a ZIP code at least). */
export async function account(base, profile = null, prefix = 'screens') {
  const username = `${prefix}_${randomBytes(4).toString('hex')}`;
  const { signUp } = await ok(base, 'mutation ($input: SignUpInput!) { signUp(input: $input) { accessToken user { id } } }',
    { input: { username, email: `${username}@example.com`, password } });
  if (profile) {
    await ok(base, 'mutation ($input: UpdateProfileInput!) { updateProfile(input: $input) { profile { displayName } } }', {
      input: { displayName: username, bio: null, hobbies: ['chess'], interests: ['jazz'], ...profile },
    }, signUp.accessToken);
  }
  return { username, id: signUp.user.id, token: signUp.accessToken };
}

/** Fills the Log in screen the way a person does. */
export async function logInThroughPage(page, username, secret = password) {
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password', { exact: true }).fill(secret);
  await page.getByRole('button', { name: 'Log in' }).click();
}

/** A phone-sized browser logged in as who, with the page's errors collected. */
export async function loggedIn(browser, base, who, options = {}) {
  const context = await browser.newContext({ viewport: { width: 375, height: 740 }, ...options });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (error) => problems.push(error.message));
  await page.goto(base);
  await logInThroughPage(page, who.username);
  await page.getByRole('link', { name: 'Matches', exact: true }).waitFor({ timeout: 15_000 });
  // Landed: the address names the home screen (Discover, or Profile until it is complete).
  await page.waitForFunction(() => /^#\/(discover|profile)$/.test(window.location.hash), null, { timeout: 15_000 });
  return { page, context, problems };
}
