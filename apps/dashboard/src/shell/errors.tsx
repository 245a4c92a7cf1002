import { isRouteErrorResponse, Link, useRouteError } from 'react-router';
import { GroupLink } from './server-group';

/** The page of a URL the dashboard has no page for (a mistyped or outdated link), inside the shell. */
export function NotFoundPage() {
  return (
    <section>
      <h1>No such page</h1>
      <p className="empty">
        The dashboard has no page at this address. <GroupLink to="/products">Back to the products</GroupLink>
      </p>
    </section>
  );
}

/**
 * What shows when a page fails to render, instead of react-router's developer page: what went
 * wrong, and a way back. Inside the shell for a page's failure (the sections still work); on
 * its own when the shell itself failed, so it links with a plain link.
 */
export function RouteError() {
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.status === 404) return <NotFoundPage />;
  const message = isRouteErrorResponse(error)
    ? `${error.status} ${error.statusText}`
    : error instanceof Error
      ? error.message
      : String(error);
  return (
    <section>
      <h1>Something went wrong</h1>
      <p role="alert" className="error banner">
        This page failed: {message}
      </p>
      <p>
        Reload the page to try again, or <Link to="/products">go back to the products</Link>.
      </p>
    </section>
  );
}
