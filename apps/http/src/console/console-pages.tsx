/** @jsxImportSource hono/jsx */
import type { CommandRecord, FailureDetail, FailureGroup, QueueFailures } from '@contextflow/core-infra';
import type { CommandStats, DueBacklog, OutboxStatus } from '@contextflow/runtime/operations';
import { Csrf, Figure, Layout, when } from './console-layout.js';

/** The sign-in page. */
export function LoginPage({ csrf, error }: { readonly csrf: string; readonly error?: string | undefined }) {
  return (
    <Layout title="Sign in">
      <form class="login card" method="post" action="/console/login">
        <Csrf token={csrf} />
        <p class="muted">An administrator's account.</p>
        {error === undefined ? null : <p class="error" role="alert">{error}</p>}
        <label for="email">Email</label>
        <input id="email" name="email" type="email" autocomplete="username" required />
        <label for="password">Password</label>
        <input id="password" name="password" type="password" autocomplete="current-password" required />
        <p>
          <button type="submit">Sign in</button>
        </p>
      </form>
    </Layout>
  );
}

/** What a signed-in user without the admin role sees. */
export function RefusedPage() {
  return (
    <Layout title="Not allowed">
      <p class="error" role="alert">This console is for administrators: your account does not have the admin role.</p>
      <p>
        <a href="/console/login">Sign in with another account</a>
      </p>
    </Layout>
  );
}

const ms = (value: number | null) => (value === null ? '–' : `${value} ms`);

/** The overview: commands of the last hour, latency, the outbox backlog, scheduled messages due, failures per queue. */
export function OverviewPage(props: {
  readonly csrf: string;
  readonly stats: CommandStats;
  readonly outbox: OutboxStatus;
  readonly scheduled: DueBacklog;
  readonly failures: readonly QueueFailures[];
}) {
  const { stats, outbox, scheduled, failures } = props;
  return (
    <Layout title="Overview" csrf={props.csrf}>
      <h2>Commands accepted in the last hour</h2>
      <div class="cards">
        {(['pending', 'processing', 'succeeded', 'failed'] as const).map((status) => (
          <Figure label={status} value={stats.byStatus[status]} />
        ))}
        <Figure label="accept → done p50" value={ms(stats.p50Ms)} />
        <Figure label="accept → done p99" value={ms(stats.p99Ms)} />
      </div>
      <h2>Outbox</h2>
      <div class="cards">
        <Figure label="backlog (not yet published)" value={outbox.pending} />
        <Figure label="oldest unpublished" value={`${Math.round(outbox.oldestAgeSeconds)} s`} />
      </div>
      <h2>Scheduled messages</h2>
      <div class="cards">
        <Figure label="due, not yet sent" value={scheduled.due} />
        <Figure label="oldest due lag" value={`${Math.round(scheduled.oldestLagSeconds)} s`} />
      </div>
      <h2>Failures per queue</h2>
      {failures.length === 0 ? (
        <p class="muted">No dead letters.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th>queue</th>
              <th>dead letters</th>
            </tr>
          </thead>
          <tbody>
            {failures.map((queue) => (
              <tr>
                <td>{queue.queue}</td>
                <td>{queue.count}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p>
        <a href="/console/failures">Failure groups →</a>
      </p>
    </Layout>
  );
}

/** The failure groups, each with its sample and its actions. */
export function GroupsPage({ csrf, groups }: { readonly csrf: string; readonly groups: readonly FailureGroup[] }) {
  return (
    <Layout title="Failure groups" csrf={csrf}>
      {groups.length === 0 ? <p class="muted">No dead letters.</p> : null}
      <div class="cards">
        {groups.map((group) => (
          <section class="card" data-fingerprint={group.fingerprint}>
            <h3>{group.type}</h3>
            <dl>
              <dt>count</dt>
              <dd class="count">{group.count}</dd>
              <dt>error</dt>
              <dd>{group.errorCode === '' ? '–' : group.errorCode}</dd>
              <dt>reason</dt>
              <dd>{group.reason}</dd>
              <dt>queues</dt>
              <dd>{group.queues.join(', ')}</dd>
              <dt>first seen</dt>
              <dd>{when(group.firstSeen)}</dd>
              <dt>last seen</dt>
              <dd>{when(group.lastSeen)}</dd>
              <dt>sample</dt>
              <dd>
                <a href={`/console/failures/${group.sample.id}`}>{group.sample.problem?.detail ?? group.sample.messageId}</a>
              </dd>
            </dl>
            <form class="inline" method="post" action="/console/failures/retry">
              <Csrf token={csrf} />
              <input type="hidden" name="fingerprint" value={group.fingerprint} />
              <label>
                <input type="number" name="rate" min="1" max="10000" value="5" aria-label="messages per second" /> msg/s
              </label>
              <button type="submit">Retry group</button>
            </form>
            <form class="inline" method="post" action="/console/failures/purge">
              <Csrf token={csrf} />
              <input type="hidden" name="fingerprint" value={group.fingerprint} />
              <button class="danger" type="submit">
                Purge group
              </button>
            </form>
          </section>
        ))}
      </div>
    </Layout>
  );
}

/** One failure in full. */
export function FailurePage({ csrf, failure }: { readonly csrf: string; readonly failure: FailureDetail }) {
  return (
    <Layout title={`Failure ${failure.id}`} csrf={csrf}>
      <div class="card">
        <dl>
          <dt>type</dt>
          <dd>{failure.type}</dd>
          <dt>queue</dt>
          <dd>{failure.queue}</dd>
          <dt>message id</dt>
          <dd>{failure.messageId}</dd>
          <dt>status</dt>
          <dd>{failure.status}</dd>
          <dt>reason</dt>
          <dd>{failure.reason}</dd>
          <dt>problem</dt>
          <dd>
            {failure.problem === null
              ? '–'
              : `${failure.problem.code}: ${failure.problem.title} — ${failure.problem.detail}`}
          </dd>
          <dt>attempts</dt>
          <dd>{failure.attempts}</dd>
          <dt>dead-lettered</dt>
          <dd>{`${failure.deaths}×, first ${when(failure.firstFailedAt)}, last ${when(failure.lastFailedAt)}`}</dd>
          <dt>trace id</dt>
          <dd>{failure.traceId ?? '–'}</dd>
        </dl>
        {failure.status === 'dead' ? (
          <form class="inline" method="post" action="/console/failures/retry">
            <Csrf token={csrf} />
            <input type="hidden" name="id" value={failure.id} />
            <button type="submit">Retry</button>
          </form>
        ) : null}
      </div>
      <h2>Headers</h2>
      <pre>{JSON.stringify(failure.headers, null, 2)}</pre>
      <h2>Payload</h2>
      <pre>{JSON.stringify(failure.payload, null, 2)}</pre>
    </Layout>
  );
}

/** An operator action and its progress; the live part updates itself while it runs. */
export function ActionPage({ csrf, action }: { readonly csrf: string; readonly action: CommandRecord }) {
  const running = action.status === 'pending' || action.status === 'processing';
  const progress = action.progress;
  return (
    <Layout title="Operator action" csrf={csrf} refreshMs={running ? 1000 : undefined}>
      <div class="card" data-live>
        <dl>
          <dt>action</dt>
          <dd>{action.type}</dd>
          <dt>status</dt>
          <dd class="status">{action.status}</dd>
          <dt>asked by</dt>
          <dd>{action.issuedBy ?? '–'}</dd>
          <dt>asked at</dt>
          <dd>{when(action.createdAt)}</dd>
          <dt>progress</dt>
          <dd class="progress">
            {progress === undefined ? '–' : `${progress.done} of ${progress.total} done, ${progress.failed} left`}
          </dd>
          {action.error === null ? null : (
            <>
              <dt>problem</dt>
              <dd>{`${action.error.code}: ${action.error.detail}`}</dd>
            </>
          )}
        </dl>
        {progress === undefined ? null : <progress max={progress.total} value={progress.done} />}
      </div>
      <p>
        <a href="">Refresh</a> · <a href="/console/failures">Failure groups</a>
      </p>
    </Layout>
  );
}
