import { TIMER_FIELD_SLOTS } from './timer-keys';

/**
 * The latest generation of each of a phone's timers, by its key's slot: a timer firing with an
 * older generation was superseded and is ignored. A base class, not a member object, so the
 * fields stay on the phone itself (see the comment on them).
 */
export abstract class TimerGenerations {
  // Latest generation of each timer, by its key's slot (an older one firing is ignored). Fields,
  // not an array: the keep-alive check then reads the phone itself, not two more objects.
  private gen0 = 0;
  private gen1 = 0;
  private gen2 = 0;
  private gen3 = 0;
  private gen4 = 0;
  private gen5 = 0;
  private gen6 = 0;
  private gen7 = 0;
  /** Generations of slots past the fields (only if a ninth timer name ever appears). */
  private moreGens: number[] | undefined;

  protected genOf(slot: number): number {
    switch (slot) {
      case 0:
        return this.gen0;
      case 1:
        return this.gen1;
      case 2:
        return this.gen2;
      case 3:
        return this.gen3;
      case 4:
        return this.gen4;
      case 5:
        return this.gen5;
      case 6:
        return this.gen6;
      case 7:
        return this.gen7;
      default:
        return this.moreGens?.[slot - TIMER_FIELD_SLOTS] ?? 0;
    }
  }

  protected setGen(slot: number, gen: number): void {
    switch (slot) {
      case 0:
        this.gen0 = gen;
        return;
      case 1:
        this.gen1 = gen;
        return;
      case 2:
        this.gen2 = gen;
        return;
      case 3:
        this.gen3 = gen;
        return;
      case 4:
        this.gen4 = gen;
        return;
      case 5:
        this.gen5 = gen;
        return;
      case 6:
        this.gen6 = gen;
        return;
      case 7:
        this.gen7 = gen;
        return;
      default:
        (this.moreGens ??= [])[slot - TIMER_FIELD_SLOTS] = gen;
    }
  }
}
