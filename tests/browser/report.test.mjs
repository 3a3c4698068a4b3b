// Opens the isnad HTML report in headless Chromium and checks what a reader
// sees: statements, highlighted shared spans (at the right characters),
// filters, the per-article view, Arabic laid out right-to-left, and that no
// script from article text runs. Run through tests/browser/run.sh, which
// builds the reports this test reads (ISNAD_REPORT_DIR).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const dir = process.env.ISNAD_REPORT_DIR;
assert.ok(dir, 'ISNAD_REPORT_DIR is not set: run tests/browser/run.sh');
const report = JSON.parse(fs.readFileSync(path.join(dir, 'report.json'), 'utf8'));
const seeds = JSON.parse(fs.readFileSync(path.join(dir, 'seeds.json'), 'utf8'));
const cutReport = JSON.parse(fs.readFileSync(path.join(dir, 'cut.json'), 'utf8'));

let context;
let userDataDir;

before(async () => {
  userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'isnad-chromium-'));
  context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
    ],
    viewport: { width: 1280, height: 900 },
  });
});

after(async () => {
  if (context) await context.close();
  if (userDataDir) fs.rmSync(userDataDir, { recursive: true, force: true });
});

// Opens a report and records everything that would show a problem: console
// errors (CSP violations land there), page errors, dialogs, any request
// besides the file itself.
async function open(file) {
  const page = await context.newPage();
  const problems = [];
  const url = pathToFileURL(path.join(dir, file)).href;
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('dialog', async (d) => { problems.push(`dialog: ${d.message()}`); await d.dismiss(); });
  page.on('request', (r) => { if (r.url() !== url) problems.push(`request: ${r.url()}`); });
  await page.goto(url, { waitUntil: 'load' });
  // The data block is inflated asynchronously; the page marks when it is drawn.
  await page.waitForSelector('html[data-ready="true"]');
  return { page, problems };
}

const crossOutlet = (r) => r.statements;
const withOutlet = (r, o) => r.statements.filter((s) => s.outlets.includes(o)).length;
const withTier = (r, t) => r.statements.filter((s) => (s.tiers[t] || 0) > 0).length;
const visibleStatements = (page) => page.locator('#stmt-list > li.stmt').count();
const shownCount = async (page) => Number(await page.getAttribute('#f-count', 'data-count'));

// Merged [start, end) byte spans of `unitId` over the statement's matches, as strings.
function expectedMarks(r, statement, unitId) {
  const unit = r.units.find((u) => u.id === unitId);
  const spans = [];
  for (const m of r.matches) {
    if (m.statement !== statement.id) continue;
    if (m.a === unitId) spans.push(...m.spans_a);
    if (m.b === unitId) spans.push(...m.spans_b);
  }
  spans.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  const merged = [];
  for (const s of spans) {
    const last = merged[merged.length - 1];
    if (last && s[0] <= last[1]) last[1] = Math.max(last[1], s[1]);
    else merged.push([...s]);
  }
  const bytes = Buffer.from(unit.text, 'utf8');
  return merged.map(([a, b]) => bytes.subarray(a, b).toString('utf8')).filter((s) => s.length);
}

test('the fixtures report lists statements with shared spans marked at the right characters', async () => {
  const { page, problems } = await open('report.html');
  assert.ok(crossOutlet(report).length > 0, 'the fixtures must produce statements');
  assert.equal(await shownCount(page), report.statements.length);
  assert.equal(await visibleStatements(page), Math.min(100, report.statements.length));

  // Expand the first statement: side-by-side pair, match table, all units.
  const first = page.locator('#stmt-list > li.stmt').first();
  const id = await first.getAttribute('data-statement');
  const statement = report.statements.find((s) => s.id === id);
  await first.locator('.head').click();
  await first.locator('.detail').waitFor();
  assert.equal(await first.locator('.pair .side').count(), 2);
  assert.ok(await first.locator('.pair mark').count() > 0, 'the pair shows highlighted spans');
  const rows = await first.locator('.units > li').count();
  assert.equal(rows, statement.units.length);

  // Each unit's marks are exactly the merged byte spans of the JSON report,
  // decoded: checks the byte → UTF-16 conversion on Arabic text.
  const unitsList = await first.locator('.units > li').evaluateAll((lis) =>
    lis.map((li) => ({
      text: li.querySelector('p.text').textContent,
      marks: [...li.querySelectorAll('mark')].map((m) => m.textContent),
    })));
  let checked = 0;
  for (const u of unitsList) {
    const candidates = statement.units.filter((uid) => report.units.find((x) => x.id === uid).text === u.text);
    assert.ok(candidates.length > 0, `unit text not in the JSON: ${u.text.slice(0, 60)}`);
    const ok = candidates.some((uid) => JSON.stringify(expectedMarks(report, statement, uid)) === JSON.stringify(u.marks));
    assert.ok(ok, `marks differ from the JSON spans for: ${u.text.slice(0, 60)} — got ${JSON.stringify(u.marks)}`);
    checked += 1;
  }
  assert.ok(checked >= 2);
  assert.deepEqual(problems, []);
  await page.close();
});

test('outlet, second outlet, tier and text filters change the list', async () => {
  const { page, problems } = await open('report.html');
  const outlets = report.summary.outlets.map((o) => o.outlet);
  // The outlet carrying the most statements, so the filter has something to show.
  const busiest = [...outlets].sort((a, b) => withOutlet(report, b) - withOutlet(report, a))[0];
  await page.selectOption('#f-outlet', { label: busiest });
  assert.equal(await shownCount(page), withOutlet(report, busiest));
  assert.equal(await visibleStatements(page), Math.min(100, withOutlet(report, busiest)));
  assert.ok(withOutlet(report, busiest) < report.statements.length, 'the filter must hide something');
  for (const o of await page.locator('#stmt-list > li.stmt').evaluateAll((lis) =>
    lis.map((li) => [...li.querySelectorAll('.outs .outlet')].map((e) => e.textContent)))) {
    assert.ok(o.includes(busiest));
  }

  await page.click('#f-reset');
  for (const tier of ['verbatim', 'conflicting', 'partial']) {
    await page.selectOption('#f-tier', { label: tier.replace('_', ' ') });
    assert.equal(await shownCount(page), withTier(report, tier), `tier ${tier}`);
    assert.equal(await visibleStatements(page), Math.min(100, withTier(report, tier)));
  }
  await page.click('#f-reset');
  assert.equal(await visibleStatements(page), Math.min(100, report.statements.length));

  // Sort by first date: earliest and latest first.
  const dates = report.statements.map((s) => s.first_date).filter(Boolean).sort();
  await page.selectOption('#f-sort', 'date');
  let topId = await page.getAttribute('#stmt-list > li.stmt:first-child', 'data-statement');
  assert.equal(report.statements.find((s) => s.id === topId).first_date, dates[0]);
  await page.selectOption('#f-sort', 'date-desc');
  topId = await page.getAttribute('#stmt-list > li.stmt:first-child', 'data-statement');
  assert.equal(report.statements.find((s) => s.id === topId).first_date, dates[dates.length - 1]);
  await page.selectOption('#f-sort', '');

  // Provenance filter: statements with a unit of that class.
  const classes = [...new Set(report.units.map((u) => u.provenance).filter(Boolean))];
  for (const c of classes) {
    await page.selectOption('#f-prov', { label: c.replace('_', ' ') });
    const want = report.statements.filter((s) => s.units.some((u) => report.units.find((x) => x.id === u).provenance === c)).length;
    assert.equal(await shownCount(page), want, `provenance ${c}`);
  }
  await page.click('#f-reset');

  // Clicking a heatmap cell lists the statements both outlets carry.
  const cell = page.locator('table.heat td.cell.h1, table.heat td.cell.h2, table.heat td.cell.h3, table.heat td.cell.h4, table.heat td.cell.h5, table.heat td.cell.h6, table.heat td.cell.h7, table.heat td.cell.h8').first();
  const a = await cell.getAttribute('data-a');
  const b = await cell.getAttribute('data-b');
  await cell.click();
  const both = report.statements.filter((s) => s.outlets.includes(a) && s.outlets.includes(b)).length;
  assert.ok(both > 0);
  assert.equal(await shownCount(page), both);
  assert.equal(Number(await cell.locator('b').textContent()), both, 'the cell shows the same count');

  await page.click('#f-reset');
  await page.fill('#f-text', '__isnadPwned');
  await page.waitForFunction((n) => Number(document.querySelector('#f-count').getAttribute('data-count')) < n, report.statements.length);
  const hostile = report.statements.filter((s) => s.units.some((u) => report.units.find((x) => x.id === u).text.includes('__isnadPwned'))).length;
  assert.ok(hostile > 0);
  assert.equal(await shownCount(page), hostile);
  assert.deepEqual(problems, []);
  await page.close();
});

test('markup in article text, ids, outlets and titles is shown as text and runs nothing', async () => {
  const { page, problems } = await open('report.html');
  await page.fill('#f-text', '__isnadPwned');
  await page.waitForFunction(() => document.querySelectorAll('#stmt-list > li.stmt').length < 20);
  for (const head of await page.locator('#stmt-list > li.stmt > .head').all()) await head.click();
  // Open every hostile article in the article view too.
  for (const li of await page.locator('#article-list > li').all()) {
    const id = await li.getAttribute('data-article');
    if (id.startsWith('hostile/')) await li.click();
  }
  const text = await page.locator('body').textContent();
  for (const payload of ['<script>window.__isnadPwned = "script";</script>', 'onerror="window.__isnadPwned=\'img\'"',
    'javascript:window.__isnadPwned=\'link\'', '</script><script>window.__isnadPwned="breakout"</script>',
    'paper<img src=x onerror=window.__isnadPwned="outlet">']) {
    assert.ok(text.includes(payload), `payload shown as text: ${payload}`);
  }
  assert.equal(await page.evaluate(() => typeof window.__isnadPwned), 'undefined');
  assert.equal(await page.locator('script').count(), 2, 'only the data block and the report script');
  assert.equal(await page.locator('img, iframe, object, embed, svg[onload], [onerror], [onload], a[href^="javascript:" i]').count(), 0);
  const hrefs = await page.locator('[href], [src]').evaluateAll((els) => els.map((e) => e.getAttribute('href') || e.getAttribute('src')));
  for (const h of hrefs) assert.ok(h.startsWith('#'), `only in-page links: ${h}`);
  const csp = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content');
  assert.match(csp, /default-src 'none'/);
  assert.match(csp, /script-src 'sha256-[A-Za-z0-9+/=]+'/);
  assert.deepEqual(problems, []);
  await page.close();
});

test('Arabic reads right-to-left and Latin left-to-right in the same report', async () => {
  const { page, problems } = await open('report.html');
  await page.locator('#stmt-list > li.stmt .head').first().click();
  const dirs = await page.locator('.detail .text').evaluateAll((els) => els.map((e) => ({
    arabic: /^[^A-Za-z]*[\u0600-\u06FF]/.test(e.textContent),
    latin: /^[^\u0600-\u06FF]*[A-Za-z]/.test(e.textContent),
    direction: getComputedStyle(e).direction,
    align: getComputedStyle(e).textAlign,
  })));
  assert.ok(dirs.some((d) => d.arabic));
  for (const d of dirs.filter((x) => x.arabic)) assert.equal(d.direction, 'rtl');
  // The side-by-side pair of an Arabic statement is mirrored: earlier on the right.
  const pair = await page.locator('.detail .pair').first().evaluate((p) => {
    const [a, b] = p.querySelectorAll('.side');
    return { dir: getComputedStyle(p).direction, earlierRight: a.getBoundingClientRect().left > b.getBoundingClientRect().left };
  });
  assert.equal(pair.dir, 'rtl');
  assert.ok(pair.earlierRight);

  await page.fill('#f-text', 'Astana');
  await page.waitForFunction(() => document.querySelectorAll('#stmt-list > li.stmt').length >= 1 &&
    document.querySelectorAll('#stmt-list > li.stmt').length < 5);
  await page.locator('#stmt-list > li.stmt .head').first().click();
  const latin = await page.locator('#stmt-list .detail .units .text').first().evaluate((e) => getComputedStyle(e).direction);
  assert.equal(latin, 'ltr');
  assert.deepEqual(problems, []);
  await page.close();
});

test('the article view colours each sentence by its reuse', async () => {
  const { page, problems } = await open('report.html');
  // Most-shared article first by default; it is selected on load.
  const used = report.articles.filter((a) => a.status === 'used');
  const top = used.map((a, i) => [a, i]).sort(([a, i], [b, j]) => (b.shared_units - a.shared_units) ||
    ((b.shared_share || 0) - (a.shared_share || 0)) || (i - j))[0][0];
  assert.equal(await page.getAttribute('#article-list > li.sel', 'data-article'), top.id);
  const shared = await page.locator('#article-view .s[class*="r-"]:not(.r-other)').count();
  assert.ok(shared > 0, 'shared sentences are coloured');
  // Jump from a sentence to its statement.
  await page.locator('#article-view .st-link').first().click();
  assert.ok(await page.locator('#stmt-list > li.stmt.open .detail').count() === 1);
  // Outlet filter of the article list.
  const outlet = report.summary.outlets[0].outlet;
  await page.selectOption('#a-outlet', { label: outlet });
  const n = report.articles.filter((a) => a.status === 'used' && a.outlet === outlet).length;
  assert.equal(await page.locator('#article-list > li').count(), n);
  assert.deepEqual(problems, []);
  await page.close();
});

test('pieces of an over-long unit carry a cut badge and nothing else does', async () => {
  const cutIds = new Set(cutReport.units.filter((u) => u.cut).map((u) => u.id));
  assert.ok(cutIds.size > 0, 'the cut fixture must have cut units');
  const { page, problems } = await open('cut.html');
  // Every statement of a cut piece, expanded: one badge per cut unit listed.
  let checked = 0;
  for (const li of await page.locator('#stmt-list > li.stmt').all()) {
    const id = await li.getAttribute('data-statement');
    const st = cutReport.statements.find((s) => s.id === id);
    await li.locator('.head').click();
    await li.locator('.detail').waitFor();
    const want = st.units.filter((u) => cutIds.has(u)).length;
    assert.equal(await li.locator('.units > li .badge.cut').count(), want, `statement ${id}`);
    checked += want;
  }
  assert.equal(checked, cutIds.size);
  const title = await page.locator('.units .badge.cut').first().getAttribute('title');
  assert.match(title, /^piece of an over-long unit with no sentence end, cut at \d+ words/);
  // The article view marks the pieces of the selected article.
  for (const li of await page.locator('#article-list > li').all()) {
    const id = await li.getAttribute('data-article');
    await li.click();
    const want = cutReport.units.filter((u) => u.article === id && u.cut).length;
    assert.equal(await page.locator('#article-view .s.cut').count(), want, `article ${id}`);
  }
  assert.deepEqual(problems, []);
  await page.close();

  // The fixtures report has no cut unit and shows no badge.
  assert.ok(!report.units.some((u) => u.cut));
  const r = await open('report.html');
  for (const head of await r.page.locator('#stmt-list > li.stmt .head').all()) await head.click();
  assert.equal(await r.page.locator('.badge.cut, .s.cut').count(), 0);
  assert.deepEqual(r.problems, []);
  await r.page.close();
});

test('the seed report opens cleanly; screenshots', async () => {
  const { page, problems } = await open('seeds.html');
  assert.equal(Number(await page.textContent('#n-articles')), seeds.summary.articles);
  assert.equal(await shownCount(page), seeds.statements.length);
  assert.equal(await page.locator('#article-list > li').count(), seeds.summary.articles_used);
  assert.ok(await page.locator('#article-view .s').count() > 0);
  await page.screenshot({ path: path.join(dir, 'seeds.png'), fullPage: true });
  assert.deepEqual(problems, []);
  await page.close();

  // The fixtures report with an Arabic statement open, for the docs.
  const r = await open('report.html');
  const arabic = r.page.locator('#stmt-list > li.stmt').filter({ hasText: 'استفاد' }).first();
  await arabic.locator('.head').click();
  await r.page.screenshot({ path: path.join(dir, 'report.png'), fullPage: true });
  await arabic.scrollIntoViewIfNeeded();
  await r.page.locator('#statements').evaluate((e) => e.scrollIntoView());
  await r.page.screenshot({ path: path.join(dir, 'report-seeds.png'), type: 'png' });
  assert.deepEqual(r.problems, []);
  await r.page.close();
});
