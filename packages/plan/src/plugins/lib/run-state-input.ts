/**
 * A runtime input for the cached `validate` target. Run records
 * (`execution/.runs/`) and in_progress markers (`execution/.in-progress/`)
 * are git-ignored, so Nx leaves them out of the file hash, yet validate
 * reports them (PLAN033, PLAN035). This input lists them (name, size, time)
 * so that a new or changed record invalidates the cached result. One short
 * `node -e` per validate run; it prints nothing when a plan has none.
 */
import { shellQuote } from './shell-quote';

// No `$`, backquote, backslash or double quote: the script sits inside double quotes for the shell.
const SCRIPT =
  "const f=require('fs'),p=require('path');" +
  "for(const r of process.argv.slice(1))for(const d of ['.runs','.in-progress']){" +
  "let n=[];try{n=f.readdirSync(p.join(r,'execution',d)).sort()}catch(e){}" +
  "for(const x of n){const s=f.statSync(p.join(r,'execution',d,x));console.log(r,d,x,s.size,s.mtimeMs)}}";

export function runStateInput(planRoots: readonly string[]): { runtime: string } {
  return { runtime: `node -e "${SCRIPT}" ${planRoots.map(shellQuote).join(' ')}` };
}
