import { useCallback, useEffect, useState } from 'react';
import { useClient, useSubscription, type AnyVariables, type TypedDocumentNode } from 'urql';
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
import { closeLive } from './client';
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

/** Listens to one kind of live event of the session; returns the function that stops listening. */
export function onLive<K extends keyof LiveEvents>(kind: K, handler: Handler<K>): () => void {
  const set = handlers[kind] as Set<Handler<K>>;
  set.add(handler);
  return () => set.delete(handler);
}

/** Hands one live event to whoever listens: what the subscriptions below do with each result (and unit tests too). */
export function deliverLive<K extends keyof LiveEvents>(kind: K, event: LiveEvents[K]) {
  for (const handler of handlers[kind] as Set<Handler<K>>) handler(event);
}

/** One subscription of a kept kind (useSubscription), from the given cursor; RESYNC_REQUIRED calls onResync. */
function useLiveKind<D, K extends keyof LiveEvents>(
  query: TypedDocumentNode<D, { after?: string | null }>,
  kind: K,
  pick: (data: D) => LiveEvents[K],
  from: string | null,
  onResync: () => void,
) {
  const [result] = useSubscription<D, D, AnyVariables>({ query, variables: { after: from } }, (_previous, data) => {
    deliverLive(kind, pick(data));
    return data;
  });
  const resync = result.error?.graphQLErrors.some((error) => error.extensions?.code === ErrorCode.ResyncRequired) ?? false;
  useEffect(() => {
    if (resync) onResync();
  }, [resync, onResync]);
}

function Subscriptions({ from, onResync }: { from: string | null; onResync: () => void }) {
  useLiveKind(MessageReceivedDoc, 'message', (data) => data.messageReceived, from, onResync);
  useLiveKind(MatchCreatedDoc, 'match', (data) => data.matchCreated, from, onResync);
  useLiveKind(MatchEndedDoc, 'ended', (data) => data.matchEnded, from, onResync);
  useLiveKind(ConversationReadDoc, 'read', (data) => data.conversationRead, from, onResync);
  // Typing is not kept, so there is nothing to resume: it starts live.
  useSubscription<TypingSubscription>({ query: TypingDoc }, (_previous, data) => {
    deliverLive('typing', data.typing);
    return data;
  });
  return null;
}

/**
 * The live events of the session, one subscription per kind, fanned out to screens (onLive). They start from the
 * liveCursor read first, so nothing between loading a screen and subscribing is missed; when the server says the gap
 * is too old to replay, screens reload (`resync`) and the subscriptions start again from a new cursor.
 */
export function LiveEvents() {
  const client = useClient();
  const [start, setStart] = useState<{ from: string | null; round: number } | null>(null);

  const begin = useCallback(async () => {
    // Without a cursor (the query failed) the server starts from its latest event: live only until the first one.
    const answer = await client.query(LiveCursorDoc, {}, { requestPolicy: 'network-only' }).toPromise();
    setStart((current) => ({ from: answer.data?.liveCursor ?? null, round: (current?.round ?? 0) + 1 }));
  }, [client]);

  useEffect(() => {
    void begin();
    return () => closeLive();
  }, [begin]);

  const onResync = useCallback(() => {
    setStart(null);
    deliverLive('resync', null);
    void begin();
  }, [begin]);

  return start ? <Subscriptions key={start.round} from={start.from} onResync={onResync} /> : null;
}
