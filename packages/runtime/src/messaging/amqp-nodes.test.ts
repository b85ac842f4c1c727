import { describe, expect, it } from 'vitest';
import { amqpNodes, amqpNodesProblem } from './amqp-nodes.js';

describe('amqpNodes', () => {
  it('reads one node', () => {
    expect(amqpNodes('amqp://guest:guest@127.0.0.1:5672')).toEqual({
      url: 'amqp://guest:guest@127.0.0.1:5672',
      hosts: ['127.0.0.1:5672'],
    });
  });

  it('reads a comma-separated cluster, with default ports and spaces around the commas', () => {
    expect(amqpNodes('amqp://u:p@rabbit-1/v1, amqp://u:p@rabbit-2:5673/v1 ,amqp://u:p@rabbit-3/v1')).toEqual({
      url: 'amqp://u:p@rabbit-1/v1',
      hosts: ['rabbit-1:5672', 'rabbit-2:5673', 'rabbit-3:5672'],
    });
    expect(amqpNodes('amqps://mq-a,amqps://mq-b').hosts).toEqual(['mq-a:5671', 'mq-b:5671']);
  });

  it.each([
    ['amqp://a,', 'has an empty entry'],
    ['amqp://a,not a url', 'must be a URL'],
    ['amqp://a,http://b', 'must start with amqp://'],
    ['amqp://u:p@a,amqp://u:q@b', 'differ in more than host and port'],
    ['amqp://a/one,amqp://b/two', 'differ in more than host and port'],
    ['amqp://a,amqps://b', 'differ in more than host and port'],
  ])('refuses %s', (value, problem) => {
    expect(amqpNodesProblem(value)).toContain(problem);
    expect(() => amqpNodes(value)).toThrow(problem);
  });
});
