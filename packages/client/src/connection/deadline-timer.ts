/**
 * One timer per connection for every command deadline, instead of one timer per command. It is
 * armed for the earliest deadline it was told about; when it fires, the owner scans its queues,
 * fails what expired and re-arms for the next deadline. With one default timeout, deadlines only
 * grow, so steady traffic re-arms at most once per timeout period. The timer is unref'ed: pending
 * commands alone do not keep the process alive.
 * @internal
 */
export class DeadlineTimer {
  private timer: NodeJS.Timeout | undefined;
  private armedFor = Infinity;

  constructor(private readonly onFire: () => void) {}

  /** Makes sure the timer fires no later than `deadline` (a `performance.now()` time). */
  arm(deadline: number): void {
    if (deadline >= this.armedFor) return;
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.armedFor = deadline;
    this.timer = setTimeout(this.fire, Math.max(0, Math.ceil(deadline - performance.now())));
    this.timer.unref();
  }

  cancel(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    this.armedFor = Infinity;
  }

  private readonly fire = (): void => {
    this.timer = undefined;
    this.armedFor = Infinity;
    this.onFire();
  };
}
