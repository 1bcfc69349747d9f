// make cluster-bench: the cluster as make cluster runs it, measured through HAProxy. One run per configuration
// (scripts/cluster-bench.sh starts the cluster for each); --report puts the runs side by side in docs/benchmarks.md.
// usage: node bench/cluster.mjs --balancer URL --replica-pids "PID PID PID" --label TEXT --json FILE
//        node bench/cluster.mjs --report A.json,B.json --out docs/benchmarks.md
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { ok, person as createPerson, swipeYes as swipe } from '../tests/support/friender-api.mjs';
import { cpuSeconds, inBatches, openSocket, latencySummary, parseArgs, rssKb, sendFlatOut, sendSteadily, sleep } from './support.mjs';

const args = parseArgs(process.argv.slice(2));
const log = (...parts) => console.error('  cluster:', ...parts);
const ms = (value) => (Number.isFinite(value) ? value.toFixed(1) : 'n/a');

if (args.report) {
  report(args.report.split(',').map((file) => JSON.parse(readFileSync(file, 'utf8'))), args.out);
  process.exit(0);
}

const balancer = args.balancer;
const pids = args['replica-pids'].split(' ').filter(Boolean).map(Number);
const RECEIVERS = Number(args.receivers ?? 150);
const SENDERS = Number(args.senders ?? 8);
const SOCKETS_PER_RECEIVER = Number(args['sockets-per-receiver'] ?? 20);
const RATE = Number(args.rate ?? 100);
const SECONDS = Number(args.seconds ?? 20);

log(`${args.label}: people: ${RECEIVERS} receivers, ${SENDERS} senders matched with every receiver, all through ${balancer}`);
const receivers = await inBatches([...Array(RECEIVERS).keys()], 8, (i) => createPerson(balancer, `receiver${i}`, '10001'));
const senders = await inBatches([...Array(SENDERS).keys()], 8, (i) => createPerson(balancer, `sender${i}`, '10001'));
const matches = [];
for (const sender of senders) {
  await inBatches(receivers, 16, (receiver) => ok(balancer, swipe, { id: receiver.id }, sender.token));
  const made = await inBatches(receivers, 16, (receiver) => ok(balancer, swipe, { id: sender.id }, receiver.token));
  made.forEach((result, index) => matches.push({ sender, receiver: receivers[index], id: result.swipe.match.id }));
}

const memory = () => pids.map((pid) => rssKb(pid));
const cpu = () => pids.map((pid) => cpuSeconds(pid));
await sleep(2000);
const rssBefore = memory();

// Every receiver holds SOCKETS_PER_RECEIVER sockets (tabs, devices) opened through the balancer (leastconn).
const sent = new Map();
const latencies = [];
let delivered = 0;
const subscriptions = receivers.flatMap((receiver) => Array(SOCKETS_PER_RECEIVER).fill(receiver));
const open = await inBatches(subscriptions, 50, (receiver) => openSocket(balancer, receiver.token,
  'subscription { messageReceived { body } }', (payload) => {
    const startedAt = sent.get(payload.data?.messageReceived?.body);
    if (startedAt !== undefined) { latencies.push(performance.now() - startedAt); delivered++; }
  }));
await sleep(3000);
const rssOpen = memory();
log(`subscriptions open: ${open.length}; RSS per replica ${rssBefore.join('/')} KB -> ${rssOpen.join('/')} KB`);

const steady = (rate, seconds) => sendSteadily(balancer, matches, rate, seconds, sent);

// Warm-up at the same rate, not measured: JIT, pools, HAProxy's connections to each replica.
await steady(RATE, 5);
await sleep(2000);
latencies.length = 0;
delivered = 0;
const cpuBefore = cpu();
const run = await steady(RATE, SECONDS);
await sleep(3000);
const cpuAfter = cpu();
const expected = (run.total - run.failures) * SOCKETS_PER_RECEIVER;
const steadyResult = {
  rate: RATE, seconds: SECONDS, messages: run.total, failures: run.failures, expected, delivered, lost: expected - delivered,
  ...latencySummary(latencies),
  cpuSecondsPerReplica: cpuAfter.map((after, index) => after - cpuBefore[index]),
};
log(JSON.stringify(steadyResult));

// Flat out: 16 senders as fast as they can for 10 s, every message still delivered to 20 sockets.
latencies.length = 0;
delivered = 0;
const acknowledged = await sendFlatOut(balancer, matches, sent);
await sleep(5000);
const flatOut = {
  perSecond: acknowledged / 10, deliveriesPerSecond: delivered / 10, expected: acknowledged * SOCKETS_PER_RECEIVER, delivered,
  lost: acknowledged * SOCKETS_PER_RECEIVER - delivered, ...latencySummary(latencies),
};
log(JSON.stringify(flatOut));
open.forEach((socket) => socket.close());
await sleep(2000);

// Discovery: 8 clients, each a different viewer, 100 pages each from the start (a walk every time; no swipes).
const everyone = [...receivers, ...senders];
const discoverTimes = [];
const began = performance.now();
await Promise.all([...Array(8).keys()].map(async (lane) => {
  for (let index = 0; index < 100; index++) {
    const viewer = everyone[(lane * 31 + index) % everyone.length];
    const started = performance.now();
    await ok(balancer, '{ discover(first: 20) { nodes { id } } }', {}, viewer.token);
    discoverTimes.push(performance.now() - started);
  }
}));
const discoverElapsed = (performance.now() - began) / 1000;
const discovery = { requests: discoverTimes.length, perSecond: discoverTimes.length / discoverElapsed, ...latencySummary(discoverTimes) };
log(JSON.stringify(discovery));

writeFileSync(args.json, JSON.stringify({
  label: args.label, subscriptions: open.length, receivers: RECEIVERS, senders: SENDERS, socketsPerReceiver: SOCKETS_PER_RECEIVER,
  rssBefore, rssOpen, steady: steadyResult, flatOut, discovery,
}));

function report(runs, out) {
  const [first] = runs;
  const row = (title, cell) => `| ${title} | ${runs.map(cell).join(' | ')} |`;
  const perThousand = (run) => {
    const seconds = run.steady.cpuSecondsPerReplica.reduce((sum, value) => sum + value, 0);
    return (seconds * 1000 / (run.steady.delivered / 1000)).toFixed(0);
  };
  const section = `<!-- cluster-bench -->
## The cluster

\`make cluster-bench\` on ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC: ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GB,
the whole of \`make cluster\` (HAProxy, three API replicas, PgBouncer, a primary streaming to a hot standby, Redis,
s3rver) and the load generator on the same machine. ${first.receivers} receivers each hold ${first.socketsPerReceiver}
sockets opened through HAProxy (**${first.subscriptions} live \`messageReceived\` subscriptions**, spread over the
three replicas by \`leastconn\`), each matched with the same ${first.senders} senders; every message is sent through
HAProxy and delivered to ${first.socketsPerReceiver} sockets on all three replicas. Latency runs from \`sendMessage\`
starting to each \`next\`. One column per configuration, each on a freshly started cluster:

${row('', (run) => `**${run.label}**`)}
${row('---', () => '---')}
${row(`steady ${first.steady.rate} messages/s for ${first.steady.seconds} s: deliveries (lost)`, (run) => `${run.steady.delivered} of ${run.steady.expected} (${run.steady.lost} lost)`)}
${row('steady: p50 / p95 / p99 / max ms', (run) => `${ms(run.steady.p50)} / ${ms(run.steady.p95)} / ${ms(run.steady.p99)} / ${ms(run.steady.max)}`)}
${row('flat out, 16 senders for 10 s: messages/s', (run) => `**${run.flatOut.perSecond.toFixed(0)}** (${run.flatOut.deliveriesPerSecond.toFixed(0)} deliveries/s)`)}
${row('flat out: lost, p50 / p99 ms', (run) => `${run.flatOut.lost} lost, ${ms(run.flatOut.p50)} / ${ms(run.flatOut.p99)}`)}
${row('discover(first: 20), 8 clients: requests/s, p50 / p99 ms', (run) => `${run.discovery.perSecond.toFixed(0)}, ${ms(run.discovery.p50)} / ${ms(run.discovery.p99)}`)}
${row('API CPU per 1,000 deliveries at the steady rate (three replicas together)', (run) => `${perThousand(run)} ms`)}
${row('resident memory per replica, before / with the sockets', (run) => run.rssBefore.map((before, index) => `${(before / 1024).toFixed(0)}/${(run.rssOpen[index] / 1024).toFixed(0)} MB`).join(', '))}

On ${cpus().length} cores these figures show contention, not scaling: three replicas, Postgres twice, PgBouncer, Redis,
HAProxy and the load generator share them, so a replica added here takes CPU from the others. To size a real cluster,
use the per-replica cost: the API CPU per 1,000 deliveries above (divide a core's 1,000 ms by it for deliveries per
core per second), and the memory per replica with about ${Math.round(first.subscriptions / 3)} sockets each.
<!-- /cluster-bench -->
`;
  const current = readFileSync(out, 'utf8');
  const marked = /<!-- cluster-bench -->[\s\S]*<!-- \/cluster-bench -->\n?/;
  writeFileSync(out, marked.test(current) ? current.replace(marked, section) : `${current.trimEnd()}\n\n${section}`);
  console.log(section);
}
