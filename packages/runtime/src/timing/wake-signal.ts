/**
 * Lets a loop sleep until a timer runs out or someone wakes it. A wake that arrives while the loop is busy is
 * remembered, so the next sleep returns at once and no notification is lost between two sleeps.
 */
export class WakeSignal {
  #pending = false;
  #resolve: (() => void) | undefined;
  #wakeable = true;

  /** Ends the current wakeable sleep, or the next one. */
  wake(): void {
    this.#pending = true;
    if (this.#wakeable) this.#resolve?.();
  }

  /** Ends any sleep now, wakeable or not (used by `stop()`). */
  interrupt(): void {
    this.#resolve?.();
  }

  /** Sleeps up to `ms`; `wakeable: false` (a back-off) ignores wakes but not interrupts. */
  async sleep(ms: number, options: { readonly wakeable?: boolean } = {}): Promise<void> {
    this.#wakeable = options.wakeable ?? true;
    if (this.#wakeable && this.#pending) {
      this.#pending = false;
      return;
    }
    await new Promise<void>((resolve) => {
      let timer: NodeJS.Timeout | undefined;
      const done = (): void => {
        clearTimeout(timer);
        this.#resolve = undefined;
        resolve();
      };
      timer = setTimeout(done, ms);
      this.#resolve = done;
    });
    if (this.#wakeable) this.#pending = false;
  }
}
