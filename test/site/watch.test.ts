import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { changeMatters, type WatchPlan } from '../../src/site/watch.js';

const project = '/project';
const plan: WatchPlan = {
  charterFolders: [join(project, 'charters')],
  folders: [join(project, 'theme', 'templates')],
  files: [join(project, 'theme', 'site.css'), join(project, 'charters', 'events.csv')],
  ignored: [join(project, 'charters', '_out')],
};

describe('which changes rebuild the site under charter serve', () => {
  it('rebuilds for charters, templates, theme files and logs', () => {
    for (const path of ['charters/unit.yaml', 'charters/sub/unit.YML', 'theme/templates/pages/charter.hbs', 'theme/site.css', 'charters/events.csv']) {
      expect(changeMatters(plan, join(project, path)), path).toBe(true);
    }
  });

  it('ignores the output folder, temporary files and files that cannot change the site', () => {
    for (const path of [
      'charters/_out/en/unit/index.html',
      'charters/_out/charters.json',
      'charters/_out/en/pagefind/pagefind.js',
      'charters/_out/stray.yaml',
      'charters/_out',
      'charters/.unit.yaml.swp',
      'charters/.unit.yaml',
      'charters/notes.txt',
      'charters/unit.yaml~',
      'theme/templates/.pages.hbs.swp',
      'theme/other.css',
      'README.md',
    ]) {
      expect(changeMatters(plan, join(project, path)), path).toBe(false);
    }
  });
});
