/*
 * Công Khai search: how well a result answers a query, shared by engine.js (browser and Node
 * evaluation). Coverage per slot of the understood query (understand.js), how well a name reads as
 * the query, the order of results. Needs CKUnderstand (understand.js); looked up when first used.
 */
(function (root, factory) {
  if (typeof module === "object" && module.exports) module.exports = factory(function () { return require("./understand.js"); });
  else root.CKRank = factory(function () { return root.CKUnderstand; });
})(typeof self !== "undefined" ? self : this, function (understanding) {
  "use strict";

  /** understand.js, looked up when first needed (the browser may run the files in any order). */
  var CKUnderstand = {
    unasked: function (name, read, U) { return understanding().unasked(name, read, U); },
    contains: function (words, phrase) { return understanding().contains(words, phrase); }
  };

  var UNASKED_PENALTY = 1;
  var EVENT_RANK_PENALTY = 0.5;
  var MATCH_SHARE = 0.5;
  var PART_SHARE = 0.25;
  var OUTSIDE_FIELD_SHARE = 0.5;
  var EVENT_CREDIT_STEP = 0.15;
  var EVENT_CREDIT_FLOOR = 0.4;
  var FILLER_SHARE = 0.3;
  var PREFIX_MIN_LENGTH = 2;
  var OTHER_FIELD = "other";
  var OTHER_WEIGHT = 0.5;
  var FUZZY_WEIGHT = 0.5;
  var START_PENALTY = 0.25;
  var EXTRA_PENALTY = 0.02;
  var EXTRA_CAP = 25;
  var ALIAS_DISCOUNT = 1;
  var BOILERPLATE = ["thu", "tuc"];
  var CODE_LIKE = /[0-9].*[0-9].*[0-9].*[0-9]/;

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
  function coverage(metadata, doc, parsed, match, F) {
    var best = parsed.words.map(function () { return 0; });
    var texts = docTexts(doc, F);
    var code = false;
    for (var term in metadata) {
      var row = match(term);
      var weight = isOtherOnly(metadata[term]) ? OTHER_WEIGHT : 1;
      for (var j = 0; j < row.length; j++) {
        if (row[j] * weight > best[j]) best[j] = row[j] * weight;
        if (row[j] === 1 && metadata[term].code && CODE_LIKE.test(parsed.words[j])) code = true;
      }
    }
    var total = 0;
    doc._eventRank = undefined;
    var credits = parsed.slots.map(function (slot) { return slot.weight * slotCredit(slot, best, doc, texts); });
    credits.forEach(function (c) { total += c; });
    if (parsed.explain) parsed.explain[doc.u] = credits;
    return code ? total + meaningWeight(parsed) : total;
  }

  /** The event rank that gave a result its credit in the last `coverage` call (-1: none). */
  function creditRank(doc) {
    return doc._eventRank === undefined ? -1 : doc._eventRank;
  }

  /**
   * How well a result answers one slot: its own words (an ordinary word: its best match; a known
   * phrase: found whole in the name or an alias, else a quarter of the share of its words), or one of the
   * slot's thesaurus terms found whole (a broader term for part of the credit; half in a procedure
   * outside the group's lĩnh vực), or the result's place in
   * a life event the slot names (less the further down the event's list).
   */
  function slotCredit(slot, best, doc, texts) {
    var credit = 0;
    for (var k = slot.start; k < slot.start + slot.n; k++) credit += best[k];
    credit /= slot.n;
    if (slot.alts.length || slot.events.length) credit = phraseIn(texts, slot.words) ? 1 : credit * PART_SHARE;
    for (var a = 0; a < slot.alts.length && credit < 1; a++) {
      var alt = slot.alts[a];
      var weight = alt.fields && alt.fields.length && alt.fields.indexOf(doc.f) < 0 ? alt.weight * OUTSIDE_FIELD_SHARE : alt.weight;
      if (weight > credit && phraseIn(texts, alt.words)) credit = weight;
    }
    if (credit < 1 && slot.events.length) {
      var rank = eventRank(doc, slot.events);
      if (rank >= 0 && eventCredit(rank) > credit) {
        credit = eventCredit(rank);
        if (!(doc._eventRank <= rank)) doc._eventRank = rank;
      }
    }
    return credit;
  }

  function eventCredit(rank) {
    return Math.max(EVENT_CREDIT_FLOOR, 1 - EVENT_CREDIT_STEP * rank);
  }

  /** Folded name and alias word lists of a record, with the set of their words (cached). */
  function docTexts(doc, F) {
    var texts = foldedTexts(doc, F);
    if (!texts.all) {
      texts.all = [texts.name].concat(texts.aliases);
      texts.words = Object.create(null);
      texts.all.forEach(function (list) { list.forEach(function (w) { texts.words[w] = true; }); });
    }
    return texts;
  }

  /** Does the name or an alias contain `phrase` (folded words) as consecutive words? */
  function phraseIn(texts, phrase) {
    for (var w = 0; w < phrase.length; w++) if (!texts.words[phrase[w]]) return false;
    for (var t = 0; t < texts.all.length; t++) if (CKUnderstand.contains(texts.all[t], phrase)) return true;
    return false;
  }

  /** The best rank of a result in any of the `events` (-1 when it belongs to none). */
  function eventRank(doc, events) {
    var rank = -1;
    (doc.e || []).forEach(function (m) {
      if (events.indexOf(m[0]) >= 0 && (rank < 0 || m[1] < rank)) rank = m[1];
    });
    return rank;
  }

  /** The weight of everything the query means (what a full answer would score). */
  function meaningWeight(parsed) {
    return parsed.slots.reduce(function (sum, slot) { return sum + slot.weight; }, 0);
  }

  /**
   * What an answer must reach to be shown at all: half of what the query means, where a word no
   * procedure contains and the thesaurus does not know ("mảnh", "vài") counts for little.
   */
  function matchFloor(parsed) {
    var weight = parsed.slots.reduce(function (sum, slot) { return sum + slot.weight * (slot.filler ? FILLER_SHARE : 1); }, 0);
    return MATCH_SHARE * weight;
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
    return bestRun - START_PENALTY * bestStart - EXTRA_PENALTY * Math.min(EXTRA_CAP, words.length - answered);
  }

  /** Folded words of a record's name and aliases, computed once per record. */
  function foldedTexts(doc, F) {
    if (!doc._folded) {
      doc._folded = { name: F.foldTokens(doc.n), aliases: (doc.a || []).map(F.foldTokens) };
    }
    return doc._folded;
  }

  /** A record's folded name without a leading "thủ tục". */
  function plainName(doc, F) {
    var name = foldedTexts(doc, F).name;
    return name[0] === BOILERPLATE[0] && name[1] === BOILERPLATE[1] ? name.slice(2) : name;
  }

  /** Best fit over the name and (discounted) the aliases of a result record. */
  function docFit(doc, parsed, F, U, viaEvent) {
    var texts = foldedTexts(doc, F);
    var fit = textFit(texts.name, parsed);
    texts.aliases.forEach(function (alias) {
      fit = Math.max(fit, textFit(alias, parsed) - ALIAS_DISCOUNT);
    });
    fit -= UNASKED_PENALTY * CKUnderstand.unasked(plainName(doc, F), parsed, U);
    if (viaEvent > 0) fit -= EVENT_RANK_PENALTY * viaEvent;
    return fit;
  }

  /** Repealed procedures come after the ones in force; then the most query words; then BM25. */
  function byCoverageAndScore(a, b) {
    return a.repealed - b.repealed || b.coverage - a.coverage || b.score - a.score || a.ref - b.ref;
  }

  /** Then how well the name reads as the query; then the place in a life event the query names. */
  function byCoverageFitAndScore(a, b) {
    return a.repealed - b.repealed || b.coverage - a.coverage || b.fit - a.fit || a.place - b.place ||
      b.score - a.score || a.ref - b.ref;
  }


  return {
    withinOneEdit: withinOneEdit,
    wordMatch: wordMatch,
    matcher: matcher,
    coverage: coverage,
    creditRank: creditRank,
    slotCredit: slotCredit,
    eventCredit: eventCredit,
    docTexts: docTexts,
    phraseIn: phraseIn,
    eventRank: eventRank,
    meaningWeight: meaningWeight,
    matchFloor: matchFloor,
    isOtherOnly: isOtherOnly,
    matchedFields: matchedFields,
    textFit: textFit,
    foldedTexts: foldedTexts,
    plainName: plainName,
    docFit: docFit,
    byCoverageAndScore: byCoverageAndScore,
    byCoverageFitAndScore: byCoverageFitAndScore
  };
});
