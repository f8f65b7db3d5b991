import type { SecretBox } from '../auth/secret-box.js';
import type { DatabricksGateway } from './reader.js';
import { DatabricksRegistry, type RegistryOptions } from './registry.js';
import { RemoteCache } from './remote-cache.js';

export function createDatabricksGateway(
  secretBox: SecretBox,
  options: RegistryOptions & { now?: () => number } = {},
): DatabricksGateway {
  return { registry: new DatabricksRegistry(secretBox, options), cache: new RemoteCache(options.now) };
}
