import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';

const scryptAsync = promisify(scrypt) as (
  password: string,
  salt: Buffer,
  keylen: number,
  options: object,
) => Promise<Buffer>;
// N=2^15 takes ~50 ms here: slow enough to resist guessing, fast enough for sign-in.
const PARAMS = { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };
const KEY_LENGTH = 32;

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scryptAsync(password, salt, KEY_LENGTH, PARAMS);
  return `scrypt$${PARAMS.N}$${salt.toString('base64')}$${key.toString('base64')}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !n || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64');
  const actual = await scryptAsync(password, Buffer.from(salt, 'base64'), expected.length, { ...PARAMS, N: Number(n) });
  return timingSafeEqual(actual, expected);
}

let throwawayHash: Promise<string> | undefined;

/**
 * Whether `password` matches a user's stored hash. Without a user it still runs the same key derivation against a
 * throwaway hash, so an unknown e-mail answers as slowly as a known one and timing does not tell them apart.
 */
export async function passwordMatches(password: string, stored: string | undefined): Promise<boolean> {
  throwawayHash ??= hashPassword(randomBytes(16).toString('base64'));
  const matches = await verifyPassword(password, stored ?? (await throwawayHash));
  return stored !== undefined && matches;
}
