import { describe, expect, it } from 'vitest';
import { groupCommit } from './group-commit.js';

describe('groupCommit', () => {
  it('writes what arrives during a write together in the next write', async () => {
    const writes: number[][] = [];
    let release!: () => void;
    const firstWrite = new Promise<void>((resolve) => {
      release = resolve;
    });
    const add = groupCommit<number>(async (items) => {
      writes.push([...items]);
      if (writes.length === 1) await firstWrite;
    });
    const first = add(1);
    await Promise.resolve();
    await Promise.resolve();
    const later = [add(2), add(3), add(4)];
    release();
    await Promise.all([first, ...later]);
    expect(writes).toEqual([[1], [2, 3, 4]]);
  });

  it('rejects the adds of a failed write and writes the next batch anyway', async () => {
    let calls = 0;
    const add = groupCommit<string>(async () => {
      calls += 1;
      if (calls === 1) throw new Error('database down');
    });
    await expect(add('a')).rejects.toThrow('database down');
    await expect(add('b')).resolves.toBeUndefined();
  });
});
