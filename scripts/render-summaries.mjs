// Renders job summaries (Markdown files) as github.com shows them on a run page, and
// screenshots the first screen of each in headless Chromium: does the verdict, and the
// reason for a rebuild, show without scrolling? Not part of CI.
//
//   IMAGE_BUILD_SUMMARY_DIR=/tmp/summaries npx vitest run --project e2e __tests__/e2e/summary.test.ts
//   node scripts/render-summaries.mjs /tmp/summaries [width=1280] [height=720]
//
// Writes <name>.html and <name>.png beside each <name>.md. The page imitates a run page:
// the repository bar, the run's sidebar of jobs, and the summary in a bordered card, with
// GitHub's Markdown styles (tables scroll sideways inside the card, as they do there).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { marked } from 'marked';

const [dir, width = '1280', height = '720'] = process.argv.slice(2);
if (!dir) {
  console.error('usage: node scripts/render-summaries.mjs <folder of .md files> [width] [height]');
  process.exit(2);
}
const browser = ['chromium', 'chromium-browser', 'google-chrome'].find((name) => {
  try {
    execFileSync('which', [name], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
});
if (!browser) {
  console.error('no Chromium found (Debian: apt-get install -y chromium)');
  process.exit(1);
}

const CSS = `
body { margin: 0; font: 14px/1.5 -apple-system, BlinkMacSystemFont, "Segoe UI", "Noto Sans", Helvetica, Arial, sans-serif; color: #1f2328; background: #f6f8fa; }
.topbar { height: 64px; background: #fff; border-bottom: 1px solid #d1d9e0; }
.layout { display: flex; }
.sidebar { width: 256px; flex: none; padding: 16px; box-sizing: border-box; border-right: 1px solid #d1d9e0; background: #fff; min-height: 100vh; }
.main { flex: 1; min-width: 0; padding: 16px 24px; }
.card { background: #fff; border: 1px solid #d1d9e0; border-radius: 6px; }
.card-title { padding: 12px 16px; border-bottom: 1px solid #d1d9e0; font-weight: 600; }
.markdown-body { padding: 16px 24px; font-size: 14px; line-height: 1.5; word-wrap: break-word; }
.markdown-body h2 { font-size: 1.5em; font-weight: 600; padding-bottom: .3em; border-bottom: 1px solid #d1d9e0; margin: 0 0 16px; line-height: 1.25; }
.markdown-body h3 { font-size: 1.25em; font-weight: 600; margin: 24px 0 16px; line-height: 1.25; }
.markdown-body p, .markdown-body ul, .markdown-body table, .markdown-body pre, .markdown-body details { margin: 0 0 16px; }
.markdown-body ul { padding-left: 2em; }
.markdown-body code { font: 85%/1.45 ui-monospace, SFMono-Regular, "SF Mono", Menlo, Consolas, monospace; background: rgba(129,139,152,.12); border-radius: 6px; padding: .2em .4em; white-space: break-spaces; }
.markdown-body pre { background: #f6f8fa; border-radius: 6px; padding: 16px; overflow: auto; font-size: 85%; }
.markdown-body pre code { background: none; padding: 0; white-space: pre; font-size: 100%; }
.markdown-body table { display: block; width: max-content; max-width: 100%; overflow: auto; border-spacing: 0; border-collapse: collapse; }
.markdown-body th, .markdown-body td { padding: 6px 13px; border: 1px solid #d1d9e0; }
.markdown-body th { font-weight: 600; }
.markdown-body tr:nth-child(2n) { background: #f6f8fa; }
.markdown-body summary { cursor: pointer; }
`;

// Where the heading and the "why" sentence end on the page, for the check to print.
const MEASURE = `
const bottom = (el) => (el ? String(Math.round(el.getBoundingClientRect().bottom)) : '');
document.body.dataset.verdict = bottom(document.querySelector('.markdown-body h2'));
const why = [...document.querySelectorAll('.markdown-body p')].find((p) => /^(Why|Nothing re-ran)/.test(p.textContent));
if (why) document.body.dataset.why = bottom(why);
`;

for (const file of fs.readdirSync(dir).filter((name) => name.endsWith('.md')).sort()) {
  const base = path.join(dir, file.replace(/\.md$/, ''));
  const body = marked.parse(fs.readFileSync(path.join(dir, file), 'utf8'), { gfm: true });
  const html = `<!doctype html><html><head><meta charset="utf-8"><style>${CSS}</style></head><body>
<div class="topbar"></div><div class="layout"><div class="sidebar">Summary<br>Jobs<br>build</div>
<div class="main"><div class="card"><div class="card-title">build summary</div><div class="markdown-body">${body}</div></div></div></div>
<script>${MEASURE}</script></body></html>`;
  fs.writeFileSync(`${base}.html`, html);
  const flags = ['--headless', '--no-sandbox', '--disable-gpu', '--hide-scrollbars', `--window-size=${width},${height}`];
  execFileSync(browser, [...flags, `--screenshot=${path.resolve(`${base}.png`)}`, `file://${path.resolve(`${base}.html`)}`], { stdio: 'ignore' });
  const dom = execFileSync(browser, [...flags, '--dump-dom', `file://${path.resolve(`${base}.html`)}`], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  const at = (name) => new RegExp(`data-${name}="(\\d+)"`).exec(dom)?.[1];
  const verdict = at('verdict');
  const why = at('why');
  console.log(`${base}.png: verdict ends at ${verdict} px, ${why ? `why at ${why} px` : 'no why sentence'} (screen ${height} px)`);
}
