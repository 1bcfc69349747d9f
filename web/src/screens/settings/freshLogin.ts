import { publicClient, startSession } from '../../lib/auth';
import { ErrorCode } from '../../lib/contract';
import { errorCode, errorMessage } from '../../lib/errors';
import { LogInDoc } from '../../operations';

export type FreshLoginResult = { ok: true } | { ok: false; passwordError?: string; error?: string };

/**
 * Changing the password and deleting the account need a login from the last few minutes: asks the API to log this
 * person in again with the password they just typed, and keeps that fresh session for the request that follows.
 */
export async function freshLogin(username: string, password: string): Promise<FreshLoginResult> {
  const result = await publicClient.mutation(LogInDoc, { input: { username, password } }).toPromise();
  if (result.data) {
    startSession(result.data.logIn);
    return { ok: true };
  }
  if (errorCode(result.error) === ErrorCode.InvalidCredentials) return { ok: false, passwordError: 'That is not your current password.' };
  return { ok: false, error: errorMessage(result.error) };
}
