/**
 * `npm run check`, first half: validates the content folder without building
 * the site. Prints every problem as `path:line: what; fix` and exits 1 on any.
 */
import { resolveContent, readContentFiles } from '../src/contract/load-content.ts';
import { formatProblem, sortProblems } from '../src/contract/problems.ts';

const dir = process.env.STATUS_CONTENT_DIR || 'content';
const started = performance.now();
const { content, problems } = resolveContent(await readContentFiles(dir));
const took = Math.round(performance.now() - started);

if (problems.length > 0) {
  for (const problem of sortProblems(problems)) console.error(formatProblem(problem));
  console.error(`\n${problems.length} problem${problems.length === 1 ? '' : 's'} in ${dir}; nothing was built.`);
  process.exit(1);
}
console.log(
  `${dir}: ${content.incidents.length} incidents, ${content.services.length} services, ${content.policies.length} SLA policies, no problems (${took} ms)`,
);
