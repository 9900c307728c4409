// The import limits of src/: no cycles, not even type-only ones, and no import
// that goes up a layer. `npm run deps:check`.

/** What the site may import: every layer of the core and the views. */
const BELOW_SITE = [
  'report',
  'check.ts',
  'validate.ts',
  'parallel',
  'normalize',
  'rules',
  'load',
  'schema',
  'model',
  'time',
  'util',
  'format',
  'view',
  'render',
  'away',
  'messages',
];

/**
 * What each part of src/ may import besides itself, lowest layer first. A part
 * is a folder (`time`) or a top-level file (`check.ts`). Two parts that may
 * import each other (schema and load, validate.ts and parallel) are one layer;
 * the cycle rule still holds between them. index.ts and cli/ may import anything.
 */
const LAYERS = {
  // Message catalogs and their rendering, the lowest layer: every layer may speak in the user's language.
  messages: [],
  util: ['messages'],
  time: ['util', 'messages'],
  model: ['time', 'util', 'schema/generated', 'messages'],
  schema: ['load', 'model', 'time', 'util', 'messages'],
  load: ['schema', 'model', 'time', 'util', 'messages'],
  rules: ['load', 'schema', 'model', 'time', 'util', 'messages'],
  'validate.ts': ['parallel', 'rules', 'load', 'schema', 'model', 'time', 'util', 'messages'],
  parallel: ['validate.ts', 'rules', 'load', 'schema', 'model', 'time', 'util', 'messages'],
  normalize: ['load', 'schema', 'model', 'time', 'util', 'messages'],
  // The view and render layers may use the absence kit (src/away/) for the page's "Going away?" section.
  view: ['away', 'model', 'time', 'util', 'messages'],
  render: ['view', 'away', 'model', 'util', 'messages'],
  format: ['model', 'util', 'messages'],
  // The absence kit: texts from a charter's absence routine; compose and formats also run in the page.
  away: ['model', 'time', 'util', 'messages'],
  'check.ts': ['validate.ts', 'parallel', 'normalize', 'rules', 'load', 'schema', 'model', 'time', 'util', 'messages'],
  report: ['check.ts', 'validate.ts', 'parallel', 'normalize', 'rules', 'load', 'schema', 'model', 'time', 'util', 'format', 'messages'],
  // charter diff: loads two versions of the charters (git, folders or files) the way the report does, and compares them.
  diff: ['check.ts', 'validate.ts', 'parallel', 'normalize', 'rules', 'load', 'schema', 'model', 'time', 'util', 'format', 'messages'],
  // charter sql: the report's reading of charters and logs, written out as SQL for other engines.
  sql: ['report', 'check.ts', 'validate.ts', 'parallel', 'normalize', 'rules', 'load', 'schema', 'model', 'time', 'util', 'format', 'messages'],
  site: BELOW_SITE,
  // charter init: templates → a new charter repository; reads names and ids the way the loader and schema do.
  init: ['load', 'schema', 'model', 'time', 'util', 'messages'],
  // Cards print with the site's build machinery; the site never reaches for cards.
  cards: ['site', ...BELOW_SITE],
  // charter review: each charter's period figures (the report's code), what changed since its approval (read from git
  // the way charter diff reads it),
  // written as pages with the site's templates and printed as the cards are; the site gets its review pages from the caller.
  review: ['site', 'cards', 'diff', ...BELOW_SITE],
};

/** The path pattern of a part of src/. */
function partPath(part) {
  return part.endsWith('.ts') ? `^src/${part.replace(/\./g, '\\.')}$` : `^src/${part}/`;
}

const layerRules = Object.entries(LAYERS).map(([part, allowed]) => ({
  name: `layer-${part.replace(/\.ts$/, '')}`,
  severity: 'error',
  comment: allowed.length === 0 ? `src/${part} imports nothing else of the project` : `src/${part} may import only ${allowed.join(', ')}`,
  from: { path: partPath(part) },
  to: { path: '^src/', pathNot: [partPath(part), '^src/types/', ...allowed.map(partPath)] },
}));

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'An import cycle, type-only imports included: one of its modules belongs in a lower layer.',
      from: {},
      to: { circular: true },
    },
    ...layerRules,
    {
      name: 'view-without-node',
      severity: 'error',
      comment: 'View models are pure: no file system, no processes, nothing of Node.',
      from: { path: partPath('view') },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'away-browser-safe',
      severity: 'error',
      comment: 'The absence kit is bundled for the charter page: only away-data.ts may reach Node, the working calendar or holidays.',
      from: { path: '^src/away/', pathNot: '^src/away/away-data\\.ts$' },
      to: {
        path: [
          '^src/time/(working-calendar|holiday-calendars|zone-offsets)\\.ts$',
          '^src/(load|normalize|schema)/',
          '^src/away/away-data\\.ts$',
          'node_modules/date-holidays',
        ],
      },
    },
    {
      name: 'away-without-node',
      severity: 'error',
      comment: 'The absence kit is bundled for the charter page: nothing of Node but in away-data.ts.',
      from: { path: '^src/away/', pathNot: '^src/away/away-data\\.ts$' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'only-index-imports-cli',
      severity: 'error',
      comment: 'The command line is the outermost shell: only the public API entry may reach it.',
      from: { pathNot: ['^src/cli/', partPath('index.ts')] },
      to: { path: partPath('cli') },
    },
    {
      name: 'no-dev-dependency-at-run-time',
      severity: 'error',
      comment: 'The installed CLI gets only `dependencies`; a type-only import of a dev dependency is fine.',
      from: { path: '^src/' },
      to: { dependencyTypes: ['npm-dev'], dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'no-undeclared-package',
      severity: 'error',
      comment: 'Every package imported must be in package.json.',
      from: {},
      to: { dependencyTypes: ['npm-no-pkg', 'npm-unknown'] },
    },
    {
      name: 'no-unresolvable',
      severity: 'error',
      comment: 'An import that resolves to nothing (run `npm run build` first: it generates src/schema/generated/).',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // Type-only imports are dependencies too: a cycle of types is still a cycle.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
  },
};
