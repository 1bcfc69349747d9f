import { http, HttpResponse } from 'msw';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { coded, server } from '../test/server';

const session = (id: string) => ({
  data: { accessToken: `token-${id}`, accessTokenExpiresAt: new Date(Date.now() + 15 * 60_000).toISOString(), user: { id, username: id, email: `${id}@example.com` } },
});

/** The auth module as a freshly opened tab has it. */
async function freshTab() {
  vi.resetModules();
  return import('./auth');
}

describe('the session of a tab', () => {
  beforeEach(() => localStorage.clear());

  it('a tab of a browser that logged in before takes the session up from the cookie, with the CSRF header', async () => {
    localStorage.setItem('friender.signedIn', '1');
    const headers: string[] = [];
    server.use(
      http.post('/auth/refresh', ({ request }) => {
        headers.push(request.headers.get('x-friender-csrf') ?? '');
        return HttpResponse.json(session('ana'));
      }),
    );
    const auth = await freshTab();
    expect(auth.getAuthState().status).toBe('restoring');

    expect(await auth.refreshSession()).toBe(true);

    expect(auth.getAuthState()).toMatchObject({ status: 'signedIn', user: { id: 'ana' } });
    expect(auth.getAccessToken()).toBe('token-ana');
    expect(headers).toEqual(['1']);
  });

  it('a refused cookie ends the session and forgets that this browser was logged in', async () => {
    localStorage.setItem('friender.signedIn', '1');
    server.use(http.post('/auth/refresh', () => HttpResponse.json(coded('INVALID_REFRESH_TOKEN'), { status: 401 })));
    const auth = await freshTab();

    expect(await auth.refreshSession()).toBe(false);

    expect(auth.getAuthState().status).toBe('signedOut');
    expect(localStorage.getItem('friender.signedIn')).toBeNull();
  });

  it('an unreachable server keeps the browser logged in, to try again', async () => {
    localStorage.setItem('friender.signedIn', '1');
    server.use(http.post('/auth/refresh', () => HttpResponse.error()));
    const auth = await freshTab();

    expect(await auth.refreshSession()).toBe(false);

    expect(auth.getAuthState()).toMatchObject({ status: 'signedOut', notice: expect.stringMatching(/Cannot reach Friender/) });
    expect(localStorage.getItem('friender.signedIn')).toBe('1');
  });

  it('a log-in in another tab replaces whoever this tab had; a log-out there ends it here', async () => {
    server.use(http.post('/auth/refresh', () => HttpResponse.json(session('bea'))));
    const auth = await freshTab();
    auth.startSession(session('ana').data);
    const otherTab = new BroadcastChannel('friender-session');

    otherTab.postMessage({ type: 'login', userId: 'bea' });
    await vi.waitFor(() => expect(auth.getAuthState()).toMatchObject({ status: 'signedIn', user: { id: 'bea' } }));

    otherTab.postMessage({ type: 'logout' });
    await vi.waitFor(() => expect(auth.getAuthState().status).toBe('signedOut'));
    otherTab.close();
  });
});
