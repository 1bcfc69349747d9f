import { stringifyDocument, type TypedDocumentNode } from '@urql/core';
import type { ExecutionResult } from 'graphql-ws';
import { client, closeLive, subscribeLive } from './client';
import {
  ConversationReadDoc,
  LiveCursorDoc,
  MatchCreatedDoc,
  MatchEndedDoc,
  MessageReceivedDoc,
  TypingDoc,
} from '../operations';
import type {
  ConversationReadSubscription,
  MatchCreatedSubscription,
  MatchEndedSubscription,
  MessageReceivedSubscription,
  TypingSubscription,
} from '../gql/graphql';
import { ErrorCode } from './contract';

export type LiveEvents = {
  message: MessageReceivedSubscription['messageReceived'];
  match: MatchCreatedSubscription['matchCreated'];
  ended: MatchEndedSubscription['matchEnded'];
  typing: TypingSubscription['typing'];
  read: ConversationReadSubscription['conversationRead'];
  /** The server no longer holds what was missed (away too long): reload what is on screen. */
  resync: null;
};

type Handler<K extends keyof LiveEvents> = (event: LiveEvents[K]) => void;
const handlers: { [K in keyof LiveEvents]: Set<Handler<K>> } = {
  message: new Set(),
  match: new Set(),
  ended: new Set(),
  typing: new Set(),
  read: new Set(),
  resync: new Set(),
};

export function onLive<K extends keyof LiveEvents>(kind: K, handler: Handler<K>): () => void {
  const set = handlers[kind] as Set<Handler<K>>;
  set.add(handler);
  return () => set.delete(handler);
}

function emit<K extends keyof LiveEvents>(kind: K, event: LiveEvents[K]) {
  for (const handler of handlers[kind] as Set<Handler<K>>) handler(event);
}

type Result<D> = ExecutionResult<D, { cursor?: unknown }>;

/**
 * One subscription of a kept kind, resumed from the cursor of the last event it received. graphql-ws subscribes
 * again by itself after a dropped connection and serialises the payload then, so `after` is read at that moment:
 * what happened while the socket was down arrives first, in order and once (the server's promise per subscription).
 */
function follow<D, K extends keyof LiveEvents>(
  document: TypedDocumentNode<D, { after?: string | null }>,
  kind: K,
  pick: (data: D) => LiveEvents[K],
  start: string | null,
  resync: () => void,
): () => void {
  let cursor = start;
  const payload = {
    query: stringifyDocument(document),
    variables: {
      get after() {
        return cursor;
      },
    },
  };
  return subscribeLive<D>(payload, (result: Result<D>) => {
    if (typeof result.extensions?.cursor === 'string') cursor = result.extensions.cursor;
    if (result.data) emit(kind, pick(result.data));
    else if (result.errors?.some((error) => error.extensions?.code === ErrorCode.ResyncRequired)) resync();
  });
}

/**
 * The live events of the session, one subscription per kind; screens listen with onLive. The kept kinds start from
 * the liveCursor read first, so nothing between loading a screen and subscribing is missed. Returns the stop function.
 */
export function startLive(): () => void {
  let stopped = false;
  let stops: (() => void)[] = [];
  const stopAll = () => {
    for (const stop of stops) stop();
    stops = [];
  };
  const start = async () => {
    // Without a cursor (the query failed) the server starts from its latest event: live only until the first one.
    const answer = await client.query(LiveCursorDoc, {}).toPromise();
    if (stopped) return;
    const from = answer.data?.liveCursor ?? null;
    let resyncing = false;
    const resync = () => {
      if (resyncing) return;
      resyncing = true;
      stopAll();
      emit('resync', null);
      void start();
    };
    stops = [
      follow(MessageReceivedDoc, 'message', (data) => data.messageReceived, from, resync),
      follow(MatchCreatedDoc, 'match', (data) => data.matchCreated, from, resync),
      follow(MatchEndedDoc, 'ended', (data) => data.matchEnded, from, resync),
      follow(ConversationReadDoc, 'read', (data) => data.conversationRead, from, resync),
      subscribeLive<TypingSubscription>({ query: stringifyDocument(TypingDoc) }, (result) => {
        if (result.data) emit('typing', result.data.typing);
      }),
    ];
  };
  void start();
  return () => {
    stopped = true;
    stopAll();
    closeLive();
  };
}
