import { describe, expect, it } from 'vitest';
import { contentDir, EnvironmentError, sourceDateEpoch } from '../../src/site/build-context.ts';

describe('sourceDateEpoch', () => {
  it.each([
    [undefined, undefined],
    ['', undefined],
    ['0', 0],
    [' 1738368000 ', 1_738_368_000_000],
    ['4102444800', 4_102_444_800_000],
  ])('reads %j as %j', (value, expected) => {
    expect(sourceDateEpoch(value)).toBe(expected);
  });

  it.each([
    ['99999999999999', 'SOURCE_DATE_EPOCH=99999999999999 is after 2100-01-01; set it to whole seconds since 1970-01-01 UTC (e.g. `git log -1 --format=%ct`), or unset it to use the clock'],
    ['4102444801', 'SOURCE_DATE_EPOCH=4102444801 is after 2100-01-01; set it to whole seconds since 1970-01-01 UTC (e.g. `git log -1 --format=%ct`), or unset it to use the clock'],
    ['1e9', "SOURCE_DATE_EPOCH='1e9' is not a whole number of seconds; set it to whole seconds since 1970-01-01 UTC (e.g. `git log -1 --format=%ct`), or unset it to use the clock"],
    ['-5', "SOURCE_DATE_EPOCH='-5' is not a whole number of seconds; set it to whole seconds since 1970-01-01 UTC (e.g. `git log -1 --format=%ct`), or unset it to use the clock"],
  ])('refuses %j in one line, without a stack', (value, message) => {
    expect(() => sourceDateEpoch(value)).toThrow(new EnvironmentError(message));
    try {
      sourceDateEpoch(value);
    } catch (error) {
      expect((error as Error).stack).toBe(message);
    }
  });
});

describe('contentDir', () => {
  it.each([
    [{}, 'content'],
    [{ STATUS_CONTENT_DIR: '' }, 'content'],
    [{ STATUS_CONTENT_DIR: '../my-status' }, '../my-status'],
  ])('reads %j as %j', (env, expected) => {
    expect(contentDir(env)).toBe(expected);
  });
});
