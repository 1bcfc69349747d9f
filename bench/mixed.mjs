// make bench, mixed load: sign-ups, profile updates, discovery, swipes and messages at a steady rate together, with
// live subscriptions open, for 60 s; the API's CPU and memory, and p50/p95/p99 per operation. Then GraphQL's own cost:
// `{ me { id } }` (anonymous, so no database) against a static JSON endpoint of the same process (Bench:Endpoints).
// usage: node bench/mixed.mjs --api URL --api-pid PID [--seconds 60] [--out FILE]
import { randomBytes } from 'node:crypto';
import { appendFileSync } from 'node:fs';
import { gql, ok, person, sendMessage, swipeYes } from '../tests/support/friender-api.mjs';
import { cpuSeconds, inBatches, openSocket, parseArgs, percentile, rssKb, sleep } from './support.mjs';

const args = parseArgs(process.argv.slice(2));
const api = args.api;
const apiPid = Number(args['api-pid']);
const SECONDS = Number(args.seconds ?? 60);
const log = (...parts) => console.error('  mixed:', ...parts);

// Operations per second, as a busy hour of a city might look to one replica.
const RATES = { signUp: 2, updateProfile: 5, discover: 20, swipe: 20, sendMessage: 20 };
const discoverQuery = 'query($after: String) { discover(first: 20, after: $after) { edges { node { id distanceMiles photos { url } } } pageInfo { endCursor } } }';
const swipeNo = 'mutation ($id: ID!, $d: SwipeDecision!) { swipe(input: { userId: $id, decision: $d }) { match { id } } }';
const updateProfile = 'mutation ($input: UpdateProfileInput!) { updateProfile(input: $input) { profile { bio } } }';
const signUp = 'mutation ($input: SignUpInput!) { signUp(input: $input) { accessToken } }';

log('people: 40 browsers, 20 matched pairs with their subscriptions open');
const browsers = await inBatches([...Array(40).keys()], 8, (i) => person(api, `browser${i}`, '10001'));
const pairs = await inBatches([...Array(20).keys()], 4, async (i) => {
  const a = await person(api, `talker${i}a`, '10001');
  const b = await person(api, `talker${i}b`, '10003');
  await ok(api, swipeYes, { id: b.id }, a.token);
  const { swipe } = await ok(api, swipeYes, { id: a.id }, b.token);
  return { a, b, matchId: swipe.match.id };
});
let delivered = 0;
const sockets = await inBatches(pairs.flatMap(({ a, b }) => [a, b]), 10, (someone) =>
  openSocket(api, someone.token, 'subscription { messageReceived { id } }', () => { delivered++; }));
const queues = new Map(browsers.map((browser) => [browser.id, []]));
const queued = new Set();

const samples = Object.fromEntries(Object.keys(RATES).map((name) => [name, { latencies: [], failed: 0 }]));
async function timed(name, work) {
  const started = performance.now();
  try {
    const result = await work();
    if (result?.skipped) return;
    if (result?.errors) samples[name].failed++;
    else samples[name].latencies.push(performance.now() - started);
  } catch {
    samples[name].failed++;
  }
}

const operations = {
  signUp: () => {
    const username = `mixed_${randomBytes(5).toString('hex')}`;
    return gql(api, signUp, { input: { username, email: `${username}@example.com`, password: 'long enough password' } });
  },
  updateProfile: (index) => gql(api, updateProfile, {
    input: { displayName: 'Browser', bio: `bio ${index}`, hobbies: ['chess'], interests: ['jazz'], zipCode: '10001', friendRadiusMiles: 25 },
  }, browsers[index % browsers.length].token),
  discover: async (index) => {
    const browser = browsers[index % browsers.length];
    const result = await gql(api, discoverQuery, {}, browser.token);
    // A page repeats the people shown before and not answered yet: queue each person once, ever.
    const queue = queues.get(browser.id);
    for (const edge of result.data?.discover.edges ?? []) {
      if (queued.has(`${browser.id}/${edge.node.id}`)) continue;
      queued.add(`${browser.id}/${edge.node.id}`);
      queue.push(edge.node.id);
    }
    return result;
  },
  swipe: (index) => {
    const browser = browsers[index % browsers.length];
    const target = queues.get(browser.id).shift();
    return target ? gql(api, swipeNo, { id: target, d: index % 10 < 3 ? 'YES' : 'NO' }, browser.token) : Promise.resolve({ skipped: true });
  },
  sendMessage: (index) => {
    const pair = pairs[index % pairs.length];
    return gql(api, sendMessage, { matchId: pair.matchId, body: `mixed ${index}` }, index % 2 ? pair.a.token : pair.b.token);
  },
};

// Open loop: each operation fires on its own schedule, whether or not earlier ones have answered.
await sleep(1000);
log(`steady load for ${SECONDS} s: ${JSON.stringify(RATES)} per second`);
const rssStart = rssKb(apiPid);
let rssMax = rssStart;
const cpuStart = cpuSeconds(apiPid);
const began = performance.now();
const sampler = setInterval(() => { rssMax = Math.max(rssMax, rssKb(apiPid)); }, 1000);
const inFlight = [];
await Promise.all(Object.entries(RATES).map(async ([name, rate]) => {
  for (let index = 0; index < rate * SECONDS; index++) {
    const wait = began + (index * 1000) / rate - performance.now();
    if (wait > 0) await sleep(wait);
    inFlight.push(timed(name, () => operations[name](index)));
  }
}));
await Promise.all(inFlight);
const wall = (performance.now() - began) / 1000;
clearInterval(sampler);
const cpu = (cpuSeconds(apiPid) - cpuStart) / wall;
await sleep(1000);
sockets.forEach((socket) => socket.close());

// GraphQL's own overhead: the same clients, 10 s each, against the static endpoint and the cheapest document.
async function throughput(url, init) {
  let count = 0;
  const until = performance.now() + 10_000;
  await Promise.all([...Array(32).keys()].map(async () => {
    while (performance.now() < until) {
      const response = await fetch(url, init);
      await response.arrayBuffer();
      if (response.ok) count++;
    }
  }));
  return count / 10;
}
const bare = await throughput(`${api}/bench/static`, {});
const graphql = await throughput(`${api}/graphql`, {
  method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ me { id } }' }),
});
log(`static ${bare.toFixed(0)}/s, { me { id } } ${graphql.toFixed(0)}/s`);

const rows = Object.entries(samples).map(([name, { latencies, failed }]) => {
  const sorted = latencies.sort((x, y) => x - y);
  return `| ${name} | ${RATES[name]}/s | ${sorted.length} | ${failed} | ${percentile(sorted, 50).toFixed(1)} | ${percentile(sorted, 95).toFixed(1)} | ${percentile(sorted, 99).toFixed(1)} |`;
});
const report = `
## Mixed load

\`node bench/mixed.mjs\` (run by \`make bench\`) against the million-person database: sign-ups, profile updates,
discovery, swipes (on the people each browser was shown) and messages between 20 matched pairs whose 40
\`messageReceived\` subscriptions are open, each on its own steady schedule for ${SECONDS} s (open loop), load
generator on the same two cores. The API used **${(cpu * 100).toFixed(0)}% of one core** on average; its resident
memory went from ${(rssStart / 1024).toFixed(0)} MB to at most ${(rssMax / 1024).toFixed(0)} MB; ${delivered} live
deliveries arrived.

| operation | rate | answered | failed | p50 ms | p95 ms | p99 ms |
|---|---|---|---|---|---|---|
${rows.join('\n')}

GraphQL's own cost, 32 clients for 10 s each against the same process: a static JSON endpoint (\`/bench/static\`,
mapped only with \`Bench__Endpoints=true\`) served **${bare.toFixed(0)} requests/s**, and \`{ me { id } }\` without a
token (parsed, validated, executed; no database) **${graphql.toFixed(0)} requests/s**: a ratio of
**${(graphql / bare).toFixed(2)}** (Hot Chocolate is reported at about 0.23 of a static endpoint).
`;
if (args.out) appendFileSync(args.out, report);
console.log(report);
process.exit(0);
