/*
 * Midad search: analyses the query exactly as dev.midad.search.Analyser analysed the articles at build time
 * (a test runs one word list through both), fetches only the index files the query's terms live in, ranks,
 * and shows results as you type. No server, no third-party request.
 */
(function () {
  'use strict';

  // ---- Analysis: keep in step with Analyser.java (AnalyserParityTest fails when they differ) ----------------

  var SEPARATOR = 0, MARK = 1, LATIN = 2, DIGIT = 3, ARABIC = 4;
  var LETTER = /\p{L}/u, NONSPACING = /\p{Mn}/u, DECIMAL = /\p{Nd}/u;
  var STOP_WORDS = new Set(['في', 'من', 'الي', 'علي', 'عن', 'ان', 'او', 'ثم', 'قد', 'لا', 'ما', 'لم', 'لن', 'هذا',
    'هذه', 'ذلك', 'تلك', 'التي', 'الذي', 'الذين', 'و', 'مع', 'كان', 'كانت', 'هو', 'هي', 'بين', 'حتي', 'اذا', 'كما',
    'لقد', 'منذ', 'عند', 'the', 'of', 'and', 'a', 'to', 'in']);
  var PROCLITIC_ARTICLES = ['وبال', 'فبال', 'وكال', 'فكال', 'ولل', 'فلل'];
  var SINGLE_PROCLITICS = 'وفبكل';
  var PRONOUNS_AFTER_TEH = ['هما', 'ها', 'هم', 'هن', 'كما', 'كم', 'نا', 'ه', 'ك', 'ي'];
  var PRONOUNS = ['هما', 'هم', 'هن', 'كما', 'كم', 'نا'];
  var SHARD_ARTICLES = ['وال', 'بال', 'كال', 'فال', 'ولل', 'ال', 'لل'];
  // Lucene's ArabicStemmer, in its order
  var LUCENE_PREFIXES = ['ال', 'وال', 'بال', 'كال', 'فال', 'لل', 'و'];
  var LUCENE_SUFFIXES = ['ها', 'ان', 'ات', 'ون', 'ين', 'يه', 'ية', 'ه', 'ة', 'ي'];

  function kind(c) {
    var code = c.charCodeAt(0);
    if ((code >= 0x0660 && code <= 0x0669) || (code >= 0x06F0 && code <= 0x06F9)) return DIGIT;
    var arabicBlock = (code >= 0x0600 && code <= 0x06FF) || (code >= 0x0750 && code <= 0x077F)
      || (code >= 0x08A0 && code <= 0x08FF) || (code >= 0xFB50 && code <= 0xFDFF) || (code >= 0xFE70 && code <= 0xFEFF);
    if (NONSPACING.test(c)) return arabicBlock ? ARABIC : MARK;
    if (LETTER.test(c)) return arabicBlock ? ARABIC : LATIN;
    if (DECIMAL.test(c)) return DIGIT;
    return SEPARATOR;
  }

  /** The words of text with their offsets: [{word, start, end}]. */
  function wordSpans(text) {
    var spans = [], start = -1, startKind = 0;
    for (var i = 0; i <= text.length; i++) {
      var k = i < text.length ? kind(text.charAt(i)) : SEPARATOR;
      if (start >= 0) {
        var joins = k === MARK
          || ((k === ARABIC) === (startKind === ARABIC) && k !== SEPARATOR)
          || (k === SEPARATOR && startKind !== ARABIC && text.charAt(i) === '-' && i + 1 < text.length
            && kind(text.charAt(i + 1)) !== ARABIC && kind(text.charAt(i + 1)) >= LATIN
            && kind(text.charAt(i - 1)) >= LATIN);
        if (joins) continue;
        spans.push({ word: text.substring(start, i), start: start, end: i });
        start = -1;
      }
      if (k === ARABIC || k === LATIN || k === DIGIT) {
        start = i;
        startKind = k;
      }
    }
    return spans;
  }

  function words(text) {
    return wordSpans(text).map(function (s) { return s.word; });
  }

  function normalise(word) {
    var out = '';
    for (var i = 0; i < word.length; i++) {
      var c = word.charAt(i), code = c.charCodeAt(0);
      if (code >= 0x0660 && code <= 0x0669) out += String.fromCharCode(48 + code - 0x0660);
      else if (code >= 0x06F0 && code <= 0x06F9) out += String.fromCharCode(48 + code - 0x06F0);
      else if (code === 0x06A9) out += '\u0643';
      else if (code === 0x06CC) out += '\u064A';
      else if (code === 0x0671) out += '\u0627';
      else if (code !== 0x0640 && !NONSPACING.test(c)) out += c;
    }
    out = out.toLowerCase();
    // Lucene's ArabicNormalizer
    var result = '';
    for (var j = 0; j < out.length; j++) {
      var ch = out.charAt(j), n = ch.charCodeAt(0);
      if (n === 0x0622 || n === 0x0623 || n === 0x0625) result += '\u0627';
      else if (n === 0x0649) result += '\u064A';
      else if (n === 0x0629) result += '\u0647';
      else if (n === 0x0640 || (n >= 0x064B && n <= 0x0652)) continue;
      else result += ch;
    }
    return result;
  }

  function luceneStem(word) {
    var s = word;
    for (var i = 0; i < LUCENE_PREFIXES.length; i++) {
      var p = LUCENE_PREFIXES[i];
      if (p.length === 1 && s.length < 4) continue;
      if (s.length < p.length + 2) continue;
      if (s.startsWith(p)) { s = s.substring(p.length); break; }
    }
    for (var j = 0; j < LUCENE_SUFFIXES.length; j++) {
      var x = LUCENE_SUFFIXES[j];
      if (s.length >= x.length + 2 && s.endsWith(x)) s = s.substring(0, s.length - x.length);
    }
    return s;
  }

  function variants(word) {
    var bases = [word];
    PROCLITIC_ARTICLES.forEach(function (a) {
      if (word.startsWith(a) && word.length - a.length >= 2) bases.push(word.substring(a.length));
    });
    if (word.length >= 4 && SINGLE_PROCLITICS.indexOf(word.charAt(0)) >= 0
      && (word.charAt(1) === '\u0627' || word.length >= 5)) {
      bases.push(word.substring(1));
    }
    var out = bases.slice(1);
    bases.forEach(function (base) {
      for (var i = 0; i < PRONOUNS_AFTER_TEH.length; i++) {
        var p = PRONOUNS_AFTER_TEH[i], teh = base.length - p.length - 1;
        if (teh >= 2 && base.endsWith(p) && base.charAt(teh) === '\u062A') {
          out.push(base.substring(0, teh) + '\u0647');
          break;
        }
      }
      for (var j = 0; j < PRONOUNS.length; j++) {
        var q = PRONOUNS[j];
        if (base.endsWith(q) && base.length - q.length >= 3) {
          out.push(base.substring(0, base.length - q.length));
          break;
        }
      }
    });
    return out;
  }

  function isArabic(word) {
    for (var i = 0; i < word.length; i++) if (kind(word.charAt(i)) === ARABIC) return true;
    return false;
  }

  /** {exact, stems} for one word, or null for a stop word. */
  function terms(word) {
    var exact = normalise(word);
    if (!exact || STOP_WORDS.has(exact)) return null;
    if (!isArabic(exact)) return { exact: exact, stems: [exact.split('-').join('')] };
    var stems = [luceneStem(exact)];
    variants(exact).forEach(function (v) {
      var s = luceneStem(v);
      if (s.length >= 3 && stems.indexOf(s) < 0) stems.push(s);
    });
    return { exact: exact, stems: stems };
  }

  function shardLength(term) {
    for (var i = 0; i < SHARD_ARTICLES.length; i++) {
      if (term.startsWith(SHARD_ARTICLES[i])) return SHARD_ARTICLES[i].length + 2;
    }
    return 3;
  }

  function shardOf(term) {
    var prefix = term.substring(0, Math.min(shardLength(term), term.length)), hex = '';
    for (var i = 0; i < prefix.length; i++) hex += ('000' + prefix.charCodeAt(i).toString(16)).slice(-4);
    return hex;
  }

  // ---- Ranking -------------------------------------------------------------------------------------------

  var MAX_RESULTS = 20;
  // an exact term in the body (weight ≥ 1) outranks a stem in the title (weight ≤ 15)
  var EXACT = 16, STEM = 1, PREFIX = 1;

  /** Adds weight × factor for each posting to scores (id → best score of this word). */
  function collect(postings, factor, scores) {
    if (!postings) return;
    for (var i = 0, id = 0; i < postings.length; i += 2) {
      id += postings[i];
      var s = postings[i + 1] * factor;
      if (!(scores.get(id) >= s)) scores.set(id, s);
    }
  }

  /** For each query word, the ids it matches with their score; the last word also matches as a prefix. */
  function wordScores(shard, word, prefix) {
    var names = [word.exact].concat(word.stems);
    return Promise.all(names.map(shard)).then(function (shards) {
      var scores = new Map();
      collect(shards[0] && shards[0].e[word.exact], EXACT, scores);
      word.stems.forEach(function (stem, i) { collect(shards[i + 1] && shards[i + 1].s[stem], STEM, scores); });
      if (prefix && shards[0] && word.exact.length >= shardLength(word.exact)) {
        Object.keys(shards[0].e).forEach(function (term) {
          if (term.length > word.exact.length && term.startsWith(word.exact)) collect(shards[0].e[term], PREFIX, scores);
        });
      }
      return scores;
    });
  }

  function rank(perWord) {
    var total = new Map(), hits = new Map();
    perWord.forEach(function (scores) {
      scores.forEach(function (s, id) {
        total.set(id, (total.get(id) || 0) + s);
        hits.set(id, (hits.get(id) || 0) + 1);
      });
    });
    var ids = Array.from(total.keys());
    ids.sort(function (a, b) {
      return (hits.get(b) - hits.get(a)) || (total.get(b) - total.get(a)) || (b - a);
    });
    var all = ids.filter(function (id) { return hits.get(id) === perWord.length; });
    return (all.length ? all : ids).slice(0, MAX_RESULTS);
  }


  /**
   * A search over an index whose files load(path) gives (a promise of the parsed JSON, or null):
   * search(text) resolves to {ids, query} — the best document ids, and the query's terms for highlighting.
   */
  function createSearch(load) {
    function shard(term) { return load('terms/' + shardOf(term) + '.json'); }
    return function (text) {
      var analysed = [];
      words(text).forEach(function (w) { var t = terms(w); if (t) analysed.push(t); });
      var typing = !/[\s\u060C.,!?؟]$/.test(text);
      var query = { exact: new Set(), stems: new Set(), prefix: null };
      analysed.forEach(function (t) { query.exact.add(t.exact); t.stems.forEach(function (s) { query.stems.add(s); }); });
      if (!analysed.length) return Promise.resolve({ ids: [], query: query });
      var last = analysed[analysed.length - 1];
      if (typing && last.exact.length >= shardLength(last.exact)) query.prefix = last.exact;
      return Promise.all(analysed.map(function (t, i) {
        return wordScores(shard, t, typing && i === analysed.length - 1);
      })).then(function (perWord) { return { ids: rank(perWord), query: query }; });
    };
  }

  var api = { words: words, normalise: normalise, terms: terms, shardOf: shardOf, createSearch: createSearch };
  if (typeof module !== 'undefined' && module.exports) {
    module.exports = api;
  }
  if (typeof document === 'undefined') return;

  // ---- Search page ---------------------------------------------------------------------------------------

  var script = document.currentScript;
  var input = document.getElementById('search-q');
  var list = document.getElementById('search-results');
  var status = document.getElementById('search-status');
  if (!script || !input || !list || !status) return;
  var base = script.getAttribute('data-index');
  var foundText = script.getAttribute('data-found') || '{0}';
  var noneText = script.getAttribute('data-none') || '{0}';
  var cache = new Map();

  function load(path) {
    if (!cache.has(path)) {
      cache.set(path, fetch(base + path).then(function (r) { return r.ok ? r.json() : null; })
        .catch(function () { return null; }));
    }
    return cache.get(path);
  }

  var find = createSearch(load);

  /** text as nodes: matched words in <mark>, Latin words isolated in <bdi>. */
  function highlighted(text, query) {
    var fragment = document.createDocumentFragment(), at = 0;
    wordSpans(text).forEach(function (span) {
      var t = terms(span.word);
      var match = t && (query.exact.has(t.exact) || t.stems.some(function (s) { return query.stems.has(s); })
        || (query.prefix && t.exact.startsWith(query.prefix)));
      var latin = /[^\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF\d\p{M}\-]/u.test(span.word);
      if (!match && !latin) return;
      fragment.appendChild(document.createTextNode(text.substring(at, span.start)));
      var node = document.createTextNode(span.word);
      if (match) {
        var mark = document.createElement('mark');
        mark.appendChild(node);
        node = mark;
      }
      if (latin) {
        var bdi = document.createElement('bdi');
        bdi.appendChild(node);
        node = bdi;
      }
      fragment.appendChild(node);
      at = span.end;
    });
    fragment.appendChild(document.createTextNode(text.substring(at)));
    return fragment;
  }

  function result(doc, query) {
    var li = document.createElement('li');
    li.className = 'search-result';
    var h = document.createElement('h2');
    h.className = 'search-result-title';
    var a = document.createElement('a');
    a.href = doc.u;
    a.appendChild(highlighted(doc.t, query));
    h.appendChild(a);
    li.appendChild(h);
    var meta = document.createElement('p');
    meta.className = 'card-meta';
    if (doc.s) {
      var section = document.createElement('span');
      section.className = 'search-result-section';
      section.textContent = doc.s;
      meta.appendChild(section);
      meta.appendChild(document.createTextNode(' · '));
    }
    var date = document.createElement('span');
    date.className = 'card-date';
    date.textContent = doc.d;
    meta.appendChild(date);
    li.appendChild(meta);
    if (doc.x) {
      var p = document.createElement('p');
      p.className = 'search-result-snippet';
      p.appendChild(highlighted(doc.x, query));
      li.appendChild(p);
    }
    return li;
  }

  var latest = 0;

  function search(text) {
    var ticket = ++latest;
    return find(text).then(function (found) {
      return Promise.all(found.ids.map(function (id) { return load('docs/' + id + '.json'); })).then(function (docs) {
        if (ticket !== latest) return; // a newer query is on its way
        docs = docs.filter(Boolean);
        list.replaceChildren.apply(list, docs.map(function (d) { return result(d, found.query); }));
        status.textContent = !text.trim() ? '' : (docs.length ? foundText : noneText).replace('{0}', text.trim());
        list.setAttribute('data-query', text);
      });
    });
  }

  var timer = 0;
  input.addEventListener('input', function () {
    clearTimeout(timer);
    timer = setTimeout(function () {
      var url = new URL(location.href);
      url.searchParams.set('q', input.value);
      history.replaceState(null, '', url);
      search(input.value);
    }, 120);
  });
  input.form.addEventListener('submit', function (event) {
    event.preventDefault();
    clearTimeout(timer);
    search(input.value);
  });
  var initial = new URLSearchParams(location.search).get('q');
  if (initial) {
    input.value = initial;
    search(initial);
  }
})();
