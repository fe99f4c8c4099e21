/**
 * `npm run check`: validates the content folder (`STATUS_CONTENT_DIR`,
 * default `content`) without building the site, as of now (`SOURCE_DATE_EPOCH`
 * or the clock, as the build reads it). Prints every problem as
 * `path:line: what; fix` and exits 1 on any. The type check is `npm run typecheck`.
 */
import { readContentFiles, resolveContent } from '../src/contract/load-content.ts';
import { formatProblem, sortProblems } from '../src/contract/problems.ts';
import { contentDir, nowFromEnvironment } from '../src/site/build-context.ts';

const dir = contentDir();
let now: number;
try {
  now = nowFromEnvironment();
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
const started = performance.now();
const { content, problems } = resolveContent(await readContentFiles(dir), now);
const took = Math.round(performance.now() - started);

if (problems.length > 0) {
  for (const problem of sortProblems(problems)) console.error(formatProblem(problem));
  console.error(`\n${problems.length} problem${problems.length === 1 ? '' : 's'} in ${dir}; nothing was built.`);
  process.exit(1);
}
console.log(
  `${dir}: ${content.incidents.length} incidents, ${content.services.length} services, ${content.policies.length} SLA policies, no problems (${took} ms)`,
);
