/** Word pools for the generated part of the seed: people, free-text answers, discussions, recognitions. */
export const FIRST_NAMES = [
  'Olivia',
  'Liam',
  'Emma',
  'Noah',
  'Ava',
  'Mateo',
  'Sofia',
  'Lucas',
  'Mia',
  'Ethan',
  'Isabella',
  'Arjun',
  'Chloe',
  'Kenji',
  'Zara',
  'Diego',
  'Hannah',
  'Omar',
  'Freya',
  'Wei',
  'Nadia',
  'Felix',
  'Aisha',
  'Jonas',
  'Leila',
  'Marcus',
  'Ingrid',
  'Rafael',
  'Yuki',
  'Kwame',
  'Elena',
  'Tobias',
  'Maya',
  'Santiago',
  'Ruth',
  'Ibrahim',
];

export const LAST_NAMES = [
  'Johnson',
  'Müller',
  'Garcia',
  'Chen',
  'Okoye',
  'Rossi',
  'Nguyen',
  'Kowalski',
  'Haddad',
  'Silva',
  'Andersen',
  'Brown',
  'Singh',
  'Dubois',
  'Yamamoto',
  'Schmidt',
  'Costa',
  'Murphy',
  'Ivanova',
  'Mensah',
  'Larsen',
  'Novak',
  'Fernández',
  'Walsh',
  'Kaur',
  'Bianchi',
  'Ortiz',
  'Lindqvist',
  'Adeyemi',
  'Park',
];

/** Free-text survey answers, by the mood of the respondent's NPS score. */
export const FREE_TEXT_ANSWERS = {
  praise: [
    'The office hours are the most useful hour of my week — I always leave with a fix.',
    'Loved the hands-on workshop, the starter notebook saved me days.',
    'Great community, people answer questions in the channel within minutes.',
    'The showcase sessions make it easy to steal good ideas from other teams.',
    'Recordings and the content library are excellent, I send new joiners there first.',
    'Our team moved two pipelines to serverless after the cost clinic. Thank you!',
  ],
  complaints: [
    'Sessions clash with our sprint reviews; too many are on Tuesday afternoons.',
    'Content is too basic for experienced engineers, we need advanced tracks.',
    'Hard to find the recordings — links in the invites are often broken.',
    'The last workshop ran out of time before the hands-on part.',
    'Too much focus on data engineering, analysts feel left out.',
    'Workspace access for the labs took a week to get approved.',
  ],
  requests: [
    'Please run a session on Unity Catalog permissions and row filters.',
    'Could we get a beginner track for business analysts on DBSQL?',
    'Would love a deep dive on cost monitoring with system tables.',
    'A session on testing pipelines and CI/CD for notebooks, please.',
    'More GenAI examples on our own data, e.g. a RAG demo on policy documents.',
    'Can we have office hours in a European-friendly time slot?',
  ],
};

export const DISCUSSIONS: { title: string; body: string; replies: string[] }[] = [
  {
    title: 'Best way to handle late-arriving records in silver?',
    body: 'Our silver merge misses records that arrive a day late. Do you use watermarks or a reprocessing window?',
    replies: [
      'We reprocess a rolling 3-day window with MERGE, cheap enough on Photon.',
      'Watermarks plus a daily backfill job worked well for us.',
      'Have a look at APPLY CHANGES in Lakeflow declarative pipelines, it handles out-of-order data.',
    ],
  },
  {
    title: 'Sharing dashboards with people outside the workspace',
    body: 'Leadership wants the adoption dashboard without workspace accounts. What are our options?',
    replies: [
      'Published AI/BI dashboards can embed credentials — check with governance first.',
      'We schedule a PDF snapshot to an email list every Monday.',
    ],
  },
  {
    title: 'How do you keep DBU costs predictable?',
    body: 'Our bill jumped 30% last month. Which guardrails have you put in place?',
    replies: [
      'Cluster policies with max workers and auto-termination at 20 minutes.',
      'Tag everything and build a dashboard on system.billing.usage — visibility alone changed behaviour.',
      'Serverless SQL warehouses with auto-stop helped us a lot.',
      'Budget alerts per team, reviewed in the monthly CoP call.',
    ],
  },
  {
    title: 'Unit testing notebooks — what works?',
    body: 'Looking for a pragmatic setup for testing transformation logic in notebooks.',
    replies: [
      'Move logic into Python modules in the repo and test them with pytest locally.',
      'Databricks Asset Bundles + a CI job running the tests on a small cluster.',
    ],
  },
  {
    title: 'Recording of the last session?',
    body: 'I missed the last session — is the recording available somewhere?',
    replies: ['It is in the content library under Videos.', 'Slides are linked in the event description too.'],
  },
  {
    title: 'Ideas for the next hackathon',
    body: 'Collecting ideas for next quarter. What problem would you like to hack on?',
    replies: [
      'A GenAI assistant that answers questions about our own tables.',
      'Data quality scorecards for every gold table.',
      'Automating the monthly executive report end to end.',
    ],
  },
];

export const CHAMPION_REASONS = [
  'Ran the office hours every week this quarter and unblocked a dozen teams.',
  'Wrote the starter notebooks everyone now uses for onboarding.',
  'Led the migration of the claims pipelines to Unity Catalog.',
  'Mentored five new members through their first production use case.',
  'Presented an outstanding showcase that three teams have since reused.',
  'Answers more questions in the community channel than anyone else.',
];

export const LOCATIONS = ['Microsoft Teams', 'Zoom', 'HQ, room 4.12', 'Hybrid: auditorium + Teams'];
