import { createServer } from 'node:net';

export interface PortNeed {
  port: number;
  host: string;
  /** Who listens there, e.g. "the api". */
  owner: string;
  /** The setting that moves it. */
  variable: string;
}

const isFree = ({ port, host }: PortNeed) =>
  new Promise<boolean>((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen({ port, host, exclusive: true }, () => probe.close(() => resolve(true)));
  });

/** One line per port already taken, naming the variable that changes it; empty when all are free. */
export async function takenPorts(needs: PortNeed[]): Promise<string[]> {
  const free = await Promise.all(needs.map((need) => (need.port === 0 ? true : isFree(need))));
  return needs
    .filter((_, index) => !free[index])
    .map(
      (need) =>
        `Port ${need.port} (${need.owner}) is already in use: stop what listens there or set ${need.variable} to another port, e.g. ${need.variable}=${need.port + 1} npm start`,
    );
}
