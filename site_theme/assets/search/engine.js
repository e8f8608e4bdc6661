/*
 * Công Khai search: the query engine shared by the header box, the finder page and the Node
 * evaluation (bench/search_eval.py). Needs lunr 2.3.9, CKFold (fold.js), CKUnderstand (understand.js)
 * and CKRank (rank.js).
 *
 *   var engine = CKSearch.createEngine(payload, lunr, CKFold);
 *   engine.search("dang ky ket hon", { limit: 8 })  ->  [{ ref, doc, score, coverage }]
 *
 * The payload is written by generator/search/index.py. Query words are folded exactly as the
 * index words were, then read by understand.js (thesaurus, life events, words without meaning);
 * only the last word, while it is still being typed, is matched as a prefix; words of four
 * letters or more also match with one typo. Results are ranked first by how much of the query
 * they answer, then by how well the name reads as the query, then by lunr's BM25 score; when
 * nothing answers at least half of what the query means, there is no result (`unmatched`).
 */
(function (root, factory) {
  if (typeof module === "object" && module.exports) {
    module.exports = factory(function () { return require("./understand.js"); }, function () { return require("./rank.js"); });
  } else {
    root.CKSearch = factory(function () { return root.CKUnderstand; }, function () { return root.CKRank; });
  }
})(typeof self !== "undefined" ? self : this, function (understanding, R) {
  "use strict";

  /** understand.js, looked up when first needed (the browser may run the two files in any order). */
  var CKUnderstand = {
    compile: function (q) { return understanding().compile(q); },
    read: function (words, U) { return understanding().read(words, U); },
    unasked: function (name, read, U) { return understanding().unasked(name, read, U); },
    contains: function (words, phrase) { return understanding().contains(words, phrase); }
  };

  var FORMAT_VERSION = 2;
  var ALT_SHARE_CAP = 0.15;
  var NO_PLACE = 1000;
  var SUGGESTIONS = 3;
  var PIPELINE_NAME = "fold-vi";
  var EXACT_BOOST = 3;
  var PREFIX_BOOST = 1;
  var FUZZY_BOOST = 0.2;
  var FUZZY_MIN_LENGTH = 3;
  var PREFIX_MIN_LENGTH = 2;
  var NAME_FIELDS = ["name", "aliases", "synonyms", "code"];
  var MIN_SHARE = 0.6;
  var RERANK = 50;
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
  function parseQuery(query, F, known, U) {
    var text = String(query || "");
    var folded = F.foldTokens(text).map(function (word) {
      var local = LOCAL_CODE.exec(word);
      return local ? local[1] : word;
    });
    var read = CKUnderstand.read(folded, U || null);
    var words = read.words;
    var understood = words.map(function () { return false; });
    read.slots.forEach(function (slot) {
      if (!slot.alts.length && !slot.events.length) return;
      for (var k = slot.start; k < slot.start + slot.n; k++) understood[k] = true;
    });
    var open = words.length > 0 && read.lastOriginal && !understood[words.length - 1] && /[\p{L}\p{N}]$/u.test(text);
    read.slots.forEach(function (slot) {
      slot.filler = !understood[slot.start] && !(known && known(words[slot.start], open && slot.start === words.length - 1));
    });
    var fuzzy = words.map(function (word, i) {
      var isOpen = open && i === words.length - 1;
      return word.length >= FUZZY_MIN_LENGTH && !/[0-9]/.test(word) && !understood[i] && !(known && known(word, isOpen));
    });
    return {
      words: words, open: open, fuzzy: fuzzy, slots: read.slots, asked: read.asked,
      events: read.events
    };
  }

  /**
   * The words to ask lunr for on behalf of the thesaurus terms: for each term whose words are all
   * in some name, only its rarest word (a name containing the whole term contains that word), and
   * none for generic slots ("xin", "cap lai") or when that word is in more than 15 % of the names:
   * they would make nearly every procedure a candidate (and cost the time of scoring it).
   */
  function altWords(parsed, df, cap) {
    var out = [], seen = Object.create(null);
    parsed.words.forEach(function (w) { seen[w] = true; });
    parsed.slots.forEach(function (slot) {
      if (slot.generic) return;
      slot.alts.forEach(function (alt) {
        var rarest = null;
        for (var k = 0; k < alt.words.length; k++) {
          var n = df[alt.words[k]];
          if (!n) return;
          if (rarest === null || n < df[rarest]) rarest = alt.words[k];
        }
        if (!seen[rarest] && df[rarest] <= cap) { seen[rarest] = true; out.push(rarest); }
      });
    });
    return out;
  }

  /** Per word, in how many names, aliases or synonym lists it occurs (the most of the three). */
  function nameFrequencies(wire) {
    var df = Object.create(null);
    wire.fields.forEach(function (field, f) {
      if (NAME_FIELDS.indexOf(field) < 0 || field === "code") return;
      wire.words.forEach(function (word, i) {
        var n = (wire.postings[f][i] || []).length;
        if (n > (df[word] || 0)) df[word] = n;
      });
    });
    return df;
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
  function buildQuery(lunr, parsed, vocabulary, inverted, df) {
    var asked = askedWords(parsed, df);
    return function (q) {
      var narrow = only(q.allFields, NAME_FIELDS);
      parsed.words.forEach(function (word, i) {
        if (!asked[i]) return;
        var inNames = inverted[word] && narrow.some(function (field) { return !isEmpty(inverted[word][field]); });
        q.term(word, { usePipeline: false, boost: EXACT_BOOST, fields: inNames ? narrow : q.allFields });
        if (parsed.open && i === parsed.words.length - 1 && word.length >= PREFIX_MIN_LENGTH) {
          var prefixFields = only(q.allFields, /[0-9]/.test(word) ? ["code"] : ["name", "aliases"]);
          q.term(word, { usePipeline: false, boost: PREFIX_BOOST, wildcard: lunr.Query.wildcard.TRAILING, fields: prefixFields });
        }
        if (!parsed.fuzzy[i]) return;
        vocabulary.forEach(function (term) {
          if (term !== word && R().withinOneEdit(term, word)) q.term(term, { usePipeline: false, boost: FUZZY_BOOST, fields: narrow });
        });
      });
    };
  }

  /**
   * Which query words lunr is asked for: every word of an ordinary slot; of a known phrase only
   * its rarest word (the phrase counts only when found whole, and a name holding it holds that
   * word); none of a generic slot ("dang ky", "xin") unless the query has nothing else. Asking
   * for "dang ky" would make nearly every procedure a candidate (and cost the time of scoring it).
   */
  function askedWords(parsed, df) {
    var asked = parsed.words.map(function () { return false; });
    var specific = parsed.slots.some(function (slot) { return !slot.generic; });
    parsed.slots.forEach(function (slot) {
      if (slot.n === 1 && !slot.alts.length && !slot.events.length) { asked[slot.start] = true; return; }
      if (slot.generic && specific) return;
      var rarest = -1;
      for (var k = slot.start; k < slot.start + slot.n; k++) {
        if (!df[parsed.words[k]]) { rarest = -1; break; }
        if (rarest < 0 || df[parsed.words[k]] < df[parsed.words[rarest]]) rarest = k;
      }
      if (rarest >= 0) asked[rarest] = true;
    });
    return asked;
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

  /** Does a result record pass the chosen facets ({field, level, office, online, free})? */
  function passes(doc, facets) {
    if (!facets) return true;
    if (facets.field != null && facets.field !== "" && doc.f !== Number(facets.field)) return false;
    if (facets.level && doc.l !== facets.level) return false;
    if (facets.office != null && facets.office !== "" && doc.o.indexOf(Number(facets.office)) < 0) return false;
    if (facets.online != null && facets.online !== "" && doc.w !== Number(facets.online)) return false;
    if (facets.free && !doc.free) return false;
    if (facets.event != null && facets.event !== "" && !(doc.e || []).some(function (m) { return m[0] === Number(facets.event); })) return false;
    return true;
  }

  function createEngine(payload, lunr, F) {
    if (!payload || payload.v !== FORMAT_VERSION) throw new Error("search index format " + (payload && payload.v));
    registerFold(lunr, F);
    var index = lunr.Index.load(expandIndex(payload.index));
    var docs = payload.docs;
    var vocabulary = Object.keys(index.invertedIndex);
    var U = CKUnderstand.compile(payload.q);
    var df = nameFrequencies(payload.index);
    var wordAt = Object.create(null);
    payload.index.words.forEach(function (word, i) { wordAt[word] = i; });

    /** Is the word in the index (or, for the open word, the start of a word in it)? */
    function known(word, isOpen) {
      if (Object.prototype.hasOwnProperty.call(index.invertedIndex, word)) return true;
      if (!isOpen) return false;
      for (var i = 0; i < vocabulary.length; i++) if (vocabulary[i].lastIndexOf(word, 0) === 0) return true;
      return false;
    }

    /**
     * lunr's hits for the query's own words, plus the procedures whose names hold the rarest word
     * of a thesaurus term (found in the index postings directly: asking lunr for them cost more
     * than all the rest), plus, when the query names a life event, the event's procedures.
     */
    function candidates(parsed) {
      var results = index.query(buildQuery(lunr, parsed, vocabulary, index.invertedIndex, df));
      var seen = Object.create(null);
      results.forEach(function (r) { seen[r.ref] = true; });
      var add = function (ref) {
        if (seen[ref]) return;
        seen[ref] = true;
        results.push({ ref: String(ref), score: 0, matchData: { metadata: {} } });
      };
      altWords(parsed, df, ALT_SHARE_CAP * docs.length).forEach(function (word) { refsOf(word).forEach(add); });
      if (parsed.events.length) {
        docs.forEach(function (doc, ref) { if (R().eventRank(doc, parsed.events) >= 0) add(ref); });
      }
      return results;
    }

    /** The documents whose name, aliases or synonyms hold `word` (decoded once from the payload). */
    var refCache = Object.create(null);
    function refsOf(word) {
      if (refCache[word]) return refCache[word];
      var wire = payload.index, at = wordAt[word], out = [], seen = Object.create(null);
      if (at !== undefined) {
        wire.fields.forEach(function (field, f) {
          if (NAME_FIELDS.indexOf(field) < 0 || field === "code") return;
          var ref = 0, refs = wire.postings[f][at] || [];
          for (var k = 0; k < refs.length; k++) { ref += refs[k]; if (!seen[ref]) { seen[ref] = true; out.push(ref); } }
        });
      }
      refCache[word] = out;
      return out;
    }

    function rank(parsed) {
      var match = R().matcher(parsed);
      var hits = candidates(parsed).map(function (r) {
        var ref = Number(r.ref);
        return {
          ref: ref,
          score: r.score,
          coverage: R().coverage(r.matchData.metadata, docs[ref], parsed, match, F),
          viaEvent: R().creditRank(docs[ref]),
          repealed: docs[ref].s === "repealed" ? 1 : 0,
          matched: r.matchData.metadata
        };
      });
      hits.sort(R().byCoverageAndScore);
      var best = hits.reduce(function (max, h) { return Math.max(max, h.coverage); }, 0);
      if (U && best < R().matchFloor(parsed)) return [];
      var floor = best * MIN_SHARE;
      hits = hits.filter(function (h) { return h.coverage > 0 && h.coverage >= floor; });
      if (payload.fit === false) return hits;
      var head = hits.slice(0, RERANK);
      head.forEach(function (h) {
        h.fit = R().docFit(docs[h.ref], parsed, F, U, h.viaEvent);
        var place = parsed.events.length ? R().eventRank(docs[h.ref], parsed.events) : -1;
        h.place = place < 0 ? NO_PLACE : place;
      });
      head.sort(R().byCoverageFitAndScore);
      return head.concat(hits.slice(RERANK));
    }

    /** An empty query lists every procedure, or with a life event chosen its procedures in order. */
    function browse(facets) {
      var event = facets && facets.event != null && facets.event !== "" ? Number(facets.event) : -1;
      var all = docs.map(function (doc, i) { return { ref: i, score: 0, coverage: 0, rank: event >= 0 ? R().eventRank(doc, [event]) : 0 }; });
      if (event < 0) return all;
      var plain = CKUnderstand.read([], U);
      all = all.filter(function (h) { return h.rank >= 0; });
      all.forEach(function (h) {
        var name = R().plainName(docs[h.ref], F);
        h.variant = CKUnderstand.unasked(name, plain, U);
        h.length = name.length;
      });
      // Within one rule: the plain procedure (no qualifier, shortest name) before its variants.
      return all.sort(function (a, b) { return a.rank - b.rank || a.variant - b.variant || a.length - b.length || a.ref - b.ref; });
    }

    /** Ranked hits for a query; `unmatched` when words were typed but nothing answers them. */
    function search(query, options) {
      var opts = options || {};
      var parsed = parseQuery(query, F, known, U);
      if (opts.explain) parsed.explain = {};
      var hits = parsed.words.length ? rank(parsed) : browse(opts.facets);
      var out = [];
      for (var i = 0; i < hits.length && (!opts.limit || out.length < opts.limit); i++) {
        var doc = docs[hits[i].ref];
        if (!passes(doc, opts.facets)) continue;
        hits[i].doc = doc;
        hits[i].fields = hits[i].matched ? R().matchedFields(hits[i].matched) : [];
        out.push(hits[i]);
      }
      var unmatched = parsed.words.length > 0 && out.length === 0;
      return {
        words: parsed.words, open: parsed.open, fuzzy: parsed.fuzzy, hits: out, unmatched: unmatched,
        events: parsed.events, suggest: unmatched ? suggest(parsed) : null, explain: parsed.explain
      };
    }

    /**
     * When nothing fits: the life events and lĩnh vực closest to the query (sharing the most
     * words with its words and their thesaurus terms), best first; every event when none is close.
     */
    function suggest(parsed) {
      var wanted = parsed.asked;
      var score = function (words) {
        var n = 0;
        for (var w in words) if (wanted[w]) n++;
        return n;
      };
      var events = eventWords().map(function (words, i) { return { index: i, score: words ? score(words) : 0 }; });
      var fields = (payload.fields || []).map(function (f, i) { return { index: i, score: score(wordSet([F.foldTokens(f[1])])) }; });
      return { events: closest(events), fields: closest(fields) };
    }

    /** Per life event with procedures, the set of words of its title, phrases and groups (once). */
    var eventWordSets = null;
    function eventWords() {
      if (!eventWordSets) {
        eventWordSets = (U ? U.events : []).map(function (ev, i) {
          if (!docs.some(function (doc) { return R().eventRank(doc, [i]) >= 0; })) return null;
          var lists = [F.foldTokens(ev[1])].concat(ev[3].map(function (p) { return p.split(" "); }));
          ev[2].forEach(function (gi) { U.q.g[gi][0].forEach(function (p) { lists.push(p.split(" ")); }); });
          return wordSet(lists);
        });
      }
      return eventWordSets;
    }

    function wordSet(lists) {
      var set = Object.create(null);
      lists.forEach(function (list) { list.forEach(function (w) { set[w] = true; }); });
      return set;
    }

    function closest(items) {
      var close = items.filter(function (x) { return x.score > 0; }).sort(function (a, b) { return b.score - a.score || a.index - b.index; });
      return close.slice(0, SUGGESTIONS).map(function (x) { return x.index; });
    }

    return { search: search, docs: docs, payload: payload, index: index, events: U ? U.events : [] };
  }

  /**
   * Split original (accented) text into pieces [{text, mark}] where mark is true for words that
   * answer a query word; the caller escapes and wraps them (no HTML is built here). A query word
   * that occurs exactly in the text marks only its exact occurrences, not words it is merely the
   * beginning of, or one typo away from ("do" marks "đỏ", not also "đối" and "động"). Words in the
   * first `skip` characters (the portal's «Thủ tục » before a name, record key k) are never marked.
   */
  function highlight(text, parsed, F, skip) {
    var pattern = /[\p{L}\p{M}\p{N}]+(?:\.\p{N}+)*/gu;
    var spans = [], m;
    while ((m = pattern.exec(text)) !== null) spans.push({ start: m.index, text: m[0], words: F.foldTokens(m[0]) });
    var exact = parsed.words.map(function (word) {
      return spans.some(function (span) { return span.start >= (skip || 0) && span.words.indexOf(word) >= 0; });
    });
    var pieces = [], last = 0;
    spans.forEach(function (span) {
      if (span.start > last) pieces.push({ text: text.slice(last, span.start), mark: false });
      pieces.push({ text: span.text, mark: span.start >= (skip || 0) && answers(span.words, parsed, exact) });
      last = span.start + span.text.length;
    });
    if (last < text.length) pieces.push({ text: text.slice(last), mark: false });
    return pieces;
  }

  function answers(folded, parsed, exact) {
    for (var i = 0; i < folded.length; i++) {
      for (var j = 0; j < parsed.words.length; j++) {
        var match = R().wordMatch(folded[i], parsed, j);
        if (match > 0 && (!exact[j] || folded[i] === parsed.words[j])) return true;
      }
    }
    return false;
  }

  /** How many different query words a text answers (to pick the alias worth showing). */
  function wordsAnswered(text, parsed, F) {
    var folded = F.foldTokens(text);
    return parsed.words.filter(function (word, j) {
      return folded.some(function (w) { return R().wordMatch(w, parsed, j) > 0; });
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
    withinOneEdit: function (a, b) { return R().withinOneEdit(a, b); },
    passes: passes
  };
});
