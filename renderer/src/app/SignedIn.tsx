import { QueryClientProvider } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { HashRouter } from 'react-router';
import type { ChangeEvent } from '../../../shared/events';
import type { Connection } from '../api/connection';
import { SessionProvider, type Session } from '../api/context';
import { invalidateFor, newQueryClient } from '../api/queries';
import { ForcedSetupScreen } from '../screens/ForcedSetupScreen';
import { LockScreen } from '../screens/LockScreen';
import type { SignInNotice } from '../screens/SignInScreen';
import { AppShell } from '../shell/AppShell';
import { useIdleLock } from './useIdleLock';

/**
 * Everything behind sign-in: forced set-up (a new password, two-factor
 * enrolment), the idle lock, one event subscription fanned out to the
 * screens, and a query cache that lives and dies with this session.
 */
export function SignedIn({
  connection,
  initial,
  locked,
  onLockedChange,
  onSignedOut,
}: {
  connection: Connection;
  initial: Session;
  locked: boolean;
  onLockedChange: (locked: boolean) => void;
  onSignedOut: (notice: SignInNotice) => void;
}) {
  const [session, setSession] = useState(initial);
  const [queryClient] = useState(newQueryClient);
  const listeners = useRef(new Set<(event: ChangeEvent) => void>());

  useEffect(() => {
    const token = connection.api.token;
    if (!token || locked) return;
    let stop: (() => void) | undefined;
    let cancelled = false;
    void connection.bridge
      .subscribe(token, (event) => {
        invalidateFor(queryClient, event);
        listeners.current.forEach((listener) => listener(event));
      })
      .then((unsubscribe) => {
        if (cancelled) unsubscribe();
        else stop = unsubscribe;
      });
    return () => {
      cancelled = true;
      stop?.();
    };
  }, [connection, queryClient, locked]);

  const onChange = useCallback((listener: (event: ChangeEvent) => void) => {
    listeners.current.add(listener);
    return () => {
      listeners.current.delete(listener);
    };
  }, []);

  const signOut = useCallback(async () => {
    try {
      await connection.api.call('auth.logout', {});
    } catch {
      // Signing out must always succeed locally, even if the host is unreachable.
    }
    connection.api.setToken(null);
    queryClient.clear();
    // The next person to sign in here starts at home, not on the page the last one left open.
    window.location.hash = '';
    onSignedOut('signed-out');
  }, [connection, onSignedOut, queryClient]);

  const lock = useCallback(() => {
    if (locked) return;
    onLockedChange(true);
    // What was on screen is dropped: after unlocking it is fetched again, under the same checks.
    queryClient.clear();
    connection.api.call('auth.lock', {}).catch(() => undefined);
  }, [connection, locked, onLockedChange, queryClient]);

  const refresh = useCallback(async () => {
    const next = await connection.api.call('auth.session', {});
    setSession({ user: next.user, expiresAt: next.expiresAt, idleLockSeconds: next.idleLockSeconds, restriction: next.restriction });
  }, [connection]);

  useIdleLock(session.idleLockSeconds, lock, () => void refresh().catch(() => undefined), !locked && !session.restriction);

  const value = useMemo(() => ({ connection, session, signOut, lock, onChange }), [connection, session, signOut, lock, onChange]);

  let content;
  if (locked) {
    content = (
      <LockScreen
        onUnlocked={(next) => {
          setSession(next);
          onLockedChange(false);
        }}
      />
    );
  } else if (session.restriction) {
    content = <ForcedSetupScreen restriction={session.restriction} onDone={() => void refresh()} />;
  } else {
    content = (
      <HashRouter>
        <AppShell />
      </HashRouter>
    );
  }
  return (
    <SessionProvider value={value}>
      <QueryClientProvider client={queryClient}>{content}</QueryClientProvider>
    </SessionProvider>
  );
}
