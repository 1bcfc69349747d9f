// make bench, messaging: open subscriptions, messages at a steady rate, latency from sendMessage starting to the
// subscriber's `next`, lost deliveries, the sustained rate, and the API's memory per idle WebSocket.
// usage: node bench/messaging.mjs --api URL --api-b URL --api-pid PID [--out FILE] [--fan-out NOTIFY|Redis] [--facts FILE]
// --facts appends the flat-out rate, losses and steady p99 as shell variables (make bench's targets read them).
import { appendFileSync } from 'node:fs';
import { ok, person as createPerson, swipeYes as swipe } from '../tests/support/friender-api.mjs';
import { inBatches, machineTicks, openSocket, latencySummary, parseArgs, rssKb, sendFlatOut, sendSteadily, sleep } from './support.mjs';

const args = parseArgs(process.argv.slice(2));
const apiA = args.api;
const apiB = args['api-b'] ?? apiA;
const apiPid = Number(args['api-pid']);
const RECEIVERS = Number(args.receivers ?? 84);
const SENDERS = Number(args.senders ?? 12);
const RATE = Number(args.rate ?? 50);
const SECONDS = Number(args.seconds ?? 20);
const IDLE_SOCKETS = Number(args['idle-sockets'] ?? 1000);
const FAN_OUT = args['fan-out'] ?? 'NOTIFY';
const log = (...parts) => console.error('  messaging:', ...parts);

const gql = ok;
const person = (name) => createPerson(apiA, name, '10001');

log(`people: ${RECEIVERS} receivers, ${SENDERS} senders matched with every receiver`);
const receivers = await inBatches([...Array(RECEIVERS).keys()], 8, (i) => person(`receiver${i}`));
const senders = await inBatches([...Array(SENDERS).keys()], 8, (i) => person(`sender${i}`));
const matches = [];
for (const sender of senders) {
  await inBatches(receivers, 16, (receiver) => gql(apiA, swipe, { id: receiver.id }, sender.token));
  const made = await inBatches(receivers, 16, (receiver) => gql(apiA, swipe, { id: sender.id }, receiver.token));
  made.forEach((result, index) => matches.push({ sender, receiver: receivers[index], id: result.swipe.match.id }));
}

// Memory per idle socket: connection_init only, nothing subscribed.
global.gc?.();
await sleep(1000);
const rssBefore = rssKb(apiPid);
const idle = await inBatches([...Array(IDLE_SOCKETS).keys()], 50, (i) => openSocket(apiA, receivers[i % RECEIVERS].token, null));
await sleep(3000);
const rssIdle = rssKb(apiPid);
const kbPerIdleSocket = (rssIdle - rssBefore) / IDLE_SOCKETS;
idle.forEach((socket) => socket.close());
log(`idle sockets: ${IDLE_SOCKETS}, RSS ${rssBefore} KB -> ${rssIdle} KB: ${kbPerIdleSocket.toFixed(1)} KB each`);
await sleep(2000);

// Subscriptions: each receiver holds about twelve sockets (tabs, devices), split over both replicas.
const sent = new Map();
const latencies = [];
let delivered = 0;
const socketsPerReceiver = Number(args['sockets-per-receiver'] ?? Math.ceil(1000 / RECEIVERS));
const subscriptions = [];
for (const receiver of receivers) {
  for (let index = 0; index < socketsPerReceiver; index++) {
    subscriptions.push({ receiver, base: index % 2 === 0 ? apiA : apiB });
  }
}
const open = await inBatches(subscriptions, 50, ({ receiver, base }) => openSocket(base, receiver.token,
  'subscription { messageReceived { body } }', (payload) => {
    const startedAt = sent.get(payload.data?.messageReceived?.body);
    if (startedAt !== undefined) { latencies.push(performance.now() - startedAt); delivered++; }
  }));
await sleep(2000);
log(`subscriptions open: ${open.length} (${socketsPerReceiver} per receiver, half on each replica)`);

const steady = (rate, seconds) => sendSteadily(apiA, matches, rate, seconds, sent);

// Warm-up at the same rate, not measured: the first sends JIT-compile the API's paths and open pool connections.
await steady(RATE, 10);
await sleep(2000);
latencies.length = 0;
delivered = 0;
const run = await steady(RATE, SECONDS);
await sleep(3000);
const expected = (run.total - run.failures) * socketsPerReceiver;
const steadyResult = {
  rate: RATE, seconds: SECONDS, messages: run.total, failures: run.failures, expected, delivered, lost: expected - delivered,
  ...latencySummary(latencies),
};
log(JSON.stringify(steadyResult));

// Sustained: as fast as 16 senders can go for 10 s, still delivering to every socket.
latencies.length = 0;
delivered = 0;
const ticksBefore = machineTicks();
const acknowledged = await sendFlatOut(apiA, matches, sent);
const ticksAfter = machineTicks();
// Where the cores went while sending flat out: the whole machine (both replicas, Postgres, this load generator).
const busyShare = (ticksAfter.busy - ticksBefore.busy) / Math.max(1, ticksAfter.total - ticksBefore.total);
const cpuMsPerMessage = ((ticksAfter.busy - ticksBefore.busy) * 10) / Math.max(1, acknowledged);
await sleep(5000);
const sustained = {
  perSecond: acknowledged / 10, busyShare, cpuMsPerMessage, expected: acknowledged * socketsPerReceiver, delivered,
  lost: acknowledged * socketsPerReceiver - delivered, ...latencySummary(latencies),
};
log(JSON.stringify(sustained));
open.forEach((socket) => socket.close());

const ms = (value) => (Number.isFinite(value) ? value.toFixed(1) : 'n/a');
const markdown = `
## Messaging${FAN_OUT === 'NOTIFY' ? '' : ` through ${FAN_OUT} fan-out`}

\`node bench/messaging.mjs\` (run by \`make bench\`): ${RECEIVERS} receivers, each matched with the same ${SENDERS} senders
(${matches.length} matches), holding ${socketsPerReceiver} sockets each: **${open.length} open \`messageReceived\`
subscriptions**, half on each of two API replicas, so every message crosses ${FAN_OUT === 'NOTIFY' ? 'Postgres \`LISTEN/NOTIFY\`' : `${FAN_OUT} pub/sub`} to both. Messages
go through replica A over HTTP; latency runs from the moment \`sendMessage\` starts to each subscriber's \`next\`, load
generator on the same two cores.

| load | messages | deliveries expected | delivered | lost | p50 ms | p95 ms | p99 ms | max ms |
|---|---|---|---|---|---|---|---|---|
| steady ${RATE}/s for ${SECONDS} s | ${steadyResult.messages} (${steadyResult.failures} failed) | ${steadyResult.expected} | ${steadyResult.delivered} | ${steadyResult.lost} | ${ms(steadyResult.p50)} | ${ms(steadyResult.p95)} | ${ms(steadyResult.p99)} | ${ms(steadyResult.max)} |
| 16 senders flat out for 10 s | ${acknowledged} (**${sustained.perSecond.toFixed(0)} messages/s**) | ${sustained.expected} | ${sustained.delivered} | ${sustained.lost} | ${ms(sustained.p50)} | | ${ms(sustained.p99)} | |

Flat out, the machine was ${(busyShare * 100).toFixed(0)}% busy: **${cpuMsPerMessage.toFixed(2)} ms of CPU per message** with its
${socketsPerReceiver} deliveries (both replicas, Postgres and this load generator, which receives every one).

Memory: ${IDLE_SOCKETS} idle sockets (authenticated, nothing subscribed) grew replica A's resident set from
${(rssBefore / 1024).toFixed(0)} MB to ${(rssIdle / 1024).toFixed(0)} MB: **${kbPerIdleSocket.toFixed(1)} KB per idle WebSocket**.

`;
if (args.out) appendFileSync(args.out, markdown);
if (args.facts) {
  const key = FAN_OUT === 'NOTIFY' ? 'MESSAGES' : `${FAN_OUT.toUpperCase()}_MESSAGES`;
  appendFileSync(args.facts, `${key}_PER_S=${sustained.perSecond.toFixed(0)}\n${key}_LOST=${sustained.lost + steadyResult.lost}\n`
    + `${key}_STEADY_P99=${ms(steadyResult.p99)}\n${key}_FLAT_P99=${ms(sustained.p99)}\n`
    + `${key}_BUSY=${(busyShare * 100).toFixed(0)}\n${key}_CPU_MS=${cpuMsPerMessage.toFixed(2)}\n`);
}
console.log(markdown);
