// Docker cannot run on the development machines or in CI, so `docker-compose.yml` is kept valid by reading it:
// these checks stand in for `docker compose config` (references resolve, files exist, settings are the api's).
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadConfig } from '../src/config.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

interface Service {
  image?: string;
  build?: { context: string; dockerfile: string };
  environment?: Record<string, string>;
  depends_on?: Record<string, { condition: string }>;
  network_mode?: string;
  ports?: string[];
  volumes?: string[];
  healthcheck?: { test: string[] | string };
}

const compose = parse(readFileSync(`${root}docker-compose.yml`, 'utf8'), { merge: true }) as {
  services: Record<string, Service>;
  volumes?: Record<string, unknown>;
};
const services = compose.services;

describe('docker-compose.yml', () => {
  it('runs PostgreSQL, Redis, the emulator, the api and the web app', () => {
    expect(Object.keys(services).sort()).toEqual(['api', 'emulator', 'postgres', 'redis', 'web']);
  });

  it('builds every image from a Dockerfile that exists, or pulls a pinned major version', () => {
    for (const [name, service] of Object.entries(services)) {
      if (service.build)
        expect(existsSync(`${root}${service.build.context}/${service.build.dockerfile}`), name).toBe(true);
      else expect(service.image, name).toMatch(/^[a-z]+:\d+/);
    }
  });

  it('refers only to services and volumes it defines, waiting on health checks that exist', () => {
    for (const [name, service] of Object.entries(services)) {
      for (const [dependency, { condition }] of Object.entries(service.depends_on ?? {})) {
        expect(services[dependency], `${name} depends on ${dependency}`).toBeDefined();
        if (condition === 'service_healthy') expect(services[dependency]!.healthcheck, dependency).toBeDefined();
      }
      const shared = service.network_mode?.match(/^service:(.+)$/)?.[1];
      if (shared) expect(services[shared], `${name} shares ${shared}'s network`).toBeDefined();
      for (const volume of service.volumes ?? []) {
        const source = volume.split(':')[0]!;
        if (!source.startsWith('.') && !source.startsWith('/')) expect(compose.volumes, volume).toHaveProperty(source);
      }
    }
  });

  it('gives the api a configuration it accepts, pointing at the services by name', () => {
    const env = services.api!.environment!;
    const resolved = Object.fromEntries(
      Object.entries(env).map(([key, value]) => [key, String(value).replace(/\$\{\w+:-([^}]*)\}/g, '$1')]),
    );
    const config = loadConfig(resolved);
    expect(config.NODE_ENV).toBe('production');
    expect(new URL(config.DATABASE_URL!).hostname).toBe('postgres');
    expect(new URL(config.REDIS_URL!).hostname).toBe('redis');
    // Production refuses the development secrets: compose must bring its own.
    expect(config.JWT_SECRET).not.toBe(loadConfig({}).JWT_SECRET);
    expect(config.SECRETS_KEY).not.toBe(loadConfig({}).SECRETS_KEY);
  });
});
