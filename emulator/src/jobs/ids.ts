import { type Random, randomInt } from '../scenario/random.js';

/** Databricks-looking ids (15 digits, increasing with gaps), the same for the same seed. */
export class IdSequence {
  private next: number;

  constructor(
    private readonly random: Random,
    base: number,
  ) {
    this.next = base + randomInt(random, 0, 10 ** 11);
  }

  take(): number {
    this.next += randomInt(this.random, 1, 97);
    return this.next;
  }
}
