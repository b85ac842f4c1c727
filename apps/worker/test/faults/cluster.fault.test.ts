import { authModule } from '@contextflow/auth-infra';
import { createLogger } from '@contextflow/core-infra';
import { buildTopology, RabbitMqTransport } from '@contextflow/runtime/messaging';
import { freePorts } from '@contextflow/test-utils';
import { usersModule } from '@contextflow/users-infra';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { HttpSubmitter } from './support/http-submitter.js';
import { probeModule } from './support/probe-module.js';
import { FAULT_RETRY_POLICY } from './support/retry.js';
import { unknownThatLanded, waitForEffects, waitUntilNoCommandOpen } from './support/scenario-queries.js';
import { useFaultServices } from './support/use-fault-services.js';

// A three-node RabbitMQ cluster on loopback (private: its own node names, ports, data directories, cookie and
// epmd), started once for the file and shared by its scenarios, each with its own broker namespace.
const file = useFaultServices({ clusterNodes: 3 });
const open = (name: string) => file.open(name);
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const cluster = () => {
  const found = file.services.cluster;
  if (found === undefined) throw new Error('this file runs on a cluster');
  return found;
};

/** The bound on every accepted command, accept → succeeded, through a node's loss and restart (see README). */
const COMMAND_BOUND_MS = 20_000;

describe('RabbitMQ cluster', () => {
  it('declares every queue (work, retry, dead-letter, reconciler) as a quorum queue on all three nodes', async () => {
    const namespace = `qq-${Date.now().toString(36)}.`;
    const transport = new RabbitMqTransport({
      url: cluster().url(),
      logger: createLogger({ level: 'silent' }),
    });
    const topology = buildTopology([usersModule, authModule, probeModule()], {
      namespace,
      retry: FAULT_RETRY_POLICY,
    });
    try {
      await transport.ready(30_000);
      await transport.declare(topology);
      const declared = topology.queues.map((queue) => queue.queue).sort();
      const queues = (await cluster().queues()).filter((queue) => queue.name.startsWith(namespace));
      const nodeNames = cluster()
        .nodes.map((node) => node.nodeName)
        .sort();
      expect(queues.map((queue) => queue.name).sort()).toEqual(declared);
      // Each kind is there: a work queue, its retry and dead-letter queues, the reconciler's.
      for (const kind of ['.commands', '.retry.', '.dlq', 'contextflow.dead-commands']) {
        expect(declared.filter((name) => name.includes(kind)).length).toBeGreaterThan(0);
      }
      for (const queue of queues) {
        expect({ name: queue.name, type: queue.type, members: [...queue.members].sort() }).toEqual({
          name: queue.name,
          type: 'quorum',
          members: nodeNames,
        });
      }
      await transport.deleteTopology(topology);
    } finally {
      await transport.close();
    }
  });

  it('loses, duplicates and strands nothing when a node is SIGKILLed in a burst and restarted 5 s later', async () => {
    const scenario = await open('cluster-node-killed');
    // Three workers, each starting its node list at another node; two HTTP processes taking the commands.
    const workers = await Promise.all(['w1', 'w2', 'w3'].map((name) => scenario.spawnWorker(name)));
    const ports = await freePorts(2);
    const https = await Promise.all(ports.map((port) => scenario.startHttp(port)));
    const client = new HttpSubmitter(scenario.ledger);
    const target = 600;
    let sent = 0;
    const lane = async (index: number) => {
      while (sent < target) {
        sent += 1;
        await client.submit(`http://127.0.0.1:${ports[index % 2]}`);
      }
    };
    const burst = Promise.all(Array.from({ length: 10 }, (_, i) => lane(i)));
    await waitForEffects(scenario, 100);
    // The first node: the one the queues were declared through, so it leads them, and w1's connection.
    const victim = cluster().nodes[0]!;
    await victim.kill();
    const killedAt = Date.now();
    await pause(5_000);
    await victim.start();
    const restartedAt = Date.now();
    await burst;
    await client.resolve(scenario.db);
    await scenario.settle();
    await waitUntilNoCommandOpen(scenario);
    const { rows } = await sql<{ slowest_ms: string; last_done_ms: string }>`
      select extract(epoch from max(updated_at - created_at)) * 1000 as slowest_ms,
             extract(epoch from max(updated_at)) * 1000 as last_done_ms
      from platform.commands`.execute(scenario.db);
    const slowestMs = Math.round(Number(rows[0]?.slowest_ms));
    const lastDoneAfterRestartMs = Math.round(Number(rows[0]?.last_done_ms) - restartedAt);
    const report = await scenario.report({
      requests: client.counts,
      downMs: restartedAt - killedAt,
      slowestCommandMs: slowestMs,
      lastDoneAfterRestartMs,
    });
    expect(report).toMatchObject({ lost: 0, duplicated: 0, unexpected: 0, failed: 0 });
    expect(report.accepted).toBe(client.counts.accepted);
    expect(report.accepted).toBeGreaterThanOrEqual(target * 0.95);
    // Every command either HTTP process committed, answered or not, is processed: none stays pending.
    expect(report.succeeded).toBe(report.accepted + (await unknownThatLanded(scenario)));
    expect(slowestMs).toBeLessThanOrEqual(COMMAND_BOUND_MS);
    // No app restarted: every process started for the scenario is still the one running.
    expect([...workers, ...https].map((app) => app.child.exitCode)).toEqual([null, null, null, null, null]);
    expect(scenario.workers).toHaveLength(3);
    expect(scenario.https).toHaveLength(2);
    // The restarted node is back in the cluster and holds its replicas again.
    expect((await cluster().runningNodes()).length).toBe(3);
  });
});
