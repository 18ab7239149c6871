// Runs the query set against Midad's index (templates/assets/search.js, as the browser runs it) and Pagefind's
// (its own pagefind.js + WebAssembly), both served from one built site on loopback; every query starts from a
// fresh client, so its bytes are a first query's. Prints one TSV row per query and engine.
//   node bench/search/query.mjs SITE_OUT QUERIES_TSV MIDAD_SEARCH_JS
import { createServer } from 'node:http';
import { readFileSync, existsSync, statSync } from 'node:fs';
import { join, normalize } from 'node:path';
import { createRequire } from 'node:module';

const [site, queriesFile, searchJs] = process.argv.slice(2);
let bytes = 0;
const server = createServer((req, res) => {
  const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
  let file = normalize(join(site, path));
  if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
  if (!file.startsWith(normalize(site)) || !existsSync(file)) { res.writeHead(404); res.end(); return; }
  const body = readFileSync(file);
  bytes += body.length;
  res.writeHead(200, { 'Content-Type': file.endsWith('.wasm') ? 'application/wasm' : 'application/octet-stream' });
  res.end(body);
});
await new Promise(r => server.listen(0, '127.0.0.1', r));
const origin = `http://127.0.0.1:${server.address().port}`;
const midad = createRequire(import.meta.url)(searchJs);
const scriptBytes = readFileSync(searchJs).length;
const TOP = 10;

async function midadQuery(q) {
  const cache = new Map();
  const load = p => {
    if (!cache.has(p)) cache.set(p, fetch(`${origin}/search/${p}`).then(r => r.ok ? r.json() : null));
    return cache.get(p);
  };
  const found = await midad.createSearch(load)(q + ' '); // a finished query, as after Enter
  const docs = await Promise.all(found.ids.slice(0, TOP).map(id => load(`docs/${id}.json`)));
  return docs.map(d => d.u);
}

let instance = 0;
async function pagefindQuery(q) {
  // a fresh module instance per query: nothing cached from the previous one
  const pf = await import('data:text/javascript,' + encodeURIComponent(pagefindSource + '\n//' + instance++));
  await pf.options({ basePath: `${origin}/pagefind/` });
  const r = await pf.search(q);
  const data = await Promise.all(r.results.slice(0, TOP).map(x => x.data()));
  await pf.destroy?.();
  return data.map(d => new URL(d.url, origin).pathname);
}
// a site indexed by Midad alone (PAGEFIND=0 in run.sh, for sizes Pagefind cannot index here) has no pagefind/
const hasPagefind = existsSync(join(site, 'pagefind', 'pagefind.js'));
const pagefindSource = hasPagefind ? readFileSync(join(site, 'pagefind', 'pagefind.js'), 'utf8') : '';
const pagefindScriptBytes = Buffer.byteLength(pagefindSource);

const rows = readFileSync(queriesFile, 'utf8').split('\n').filter(Boolean).map(l => l.split('\t'));
console.log(['engine', 'class', 'query', 'expected', 'rank', 'bytes'].join('\t'));
for (const [cls, q, expected] of rows) {
  const engines = [['midad', midadQuery, scriptBytes], ['pagefind', pagefindQuery, pagefindScriptBytes]];
  for (const [engine, run, script] of hasPagefind ? engines : engines.slice(0, 1)) {
    bytes = 0;
    let urls = [];
    try { urls = await run(q); } catch (e) { console.error(engine, q, e.message); }
    const rank = urls.indexOf(expected) + 1;
    console.log([engine, cls, q, expected, rank, bytes + script].join('\t'));
  }
}
server.close();
