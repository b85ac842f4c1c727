/** The admin connection tests create their databases with: `TEST_DATABASE_URL`, or the local default. */
export function testDatabaseUrl(): string {
  return process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
}

/** The broker tests use: `TEST_AMQP_URL`, or the local default. */
export function testAmqpUrl(): string {
  return process.env.TEST_AMQP_URL || 'amqp://guest:guest@127.0.0.1:5672';
}
