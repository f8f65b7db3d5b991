import { Prisma } from '../generated/prisma/client.js';

/** A write refused by a unique key (Prisma P2002): a concurrent or repeated request wrote the row first. */
export const isUniqueViolation = (error: unknown): boolean =>
  error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002';
