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
  var PREFIX_MIN_LENGTH = 2;
  var NAME_FIELDS = ["name", "aliases", "synonyms", "code"];
  var OTHER_FIELD = "other";
  var OTHER_WEIGHT = 0.5;
  var FUZZY_WEIGHT = 0.5;
  var MIN_SHARE = 0.6;
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

  /**
   * Turn the compact index the build ships (generator/search/index.py, `compact`) back into
   * lunr's own serialised form: words in sorted order (their position is the term index),
   * per field and word the delta-coded document refs, and the matching BM25 weights.
   */
  var NO_METADATA = Object.freeze({});
  var NO_DOCUMENTS = Object.freeze({});

  function expandIndex(wire) {
    var fields = wire.fields, words = wire.words;
    var vectors = fields.map(function () { return []; });
    var inverted = new Array(words.length);
    for (var i = 0; i < words.length; i++) {
      var posting = { _index: i };
      for (var f = 0; f < fields.length; f++) {
        var refs = wire.postings[f][i], weights = wire.weights[f][i];
        if (!refs || !refs.length) { posting[fields[f]] = NO_DOCUMENTS; continue; }
        var ref = 0, byRef = vectors[f];
        for (var k = 0; k < refs.length; k++) {
          ref += refs[k];
          (byRef[ref] || (byRef[ref] = [])).push(i, weights[k]);
        }
        lazyDocuments(posting, fields[f], refs);
      }
      inverted[i] = [words[i], posting];
    }
    var fieldVectors = [];
    fields.forEach(function (field, f) {
      vectors[f].forEach(function (elements, ref) { fieldVectors.push([field + "/" + ref, elements]); });
    });
    return { version: wire.version, fields: fields, fieldVectors: fieldVectors, invertedIndex: inverted, pipeline: wire.pipeline };
  }

  /**
   * posting[field]: the documents {ref: metadata} lunr wants, built the first time a query reads
   * them (most words are never searched; building them all up front cost a third of the load).
   */
  function lazyDocuments(posting, field, refs) {
    Object.defineProperty(posting, field, {
      enumerable: true,
      configurable: true,
      get: function () {
        var docs = {}, ref = 0;
        for (var k = 0; k < refs.length; k++) { ref += refs[k]; docs[ref] = NO_METADATA; }
        Object.defineProperty(posting, field, { value: docs, enumerable: true });
        return docs;
      }
    });
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
    if (parsed.open && j === parsed.words.length - 1 && word.length >= PREFIX_MIN_LENGTH && textWord.lastIndexOf(word, 0) === 0) return 1;
    if (parsed.fuzzy[j] && withinOneEdit(textWord, word)) return FUZZY_WEIGHT;
    return 0;
  }

  /**
   * The lunr query: every word exactly; the open word also as a prefix; an unknown word through
   * its one-typo neighbours in the vocabulary (found here: cheaper than lunr's fuzzy automaton).
   * A prefix is looked up in names and aliases (in codes when it has digits); typos in names,
   * aliases, synonyms and codes (not in office names or applicants, where they only add noise
   * and time); so is a whole word that occurs in
   * some name, alias, synonym or code. Only words found nowhere else (an office, an applicant, a
   * lĩnh vực) are looked up in the `other` field.
   */
  function buildQuery(lunr, parsed, vocabulary, inverted) {
    return function (q) {
      var narrow = only(q.allFields, NAME_FIELDS);
      parsed.words.forEach(function (word, i) {
        var inNames = inverted[word] && narrow.some(function (field) { return !isEmpty(inverted[word][field]); });
        q.term(word, { usePipeline: false, boost: EXACT_BOOST, fields: inNames ? narrow : q.allFields });
        if (parsed.open && i === parsed.words.length - 1 && word.length >= PREFIX_MIN_LENGTH) {
          var prefixFields = only(q.allFields, /[0-9]/.test(word) ? ["code"] : ["name", "aliases"]);
          q.term(word, { usePipeline: false, boost: PREFIX_BOOST, wildcard: lunr.Query.wildcard.TRAILING, fields: prefixFields });
        }
        if (!parsed.fuzzy[i]) return;
        vocabulary.forEach(function (term) {
          if (term !== word && withinOneEdit(term, word)) q.term(term, { usePipeline: false, boost: FUZZY_BOOST, fields: narrow });
        });
      });
    };
  }

  /** The fields of `all` that are in `wanted`; all of them when none is (e.g. the full-text index). */
  function only(all, wanted) {
    var kept = all.filter(function (field) { return wanted.indexOf(field) >= 0; });
    return kept.length ? kept : all;
  }

  function isEmpty(object) {
    for (var key in object) return false;
    return true;
  }

  /** Per index word, how well it answers each query word (memoised for one query). */
  function matcher(parsed) {
    var memo = Object.create(null);
    return function (term) {
      var row = memo[term];
      if (!row) {
        row = memo[term] = parsed.words.map(function (word, j) { return wordMatch(term, parsed, j); });
      }
      return row;
    };
  }

  /**
   * How many query words a result answers (a typo counts half, so does a word found only in the
   * `other` field). A code that matches outright counts as every word: a code names one procedure.
   */
  function coverage(metadata, parsed, match) {
    var best = parsed.words.map(function () { return 0; });
    var code = false;
    for (var term in metadata) {
      var row = match(term);
      var weight = isOtherOnly(metadata[term]) ? OTHER_WEIGHT : 1;
      for (var j = 0; j < row.length; j++) {
        if (row[j] * weight > best[j]) best[j] = row[j] * weight;
        if (row[j] === 1 && metadata[term].code && CODE_LIKE.test(parsed.words[j])) code = true;
      }
    }
    var total = best.reduce(function (sum, value) { return sum + value; }, 0);
    return code ? total + parsed.words.length : total;
  }

  /** A word found only among lĩnh vực, office names and applicants is weaker evidence. */
  function isOtherOnly(fields) {
    for (var field in fields) if (field !== OTHER_FIELD) return false;
    return true;
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

  /** Folded words of a record's name and aliases, computed once per record. */
  function foldedTexts(doc, F) {
    if (!doc._folded) {
      doc._folded = { name: F.foldTokens(doc.n), aliases: (doc.a || []).map(F.foldTokens) };
    }
    return doc._folded;
  }

  /** Best fit over the name and (discounted) the aliases of a result record. */
  function docFit(doc, parsed, F) {
    var texts = foldedTexts(doc, F);
    var fit = textFit(texts.name, parsed);
    texts.aliases.forEach(function (alias) {
      fit = Math.max(fit, textFit(alias, parsed) - ALIAS_DISCOUNT);
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
      var match = matcher(parsed);
      var hits = index.query(buildQuery(lunr, parsed, vocabulary, index.invertedIndex)).map(function (r) {
        var ref = Number(r.ref);
        return {
          ref: ref,
          score: r.score,
          coverage: coverage(r.matchData.metadata, parsed, match),
          repealed: docs[ref].s === "repealed" ? 1 : 0,
          matched: r.matchData.metadata
        };
      });
      hits.sort(byCoverageAndScore);
      var best = hits.reduce(function (max, h) { return Math.max(max, h.coverage); }, 0);
      var floor = best * MIN_SHARE;
      hits = hits.filter(function (h) { return h.coverage >= floor; });
      if (payload.fit === false) return hits;
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
        hits[i].fields = hits[i].matched ? matchedFields(hits[i].matched) : [];
        out.push(hits[i]);
      }
      return { words: parsed.words, open: parsed.open, fuzzy: parsed.fuzzy, hits: out };
    }

    return { search: search, docs: docs, payload: payload, index: index };
  }

  /**
   * Split original (accented) text into pieces [{text, mark}] where mark is true for words that
   * answer a query word; the caller escapes and wraps them (no HTML is built here). A query word
   * that occurs exactly in the text marks only its exact occurrences, not words it is merely the
   * beginning of, or one typo away from ("do" marks "đỏ", not also "đối" and "động").
   */
  function highlight(text, parsed, F) {
    var pattern = /[\p{L}\p{M}\p{N}]+(?:\.\p{N}+)*/gu;
    var spans = [], m;
    while ((m = pattern.exec(text)) !== null) spans.push({ start: m.index, text: m[0], words: F.foldTokens(m[0]) });
    var exact = parsed.words.map(function (word) {
      return spans.some(function (span) { return span.words.indexOf(word) >= 0; });
    });
    var pieces = [], last = 0;
    spans.forEach(function (span) {
      if (span.start > last) pieces.push({ text: text.slice(last, span.start), mark: false });
      pieces.push({ text: span.text, mark: answers(span.words, parsed, exact) });
      last = span.start + span.text.length;
    });
    if (last < text.length) pieces.push({ text: text.slice(last), mark: false });
    return pieces;
  }

  function answers(folded, parsed, exact) {
    for (var i = 0; i < folded.length; i++) {
      for (var j = 0; j < parsed.words.length; j++) {
        var match = wordMatch(folded[i], parsed, j);
        if (match > 0 && (!exact[j] || folded[i] === parsed.words[j])) return true;
      }
    }
    return false;
  }

  /** How many different query words a text answers (to pick the alias worth showing). */
  function wordsAnswered(text, parsed, F) {
    var folded = F.foldTokens(text);
    return parsed.words.filter(function (word, j) {
      return folded.some(function (w) { return wordMatch(w, parsed, j) > 0; });
    }).length;
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
    wordsAnswered: wordsAnswered,
    withinOneEdit: withinOneEdit,
    passes: passes
  };
});
