import type { CombinedError } from '@urql/core';
import { ErrorCode } from './contract';

const messages: Record<string, string> = {
  UNAUTHENTICATED: 'Your session has ended. Please log in again.',
  FORBIDDEN: 'You are not allowed to do that.',
  NOT_FOUND: 'We could not find that. It may have been removed.',
  BAD_USER_INPUT: 'Some fields need another look.',
  INVALID_CREDENTIALS: 'That username or password is not right.',
  USERNAME_TAKEN: 'That username is taken. Try another one.',
  EMAIL_TAKEN: 'There is already an account with that email. Log in instead?',
  INVALID_REFRESH_TOKEN: 'Your session has expired. Please log in again.',
  FRESH_LOGIN_REQUIRED: 'For your security, please log in again.',
  RATE_LIMITED: 'Too many attempts. Please wait a moment and try again.',
  PROFILE_INCOMPLETE: 'Finish your profile (hobbies, interests, ZIP code and radius) to start meeting people.',
  UNKNOWN_ZIP_CODE: 'We do not know that ZIP code. Check it and try again.',
  ALREADY_SWIPED: 'You already answered this person.',
  CANNOT_SWIPE_SELF: 'That is you! You cannot answer yourself.',
  NOT_MATCHED: 'You are not matched with this person any more.',
  PHOTO_LIMIT_REACHED: 'You already have 6 photos. Delete one to add another.',
  UNSUPPORTED_MEDIA_TYPE: 'That file type is not supported. Use a JPEG, PNG or WebP image.',
  PAYLOAD_TOO_LARGE: 'That file is too big. The limit is 10 MB.',
  STORAGE_UNAVAILABLE: 'Photos are unavailable right now. Please try again in a minute.',
  CONFLICT: 'Something changed at the same time. Please try again.',
  MATCH_FROZEN: 'This conversation is paused while the other person\'s account is under review.',
  ALREADY_APPEALED: 'You have already appealed this decision.',
  ALREADY_ANSWERED: 'Another moderator answered this appeal first.',
  INTERNAL: 'Something went wrong on our side. Please try again.',
};

const fallback = 'Something went wrong. Please try again.';
const offline = 'Cannot reach Friender. Check your connection and try again.';

type Extensions = { code?: unknown; fields?: unknown; retryAfterSeconds?: unknown; until?: unknown; reason?: unknown };

function firstExtensions(error: CombinedError): Extensions | undefined {
  return error.graphQLErrors[0]?.extensions as Extensions | undefined;
}

export function errorCode(error: CombinedError | null | undefined): string | undefined {
  if (!error) return undefined;
  const code = firstExtensions(error)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** One sentence a person can act on, for any error the API or the network gives. */
export function errorMessage(error: CombinedError | null | undefined): string {
  if (!error) return '';
  if (error.networkError && error.graphQLErrors.length === 0) return offline;
  const code = errorCode(error);
  if (code === ErrorCode.AccountSuspended) return suspensionMessage(firstExtensions(error));
  if (code === ErrorCode.RateLimited) {
    const seconds = Number(firstExtensions(error)?.retryAfterSeconds);
    if (Number.isFinite(seconds) && seconds > 0) {
      return `Too many attempts. Please wait ${seconds} second${seconds === 1 ? '' : 's'} and try again.`;
    }
  }
  return (code && messages[code]) || fallback;
}

/** What a suspended or banned person is told: until when, and the moderator's reason. */
export function suspensionMessage(extensions: { until?: unknown; reason?: unknown } | undefined): string {
  const reason = typeof extensions?.reason === 'string' ? ` Reason: ${extensions.reason}` : '';
  const until = typeof extensions?.until === 'string' ? new Date(extensions.until) : null;
  if (until && !Number.isNaN(until.getTime())) {
    const when = until.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
    return `Your account is suspended until ${when}.${reason}`;
  }
  return `Your account is banned from Friender.${reason}`;
}

/**
 * BAD_USER_INPUT carries field → messages; list entries arrive as "hobbies[2]", so they are filed under "hobbies".
 */
export function fieldErrors(error: CombinedError | null | undefined): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  if (!error) return result;
  for (const graphQLError of error.graphQLErrors) {
    const fields = (graphQLError.extensions as Extensions | undefined)?.fields;
    if (!fields || typeof fields !== 'object') continue;
    for (const [key, value] of Object.entries(fields as Record<string, unknown>)) {
      const field = key.replace(/^input\./, '').split(/[[.]/)[0] || 'input';
      const list = Array.isArray(value) ? value.map(String) : [String(value)];
      result[field] = [...new Set([...(result[field] ?? []), ...list])];
    }
  }
  return result;
}
