// What the node benchmarks share: arguments, batches, raw graphql-transport-ws sockets, the API's memory and CPU.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import WebSocket from 'ws';
import { ok, sendMessage } from '../tests/support/friender-api.mjs';

/** `--name value` pairs from the command line. */
export function parseArgs(argv) {
  return Object.fromEntries(argv.reduce((pairs, arg, index, all) =>
    (arg.startsWith('--') ? [...pairs, [arg.slice(2), all[index + 1]]] : pairs), []));
}

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export async function inBatches(items, size, work) {
  const results = [];
  for (let start = 0; start < items.length; start += size)
    results.push(...await Promise.all(items.slice(start, start + size).map(work)));
  return results;
}

/** A raw graphql-transport-ws socket: connection_init, then optional subscription; calls onNext with each payload. */
export function openSocket(base, token, subscription, onNext) {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`${base.replace(/^http/, 'ws')}/graphql`, 'graphql-transport-ws');
    socket.on('open', () => socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${token}` } })));
    socket.on('message', (raw) => {
      const message = JSON.parse(raw);
      if (message.type === 'connection_ack') {
        if (subscription) socket.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query: subscription } }));
        resolve(socket);
      } else if (message.type === 'next') {
        onNext?.(message.payload);
      }
    });
    socket.on('error', reject);
    socket.on('close', (code) => reject(new Error(`socket closed with ${code} before connection_ack`)));
  });
}

export function rssKb(pid) {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmRSS:'));
  return Number(line.split(/\s+/)[1]);
}

/** CPU seconds the process has used so far (user + system), from /proc. */
export function cpuSeconds(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** The whole machine's busy and total CPU ticks so far (10 ms each), from /proc/stat. */
export function machineTicks() {
  const [user, nice, system, idle, iowait, irq, softirq, steal = 0] = readFileSync('/proc/stat', 'utf8')
    .split('\n')[0].split(/\s+/).slice(1).map(Number);
  const busy = user + nice + system + irq + softirq + steal;
  return { busy, total: busy + idle + iowait };
}

export function percentile(sorted, p) {
  return sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/**
 * Sends rate messages a second for seconds, through base, round-robin over matches (each { sender, id }); records
 * in sent each body's start time, so a subscriber can time its delivery. Resolves once every send has answered.
 */
export async function sendSteadily(base, matches, rate, seconds, sent) {
  const total = rate * seconds;
  const interval = 1000 / rate;
  const began = performance.now();
  const inFlight = [];
  let failures = 0;
  for (let index = 0; index < total; index++) {
    const wait = began + index * interval - performance.now();
    if (wait > 0) await sleep(wait);
    const match = matches[index % matches.length];
    const body = `steady ${rate} ${index} ${randomBytes(3).toString('hex')}`;
    sent.set(body, performance.now());
    inFlight.push(ok(base, sendMessage, { matchId: match.id, body }, match.sender.token).catch(() => { failures++; }));
  }
  await Promise.all(inFlight);
  return { total, failures, elapsed: (performance.now() - began) / 1000 };
}

/** Sixteen senders as fast as they can for ten seconds through base; returns how many sends were acknowledged. */
export async function sendFlatOut(base, matches, sent) {
  let acknowledged = 0;
  const until = performance.now() + 10_000;
  await Promise.all([...Array(16).keys()].map(async (lane) => {
    for (let index = 0; performance.now() < until; index++) {
      const match = matches[(lane * 997 + index) % matches.length];
      const body = `burst ${lane} ${index} ${randomBytes(3).toString('hex')}`;
      sent.set(body, performance.now());
      try { await ok(base, sendMessage, { matchId: match.id, body }, match.sender.token); acknowledged++; } catch { /* counted as lost */ }
    }
  }));
  return acknowledged;
}

/** p50, p95, p99 and max of latencies (ms), in any order. */
export function latencySummary(latencies) {
  const sorted = [...latencies].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99), max: sorted.at(-1) };
}
