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
  var FUZZY_MIN_LENGTH = 4;
  var FUZZY_WEIGHT = 0.5;
  var REPEALED_PENALTY = 0.001;

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

  /** Parse the query into folded words; the last one is "open" while it is still being typed. */
  function parseQuery(query, F) {
    var text = String(query || "");
    var words = F.foldTokens(text);
    var open = words.length > 0 && /[\p{L}\p{N}]$/u.test(text);
    return { words: words, open: open };
  }

  function fuzzyAllowed(word) {
    return word.length >= FUZZY_MIN_LENGTH && !/[0-9]/.test(word);
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

  /** How well one index word answers one query word: 1 exact or prefix, 0.5 one typo, 0 not. */
  function wordMatch(indexWord, queryWord, isOpen) {
    if (indexWord === queryWord) return 1;
    if (isOpen && indexWord.lastIndexOf(queryWord, 0) === 0) return 1;
    if (fuzzyAllowed(queryWord) && withinOneEdit(indexWord, queryWord)) return FUZZY_WEIGHT;
    return 0;
  }

  function buildQuery(lunr, parsed) {
    return function (q) {
      parsed.words.forEach(function (word, i) {
        var isOpen = parsed.open && i === parsed.words.length - 1;
        q.term(word, { usePipeline: false, boost: EXACT_BOOST });
        if (isOpen) q.term(word, { usePipeline: false, boost: PREFIX_BOOST, wildcard: lunr.Query.wildcard.TRAILING });
        if (fuzzyAllowed(word)) q.term(word, { usePipeline: false, boost: FUZZY_BOOST, editDistance: 1 });
      });
    };
  }

  /** Sum over query words of the best match among the index words a result matched. */
  function coverage(matchedWords, parsed) {
    var total = 0;
    parsed.words.forEach(function (word, i) {
      var isOpen = parsed.open && i === parsed.words.length - 1;
      var best = 0;
      for (var j = 0; j < matchedWords.length && best < 1; j++) {
        best = Math.max(best, wordMatch(matchedWords[j], word, isOpen));
      }
      total += best;
    });
    return total;
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

  function compareHits(a, b) {
    return b.coverage - a.coverage || b.score - a.score || a.ref - b.ref;
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

    /** Ranked hits for a query; an empty query lists every procedure (for the facets alone). */
    function search(query, options) {
      var opts = options || {};
      var parsed = parseQuery(query, F);
      var hits;
      if (!parsed.words.length) {
        hits = docs.map(function (doc, i) { return { ref: i, score: 0, coverage: 0 }; });
      } else {
        hits = index.query(buildQuery(lunr, parsed)).map(function (r) {
          var ref = Number(r.ref);
          var penalty = docs[ref].s === "repealed" ? REPEALED_PENALTY : 1;
          var matched = r.matchData.metadata;
          return {
            ref: ref,
            score: r.score * penalty,
            coverage: coverage(Object.keys(matched), parsed) * penalty,
            fields: matchedFields(matched)
          };
        });
        hits.sort(compareHits);
      }
      var out = [];
      for (var i = 0; i < hits.length && (!opts.limit || out.length < opts.limit); i++) {
        var doc = docs[hits[i].ref];
        if (!passes(doc, opts.facets)) continue;
        hits[i].doc = doc;
        out.push(hits[i]);
      }
      return { words: parsed.words, open: parsed.open, hits: out };
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
        var isOpen = parsed.open && j === parsed.words.length - 1;
        if (wordMatch(folded[i], parsed.words[j], isOpen) > 0) return true;
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
