/*
 * Công Khai search: the query engine shared by the header box, the finder page and the Node
 * evaluation (bench/search_eval.py). Needs lunr 2.3.9 and CKFold (fold.js).
 *
 *   var engine = CKSearch.createEngine(payload, lunr, CKFold);
 *   engine.search("dang ky ket hon", { limit: 8 })  ->  [{ ref, doc, score, coverage }]
 *
 * The payload is written by generator/search/index.py. Query words are folded exactly as the
 * index words were; only the last word, while it is still being typed, is matched as a prefix;
 * words of four letters or more also match with one typo. Results are ranked first by how many
 * query words they contain, then by lunr's BM25 score.
 */
(function (root, factory) {
  if (typeof module === "object" && module.exports) module.exports = factory();
  else root.CKSearch = factory();
})(typeof self !== "undefined" ? self : this, function () {
  "use strict";

  var FORMAT_VERSION = 1;
  var PIPELINE_NAME = "fold-vi";
  var EXACT_BOOST = 3;
  var PREFIX_BOOST = 1;
  var FUZZY_BOOST = 0.2;
  var FUZZY_MIN_LENGTH = 3;
  var FUZZY_WEIGHT = 0.5;
  var MIN_SHARE = 0.5;
  var RERANK = 50;
  var START_PENALTY = 0.25;
  var EXTRA_PENALTY = 0.02;
  var ALIAS_DISCOUNT = 1;
  var BOILERPLATE = ["thu", "tuc"];
  var CODE_LIKE = /[0-9].*[0-9].*[0-9].*[0-9]/;
  var LOCAL_CODE = /^([0-9]\.[0-9]{6})\.[0-9.]+$/;

  /** Register the folding pipeline function under the name the Python index was built with. */
  function registerFold(lunr, F) {
    if (lunr.Pipeline.registeredFunctions[PIPELINE_NAME]) return;
    var foldVi = function (token) {
      return F.foldTokens(token.toString()).map(function (word) {
        return token.clone(function () { return word; });
      });
    };
    lunr.Pipeline.registerFunction(foldVi, PIPELINE_NAME);
  }

  /** Put back the empty per-field postings the build dropped to save bytes. */
  function expandIndex(serialised) {
    var fields = serialised.fields;
    serialised.invertedIndex.forEach(function (entry) {
      var posting = entry[1];
      for (var i = 0; i < fields.length; i++) {
        if (!(fields[i] in posting)) posting[fields[i]] = {};
      }
    });
    return serialised;
  }

  /**
   * Parse the query into folded words. The last word is "open" while it is still being typed
   * (matched as a prefix). A local code (1.001193.000.00.00.H31) is searched by its national code.
   * `known(word)` tells whether the index has the word; unknown words get one-typo matching.
   */
  function parseQuery(query, F, known) {
    var text = String(query || "");
    var words = F.foldTokens(text).map(function (word) {
      var local = LOCAL_CODE.exec(word);
      return local ? local[1] : word;
    });
    var open = words.length > 0 && /[\p{L}\p{N}]$/u.test(text);
    var fuzzy = words.map(function (word, i) {
      var isOpen = open && i === words.length - 1;
      return word.length >= FUZZY_MIN_LENGTH && !/[0-9]/.test(word) && !(known && known(word, isOpen));
    });
    return { words: words, open: open, fuzzy: fuzzy };
  }

  /** True when a and b differ by at most one insertion, deletion, substitution or adjacent swap. */
  function withinOneEdit(a, b) {
    if (a === b) return true;
    var la = a.length, lb = b.length;
    if (Math.abs(la - lb) > 1) return false;
    var i = 0;
    while (i < la && i < lb && a.charAt(i) === b.charAt(i)) i++;
    if (la === lb) {
      if (a.slice(i + 1) === b.slice(i + 1)) return true;
      return a.charAt(i) === b.charAt(i + 1) && a.charAt(i + 1) === b.charAt(i) && a.slice(i + 2) === b.slice(i + 2);
    }
    return la > lb ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
  }

  /** How well a text word answers query word j: 1 exact (or prefix of the open word), 0.5 a typo, 0 not. */
  function wordMatch(textWord, parsed, j) {
    var word = parsed.words[j];
    if (textWord === word) return 1;
    if (parsed.open && j === parsed.words.length - 1 && textWord.lastIndexOf(word, 0) === 0) return 1;
    if (parsed.fuzzy[j] && withinOneEdit(textWord, word)) return FUZZY_WEIGHT;
    return 0;
  }

  function buildQuery(lunr, parsed) {
    return function (q) {
      parsed.words.forEach(function (word, i) {
        q.term(word, { usePipeline: false, boost: EXACT_BOOST });
        if (parsed.open && i === parsed.words.length - 1) {
          q.term(word, { usePipeline: false, boost: PREFIX_BOOST, wildcard: lunr.Query.wildcard.TRAILING });
        }
        if (parsed.fuzzy[i]) q.term(word, { usePipeline: false, boost: FUZZY_BOOST, editDistance: 1 });
      });
    };
  }

  /**
   * How many query words a result answers (a typo counts half). A code that matches outright
   * counts as every word: a national code names one procedure.
   */
  function coverage(metadata, parsed) {
    var terms = Object.keys(metadata);
    var total = 0, code = false;
    parsed.words.forEach(function (word, j) {
      var best = 0;
      for (var t = 0; t < terms.length && best < 1; t++) {
        var match = wordMatch(terms[t], parsed, j);
        if (match === 1 && CODE_LIKE.test(word) && metadata[terms[t]].code) code = true;
        best = Math.max(best, match);
      }
      total += best;
    });
    return code ? total + parsed.words.length : total;
  }

  /** The index fields a result matched in, in first-seen order. */
  function matchedFields(metadata) {
    var fields = [];
    Object.keys(metadata).forEach(function (term) {
      Object.keys(metadata[term]).forEach(function (field) {
        if (fields.indexOf(field) < 0) fields.push(field);
      });
    });
    return fields;
  }

  /**
   * How well one name or alias reads as the query: the longest run of query words it contains in
   * order, minus a little for every word before that run (qualifiers such as "lại", "gia hạn") and
   * for every word the query did not ask for ("lưu động"). "Thủ tục" at the start is ignored.
   */
  function textFit(words, parsed) {
    if (words[0] === BOILERPLATE[0] && words[1] === BOILERPLATE[1]) words = words.slice(2);
    var bestRun = 0, bestStart = 0, answered = 0;
    for (var s = 0; s < words.length; s++) {
      var any = false;
      for (var j = 0; j < parsed.words.length; j++) {
        var run = 0;
        while (s + run < words.length && j + run < parsed.words.length && wordMatch(words[s + run], parsed, j + run) > 0) run++;
        if (run > 0) any = true;
        if (run > bestRun) { bestRun = run; bestStart = s; }
      }
      if (any) answered++;
    }
    if (!bestRun) return 0;
    return bestRun - START_PENALTY * bestStart - EXTRA_PENALTY * (words.length - answered);
  }

  /** Best fit over the name and (discounted) the aliases of a result record. */
  function docFit(doc, parsed, F) {
    var fit = textFit(F.foldTokens(doc.n), parsed);
    (doc.a || []).forEach(function (alias) {
      fit = Math.max(fit, textFit(F.foldTokens(alias), parsed) - ALIAS_DISCOUNT);
    });
    return fit;
  }

  /** Repealed procedures come after the ones in force; then the most query words; then BM25. */
  function byCoverageAndScore(a, b) {
    return a.repealed - b.repealed || b.coverage - a.coverage || b.score - a.score || a.ref - b.ref;
  }

  function byCoverageFitAndScore(a, b) {
    return a.repealed - b.repealed || b.coverage - a.coverage || b.fit - a.fit || b.score - a.score || a.ref - b.ref;
  }

  /** Does a result record pass the chosen facets ({field, level, office, online, free})? */
  function passes(doc, facets) {
    if (!facets) return true;
    if (facets.field != null && facets.field !== "" && doc.f !== Number(facets.field)) return false;
    if (facets.level && doc.l !== facets.level) return false;
    if (facets.office != null && facets.office !== "" && doc.o.indexOf(Number(facets.office)) < 0) return false;
    if (facets.online != null && facets.online !== "" && doc.w !== Number(facets.online)) return false;
    if (facets.free && !doc.free) return false;
    return true;
  }

  function createEngine(payload, lunr, F) {
    if (!payload || payload.v !== FORMAT_VERSION) throw new Error("search index format " + (payload && payload.v));
    registerFold(lunr, F);
    var index = lunr.Index.load(expandIndex(payload.index));
    var docs = payload.docs;
    var vocabulary = Object.keys(index.invertedIndex);

    /** Is the word in the index (or, for the open word, the start of a word in it)? */
    function known(word, isOpen) {
      if (Object.prototype.hasOwnProperty.call(index.invertedIndex, word)) return true;
      if (!isOpen) return false;
      for (var i = 0; i < vocabulary.length; i++) if (vocabulary[i].lastIndexOf(word, 0) === 0) return true;
      return false;
    }

    function rank(parsed) {
      var hits = index.query(buildQuery(lunr, parsed)).map(function (r) {
        var ref = Number(r.ref);
        var matched = r.matchData.metadata;
        return {
          ref: ref,
          score: r.score,
          coverage: coverage(matched, parsed),
          repealed: docs[ref].s === "repealed" ? 1 : 0,
          fields: matchedFields(matched)
        };
      });
      hits.sort(byCoverageAndScore);
      var best = hits.reduce(function (max, h) { return Math.max(max, h.coverage); }, 0);
      var floor = best * MIN_SHARE;
      hits = hits.filter(function (h) { return h.coverage >= floor; });
      var head = hits.slice(0, RERANK);
      head.forEach(function (h) { h.fit = docFit(docs[h.ref], parsed, F); });
      head.sort(byCoverageFitAndScore);
      return head.concat(hits.slice(RERANK));
    }

    /** Ranked hits for a query; an empty query lists every procedure (for the facets alone). */
    function search(query, options) {
      var opts = options || {};
      var parsed = parseQuery(query, F, known);
      var hits = parsed.words.length ? rank(parsed) : docs.map(function (doc, i) { return { ref: i, score: 0, coverage: 0 }; });
      var out = [];
      for (var i = 0; i < hits.length && (!opts.limit || out.length < opts.limit); i++) {
        var doc = docs[hits[i].ref];
        if (!passes(doc, opts.facets)) continue;
        hits[i].doc = doc;
        out.push(hits[i]);
      }
      return { words: parsed.words, open: parsed.open, fuzzy: parsed.fuzzy, hits: out };
    }

    return { search: search, docs: docs, payload: payload, index: index };
  }

  /**
   * Split original (accented) text into pieces [{text, mark}] where mark is true for words that
   * answer a query word; the caller escapes and wraps them (no HTML is built here).
   */
  function highlight(text, parsed, F) {
    var pieces = [];
    var pattern = /[\p{L}\p{M}\p{N}]+(?:\.\p{N}+)*/gu;
    var last = 0, m;
    while ((m = pattern.exec(text)) !== null) {
      if (m.index > last) pieces.push({ text: text.slice(last, m.index), mark: false });
      pieces.push({ text: m[0], mark: answers(F.foldTokens(m[0]), parsed) });
      last = m.index + m[0].length;
    }
    if (last < text.length) pieces.push({ text: text.slice(last), mark: false });
    return pieces;
  }

  function answers(folded, parsed) {
    for (var i = 0; i < folded.length; i++) {
      for (var j = 0; j < parsed.words.length; j++) {
        if (wordMatch(folded[i], parsed, j) > 0) return true;
      }
    }
    return false;
  }

  /** Number of marked words in highlight pieces. */
  function markCount(pieces) {
    return pieces.filter(function (p) { return p.mark; }).length;
  }

  return {
    FORMAT_VERSION: FORMAT_VERSION,
    createEngine: createEngine,
    parseQuery: parseQuery,
    highlight: highlight,
    markCount: markCount,
    withinOneEdit: withinOneEdit,
    passes: passes
  };
});
