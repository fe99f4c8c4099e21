/**
 * npm run new -- "<title>" --services a,b [--level partial-outage] [--cause platform] [--message "…"] [--slug x]
 * npm run new -- "<title>" --services a,b --maintenance --from "2026-12-05 01:00" --to "2026-12-05 03:00"
 *
 * Writes incidents/<year>/<date>-<slug>.md with an Investigating update (or,
 * for maintenance, a Scheduled one) at the current time in the site's zone.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { IMPACT_LEVELS, type ImpactLevel } from '../src/core/levels.ts';
import { parseTime } from '../src/core/time.ts';
import { editorTime, newIncidentText, slugify } from '../src/editor/incident-file.ts';
import { nowOr, readFolder, run, UsageError, writeChecked } from '../src/editor/editor-cli.ts';

const USAGE = 'usage: npm run new -- "<title>" --services a,b [--level …] [--cause …] [--message "…"] [--maintenance --from "YYYY-MM-DD HH:mm" --to "…"]';

await run(async () => {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      services: { type: 'string' },
      level: { type: 'string' },
      cause: { type: 'string' },
      message: { type: 'string' },
      slug: { type: 'string' },
      maintenance: { type: 'boolean' },
      from: { type: 'string' },
      to: { type: 'string' },
      at: { type: 'string' },
    },
  });
  const title = positionals.join(' ').trim();
  if (!title || !values.services) throw new UsageError(USAGE);
  const folder = await readFolder();
  const zone = folder.content.site.timeZone;
  const now = nowOr(values.at, zone);
  const time = (flag: 'from' | 'to') => {
    const instant = values[flag] === undefined ? undefined : parseTime(values[flag], zone);
    if (instant === undefined) throw new UsageError(`--maintenance needs --${flag} "YYYY-MM-DD HH:mm" (in ${zone})`);
    return instant;
  };
  const maintenance = values.maintenance ? { from: time('from'), to: time('to') } : undefined;
  if (values.level !== undefined && !(IMPACT_LEVELS as readonly string[]).includes(values.level)) {
    throw new UsageError(`--level must be one of ${IMPACT_LEVELS.join(', ')}`);
  }
  const text = newIncidentText({
    title,
    services: values.services.split(',').map((service) => service.trim()).filter(Boolean),
    level: values.level as ImpactLevel | undefined,
    cause: values.cause,
    now,
    timeZone: zone,
    maintenance,
    message: values.message,
  });
  const date = editorTime(maintenance?.from ?? now, zone).slice(0, 10);
  const base = `${date}-${values.slug ? slugify(values.slug) : slugify(title)}`;
  let file = path.join(folder.files.dir, 'incidents', date.slice(0, 4), `${base}.md`);
  for (let n = 2; existsSync(file) || folder.files.incidents.some((other) => path.basename(other.path) === path.basename(file)); n++) {
    file = path.join(folder.files.dir, 'incidents', date.slice(0, 4), `${base}-${n}.md`);
  }
  await writeChecked(folder, file, text);
  console.log(`wrote ${file}`);
});
