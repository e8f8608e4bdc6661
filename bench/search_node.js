/*
 * Runs search queries in Node with the real lunr.js 2.3.9 + fold.js + engine.js the site ships.
 * Input (stdin, JSON): {"index": "<path to procedures.json>", "queries": ["...", ...], "k": 5, "repeat": 1}
 * Output (stdout, JSON): {"load_ms": n, "results": [[url, ...], ...], "times_ms": [n, ...]}
 * Used by bench/search_eval.py, bench/search_bench.py and tests/search.
 */
"use strict";
const fs = require("fs");
const path = require("path");

const ASSETS = path.join(__dirname, "..", "site_theme", "assets", "search");
const lunr = require(path.join(ASSETS, "vendor", "lunr", "lunr.min.js"));
const F = require(path.join(ASSETS, "fold.js"));
const S = require(path.join(ASSETS, "engine.js"));

const input = JSON.parse(fs.readFileSync(0, "utf8"));
const t0 = process.hrtime.bigint();
const engine = S.createEngine(JSON.parse(fs.readFileSync(input.index, "utf8")), lunr, F);
const loadMs = Number(process.hrtime.bigint() - t0) / 1e6;
const k = input.k || 5;
const repeat = input.repeat || 1;
const results = [];
const times = [];
for (const query of input.queries) {
  let hits = [];
  let best = Infinity;
  for (let r = 0; r < repeat; r++) {
    const start = process.hrtime.bigint();
    hits = engine.search(query, { limit: k }).hits;
    best = Math.min(best, Number(process.hrtime.bigint() - start) / 1e6);
  }
  results.push(hits.map((h) => h.doc.u));
  times.push(best);
}
process.stdout.write(JSON.stringify({ load_ms: loadMs, results: results, times_ms: times }));
