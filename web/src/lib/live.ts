import { client, closeLive } from './client';
import { ConversationReadDoc, MatchCreatedDoc, MessageReceivedDoc, TypingDoc } from '../operations';
import type {
  ConversationReadSubscription,
  MatchCreatedSubscription,
  MessageReceivedSubscription,
  TypingSubscription,
} from '../gql/graphql';

export type LiveEvents = {
  message: MessageReceivedSubscription['messageReceived'];
  match: MatchCreatedSubscription['matchCreated'];
  typing: TypingSubscription['typing'];
  read: ConversationReadSubscription['conversationRead'];
};

type Handler<K extends keyof LiveEvents> = (event: LiveEvents[K]) => void;
const handlers: { [K in keyof LiveEvents]: Set<Handler<K>> } = {
  message: new Set(),
  match: new Set(),
  typing: new Set(),
  read: new Set(),
};

export function onLive<K extends keyof LiveEvents>(kind: K, handler: Handler<K>): () => void {
  const set = handlers[kind] as Set<Handler<K>>;
  set.add(handler);
  return () => set.delete(handler);
}

function emit<K extends keyof LiveEvents>(kind: K, event: LiveEvents[K]) {
  for (const handler of handlers[kind] as Set<Handler<K>>) handler(event);
}

/** One subscription per event for the whole session; screens listen with onLive. Returns the stop function. */
export function startLive(): () => void {
  const subscriptions = [
    client.subscription(MessageReceivedDoc, {}).subscribe((r) => r.data && emit('message', r.data.messageReceived)),
    client.subscription(MatchCreatedDoc, {}).subscribe((r) => r.data && emit('match', r.data.matchCreated)),
    client.subscription(TypingDoc, {}).subscribe((r) => r.data && emit('typing', r.data.typing)),
    client.subscription(ConversationReadDoc, {}).subscribe((r) => r.data && emit('read', r.data.conversationRead)),
  ];
  return () => {
    for (const subscription of subscriptions) subscription.unsubscribe();
    closeLive();
  };
}
