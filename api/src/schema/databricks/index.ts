// Remote Databricks resources in the graph.
import './workspace.js';
import './jobs.js';
import './compute.js';
import './catalog.js';
import './usage.js';
