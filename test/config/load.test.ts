import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import {
  CONFIG_FILE,
  ConfigError,
  findConfigFile,
  loadConfig,
  parseConfig,
} from '../../src/config/load.js';
import { tempFiles } from '../helpers.js';

describe('findConfigFile', () => {
  it('finds the nearest file walking up from the folder', () => {
    const root = tempFiles({ [CONFIG_FILE]: 'fix: {}\n' });
    const nested = join(root, 'docs', 'plans');
    mkdirSync(nested, { recursive: true });

    expect(findConfigFile(nested)).toBe(join(root, CONFIG_FILE));

    writeFileSync(join(root, 'docs', CONFIG_FILE), 'fix: {}\n');
    expect(findConfigFile(nested)).toBe(join(root, 'docs', CONFIG_FILE));
  });

  it('defers to the parent folder when a folder has no file of its own', () => {
    const folder = tempFiles({});
    expect(findConfigFile(folder)).toBe(findConfigFile(join(folder, '..')));
  });

  it('loads the file it finds', () => {
    const folder = tempFiles({
      [CONFIG_FILE]: 'fix:\n  template: "{{hashes}} {{title}}"\n',
    });
    expect(loadConfig(folder)?.values).toEqual({
      fix: { template: '{{hashes}} {{title}}' },
    });
  });
});

describe('parseConfig', () => {
  it('reads values and the line each key is on', () => {
    const config = parseConfig(
      'c.yml',
      'other: 1\nfix:\n  template: |\n    {{hashes}} {{title}}\n',
    );
    expect(config.values).toEqual({
      other: 1,
      fix: { template: '{{hashes}} {{title}}\n' },
    });
    expect(config.lineOf(['fix', 'template'])).toBe(3);
    expect(config.lineOf(['fix', 'missing'])).toBe(3);
  });

  it('treats an empty file as no settings', () => {
    expect(parseConfig('c.yml', '').values).toEqual({});
  });

  it.each([
    ['fix:\n  template: [unclosed\n', 'c.yml:3: invalid YAML'],
    ['- a list\n', 'c.yml:1: expected a mapping of settings such as "fix:"'],
  ])('reports %j as file:line', (text, start) => {
    let error: unknown;
    try {
      parseConfig('c.yml', text);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).toLine().startsWith(start)).toBe(true);
  });
});
