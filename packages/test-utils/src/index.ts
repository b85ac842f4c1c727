/**
 * Private PostgreSQL and RabbitMQ instances for fault-injection tests.
 *
 * Most integration tests share the PostgreSQL on 127.0.0.1:5432 and the RabbitMQ on 127.0.0.1:5672 and isolate
 * themselves by database and queue names. Those shared services must never be stopped, restarted, or
 * reconfigured. A test that needs the broker or the database to go away — a crash, a restart, a stopped
 * application — starts its own instance here instead, once per test file (`beforeAll`), and destroys it in
 * `afterAll`. A private RabbitMQ costs a broker boot (≈ 7–12 s), a private PostgreSQL ≈ 1–3 s (initdb included).
 *
 * Every process these helpers start is ended, and every file deleted, by destroy(); if the test process ends
 * first (a failed hook, a timeout, Ctrl-C, even SIGKILL), a safety net does it.
 *
 * Tests of the account emails start a real SMTP server with `startSmtpInbox` (and stop and restart it, as a mail
 * server that goes down and comes back).
 *
 * Tests that run the apps themselves (e2e, fault injection) start them with `startProcess`, which keeps their
 * log lines and lets the test signal them (SIGKILL, SIGSTOP/SIGCONT, SIGTERM).
 */
export {
  type AppProcess,
  logMessage,
  runToCompletion,
  type StartProcessOptions,
  startProcess,
} from './app-process.js';
export { freePorts } from './free-ports.js';
export {
  type PrivatePostgres,
  type PrivatePostgresOptions,
  startPrivatePostgres,
} from './private-postgres.js';
export {
  type ClusterQueue,
  type PrivateRabbitMqCluster,
  type PrivateRabbitMqClusterOptions,
  startPrivateRabbitMqCluster,
} from './private-rabbitmq-cluster.js';
export {
  type PrivateRabbitMq,
  type PrivateRabbitMqOptions,
  startPrivateRabbitMq,
} from './private-rabbitmq.js';
export { type ReceivedEmail, type SmtpInbox, startSmtpInbox } from './smtp-inbox.js';
