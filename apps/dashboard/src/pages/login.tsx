import { ApiProblem, unwrap } from '@tollgate/api-client';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { api, messageOf, session } from '../api';
import { useAction } from '../components/problem';

/** Sign in with a username and password; the session token is kept for this tab. */
export function LoginPage() {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | undefined>();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  // Its own message rather than a banner: a 401 here means a wrong password, not an ended session.
  const action = useAction({
    show: (failure) =>
      setError(failure instanceof ApiProblem && failure.status === 401 ? 'Wrong username or password.' : messageOf(failure)),
    clear: () => setError(undefined),
  });

  const submit = action.submit(async () => {
    const { token } = await unwrap(api.POST('/api/v1/auth/login', { body: { username, password } }));
    session.start(token);
    navigate(params.get('next') ?? '/products');
  });

  return (
    <main className="login">
      <form onSubmit={submit} aria-label="Log in">
        <h1>Tollgate</h1>
        <label>
          Username
          <input name="username" autoComplete="username" value={username} onChange={(event) => setUsername(event.target.value)} required />
        </label>
        <label>
          Password
          <input
            name="password"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(event) => setPassword(event.target.value)}
            required
          />
        </label>
        {error !== undefined && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
        <button type="submit" disabled={action.busy}>
          Log in
        </button>
      </form>
    </main>
  );
}
