/** The themes the survey summarizer recognises: keywords that signal each one and the action it suggests. */
export interface Theme {
  name: string;
  patterns: RegExp[];
  action: string;
}

const theme = (name: string, keywords: string[], action: string): Theme => ({
  name,
  // Whole words or phrases, with an optional plural `s`.
  patterns: keywords.map((keyword) => new RegExp(`\\b${keyword.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}s?\\b`)),
  action,
});

export const THEMES: Theme[] = [
  theme(
    'Hands-on labs and workshops',
    ['hands-on', 'hands on', 'workshop', 'lab', 'exercise', 'practice', 'tutorial', 'notebook'],
    'Run a monthly hands-on lab with ready-made notebooks.',
  ),
  theme(
    'Session timing and format',
    [
      'timing',
      'time zone',
      'timezone',
      'schedule',
      'scheduling',
      'too long',
      'length',
      'frequency',
      'pace',
      'duration',
    ],
    'Move sessions to a slot that suits every time zone and keep them under 45 minutes.',
  ),
  theme(
    'Content and documentation',
    ['documentation', 'docs', 'content', 'material', 'slide', 'recording', 'resource', 'guide'],
    'Publish recordings, slides and notebooks within two days of every session.',
  ),
  theme(
    'Real-world use cases and demos',
    ['use case', 'example', 'demo', 'real-world', 'real world', 'case study', 'showcase'],
    'Invite a team to demo a production use case every month.',
  ),
  theme(
    'Community and networking',
    ['community', 'networking', 'peer', 'colleague', 'connect', 'sharing', 'collaboration', 'slack', 'channel'],
    'Open a peer channel and pair new members with a champion.',
  ),
  theme(
    'Expert access and support',
    ['expert', 'support', 'help', 'question', 'q&a', 'office hour', 'sme'],
    'Hold office hours with a Databricks expert every two weeks.',
  ),
  theme(
    'Platform cost and performance',
    ['cost', 'dbu', 'expensive', 'performance', 'slow', 'cluster', 'compute', 'optimization'],
    'Run a cost and performance optimization clinic.',
  ),
  theme(
    'Governance and security',
    ['governance', 'unity catalog', 'permission', 'security', 'compliance', 'lineage'],
    'Schedule a Unity Catalog governance walkthrough.',
  ),
  theme(
    'AI and machine learning',
    ['ai', 'ml', 'machine learning', 'genai', 'llm', 'model', 'mlflow', 'agent'],
    'Add a GenAI and ML track with a practical build session.',
  ),
  theme(
    'Onboarding and fundamentals',
    ['beginner', 'basics', 'onboarding', 'getting started', 'introduction', 'intro', 'fundamentals', 'new to'],
    'Offer a beginner onboarding path before the advanced sessions.',
  ),
];
