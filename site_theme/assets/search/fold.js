/*
 * Công Khai search: the Vietnamese folding function, a byte-identical port of
 * generator/core/fold.py (rules documented there and in docs/search.md).
 * Both are tested against tests/search/fold_cases.json. Works in browsers (window.CKFold)
 * and in Node (module.exports).
 */
(function (root, factory) {
  if (typeof module === "object" && module.exports) module.exports = factory();
  else root.CKFold = factory();
})(typeof self !== "undefined" ? self : this, function () {
  "use strict";

  var WORD = /[0-9]+(?:\.[0-9]+)+|[a-z0-9]+/g;
  var MARKS = /\p{M}/gu;
  var CONSONANTS = "bcdfghjklmnpqrstvwxz";

  /** Lower-case text and drop every tone and vowel mark; đ and ð become d. */
  function stripMarks(text) {
    return String(text).normalize("NFKD").toLowerCase().replace(MARKS, "").replace(/[\u0111\u00f0]/g, "d");
  }

  /** Apply the spelling-variant rules to one already stripped word. */
  function foldWord(word) {
    if (word.slice(0, 2) === "dd") word = word.slice(1);
    if (word.charAt(0) === "f") word = "ph" + word.slice(1);
    var n = word.length;
    if (n >= 2 && word.charAt(n - 1) === "y" && (CONSONANTS.indexOf(word.charAt(n - 2)) >= 0 || word === "quy")) {
      word = word.slice(0, -1) + "i";
    }
    return word;
  }

  /** Fold text into the list of search words, in order. */
  function foldTokens(text) {
    var words = stripMarks(text).match(WORD) || [];
    return words.map(foldWord);
  }

  /** Fold text into one string of search words separated by single spaces. */
  function fold(text) {
    return foldTokens(text).join(" ");
  }

  return { stripMarks: stripMarks, foldWord: foldWord, foldTokens: foldTokens, fold: fold };
});
