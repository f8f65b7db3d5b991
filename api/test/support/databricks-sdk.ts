import { Config, WorkspaceClient } from '@databricks/sdk-experimental';

/**
 * The official Databricks SDK pointed at the test emulator. The SDK keeps only the host name of a workspace
 * URL (`fixHost` drops the port, as real workspaces listen on 443), so the emulator's port is given back here.
 */
export function sdkFor(url: string, token: string): WorkspaceClient {
  class EmulatorConfig extends Config {
    override async getHost(): Promise<URL> {
      await super.getHost();
      return new URL(url);
    }
  }
  return new WorkspaceClient(new EmulatorConfig({ host: url, token, authType: 'pat' }));
}
