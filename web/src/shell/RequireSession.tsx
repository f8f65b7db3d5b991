import { Navigate, type RouteSectionProps, useLocation } from '@solidjs/router';
import { type Component, Show } from 'solid-js';
import { useSession } from '../session/SessionContext';

/** Routes below need a signed-in user; others go to sign-in and come back afterwards. */
export const RequireSession: Component<RouteSectionProps> = (props) => {
  const session = useSession();
  const location = useLocation();
  const signInHref = () => `/sign-in?next=${encodeURIComponent(location.pathname + location.search)}`;
  return (
    <Show when={session.token()} fallback={<Navigate href={signInHref()} />}>
      {props.children}
    </Show>
  );
};
