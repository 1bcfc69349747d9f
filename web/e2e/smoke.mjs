// Walks every screen in headless Chromium at 375 px, with the keyboard where it matters, and runs axe on each.
// Needs the app served with a Friender API behind it (the real one, or e2e/mock-api.mjs):
//   node e2e/smoke.mjs [baseUrl]    (default http://localhost:4173); screenshots go to .tmp/
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';

const base = process.argv[2] ?? 'http://localhost:4173';
const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const out = new URL('../.tmp/', import.meta.url).pathname;
mkdirSync(out, { recursive: true });

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
const page = await browser.newPage({ viewport: { width: 375, height: 740 } });
const problems = [];
page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));

async function axe(name) {
  await page.addScriptTag({ content: axeSource });
  const result = await page.evaluate(async () => (await window.axe.run(document)).violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length })));
  const serious = result.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  console.log(`axe ${name}: ${result.length} violations (${serious.length} serious/critical)`, result.length ? JSON.stringify(result) : '');
  if (serious.length) problems.push(`axe ${name}: ${JSON.stringify(serious)}`);
  const wide = await page.evaluate(() => document.documentElement.scrollWidth);
  if (wide > 375) problems.push(`${name}: page is ${wide}px wide at 375px`);
  await page.screenshot({ path: `${out}${name}.png`, fullPage: true });
}
const step = (name) => console.log(`- ${name}`);

await page.goto(base);
await page.getByLabel('Username').waitFor();
await axe('1-auth');

step('client-side validation on sign up');
await page.getByRole('link', { name: 'Sign up' }).click();
await page.getByRole('button', { name: 'Sign up' }).click();
await page.locator('#auth-username-error').getByText('Choose a username.').waitFor();
await page.getByRole('link', { name: 'Log in' }).click();

step('wrong password shows a human message');
await page.getByLabel('Username').fill('alice');
await page.getByLabel('Password', { exact: true }).fill('wrong-password');
await page.getByRole('button', { name: 'Log in' }).click();
await page.getByText('That username or password is not right.').waitFor();

step('rate limit shows the wait');
await page.getByLabel('Password', { exact: true }).fill('rate-limited');
await page.getByRole('button', { name: 'Log in' }).click();
await page.getByText('Please wait 42 seconds').waitFor();

step('sign up with keyboard only');
await page.getByRole('link', { name: 'Sign up' }).click();
await page.getByLabel('Username').fill('alice');
await page.getByLabel('Email', { exact: true }).fill('alice@example.com');
await page.getByLabel('Password', { exact: true }).fill('correct horse battery');
await page.getByRole('button', { name: 'Sign up' }).focus();
await page.keyboard.press('Enter');
await page.getByRole('heading', { name: 'Your profile' }).waitFor();
if (!(await page.context().cookies()).some((c) => c.name === 'friender_refresh' && c.httpOnly)) problems.push('no HttpOnly refresh cookie');
if (await page.evaluate(() => document.cookie.includes('friender_refresh'))) problems.push('scripts can read the refresh cookie');
await axe('2-profile-empty');

step('profile: chips, server field errors, save');
await page.getByLabel('Display name').fill('bad');
await page.getByLabel('Hobbies').fill('Hiking');
await page.keyboard.press('Enter');
await page.getByLabel('Hobbies').fill('Chess');
await page.keyboard.press('Enter');
await page.getByLabel('Hobbies').fill('Knitting');
await page.keyboard.press('Enter');
await page.getByRole('button', { name: 'Remove hobby Knitting' }).click();
await page.getByLabel('Interests').fill('Jazz');
await page.keyboard.press('Enter');
await page.getByLabel('ZIP code').fill('10001');
await page.getByLabel('Friend radius').focus();
for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
const radius = await page.getByLabel('Friend radius').inputValue();
if (radius !== '15') problems.push(`radius after 5 ArrowRight from 10 is ${radius}`);
await page.getByRole('button', { name: 'Save profile' }).click();
await page.getByText('That display name is not allowed.').waitFor();
await page.getByText('Too long.').waitFor();
await axe('3-profile-errors');
await page.getByLabel('Display name').fill('Alice');
await page.getByLabel('ZIP code').fill('00000');
await page.getByRole('button', { name: 'Save profile' }).click();
await page.getByText('We do not know that ZIP code').waitFor();
await page.getByLabel('ZIP code').fill('10001');
await page.getByRole('button', { name: 'Save profile' }).click();
await page.getByText('Profile saved.').waitFor();

step('discover: deck, keys, match dialog');
await page.getByRole('link', { name: 'Discover' }).click();
await page.getByRole('heading', { name: 'Bob' }).waitFor();
await page.getByText('about 1 mile away').waitFor();
await axe('4-discover');
await page.keyboard.press('ArrowRight');
await page.getByRole('dialog', { name: "It's a match!" }).waitFor();
await axe('5-match-dialog');
await page.keyboard.press('Escape');
await page.getByRole('heading', { name: 'Carol' }).waitFor();
await page.keyboard.press('ArrowLeft');
await page.getByText('Nobody new nearby yet').waitFor();
await axe('6-discover-empty');

step('matchCreated from the socket opens the dialog');
await fetch(`${process.env.MOCK_API ?? 'http://127.0.0.1:5055'}/debug/match`).catch(() => problems.push('no mock /debug/match'));
await page.getByRole('dialog', { name: "It's a match!" }).getByText('Carol').waitFor();
await page.getByRole('button', { name: 'Keep browsing' }).click();

step('matches list');
await page.getByRole('link', { name: 'Matches', exact: true }).click();
await page.getByText('Hi! Fancy a run on Saturday?').waitFor();
await axe('7-matches');

step("a match's profile");
await page.getByRole('link', { name: 'Profile of Dana' }).click();
await page.getByRole('heading', { name: 'Dana', level: 1 }).waitFor();
await axe('7b-match-profile');
await page.getByRole('link', { name: 'Message Dana' }).click();

step('chat: history, send, typing, read, reply');
await page.getByRole('log').getByText('Hi! Fancy a run on Saturday?').waitFor();
await page.getByLabel('Message').fill('Saturday works!');
await page.keyboard.press('Enter');
await page.getByRole('log').getByText('Saturday works!').waitFor();
await page.getByText('Read', { exact: true }).waitFor();
await page.getByText('Dana is typing…').waitFor();
await page.getByText('You said: Saturday works!').waitFor();
await axe('8-chat');
step('chat: older messages on scroll up');
const before = await page.locator('.message').count();
await page.getByRole('log').evaluate((el) => el.scrollTo(0, 0));
await page.waitForFunction((n) => document.querySelectorAll('.message').length > n, before);
console.log(`  messages ${before} -> ${await page.locator('.message').count()}`);

step('unmatch');
page.once('dialog', (d) => d.accept());
await page.getByRole('button', { name: 'Unmatch' }).click();
await page.getByRole('heading', { name: 'Matches' }).waitFor();

step('settings');
await page.getByRole('link', { name: 'Settings', exact: true }).click();
await page.getByRole('heading', { name: 'Settings', level: 1 }).waitFor();
await axe('9-settings');

step('reload keeps the session (refresh token), then log out');
await page.reload();
await page.getByRole('heading', { name: 'Settings', level: 1 }).waitFor();
await page.getByRole('button', { name: 'Log out' }).click();
await page.getByRole('button', { name: 'Log in' }).waitFor();

await page.setViewportSize({ width: 1024, height: 740 });
await browser.close();
console.log(problems.length ? `PROBLEMS:\n${problems.join('\n')}` : 'smoke: all steps passed');
process.exit(problems.length ? 1 : 0);
