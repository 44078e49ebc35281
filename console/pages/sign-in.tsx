import { useState } from 'preact/hooks';
import { api } from '../api';
import type { Session } from '../session';
import { describe, Problem } from '../ui';

export function SignInPage(props: { onSignedIn(session: Session): void }) {
  const [key, setKey] = useState('');
  const [problem, setProblem] = useState<string>();
  const submit = async (event: Event) => {
    event.preventDefault();
    setProblem(undefined);
    try {
      props.onSignedIn(await api<Session>('POST', '/console/session', { key }));
    } catch (err) {
      setProblem(describe(err));
    }
  };
  return (
    <main id="main" class="sign-in">
      <h1>Sign in to the Parley console</h1>
      <p>
        Paste the API key you were given (<code>parley keys create</code>; <code>npm start</code> prints the admin's), or an access token from your
        identity provider. What you see and may do follows its role.
      </p>
      <form onSubmit={submit}>
        <label for="key">API key or access token</label>
        <input id="key" name="key" type="password" autocomplete="off" required value={key} onInput={(e) => setKey(e.currentTarget.value)} />
        <button type="submit">Sign in</button>
      </form>
      <Problem message={problem} />
    </main>
  );
}
