// A stand-in for the Friender API, for trying the client without .NET or Postgres: the real SDL, in-memory data,
// HTTP POST /graphql, the /auth session cookie, and graphql-transport-ws subscriptions that resume from a cursor
// (extensions.cursor, liveCursor). Not the real rules; just enough to drive every screen.
// Usage: node e2e/mock-api.mjs [port]   (default 5055), then FRIENDER_API=http://127.0.0.1:5055 npm run dev
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { buildSchema, graphql, GraphQLError } from 'graphql';
import { WebSocketServer } from 'ws';
import { useServer } from 'graphql-ws/use/ws';

const port = Number(process.argv[2] ?? 5055);
const sdl = readFileSync(new URL('../src/gql/schema.graphql', import.meta.url), 'utf8');
const schema = buildSchema(sdl);
const now = () => new Date().toISOString();
const err = (message, code, extra = {}) => new GraphQLError(message, { extensions: { code, ...extra } });

const photo = (id, hue) => ({
  id, position: 0, width: 400, height: 400, urlExpiresAt: now(),
  url: `data:image/svg+xml,${encodeURIComponent(`<svg xmlns="http://www.w3.org/2000/svg" width="400" height="400"><rect width="400" height="400" fill="hsl(${hue},60%,60%)"/></svg>`)}`,
});
const people = {
  u2: { id: 'u2', displayName: 'Bob', bio: 'Board games and long walks.', hobbies: ['Hiking', 'Chess', 'Cooking'], interests: ['Jazz', 'History'], photos: [photo('p2', 200), photo('p2b', 260)], distanceMiles: 1, likesMe: true },
  u3: { id: 'u3', displayName: 'Carol', bio: null, hobbies: ['Climbing'], interests: ['Sci-fi', 'Jazz'], photos: [], distanceMiles: 3, likesMe: false },
  u4: { id: 'u4', displayName: 'Dana', bio: 'New in town.', hobbies: ['Running'], interests: ['Film'], photos: [photo('p4', 20)], distanceMiles: 2, likesMe: true },
};
const me = { id: 'u1', username: 'alice', email: 'alice@example.com', createdAt: now(), photos: [], profile: null, isModerator: false, warnings: [] };
const swiped = new Set(['u4']);
const matches = [{ id: 'm1', createdAt: now(), userId: 'u4' }];
const messages = [
  { id: 'x1', matchId: 'm1', senderId: 'u4', body: 'Hi! Fancy a run on Saturday?', sentAt: new Date(Date.now() - 3600e3).toISOString(), readAt: null },
];
for (let i = 0; i < 45; i++) messages.unshift({ id: `old${i}`, matchId: 'm1', senderId: i % 2 ? 'u1' : 'u4', body: `Older message ${45 - i}`, sentAt: new Date(Date.now() - (50 - i) * 86400e3).toISOString(), readAt: now() });
let seq = 0;

// Live events are journalled with a position, as the API does: a subscription with `after` first replays what came
// since, and every event it sends carries its position as extensions.cursor (set by onNext below).
const listeners = new Set();
const journal = [];
function publish(event) {
  const entry = { ...event, position: journal.length + 1 };
  if (!event.typing) journal.push(entry);
  for (const l of listeners) l(entry);
}
async function* stream(field, after, context) {
  const queue = journal.filter((e) => e[field] && e.position > Number(after ?? journal.length)); let wake;
  const l = (e) => { if (e[field]) { queue.push(e); wake?.(); } };
  listeners.add(l);
  try {
    for (;;) {
      while (queue.length) { const e = queue.shift(); context.cursor = String(e.position); yield e; }
      await new Promise((r) => (wake = r));
    }
  } finally { listeners.delete(l); }
}
const unreadTotal = () => messages.filter((x) => x.senderId !== 'u1' && !x.readAt && matches.some((m) => m.id === x.matchId)).length;

const candidate = (p) => {
  const mine = me.profile ?? { hobbies: [], interests: [] };
  const has = (list, v) => list.some((x) => x.toLowerCase() === v.toLowerCase());
  return { ...p, sharedHobbies: p.hobbies.filter((h) => has(mine.hobbies, h)), sharedInterests: p.interests.filter((h) => has(mine.interests, h)) };
};
const toMessage = (m) => ({ ...m, sender: { id: m.senderId, displayName: m.senderId === 'u1' ? me.profile?.displayName ?? 'alice' : people[m.senderId].displayName } });
const toMatch = (m) => {
  const list = messages.filter((x) => x.matchId === m.id);
  return { id: m.id, createdAt: m.createdAt, user: candidate(people[m.userId]), lastMessage: list.length ? toMessage(list.at(-1)) : null, unreadCount: list.filter((x) => x.senderId !== 'u1' && !x.readAt).length, state: 'ACTIVE' };
};
const connection = (nodes) => ({ nodes, edges: nodes.map((node, i) => ({ node, cursor: String(i) })), pageInfo: { hasNextPage: false, hasPreviousPage: false, endCursor: null, startCursor: null } });
const session = (user = me) => ({ accessToken: `access-${++seq}`, refreshToken: `refresh-${seq}`, accessTokenExpiresAt: new Date(Date.now() + 15 * 60e3).toISOString(), user });
const requireAuth = (ctx) => { if (!ctx.token) throw err('Log in first.', 'UNAUTHENTICATED'); };
/** A session for a resolver: kept on the request so the server can put its refresh token in the cookie when asked. */
const issue = (ctx) => { ctx.issued = session(); return ctx.issued; };

const root = {
  signUp: ({ input }, ctx) => {
    const fields = {};
    if (input.password.length < 10) fields.password = ['Password must be at least 10 characters.'];
    if (!/^[a-z0-9_]{3,30}$/i.test(input.username)) fields.username = ['Use 3-30 letters, digits or _.'];
    if (Object.keys(fields).length) throw err('Invalid input.', 'BAD_USER_INPUT', { fields });
    if (input.username.toLowerCase() === 'taken') throw err('Taken.', 'USERNAME_TAKEN');
    me.username = input.username.toLowerCase(); me.email = input.email;
    return issue(ctx);
  },
  logIn: ({ input }, ctx) => {
    if (input.password === 'wrong-password') throw err('Bad.', 'INVALID_CREDENTIALS');
    if (input.password === 'rate-limited') throw err('Slow down.', 'RATE_LIMITED', { retryAfterSeconds: 42 });
    return issue(ctx);
  },
  changePassword: ({ input }, ctx) => {
    requireAuth(ctx);
    if (input.newPassword.length < 10) throw err('Invalid input.', 'BAD_USER_INPUT', { fields: { newPassword: ['Use 10 to 128 characters.'] } });
    return issue(ctx);
  },
  deleteAccount: (_, ctx) => { requireAuth(ctx); return { deleted: true }; },
  exportMyData: (_, ctx) => { requireAuth(ctx); return JSON.stringify({ account: me, matches, messages }); },
  liveCursor: (_, ctx) => { requireAuth(ctx); return String(journal.length); },
  unreadTotal: (_, ctx) => { requireAuth(ctx); return unreadTotal(); },
  match: ({ id }, ctx) => {
    requireAuth(ctx);
    const m = matches.find((x) => x.id === id);
    if (!m) throw err('Not found.', 'NOT_FOUND');
    return toMatch(m);
  },
  refreshToken: ({ input }) => { if (!input.refreshToken.startsWith('refresh-')) throw err('No.', 'INVALID_REFRESH_TOKEN'); return session(); },
  logOut: () => ({ loggedOut: true }),
  me: (_, ctx) => (ctx.token ? { ...me, profileComplete: Boolean(me.profile?.zipCode), profile: me.profile && { ...me.profile, complete: true, updatedAt: now() } } : null),
  updateProfile: ({ input }, ctx) => {
    requireAuth(ctx);
    if (input.zipCode === '00000') throw err('Unknown ZIP.', 'UNKNOWN_ZIP_CODE');
    if (input.displayName.toLowerCase() === 'bad') throw err('Invalid input.', 'BAD_USER_INPUT', { fields: { displayName: ['That display name is not allowed.'], 'hobbies[0]': ['Too long.'] } });
    me.profile = { ...input, bio: input.bio ?? null };
    return { profile: { ...me.profile, complete: true, updatedAt: now() } };
  },
  discover: (_, ctx) => {
    requireAuth(ctx);
    if (!me.profile) throw err('Finish your profile.', 'PROFILE_INCOMPLETE');
    return connection(Object.values(people).filter((p) => !swiped.has(p.id)).map(candidate));
  },
  swipe: ({ input }, ctx) => {
    requireAuth(ctx);
    if (swiped.has(input.userId)) throw err('Already.', 'ALREADY_SWIPED');
    swiped.add(input.userId);
    if (input.decision === 'YES' && people[input.userId].likesMe) {
      const m = { id: `m${++seq}`, createdAt: now(), userId: input.userId };
      matches.unshift(m);
      return { match: toMatch(m) };
    }
    return { match: null };
  },
  matches: (_, ctx) => { requireAuth(ctx); return connection(matches.map(toMatch)); },
  conversation: ({ matchId, last = 30, before }, ctx) => {
    requireAuth(ctx);
    if (!matches.some((m) => m.id === matchId)) throw err('Not found.', 'NOT_FOUND');
    const list = messages.filter((x) => x.matchId === matchId);
    const end = before ? Number(before) : list.length;
    const start = Math.max(0, end - last);
    const nodes = list.slice(start, end).map(toMessage);
    return { nodes, edges: [], pageInfo: { hasPreviousPage: start > 0, startCursor: String(start), hasNextPage: false, endCursor: null } };
  },
  sendMessage: ({ input }, ctx) => {
    requireAuth(ctx);
    const match = matches.find((m) => m.id === input.matchId);
    if (!match) throw err('Not matched.', 'NOT_MATCHED');
    const message = { id: `x${++seq}`, matchId: match.id, senderId: 'u1', body: input.body.trim(), sentAt: now(), readAt: null };
    messages.push(message);
    // The other person reads it, types, and answers.
    setTimeout(() => { message.readAt = now(); publish({ conversationRead: { matchId: match.id, readerId: match.userId, readAt: message.readAt } }); }, 800);
    setTimeout(() => publish({ typing: { matchId: match.id, userId: match.userId } }), 1200);
    setTimeout(() => {
      const reply = { id: `x${++seq}`, matchId: match.id, senderId: match.userId, body: `You said: ${message.body}`, sentAt: now(), readAt: null };
      messages.push(reply);
      publish({ messageReceived: toMessage(reply) });
    }, 2500);
    return { message: toMessage(message) };
  },
  markConversationRead: ({ input }, ctx) => {
    requireAuth(ctx);
    let markedCount = 0;
    for (const x of messages) if (x.matchId === input.matchId && x.senderId !== 'u1' && !x.readAt) { x.readAt = now(); markedCount++; }
    return { matchId: input.matchId, markedCount, readAt: now() };
  },
  setTyping: ({ input }) => ({ matchId: input.matchId, sent: true }),
  unmatch: ({ input }) => { matches.splice(matches.findIndex((m) => m.id === input.matchId), 1); return { matchId: input.matchId }; },
  blockUser: ({ input }) => { const i = matches.findIndex((m) => m.userId === input.userId); if (i >= 0) matches.splice(i, 1); return { blockedUserId: input.userId }; },
  uploadPhoto: ({ input }, ctx) => {
    requireAuth(ctx);
    if (me.photos.length >= 6) throw err('At most 6 photos.', 'PHOTO_LIMIT_REACHED');
    if (!['image/jpeg', 'image/png', 'image/webp'].includes(input.file.type)) throw err('Unsupported type.', 'UNSUPPORTED_MEDIA_TYPE');
    if (input.file.size > 10 * 1024 * 1024) throw err('Too large.', 'PAYLOAD_TOO_LARGE');
    const p = { ...photo(`mp${++seq}`, (seq * 47) % 360), position: me.photos.length };
    me.photos.push(p);
    return { photo: p };
  },
  reorderPhotos: ({ input }, ctx) => {
    requireAuth(ctx);
    if (input.photoIds.length !== me.photos.length || input.photoIds.some((id) => !me.photos.some((p) => p.id === id))) throw err('Every photo once.', 'BAD_USER_INPUT', { fields: { photoIds: ['List every photo once.'] } });
    me.photos = input.photoIds.map((id, position) => ({ ...me.photos.find((p) => p.id === id), position }));
    return { photos: me.photos };
  },
  deletePhoto: ({ input }, ctx) => {
    requireAuth(ctx);
    if (!me.photos.some((p) => p.id === input.photoId)) throw err('No such photo.', 'NOT_FOUND');
    me.photos = me.photos.filter((p) => p.id !== input.photoId).map((p, position) => ({ ...p, position }));
    return { deletedPhotoId: input.photoId, photos: me.photos };
  },
  reportUser: ({ input }, ctx) => {
    requireAuth(ctx);
    if (!input.reason.trim() || input.reason.length > 1000) throw err('Invalid input.', 'BAD_USER_INPUT', { fields: { reason: ['Use 1-1000 characters.'] } });
    const i = matches.findIndex((m) => m.userId === input.userId); if (i >= 0) matches.splice(i, 1);
    return { reportId: `r${++seq}`, blockedUserId: input.userId };
  },
  messageReceived: ({ after }, ctx) => stream('messageReceived', after, ctx),
  matchCreated: ({ after }, ctx) => stream('matchCreated', after, ctx),
  matchEnded: ({ after }, ctx) => stream('matchEnded', after, ctx),
  typing: (_, ctx) => stream('typing', undefined, ctx),
  conversationRead: ({ after }, ctx) => stream('conversationRead', after, ctx),
};

// No Secure flag here: the mock serves plain http on any host, and only browsers treat localhost as secure.
const refreshCookie = (s) => `friender_refresh=${s.refreshToken}; Path=/auth; HttpOnly; SameSite=Strict; Max-Age=2592000`;

const server = createServer(async (req, res) => {
  if (req.url === '/debug/match' ) {
    const p = people.u3; const m = { id: `m${++seq}`, createdAt: now(), userId: p.id }; matches.unshift(m);
    publish({ matchCreated: toMatch(m) }); res.end('ok'); return;
  }
  if (req.url === '/debug/end') {
    // The other person of the newest match unmatches.
    const m = matches.shift(); if (m) publish({ matchEnded: { matchId: m.id, endedAt: now() } }); res.end('ok'); return;
  }
  if (req.url === '/auth/refresh' || req.url === '/auth/logout') {
    // The session cookie, as the API keeps it: HttpOnly, scoped to /auth, behind the CSRF header.
    const json = (status, body, cookie) => res.writeHead(status, { 'content-type': 'application/json', ...(cookie ? { 'set-cookie': cookie } : {}) }).end(JSON.stringify(body));
    if (req.method !== 'POST') return json(405, { errors: [{ message: 'Use POST.', extensions: { code: 'METHOD_NOT_ALLOWED' } }] });
    if (!req.headers['x-friender-csrf']) return json(403, { errors: [{ message: 'CSRF header.', extensions: { code: 'CSRF_HEADER_REQUIRED' } }] });
    const cleared = 'friender_refresh=; Path=/auth; HttpOnly; SameSite=Strict; Max-Age=0';
    const token = /(?:^|;\s*)friender_refresh=([^;]+)/.exec(req.headers.cookie ?? '')?.[1];
    if (req.url === '/auth/logout') return json(200, { data: { loggedOut: Boolean(token) } }, cleared);
    if (!token?.startsWith('refresh-')) return json(401, { errors: [{ message: 'Log in again.', extensions: { code: 'INVALID_REFRESH_TOKEN' } }] }, cleared);
    const next = session();
    return json(200, { data: { accessToken: next.accessToken, accessTokenExpiresAt: next.accessTokenExpiresAt, user: next.user } }, refreshCookie(next));
  }
  if (req.method !== 'POST' || !req.url.startsWith('/graphql')) { res.writeHead(404).end(); return; }
  const chunks = []; for await (const chunk of req) chunks.push(chunk);
  let query, variables;
  if ((req.headers['content-type'] ?? '').startsWith('multipart/form-data')) {
    // graphql-multipart-request-spec, as the real API: refused without the preflight header.
    if (!req.headers['graphql-preflight']) { res.writeHead(400, { 'content-type': 'application/json' }).end(JSON.stringify({ errors: [{ message: 'Preflight header required.', extensions: { code: 'BAD_REQUEST' } }] })); return; }
    const form = await new Request('http://mock/graphql', { method: 'POST', headers: { 'content-type': req.headers['content-type'] }, body: Buffer.concat(chunks) }).formData();
    ({ query, variables } = JSON.parse(form.get('operations')));
    for (const [key, paths] of Object.entries(JSON.parse(form.get('map')))) {
      for (const path of paths) {
        const parts = path.split('.'); let target = { variables }; for (const part of parts.slice(0, -1)) target = target[part];
        target[parts.at(-1)] = form.get(key);
      }
    }
  } else {
    ({ query, variables } = JSON.parse(Buffer.concat(chunks).toString('utf8')));
  }
  const token = (req.headers.authorization ?? '').replace(/^Bearer /, '') || null;
  const context = { token };
  const result = await graphql({ schema, source: query, rootValue: root, variableValues: variables, contextValue: context });
  const cookie = context.issued && req.headers['x-friender-session'] === 'cookie' ? { 'set-cookie': refreshCookie(context.issued) } : {};
  res.writeHead(200, { 'content-type': 'application/json', ...cookie }).end(JSON.stringify(result));
});
const wss = new WebSocketServer({ server, path: '/graphql' });
useServer({
  schema,
  roots: { subscription: root, query: root, mutation: root },
  context: (ctx) => ({ token: String(ctx.connectionParams?.authorization ?? '').replace(/^Bearer /, '') }),
  onConnect: (ctx) => Boolean(ctx.connectionParams?.authorization),
  onNext: (_ctx, _id, _payload, args, result) => (args.contextValue.cursor ? { ...result, extensions: { cursor: args.contextValue.cursor } } : result),
}, wss);
server.listen(port, '127.0.0.1', () => console.log(`mock Friender API on http://127.0.0.1:${port}/graphql`));
