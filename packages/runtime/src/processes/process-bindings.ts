import type { ContextModule, ProcessRegistration } from '@contextflow/core-infra';
import { timeoutType } from './process-runner.js';

/** The routing keys a process binds: its events and its timeouts (`<process>.<timeout>.v1`). */
export function processRoutingKeys(process: ProcessRegistration): string[] {
  return [...process.events, ...process.timeouts.map((name) => `${timeoutType(process.name, name)}.v1`)];
}

/** Every consumer of events a module has, its subscriptions and its processes, by name with what it binds. */
export function eventConsumersOf(
  module: ContextModule,
): { readonly name: string; readonly events: readonly string[] }[] {
  return [
    ...module.events.map(({ name, events }) => ({ name, events })),
    ...(module.processes ?? []).map((process) => ({
      name: process.name,
      events: processRoutingKeys(process),
    })),
  ];
}
