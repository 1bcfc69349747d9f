// What the node benchmarks share: arguments, batches, raw graphql-transport-ws sockets, the API's memory and CPU.
import { readFileSync } from 'node:fs';
import WebSocket from 'ws';

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

export function percentile(sorted, p) {
  return sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}
