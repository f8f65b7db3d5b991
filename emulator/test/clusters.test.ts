import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClustersService } from '../src/services/clusters.js';
import { startTestEmulator, type TestEmulator } from './harness.js';

describe('clusters API', () => {
  let emulator: TestEmulator;

  beforeAll(async () => {
    emulator = await startTestEmulator({ routes: createClustersService() });
  });
  afterAll(() => emulator.close());

  it.each(['2.0', '2.1'])('lists clusters with their details under API %s, running ones first', async (version) => {
    const { status, body } = await emulator.call('GET', `/api/${version}/clusters/list`);
    expect(status).toBe(200);
    expect(body.clusters.length).toBeGreaterThanOrEqual(2);
    for (const cluster of body.clusters) {
      expect(cluster.cluster_id).toMatch(/^\d{4}-\d{6}-[a-z0-9]{8}$/);
      expect(cluster).toMatchObject({
        cluster_name: expect.any(String),
        spark_version: expect.stringMatching(/^\d+\.\d+\.x-/),
        node_type_id: expect.any(String),
        state: expect.stringMatching(/^(RUNNING|TERMINATED)$/),
        creator_user_name: 'admin@cop-os.example.com',
        start_time: expect.any(Number),
        data_security_mode: expect.stringMatching(/^(USER_ISOLATION|SINGLE_USER)$/),
      });
      expect('num_workers' in cluster || 'autoscale' in cluster).toBe(true);
    }
    const states = body.clusters.map((c: { state: string }) => c.state);
    expect(states.indexOf('TERMINATED')).toBeGreaterThan(states.lastIndexOf('RUNNING'));
  });

  it('gets one cluster by id, with autoscale or a termination reason as it applies', async () => {
    const shared = await emulator.call('GET', '/api/2.1/clusters/get?cluster_id=0923-164208-meows279');
    expect(shared.body).toMatchObject({
      cluster_name: 'CoP OS Shared Analytics',
      state: 'RUNNING',
      autoscale: { min_workers: 2, max_workers: 8 },
    });
    const etl = await emulator.call('GET', '/api/2.0/clusters/get?cluster_id=1002-093514-petins42');
    expect(etl.body).toMatchObject({ state: 'TERMINATED', num_workers: 4, termination_reason: { code: 'INACTIVITY' } });
    expect(etl.body.terminated_time).toBeGreaterThan(etl.body.start_time);
  });

  it('answers an unknown cluster with 400 INVALID_PARAMETER_VALUE, as Databricks does', async () => {
    const { status, body } = await emulator.call('GET', '/api/2.1/clusters/get?cluster_id=0000-000000-missing0');
    expect(status).toBe(400);
    expect(body).toEqual({
      error_code: 'INVALID_PARAMETER_VALUE',
      message: 'Cluster 0000-000000-missing0 does not exist',
    });
  });
});
