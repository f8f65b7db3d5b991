interface MappedWorkspace {
  id: string;
  workspaceId: string;
  cop?: { name: string } | null;
}

/** One entry per Databricks workspace (by its numeric id), with the names of every CoP it counts for. */
export function distinctWorkspaces<Workspace extends MappedWorkspace>(
  mappings: readonly Workspace[],
): (Workspace & { copNames: string[] })[] {
  const byWorkspace = new Map<string, Workspace & { copNames: string[] }>();
  for (const mapping of mappings) {
    const entry = byWorkspace.get(mapping.workspaceId) ?? { ...mapping, copNames: [] };
    if (mapping.cop) entry.copNames.push(mapping.cop.name);
    byWorkspace.set(mapping.workspaceId, entry);
  }
  return [...byWorkspace.values()];
}
