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

  // How many first characters (past an ال-group) name a term's shard: the index's meta.json says (Analyser.shardOf).
  function shardLength(term, depth) {
    for (var i = 0; i < SHARD_ARTICLES.length; i++) {
      if (term.startsWith(SHARD_ARTICLES[i])) return SHARD_ARTICLES[i].length + Math.max(1, depth - 1);
    }
    return depth;
  }

  function shardOf(term, depth) {
    var prefix = term.substring(0, Math.min(shardLength(term, depth), term.length)), hex = '';
    for (var i = 0; i < prefix.length; i++) hex += ('000' + prefix.charCodeAt(i).toString(16)).slice(-4);
    return hex;
  }

  // ---- Ranking -------------------------------------------------------------------------------------------

  var MAX_RESULTS = 20; // the head a blocked term keeps in its shard holds as many (SearchIndex.HEAD)
  // an exact term in the body (weight ≥ 1) outranks a stem in the title (weight ≤ 15)
  var EXACT = 16, STEM = 1, PREFIX = 1;
  // the most postings a query's rarest word may have for its blocks to be loaded whole (~40 KB)
  var MAX_CANDIDATES = 8192;

  /**
   * Adds weight × factor for each posting ([Δid, weight, …]) to scores (id → best score of this word); with
   * only, for those ids alone.
   */
  function collect(postings, factor, scores, only) {
    if (!postings) return;
    for (var i = 0, id = 0; i < postings.length; i += 2) {
      id += postings[i];
      var s = postings[i + 1] * factor;
      if ((!only || only.has(id)) && !(scores.get(id) >= s)) scores.set(id, s);
    }
  }

  /** The same for a blocked term's head, whose ids are written whole ([id, weight, …], best first). */
  function collectHead(head, factor, scores) {
    for (var i = 0; i < head.length; i += 2) {
      var s = head[i + 1] * factor;
      if (!(scores.get(head[i]) >= s)) scores.set(head[i], s);
    }
  }

  /**
   * A query word's posting lists: its exact term, its stems and, for the word being typed, the terms it
   * begins. A list is whole ([Δid, weight, …]) or, for a term in many articles, blocked: {n: count, h: best
   * postings, b: first id of each block, f: the blocks' file name}.
   */
  function wordLists(shard, depth, word, prefix) {
    var names = [word.exact].concat(word.stems);
    return Promise.all(names.map(shard)).then(function (shards) {
      var lists = [];
      function add(terms, kind, term, factor) {
        if (terms && terms[term] !== undefined) lists.push({ v: terms[term], kind: kind, term: term, factor: factor });
      }
      add(shards[0] && shards[0].e, 'e', word.exact, EXACT);
      word.stems.forEach(function (stem, i) { add(shards[i + 1] && shards[i + 1].s, 's', stem, STEM); });
      if (prefix && shards[0] && word.exact.length >= shardLength(word.exact, depth)) {
        Object.keys(shards[0].e).forEach(function (term) {
          if (term.length > word.exact.length && term.startsWith(word.exact)) add(shards[0].e, 'e', term, PREFIX);
        });
      }
      return lists;
    });
  }

  function isWhole(list) { return Array.isArray(list.v); }

  function postingCount(lists) {
    return lists.reduce(function (n, list) { return n + (isWhole(list) ? list.v.length / 2 : list.v.n); }, 0);
  }

  /** The block of a blocked list that holds id (the last one starting at or before it), or -1. */
  function blockOf(firsts, id) {
    var low = 0, high = firsts.length - 1, found = -1;
    while (low <= high) {
      var middle = (low + high) >> 1;
      if (firsts[middle] <= id) { found = middle; low = middle + 1; } else high = middle - 1;
    }
    return found;
  }

  /**
   * id → score of one word. A blocked list gives its head and, when the query has candidates (every article
   * of its rarest whole word), the blocks holding them: so every candidate's score is exact, and a one-word
   * query's best results are exact too (a list's best postings are in its head).
   */
  function wordScores(lists, load, candidates) {
    var scores = new Map();
    return Promise.all(lists.map(function (list) {
      if (isWhole(list)) { collect(list.v, list.factor, scores); return null; }
      collectHead(list.v.h, list.factor, scores);
      if (!candidates) return null;
      var blocks = new Set();
      candidates.forEach(function (id) { var b = blockOf(list.v.b, id); if (b >= 0) blocks.add(b); });
      return Promise.all(Array.from(blocks).sort(function (a, b) { return a - b; }).map(function (b) {
        return load('blocks/' + list.v.f + '-' + b + '.json').then(function (file) {
          collect(file && file[list.kind] && file[list.kind][list.term], list.factor, scores, candidates);
        });
      }));
    })).then(function () { return scores; });
  }

  /**
   * Every article of the query's rarest word (its blocks loaded when it has up to MAX_CANDIDATES postings),
   * or null: one word, or every word in more articles than that (the heads rank them then).
   */
  function candidatesOf(perWordLists, load) {
    if (perWordLists.length < 2) return Promise.resolve(null);
    var rarest = perWordLists.reduce(function (a, b) { return postingCount(b) < postingCount(a) ? b : a; });
    if (postingCount(rarest) > MAX_CANDIDATES) return Promise.resolve(null);
    var ids = new Set();
    function add(postings) {
      for (var i = 0, id = 0; postings && i < postings.length; i += 2) { id += postings[i]; ids.add(id); }
    }
    return Promise.all(rarest.map(function (list) {
      if (isWhole(list)) return add(list.v);
      return Promise.all(list.v.b.map(function (first, b) {
        return load('blocks/' + list.v.f + '-' + b + '.json').then(function (file) {
          add(file && file[list.kind] && file[list.kind][list.term]);
        });
      }));
    })).then(function () { return ids; });
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
    return function (text) {
      return load('meta.json').then(function (meta) { return searchWith(text, (meta && meta.depth) || 3); });
    };
    function searchWith(text, depth) {
      function shard(term) { return load('terms/' + shardOf(term, depth) + '.json'); }
      var analysed = [];
      words(text).forEach(function (w) { var t = terms(w); if (t) analysed.push(t); });
      var typing = !/[\s\u060C.,!?؟]$/.test(text);
      var query = { exact: new Set(), stems: new Set(), prefix: null };
      analysed.forEach(function (t) { query.exact.add(t.exact); t.stems.forEach(function (s) { query.stems.add(s); }); });
      if (!analysed.length) return Promise.resolve({ ids: [], query: query });
      var last = analysed[analysed.length - 1];
      if (typing && last.exact.length >= shardLength(last.exact, depth)) query.prefix = last.exact;
      return Promise.all(analysed.map(function (t, i) {
        return wordLists(shard, depth, t, typing && i === analysed.length - 1);
      })).then(function (perWordLists) {
        return candidatesOf(perWordLists, load).then(function (candidates) {
          return Promise.all(perWordLists.map(function (lists) { return wordScores(lists, load, candidates); }));
        });
      }).then(function (perWord) { return { ids: rank(perWord), query: query }; });
    }
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
