import { useQuery } from 'urql';
import { Alert } from '../../components/Field';
import { href } from '../../lib/router';
import { useSession } from '../../lib/session';
import { ChatHeader } from './ChatHeader';
import { Composer } from './Composer';
import { MessageLog } from './MessageLog';
import { ChatMatchDoc } from './operations';
import { useConversation } from './useConversation';
import { useOtherTyping } from './useTyping';

/** A conversation with one match: the header, the messages as they come, and the message box while the match lasts. */
export function ChatScreen({ matchId }: { matchId: string }) {
  const { me } = useSession();
  // The header may come from the cache (a name and a photo); the conversation never does.
  const [{ data }] = useQuery({ query: ChatMatchDoc, variables: { id: matchId }, requestPolicy: 'cache-and-network' });
  const match = data?.match ?? null;
  const conversation = useConversation(matchId, me.id);
  const typing = useOtherTyping(matchId, me.id);
  const name = match?.user.displayName ?? 'your match';

  return (
    <section className="screen chat" aria-labelledby="screen-title">
      <ChatHeader matchId={matchId} match={match} />
      {conversation.loading ? (
        <p role="status" className="loading">
          Loading the conversation…
        </p>
      ) : conversation.error && conversation.messages.length === 0 ? (
        <div className="empty">
          <Alert>{conversation.error}</Alert>
          <a href={href({ name: 'matches' })}>Back to matches</a>
        </div>
      ) : (
        <>
          <MessageLog
            messages={conversation.messages}
            meId={me.id}
            name={name}
            typing={typing}
            hasOlder={conversation.older}
            loadingOlder={conversation.loadingOlder}
            loadOlder={conversation.loadOlder}
          />
          {conversation.ended ? (
            <Alert>{conversation.ended}</Alert>
          ) : match?.state === 'FROZEN' ? (
            <p className="notice frozen" role="status">
              This conversation is paused while {name}&apos;s account is under review. You can still read it.
            </p>
          ) : (
            <Composer matchId={matchId} name={name} onSent={conversation.addSent} onEnded={conversation.setEnded} />
          )}
          <Alert>{conversation.messages.length > 0 ? conversation.error : ''}</Alert>
        </>
      )}
    </section>
  );
}
