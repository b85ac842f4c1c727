import { isAppError } from '@contextflow/core';
import type { Logger } from '@contextflow/core-infra';

/** Runs of one unit of work in all when it keeps losing optimistic races (the first run included). */
export const RACE_ATTEMPTS = 5;

/**
 * The platform's one policy for optimistic races: runs `unitOfWork` (a whole unit, which loads what it changes
 * afresh) again when it lost one — an AppError of kind `concurrency`, a save whose version was taken — up to
 * {@link RACE_ATTEMPTS} runs in all, each after a short random pause that grows with the race, then rethrows.
 * Commands and reactions on one aggregate that arrive together (a backlog after an outage, a sign-in beside an
 * admin's change) then win in turn instead of failing. The dispatchers apply it to every delivery and the
 * command bus to every in-process command: handlers never retry a race themselves.
 */
export async function retryingRaces<T>(unitOfWork: () => Promise<T>, log?: Logger): Promise<T> {
  for (let race = 1; ; race += 1) {
    try {
      return await unitOfWork();
    } catch (error) {
      if (race >= RACE_ATTEMPTS || !isAppError(error) || error.kind !== 'concurrency') throw error;
      log?.debug({ race }, 'lost an optimistic race; running again');
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * race));
    }
  }
}
