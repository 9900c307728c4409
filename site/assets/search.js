// Search as you type on the search page: progressive enhancement, no dependencies.
//
// Without JavaScript the search form leads to the search page, which lists
// every unit A–Z. With it, this module loads the Pagefind index of the page's
// language (path in data-pagefind-path), searches for the `q` in the address
// and then for whatever is typed, shows the results as a list of links, and
// announces their number in the live status line. Every string comes from
// data-* attributes that the template fills in the page's language.
//
// Excerpts from Pagefind contain <mark> around matches; they are turned into
// DOM nodes by hand: text stays text, <mark> is the only element created.

const DEBOUNCE_MS = 300;
const MAX_RESULTS = 30;
const MAX_SECTIONS = 3;

const container = document.getElementById('search-results');
if (container instanceof HTMLElement && container.dataset.pagefindPath) {
  enhance(container);
}

/** @param {HTMLElement} container */
function enhance(container) {
  const status = container.querySelector('[data-search-status]');
  const section = document.getElementById('search-result-section');
  const list = document.getElementById('search-result-list');
  const form = document.querySelector('form[role="search"]');
  const input = form?.querySelector('input[name="q"]');
  if (!(status instanceof HTMLElement) || !section || !list || !(form instanceof HTMLFormElement) || !(input instanceof HTMLInputElement)) {
    return;
  }
  const text = container.dataset;
  const lang = text.lang || document.documentElement.lang || 'en';
  // Result titles are charter names in the page's language (`se` on /se/), which may differ from the interface's.
  const resultsLang = text.resultsLang && text.resultsLang !== lang ? text.resultsLang : undefined;
  // Titles in a right-to-left language (`ar` on /ar/) run right to left inside the interface's left-to-right page.
  const resultsDir = resultsLang && text.resultsDir !== (document.documentElement.dir || 'ltr') ? text.resultsDir : undefined;
  const plural = new Intl.PluralRules(lang);
  const numbers = new Intl.NumberFormat(lang);

  /** @type {Promise<any> | undefined} */
  let pagefindLoad;
  let pagefindReady = false;
  let latest = 0;
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let timer;

  const loadPagefind = () => {
    pagefindLoad ??= import(String(text.pagefindPath)).then(async (pagefind) => {
      // Result addresses are paths in the output folder; a site under a sub-path adds its base.
      await pagefind.options?.({ excerptLength: 24, baseUrl: text.base ?? '/' });
      await pagefind.init?.();
      pagefindReady = true;
      return pagefind;
    });
    return pagefindLoad;
  };

  const setStatus = (message) => {
    status.textContent = message;
  };

  const clear = () => {
    list.replaceChildren();
    section.hidden = true;
  };

  const fill = (template, count, query) =>
    String(template ?? '')
      .replaceAll('{count}', numbers.format(count))
      .replaceAll('{query}', query);

  const run = async (rawQuery) => {
    const query = rawQuery.trim();
    const ticket = ++latest;
    if (query === '') {
      clear();
      setStatus('');
      return;
    }
    // Only the first search waits for the index to load; later ones are instant.
    if (!pagefindReady) setStatus(text.textLoading ?? '');
    try {
      const pagefind = await loadPagefind();
      const search = await pagefind.search(query);
      if (ticket !== latest || !search) return;
      const total = search.results.length;
      const data = await Promise.all(search.results.slice(0, MAX_RESULTS).map((result) => result.data()));
      if (ticket !== latest) return;
      if (total === 0) {
        clear();
        setStatus(fill(text.textNone, 0, query));
        return;
      }
      list.replaceChildren(...data.map((result) => resultItem(result, resultsLang, resultsDir)));
      section.hidden = false;
      const key = plural.select(total) === 'one' ? 'textOne' : 'textOther';
      setStatus(fill(text[key], total, query));
    } catch {
      if (ticket !== latest) return;
      clear();
      setStatus(text.textUnavailable ?? '');
    }
  };

  const remember = (query) => {
    const url = new URL(window.location.href);
    if (query.trim() === '') url.searchParams.delete('q');
    else url.searchParams.set('q', query);
    window.history.replaceState(null, '', url);
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearTimeout(timer);
    remember(input.value);
    run(input.value);
  });

  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      remember(input.value);
      run(input.value);
    }, DEBOUNCE_MS);
  });

  // Typing now works, so the note that it needs JavaScript can go.
  for (const note of document.querySelectorAll('[data-search-note]')) {
    if (note instanceof HTMLElement) note.hidden = true;
  }

  const initial = new URLSearchParams(window.location.search).get('q') ?? '';
  if (initial.trim() !== '') {
    input.value = initial;
    run(initial);
  }
}

/** One result: its title as a heading with a link (marked with the charter's language when it is not the interface's), the excerpt, and links to matching sections. */
function resultItem(data, titleLang, titleDir) {
  const item = document.createElement('li');
  item.className = 'search-result';

  const heading = document.createElement('h3');
  heading.className = 'search-result__title';
  if (titleLang) heading.lang = titleLang;
  if (titleDir === 'ltr' || titleDir === 'rtl') heading.dir = titleDir;
  heading.append(link(data.url, data.meta?.title || data.url));
  item.append(heading);

  if (data.excerpt) {
    const excerpt = document.createElement('p');
    excerpt.className = 'search-result__excerpt';
    excerpt.append(...excerptNodes(data.excerpt));
    item.append(excerpt);
  }

  const sections = (Array.isArray(data.sub_results) ? data.sub_results : [])
    .filter((sub) => sub && typeof sub.url === 'string' && sub.url.includes('#') && sub.title)
    .slice(0, MAX_SECTIONS);
  if (sections.length > 0) {
    const sublist = document.createElement('ul');
    sublist.className = 'search-result__sections';
    for (const sub of sections) {
      const subItem = document.createElement('li');
      subItem.append(link(sub.url, sub.title));
      sublist.append(subItem);
    }
    item.append(sublist);
  }
  return item;
}

/** A link to a page of this site; any other address becomes plain text. */
function link(url, title) {
  const text = decodeEntities(String(title));
  if (typeof url !== 'string' || !isSiteUrl(url)) return document.createTextNode(text);
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.textContent = text;
  return anchor;
}

function isSiteUrl(url) {
  try {
    return new URL(url, window.location.href).origin === window.location.origin;
  } catch {
    return false;
  }
}

/** Pagefind's excerpt (escaped text with <mark>…</mark>) as text nodes and <mark> elements only. */
function excerptNodes(excerpt) {
  const nodes = [];
  const parts = String(excerpt).split(/(<mark>|<\/mark>)/);
  let marked = false;
  for (const part of parts) {
    if (part === '<mark>') {
      marked = true;
    } else if (part === '</mark>') {
      marked = false;
    } else if (part !== '') {
      // Any other tag-like text is shown as text, never parsed as markup.
      const textNode = document.createTextNode(decodeEntities(part));
      if (marked) {
        const mark = document.createElement('mark');
        mark.append(textNode);
        nodes.push(mark);
      } else {
        nodes.push(textNode);
      }
    }
  }
  return nodes;
}

const NAMED_ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Decodes the character references Pagefind uses when it escapes text. */
function decodeEntities(value) {
  return value.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, name) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isInteger(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[name.toLowerCase()] ?? whole;
  });
}
