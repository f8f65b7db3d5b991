/** A run request Databricks would refuse, caught before anything is written: bad input naming its field. */
export class RunInputError extends Error {
  constructor(
    message: string,
    readonly field: string,
  ) {
    super(message);
    this.name = 'RunInputError';
  }
}
