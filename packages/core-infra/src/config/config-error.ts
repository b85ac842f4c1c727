/** Invalid configuration; its message is one line naming every bad variable and why, fit to print as is. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';

  constructor(
    /** One `VARIABLE: reason` per problem. */
    readonly problems: readonly string[],
  ) {
    super(`Invalid configuration: ${problems.join('; ')}`);
  }
}
