/*
 * Công Khai search: query understanding, before any index lookup. Used by engine.js (browser and
 * Node evaluation); the tables come from the index payload (`q`, written by
 * generator/search/thesaurus.py from the shipped thesaurus, the publisher's synonyms and the life
 * events), so Python decides what the words mean and this file only applies it.
 *
 *   var U = CKUnderstand.compile(payload.q);      // once per index
 *   var slots = CKUnderstand.read(words, U);      // per query (words already folded)
 *
 * A query becomes a list of slots, each one thing the citizen asked for:
 *  - phone shorthand is written out first ("ko" -> "khong", "dk" -> "dang ki");
 *  - the longest known phrase wins at each position: a thesaurus term (its slot accepts every
 *    term of its groups, and the broader terms for part of the credit; a one-word term other
 *    than the group's first is only understood, never matched in names, since folded one-word
 *    terms collide: so = sổ, số, sở), an event trigger ("moi
 *    sinh"), an age ("80 tuoi" -> the age band's group), or a word that carries no meaning in a
 *    question ("can", "o dau", "thu tuc"), which gets no weight;
 *  - a known phrase of several words also yields its known parts of two words or more that
 *    mean something else, as half-weight slots ("sang ten so do" -> "sang ten" and "so do"), so
 *    a procedure answering the parts ranks above one answering neither;
 *  - a slot of generic words ("xin", "cap lai": a group marked generic, even when a publisher's
 *    group repeats the phrase) weighs half, so a procedure answering nothing but the verb is not
 *    a match;
 *  - any other word is a slot of its own (prefix and typo matching happen in engine.js).
 * When every slot carries no meaning ("thu tuc"), they all count as ordinary words.
 */
(function (root, factory) {
  if (typeof module === "object" && module.exports) module.exports = factory();
  else root.CKUnderstand = factory();
})(typeof self !== "undefined" ? self : this, function () {
  "use strict";

  var MAX_PHRASE = 8;
  var SUB_WEIGHT = 0.5;
  var BROADER_WEIGHT = 0.6;
  var GENERIC_WEIGHT = 0.5;
  var AGE_WORD = "tuoi";

  function push(list, value) {
    if (list.indexOf(value) < 0) list.push(value);
  }

  function split(phrase) {
    return phrase.split(" ");
  }

  /** Compile the payload tables into a phrase lookup (null when the payload has none). */
  function compile(q) {
    if (!q) return null;
    var table = Object.create(null);
    var entry = function (p) { return table[p] || (table[p] = { groups: [], events: [], stop: false }); };
    q.g.forEach(function (group, gi) { group[0].forEach(function (p) { push(entry(p).groups, gi); }); });
    q.ev.forEach(function (ev, ei) { ev[3].forEach(function (p) { push(entry(p).events, ei); }); });
    q.stop.forEach(function (p) { entry(p).stop = true; });
    var groupEvents = q.g.map(function () { return []; });
    q.ev.forEach(function (ev, ei) { ev[2].forEach(function (gi) { push(groupEvents[gi], ei); }); });
    return {
      q: q,
      table: table,
      groupEvents: groupEvents,
      qualifiers: q.qual.map(split),
      actions: q.act.map(split),
      events: q.ev
    };
  }

  /** Write out phone shorthand; returns the new word list and, per new word, its source index. */
  function expandShorthand(words, U) {
    var out = [], from = [];
    words.forEach(function (word, i) {
      var full = U.q.short[word];
      (full ? split(full) : [word]).forEach(function (w) { out.push(w); from.push(i); });
    });
    return { words: out, from: from };
  }

  /** The age band group of "<number> tuoi" at position i, or -1. */
  function ageGroup(words, i, U) {
    if (!/^[0-9]{1,3}$/.test(words[i]) || words[i + 1] !== AGE_WORD) return -1;
    var age = Number(words[i]);
    for (var k = 0; k < U.q.ages.length; k++) {
      if (age >= U.q.ages[k][0] && age <= U.q.ages[k][1]) return U.q.ages[k][2];
    }
    return -1;
  }

  /** Longest known phrase starting at i (at most `limit` words): {n, entry} or null. */
  function longest(words, i, limit, U) {
    for (var n = Math.min(limit, words.length - i); n >= 1; n--) {
      var found = U.table[words.slice(i, i + n).join(" ")];
      if (found) return { n: n, entry: found };
    }
    var age = ageGroup(words, i, U);
    if (age >= 0 && limit >= 2) return { n: 2, entry: { groups: [age], events: [], stop: false } };
    return null;
  }

  /** A slot over words [start, start + n) accepting the terms of `groups` and the `events`. */
  function makeSlot(start, n, groups, events, weight, U) {
    var alts = [], seen = Object.create(null), evs = events.slice();
    var add = function (phrase, w, fields) {
      if (seen[phrase] >= w) return;
      seen[phrase] = w;
      alts.push({ words: split(phrase), weight: w, fields: fields });
    };
    groups.forEach(function (gi) {
      var fields = U.q.g[gi][3] || [];
      U.q.g[gi][0].forEach(function (p, k) { if (k === 0 || p.indexOf(" ") > 0) add(p, 1, fields); });
      U.q.g[gi][1].forEach(function (p) { add(p, BROADER_WEIGHT, fields); });
      U.groupEvents[gi].forEach(function (ei) { push(evs, ei); });
    });
    var generic = !evs.length && groups.some(function (gi) { return U.q.g[gi][2] === 1; });
    return { start: start, n: n, weight: generic ? weight * GENERIC_WEIGHT : weight, generic: generic, stop: false, alts: alts, events: evs };
  }

  /** Does a part mean something its whole phrase does not already (another group or event)? */
  function adds(entry, outer) {
    return entry.groups.some(function (g) { return outer.groups.indexOf(g) < 0; }) ||
      entry.events.some(function (e) { return outer.events.indexOf(e) < 0; });
  }

  /** Known parts inside a phrase of n > 1 words, as half-weight slots. */
  function parts(words, start, n, U, slots, outer) {
    var i = start;
    while (i < start + n) {
      var found = null;
      for (var limit = Math.min(n - 1, start + n - i); limit >= 2 && !found; limit--) {
        var f = longest(words, i, limit, U);
        if (!f || f.n < 2) break;
        if (!f.entry.stop && adds(f.entry, outer)) found = f;
        else limit = f.n;
      }
      if (found) {
        slots.push(makeSlot(i, found.n, found.entry.groups, found.entry.events, SUB_WEIGHT, U));
        i += found.n;
      } else {
        i += 1;
      }
    }
  }

  /**
   * Segment folded words into slots (see the file comment). The segmentation that covers the most
   * words with known phrases wins, then the one with the fewest pieces ("xin giay phep lai xe" is
   * "xin" + "giay phep lai xe", not "xin giay" + three loose words).
   */
  function segment(words, U) {
    var n = words.length, best = new Array(n + 1);
    best[n] = { known: 0, pieces: 0, first: null };
    for (var i = n - 1; i >= 0; i--) {
      best[i] = { known: best[i + 1].known, pieces: best[i + 1].pieces + 1, first: null };
      for (var k = Math.min(MAX_PHRASE, n - i); k >= 1; k--) {
        var found = lookup(words, i, k, U);
        if (!found) continue;
        var rest = best[i + k], known = rest.known + k, pieces = rest.pieces + 1;
        if (known > best[i].known || (known === best[i].known && pieces < best[i].pieces)) {
          best[i] = { known: known, pieces: pieces, first: found };
        }
      }
    }
    var slots = [];
    for (var at = 0; at < n;) {
      var piece = best[at].first;
      if (!piece) {
        slots.push({ start: at, n: 1, weight: 1, stop: false, alts: [], events: [] });
        at += 1;
      } else if (piece.entry.stop) {
        slots.push({ start: at, n: piece.n, weight: 0, stop: true, alts: [], events: [] });
        at += piece.n;
      } else {
        slots.push(makeSlot(at, piece.n, piece.entry.groups, piece.entry.events, 1, U));
        if (piece.n > 1) parts(words, at, piece.n, U, slots, piece.entry);
        at += piece.n;
      }
    }
    return slots;
  }

  /** The known phrase of exactly k words at i (a thesaurus term, trigger, stop phrase or age), or null. */
  function lookup(words, i, k, U) {
    var found = U.table[words.slice(i, i + k).join(" ")];
    if (found) return { n: k, entry: found };
    if (k === 2) {
      var age = ageGroup(words, i, U);
      if (age >= 0) return { n: 2, entry: { groups: [age], events: [], stop: false } };
    }
    return null;
  }

  /**
   * Read a query: {words, slots, asked, events}. `words` are the meaningful words (shorthand
   * written out, no-meaning words dropped) and slots index into them; `asked` holds every word
   * the query or its expansions contain (a qualifier the query asks for is not held against a
   * procedure); `events` the life events the query mentions. `lastOriginal` tells whether the last
   * meaningful word is the citizen's last typed word (so it may still be a prefix).
   */
  function read(words, U) {
    if (!U) return plain(words);
    var expanded = expandShorthand(words, U);
    var slots = segment(expanded.words, U);
    var meaningful = slots.some(function (s) { return !s.stop; });
    if (!meaningful) return plain(expanded.words);
    var n = expanded.words.length;
    var lastOriginal = !isStop(slots, n - 1) && expanded.from[n - 1] === words.length - 1 &&
      expanded.words[n - 1] === words[words.length - 1];
    var keep = [], index = [];
    expanded.words.forEach(function (w, i) { index.push(keep.length); if (!isStop(slots, i)) keep.push(w); });
    var asked = Object.create(null), events = [];
    slots = slots.filter(function (s) { return !s.stop; }).map(function (s) {
      s.words = expanded.words.slice(s.start, s.start + s.n);
      s.start = index[s.start];
      s.alts.forEach(function (alt) { alt.words.forEach(function (w) { asked[w] = true; }); });
      s.events.forEach(function (ei) { push(events, ei); });
      return s;
    });
    keep.forEach(function (w) { asked[w] = true; });
    return { words: keep, slots: slots, asked: asked, events: events, lastOriginal: lastOriginal };
  }

  function isStop(slots, i) {
    for (var k = 0; k < slots.length; k++) {
      var s = slots[k];
      if (s.stop && i >= s.start && i < s.start + s.n) return true;
    }
    return false;
  }

  function plain(words) {
    var asked = Object.create(null);
    words.forEach(function (w) { asked[w] = true; });
    return {
      words: words.slice(),
      slots: words.map(function (w, i) { return { start: i, n: 1, words: [w], weight: 1, stop: false, alts: [], events: []}; }),
      asked: asked,
      events: [],
      lastOriginal: true
    };
  }

  /** Does `words` contain `phrase` (both folded word lists) as consecutive words? */
  function contains(words, phrase) {
    outer: for (var i = 0; i + phrase.length <= words.length; i++) {
      for (var j = 0; j < phrase.length; j++) if (words[i + j] !== phrase[j]) continue outer;
      return true;
    }
    return false;
  }

  function startsWith(words, phrase) {
    if (phrase.length > words.length) return false;
    for (var j = 0; j < phrase.length; j++) if (words[j] !== phrase[j]) return false;
    return true;
  }

  function askedAll(phrase, asked) {
    return phrase.every(function (w) { return asked[w]; });
  }

  /**
   * How many special cases a name adds that the query did not ask for: a qualifier anywhere in
   * the name ("luu dong", "co yeu to nuoc ngoai") and an action the name starts with ("cap lai",
   * "gia han"). The plain procedure has none, so it comes first.
   */
  function unasked(nameWords, read, U) {
    if (!U) return 0;
    var count = 0;
    U.qualifiers.forEach(function (q) { if (contains(nameWords, q) && !askedAll(q, read.asked)) count++; });
    for (var k = 0; k < U.actions.length; k++) {
      var a = U.actions[k];
      if (startsWith(nameWords, a)) { if (!askedAll(a, read.asked)) count++; break; }
    }
    return count;
  }

  return { compile: compile, read: read, unasked: unasked, contains: contains };
});
