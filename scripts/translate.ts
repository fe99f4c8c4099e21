/** `npm run translate`: what is not translated yet, and the skeleton a translator fills in (src/editor/translate.ts). */
import { runCommand } from '../src/editor/editor-cli.ts';
import { translateCommand } from '../src/editor/translate.ts';

await runCommand(translateCommand);
