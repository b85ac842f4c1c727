/** @jsxImportSource hono/jsx */
import type { Child } from 'hono/jsx';

/** Options of {@link Layout}. */
export interface LayoutProps {
  readonly title: string;
  /** Signed in: the header shows the sections and a sign-out form carrying this CSRF token. */
  readonly csrf?: string | undefined;
  /** Milliseconds between live updates of the page's `[data-live]` part (console.js), when it is still moving. */
  readonly refreshMs?: number | undefined;
  readonly children?: Child;
}

/** The page around every console view: its stylesheet and script are files the app serves, never inline. */
export function Layout({ title, csrf, refreshMs, children }: LayoutProps) {
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} · contextflow console`}</title>
        <link rel="icon" href="/console/assets/favicon.svg" type="image/svg+xml" />
        <link rel="stylesheet" href="/console/assets/console.css" />
        <script src="/console/assets/console.js" defer />
      </head>
      <body data-refresh={refreshMs === undefined ? undefined : String(refreshMs)}>
        <header>
          <strong>contextflow console</strong>
          {csrf === undefined ? null : (
            <>
              <a href="/console">Overview</a>
              <a href="/console/failures">Failures</a>
              <form method="post" action="/console/logout">
                <input type="hidden" name="csrf" value={csrf} />
                <button class="link" type="submit">
                  Sign out
                </button>
              </form>
            </>
          )}
        </header>
        <main>
          <h1>{title}</h1>
          {children}
        </main>
      </body>
    </html>
  );
}

/** A labelled figure of the overview. */
export function Figure({ label, value }: { readonly label: string; readonly value: string | number }) {
  return (
    <div class="card">
      <div class="muted">{label}</div>
      <div class="big">{String(value)}</div>
    </div>
  );
}

/** The hidden CSRF field every action form carries. */
export function Csrf({ token }: { readonly token: string }) {
  return <input type="hidden" name="csrf" value={token} />;
}

/** A date as operators read it: ISO 8601 UTC to the second. */
export const when = (iso: string) => `${iso.slice(0, 19).replace('T', ' ')} UTC`;
