// Live runs: triggers, the JobRun type and its event stream.
import './types.js';
import './mutations.js';
import './subscriptions.js';
import './adopt.js';
