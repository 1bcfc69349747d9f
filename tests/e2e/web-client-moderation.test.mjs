// Trust and safety (#18) in Debian's Chromium against the real API: three people who met a fourth report them, a
// moderator bans the fourth from the console (axe clean on a 375 px phone), the fourth's open chat ends at once and
// they cannot log in (they can appeal); the match is frozen for the person they were chatting with.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { launchChromium } from '../support/browser.mjs';
import { gql, ok } from '../support/friender-api.mjs';
import { account, loggedIn, logInThroughPage } from '../support/web-people.mjs';

const base = process.env.FRIENDER_API_URL ?? 'http://localhost:5000';
const dll = new URL('../../src/GraphQL/bin/Release/net10.0/Friender.GraphQL.dll', import.meta.url).pathname;
const contentRoot = new URL('../../src/GraphQL', import.meta.url).pathname;
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const swipe = 'mutation ($id: ID!, $d: SwipeDecision!) { swipe(input: { userId: $id, decision: $d }) { match { id } } }';
const report = 'mutation ($input: ReportUserInput!) { reportUser(input: $input) { reportId } }';
let browser;

before(async () => {
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
});

/** The only way to make a moderator: the command line, against the database the API under test uses. */
function grantModerator(username) {
  execFileSync('dotnet', [dll, 'grant-moderator', username, '--contentRoot', contentRoot], { env: process.env, stdio: 'pipe' });
}

/** No serious or critical axe violation, and nothing wider than the phone. */
async function checkScreen(page, screen) {
  // The settled screen: a pressed tab's background fades in over 120 ms, and mid-fade its white label has no contrast.
  await page.evaluate(() => Promise.all(document.getAnimations().map((animation) => animation.finished)));
  if (!await page.evaluate(() => 'axe' in window)) await page.evaluate(axeSource);
  const violations = await page.evaluate(async () =>
    (await window.axe.run(document)).violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help })));
  assert.deepEqual(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical'), [], screen);
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), `${screen} fits 375 px`);
}

test('three people who met someone report them; a moderator bans them from the console; their chat ends and they cannot log in', { timeout: 180_000 }, async () => {
  const fourth = await account(base, { zipCode: '10001', friendRadiusMiles: 10 }, 'mod_fourth');
  const reporters = [];
  for (let i = 0; i < 3; i++) reporters.push(await account(base, { zipCode: '10001', friendRadiusMiles: 10 }, 'mod_reporter'));
  // The first matched the fourth (and keeps chatting); the other two were shown them and said no.
  await ok(base, swipe, { id: fourth.id, d: 'YES' }, reporters[0].token);
  const { swipe: { match } } = await ok(base, swipe, { id: reporters[0].id, d: 'YES' }, fourth.token);
  for (const other of reporters.slice(1)) await ok(base, swipe, { id: fourth.id, d: 'NO' }, other.token);
  const moderator = await account(base, { zipCode: '94103', friendRadiusMiles: 10 }, 'mod_moderator');
  grantModerator(moderator.username);
  // Unique to this run: the console lists every moderator's work, earlier runs' too.
  const reason = `Threats to three people (${fourth.username})`;
  const appeal = `It was someone else on my phone (${fourth.username})`;

  // The fourth has the chat open when the ban comes.
  const banned = await loggedIn(browser, base, fourth);
  await banned.page.goto(`${base}/#/chat/${match.id}`);
  await banned.page.getByRole('textbox', { name: /message/i }).waitFor({ timeout: 15_000 });

  await ok(base, report, { input: { userId: fourth.id, category: 'HARASSMENT', reason: 'Threatened me', block: false } }, reporters[0].token);
  for (const other of reporters.slice(1)) await ok(base, report, { input: { userId: fourth.id, category: 'HARASSMENT' } }, other.token);

  const { page, context, problems } = await loggedIn(browser, base, moderator);
  await page.getByRole('link', { name: 'Moderation', exact: true }).click();
  await page.getByRole('heading', { name: 'Moderation', level: 1 }).waitFor({ timeout: 15_000 });
  const entry = page.getByRole('link').filter({ hasText: fourth.username });
  await entry.waitFor({ timeout: 10_000 });
  assert.match(await entry.textContent(), /3 open reports, 3 from people who met them/);
  assert.match(await entry.textContent(), /Hidden/, 'three people who met them hid them already');
  await checkScreen(page, 'queue');

  await entry.click();
  await page.getByRole('heading', { name: fourth.username, level: 1 }).waitFor({ timeout: 10_000 });
  assert.match(await page.getByRole('region', { name: /Reports/ }).textContent(), /Threatened me/);
  await checkScreen(page, 'case');
  await page.getByLabel('Action', { exact: true }).selectOption('BAN');
  await page.getByRole('button', { name: 'Ban', exact: true }).click();
  await page.getByText('Say why: every action is recorded with its reason.').waitFor();
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'moderate-reason');
  await page.getByLabel('Reason', { exact: true }).fill(reason);
  await page.getByRole('button', { name: 'Ban', exact: true }).click();
  await page.getByRole('status').filter({ hasText: 'Ban: done' }).waitFor({ timeout: 10_000 });
  await page.getByText(`Banned: ${reason}`).waitFor({ timeout: 10_000 });

  // The fourth's chat ends at once: the socket closes, the session ends, and the log-in screen says why.
  await banned.page.getByRole('heading', { name: 'Log in' }).waitFor({ timeout: 15_000 });
  await banned.page.getByText(`Your account is banned from Friender. Reason: ${reason}`).waitFor();
  assert.equal(await banned.page.getByRole('textbox', { name: /message/i }).count(), 0);
  await logInThroughPage(banned.page, fourth.username);
  await banned.page.getByRole('alert').filter({ hasText: 'Your account is banned from Friender.' }).waitFor({ timeout: 10_000 });
  assert.equal((await gql(base, 'query { me { id } }', {}, fourth.token)).errors?.[0]?.extensions?.code, 'ACCOUNT_SUSPENDED');
  await banned.page.getByLabel('Why was it wrong?').fill(appeal);
  await banned.page.getByRole('button', { name: 'Send appeal' }).click();
  await banned.page.getByRole('status').filter({ hasText: 'Your appeal is with' }).waitFor({ timeout: 10_000 });
  assert.deepEqual(banned.problems, []);

  // The person they were chatting with keeps the conversation, read-only.
  const frozen = await ok(base, 'query ($id: ID!) { match(id: $id) { state } }', { id: match.id }, reporters[0].token);
  assert.equal(frozen.match.state, 'FROZEN');

  // The appeal and the audit trail, in the console.
  await page.getByRole('link', { name: 'Back to the queue' }).click();
  await page.getByRole('button', { name: 'Appeals' }).click();
  await page.getByText(appeal).waitFor({ timeout: 10_000 });
  await checkScreen(page, 'appeals');
  await page.getByRole('button', { name: 'Audit trail' }).click();
  const row = page.getByRole('row').filter({ hasText: reason });
  await row.waitFor({ timeout: 10_000 });
  assert.match(await row.textContent(), new RegExp(`@${moderator.username}.*Banned`));
  await checkScreen(page, 'audit');
  assert.deepEqual(problems, []);
  await context.close();
  await banned.context.close();
});

test('the console is not offered to people who are not moderators, and its operations are refused to them', { timeout: 60_000 }, async () => {
  const someone = await account(base, { zipCode: '10001', friendRadiusMiles: 10 }, 'mod_someone');
  const { page, context, problems } = await loggedIn(browser, base, someone);
  assert.equal(await page.getByRole('link', { name: 'Moderation', exact: true }).count(), 0);
  await page.goto(`${base}/#/moderation`);
  await page.getByText('Only moderators can open the moderation console.').waitFor({ timeout: 10_000 });
  const loaded = await page.evaluate(() => performance.getEntriesByType('resource').some((entry) => entry.name.includes('ModerationScreen')));
  assert.equal(loaded, false, 'the console code is not fetched for someone who is not a moderator');
  assert.equal((await gql(base, '{ moderationQueue { userId } }', {}, someone.token)).errors?.[0]?.extensions?.code, 'FORBIDDEN');
  assert.deepEqual(problems, []);
  await context.close();
});

test('a warning shows when the app opens until acknowledged; a suspended match is paused for the other person', { timeout: 90_000 }, async () => {
  const warned = await account(base, { zipCode: '10001', friendRadiusMiles: 10 }, 'mod_warned');
  const partner = await account(base, { zipCode: '10001', friendRadiusMiles: 10 }, 'mod_partner');
  await ok(base, swipe, { id: warned.id, d: 'YES' }, partner.token);
  const { swipe: { match } } = await ok(base, swipe, { id: partner.id, d: 'YES' }, warned.token);
  const moderator = await account(base, { zipCode: '94103', friendRadiusMiles: 10 }, 'mod_moderator');
  grantModerator(moderator.username);
  const moderate = 'mutation ($input: ModerateInput!) { moderate(input: $input) { id } }';
  await ok(base, moderate, { input: { userId: warned.id, action: 'WARN', reason: 'Keep it friendly, please' } }, moderator.token);

  const { page, context, problems } = await loggedIn(browser, base, warned);
  const banner = page.getByRole('region', { name: 'A moderator has warned you' });
  await banner.waitFor({ timeout: 10_000 });
  assert.match(await banner.textContent(), /Keep it friendly, please/);
  await checkScreen(page, 'warning');
  await banner.getByRole('button', { name: 'I understand' }).click();
  await banner.waitFor({ state: 'detached', timeout: 10_000 });
  await page.reload();
  await page.getByRole('link', { name: 'Matches', exact: true }).waitFor({ timeout: 15_000 });
  assert.equal(await page.getByRole('region', { name: 'A moderator has warned you' }).count(), 0, 'acknowledged: not shown again');
  await context.close();

  await ok(base, moderate, { input: { userId: warned.id, action: 'SUSPEND', until: new Date(Date.now() + 86_400_000).toISOString(), reason: 'Cooling off' } }, moderator.token);
  const other = await loggedIn(browser, base, partner);
  await other.page.getByRole('link', { name: 'Matches', exact: true }).click();
  await other.page.getByText('Paused').waitFor({ timeout: 10_000 });
  await other.page.goto(`${base}/#/chat/${match.id}`);
  await other.page.getByText(/This conversation is paused while .* account is under review/).waitFor({ timeout: 10_000 });
  assert.equal(await other.page.getByRole('textbox', { name: /message/i }).count(), 0, 'no message box in a paused chat');
  await checkScreen(other.page, 'paused chat');
  assert.deepEqual([...problems, ...other.problems], []);
  await other.context.close();
});
