// The benchmark's report: one table per network profile and app, the goals,
// how the numbers grow from the small app to the scale app, where the time
// goes, and the chart. Written into docs/benchmarks.md between its markers.
import fs from 'node:fs';
import path from 'node:path';
import { root } from '../run-action.mjs';
import { mb, secs } from './measure.mjs';
import { describeProfile, PROFILES } from './network.mjs';
import { APPS, appliesTo, scenarioLabel, SCENARIOS } from './scenarios.mjs';
import { reportedIn, runsIn, TOOLS } from './tools.mjs';

const TABLE_SCENARIOS = SCENARIOS.filter((s) => !s.series).map((s) => s.id);
const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/** profile/app → scenario → tool → the record with the min time, plus the median of the sound repetitions. */
function bestOf(results) {
  const best = {};
  const times = {};
  for (const record of results) {
    if (record.error) continue;
    const key = `${record.profile}/${record.app}`;
    ((times[key] ??= {})[record.scenario] ??= {})[record.tool] ??= [];
    times[key][record.scenario][record.tool].push(record.seconds);
    const slot = ((best[key] ??= {})[record.scenario] ??= {});
    if (!slot[record.tool] || record.seconds < slot[record.tool].seconds) slot[record.tool] = record;
  }
  for (const [key, scenarios] of Object.entries(times)) {
    for (const [scenario, tools] of Object.entries(scenarios)) for (const [tool, list] of Object.entries(tools)) best[key][scenario][tool] = { ...best[key][scenario][tool], median: median(list), sound: list.length };
  }
  return best;
}

export function writeReport(run) {
  const best = bestOf(run.results);
  const markdown = report(run, best);
  process.stdout.write(`\n${markdown}\n`);
  if (run.options.write) {
    writeDocs(run, markdown);
    fs.writeFileSync(path.join(root, 'docs', chartName(run)), chart(run, best));
    run.log(`wrote docs/benchmarks.md and docs/${chartName(run)}`);
  }
  const missing = [];
  for (const profile of run.options.profiles) {
    for (const app of APPS.filter((a) => run.options.apps.includes(a.id) && !run.skipped.some((s) => s.app === a.id))) {
      for (const scenario of TABLE_SCENARIOS.filter((s) => run.options.scenarios.includes(s) && appliesTo(app, s))) {
        // A tool that cannot run on this machine is reported as such, not missed.
        for (const tool of run.options.tools.filter((t) => runsIn(t, scenario) && (!app.tools || app.tools.includes(t)) && !TOOLS[t].cannotRun?.(run.machine))) {
          if (!best[`${profile}/${app.id}`]?.[scenario]?.[tool]) missing.push(`${profile}/${app.id}/${scenario}/${tool}`);
        }
      }
    }
  }
  return { missing };
}

function report(run, best) {
  const { options, machine } = run;
  const lines = [];
  const date = new Date().toISOString().slice(0, 16).replace('T', ' ');
  const ours = options.tools.filter((tool) => TOOLS[tool].ours);
  const anchor = options.tools.find((tool) => TOOLS[tool].anchor);
  lines.push(`Run \`${run.runId}\` of ${date} UTC: min and median of ${options.reps} repetition${options.reps > 1 ? 's' : ''} per cell (other columns from the min); ` +
    `${machine.cores} × ${machine.cpu}, ${machine.memory} GB RAM, ${machine.os}; Docker Engine ${machine.docker} (${machine.store ?? 'containerd image store'}), ${machine.builder ?? 'the current builder (docker driver)'}, ` +
    `Buildx ${machine.buildx}, Node ${process.versions.node}; image-build ${run.image}${options.candidate ? `, candidate from \`${options.candidate}\`` : ''}.`, '');
  for (const skip of run.skipped) lines.push(`The ${skip.app} app did not run: ${skip.reason}.`, '');

  const cellOf = (profile, app, scenario, tool) => best[`${profile}/${app}`]?.[scenario]?.[tool];
  const ratio = (a, b) => (a && b ? a.seconds / b.seconds : undefined);
  const times = (value) => (value === undefined ? '–' : `${value.toFixed(2)}×`);

  for (const profileId of options.profiles) {
    for (const app of APPS.filter((a) => options.apps.includes(a.id))) {
      const key = `${profileId}/${app.id}`;
      if (!best[key]) continue;
      lines.push(`#### ${app.label}, ${PROFILES[profileId].label}`, '', `Network: ${describeProfile(PROFILES[profileId])}.`, '',
        '| scenario | tool | min s | median s | × anchor | × recipe | result | cache ↓ MB | cache ↑ MB | cache requests | cache stored MB | registry blob uploads |',
        '|---|---|---:|---:|---:|---:|---|---:|---:|---:|---:|---:|');
      for (const scenario of TABLE_SCENARIOS) {
        if (!best[key][scenario]) continue;
        for (const tool of options.tools.filter((t) => reportedIn(t, scenario) && (!app.tools || app.tools.includes(t)))) {
          const r = best[key][scenario][tool];
          const name = TOOLS[tool].ours ? `**${TOOLS[tool].label}**` : TOOLS[tool].label;
          if (!r) {
            lines.push(`| ${scenarioLabel(scenario)} | ${name} | failed | | | | | | | | | |`);
            continue;
          }
          lines.push(`| ${scenarioLabel(scenario)} | ${name} | ${secs(r.seconds)} | ${secs(r.median)} | ${times(ratio(r, best[key][scenario][anchor]))} | ${times(ratio(r, best[key][scenario].recipe))} | ` +
            `${r.notes} | ${mb(r.cacheDown)} | ${mb(r.cacheUp)} | ${r.cacheRequests} | ${mb(r.storedBytes)} | ${r.uploads} |`);
        }
      }
      lines.push('');
    }
  }

  const seriesKeys = Object.keys(run.tenSeries);
  if (seriesKeys.length) {
    lines.push(`Cache size over ${options.changes} consecutive one-file changes (small app, first repetition). The cache a job restores is what it downloads: ` +
      `the one-file change restores the cold build's cache, change k of the series restores the cache left by k earlier changes.`, '',
      `| network | tool | cold cache MB | cache after ${options.changes} changes MB | growth | stored after cold MB | stored after ${options.changes + 1} changes MB | mean ↑ MB per change | mean seconds per change |`,
      '|---|---|---:|---:|---:|---:|---:|---:|---:|');
    for (const seriesKey of seriesKeys) {
      const [profile, app, tool] = seriesKey.split('/');
      const series = run.tenSeries[seriesKey];
      const ok = series.filter((step) => !step.error);
      const mean = (pick) => (ok.length ? ok.reduce((sum, step) => sum + pick(step), 0) / ok.length : undefined);
      const { cold, last } = growthOf(run, seriesKey);
      const storedCold = run.results.find((r) => r.rep === 1 && r.profile === profile && r.app === app && r.tool === tool && r.scenario === 'cold')?.storedBytes;
      lines.push(`| ${PROFILES[profile].label} | ${TOOLS[tool].label} | ${mb(cold)} | ${mb(last)} | ${cold && last ? `${(last / cold).toFixed(2)}×` : '–'} | ${mb(storedCold)} | ${mb(series.at(-1)?.storedBytes)} | ` +
        `${mb(mean((step) => step.cacheUp))} | ${secs(mean((step) => step.seconds))} |`);
    }
    lines.push('');
  }

  // ---- goals ----
  const goalTable = (title) =>
    lines.push(title, '', `| goal | target | ${ours.map((tool) => `${TOOLS[tool].label} | |`).join(' ')}`, `|---|---|${ours.map(() => '---:|---|').join('')}`);
  const cell = (value, pass) => (value === undefined ? '– | not measured' : `${value} | ${pass ? 'pass' : '**fail**'}`);
  const goalRow = (name, target, measureOf) => lines.push(`| ${name} | ${target} | ${ours.map((tool) => cell(...measureOf(tool))).join(' | ')} |`);
  const ratioGoal = (profile, app, scenario, against, max, name = `${app} app, ${scenarioLabel(scenario)}`) =>
    goalRow(name, `≤ ${max}× ${against === 'floor' ? 'floor' : TOOLS[against]?.label ?? against}`, (tool) => {
      const value = ratio(cellOf(profile, app, scenario, tool), cellOf(profile, app, scenario, against));
      return [value === undefined ? undefined : `${value.toFixed(2)}×`, value <= Number(max)];
    });
  const hosted = options.profiles.includes('hosted') ? 'hosted' : options.profiles[0];
  if (anchor) {
    goalTable(`Goals of issue 18 (${PROFILES[hosted].label}; ratios of min times within this run):`);
    ratioGoal(hosted, 'small', 'cold', anchor, '0.75');
    ratioGoal(hosted, 'small', 'rerun', anchor, '0.10');
    ratioGoal(hosted, 'small', 'change', anchor, '0.75');
    ratioGoal(hosted, 'small', 'change', 'floor', '1.05', 'small app, one-file change against its floor');
    ratioGoal(hosted, 'scale', 'cold', anchor, '0.4');
    ratioGoal(hosted, 'scale', 'change', anchor, '0.45');
    goalRow('scale app, cache requests on a cold save', '≤ 15', (tool) => {
      const r = cellOf(hosted, 'scale', 'cold', tool);
      return [r ? `${r.cacheRequests}` : undefined, r?.cacheRequests <= 15];
    });
    goalRow('scale app, cache requests on a change', '≤ 10', (tool) => {
      const r = cellOf(hosted, 'scale', 'change', tool);
      return [r ? `${r.cacheRequests}` : undefined, r?.cacheRequests <= 10];
    });
    goalRow('scale app, downloaded on a change', `≤ ${TOOLS[anchor].label}'s`, (tool) => {
      const r = cellOf(hosted, 'scale', 'change', tool);
      const a = cellOf(hosted, 'scale', 'change', anchor);
      // The two are within a few kB of each other: the difference is given in kB, since MB rounds it away.
      const kB = r && a ? Math.round((r.cacheDown - a.cacheDown) / 1e3) : 0;
      return [r && a ? `${mb(r.cacheDown)} MB (anchor ${mb(a.cacheDown)}; ${kB >= 0 ? '+' : '−'}${Math.abs(kB)} kB)` : undefined, r && a && r.cacheDown <= a.cacheDown];
    });
    ratioGoal(hosted, 'multi', 'rerun', anchor, '0.1');
    ratioGoal(hosted, 'multi', 'change', anchor, '0.75');
    lines.push('');

    const growthRows = [];
    for (const profile of options.profiles) {
      for (const tool of [...ours, anchor]) {
        const small = { cold: cellOf(profile, 'small', 'cold', tool), change: cellOf(profile, 'small', 'change', tool) };
        const scale = { cold: cellOf(profile, 'scale', 'cold', tool), change: cellOf(profile, 'scale', 'change', tool) };
        if (!small.cold || !scale.cold) continue;
        const grow = (pick) => {
          const [a, b] = [small, scale].map((app) => (app.cold && app.change ? pick(app) : undefined));
          return a === undefined || b === undefined ? '–' : `${typeof a === 'number' && a % 1 ? a.toFixed(2) : a} → ${typeof b === 'number' && b % 1 ? b.toFixed(2) : b}${a > 0 ? ` (${(b / a).toFixed(1)}×)` : ''}`;
        };
        growthRows.push(`| ${PROFILES[profile].label} | ${TOOLS[tool].label} | ${grow((a) => a.cold.seconds)} | ${grow((a) => a.change.seconds)} | ` +
          `${grow((a) => a.cold.cacheRequests)} | ${grow((a) => a.change.cacheRequests)} | ${grow((a) => +mb(a.cold.cacheUp))} | ${grow((a) => +mb(a.change.cacheDown))} |`);
      }
    }
    if (growthRows.length) {
      lines.push('From the small app to the scale app (min times; requests and MB of the cache service):', '',
        '| network | tool | cold s | change s | cold requests | change requests | cold ↑ MB | change ↓ MB |', '|---|---|---|---|---|---|---|---|', ...growthRows, '');
    }
  }

  if (options.tools.includes('recipe') && options.profiles.includes('loopback')) {
    const recipeGoal = (scenario, max, name) => ratioGoal('loopback', 'small', scenario, 'recipe', max, name);
    goalTable('Goals of issues 9 and 10 (small app, loopback; ratios within this run):');
    recipeGoal('rerun', '0.30', 'no-change rerun');
    recipeGoal('change', '1.0', 'one-file change');
    recipeGoal('change', '0.6', 'one-file change (issue 10)');
    recipeGoal('cold', '1.05', 'cold build');
    goalRow('release on a built commit', '≤ 1.5 s, 0 blob uploads', (tool) => {
      const release = cellOf('loopback', 'small', 'release', tool);
      return [release ? `${secs(release.seconds)} s, ${release.uploads} uploads` : undefined, release && release.seconds <= 1.5 && release.uploads === 0];
    });
    goalRow(`cache after ${options.changes} changes`, '≤ 1.3× cold cache', (tool) => {
      const { cold, last } = growthOf(run, `loopback/small/${tool}`);
      const growth = cold && last ? last / cold : undefined;
      return [growth === undefined ? undefined : `${growth.toFixed(2)}×`, growth <= 1.3];
    });
    goalRow('uploaded after a one-file change', '≤ 1 MB', (tool) => {
      const up = cellOf('loopback', 'small', 'change', tool)?.cacheUp;
      return [up === undefined ? undefined : `${mb(up)} MB`, up <= 1e6];
    });
    goalRow('no-change rerun', 'no cache traffic', (tool) => {
      const rerun = cellOf('loopback', 'small', 'rerun', tool);
      return [rerun ? `${rerun.cacheRequests} requests` : undefined, rerun?.cacheRequests === 0];
    });
    lines.push('');
  }
  for (const profile of options.profiles) {
    const floorCell = cellOf(profile, 'small', 'change', 'floor');
    const ourCell = cellOf(profile, 'small', 'change', 'image-build');
    if (floorCell && ourCell) {
      lines.push(`Small app, ${PROFILES[profile].label}: the floor of the one-file change is ${secs(floorCell.seconds)} s (one \`actions/cache\` restore of the cold build's cache, ` +
        `${mb(floorCell.cacheDown)} MB in one entry, then BuildKit with that cache and nothing else); image-build takes ${(ourCell.seconds / floorCell.seconds).toFixed(2)}× that.`, '');
    }
  }

  lines.push('Where the time goes (seconds, the repetition with the min time). image-build: the phases of its job summary (0.1 s resolution; zero phases left out), ' +
    'then the time outside them: in the pipeline (Docker CLI checks, Docker config), in `dist/index.cjs` outside the pipeline (Node start-up, loading the bundle, outputs, summary), and the post step (`dist/post.cjs`). ' +
    'The others: each action or `actions/cache` step is its own Node process.', '',
    '| network | app | scenario | tool | total | phases |', '|---|---|---|---|---:|---|');
  for (const profile of options.profiles) {
    for (const app of APPS) {
      for (const scenario of TABLE_SCENARIOS) {
        for (const tool of options.tools.filter((t) => reportedIn(t, scenario))) {
          const r = cellOf(profile, app.id, scenario, tool);
          if (!r) continue;
          const phases = Object.entries(r.phases ?? {}).map(([name, value]) => `${name} ${value.toFixed(2)}`).join(' · ');
          lines.push(`| ${PROFILES[profile].label} | ${app.id} | ${scenarioLabel(scenario)} | ${TOOLS[tool].label} | ${secs(r.seconds)} | ${phases} |`);
        }
      }
    }
  }
  lines.push('');
  if (run.aborted) lines.push(`**The run was aborted** (${String(run.aborted.message ?? run.aborted).split('\n')[0]}); the tables are partial.`, '');
  const failures = run.results.filter((record) => record.error);
  if (failures.length) {
    lines.push('Failed or disturbed steps (left out of the min):', '');
    // A tool that cannot run on this machine is one line, not one per step.
    const notTried = Map.groupBy(failures.filter((f) => f.notTried), (f) => f.tool);
    for (const [tool, steps] of notTried) lines.push(`- ${TOOLS[tool].label}, all ${steps.length} steps: ${steps[0].error}`);
    for (const f of failures.filter((f) => !f.notTried)) lines.push(`- ${PROFILES[f.profile].label}, ${f.app} app, repetition ${f.rep}, ${f.scenario}, ${TOOLS[f.tool].label}: ${f.error.split('\n').filter(Boolean).slice(-3).join(' / ')}`);
    lines.push('');
  }
  lines.push(`![times by scenario and tool](${chartName(run)})`);
  return lines.join('\n');
}

/** The cache restored by the one-file change (the cold build's) and by the last change of the series. */
function growthOf(run, seriesKey) {
  const [profile, app, tool] = seriesKey.split('/');
  const change = run.results.find((r) => r.rep === 1 && r.profile === profile && r.app === app && r.tool === tool && r.scenario === 'change' && !r.error);
  const last = run.tenSeries[seriesKey]?.at(-1);
  return { cold: change?.cacheDown, last: last && !last.error ? last.cacheDown : undefined };
}

/** The engine's major version: each engine's results have their own block and chart. */
const engineOf = (run) => /^(\d+)/.exec(run.machine.docker)?.[1] ?? 'unknown';
const chartName = (run) => `benchmarks-docker${engineOf(run)}.svg`;

/** Replaces this engine's block between its markers in docs/benchmarks.md (a new block goes after the others). */
function writeDocs(run, generated) {
  const file = path.join(root, 'docs/benchmarks.md');
  const engine = engineOf(run);
  const start = `<!-- bench:start docker-${engine} (generated by \`npm run bench\` on Docker ${engine}; edit outside these markers) -->`;
  const end = `<!-- bench:end docker-${engine} -->`;
  const block = `${start}\n### Docker ${engine}\n\n${generated}\n${end}`;
  let text = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '# Benchmarks\n';
  const from = text.indexOf(`<!-- bench:start docker-${engine} `);
  const to = text.indexOf(end);
  if (from >= 0 && to > from) text = text.slice(0, from) + block + text.slice(to + end.length);
  else {
    const last = text.lastIndexOf('<!-- bench:end');
    const at = last >= 0 ? text.indexOf('-->', last) + 3 : text.length;
    text = `${text.slice(0, at)}\n\n${block}${text.slice(at)}`;
  }
  fs.writeFileSync(file, text);
}

/** Bars of the min times: the small app on the hosted model when it ran, else the first section. */
function chart(run, best) {
  const profile = run.options.profiles.includes('hosted') ? 'hosted' : run.options.profiles[0];
  const key = best[`${profile}/small`] ? `${profile}/small` : Object.keys(best)[0];
  const tools = run.options.tools.filter((tool) => TOOLS[tool].chart !== false);
  const groups = TABLE_SCENARIOS.filter((s) => best[key]?.[s]).map((s) => ({ label: scenarioLabel(s), values: Object.fromEntries(tools.map((t) => [t, best[key][s][t]?.seconds])) }));
  const colors = { 'image-build': '#2563eb', candidate: '#7c3aed', 'bpa-gha': '#059669', recipe: '#9ca3af', 'save-load': '#d97706' };
  const width = 760;
  const left = 190;
  const right = 70;
  const bar = 16;
  const gap = 4;
  const groupGap = 18;
  const top = 64;
  const groupHeight = tools.length * (bar + gap) - gap;
  const height = top + groups.length * (groupHeight + groupGap) + 48;
  const max = Math.max(1, ...groups.flatMap((g) => Object.values(g.values).filter((v) => v !== undefined)));
  const step = niceStep(max);
  const niceMax = Math.ceil(max / step) * step;
  const x = (v) => left + ((width - left - right) * v) / niceMax;
  const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const out = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="-apple-system, 'Segoe UI', Helvetica, Arial, sans-serif" font-size="12">`);
  out.push(`<rect width="${width}" height="${height}" fill="#ffffff"/>`);
  out.push(`<text x="16" y="22" font-size="15" font-weight="600" fill="#111827">Seconds per CI job step, lower is better (min of ${run.options.reps}, fresh runner each)</text>`);
  let lx = 16;
  for (const tool of tools) {
    out.push(`<rect x="${lx}" y="34" width="12" height="12" fill="${colors[tool] ?? '#6b7280'}"/><text x="${lx + 17}" y="44" fill="#374151">${esc(TOOLS[tool].label)}</text>`);
    lx += 32 + TOOLS[tool].label.length * 6.2;
  }
  for (let v = 0; v <= niceMax + 1e-9; v += step) {
    out.push(`<line x1="${x(v).toFixed(1)}" y1="${top - 6}" x2="${x(v).toFixed(1)}" y2="${height - 44}" stroke="#e5e7eb"/>`);
    out.push(`<text x="${x(v).toFixed(1)}" y="${height - 28}" text-anchor="middle" fill="#6b7280">${+v.toFixed(2)} s</text>`);
  }
  groups.forEach((group, gi) => {
    const gy = top + gi * (groupHeight + groupGap);
    out.push(`<text x="${left - 10}" y="${gy + groupHeight / 2 + 4}" text-anchor="end" fill="#111827" font-weight="600">${esc(group.label)}</text>`);
    tools.forEach((tool, ti) => {
      const y = gy + ti * (bar + gap);
      const v = group.values[tool];
      if (v === undefined) {
        out.push(`<text x="${left + 4}" y="${y + bar - 4}" fill="#b91c1c">not measured</text>`);
        return;
      }
      out.push(`<rect x="${left}" y="${y}" width="${Math.max(1, x(v) - left).toFixed(1)}" height="${bar}" fill="${colors[tool] ?? '#6b7280'}"><title>${esc(TOOLS[tool].label)}: ${v.toFixed(2)} s</title></rect>`);
      out.push(`<text x="${(x(v) + 5).toFixed(1)}" y="${y + bar - 4}" fill="#374151">${v.toFixed(2)}</text>`);
    });
  });
  const [profileId, appId] = (key ?? 'loopback/small').split('/');
  out.push(`<text x="16" y="${height - 8}" font-size="11" fill="#6b7280">${esc(`npm run bench, run ${run.runId}: ${run.machine.cores} cores, Docker Engine ${run.machine.docker}, Buildx ${run.machine.buildx}; ${appId} app, ${PROFILES[profileId]?.label}`)}</text>`);
  out.push('</svg>');
  return out.join('\n') + '\n';
}

function niceStep(max) {
  const raw = max / 6;
  const power = 10 ** Math.floor(Math.log10(raw));
  return [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw);
}
